import Core
import Foundation

/// Reads one text cell of a numeric column as CBS and its users write it.
///
/// - `.` (CBS: "onbekend, onvoldoende betrouwbaar of geheim") and `x` (StatLine: "geheim") are secret.
/// - Empty and `NA` (R exports) are missing.
/// - The Wijk- en Buurtkaart and PDOK write negative sentinels instead of figures: -99999999 (seen in the real
///   files: secret or unknown), -99999998 and PDOK's -99998 (read as secret), -99999997 and PDOK's -99997 (not
///   applicable). No real value of any catalogue indicator comes near them.
/// - A decimal comma is accepted as well as a decimal point; CBS never writes thousands separators, so `1.234`
///   is one point two three four.
enum CellParser {
    static func parse(_ text: String) -> Cell? {
        if let value = plainNumber(text) { return classify(value) }
        switch text {
        case "": return .missing
        case ".", "x", "X": return .secret
        case "NA", "na", "n.v.t.": return text == "n.v.t." ? .notApplicable : .missing
        default: break
        }
        var normalised = text
        if !text.contains("."), text.filter({ $0 == "," }).count == 1 {
            normalised = text.replacingOccurrences(of: ",", with: ".")
        }
        guard normalised.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(normalised), value.isFinite
        else { return nil }
        return classify(value)
    }

    private static func classify(_ value: Double) -> Cell {
        switch value {
        case -99_999_999, -99_999_998, -99_998: return .secret
        case -99_999_997, -99_997: return .notApplicable
        default: return .value(value)
        }
    }

    private static let powersOfTen: [Double] = (1...22).reduce(into: [1.0]) { powers, _ in
        powers.append(powers.last! * 10)
    }

    /// The common cell — optional minus, up to 15 digits, at most one `.` or `,` — read from its bytes without
    /// building another string. Mantissa and power of ten are both exact doubles, so one division rounds the same
    /// as `Double(String)` does (Clinger's fast path); anything else (exponents, long digits) goes the slow way.
    static func plainNumber(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            guard !bytes.isEmpty, bytes.count <= 17 else { return nil }
            var index = 0
            let negative = bytes[0] == UInt8(ascii: "-")
            if negative { index = 1 }
            var mantissa: UInt64 = 0
            var digits = 0
            var decimals = -1
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x30, byte <= 0x39 {
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    digits += 1
                    if decimals >= 0 { decimals += 1 }
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), decimals < 0 {
                    decimals = 0
                } else {
                    return nil
                }
                index += 1
            }
            // "5." and ".5" and a lone "-" are left to the slow path, which decides as it always did.
            guard digits > 0, digits <= 15, decimals != 0, index > (negative ? 1 : 0),
                bytes[negative ? 1 : 0] != UInt8(ascii: "."), bytes[negative ? 1 : 0] != UInt8(ascii: ",")
            else { return nil }
            let value = Double(mantissa) / powersOfTen[max(decimals, 0)]
            return negative ? -value : value
        }
    }
}
