import Charts
import Core
import DataImport
import Foundation
import HTML
import Testing

/// A gemeente's wijk map stays small enough to send on a phone: at most 100 KB of SVG for every gemeente of the
/// country, from the outlines as the import stores them (simplified per level, see `Simplification`).
@Suite struct MapSizeTests {
    @Test func everyGemeentesWijkMapIsAtMost100KB() throws {
        let name = "wijkgrenzen-2022.geojson.gz"
        let entry = try #require(try BundledData.entries().first { $0.url.lastPathComponent == name })
        let dataset = try DataImporter.read(entry.url, options: entry.options)
        let byGemeente = Dictionary(grouping: dataset.geometries) { $0.region.municipality }
        #expect(byGemeente.count > 340)
        var largest = (0, "")
        for (gemeente, outlines) in byGemeente {
            let areas = outlines.enumerated().map { index, outline in
                Choropleth.Area(
                    code: outline.region.rawValue, name: outline.region.rawValue,
                    rings: Choropleth.rings(outline.geojson), value: Double(index), label: "\(index)")
            }
            let svg = Choropleth(title: "Kaart", description: "Wijken", areas: areas).render { "\($0)" }.render()
            if svg.utf8.count > largest.0 { largest = (svg.utf8.count, gemeente.rawValue) }
        }
        #expect(largest.0 <= 100_000, "\(largest.1): \(largest.0) bytes")
    }
}
