/// The columns of one file layout CBS or PDOK published (kwb-2023, the Wijk- en Buurtkaart 2017 shapefile, …),
/// as verified from a cited source in `scripts/layouts/`. Every column is an indicator or a region column.
public struct SourceLayout: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var scheme: SourceScheme
    public var years: [Int]
    /// `verified` from a source with repository and commit; `corroborated` where the text is real but its
    /// repository could not be traced, and another layout agrees with it.
    public var status: String
    public var source: String
    /// The test fixture with this header and a few rows (Tests/DataImportTests/Fixtures/layouts/).
    public var fixture: String?
    public var columns: [String]
}
