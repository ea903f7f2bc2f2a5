import Core
import Foundation

/// Reads one text cell of a numeric column as CBS and its users write it.
///
/// - `.` (CBS: "onbekend, onvoldoende betrouwbaar of geheim") and `x` (StatLine: "geheim") are secret.
/// - Empty and `NA` (R exports) are missing.
/// - `-99999999` (secret) and `-99999997` (not applicable) are the Wijk- en Buurtkaart sentinels.
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
        if value == -99_999_999 { return .secret }
        if value == -99_999_997 { return .notApplicable }
        return .value(value)
    }
}
