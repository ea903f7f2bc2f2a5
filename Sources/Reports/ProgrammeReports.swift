import Core
import Analysis
import Foundation
import Pages
import Wijkanalyse
import Programme
import Storage

/// The programme's reports as the site and the command line use them: the concept assembled from today's data and
/// the editors' text, a published version read back exactly as it was frozen, and publishing.
public struct ProgrammeReports: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public static func build(_ kind: ReportDocument.Kind, inputs: ReportInputs, versionLabel: String) -> ReportDocument
    {
        switch kind {
        case .challenges: ChallengesReport(inputs: inputs).build(versionLabel: versionLabel)
        case .advice: AdviceReport(inputs: inputs).build(versionLabel: versionLabel)
        }
    }

    /// The concept (nil when none has been started) and the document it makes now. Without a concept the text of
    /// the newest published version is used, as a new concept would start with it.
    public func concept(
        _ kind: ReportDocument.Kind, programme: ProgrammeInfo, snapshot: AnalysisSnapshot,
        date: Date = Clock.current.now()
    ) async throws -> (ReportStore.Version?, ReportDocument) {
        let reports = ReportStore(store: store)
        let concept = try await reports.concept(programmeID: programme.id, kind: kind.rawValue)
        var texts = concept?.sections
        if texts == nil {
            texts = try await reports.published(programmeID: programme.id, kind: kind.rawValue)?.sections
        }
        let inputs = try await ReportInputs.load(
            store: store, programme: programme, snapshot: snapshot, texts: texts ?? [:], date: date)
        return (concept, Self.build(kind, inputs: inputs, versionLabel: "Concept (niet gepubliceerd)"))
    }

    /// A published version (the newest when `number` is nil) as it was published.
    public func published(_ kind: ReportDocument.Kind, programme: ProgrammeInfo, number: Int? = nil) async throws -> (
        ReportStore.Version, ReportDocument
    )? {
        guard
            let version = try await ReportStore(store: store).published(
                programmeID: programme.id, kind: kind.rawValue, number: number),
            let json = version.document
        else { return nil }
        return (version, try JSONDecoder().decode(ReportDocument.self, from: Data(json.utf8)))
    }

    /// Freezes the concept: the document is assembled from the data of this moment and stored whole.
    public func publish(
        _ kind: ReportDocument.Kind, programme: ProgrammeInfo, snapshot: AnalysisSnapshot, conceptID: Int,
        expectedVersion: Int, actor: String, date: Date = Clock.current.now()
    ) async throws -> Int {
        let reports = ReportStore(store: store)
        let texts =
            try await reports.versions(programmeID: programme.id, kind: kind.rawValue).first { $0.id == conceptID }?
            .sections ?? [:]
        let inputs = try await ReportInputs.load(
            store: store, programme: programme, snapshot: snapshot, texts: texts, date: date)
        return try await reports.publish(id: conceptID, expectedVersion: expectedVersion, actor: actor) { number in
            let document = Self.build(kind, inputs: inputs, versionLabel: "Versie \(number), gepubliceerd")
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        }
    }
}
