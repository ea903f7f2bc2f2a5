import Core
import Foundation

/// A calendar day without a time zone ("2017-02-09"): meetings are planned in days and local clock times, and a
/// day must not shift when a server runs in UTC.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        guard (1900...2200).contains(year),
            Self.calendar.date(from: components).map({ Self.calendar.component(.day, from: $0) == day }) == true
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Parses ISO 8601 "YYYY-MM-DD" only.
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }
    /// "9 februari 2017"
    public var dutch: String { "\(day) \(Self.months[month - 1]) \(year)" }
    /// "20170209", as iCalendar writes dates.
    public var compact: String { String(format: "%04d%02d%02d", year, month, day) }

    /// The last day of the month this day is in.
    public var endOfMonth: Day {
        let range = Self.calendar.range(
            of: .day, in: .month, for: Self.calendar.date(from: DateComponents(year: year, month: month, day: 1))!)!
        return Day(year: year, month: month, day: range.upperBound - 1)!
    }

    public func adding(days: Int) -> Day {
        let date = Self.calendar.date(
            byAdding: .day, value: days,
            to: Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!)!
        return Self.today(date)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Today in the Netherlands.
    public static func today(_ now: Date = Clock.current.now()) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december",
    ]
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return calendar
    }()
}

/// A local clock time "13:30".
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minutes: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: ":").split(
            separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h),
            (0..<60).contains(m)
        else { return nil }
        minutes = h * 60 + m
    }

    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}
