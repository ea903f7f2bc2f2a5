import Core
import Programme
import Testing

@Suite struct ProgrammeSeedTests {
    @Test func elevenKnownWijkenAndAnOpenTwelfth() throws {
        let seed = try ProgrammeSeed.load()
        #expect(seed.programme.name == "Nieuwe perspectieven voor stedelijke vernieuwing")
        #expect(seed.aspects.count == 4)
        #expect(seed.wijken.count == 12)
        #expect(seed.wijken.filter(\.open).map(\.number) == [12])
        let known = seed.wijken.filter { !$0.open }
        #expect(known.count == 11)
        for wijk in known {
            #expect(RegionCode(wijk.municipalityCode ?? "")?.level == .municipality, "\(wijk.city ?? "?")")
            #expect(wijk.nameSource?.isEmpty == false)
            #expect(
                wijk.facts?.allSatisfy { !$0.source.isEmpty } == true, "every fact has a source: \(wijk.wijk ?? "?")")
        }
    }

    @Test func factsAreTheSourcesOwn() throws {
        let seed = try ProgrammeSeed.load()
        let angelslo = try #require(seed.wijken.first { $0.wijk == "Angelslo" })
        #expect(angelslo.municipalityCode == "GM0114")
        #expect(angelslo.facts?.first { $0.field == "bouwperiode" }?.value == "1958-1968")
        #expect(angelslo.cbsArea?.codes == ["WK011443"])
        #expect(angelslo.cbsArea?.approximate == false)
        let selwerd = try #require(seed.wijken.first { $0.wijk == "Selwerd" })
        #expect(selwerd.cbsArea?.approximate == true)
        // Where the sources are silent, the seed is too: no CBS area is invented for Mariaberg.
        #expect(seed.wijken.first { $0.wijk == "Mariaberg" }?.cbsArea == nil)
        // The seed and ProgrammeWijken (used by the radar) agree.
        for entry in ProgrammeWijken.cbsMatches {
            #expect(
                seed.wijken.first { $0.wijk == entry.wijk }?.cbsArea?.codes == [entry.code.rawValue], "\(entry.wijk)")
        }
    }
}
