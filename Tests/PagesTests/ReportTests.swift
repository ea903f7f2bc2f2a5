import Wijkanalyse
@testable import Pages
import Core
import DataImport
import Foundation
import HTML
@testable import Reports
import SnapshotTesting
import Storage
import Testing

/// The programme's two reports on the bundled real data: sections as snapshots (record anew with
/// `SNAPSHOT_TESTING_RECORD=all scripts/test --filter ReportTests` after checking a diff), and versions that stay
/// as they were published.
@Suite(.serialized) struct ReportTests {
    static func section(_ document: ReportDocument, _ id: String) throws -> String {
        let numbers = ReportRenderer.numbers(document.sections)
        let index = try #require(document.sections.firstIndex { $0.id == id })
        let html = ReportRenderer.render(
            document.sections[index], number: numbers[index], notes: document.notes, editor: nil
        ).render()
        // The notes the section calls, so a changed source shows up too.
        let called = Set(html.matches(of: /#noot-(\d+)/).compactMap { Int($0.output.1) }).sorted()
        return (html + "\n" + called.map { "[\($0)] \(document.notes[$0 - 1])" }.joined(separator: "\n"))
            .replacingOccurrences(of: "><", with: ">\n<")
    }

    static func documents() async throws -> (ReportFixture.World, ReportDocument, ReportDocument) {
        let world = try await ReportFixture.world()
        let snapshot = try await AnalysisSnapshot.load(world.store)
        let inputs = try await ReportInputs.load(
            store: world.store, programme: world.programme, snapshot: snapshot,
            texts: ["inleiding": .init(title: "Waarom dit rapport", markdown: "Een **eerste** alinea.")],
            date: ReportFixture.date)
        return (
            world, ChallengesReport(inputs: inputs).build(versionLabel: "Concept"),
            AdviceReport(inputs: inputs).build(versionLabel: "Concept")
        )
    }

    /// Runs the checks and closes the database also when one of them throws.
    static func closing(_ store: Store, _ body: () async throws -> Void) async throws {
        do { try await body() } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test func sectionsOfBothReports() async throws {
        let (world, challenges, advice) = try await Self.documents()
        try await Self.closing(world.store) {
            let angelslo = "wijk-\(world.angelslo.id)"
            assertSnapshot(of: try Self.section(challenges, angelslo), as: .lines, named: "challenges-angelslo")
            assertSnapshot(of: try Self.section(challenges, "vergelijking"), as: .lines, named: "challenges-comparison")
            assertSnapshot(of: try Self.section(challenges, "in-het-land"), as: .lines, named: "challenges-country")
            assertSnapshot(of: try Self.section(challenges, "opgaven"), as: .lines, named: "challenges-register")
            assertSnapshot(of: try Self.section(advice, "thema-\(world.theme.id)"), as: .lines, named: "advice-theme")
            assertSnapshot(
                of: try Self.section(advice, "advies-\(world.angelslo.id)"), as: .lines, named: "advice-angelslo")

            // What the issue asks of each part, independent of the snapshot's exact wording.
            let wijk = try Self.section(challenges, angelslo)
            #expect(wijk.contains("Kerncijfers Wijk 43 Angelslo (WK011443), 2022"))
            #expect(wijk.contains("Bron: CBS"))
            #expect(wijk.contains("Vroegsignalering:"))
            #expect(wijk.contains("Jansen, P. (2019). Evaluatie wijkaanpak Angelslo."))
            let country = try Self.section(challenges, "in-het-land")
            #expect(country.contains("Plaats van de programmawijken op de landelijke radar"))
            #expect(country.contains("van 3340"))
            let theme = try Self.section(advice, "thema-\(world.theme.id)")
            #expect(
                theme.contains("Wooncoaches voor ouderen") && theme.contains("goed onderbouwd")
                    && theme.contains("Ouderen langer thuis"))
            let wijkAdvice = try Self.section(advice, "advies-\(world.angelslo.id)")
            #expect(wijkAdvice.contains("Lefier (corporatie): gevestigde partij in een nieuwe rol"))
            #expect(wijkAdvice.contains("corporatie: bedrag onbekend (in natura)"))
            // Numbered figures and tables across the document, every source also in the colophon's list of data.
            let all = ReportRenderer.article(challenges).render()
            #expect(all.contains("Tabel 1.") && all.contains("Figuur 1.") && all.contains("Figuur 2."))
            #expect(challenges.colophon.contains { $0.hasPrefix("Bron: CBS, Kerncijfers wijken en buurten 2022") })
            #expect(all.contains("<strong>eerste</strong>"))
        }
    }

    /// A published version keeps its numbers when new data arrive; a new concept shows the new data.
    @Test func publishedVersionIsFrozenAgainstANewImport() async throws {
        let world = try await ReportFixture.world(bundled: false)
        try await Self.closing(world.store) {
            let reports = ProgrammeReports(store: world.store)
            let store = ReportStore(store: world.store)
            let concept = try await store.startConcept(
                programmeID: world.programme.id, kind: ReportDocument.Kind.challenges.rawValue, actor: "test")
            _ = try await store.save(
                id: concept.id, expectedVersion: concept.version, slot: "inleiding",
                text: .init(title: "", markdown: "Versie één."), actor: "test")
            let number = try await reports.publish(
                .challenges, programme: world.programme, snapshot: try await AnalysisSnapshot.load(world.store),
                conceptID: concept.id, expectedVersion: concept.version + 1, actor: "test", date: ReportFixture.date)
            #expect(number == 1)
            let before = try #require(try await reports.published(.challenges, programme: world.programme, number: 1))
            let beforeHTML = ReportRenderer.print(before.1).render()
            #expect(before.1.versionLabel == "Versie 1, gepubliceerd")
            #expect(!beforeHTML.contains("2022–2024"))

            // New data: StatLine 85984NED 2024 for gemeenten and wijken.
            let statline = try #require(try BundledData.entries().first { $0.url.path.contains("85984NED") })
            _ = try await ImportService(store: world.store).importFile(statline.url, options: statline.options)
            let snapshot = try await AnalysisSnapshot.load(world.store)
            let (_, fresh) = try await reports.concept(
                .challenges, programme: world.programme, snapshot: snapshot, date: ReportFixture.date)

            let after = try #require(try await reports.published(.challenges, programme: world.programme, number: 1))
            #expect(ReportRenderer.print(after.1).render() == beforeHTML)
            #expect(after.1 == before.1)
            #expect(fresh.dataVersion != before.1.dataVersion)
            #expect(ReportRenderer.print(fresh).render().contains("2022–2024"))
            // A published version is not edited any more; a new concept starts from its text.
            await #expect(throws: ProgrammeError.self) {
                _ = try await store.save(
                    id: concept.id, expectedVersion: concept.version + 2, slot: "inleiding",
                    text: .init(title: "", markdown: "x"), actor: "test")
            }
            let next = try await store.startConcept(
                programmeID: world.programme.id, kind: ReportDocument.Kind.challenges.rawValue, actor: "test")
            #expect(next.id != concept.id && next.sections["inleiding"]?.markdown == "Versie één.")
        }
    }
}
