import Analysis
import ArgumentParser
import Core
import Foundation
import Pages
import Reports
import Wijkanalyse
import Storage

/// Measurements for bench/run.sh; prints machine-readable lines ("name median_ms min_ms runs").
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Meet rekentijd: landelijke radar en gelijkende wijken, en het opbouwen van een wijkanalysepagina.")

    @Option(name: .customLong("repeat"), help: "Aantal herhalingen.") var runs: Int = 7
    @Option(help: "Regio voor de paginameting.") var region: String = "WK011443"

    func run() async throws {
        try await withStore { store, _ in
            let snapshot = try await AnalysisSnapshot.load(store)
            guard let table = snapshot.radarTable else {
                throw CLIError("Geen wijktabel met alle signaalindicatoren; lees eerst de data in.")
            }
            // Radar + similarity for every wijk: what the national page and every wijk page need.
            var neighbourChecksum = 0
            let analysis = measure(runs) {
                let warning = EarlyWarning(table: table)
                let ranking = warning.ranking()
                let model = SimilarityModel(table: table)
                let count = model.neighboursOfAll(k: 10).reduce(0) { $0 + $1.count }
                neighbourChecksum = count + ranking.count
            }
            report("radar_en_gelijkende_wijken_\(table.regions.count)", analysis)
            print("controle \(neighbourChecksum)")
            guard let code = RegionCode(region) else { throw CLIError("Geen regiocode: \(region)") }
            let builder = WijkanalyseBuilder(snapshot: snapshot)
            var bytes = 0
            let page = measure(max(runs, 50)) {
                bytes = RegionPage.render(builder.model(for: code)!).renderDocument().utf8.count
            }
            report("wijkanalysepagina_\(code)_\(bytes)_bytes", page)
            // The two halves, to see where page time goes.
            var model = builder.model(for: code)!
            report("  waarvan_model", measure(max(runs, 50)) { model = builder.model(for: code)! })
            report(
                "  waarvan_html",
                measure(max(runs, 50)) { bytes = RegionPage.render(model).renderDocument().utf8.count })
        }
    }

    func measure(_ runs: Int, _ work: () -> Void) -> [Double] {
        work()  // warm-up: first-touch allocations are not what a user waits for
        return (0..<runs).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
    }

    func report(_ name: String, _ times: [Double]) {
        let sorted = times.sorted()
        print(
            String(
                format: "%@ mediaan_ms=%.2f min_ms=%.2f runs=%d", name, sorted[sorted.count / 2], sorted[0],
                sorted.count))
    }
}
