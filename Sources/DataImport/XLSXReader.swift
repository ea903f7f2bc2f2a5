import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first worksheet of an XLSX workbook (as CBS publishes kwb-YYYY.xlsx) into a raw table.
///
/// Only what data files use is read: shared strings, inline strings and numbers. Formulas keep their cached value.
enum XLSXReader {
    static func read(_ data: Data, file: String) throws -> RawTable {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(Array(data))
        } catch .unsupported(let what) {
            throw ImportError(
                file: file,
                "dit XLSX-bestand gebruikt \(what), wat Wijkradar niet leest; sla het in Excel opnieuw op als .xlsx")
        } catch {
            throw ImportError(
                file: file, "dit is geen leesbaar XLSX-bestand (het zip-archief is beschadigd of afgebroken)")
        }
        let sheetPath = try firstSheetPath(archive, file: file)
        let strings =
            try extract("xl/sharedStrings.xml", from: archive, file: file, required: false)
            .map { try SharedStringsParser.parse($0, file: file) } ?? []
        guard let sheet = try extract(sheetPath, from: archive, file: file, required: true) else {
            throw ImportError(file: file, "werkblad \(sheetPath) ontbreekt")
        }
        let header: RawTable.Row?
        let rows: [RawTable.Row]
        let bad: SheetScanner.Bad?
        do {
            (header, rows, bad) = try SheetScanner.rows(Array(sheet), strings: strings)
        } catch {
            if let line = error.xmlLine {
                throw ImportError(file: file, line: line, lineNoun: "XML-regel", error.message)
            }
            throw ImportError(file: file, line: error.row, column: error.column, lineNoun: "rij", error.message)
        }
        if let bad {
            throw ImportError(
                file: file, line: bad.row, column: RawTable.letters(bad.column), lineNoun: "rij",
                "verwijst naar een gedeelde tekst die niet bestaat")
        }
        guard let header else { throw ImportError(file: file, "het werkblad is leeg") }
        return RawTable(file: file, header: header.cells, rows: rows, columnsAreLettered: true, lineNoun: "rij")
    }

    private static func extract(_ path: String, from archive: ZipArchive, file: String, required: Bool) throws -> Data?
    {
        guard let member = archive.member(path) else {
            if required { throw ImportError(file: file, "onderdeel \(path) ontbreekt in het XLSX-bestand") }
            return nil
        }
        do {
            return Data(try archive.contents(of: member))
        } catch .tooLarge(_, let limit) {
            throw ImportError(
                file: file,
                "onderdeel \(path) wordt uitgepakt groter dan \(ImportLimits.megabytes(limit)) (meer dan \(ImportLimits.maximumRatio) keer zo groot als ingepakt); zo'n bestand is geen gewoon werkblad en wordt niet ingelezen"
            )
        } catch .unsupported(let what) {
            throw ImportError(
                file: file,
                "onderdeel \(path) gebruikt \(what), wat Wijkradar niet leest; sla het bestand in Excel opnieuw op als .xlsx"
            )
        } catch {
            throw ImportError(file: file, "onderdeel \(path) is beschadigd of afgebroken")
        }
    }

    /// The first sheet in workbook order, found through the workbook's relationships.
    private static func firstSheetPath(_ archive: ZipArchive, file: String) throws -> String {
        guard let workbook = try extract("xl/workbook.xml", from: archive, file: file, required: true),
            let rels = try extract("xl/_rels/workbook.xml.rels", from: archive, file: file, required: false)
        else {
            return "xl/worksheets/sheet1.xml"
        }
        let sheetID = try AttributeCollector.first(element: "sheet", attribute: "r:id", in: workbook, file: file)
        let targets = try AttributeCollector.pairs(
            element: "Relationship", key: "Id", value: "Target", in: rels, file: file)
        guard let id = sheetID, var target = targets[id] else { return "xl/worksheets/sheet1.xml" }
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        return target
    }
}

/// Collects attributes of one element kind from a small XML part.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == element { found.append(attributes) }
    }

    static func collect(_ element: String, in data: Data, file: String) throws -> [[String: String]] {
        let collector = AttributeCollector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw ImportError(file: file, "het XLSX-bestand bevat ongeldige XML") }
        return collector.found
    }

    static func first(element: String, attribute: String, in data: Data, file: String) throws -> String? {
        try collect(element, in: data, file: file).first?[attribute]
    }

    static func pairs(element: String, key: String, value: String, in data: Data, file: String) throws -> [String:
        String]
    {
        var result: [String: String] = [:]
        for attributes in try collect(element, in: data, file: file) {
            if let k = attributes[key], let v = attributes[value] { result[k] = v }
        }
        return result
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, possibly split over rich-text runs.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    var problem: String?

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        if current.utf8.count > ImportLimits.maximumFieldBytes {
            stop(parser, "een tekst is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes))")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" {
            // Trimmed once here, so every cell that points at the string shares this copy.
            strings.append(current.trimmingSpaces())
            if strings.count > ImportLimits.maximumCells {
                stop(parser, "er zijn meer dan \(ImportLimits.maximumCells) teksten")
            }
        }
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        problem = problem ?? reason
        parser.abortParsing()
    }

    static func parse(_ data: Data, file: String) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem {
            throw ImportError(file: file, "de gedeelde tekstwaarden (sharedStrings.xml): \(problem)")
        }
        guard ok else { throw ImportError(file: file, "de gedeelde tekstwaarden (sharedStrings.xml) zijn onleesbaar") }
        return delegate.strings
    }
}
