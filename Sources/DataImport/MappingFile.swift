import Core
import Foundation

/// A small JSON file that says how an arbitrary CSV maps onto Wijkradar (municipal monitor data, R extracts).
///
/// ```json
/// { "slug": "monitor-2024", "source": "Gemeente Emmen", "table": "Wijkmonitor", "title": "Wijkmonitor Emmen 2024",
///   "year": 2024, "licence": "CC BY 4.0", "attribution": "Bron: Gemeente Emmen, Wijkmonitor 2024",
///   "code_column": "wijkcode", "name_column": "wijk", "code_prefix": "WK",
///   "scheme": "tmap",
///   "columns": { "inwoners": "population", "opp_km2": { "indicator": "area_total_ha", "factor": 100 } },
///   "ignore": ["provincie"] }
/// ```
public struct MappingFile: Decodable, Sendable {
    public struct Column: Decodable, Sendable {
        public var indicator: String
        public var factor: Double?
        public var values: [String: Double]?

        public init(from decoder: Decoder) throws {
            if let id = try? decoder.singleValueContainer().decode(String.self) {
                indicator = id
                return
            }
            enum Keys: String, CodingKey { case indicator, factor, values }
            let c = try decoder.container(keyedBy: Keys.self)
            indicator = try c.decode(String.self, forKey: .indicator)
            factor = try c.decodeIfPresent(Double.self, forKey: .factor)
            values = try c.decodeIfPresent([String: Double].self, forKey: .values)
        }
    }

    public var file: String = ""
    public var slug: String?
    public var source: String
    public var table: String
    public var title: String
    public var year: Int?
    public var indelingYear: Int?
    public var licence: String
    public var attribution: String
    public var codeColumn: String
    public var codePrefix: String?
    public var nameColumn: String?
    public var yearColumn: String?
    public var provinceColumn: String?
    /// Columns named as in one of the catalogue's source schemes are bound without listing them.
    public var scheme: SourceScheme?
    public var columns: [String: Column]
    public var ignore: [String]

    enum CodingKeys: String, CodingKey {
        case slug, source, table, title, year, licence, attribution, scheme, columns, ignore
        case indelingYear = "indeling_year", codeColumn = "code_column", codePrefix = "code_prefix"
        case nameColumn = "name_column", yearColumn = "year_column", provinceColumn = "province_column"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decodeIfPresent(String.self, forKey: .slug)
        source = try c.decode(String.self, forKey: .source)
        table = try c.decode(String.self, forKey: .table)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? table
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        indelingYear = try c.decodeIfPresent(Int.self, forKey: .indelingYear)
        licence = try c.decode(String.self, forKey: .licence)
        attribution = try c.decode(String.self, forKey: .attribution)
        codeColumn = try c.decode(String.self, forKey: .codeColumn)
        codePrefix = try c.decodeIfPresent(String.self, forKey: .codePrefix)
        nameColumn = try c.decodeIfPresent(String.self, forKey: .nameColumn)
        yearColumn = try c.decodeIfPresent(String.self, forKey: .yearColumn)
        provinceColumn = try c.decodeIfPresent(String.self, forKey: .provinceColumn)
        scheme = try c.decodeIfPresent(SourceScheme.self, forKey: .scheme)
        columns = try c.decodeIfPresent([String: Column].self, forKey: .columns) ?? [:]
        ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
    }

    public static func load(_ url: URL) throws -> MappingFile {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(file: name, "het mappingbestand kan niet worden gelezen (\(error.localizedDescription))")
        }
        do {
            var mapping = try JSONDecoder().decode(MappingFile.self, from: data)
            mapping.file = name
            return mapping
        } catch let DecodingError.keyNotFound(key, _) {
            throw ImportError(file: name, column: key.stringValue, lineNoun: "record", "dit verplichte veld ontbreekt")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ImportError(
                file: name, column: field.isEmpty ? nil : field, lineNoun: "record",
                "ongeldige waarde: \(context.debugDescription)")
        } catch {
            throw ImportError(file: name, "het mappingbestand is geen geldige JSON (\(error))")
        }
    }
}
