import Core
import Foundation
import Testing

@testable import DataImport

/// The Wijk- en Buurtkaart GeoPackage, PDOK GeoJSON and shapefiles, on files GDAL made from real outlines
/// (scripts/make-geo-fixtures.py): outlines after Wijkradar's RD→WGS84 against the originals, figures against
/// the source.
@Suite struct GeometryImportTests {
    /// Outer and inner rings of every region in a GeoJSON file, keyed by its code property.
    static func originals(_ name: String, code: String) throws -> [String: [[(Double, Double)]]] {
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: Fixture.url("geo/" + name))) as! [String: Any]
        var result: [String: [[(Double, Double)]]] = [:]
        for case let feature as [String: Any] in json["features"] as! [Any] {
            let key = (feature["properties"] as! [String: Any])[code] as! String
            let geometry = feature["geometry"] as! [String: Any]
            result[key] = rings(geometry)
        }
        return result
    }

    static func rings(_ geometry: [String: Any]) -> [[(Double, Double)]] {
        let coordinates = geometry["coordinates"] as! [Any]
        let polygons = geometry["type"] as! String == "MultiPolygon" ? coordinates : [coordinates]
        return polygons.flatMap { ($0 as! [[[Double]]]).map { $0.map { ($0[0], $0[1]) } } }
    }

    static func metres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let dy = (a.1 - b.1) * 111_320, dx = (a.0 - b.0) * 111_320 * cos(a.1 * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The largest distance from a vertex of the imported outline to the nearest vertex of the original:
    /// simplification keeps a subset of the vertices, so each must lie on an original one, up to the conversion.
    static func worstDeviation(_ dataset: ImportedDataset, from originals: [String: [[(Double, Double)]]]) throws
        -> Double
    {
        var worst = 0.0
        for geometry in dataset.geometries {
            let original = try #require(originals[geometry.region.rawValue]).flatMap { $0 }
            let object = try JSONSerialization.jsonObject(with: Data(geometry.geojson.utf8)) as! [String: Any]
            for point in rings(object).flatMap({ $0 }) {
                worst = max(worst, original.map { metres(point, $0) }.min()!)
            }
        }
        return worst
    }

    @Test func geoPackageInRDNewMatchesTheOriginalOutlinesAndFigures() throws {
        let dataset = try DataImporter.read(Fixture.url("geo/wijkenbuurten_2022_v1.gpkg"))
        #expect(dataset.info.year == 2022)
        #expect(dataset.info.tableID == "wijkenbuurten-2022-v1")
        #expect(dataset.info.slug == "wijkenbuurten-2022")
        #expect(dataset.info.title == "Wijk- en Buurtkaart 2022 (versie 1)")
        #expect(dataset.unknownColumns.isEmpty)
        #expect(dataset.layers.map(\.name) == ["gemeenten", "wijken"])
        #expect(dataset.layers.map(\.features) == [4, 66])
        #expect(dataset.geometries.count == 70)
        // GDAL converted WGS84 → RD without the Dutch correction grid; Wijkradar converts back with the
        // approximation formulas: together within 2 m, on originals written to five decimals (about a metre).
        let wijken = try Self.originals("originals-wijken-2022-wgs84.geojson", code: "wijkcode")
        let gemeenten = try Self.originals("originals-gemeenten-2022-wgs84.geojson", code: "gemeentecode")
        let worst = try Self.worstDeviation(dataset, from: wijken.merging(gemeenten) { a, _ in a })
        #expect(worst < 2, "\(worst) m")
        // Figures against the source they were written from.
        let source =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Fixture.url("geo/originals-wijken-2022-wgs84.geojson"))) as! [String: Any]
        for case let feature as [String: Any] in source["features"] as! [Any] {
            let properties = feature["properties"] as! [String: Any]
            let code = properties["wijkcode"] as! String
            #expect(
                dataset.cell(code, "population") == .value((properties["aantal_inwoners"] as! NSNumber).doubleValue))
            #expect(
                dataset.cell(code, "age_65_plus_pct")
                    == .value((properties["percentage_personen_65_jaar_en_ouder"] as! NSNumber).doubleValue))
        }
        #expect(dataset.regions.first { $0.code.rawValue == "GM0505" }?.name == "Dordrecht")
    }

    @Test func oneLayerOfAGeoPackage() throws {
        let dataset = try DataImporter.read(
            Fixture.url("geo/wijkenbuurten_2022_v1.gpkg"), options: ImportOptions(layer: "wijken"))
        #expect(dataset.layers.map(\.name) == ["wijken"])
        #expect(dataset.regions.allSatisfy { $0.level == .district })
        let error = Fixture.rejection {
            _ = try DataImporter.read(
                Fixture.url("geo/wijkenbuurten_2022_v1.gpkg"), options: ImportOptions(layer: "buurten"))
        }
        #expect(error?.message == "laag 'buurten' staat niet in dit GeoPackage; wel: gemeenten, wijken")
    }

    @Test func pdokGeoJSONTakesTheYearFromTheFeaturesAndTheFiguresFromCamelCase() throws {
        for name in ["pdok-wijken.geojson", "pdok-wijken-rd.json"] {
            let dataset = try DataImporter.read(Fixture.url("geo/" + name))
            #expect(dataset.info.year == 2022, "\(name)")
            #expect(dataset.unknownColumns.isEmpty, "\(name): \(dataset.unknownColumns)")
            #expect(dataset.cell("WK050501", "population")?.number != nil)
            #expect(dataset.geometries.count == 66, "\(name)")
            #expect(dataset.indicators.contains("age_0_14_pct"))
            let originals = try Self.originals("originals-wijken-2022-wgs84.geojson", code: "wijkcode")
            let worst = try Self.worstDeviation(dataset, from: originals)
            #expect(worst < 2, "\(name): \(worst) m")
        }
    }

    @Test func pdokJSONWithoutGeometryGivesFiguresOnly() throws {
        let dataset = try DataImporter.read(Fixture.url("geo/pdok-wijken-zonder-geometrie.json"))
        #expect(dataset.geometries.isEmpty)
        #expect(dataset.rows.count == 66)
        #expect(dataset.info.attribution == "Bron: CBS / Kadaster, wijken en buurten 2022 via PDOK")
    }

    @Test func zippedShapefileInRDNewMatchesAnotherToolsConversion() throws {
        // The 2016 outlines in RD New as CBS published them, against their WGS84 conversion by R's sf package.
        let dataset = try DataImporter.read(Fixture.url("geo/wijk_2016.zip"))
        #expect(dataset.info.year == 2016)
        #expect(dataset.geometries.count == 60)
        #expect(dataset.unknownColumns.isEmpty)
        let worst = try Self.worstDeviation(
            dataset, from: try Self.originals("originals-wijken-2016-wgs84.geojson", code: "WKC"))
        #expect(worst < 2, "\(worst) m")
        #expect(dataset.regions.first { $0.code.rawValue == "WK050501" }?.name.isEmpty == false)
    }

    @Test func zippedWijkEnBuurtkaartReadsEveryLevelOrTheOneAskedFor() throws {
        // CBS's zips until 2020 hold a shapefile per level; GDAL wrote these in RD New under the short names.
        let dataset = try DataImporter.read(Fixture.url("geo/wijkbuurtkaart_2022_v1.zip"))
        #expect(dataset.layers.map(\.name) == ["gemeente_2022_v1", "wijk_2022_v1"])
        #expect(dataset.layers.map(\.features) == [4, 66])
        #expect(dataset.info.tableID == "wijkenbuurten-2022-v1")
        #expect(dataset.unknownColumns.isEmpty, "\(dataset.unknownColumns)")
        let originals = try Self.originals("originals-wijken-2022-wgs84.geojson", code: "wijkcode")
            .merging(try Self.originals("originals-gemeenten-2022-wgs84.geojson", code: "gemeentecode")) { a, _ in a }
        #expect(try Self.worstDeviation(dataset, from: originals) < 2)
        let source = try #require(
            (try JSONSerialization.jsonObject(
                with: Data(contentsOf: Fixture.url("geo/originals-gemeenten-2022-wgs84.geojson"))) as! [String: Any])[
                    "features"] as? [[String: Any]])
        for properties in source.map({ $0["properties"] as! [String: Any] }) {
            let code = properties["gemeentecode"] as! String
            #expect(
                dataset.cell(code, "population") == .value((properties["aantal_inwoners"] as! NSNumber).doubleValue))
        }

        let wijken = try DataImporter.read(
            Fixture.url("geo/wijkbuurtkaart_2022_v1.zip"), options: ImportOptions(layer: "wijken"))
        #expect(wijken.layers.map(\.name) == ["wijk_2022_v1"])
        let error = Fixture.rejection {
            _ = try DataImporter.read(
                Fixture.url("geo/wijkbuurtkaart_2022_v1.zip"), options: ImportOptions(layer: "buurten"))
        }
        #expect(error?.message == "laag 'buurten' staat niet in dit zipbestand; wel: gemeente_2022_v1, wijk_2022_v1")
    }

    @Test(arguments: [
        ("geen-geopackage.gpkg", "het bestand is geen GeoPackage"),
        ("afgebroken_2022.gpkg", "het GeoPackage is beschadigd of afgebroken"),
        ("zonder-codes_2022.gpkg", "laag 'wijken' heeft geen kolom met regiocodes"),
        ("buiten-nederland_2022.gpkg", "ligt niet in Nederland als RD New (EPSG:28992)"),
        ("leeg_2022.geojson", "de FeatureCollection bevat geen features"),
        ("absurd-wkb_2022.gpkg", "meer dan er in de bytes passen"),
    ])
    func badGeometryFilesAreRefusedInDutch(file: String, expected: String) throws {
        let error = try #require(Fixture.rejection { _ = try DataImporter.read(Fixture.url("geo/bad/" + file)) })
        #expect(error.description.contains(expected), "\(error)")
        #expect(error.file == file)
    }

    @Test func sentinelsAndWaterParts() throws {
        // PDOK's and CBS's sentinels, and a gemeente whose lake is a second feature, as CBS delivers them.
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":null,"properties":{"gemeentecode":"GM0001","gemeentenaam":"Land","water":"NEE",
             "jaar":2023,"aantalInwoners":-99999999,"mannen":-99999997,"vrouwen":-99998,"aantalHuishoudens":-99997}},
            {"type":"Feature","geometry":null,"properties":{"gemeentecode":"GM0001","gemeentenaam":"Land","water":"JA",
             "jaar":2023,"aantalInwoners":-99999999,"mannen":-99999999,"vrouwen":-99999999,"aantalHuishoudens":-99999999}}
            ]}
            """
        let dataset = try DataImporter.read(Array(text.utf8), fileName: "gemeenten.geojson")
        #expect(dataset.rows.count == 1)
        #expect(dataset.layers.first?.waterPartsSkipped == 1)
        #expect(dataset.cell("GM0001", "population") == .secret)
        #expect(dataset.cell("GM0001", "men") == .notApplicable)
        #expect(dataset.cell("GM0001", "women") == .secret)
        #expect(dataset.cell("GM0001", "households") == .notApplicable)
    }

    @Test(arguments: [
        // OGC API: a `next` link (PDOK gives 10 features unless `limit` says otherwise).
        #"{"type":"FeatureCollection","numberReturned":1,"links":[{"rel":"next","href":"https://api.pdok.nl/x?cursor=a"}],"#,
        // WFS 2.0 with GeoJSON output: more matched than returned.
        #"{"type":"FeatureCollection","numberMatched":342,"numberReturned":1,"#,
    ])
    func onePageOfAnAPIAnswerIsRefused(head: String) throws {
        let features =
            #""features":[{"type":"Feature","geometry":null,"properties":{"gemeentecode":"GM0014","jaar":2023}}]}"#
        let error = try #require(
            Fixture.rejection { _ = try DataImporter.read(Array((head + features).utf8), fileName: "gemeenten.json") })
        #expect(error.message.contains("dit is één pagina van het antwoord van de API: 1 feature"), "\(error)")
        // The last page, or an answer that is whole, is read.
        let whole =
            #"{"type":"FeatureCollection","numberMatched":1,"numberReturned":1,"links":[{"rel":"prev","href":"x"}],"#
        let dataset = try DataImporter.read(Array((whole + features).utf8), fileName: "gemeenten.json")
        #expect(dataset.regions.count == 1)
    }

    @Test func excel97IsRefusedWithTheConversionCommand() throws {
        let error = try #require(Fixture.rejection { _ = try DataImporter.read(Fixture.url("kwb-2023-excel97.xls")) })
        #expect(
            error.message.contains("libreoffice --headless --convert-to xlsx kwb-2023-excel97.xls"), "\(error)")
        #expect(error.message.contains("Excel 97-2003"))
    }
}
