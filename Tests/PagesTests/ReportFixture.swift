import Core
import DataImport
import Foundation
import Knowledge
import Programme
import Reports
import Storage

/// A database with the bundled real data, the seeded real programme and a little of what a programme captures: a
/// decided theme with a published meeting, an intervention presented there (Angelslo), an opgave and a study.
enum ReportFixture {
    struct World {
        var store: Store
        var programme: ProgrammeInfo
        var angelslo: ProgrammeCity
        var theme: Theme
    }

    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    static func world(bundled: Bool = true) async throws -> World {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijkradar-report-\(UUID().uuidString)")
        let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("r.sqlite").path)
        do {
            return try await fill(store, bundled: bundled)
        } catch {
            await store.close()
            throw error
        }
    }

    static func fill(_ store: Store, bundled: Bool) async throws -> World {
        try await store.migrate()
        if bundled {
            _ = try await ImportService(store: store).importBundled()
        } else {
            let entry = try BundledData.entries().first { $0.url.lastPathComponent == "cbs-kwb-2022-wijk.csv.gz" }!
            _ = try await ImportService(store: store).importFile(entry.url, options: entry.options)
        }
        _ = try await ProgrammeSeeding(store: store).seedIfEmpty()
        let programme = try await ProgrammeStore(store: store).all()[0]
        let cities = try await ProgrammeStore(store: store).cities(programmeID: programme.id)
        let angelslo = cities.first { $0.wijkName == "Angelslo" }!
        let themes = ThemeStore(store: store)
        let theme = try await themes.add(
            Theme(programmeID: programme.id, title: "Wonen en zorg", summary: "Langer thuis wonen in de wijk."),
            actor: "test")
        _ = try await themes.decide(
            programmeID: programme.id, themeIDs: [theme.id], reason: "Gekozen door het programmabureau.", actor: "test")
        let meeting = try await MeetingStore(store: store).create(
            Meeting(
                programmeID: programme.id, number: 1, themeID: theme.id, title: "Wonen en zorg in Angelslo",
                date: Day(year: 2017, month: 2, day: 9)!,
                startTime: ClockTime("10:00")!, endTime: ClockTime("16:00")!, hostCityID: angelslo.id,
                venue: "Wijkcentrum", published: true),
            actor: "test")
        let knowledge = KnowledgeStore(store: store)
        let study = Research(
            title: "Evaluatie wijkaanpak Angelslo", authors: "Jansen, P.", year: 2019, publisher: "Gemeente Emmen",
            link: "https://example.org/angelslo", summary: "Wat de aanpak opleverde.", regionCodes: ["WK011443"])
        let studyID = try await knowledge.create(.research, study, document: study.searchDocument, actor: "test")
        var item = Intervention(
            title: "Wooncoaches voor ouderen", cityID: angelslo.id, regionCode: "WK011443", city: "Emmen",
            wijk: "Angelslo",
            themes: ["Wonen en zorg"], whyItWorks: "Een vaste coach bouwt vertrouwen op en ziet problemen vroeg.",
            results: "40 verhuizingen voorkomen.", evidence: .wellFounded,
            parties: [
                Party(name: "Lefier", kind: "corporatie", role: .newRole),
                Party(name: "Sedna", kind: "welzijn", role: .active),
            ],
            money: [
                MoneyFlow(source: "gemeente", amount: 120_000),
                MoneyFlow(source: "corporatie", amount: nil, note: "in natura"),
            ],
            financingModel: "Gedeelde pot van gemeente en corporatie", aspects: [.parties, .financing], startYear: 2016,
            meetingID: meeting.id)
        item.research = [studyID]
        _ = try await knowledge.create(
            .intervention, item, document: item.searchDocument,
            anchor: .init(cityID: angelslo.id, regionCode: "WK011443", startYear: 2016), actor: "test")
        let opgave = Opgave(
            title: "Ouderen langer thuis", description: "Meer ouderen, te weinig passende woningen.",
            meetingID: meeting.id,
            cityIDs: [angelslo.id], positions: [.parties: "Corporatie en zorg samen aan tafel"], kind: "wonen")
        _ = try await knowledge.create(
            .opgave, opgave, document: opgave.searchDocument(cities: ["Angelslo (Emmen)"]), actor: "test")
        return World(store: store, programme: programme, angelslo: angelslo, theme: theme)
    }
}
