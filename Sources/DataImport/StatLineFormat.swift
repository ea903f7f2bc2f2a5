import Core
import Foundation

/// CBS StatLine OData v3 `TypedDataSet` responses: `{"odata.metadata": …, "value": [row, …]}`.
///
/// Keys carry a year-specific suffix (`AantalInwoners_5`); they are matched on their stem (`AantalInwoners`).
/// A stem that occurs twice in one table (`Nederland_17`, `Nederland_20`) is told apart by the titles of its groups in
/// DataProperties (`Herkomstland/Nederland`, `Geboren in Nederland/Nederland`); without DataProperties it is
/// reported, not guessed.
/// OData writes CBS's `.` ("onbekend, onvoldoende betrouwbaar of geheim") as `null`, so null is read as secret.
enum StatLineFormat {
    static func stem(_ key: String) -> String {
        guard let underscore = key.lastIndex(of: "_"), key[key.index(after: underscore)...].allSatisfy(\.isNumber),
            key.index(after: underscore) < key.endIndex
        else { return key }
        return String(key[..<underscore])
    }

    private static func suffix(_ key: String) -> Int {
        key.split(separator: "_").last.flatMap { Int($0) } ?? Int.max
    }

    static func read(
        _ json: Any, options: ImportOptions, fileName: String, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        var metadataURL = ""
        let records: [Any]
        if let object = json as? [String: Any] {
            if object["odata.nextLink"] != nil {
                throw ImportError(
                    file: fileName,
                    "dit is één pagina van een grotere StatLine-tabel (odata.nextLink); haal alle pagina's op en voeg ze samen, of download de tabel als CSV"
                )
            }
            guard let value = object["value"] as? [Any] else {
                throw ImportError(file: fileName, "geen StatLine-antwoord: het veld 'value' met de rijen ontbreekt")
            }
            metadataURL = object["odata.metadata"] as? String ?? ""
            records = value
        } else if let array = json as? [Any] {
            records = array
        } else {
            throw ImportError(
                file: fileName, "geen StatLine-antwoord: verwacht een object met 'value' of een lijst rijen")
        }

        let properties =
            try options.properties.map(DataPropertiesFile.load)
            ?? DataPropertiesFile(units: [:], order: [], ambiguous: [], qualified: [:])
        let infos = TableInfosFile.load(next: options.properties)

        // Header: every key seen, in CBS's own order (DataProperties, else the numeric suffix).
        var keys = Set<String>()
        for case let record as [String: Any] in records { keys.formUnion(record.keys) }
        let position = Dictionary(properties.order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let header = keys.sorted {
            (position[$0] ?? Int.max, suffix($0), $0) < (position[$1] ?? Int.max, suffix($1), $1)
        }
        let stems = header.map(stem)
        var stemCount: [String: Int] = [:]
        for s in stems { stemCount[s, default: 0] += 1 }
        func column(_ wanted: String) -> Int? { stems.firstIndex(of: wanted) }

        guard let codeColumn = column("Codering") ?? column("WijkenEnBuurten") else {
            throw ImportError(
                file: fileName, "geen regiocodes gevonden: verwacht het veld Codering_… of WijkenEnBuurten")
        }
        let levelColumn = column("SoortRegio")
        var rows: [RawTable.Row] = []
        var warnings: [String] = []
        for (number, item) in records.enumerated() {
            guard let record = item as? [String: Any] else {
                throw ImportError(
                    file: fileName, line: number + 1, lineNoun: "record", "een rij moet een JSON-object zijn")
            }
            var cells: [String] = []
            cells.reserveCapacity(header.count)
            for key in header {
                switch record[key] {
                case nil: cells.append("")
                case is NSNull: cells.append(".")
                case let text as String:
                    let trimmed = text.trimmingSpaces()
                    cells.append(stem(key) == "Perioden" ? String(trimmed.prefix(4)) : trimmed)
                case let number as NSNumber:
                    cells.append("\(number.doubleValue)")
                default:
                    throw ImportError(
                        file: fileName, line: number + 1, column: key, lineNoun: "record",
                        "onverwachte waarde (geen getal, tekst of null)")
                }
            }
            if let levelColumn, cells[levelColumn].lowercased() == "land" {
                warnings.append(
                    "de rij voor heel Nederland (\(cells[codeColumn])) is overgeslagen; landelijke waarden berekent Wijkradar uit de gemeenten"
                )
                continue
            }
            rows.append(.init(line: number + 1, cells: cells))
        }
        let table = RawTable(file: fileName, header: header, rows: rows, columnsAreLettered: false, lineNoun: "record")

        var bindings: [TableLayout.Binding] = []
        var unknown: [String] = []
        for (index, key) in header.enumerated() where !catalogue.isRegionColumn(stems[index], in: .statline) {
            var s = stems[index]
            if stemCount[s, default: 0] > 1 || properties.ambiguous.contains(s) {
                guard let qualified = properties.qualified[key] else {
                    unknown.append(
                        "\(key) (stam \(s) komt meer dan eens voor in deze tabel; leg DataProperties.json ernaast)")
                    continue
                }
                s = qualified
            }
            guard let indicator = catalogue.indicator(named: s, in: .statline) else {
                unknown.append(key)
                continue
            }
            if let unit = properties.units[key], !unitsAgree(unit, indicator.unit) {
                warnings.append(
                    "eenheid van \(key) volgens DataProperties is '\(unit)', de catalogus verwacht '\(indicator.unit)' (\(indicator.id))"
                )
            }
            bindings.append(.init(column: index, indicator: indicator.id))
        }

        let tableID = infos?.identifier ?? tableIdentifier(in: metadataURL) ?? tableIdentifier(in: fileName)
        let periodColumn = column("Perioden")
        guard
            let year = options.year ?? infos?.period ?? (periodColumn == nil ? DataImporter.year(in: fileName) : nil)
                ?? (periodColumn != nil ? 0 : nil)
        else {
            throw ImportError(
                file: fileName,
                "het jaar van de cijfers is onbekend: geef --year, of leg TableInfos.json naast het bestand")
        }
        let layout = TableLayout(
            codeColumn: codeColumn, nameColumn: column("Gemeentenaam"), levelColumn: levelColumn,
            periodColumn: periodColumn, fixedPeriod: periodColumn == nil ? year : nil, bindings: bindings)
        let (parsed, names, _) = try TableInterpreter.interpret(
            table, layout: layout, catalogue: catalogue, progress: progress)
        let lastYear = year == 0 ? parsed.map(\.period).max() ?? 0 : year
        // Gemeentenaam_1 names the gemeente of every row; it is the region's own name only on gemeente rows.
        let regions = names.map {
            Region(code: $0.key, name: $0.key.level == .municipality ? $0.value : "", indelingYear: lastYear)
        }
        let title = infos?.title ?? "CBS StatLine \(tableID ?? "tabel")"
        let info = DatasetInfo(
            slug: options.slug ?? DataImporter.slug(for: fileName), source: "CBS StatLine",
            tableID: tableID ?? "onbekend", title: title, year: lastYear, licence: "CC BY 4.0",
            attribution: "Bron: CBS StatLine\(tableID.map { ", \($0)" } ?? "")", format: ImportFormat.statline.rawValue)
        return ImportedDataset(
            info: info, fileName: fileName, sha256: "", indelingYear: lastYear,
            indicators: bindings.map(\.indicator), regions: regions.sorted { $0.code < $1.code },
            rows: parsed, unknownColumns: unknown, warnings: warnings)
    }

    /// `…/ODataApi/odata/85984NED/$metadata#…` → `85984NED`.
    static func tableIdentifier(in text: String) -> String? {
        guard let range = text.range(of: #"[0-9]{5}[A-Z]{3}"#, options: .regularExpression) else { return nil }
        return String(text[range])
    }

    /// CBS writes "aantal inwoners per km²" where the catalogue says "inwoners per km²".
    static func unitsAgree(_ cbs: String, _ catalogue: String) -> Bool {
        let a = cbs.lowercased().replacingOccurrences(of: "aantal ", with: "").replacingOccurrences(of: " ", with: "")
        let b = catalogue.lowercased().replacingOccurrences(of: "aantal ", with: "").replacingOccurrences(
            of: " ", with: "")
        return a == b || a.contains(b) || b.contains(a) || (a == "aantal" && b.hasPrefix("aantal"))
    }
}

/// CBS's `DataProperties.json`: the table's variables with units, in table order.
struct DataPropertiesFile {
    var units: [String: String]
    var order: [String]
    var ambiguous: Set<String>
    /// Keys whose stem is ambiguous, named by their nearest group titles: `Nederland_17` → `Herkomstland/Nederland`.
    var qualified: [String: String]

    static func load(_ url: URL) throws -> DataPropertiesFile {
        let name = url.lastPathComponent
        guard let data = DataImporter.contents(of: url),
            let items = (try? JSONSerialization.jsonObject(with: data)).flatMap({
                ($0 as? [String: Any])?["value"] ?? $0
            }) as? [[String: Any]]
        else {
            throw ImportError(file: name, "DataProperties is geen lijst van eigenschappen in JSON")
        }
        var units: [String: String] = [:]
        var order: [String] = []
        var seen: [String: [String]] = [:]
        var parent: [String: Int] = [:]
        var groups: [Int: (title: String, parent: Int?)] = [:]
        for item in items {
            if let id = (item["ID"] as? NSNumber)?.intValue, item["Type"] as? String == "TopicGroup" {
                let title = (item["Title"] as? String ?? "").trimmingCharacters(in: .whitespaces)
                groups[id] = (title, (item["ParentID"] as? NSNumber)?.intValue)
            }
            guard let key = item["Key"] as? String, !key.isEmpty else { continue }
            order.append(key)
            if let unit = item["Unit"] as? String { units[key] = unit }
            if item["Type"] as? String == "Topic" {
                seen[StatLineFormat.stem(key), default: []].append(key)
                parent[key] = (item["ParentID"] as? NSNumber)?.intValue
            }
        }
        // Group titles from the nearest outward, as many as it takes to tell the keys of one stem apart.
        func titles(_ key: String) -> [String] {
            var result: [String] = []
            var next = parent[key]
            while let id = next, let group = groups[id], result.count < 8 {
                result.append(group.title)
                next = group.parent
            }
            return result
        }
        var qualified: [String: String] = [:]
        for (stem, keys) in seen where keys.count > 1 {
            for depth in 1...8 {
                let names = keys.map { (titles($0).prefix(depth).reversed() + [stem]).joined(separator: "/") }
                if Set(names).count == keys.count {
                    for (key, name) in zip(keys, names) { qualified[key] = name }
                    break
                }
            }
        }
        return DataPropertiesFile(
            units: units, order: order, ambiguous: Set(seen.filter { $0.value.count > 1 }.keys), qualified: qualified)
    }
}

/// CBS's `TableInfos.json`: identifier, title and period of the table, when it lies next to DataProperties.
struct TableInfosFile {
    var identifier: String?
    var title: String?
    var period: Int?

    static func load(next properties: URL?) -> TableInfosFile? {
        guard let url = properties?.deletingLastPathComponent().appendingPathComponent("TableInfos.json"),
            let data = DataImporter.contents(of: url),
            let json = try? JSONSerialization.jsonObject(with: data)
        else { return nil }
        let item = ((json as? [String: Any])?["value"] as? [[String: Any]])?.first ?? (json as? [[String: Any]])?.first
        guard let item else { return nil }
        return TableInfosFile(
            identifier: item["Identifier"] as? String, title: item["Title"] as? String,
            period: (item["Period"] as? String).flatMap { Int($0.prefix(4)) })
    }
}
