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

    /// The gemeente dashboard: key figures of the newest complete year, its wijken with signals, similar gemeenten.
    @Test func gemeenteDashboardEmmen() throws {
        let model = try #require(
            WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("GM0114")!, districtSort: "naam"))
        #expect(model.profile?.period == 2022)
        #expect((model.districts?.rows.count ?? 0) > 20)
        #expect(model.neighbours.allSatisfy { $0.code.hasPrefix("GM") } && !model.neighbours.isEmpty)
        #expect(model.warning != nil)
        assertSnapshot(of: Self.lines(RegionPage.render(model)), as: .lines, named: "GM0114")
    }

    @Test func compareTwoWijkenAndAGemeente() {
        let model = CompareBuilder(snapshot: Self.snapshot).model(
            entered: ["WK011443", "Selwerd", "GM0114", "geen bestaande plek"],
            indicators: ["woz_value", "age_0_14_pct"])
        #expect(model.columns.map(\.code) == ["WK011443", "WK001410", "GM0114"])
        #expect(model.problems.count == 1)
        #expect(model.rows.map(\.indicator.id) == ["woz_value", "age_0_14_pct"])
        assertSnapshot(of: Self.lines(ComparePage.render(model)), as: .lines, named: "vergelijk")
    }

    /// The origin-based indicators are never offered or shown, even when the address asks for them.
    @Test func compareNeverShowsOriginIndicators() {
        let model = CompareBuilder(snapshot: Self.snapshot).model(
            entered: ["WK011443", "WK011401"], indicators: ["origin_non_western_pct", "origin_outside_europe_pct"])
        #expect(model.available.allSatisfy { !$0.stigmatising })
        #expect(model.rows.allSatisfy { !$0.indicator.stigmatising } && !model.rows.isEmpty)
    }

    @Test func briefOfAngelslo() throws {
        let model = try #require(WijkanalyseBuilder(snapshot: Self.snapshot).model(for: RegionCode("WK011443")!))
        assertSnapshot(of: Self.lines(WijkanalyseBrief.render(model)), as: .lines, named: "brief-WK011443")
    }
}
