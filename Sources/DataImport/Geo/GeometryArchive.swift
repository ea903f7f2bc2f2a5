import Core
import Foundation

/// Geometry files that arrive as bytes rather than as a file on disk: a GeoPackage uploaded or unpacked from the
/// zip CBS publishes it in (SQLite needs a file, so it goes to a private temporary one), or a zipped shapefile.
enum GeometryArchive {
    /// The dataset, or nil when the bytes are neither a GeoPackage nor a zip holding one or a shapefile.
    static func read(
        _ bytes: [UInt8], fileName: String, options: ImportOptions, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset? {
        if GeoPackageFormat.isSQLite(bytes.prefix(16)) {
            return try viaTemporaryFile(
                bytes, name: fileName, options: options, catalogue: catalogue, progress: progress)
        }
        guard bytes.starts(with: [0x50, 0x4B]), let archive = try? ZipArchive(bytes) else { return nil }
        func named(_ ext: String) -> ZipArchive.Member? {
            archive.members.first { $0.name.lowercased().hasSuffix(ext) && !$0.name.hasPrefix("__MACOSX") }
        }
        func unpack(_ member: ZipArchive.Member, ceiling: Int = ImportLimits.maximumInflatedBytes) throws -> [UInt8] {
            do {
                return try archive.contents(of: member, ceiling: ceiling)
            } catch .tooLarge(_, let limit) {
                throw ImportError(
                    file: fileName,
                    "\(member.name) wordt uitgepakt groter dan \(ImportLimits.megabytes(limit)); zo'n bestand leest Wijkradar niet"
                )
            } catch {
                throw ImportError(file: fileName, "\(member.name) in het zipbestand is beschadigd of afgebroken")
            }
        }
        if let geopackage = named(".gpkg") {
            let inner = "\(fileName)/\(geopackage.name)"
            return try viaTemporaryFile(
                try unpack(geopackage, ceiling: ImportLimits.maximumGeoPackageBytes), name: inner, options: options,
                catalogue: catalogue, progress: progress)
        }
        let shapefiles = archive.members.filter {
            $0.name.lowercased().hasSuffix(".dbf") && !$0.name.hasPrefix("__MACOSX")
        }
        guard !shapefiles.isEmpty else { return nil }
        return try readShapefiles(
            shapefiles, in: archive, unpack: { try unpack($0) }, fileName: fileName, options: options,
            catalogue: catalogue,
            progress: progress)
    }

    /// Every level in a zipped Wijk- en Buurtkaart (or the one `--laag` names), one after the other so that only one
    /// level's bytes are unpacked at a time.
    private static func readShapefiles(
        _ dbfs: [ZipArchive.Member], in archive: ZipArchive, unpack: (ZipArchive.Member) throws -> [UInt8],
        fileName: String, options: ImportOptions, catalogue: IndicatorCatalogue, progress: ImportProgress?
    ) throws -> ImportedDataset {
        func stem(_ member: ZipArchive.Member) -> String { ShapefileFormat.stem(of: member.name) }
        var chosen = dbfs.sorted {
            (ShapefileFormat.rank(stem($0)), $0.name) < (ShapefileFormat.rank(stem($1)), $1.name)
        }
        if let wanted = options.layer {
            chosen = chosen.filter { ShapefileFormat.matches(stem($0), layer: wanted) }
            guard !chosen.isEmpty else {
                throw ImportError(
                    file: fileName,
                    "laag '\(wanted)' staat niet in dit zipbestand; wel: \(dbfs.map(stem).joined(separator: ", "))")
            }
        }
        var layers: [FeatureLayer] = []
        var withoutOutlines: [String] = []
        for dbf in chosen {
            let base = String(dbf.name.dropLast(4)).lowercased()
            func sibling(_ ext: String) -> ZipArchive.Member? {
                archive.members.first { $0.name.lowercased() == base + ext }
            }
            let name = "\(fileName)/\(dbf.name)"
            let shp = try sibling(".shp").map(unpack)
            if shp == nil { withoutOutlines.append(name) }
            layers.append(
                try ShapefileFormat.layer(
                    dbf: try unpack(dbf), shp: shp,
                    prj: try sibling(".prj").map { String(decoding: try unpack($0), as: UTF8.self) },
                    fileName: name, progress: progress))
        }
        return try ShapefileFormat.dataset(
            layers, withoutOutlines: withoutOutlines, fileName: fileName, options: options, catalogue: catalogue)
    }

    private static func viaTemporaryFile(
        _ bytes: [UInt8], name: String, options: ImportOptions, catalogue: IndicatorCatalogue,
        progress: ImportProgress?
    ) throws -> ImportedDataset {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wijkradar-gpkg-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let url = directory.appendingPathComponent("upload.gpkg")
            try Data(bytes).write(to: url)
            return try GeoPackageFormat.read(
                url, fileName: name, options: options, catalogue: catalogue, progress: progress)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(
                file: name,
                "het GeoPackage kan niet tijdelijk worden bewaard om te lezen; is er ruimte genoeg op de schijf?")
        }
    }
}
