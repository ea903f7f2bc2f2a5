import Core
internal import Crypto
import Foundation

/// Reads one data file in any supported format into an `ImportedDataset`, or rejects it whole.
public enum DataImporter {
    /// Reads a file from disk; `.gz` files are decompressed first. A GeoPackage is read by SQLite where it lies; a
    /// shapefile's `.dbf`, `.shp` and `.prj` are read together from next to each other.
    public static func read(
        _ url: URL, options: ImportOptions = .init(), catalogue: IndicatorCatalogue = .standard,
        progress: ImportProgress? = nil
    ) throws -> ImportedDataset {
        let name = options.displayName ?? url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        if GeoPackageFormat.isSQLite(head(of: url)) {
            guard size <= ImportLimits.maximumGeoPackageBytes else {
                throw ImportError(
                    file: name,
                    "het GeoPackage is \(ImportLimits.megabytes(size)); Wijkradar leest er tot \(ImportLimits.megabytes(ImportLimits.maximumGeoPackageBytes)). Maak een uitsnede met de gemeenten die u nodig hebt"
                )
            }
            let dataset = try GeoPackageFormat.read(
                url, fileName: name, options: options, catalogue: catalogue, progress: progress)
            return finish(dataset, fileName: name, sha256: try sha256(of: url, file: name))
        }
        let lower = url.lastPathComponent.lowercased()
        if lower.hasSuffix(".gpkg") {
            throw ImportError(
                file: name,
                "het bestand is geen GeoPackage: een GeoPackage is een SQLite-database, en dit bestand begint niet zo. Is het afgebroken of hernoemd?"
            )
        }
        let data = try contents(of: url, size: size, name: name)
        if lower.hasSuffix(".dbf") || lower.hasSuffix(".shp") {
            return try readShapefile(
                url, first: data, name: name, options: options, catalogue: catalogue, progress: progress)
        }
        var options = options
        if options.properties == nil {
            let sibling = url.deletingLastPathComponent().appendingPathComponent("DataProperties.json")
            if FileManager.default.fileExists(atPath: sibling.path), sibling.lastPathComponent != url.lastPathComponent
            {
                options.properties = sibling
            }
        }
        return try read(data, fileName: name, options: options, catalogue: catalogue, progress: progress)
    }

    public static func read(
        _ bytes: [UInt8], fileName: String, options: ImportOptions = .init(),
        catalogue: IndicatorCatalogue = .standard, progress: ImportProgress? = nil
    ) throws -> ImportedDataset {
        let sha = hex(SHA256.hash(data: bytes))
        var name = fileName
        var body = bytes
        if bytes.starts(with: [0x1F, 0x8B]) {
            body = try gunzip(bytes, file: fileName)
            if name.hasSuffix(".gz") { name.removeLast(3) }
        }
        guard !body.isEmpty else { throw ImportError(file: fileName, "het bestand is leeg") }
        if body.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // The command as it can be pasted: the name without .gz (unpacked first), quoted when it needs it.
            let shell = name.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
            let file = shell ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
            throw ImportError(
                file: fileName,
                "dit is een Excel 97-2003-bestand (.xls); dat leest Wijkradar niet. "
                    + (name == fileName ? "" : "Pak het uit (gunzip) en zet het ")
                    + (name == fileName ? "Zet het " : "")
                    + "om naar .xlsx met `libreoffice --headless --convert-to xlsx \(file)` of sla het in Excel op als "
                    + "Excel-werkmap (.xlsx), en lees dat bestand in")
        }
        if let dataset = try GeometryArchive.read(
            body, fileName: name, options: options, catalogue: catalogue, progress: progress)
        {
            return finish(dataset, fileName: fileName, sha256: sha)
        }
        let format = try options.format ?? detect(body, name: name, options: options, file: fileName)
        var dataset: ImportedDataset
        switch format {
        case .kwb:
            dataset = try KWBFormat.read(
                try table(body, name: name, options: options, file: fileName),
                options: options, fileName: name, catalogue: catalogue, progress: progress)
        case .leefbaarometer:
            dataset = try LeefbaarometerFormat.read(
                try table(body, name: name, options: options, file: fileName),
                options: options, fileName: name, catalogue: catalogue, progress: progress)
        case .statline, .geometry:
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: Data(body))
            } catch {
                // Foundation explains in English; the place is what a user needs.
                let detail = "\((error as NSError).userInfo["NSDebugDescription"] ?? "")"
                let place = detail.firstMatch(of: /character ([0-9]+)/).map { " (rond teken \($0.1))" } ?? ""
                let nested = detail.contains("nested") ? ": de lijsten of objecten zijn te diep genest" : ""
                throw ImportError(file: fileName, "het bestand is geen geldige JSON\(nested)\(place)")
            }
            if GeoJSONFormat.isFeatureCollection(json) {
                dataset = try GeoJSONFormat.read(
                    json, options: options, fileName: name, catalogue: catalogue, progress: progress)
            } else {
                dataset = try StatLineFormat.read(
                    json, options: options, fileName: fileName, catalogue: catalogue, progress: progress)
            }
        case .mapped:
            guard let mapping = options.mapping else {
                throw ImportError(file: fileName, "voor een eigen CSV-bestand is een mappingbestand nodig (--mapping)")
            }
            dataset = try MappedFormat.read(
                try table(body, name: name, options: options, file: fileName),
                mapping: try MappingFile.load(mapping), options: options, fileName: name,
                catalogue: catalogue, progress: progress)
        case .geopackage, .shapefile:
            throw ImportError(
                file: fileName, "het bestand is geen \(format == .geopackage ? "GeoPackage" : "shapefile (.dbf/.shp)")")
        }
        return finish(dataset, fileName: fileName, sha256: sha)
    }

    /// The record of what was read: its file and hash, and text the file chose (titles, column names, warnings
    /// that quote them) cleaned like any text from outside.
    static func finish(_ dataset: ImportedDataset, fileName: String, sha256: String) -> ImportedDataset {
        var dataset = dataset
        dataset.fileName = fileName
        dataset.sha256 = sha256
        dataset.info.title = InputText.clean(dataset.info.title, multiline: false)
        dataset.unknownColumns = dataset.unknownColumns.map { InputText.clean($0, multiline: false) }
        dataset.warnings = dataset.warnings.map { InputText.clean($0, multiline: false) }
        return dataset
    }

    private static func contents(of url: URL, size: Int, name: String) throws -> [UInt8] {
        guard size <= ImportLimits.maximumFileBytes else {
            throw ImportError(
                file: name,
                "het bestand is \(ImportLimits.megabytes(size)); Wijkradar leest bestanden tot \(ImportLimits.megabytes(ImportLimits.maximumFileBytes)). Is het wel een gegevensbestand?"
            )
        }
        // Read straight into the array the readers use: going through `Data` held the file twice.
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(file: name, "het bestand kan niet worden gelezen (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                #if canImport(Glibc)
                    let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                #else
                    let got = Darwin.read(descriptor, buffer.baseAddress! + count, size - count)
                #endif
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    break
                }
                count += got
            }
        }
        if failed {
            throw ImportError(file: name, "het bestand kan niet worden gelezen (\(String(cString: strerror(errno))))")
        }
        return bytes
    }

    /// A shapefile from disk: the `.dbf` and `.shp` of the same name, and the `.prj` if there is one.
    private static func readShapefile(
        _ url: URL, first: [UInt8], name: String, options: ImportOptions, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        let stem = url.deletingPathExtension()
        // The siblings are read within the same limits as the file named, and a read error is said as such.
        func sibling(_ ext: String) throws -> [UInt8]? {
            guard
                let candidate = [ext, ext.uppercased()].map({ stem.appendingPathExtension($0) }).first(where: {
                    FileManager.default.fileExists(atPath: $0.path)
                })
            else { return nil }
            let size =
                (try? FileManager.default.attributesOfItem(atPath: candidate.path)[.size] as? NSNumber)?.intValue
                ?? Int.max
            return try contents(of: candidate, size: size, name: candidate.lastPathComponent)
        }
        let isDBF = url.pathExtension.lowercased() == "dbf"
        guard let dbf = isDBF ? first : try sibling("dbf") else {
            throw ImportError(
                file: name, "bij een shapefile hoort een .dbf-bestand met de attributen; leg het naast het .shp-bestand"
            )
        }
        let shp = isDBF ? try sibling("shp") : first
        let prj = try sibling("prj").map { String(decoding: $0, as: UTF8.self) }
        let layer = try ShapefileFormat.layer(
            dbf: dbf, shp: shp, prj: prj, fileName: name, progress: progress)
        let dataset = try ShapefileFormat.dataset(
            [layer], withoutOutlines: shp == nil ? [name] : [], fileName: name, options: options, catalogue: catalogue)
        return finish(
            dataset, fileName: name, sha256: hex(SHA256.hash(data: dbf)))
    }

    private static func head(of url: URL) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 16)) ?? Data())
    }

    /// SHA-256 of a file read in pieces: a GeoPackage is never held in memory whole.
    private static func sha256(of url: URL, file: String) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ImportError(file: file, "het bestand kan niet worden gelezen")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hex(hasher.finalize())
    }

    /// A digest as the lowercase hex that `sha256sum` prints, so a user can check the file they imported.
    static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// Guesses the format from the file's first bytes and header.
    static func detect(_ body: [UInt8], name: String, options: ImportOptions, file: String) throws -> ImportFormat {
        if options.mapping != nil { return .mapped }
        if body.starts(with: [0x50, 0x4B]) || name.lowercased().hasSuffix(".xlsx") { return .kwb }
        if let first = body.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        {
            return .statline
        }
        // The header line is all it needs: the rest of a 100 MB file is read once, by the reader.
        let firstLine = body.prefix { $0 != 0x0A && $0 != 0x0D }
        let (text, _) = try SourceText.decode(Array(firstLine), file: file, forced: options.encoding)
        let headerLine = text.lowercased()
        let header = headerLine.split(whereSeparator: { ",;\t\"".contains($0) }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if header.contains("gwb_code_10") || (header.contains("gwb_code") && header.contains("recs")) { return .kwb }
        if header.contains("lbm") { return .leefbaarometer }
        throw ImportError(
            file: file, line: 1,
            "het formaat wordt niet herkend: de kopregel heeft geen gwb_code_10 (CBS Kerncijfers wijken en buurten) en geen lbm (Leefbaarometer). Is het een eigen bestand? Geef dan een mappingbestand met --mapping"
        )
    }

    static func table(_ body: [UInt8], name: String, options: ImportOptions, file: String) throws -> RawTable {
        if body.starts(with: [0x50, 0x4B]) || name.lowercased().hasSuffix(".xlsx") {
            return try XLSXReader.read(Data(body), file: file)
        }
        let (utf8, _) = try SourceText.utf8Bytes(body, file: file, forced: options.encoding)
        return try CSVReader.read(utf8: utf8, file: file)
    }

    /// A small side file (DataProperties, TableInfos), gzip or not; nil when absent or unreadable.
    static func contents(of url: URL) -> Data? {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= 16 << 20, let data = try? Data(contentsOf: url) else { return nil }
        return data.starts(with: [0x1F, 0x8B]) ? Gzip.decompress(Array(data)).map { Data($0) } : data
    }

    static func gunzip(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        do {
            return try Gzip.inflate(bytes)
        } catch .damaged {
            throw ImportError(file: file, "het gzip-bestand is beschadigd of afgebroken")
        } catch .tooLarge(let limit) {
            throw ImportError(
                file: file,
                "uitgepakt wordt het gzip-bestand groter dan \(ImportLimits.megabytes(limit)) (meer dan \(ImportLimits.maximumRatio) keer zo groot als ingepakt); zo'n bestand is geen gewoon gegevensbestand en wordt niet ingelezen"
            )
        }
    }

    /// `kwb-2023.xlsx` → `kwb-2023`; the default dataset name.
    static func slug(for fileName: String) -> String {
        var stem = fileName.lowercased()
        for ext in [".gz", ".xlsx", ".csv", ".json", ".geojson", ".txt", ".gpkg", ".dbf", ".shp", ".zip"]
        where stem.hasSuffix(ext) {
            stem.removeLast(ext.count)
        }
        let mapped = stem.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }

    /// A four-digit year in the file name, as CBS names its downloads (`kwb-2023.xlsx`).
    static func year(in fileName: String) -> Int? {
        let digits = fileName.split(whereSeparator: { !$0.isNumber })
        return digits.compactMap { Int($0) }.last { (1990...2100).contains($0) && String($0).count == 4 }
    }

    /// Columns bound to catalogue indicators by their names in a scheme; the rest are unknown.
    static func bind(
        _ table: RawTable, scheme: SourceScheme, catalogue: IndicatorCatalogue,
        skipping isRegionColumn: (String) -> Bool
    ) -> (bindings: [TableLayout.Binding], unknown: [String], warnings: [String]) {
        var bindings: [TableLayout.Binding] = []
        var unknown: [String] = []
        var warnings: [String] = []
        var used: [String: String] = [:]
        for (index, name) in table.header.enumerated() where !isRegionColumn(name) {
            guard let indicator = catalogue.indicator(named: name, in: scheme) else {
                unknown.append(name)
                continue
            }
            if let first = used[indicator.id] {
                warnings.append(
                    "kolom \(name) is dezelfde indicator (\(indicator.id)) als kolom \(first) en is niet gebruikt")
                continue
            }
            used[indicator.id] = name
            bindings.append(.init(column: index, indicator: indicator.id))
        }
        return (bindings, unknown, warnings)
    }
}
