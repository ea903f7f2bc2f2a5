import Foundation

/// Numbers, money and dates as a Dutch reader expects them: 7.685 inwoners, 12,5%, 29 november 2026.
public enum DutchFormat {
    /// `7685` → "7.685", `12.5` with 1 decimal → "12,5". Rounds half away from zero.
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        let factor = pow(10.0, Double(decimals))
        let rounded = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(rounded / factor)
        let fraction = Int64(rounded) - whole * Int64(factor)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        var text = digits + grouped
        if decimals > 0 {
            let padded = String(fraction)
            text += "," + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return (value < 0 && rounded != 0 ? "-" : "") + text
    }

    /// A cell as text, its status always visible: secret is never shown as a number, computed is marked.
    public static func cell(_ cell: Cell, decimals: Int = 0) -> String {
        switch cell {
        case .value(let v): number(v, decimals: decimals)
        case .computed(let v): number(v, decimals: decimals) + " (berekend)"
        case .secret: "geheim"
        case .missing: "ontbreekt"
        case .notApplicable: "n.v.t."
        }
    }

    private static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                 "september", "oktober", "november", "december"]

    /// "29 november 2026", in the Europe/Amsterdam calendar day.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
    }
}
