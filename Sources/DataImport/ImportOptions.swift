import Foundation

/// The formats Wijkradar reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// CBS "Kerncijfers wijken en buurten" download, CSV or XLSX (`gwb_code_10`, `a_inw`, …).
    case kwb
    /// CBS StatLine OData v3 JSON (`TypedDataSet`), optionally with `DataProperties.json`.
    case statline
    /// Leefbaarometer 3.0 score file (`lbm`, `fys`, `onv`, `soc`, `vrz`, `won` per region and year).
    case leefbaarometer
    /// Any CSV with a mapping file saying which column is which indicator.
    case mapped
    /// Region outlines (and PDOK's attributes) as a GeoJSON FeatureCollection, in WGS84 or RD New.
    case geometry
    /// The CBS Wijk- en Buurtkaart as a GeoPackage: layers gemeenten, wijken, buurten with attributes.
    case geopackage
    /// The Wijk- en Buurtkaart of older years as a shapefile: attributes in the `.dbf`, outlines in the `.shp`.
    case shapefile
}

/// What the user may say about an import; everything has a default or is detected.
public struct ImportOptions: Sendable {
    public var format: ImportFormat?
    /// Dataset name; default the file name without extensions. Importing the same name again replaces it.
    public var slug: String?
    /// The year the figures describe, when the file does not say.
    public var year: Int?
    public var encoding: TextEncoding?
    /// Mapping file for `mapped` (JSON, see docs/IMPORTING.md).
    public var mapping: URL?
    /// StatLine `DataProperties.json`; default: the file of that name next to the data file, if any.
    public var properties: URL?
    /// Display name of the file in messages and in the dataset record (default: the file's own name).
    public var displayName: String?
    /// Only this layer of a GeoPackage (`gemeenten`, `wijken`, `buurten`); default all.
    public var layer: String?

    public init(
        format: ImportFormat? = nil, slug: String? = nil, year: Int? = nil, encoding: TextEncoding? = nil,
        mapping: URL? = nil, properties: URL? = nil, displayName: String? = nil, layer: String? = nil
    ) {
        self.format = format
        self.slug = slug
        self.year = year
        self.encoding = encoding
        self.mapping = mapping
        self.properties = properties
        self.displayName = displayName
        self.layer = layer
    }
}
