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
        let rows = try SheetParser.parse(sheet, strings: strings, file: file)
        guard let header = rows.first else { throw ImportError(file: file, "het werkblad is leeg") }
        return RawTable(
            file: file, header: header.cells, rows: Array(rows.dropFirst()), columnsAreLettered: true, lineNoun: "rij")
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

/// A worksheet's `<sheetData>`: rows of cells addressed `A1`, typed by `t` (s, str, inlineStr, b, n, e).
///
/// Cell references are checked against Excel's own bounds (column XFD, row 1 048 576) before anything is
/// allocated for them: `ZZZZZZ2` would otherwise pad a row with 300 million empty cells.
private final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [RawTable.Row] = []
    var cells: [String] = []
    var rowNumber = 0
    var column = 0
    var type = ""
    var text = ""
    var inValue = false
    var cellCount = 0
    /// Bytes of cell text so far: a long shared string repeated in many cells is counted each time.
    var textBytes = 0
    var badIndex: (row: Int, column: Int)?
    var problem: (row: Int, column: String?, message: String)?

    init(strings: [String]) { self.strings = strings }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row":
            if let r = attributes["r"] {
                guard let number = Int(r), (1...ImportLimits.maximumRows).contains(number) else {
                    return stop(
                        parser, column: nil,
                        "rijnummer '\(r.prefix(20))' ligt buiten een werkblad (1 tot en met \(ImportLimits.maximumRows))"
                    )
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
        case "c":
            type = attributes["t"] ?? "n"
            text = ""
            if let reference = attributes["r"] {
                guard let index = Self.columnIndex(reference) else {
                    return stop(
                        parser, column: String(reference.prefix(20)),
                        "celverwijzing ligt buiten een werkblad (kolommen A tot en met XFD)")
                }
                column = index
            } else {
                column = cells.count
            }
            guard column >= cells.count else {
                return stop(
                    parser, column: RawTable.letters(column),
                    "cellen staan niet op volgorde (of een cel staat er twee keer)")
            }
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue else { return }
        text += string
        if text.utf8.count > ImportLimits.maximumFieldBytes {
            stop(
                parser, column: RawTable.letters(column),
                "de cel is langer dan \(ImportLimits.megabytes(ImportLimits.maximumFieldBytes))")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            var value = text
            if type == "s" {
                if let i = Int(text), strings.indices.contains(i) {
                    value = strings[i]
                } else {
                    badIndex = (rowNumber, column)
                }
            }
            cellCount += column - cells.count + 1
            guard cellCount <= ImportLimits.maximumCells else {
                return stop(parser, column: nil, "het werkblad heeft meer dan \(ImportLimits.maximumCells) cellen")
            }
            textBytes += value.utf8.count
            guard textBytes <= ImportLimits.maximumInflatedBytes else {
                return stop(
                    parser, column: nil,
                    "de cellen bevatten samen meer dan \(ImportLimits.megabytes(ImportLimits.maximumInflatedBytes)) tekst"
                )
            }
            while cells.count < column { cells.append("") }
            cells.append(type == "s" ? value : value.trimmingSpaces())
        case "row":
            if cells.contains(where: { !$0.isEmpty }) { rows.append(.init(line: rowNumber, cells: cells)) }
        default: break
        }
    }

    private func stop(_ parser: XMLParser, column: String?, _ message: String) {
        if problem == nil { problem = (rowNumber, column, message) }
        parser.abortParsing()
    }

    /// `AB12` → 27 (0-based column of the letters); nil past XFD, Excel's last column, or without letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        guard letters > 0, index <= ImportLimits.maximumColumns else { return nil }
        return index - 1
    }

    static func parse(_ data: Data, strings: [String], file: String) throws -> [RawTable.Row] {
        let delegate = SheetParser(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem {
            throw ImportError(file: file, line: problem.row, column: problem.column, lineNoun: "rij", problem.message)
        }
        guard ok else {
            throw ImportError(
                file: file, line: parser.lineNumber, lineNoun: "XML-regel",
                "het werkblad bevat ongeldige XML (afgebroken bestand?)")
        }
        if let bad = delegate.badIndex {
            throw ImportError(
                file: file, line: bad.row, column: RawTable.letters(bad.column), lineNoun: "rij",
                "verwijst naar een gedeelde tekst die niet bestaat")
        }
        return delegate.rows
    }
}
