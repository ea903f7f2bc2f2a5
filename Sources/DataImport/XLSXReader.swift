import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
internal import ZIPFoundation

/// Reads the first worksheet of an XLSX workbook (as CBS publishes kwb-YYYY.xlsx) into a raw table.
///
/// Only what data files use is read: shared strings, inline strings and numbers. Formulas keep their cached value.
enum XLSXReader {
    static func read(_ data: Data, file: String) throws -> RawTable {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError(file: file, "dit is geen leesbaar XLSX-bestand (het zip-archief is beschadigd of afgebroken)")
        }
        let sheetPath = try firstSheetPath(archive, file: file)
        let strings = try extract("xl/sharedStrings.xml", from: archive, file: file, required: false)
            .map { try SharedStringsParser.parse($0, file: file) } ?? []
        guard let sheet = try extract(sheetPath, from: archive, file: file, required: true) else {
            throw ImportError(file: file, "werkblad \(sheetPath) ontbreekt")
        }
        let rows = try SheetParser.parse(sheet, strings: strings, file: file)
        guard let header = rows.first else { throw ImportError(file: file, "het werkblad is leeg") }
        return RawTable(file: file, header: header.cells, rows: Array(rows.dropFirst()), columnsAreLettered: true, lineNoun: "rij")
    }

    private static func extract(_ path: String, from archive: Archive, file: String, required: Bool) throws -> Data? {
        guard let entry = archive[path] else {
            if required { throw ImportError(file: file, "onderdeel \(path) ontbreekt in het XLSX-bestand") }
            return nil
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw ImportError(file: file, "onderdeel \(path) is beschadigd of afgebroken (\(error))")
        }
        return data
    }

    /// The first sheet in workbook order, found through the workbook's relationships.
    private static func firstSheetPath(_ archive: Archive, file: String) throws -> String {
        guard let workbook = try extract("xl/workbook.xml", from: archive, file: file, required: true),
              let rels = try extract("xl/_rels/workbook.xml.rels", from: archive, file: file, required: false) else {
            return "xl/worksheets/sheet1.xml"
        }
        let sheetID = try AttributeCollector.first(element: "sheet", attribute: "r:id", in: workbook, file: file)
        let targets = try AttributeCollector.pairs(element: "Relationship", key: "Id", value: "Target", in: rels, file: file)
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

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
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

    static func pairs(element: String, key: String, value: String, in data: Data, file: String) throws -> [String: String] {
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

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }

    static func parse(_ data: Data, file: String) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw ImportError(file: file, "de gedeelde tekstwaarden (sharedStrings.xml) zijn onleesbaar") }
        return delegate.strings
    }
}

/// A worksheet's `<sheetData>`: rows of cells addressed `A1`, typed by `t` (s, str, inlineStr, b, n, e).
private final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [RawTable.Row] = []
    var cells: [String] = []
    var rowNumber = 0
    var column = 0
    var type = ""
    var text = ""
    var inValue = false
    var badIndex: (row: Int, column: Int)?

    init(strings: [String]) { self.strings = strings }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            type = attributes["t"] ?? "n"
            column = attributes["r"].map(Self.columnIndex) ?? cells.count
            text = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            var value = text
            if type == "s" {
                if let i = Int(text), strings.indices.contains(i) { value = strings[i] } else { badIndex = (rowNumber, column) }
            }
            while cells.count < column { cells.append("") }
            cells.append(value.trimmingSpaces())
        case "row":
            if cells.contains(where: { !$0.isEmpty }) { rows.append(.init(line: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// `AB12` → 27 (0-based column of the letters).
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return index - 1
    }

    static func parse(_ data: Data, strings: [String], file: String) throws -> [RawTable.Row] {
        let delegate = SheetParser(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw ImportError(file: file, line: parser.lineNumber, lineNoun: "XML-regel", "het werkblad bevat ongeldige XML (afgebroken bestand?)")
        }
        if let bad = delegate.badIndex {
            throw ImportError(file: file, line: bad.row, column: RawTable.letters(bad.column), lineNoun: "rij", "verwijst naar een gedeelde tekst die niet bestaat")
        }
        return delegate.rows
    }
}
