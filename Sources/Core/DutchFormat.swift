import Foundation

/// Numbers, money and dates as a Dutch reader expects them: 7.685 inwoners, 12,5%, 29 november 2026.
public enum DutchFormat {
    /// `7685` → "7.685", `12.5` with 1 decimal → "12,5". Rounds half away from zero; any finite value is
    /// formatted (no integer conversion that could trap), a non-finite one as "–".
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = min(max(decimals, 0), 10)
        let rounded = Self.rounded(abs(value), decimals: places)
        let plain = String(format: "%.\(places)f", rounded)
        let parts = plain.split(separator: ".", maxSplits: 1)
        var digits = Substring(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        var text = digits + grouped
        if parts.count > 1 { text += "," + parts[1] }
        return (value < 0 && rounded != 0 ? "-" : "") + text
    }

    /// The one rounding rule of every figure shown or handed out (page, CSV, Excel): half away from zero, so 12,5
    /// is 13 everywhere (`String(format:)` alone rounds half to even).
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        let factor = pow(10.0, Double(min(max(decimals, 0), 10)))
        return (value * factor).rounded(.toNearestOrAwayFromZero) / factor
    }

    /// What a cell without a number says, the same on pages and in downloads.
    public static func status(_ cell: Cell) -> String? {
        switch cell {
        case .value, .computed: nil
        case .secret: "geheim of niet beschikbaar"
        case .missing: "ontbreekt"
        case .notApplicable: "n.v.t."
        }
    }

    /// A change with its sign: "+1,2", "−0,4" (a real minus sign), "0,0".
    public static func signed(_ value: Double, decimals: Int = 0) -> String {
        let text = number(abs(value), decimals: decimals)
        guard text.contains(where: { $0 != "0" && $0 != "," }) else { return text }
        return (value > 0 ? "+" : "−") + text
    }

    /// A cell as text, its status always visible: secret is never shown as a number, computed is marked.
    public static func cell(_ cell: Cell, decimals: Int = 0) -> String {
        switch cell {
        case .value(let v): number(v, decimals: decimals)
        case .computed(let v): number(v, decimals: decimals) + " (berekend)"
        case .secret, .missing, .notApplicable: status(cell) ?? ""
        }
    }

    /// "1 seconde", "2 seconden", "0 resultaten": a count with the right form of its noun.
    /// "2014", "2014 en 2017", "2013, 2014 en 2017".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + items.last!
    }

    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(number(Double(n))) \(n == 1 ? singular : plural)"
    }

    /// A wait in words, rounded up: "32 seconden", "1 minuut", "15 minuten".
    public static func duration(seconds: Int) -> String {
        seconds < 60 ? count(max(seconds, 1), "seconde", "seconden") : count((seconds + 59) / 60, "minuut", "minuten")
    }

    private static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]

    /// "29 november 2026", in the Europe/Amsterdam calendar day.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
    }
}
