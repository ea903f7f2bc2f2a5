/// iCalendar (RFC 5545) for theme meetings: one event per meeting, times in Europe/Amsterdam.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var meeting: Meeting
        public var summary: String
        public var location: String
        public var description: String
        public var url: String

        public init(uid: String, meeting: Meeting, summary: String, location: String, description: String, url: String)
        {
            (self.uid, self.meeting, self.summary, self.location, self.description, self.url) = (
                uid, meeting, summary, location, description, url
            )
        }
    }

    /// A calendar with the events; `stamp` is DTSTAMP in UTC ("20161201T120000Z").
    public static func calendar(name: String, events: [Event], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wijkradar//Kennisprogramma//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/Amsterdam",
        ]
        lines += timezone
        for event in events {
            let m = event.meeting
            lines += [
                "BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp,
                "DTSTART;TZID=Europe/Amsterdam:\(m.date.compact)T\(clock(m.startTime))",
                "DTEND;TZID=Europe/Amsterdam:\(m.date.compact)T\(clock(m.endTime))",
                "SEQUENCE:\(m.version)",
                "SUMMARY:" + escape(event.summary), "LOCATION:" + escape(event.location),
                "DESCRIPTION:" + escape(event.description), "URL:" + event.url, "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func clock(_ time: ClockTime) -> String {
        String(format: "%02d%02d00", time.minutes / 60, time.minutes % 60)
    }

    /// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character.
    static func fold(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = result.isEmpty ? 75 : 74
            if octets + size > limit {
                result.append(result.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        result.append(result.isEmpty ? current : " " + current)
        return result
    }

    /// Central European time with the EU daylight-saving rules, so calendars show the meeting at its local time.
    static let timezone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]
}
