import Core

/// A problem with an input file, told in Dutch with the place where it was found.
///
/// Every importer throws this and nothing else for bad input, so the CLI and the web app can show one clear line.
public struct ImportError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based line (CSV), sheet row (XLSX) or record number (JSON).
    public var line: Int?
    /// Column name or letter, or JSON field.
    public var column: String?
    public var message: String
    /// What a line is called: "regel" in text files, "rij" in spreadsheets, "record" in JSON.
    public var lineNoun: String

    public init(file: String, line: Int? = nil, column: String? = nil, lineNoun: String = "regel", _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.lineNoun = lineNoun
        // NB: messages quote what the file holds ('…' is geen getal); printed in a terminal and stored in import_runs,
        // so control characters (terminal escapes, NUL) go and a quoted megabyte is cut short.
        let clean = InputText.clean(message, multiline: false)
        self.message = clean.count > 1000 ? String(clean.prefix(1000)) + "…" : clean
    }

    public var description: String {
        var place = file
        if let line { place += ", \(lineNoun) \(line)" }
        if let column { place += lineNoun == "record" ? ", veld \(column)" : ", kolom \(column)" }
        return "\(place): \(message)"
    }
}
