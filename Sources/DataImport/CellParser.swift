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
        switch value {
        case -99_999_999, -99_999_998, -99_998: return .secret
        case -99_999_997, -99_997: return .notApplicable
        default: return .value(value)
        }
    }
}
