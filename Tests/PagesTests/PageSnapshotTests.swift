import Wijkanalyse
import Core
import Foundation
import HTML
import Pages
import Reports
import SnapshotTesting
import Storage
import Testing

/// Model → HTML snapshots of the pages, on the bundled real data. A change in a page shows up as a diff here;
/// record anew with `SNAPSHOT_TESTING_RECORD=all scripts/test --filter PageSnapshotTests` after checking it.
@Suite(.serialized) struct PageSnapshotTests {
    /// One bundled database for all page tests (imported once; reading only).
    static let snapshot: AnalysisSnapshot = {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: AnalysisSnapshot?
        Task {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wijkradar-pages-\(UUID().uuidString)")
            let store = try await Store.open(url: "sqlite://" + dir.appendingPathComponent("pages.sqlite").path)
            try await store.migrate()
            _ = try await ImportService(store: store).importBundled()
            result = try await AnalysisSnapshot.load(store)
            await store.close()
            try? FileManager.default.removeItem(at: dir)
            semaphore.signal()
        }
        semaphore.wait()
        return result!
    }()

    /// Pretty-printed so a snapshot diff points at the element that changed.
    static func lines(_ node: Node) -> String {
        node.renderDocument().replacingOccurrences(of: "><", with: ">\n<")
    }

    @Test func wijkanalyseAngelslo() throws {
        let model = try #require(WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("WK011443")!))
        assertSnapshot(of: Self.lines(RegionPage.render(model)), as: .lines, named: "WK011443")
    }

    @Test func wijkanalyseOfAnApproximatedProgrammeWijk() throws {
        let model = try #require(WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("WK001410")!))
        #expect(model.approximation?.contains("Benadering") == true)
        assertSnapshot(of: Self.lines(RegionPage.render(model)), as: .lines, named: "WK001410")
    }

    /// Utrecht's buurten are a regional extract: the page must not pretend to compare with all of the Netherlands.
    @Test func buurtFromARegionalExtract() throws {
        let model = try #require(WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("BU03441014")!))
        let html = Self.lines(RegionPage.render(model))
        #expect(html.contains("geen landelijk bestand"))
        #expect(!html.contains("in Nederland."))
        #expect(model.profile?.rows.allSatisfy { $0.national == nil } == true)
        #expect(model.profile?.row("electricity_use")?.value == .secret)
        assertSnapshot(of: html, as: .lines, named: "BU03441014")
    }

    @Test func radarFilteredToEmmen() throws {
        let model = try #require(RadarBuilder(snapshot: Self.snapshot).model(filters: .init(municipality: "Emmen")))
        assertSnapshot(of: Self.lines(RadarPage.render(model)), as: .lines, named: "radar-emmen")
    }

    @Test func methodology() {
        assertSnapshot(of: Self.lines(MethodologyPage.render()), as: .lines, named: "methode")
    }
}
