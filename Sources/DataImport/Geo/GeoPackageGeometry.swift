/// The geometry blob of a GeoPackage feature (OGC 12-128r18, §2.1.3 "GeoPackageBinary"): a header with magic,
/// version, flags, the SRS id and an optional envelope, followed by standard WKB.
///
/// Decoded here rather than through a library: the format is eight bytes and an envelope, the WKB after it is only
/// ever a (Multi)Polygon for region outlines, and doing it ourselves lets every length be checked (see `WKB`)
/// instead of trusting a hostile file. GDAL would also be a system dependency on every machine that runs Wijkradar.
enum GeoPackageGeometry {
    enum Problem: Error, Equatable {
        case notGeoPackageBinary
        case badEnvelope(Int)
        case empty
        case extended
        case wkb(WKB.Problem)

        var message: String {
            switch self {
            case .notGeoPackageBinary: "de geometrie begint niet met 'GP': het is geen GeoPackage-geometrie"
            case .badEnvelope(let code): "de geometrie heeft een ongeldige envelopcode (\(code))"
            case .empty: "de geometrie is leeg"
            case .extended:
                "de geometrie gebruikt een eigen uitbreiding (ExtendedGeoPackageBinary) die Wijkradar niet leest"
            case .wkb(let problem): problem.message
            }
        }
    }

    /// The outline and the SRS id the blob declares.
    static func decode(_ blob: [UInt8]) throws(Problem) -> (outline: Outline, srsID: Int32) {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50 else { throw .notGeoPackageBinary }
        let flags = blob[3]
        let littleEndian = flags & 1 == 1
        let envelopeCode = Int((flags >> 1) & 0b111)
        guard flags & 0b10_0000 == 0 else { throw .extended }
        guard flags & 0b1_0000 == 0 else { throw .empty }
        let envelopeBytes: Int
        switch envelopeCode {
        case 0: envelopeBytes = 0
        case 1: envelopeBytes = 32
        case 2, 3: envelopeBytes = 48
        case 4: envelopeBytes = 64
        default: throw .badEnvelope(envelopeCode)
        }
        var srs: UInt32 = 0
        for offset in 0..<4 { srs |= UInt32(blob[4 + offset]) << (8 * offset) }
        let srsID = Int32(bitPattern: littleEndian ? srs : srs.byteSwapped)
        let start = 8 + envelopeBytes
        guard blob.count > start else { throw .wkb(.truncated) }
        do {
            return (try WKB.decode(blob[start...]), srsID)
        } catch {
            throw .wkb(error)
        }
    }
}
