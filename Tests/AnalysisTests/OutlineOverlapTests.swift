import Core
import Testing

@testable import Analysis

/// Derived crosswalks on outlines whose overlaps are known by hand (RD metres, 1 km squares).
@Suite struct OutlineOverlapTests {
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(x: Double, y: Double)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }

    static func code(_ s: String) -> RegionCode { RegionCode(s)! }

    let result: OutlineOverlap.Result = {
        let y0 = 400_000.0, y1 = 401_000.0
        let old: [RegionCode: OutlineOverlap.Rings] = [
            code("WK000101"): [square(100_000, y0, 101_000, y1)],
            code("WK000102"): [square(101_000, y0, 102_000, y1)],
            code("WK000103"): [square(102_000, y0, 103_000, y1)],
            code("WK000104"): [square(103_000, y0, 105_000, y1)],
            code("WK000105"): [square(105_000, y0, 106_000, y1)],
            // A ring with a hole, and the hole as a wijk of its own.
            code("WK000106"): [square(107_000, y0, 109_000, 402_000), square(107_500, 400_500, 108_500, 401_500)],
            code("WK000107"): [square(107_500, 400_500, 108_500, 401_500)],
        ]
        let new: [RegionCode: OutlineOverlap.Rings] = [
            code("WK000101"): [square(100_000, y0, 101_000, y1)],
            // 102 and 103 merged.
            code("WK000150"): [square(101_000, y0, 102_970, y1)],
            // 104 split 1 : 3, and a 30 m strip of 103 (3 %) that CBS's generalisation moved: a sliver.
            code("WK000160"): [square(102_970, y0, 103_500, y1)],
            code("WK000161"): [square(103_500, y0, 105_000, y1)],
            // The boundary between 105 and the next wijk moved: 800 m stay, 200 m go.
            code("WK000170"): [square(105_000, y0, 105_800, y1)],
            code("WK000171"): [square(105_800, y0, 107_000, y1)],
            code("WK000180"): [square(107_000, y0, 109_000, 402_000), square(107_500, 400_500, 108_500, 401_500)],
            code("WK000181"): [square(107_500, 400_500, 108_500, 401_500)],
        ]
        return OutlineOverlap.crosswalk(level: .district, fromYear: 2016, toYear: 2022, from: old, to: new)
    }()

    func share(_ from: String, _ to: String) -> Double? {
        result.crosswalk.links.first { $0.from == Self.code(from) && $0.to == Self.code(to) }?.share
    }

    @Test func identityMergeSplitAndShift() {
        #expect(share("WK000101", "WK000101") == 1)
        #expect(share("WK000102", "WK000150") == 1)
        #expect(share("WK000103", "WK000150") == 1)
        #expect(share("WK000103", "WK000160") == nil, "a 3 % sliver is not a boundary change")
        #expect(abs(share("WK000104", "WK000160")! - 0.25) < 0.02)
        #expect(abs(share("WK000104", "WK000161")! - 0.75) < 0.02)
        #expect(abs(share("WK000105", "WK000170")! - 0.8) < 0.03)
        #expect(abs(share("WK000105", "WK000171")! - 0.2) < 0.03)
        #expect(share("WK000106", "WK000180") == 1, "the hole is not part of the wijk around it")
        #expect(share("WK000107", "WK000181") == 1)
        #expect(share("WK000106", "WK000181") == nil)
    }

    @Test func sharesOfEachOlderRegionAddUpToOne() {
        for (_, links) in Dictionary(grouping: result.crosswalk.links, by: \.from) {
            #expect(abs(links.map(\.share).reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func statesWhatItRecognised() {
        #expect(result.identical == 3)  // 101, 106, 107
        #expect(result.mergedWhole == 2)
        #expect(result.divided == 2)
        #expect(result.slivers == 1)
        #expect(result.crosswalk.links.filter { $0.basis == .area }.count == 4)
        #expect(result.statement.contains("3 wijken gelijk gebleven"))
    }

    @Test func outlinesOutsideTheNetherlandsAreLeftOut() {
        let r = OutlineOverlap.crosswalk(
            level: .district, fromYear: 2016, toYear: 2022,
            from: [Self.code("WK000101"): [Self.square(5, 52, 5.1, 52.1)]],
            to: [Self.code("WK000101"): [Self.square(100_000, 400_000, 101_000, 401_000)]])
        #expect(r.crosswalk.links.isEmpty)
        #expect(r.uncovered == [Self.code("WK000101")])
    }
}
