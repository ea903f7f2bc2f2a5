import Core
import Foundation

/// Reads a crosswalk (omrekentabel) from CSV or XLSX: one row per part of an older region that lies in a newer one.
///
/// Columns: `from_year, to_year, from_code, to_code, weight`, and `basis` (adressen, inwoners, woningen,
/// oppervlakte) unless the caller names it for the whole file. Dutch names (`van_jaar`, `naar_jaar`, `van_code`,
/// `naar_code`, `gewicht`) and the long form of the grenswijzigen tables (`col_code` → `row_code`, `n_addresses`) are
/// read too. Weights may be counts (addresses per part) or shares: they are divided by the older region's total.
/// Codes may come with or without their prefix (`WK001401` or `001401`); the level follows from the code.
public enum CrosswalkFile {
    static let columns: [String: [String]] = [
        "from_year": ["from_year", "van_jaar"], "to_year": ["to_year", "naar_jaar"],
        // The grenswijzigen matrices convert by new = M · old: their rows are the newer indeling's regions and their
        // columns the older one's (all 1 604 row codes of wijk 2016→2022 are 2022 codes; CrosswalkComparisonTests).
        "from_code": ["from_code", "van_code", "col_code"], "to_code": ["to_code", "naar_code", "row_code"],
        "weight": ["weight", "gewicht", "n_addresses", "aantal_adressen"],
    ]

    public static func read(contentsOf url: URL, basis: Crosswalk.Basis? = nil, origin: String? = nil) throws
        -> [Crosswalk]
    {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ImportLimits.maximumFileBytes else {
            throw ImportError(
                file: name,
                "het bestand is \(ImportLimits.megabytes(size)); Wijkradar leest omrekentabellen tot \(ImportLimits.megabytes(ImportLimits.maximumFileBytes))"
            )
        }
        guard let data = try? Data(contentsOf: url) else {
            throw ImportError(file: name, "het bestand kan niet worden gelezen")
        }
        return try read(Array(data), fileName: name, basis: basis, origin: origin)
    }

    public static func read(
        _ bytes: [UInt8], fileName: String, basis fixedBasis: Crosswalk.Basis? = nil, origin: String? = nil
    ) throws -> [Crosswalk] {
        var body = bytes
        if bytes.starts(with: [0x1F, 0x8B]) { body = try DataImporter.gunzip(bytes, file: fileName) }
        guard !body.isEmpty else { throw ImportError(file: fileName, "het bestand is leeg") }
        let table = try DataImporter.table(body, name: fileName, options: .init(), file: fileName)
        var index: [String: Int] = [:]
        for (key, names) in columns {
            guard let i = names.lazy.compactMap(table.index(of:)).first else {
                throw ImportError(
                    file: fileName, line: 1,
                    "de kolom \(key) ontbreekt (een omrekentabel heeft from_year, to_year, from_code, to_code en weight)"
                )
            }
            index[key] = i
        }
        let basisColumn = table.index(of: "basis")
        let grenswijzigen = table.index(of: "n_addresses") != nil
        guard fixedBasis != nil || basisColumn != nil || grenswijzigen else {
            throw ImportError(
                file: fileName, line: 1,
                "de basis van de gewichten ontbreekt: geef een kolom basis (adressen, inwoners, woningen of oppervlakte) of noem de basis bij het inlezen"
            )
        }
        var weights: [Key: [RegionCode: (Double, Crosswalk.Basis)]] = [:]
        var firstLine: [Key: Int] = [:]
        for row in table.rows {
            func cell(_ key: String) -> String { index[key]! < row.cells.count ? row.cells[index[key]!] : "" }
            func fail(_ key: String?, _ message: String) -> ImportError {
                table.error(row, column: key.flatMap { index[$0] } ?? basisColumn, message)
            }
            guard let from = Int(cell("from_year")), let to = Int(cell("to_year")), (1900...2100).contains(from),
                (1900...2100).contains(to), from < to
            else { throw fail("from_year", "from_year en to_year moeten jaren zijn, het eerste vóór het tweede") }
            guard let a = code(cell("from_code")) else {
                throw fail("from_code", "'\(cell("from_code"))' is geen gemeente-, wijk- of buurtcode")
            }
            guard let b = code(cell("to_code")), b.level == a.level else {
                throw fail("to_code", "'\(cell("to_code"))' is geen code van hetzelfde niveau als \(a)")
            }
            let text = cell("weight")
            guard let weight = Double(text.contains(".") ? text : text.replacingOccurrences(of: ",", with: ".")),
                weight.isFinite, weight >= 0, weight < 1e12
            else { throw fail("weight", "'\(text)' is geen gewicht (een getal van 0 of meer)") }
            var basis = fixedBasis ?? .addresses
            if let basisColumn, fixedBasis == nil {
                let value = basisColumn < row.cells.count ? row.cells[basisColumn] : ""
                guard let named = Self.basis(value) else {
                    throw fail(nil, "'\(value)' is geen basis; kies adressen, inwoners, woningen of oppervlakte")
                }
                basis = named
            }
            let key = Key(level: a.level, from: from, to: to, code: a)
            if firstLine[key] == nil { firstLine[key] = row.line }
            if weight > 0 { weights[key, default: [:]][b, default: (0, basis)].0 += weight }
        }
        guard !weights.isEmpty else { throw ImportError(file: fileName, "de tabel heeft geen regels met een gewicht") }
        // Shares (every weight at most 1) must add up to 1 per older region: a region with parts missing, or a table
        // written the wrong way round, would otherwise be scaled up without a word.
        if weights.values.allSatisfy({ $0.values.allSatisfy { $0.0 <= 1 } }) {
            for key in weights.keys.sorted(by: { firstLine[$0]! < firstLine[$1]! }) {
                let sum = weights[key]!.values.reduce(0) { $0 + $1.0 }
                guard abs(sum - 1) <= 0.01 else {
                    throw ImportError(
                        file: fileName, line: firstLine[key], column: table.columnName(index["weight"]!),
                        "de aandelen van \(key.code) (\(key.from) → \(key.to)) tellen op tot \(DutchFormat.number(sum, decimals: 3)), niet tot 1; ontbreekt er een deel, of staan van en naar verwisseld?"
                    )
                }
            }
        }
        let name = origin ?? "omrekentabel \(fileName)"
        let grouped = Dictionary(grouping: weights.keys) { [$0.level.rawValue, "\($0.from)", "\($0.to)"] }
        return grouped.values.map { keys in
            let first = keys[0]
            var links: [Crosswalk.Link] = []
            for key in keys.sorted(by: { $0.code < $1.code }) {
                let parts = weights[key]!
                let total = parts.values.reduce(0) { $0 + $1.0 }
                for (to, (w, basis)) in parts.sorted(by: { $0.key < $1.key }) {
                    links.append(Crosswalk.Link(from: key.code, to: to, share: w / total, basis: basis))
                }
            }
            return Crosswalk(level: first.level, fromYear: first.from, toYear: first.to, origin: name, links: links)
        }.sorted { ($0.level, $0.fromYear, $0.toYear) < ($1.level, $1.fromYear, $1.toYear) }
    }

    /// What is shown with a crosswalk read from a file: "ingelezen uit t.csv: 1.251 regio's, 2.558 koppelingen".
    public static func statement(_ crosswalk: Crosswalk, fileName: String) -> String {
        "ingelezen uit \(fileName): "
            + DutchFormat.count(Set(crosswalk.links.map(\.from)).count, "regio", "regio's") + ", "
            + DutchFormat.count(crosswalk.links.count, "koppeling", "koppelingen")
    }

    struct Key: Hashable {
        var level: RegionLevel
        var from: Int
        var to: Int
        var code: RegionCode
    }

    /// `WK001401`, `001401` (6 digits: wijk), `0014` (gemeente), `00140101` (buurt).
    static func code(_ text: String) -> RegionCode? {
        if let code = RegionCode(text) { return code }
        guard text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        let prefix = [4: "GM", 6: "WK", 8: "BU"][text.count]
        return prefix.flatMap { RegionCode($0 + text) }
    }

    public static func basis(_ text: String) -> Crosswalk.Basis? {
        switch text.lowercased() {
        case "adressen", "addresses": .addresses
        case "inwoners", "inhabitants": .inhabitants
        case "woningen", "dwellings": .dwellings
        case "oppervlakte", "area": .area
        default: nil
        }
    }
}
