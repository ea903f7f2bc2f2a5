import Core
import Foundation
import Testing

@testable import DataImport

/// Geometry files made to hurt: absurd numbers, too many cells, rings that make simplification slow, and files
/// whose coordinate system is only told by a later feature. Each gets a Dutch answer, never a crash.
@Suite struct GeometryHostileTests {
    static func read(_ text: String, name: String = "wijken_2022.geojson") throws -> ImportedDataset {
        try DataImporter.read(Array(text.utf8), fileName: name)
    }

    @Test func anAbsurdCoordinateIsRefusedNotATrap() throws {
        let text = #"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"wijkcode":"WK001401"},
            "geometry":{"type":"Polygon","coordinates":[[[1e300,1e300],[1e300,2e300],[2e300,2e300],[1e300,1e300]]]}}]}
            """#
        let error = try #require(Fixture.rejection { _ = try Self.read(text) })
        #expect(error.message.contains("ligt niet in Nederland"), "\(error)")
    }

    @Test func theCoordinateSystemIsGuessedFromTheFirstFeatureThatHasOne() throws {
        // First a wijk without geometry, then one in RD New, and no `crs`: RD New all the same.
        let text = #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"wijkcode":"WK001401"},"geometry":null},
            {"type":"Feature","properties":{"wijkcode":"WK001402"},"geometry":{"type":"Polygon","coordinates":
            [[[233000,581000],[234000,581000],[234000,582000],[233000,581000]]]}}]}
            """#
        let dataset = try Self.read(text)
        #expect(dataset.geometries.count == 1)
        #expect(dataset.geometries.first?.geojson.contains("6.5") == true, "\(dataset.geometries)")
        // And the message for a point outside the Netherlands speaks Dutch numbers.
        #expect(GeometryProblem.outsideNetherlands(GeoPoint(1_234_567, 12), .rdNew).message.contains("(1.234.567; 12)"))
    }

    @Test func tooManyCellsAreRefusedBeforeTheyAreBuilt() throws {
        let keys = (0..<2_000).map { "\"k\($0)\":1" }.joined(separator: ",")
        let one = #"{"type":"Feature","geometry":null,"properties":{"wijkcode":"WK001401","#
        let features =
            [one + keys + "}}"] + Array(repeating: #"{"type":"Feature","geometry":null,"properties":{}}"#, count: 6_000)
        let text = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        let error = try #require(Fixture.rejection { _ = try Self.read(text) })
        #expect(error.message.contains("meer dan de 10.000.000 cellen"), "\(error)")
    }

    @Test func aDBFWithEmptyFieldsIsRefused() throws {
        // dBASE III header, 1 record, 2 fields of length 0.
        var bytes: [UInt8] = [0x03, 124, 1, 1, 1, 0, 0, 0, 97, 0, 1, 0] + Array(repeating: 0, count: 20)
        for name in ["GM_CODE", "AANT_INW"] {
            var field = Array(name.utf8) + Array(repeating: 0, count: 11 - name.utf8.count)
            field += [UInt8(ascii: "C"), 0, 0, 0, 0, 0] + Array(repeating: 0, count: 15)
            bytes += field
        }
        bytes += [0x0D, 0x20]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dbf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("gemeente_2017.dbf")
        try Data(bytes).write(to: url)
        let error = try #require(Fixture.rejection { _ = try DataImporter.read(url) })
        #expect(error.message.contains("heeft geen of ongeldige velden"), "\(error)")
    }

    @Test func aZigzagRingIsSimplifiedInLinearTime() {
        // Each Douglas–Peucker split would peel off one point: 200,000 points would take hours; thinned instead.
        let metre = 1.0 / 111_320
        var ring: [GeoPoint] = []
        for i in 0..<200_000 {
            let up = Double(i % 2 == 0 ? i : -i)
            ring.append(GeoPoint(5 + Double(i) * metre, 52 + up * metre))
        }
        ring.append(ring[0])
        let simplified = Simplification.simplify(Outline(polygons: [[ring]]), toleranceMetres: 5)
        #expect(simplified.polygons[0][0].count <= ring.count)
        #expect(simplified.polygons[0][0].first == simplified.polygons[0][0].last)
    }

    @Test func projectedSystemsOtherThanRDAreNotTakenForWGS84() {
        let utm =
            #"PROJCS["ETRS89 / UTM zone 31N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989"]]]"#
        #expect(CoordinateSystem(describedBy: utm) == nil)
        #expect(CoordinateSystem(describedBy: #"GEOGCS["ETRS89",DATUM["D_ETRS_1989"]]"#) == .wgs84)
        #expect(CoordinateSystem(describedBy: #"PROJCS["Amersfoort / RD New"]"#) == .rdNew)
    }

    @Test func mapDatasetsAreNamedPerYearAndPerLayerWhenOneIsRead() throws {
        let zip = try DataImporter.read(Fixture.url("geo/wijkbuurtkaart_2022_v1.zip"))
        #expect(zip.info.slug == "wijkenbuurten-2022")
        let one = try DataImporter.read(
            Fixture.url("geo/wijkbuurtkaart_2022_v1.zip"), options: ImportOptions(layer: "wijken"))
        #expect(one.info.slug == "wijkenbuurten-2022-wijken")
        #expect(one.info.tableID == "wijkenbuurten-2022-v1")
        let gpkg = try DataImporter.read(
            Fixture.url("geo/wijkenbuurten_2022_v1.gpkg"), options: ImportOptions(layer: "gemeenten"))
        #expect(gpkg.info.slug == "wijkenbuurten-2022-gemeenten")
    }
}
