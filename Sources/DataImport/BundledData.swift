import Foundation

/// The real open data shipped with Wijkradar (see DATA-LICENSE), imported on first start.
public enum BundledData {
    public struct Entry: Decodable, Sendable {
        public var file: String
        public var mapping: String?
        public var properties: String?
        public var slug: String?
        public var year: Int?
    }

    /// The folder holding the bundled files.
    public static var directory: URL {
        Bundle.module.url(forResource: "Bundled", withExtension: nil)!
    }

    /// The files in import order, each with the options to import it with.
    public static func entries() throws -> [(url: URL, options: ImportOptions)] {
        let manifest = directory.appendingPathComponent("manifest.json")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: manifest))
        return entries.map { entry in
            let options = ImportOptions(
                slug: entry.slug, year: entry.year,
                mapping: entry.mapping.map(directory.appendingPathComponent),
                properties: entry.properties.map(directory.appendingPathComponent))
            return (directory.appendingPathComponent(entry.file), options)
        }
    }
}
