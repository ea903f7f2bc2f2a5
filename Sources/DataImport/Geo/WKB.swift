/// Decodes Well-Known Binary polygons (OGC Simple Features, ISO 13249-3 type codes) as GeoPackages store them.
///
/// Only what region outlines are: Polygon and MultiPolygon, in 2D or with Z and/or M (dropped). Every count is
/// checked against the bytes that remain before anything is allocated, so a count of four billion points in a
/// 100-byte blob is refused at once instead of reserving gigabytes.
enum WKB {
    enum Problem: Error, Equatable {
        case truncated
        case unsupported(UInt32)
        case badCount(Int)
        case notFinite

        /// What a user reads, after the feature it concerns.
        var message: String {
            switch self {
            case .truncated: "de geometrie (WKB) is afgebroken"
            case .unsupported(let type):
                "de geometrie is van WKB-type \(type); Wijkradar leest alleen vlakken (Polygon, MultiPolygon)"
            case .badCount(let count):
                "de geometrie noemt \(count) ringen of punten, meer dan er in de bytes passen: de WKB is beschadigd"
            case .notFinite: "de geometrie bevat een coördinaat die geen getal is (NaN of oneindig)"
            }
        }
    }

    static func decode(_ bytes: ArraySlice<UInt8>) throws(Problem) -> Outline {
        var reader = Reader(bytes: bytes)
        let (type, dimensions) = try reader.header()
        switch type {
        case 3: return Outline(polygons: [try reader.polygon(dimensions: dimensions)])
        case 6:
            let count = try reader.count(minimumBytesEach: 9)
            var polygons: [[[GeoPoint]]] = []
            polygons.reserveCapacity(count)
            for _ in 0..<count {
                let (memberType, memberDimensions) = try reader.header()
                guard memberType == 3 else { throw .unsupported(memberType) }
                polygons.append(try reader.polygon(dimensions: memberDimensions))
            }
            return Outline(polygons: polygons)
        default: throw .unsupported(type)
        }
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var position: Int
        var littleEndian = true

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.position = bytes.startIndex
        }

        var remaining: Int { bytes.endIndex - position }

        /// Byte order and type; the type without its dimension and the number of ordinates per point.
        mutating func header() throws(Problem) -> (type: UInt32, dimensions: Int) {
            guard remaining >= 5 else { throw .truncated }
            littleEndian = bytes[position] == 1
            position += 1
            let raw = u32()
            // EWKB (PostGIS) flags in the high bits; ISO adds 1000 for Z, 2000 for M, 3000 for ZM.
            let z = raw & 0x8000_0000 != 0, m = raw & 0x4000_0000 != 0
            let code = raw & 0x0FFF_FFFF
            let iso = code / 1000
            guard iso <= 3 else { throw .unsupported(raw) }
            let dimensions = 2 + (iso == 1 || iso == 2 ? 1 : iso == 3 ? 2 : 0) + (z ? 1 : 0) + (m ? 1 : 0)
            return (code % 1000, dimensions)
        }

        mutating func polygon(dimensions: Int) throws(Problem) -> [[GeoPoint]] {
            let ringCount = try count(minimumBytesEach: 4)
            var rings: [[GeoPoint]] = []
            rings.reserveCapacity(ringCount)
            for _ in 0..<ringCount {
                let pointCount = try count(minimumBytesEach: 8 * dimensions)
                var ring: [GeoPoint] = []
                ring.reserveCapacity(pointCount)
                for _ in 0..<pointCount {
                    let x = double(), y = double()
                    position += 8 * (dimensions - 2)
                    guard x.isFinite, y.isFinite else { throw .notFinite }
                    ring.append(GeoPoint(x, y))
                }
                rings.append(ring)
            }
            return rings
        }

        /// A count of items that each take at least `minimumBytesEach` bytes: more than fit is a damaged blob.
        mutating func count(minimumBytesEach: Int) throws(Problem) -> Int {
            guard remaining >= 4 else { throw .truncated }
            let count = Int(u32())
            guard count <= remaining / minimumBytesEach else { throw .badCount(count) }
            return count
        }

        mutating func u32() -> UInt32 {
            var value: UInt32 = 0
            for offset in 0..<4 { value |= UInt32(bytes[position + offset]) << (8 * offset) }
            position += 4
            return littleEndian ? value : value.byteSwapped
        }

        mutating func double() -> Double {
            var value: UInt64 = 0
            for offset in 0..<8 { value |= UInt64(bytes[position + offset]) << (8 * offset) }
            position += 8
            return Double(bitPattern: littleEndian ? value : value.byteSwapped)
        }
    }
}
