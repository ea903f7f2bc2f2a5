import Core
@testable import Programme
import Testing

/// The pure parts of the programme: days and times, meeting validation, iCalendar text, the CSV list and access.
@Suite struct CalendarAndListTests {
    static let programme = ProgrammeInfo(
        slug: "p", name: "P", organiser: "O", startsOn: Day(iso: "2016-12-01")!,
        endsOn: Day(iso: "2017-04-30")!, summary: "", source: "")

    static func meeting() -> Meeting {
        Meeting(
            id: 7, programmeID: 1, number: 1, title: "Gezondheid; wijk, stad", date: Day(iso: "2017-02-09")!,
            startTime: ClockTime("13:00")!,
            endTime: ClockTime("17:00")!, venue: "Wijkcentrum", address: "Statenweg 1, Emmen", version: 3)
    }

    @Test func daysAndTimesParseStrictly() {
        #expect(Day(iso: "2017-02-29") == nil)
        #expect(Day(iso: "2016-02-29")?.dutch == "29 februari 2016")
        #expect(Day(iso: "9-2-2017") == nil)
        #expect(Day(iso: "2017-02-01")!.endOfMonth.iso == "2017-02-28")
        #expect(ClockTime("9.30")?.description == "09:30")
        #expect(ClockTime("24:00") == nil && ClockTime("13") == nil)
    }

    @Test func meetingProblemsNameTheirField() {
        var m = Self.meeting()
        #expect(m.problems(in: Self.programme).isEmpty)
        m.date = Day(iso: "2017-05-01")!
        m.endTime = ClockTime("12:00")!
        m.presentations = [.init(cityID: 1, title: "a"), .init(cityID: 1, title: "b")]
        m.agenda = [.init(time: ClockTime("18:00")!, item: "Borrel")]
        #expect(
            m.problems(in: Self.programme) == [
                "Datum: 1 mei 2017 ligt buiten de programmaperiode (1 december 2016 – 30 april 2017).",
                "Eindtijd: 12:00 ligt niet na de begintijd 13:00.",
                "Presentaties: een bijeenkomst heeft 3 of 4 presenterende wijken, niet 2.",
                "Presentaties: een wijk presenteert één keer per bijeenkomst.",
            ])
        m.endTime = ClockTime("17:30")!
        #expect(m.problems(in: Self.programme).last == "Programma: 18:00 (Borrel) valt buiten 13:00–17:30.")
    }

    @Test func iCalendarEscapesFoldsAndUsesLocalTime() {
        var m = Self.meeting()
        m.title = String(repeating: "é", count: 50)  // 100 octets: must fold without splitting a character
        let text = ICalendar.calendar(
            name: "P",
            events: [
                .init(
                    uid: "bijeenkomst-7@x", meeting: m, summary: m.title,
                    location: "Wijkcentrum, Statenweg 1; Emmen", description: "regel 1\nregel 2",
                    url: "http://x/b/7")
            ], stamp: "20170101T000000Z")
        let lines = text.components(separatedBy: "\r\n")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20170209T130000"))
        #expect(lines.contains("DTEND;TZID=Europe/Amsterdam:20170209T170000"))
        #expect(lines.contains("SEQUENCE:3"))
        #expect(lines.contains("LOCATION:Wijkcentrum\\, Statenweg 1\\; Emmen"))
        #expect(lines.contains("DESCRIPTION:regel 1\\nregel 2"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let summary = lines.drop { !$0.hasPrefix("SUMMARY:") }.prefix { $0.hasPrefix("SUMMARY:") || $0.hasPrefix(" ") }
        #expect(summary.count == 2)
        #expect(
            summary.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
                == "SUMMARY:" + m.title)
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
    }

    @Test func participantListQuotesAndDefusesFormulas() {
        let p = Participant(
            id: 1, programmeID: 1, cityID: 1, name: "=HYPERLINK(\"x\")", email: "a@b.nl", organisation: "Lefier; Emmen",
            discipline: "wonen", role: "-1", involvedInWijkaanpak: true)
        let csv = ParticipantList.csv([
            .init(
                registration: Registration(
                    id: 1, meetingID: 1, participantID: 1, status: .registered, attended: true, createdAt: 0),
                participant: p, city: "Emmen")
        ])
        #expect(
            csv == "\u{FEFF}stad;naam;e-mail;organisatie;discipline;rol in de wijkaanpak;status;aanwezig\r\n"
                + "Emmen;\"'=HYPERLINK(\"\"x\"\")\";a@b.nl;\"Lefier; Emmen\";wonen;'-1;aangemeld;ja\r\n")
        // The finding of the hardening review: an organisation with a line break and a formula after it.
        var injected = p
        injected.organisation = "Org1\n=cmd|' /C calc'!A0"
        let lines = ParticipantList.csv([
            .init(
                registration: Registration(
                    id: 1, meetingID: 1, participantID: 1, status: .registered,
                    attended: nil, createdAt: 0), participant: injected, city: "Emmen")
        ])
        #expect(lines.contains("\"Org1\n'=cmd|' /C calc'!A0\""))
        #expect(!lines.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).contains { $0.hasPrefix("=") })
    }

    @Test func accessFollowsTheRoles() {
        let staff = Viewer(userID: 1, email: "s", name: "s", role: .staff, cityID: nil, participantID: nil)
        let coordinator = Viewer(userID: 2, email: "c", name: "c", role: .coordinator, cityID: 10, participantID: nil)
        let participant = Viewer(userID: 3, email: "p", name: "p", role: .participant, cityID: 10, participantID: 5)
        let own = Participant(
            id: 5, programmeID: 1, cityID: 10, name: "", email: "", organisation: "", discipline: "", role: "",
            involvedInWijkaanpak: true)
        let colleague = Participant(
            id: 6, programmeID: 1, cityID: 10, name: "", email: "", organisation: "", discipline: "", role: "",
            involvedInWijkaanpak: true)
        let elsewhere = Participant(
            id: 7, programmeID: 1, cityID: 11, name: "", email: "", organisation: "", discipline: "", role: "",
            involvedInWijkaanpak: true)
        #expect(staff.mayAct(for: elsewhere) && staff.mayManage(city: 11))
        #expect(
            coordinator.mayAct(for: colleague) && !coordinator.mayAct(for: elsewhere)
                && !coordinator.mayManage(city: 11))
        #expect(participant.mayAct(for: own) && !participant.mayAct(for: colleague) && !participant.mayManage(city: 10))
        #expect(!Viewer.anonymous.mayAct(for: own))
        var draft = Self.meeting()
        draft.published = false
        #expect(staff.maySee(draft) && !coordinator.maySee(draft) && !Viewer.anonymous.maySee(draft))
    }
}
