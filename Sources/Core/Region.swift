/// A gemeente, wijk or buurt as it exists in one CBS indeling (the boundaries of one year).
public struct Region: Hashable, Codable, Sendable {
    public var code: RegionCode
    public var name: String
    /// The year of the CBS indeling the code refers to; codes are reused when boundaries change.
    public var indelingYear: Int

    public var level: RegionLevel { code.level }
    public var municipalityCode: RegionCode { code.municipality }
    public var districtCode: RegionCode? { code.district }

    public init(code: RegionCode, name: String, indelingYear: Int) {
        self.code = code
        self.name = name
        self.indelingYear = indelingYear
    }
}
