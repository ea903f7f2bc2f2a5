import Analysis
import Core
import Foundation
import Testing

@testable import DataImport

/// The wijk crosswalk 2016→2022 that Wijkradar derives from CBS's outlines (area-weighted) against the
/// address-weighted grenswijzigen crosswalk for the same years (H. Weda / VNG Realisatie, CC BY-NC-SA 4.0).
///
/// Runs only where the shared data folder is present: those tables may be used in tests, never shipped. The numbers
/// it prints are kept in docs/HARMONISATION.md.
@Suite(.enabled(if: sharedRaw != nil)) struct CrosswalkComparisonTests {
    static var raw: URL? { sharedRaw }
}

/// ../shared/data/raw next to the repository, when this machine has it.
let sharedRaw: URL? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../shared/data/raw"
    ).standardized
    return FileManager.default.fileExists(atPath: url.appendingPathComponent("reidhin-grenswijzigen-crosswalks").path)
        ? url : nil
}()

extension CrosswalkComparisonTests {
    /// Wijk outlines in RD New from a WGS84 GeoJSON file, by the property holding the wijk code.
    static func outlines(_ path: String, codeKey: String) throws -> [RegionCode: OutlineOverlap.Rings] {
        let data = try Data(contentsOf: raw!.appendingPathComponent(path))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var result: [RegionCode: OutlineOverlap.Rings] = [:]
        for case let feature as [String: Any] in object["features"] as! [Any] {
            let properties = feature["properties"] as! [String: Any]
            guard let code = RegionCode(properties[codeKey] as! String),
                let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                let coordinates = geometry["coordinates"] as? [Any]
            else { continue }
            let polygons = type == "MultiPolygon" ? coordinates : [coordinates]
            for case let polygon as [[[Double]]] in polygons {
                for ring in polygon {
                    result[code, default: []].append(
                        ring.map { RDNew.fromWGS84(longitude: $0[0], latitude: $0[1]) })
                }
            }
        }
        return result
    }

    /// The grenswijzigen long table's wijk rows 2016→2022, read as a user's crosswalk file would be.
    static func reference() throws -> Crosswalk {
        let gz = try Data(
            contentsOf: raw!.appendingPathComponent(
                "reidhin-grenswijzigen-crosswalks/grenswijziging_region_to_region_long.csv.gz"))
        let text = String(decoding: Gzip.decompress(Array(gz))!, as: UTF8.self)
        var csv = "from_year;to_year;row_code;col_code;n_addresses\n"
        for line in text.split(separator: "\n") where line.contains("\"wijk\",2016,2022,") {
            let f = line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
            csv += "\(f[2]);\(f[3]);\(f[4]);\(f[5]);\(f[6])\n"
        }
        let crosswalks = try CrosswalkFile.read(
            Array(csv.utf8), fileName: "grenswijzigen-wijk-2016-2022.csv",
            origin: "grenswijzigen")
        #expect(crosswalks.count == 1)
        return crosswalks[0]
    }

    static func main(_ links: [Crosswalk.Link]) -> [RegionCode: RegionCode] {
        Dictionary(grouping: links, by: \.from).mapValues { $0.max { ($0.share, $1.to) < ($1.share, $0.to) }!.to }
    }

    @Test func derivedAreaWeightsAgreeWithAddressWeights() throws {
        let old = try Self.outlines("elan-dcc-wijkprofielen-geometry/wijk_2016_6_wgs84.geojson", codeKey: "WKC")
        let new = try Self.outlines("cran-tmap-NLD-2022-and-2013/NLD_dist_2022_wijk_wgs84.geojson", codeKey: "code")
        let reference = try Self.reference()
        // The long table's row codes are the newer year's: every older code is a wijk of the 2016 outlines.
        let known = reference.links.filter { old[$0.from] != nil && new[$0.to] != nil }.count
        #expect(Double(known) >= 0.99 * Double(reference.links.count))
        let derived = OutlineOverlap.crosswalk(level: .district, fromYear: 2016, toYear: 2022, from: old, to: new)
        // The reference lists only wijken a boundary change touched; every other wijk kept its code and its area.
        let touched = Set(reference.links.map(\.from))
        let ours = Self.main(derived.crosswalk.links), theirs = Self.main(reference.links)
        let compared = touched.filter { ours[$0] != nil }
        let agree = compared.filter { ours[$0] == theirs[$0] }.count
        let untouched = Set(old.keys).subtracting(touched).filter { ours[$0] != nil }
        let untouchedAgree = untouched.filter { ours[$0] == $0 }.count
        func shares(_ links: [Crosswalk.Link]) -> [[RegionCode]: Double] {
            Dictionary(links.filter { compared.contains($0.from) }.map { ([$0.from, $0.to], $0.share) }) { $0 + $1 }
        }
        let a = shares(derived.crosswalk.links), b = shares(reference.links)
        let pairs = Set(a.keys).union(b.keys)
        let meanAbs = pairs.map { abs((a[$0] ?? 0) - (b[$0] ?? 0)) }.reduce(0, +) / Double(pairs.count)
        let perWijk = pairs.map { abs((a[$0] ?? 0) - (b[$0] ?? 0)) }.reduce(0, +) / 2 / Double(compared.count)
        let share = Double(agree) / Double(compared.count)
        print(
            """
            Wijkcrosswalk 2016→2022, afgeleid (oppervlakte, raster \(Int(OutlineOverlap.cellSize)) m) tegen grenswijzigen (adressen):
              wijken 2016 met grenswijziging: \(touched.count), vergeleken: \(compared.count), zelfde hoofdopvolger: \(agree) (\(String(format: "%.1f", share * 100)) %)
              wijken 2016 zonder grenswijziging: \(untouched.count), bij ons ongewijzigd: \(untouchedAgree)
              gemiddeld absoluut verschil per koppeling: \(String(format: "%.3f", meanAbs)) over \(pairs.count) koppelingen; per wijk verschoven aandeel: \(String(format: "%.3f", perWijk))
              afgeleid: \(derived.statement); zonder overlap: \(derived.uncovered.count)
            """)
        #expect(share >= 0.9)
        #expect(Double(untouchedAgree) >= 0.95 * Double(untouched.count))
    }
}
