import Analysis
import Core
import Foundation
import Pages
import Wijkanalyse
import Knowledge
import Programme
import Storage

/// What a programme report is assembled from, read once: the programme and its wijken, the analysis snapshot, and
/// only what the public may see of the programme's knowledge (published meetings and records). Reports are public
/// documents, so a concept holds nothing a published version could not.
public struct ReportInputs: Sendable {
    public var programme: ProgrammeInfo
    public var cities: [ProgrammeCity]
    /// The CBS wijk each city's analysis runs on, where its focus area is one wijk.
    public var cityCodes: [Int: RegionCode]
    public var themes: [Theme]
    public var decision: ThemeDecision?
    public var meetings: [Meeting]
    public var interventions: [(id: Int, value: Intervention)]
    public var opgaven: [(id: Int, opgave: Opgave, support: Int)]
    public var research: [(id: Int, value: Research)]
    public var snapshot: AnalysisSnapshot
    public var texts: [String: ReportStore.EditorText]
    public var date: Date

    public static func load(
        store: Store, programme: ProgrammeInfo, snapshot: AnalysisSnapshot,
        texts: [String: ReportStore.EditorText], date: Date = Clock.current.now()
    ) async throws -> ReportInputs {
        let cities = try await ProgrammeStore(store: store).cities(programmeID: programme.id)
        var codes: [Int: RegionCode] = [:]
        for city in cities {
            guard let slug = city.focusAreaSlug, let area = try await FocusAreaStore(store: store).find(slug: slug),
                area.members.count == 1, let code = area.members.first
            else { continue }
            codes[city.id] = code
        }
        let themes = ThemeStore(store: store)
        let knowledge = KnowledgeStore(store: store, audience: .public)
        let meetings = try await MeetingStore(store: store).meetings(programmeID: programme.id).filter(\.published)
        // This programme's opgaven (from its published meetings); the support of merged ones counts with their target,
        // as on the register page.
        let meetingIDs = Set(meetings.map(\.id)), cityIDs = Set(cities.map(\.id))
        let all = try await knowledge.opgaven().filter { entry in
            entry.opgave.meetingID.map(meetingIDs.contains) ?? entry.opgave.cityIDs.contains(where: cityIDs.contains)
        }
        var merged: [Int: Int] = [:]
        for entry in all { if let target = entry.opgave.mergedInto { merged[target, default: 0] += entry.support } }
        return ReportInputs(
            programme: programme, cities: cities, cityCodes: codes,
            themes: try await themes.themes(programmeID: programme.id),
            decision: try await themes.decision(programmeID: programme.id),
            meetings: meetings,
            interventions: try await knowledge.all(.intervention, as: Intervention.self).map { ($0.id, $0.value) },
            opgaven: all.filter { $0.opgave.mergedInto == nil }.map {
                ($0.id, $0.opgave, $0.support + (merged[$0.id] ?? 0))
            },
            research: try await knowledge.all(.research, as: Research.self).map { ($0.id, $0.value) },
            snapshot: snapshot, texts: texts, date: date)
    }

    func cityName(_ id: Int) -> String {
        cities.first { $0.id == id }.map { "\($0.wijkName) (\($0.cityName))" } ?? "stad \(id)"
    }

    /// "Bron: CBS, Kerncijfers wijken en buurten 2022 (tabel 85318NED, 2022; CC BY 4.0)".
    static func sourceNote(_ source: SourceRef) -> String {
        "\(source.attribution) (tabel \(source.table), \(source.year); \(source.licence))."
    }

    func researchNote(_ id: Int) -> String? {
        research.first { $0.id == id }.map {
            "\($0.value.citation)" + ($0.value.link.isEmpty ? "" : " \($0.value.link)")
        }
    }

    /// The editors' text of a slot as a block (empty in a concept until written).
    func editorial(_ slot: String) -> ReportDocument.Block {
        let text = texts[slot]
        return .editorial(slot: slot, title: text?.title ?? "", markdown: text?.markdown ?? "")
    }

    /// The document around a report's sections: title, programme, date, data version, notes and colophon.
    func document(
        _ kind: ReportDocument.Kind, versionLabel: String, sections: [ReportDocument.Section], notes: ReportNotes
    ) -> ReportDocument {
        ReportDocument(
            kind: kind, title: kind.title, programme: programme.name, organiser: programme.organiser,
            versionLabel: versionLabel,
            date: DutchFormat.date(date), dataVersion: snapshot.version, sections: sections, notes: notes.notes,
            colophon: Colophon.lines(inputs: self))
    }
}
