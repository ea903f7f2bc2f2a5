/// Spreadsheet column names, as Excel shows them: 0 → A, 25 → Z, 26 → AA. The importers name a bad cell by it and
/// the Excel writer addresses cells with it.
public enum ColumnName {
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var result = ""
        while n > 0 {
            let r = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + r))) + result
            n = (n - 1) / 26
        }
        return result
    }
}
