import Foundation

/// The one place where text from outside — form fields, query strings, names in imported files — is made safe to
/// store and show again.
///
/// Removed: NUL and the other C0 and C1 control characters (PostgreSQL refuses NUL, SQLite cuts the text at it, and
/// none of them belongs in anything a person types), and the bidirectional overrides that make text read differently
/// from what it holds. Line breaks in every form (CRLF, lone CR, lone LF, U+2028/2029) become one `\n`, or a space
/// in a one-line field. Text is normalised to NFC so "é" typed on two keyboards is one name.
///
/// NB: this works on Unicode scalars, not `Character`s: in Swift "\r\n" is a single `Character`, so a check on
/// characters misses a lone CR or LF.
public enum InputText {
    public static func clean(_ text: String, multiline: Bool = true) -> String {
        // Printable ASCII needs nothing removed and is already in canonical form (most names in a file).
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            switch scalar.value {
            case 0x0D:
                if pending == "\n" { pending = iterator.next() }
                scalars.append(multiline ? "\n" : " ")
            case 0x0A, 0x2028, 0x2029:
                scalars.append(multiline ? "\n" : " ")
            case 0x09:
                scalars.append(multiline ? "\t" : " ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Whether text holds a character `clean` would remove (line breaks and tabs do not count).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}
