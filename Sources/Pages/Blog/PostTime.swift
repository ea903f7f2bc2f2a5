import Core
import Foundation

/// Publication times of posts: stored as UTC seconds, written and read in Dutch time (Europe/Amsterdam).
public enum PostTime {
    static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt

    static func formatter(_ format: String, zone: TimeZone = zone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }

    /// "29 november 2026, 14:00".
    public static func dutch(_ seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return DutchFormat.date(date) + ", " + formatter("HH:mm").string(from: date)
    }

    /// The value of a `datetime-local` field.
    public static func input(_ seconds: Int) -> String {
        formatter("yyyy-MM-dd'T'HH:mm").string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A `datetime-local` value (or a date alone, at 09:00) read as Dutch time; nil when it is not a time.
    public static func parse(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = formatter("yyyy-MM-dd'T'HH:mm").date(from: text)
            ?? formatter("yyyy-MM-dd'T'HH:mm:ss").date(from: text)
        {
            return Int(date.timeIntervalSince1970)
        }
        return formatter("yyyy-MM-dd HH:mm").date(from: text + " 09:00").map { Int($0.timeIntervalSince1970) }
    }

    /// RFC 3339 in UTC, for Atom and the sitemap.
    public static func rfc3339(_ seconds: Int) -> String {
        formatter("yyyy-MM-dd'T'HH:mm:ss'Z'", zone: .gmt).string(
            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
