/// One value of one indicator for one region and period, with its status.
///
/// NB: a secret CBS value (`.`) is never a zero; everything that displays or computes with cells must switch on
/// the status rather than read a number.
public enum Cell: Hashable, Sendable {
    case value(Double)
    /// Kept secret by CBS (disclosure control), written `.` in kwb files.
    case secret
    /// No value in the source (empty cell, `null` in StatLine, `NA`).
    case missing
    /// The question does not apply to this region.
    case notApplicable
    /// Derived by Wijkradar (aggregated over regions, converted between units or boundaries).
    case computed(Double)

    public var number: Double? {
        switch self {
        case .value(let v), .computed(let v): v
        default: nil
        }
    }

    public var status: CellStatus {
        switch self {
        case .value: .value
        case .secret: .secret
        case .missing: .missing
        case .notApplicable: .notApplicable
        case .computed: .computed
        }
    }
}

/// The status of a cell, as stored and shown.
public enum CellStatus: String, Codable, Sendable, CaseIterable {
    case value, secret, missing
    case notApplicable = "not_applicable"
    case computed

    /// How the status reads for a user.
    public var dutchLabel: String {
        switch self {
        case .value: "waarde"
        case .secret: "geheim"
        case .missing: "ontbreekt"
        case .notApplicable: "niet van toepassing"
        case .computed: "berekend"
        }
    }
}

extension Cell {
    /// Compact text form used to store a region's cells packed in one row (see docs/ARCHITECTURE.md):
    /// a number as Swift prints it, `.` secret, empty missing, `n` not applicable, `c` + number computed.
    public var packed: String {
        switch self {
        case .value(let v): Self.format(v)
        case .secret: "."
        case .missing: ""
        case .notApplicable: "n"
        case .computed(let v): "c" + Self.format(v)
        }
    }

    public init?(packed text: Substring) {
        switch text.first {
        case nil: self = .missing
        case ".": self = .secret
        case "n": self = .notApplicable
        case "c":
            guard let v = Double(text.dropFirst()) else { return nil }
            self = .computed(v)
        default:
            guard let v = Double(text) else { return nil }
            self = .value(v)
        }
    }

    private static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Packs cells in column order, separated by `;` (no cell text contains one). The same text as joining each
    /// cell's `packed`, written straight into one buffer: an import packs millions of cells.
    public static func pack(_ cells: [Cell]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(cells.count * 8)
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            switch cell {
            case .value(let v): append(v, to: &out)
            case .secret: out.append(UInt8(ascii: "."))
            case .missing: break
            case .notApplicable: out.append(UInt8(ascii: "n"))
            case .computed(let v):
                out.append(UInt8(ascii: "c"))
                append(v, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `format(v)` as bytes: whole numbers digit by digit, the rest as Swift prints them.
    private static func append(_ v: Double, to out: inout [UInt8]) {
        guard v == v.rounded(), abs(v) < 1e15 else {
            out.append(contentsOf: String(v).utf8)
            return
        }
        var n = Int64(v)
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            n = -n
        }
        // At most 15 digits (|v| < 1e15), written backwards into a stack buffer, then forwards into `out`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(digits[index]) }
        }
    }

    /// Unpacks what `pack` wrote; nil when the text is damaged.
    public static func unpack(_ text: String) -> [Cell]? {
        var cells: [Cell] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            guard let cell = Cell(packed: part) else { return nil }
            cells.append(cell)
        }
        return cells
    }
}
