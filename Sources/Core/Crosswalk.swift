import Foundation

/// How the regions of one CBS indeling map onto those of another of the same level: for every region of the older
/// indeling, the share of it that lies in each region of the newer one. Figures are converted with it by the
/// catalogue's rules (`Analysis.Harmonisation`); every converted figure is computed and names the crosswalk.
public struct Crosswalk: Sendable, Hashable {
    /// What a share measures. A region that went whole into another has no basis to speak of: `whole`.
    public enum Basis: String, Codable, Sendable, CaseIterable {
        case addresses = "adressen"
        case inhabitants = "inwoners"
        case dwellings = "woningen"
        case area = "oppervlakte"
        case whole = "geheel"
        /// Same code, same name and nearly the same area in both indelingen (see `Harmonisation`).
        case unchanged = "ongewijzigd"

        public var label: String {
            switch self {
            case .addresses: "naar adressen"
            case .inhabitants: "naar inwoners"
            case .dwellings: "naar woningen"
            case .area: "naar oppervlakte"
            case .whole: "geheel overgegaan"
            case .unchanged: "zelfde code, naam en oppervlakte"
            }
        }
    }

    public struct Link: Sendable, Hashable {
        public var from: RegionCode
        public var to: RegionCode
        /// Share of `from` that lies in `to`; the shares of one `from` add up to 1.
        public var share: Double
        public var basis: Basis

        public init(from: RegionCode, to: RegionCode, share: Double, basis: Basis) {
            self.from = from
            self.to = to
            self.share = share
            self.basis = basis
        }
    }

    public var level: RegionLevel
    public var fromYear: Int
    public var toYear: Int
    /// Where it comes from, for the source line: "CBS / Kadaster, gemeentegrenzen …".
    public var origin: String
    public var links: [Link]

    public init(level: RegionLevel, fromYear: Int, toYear: Int, origin: String, links: [Link]) {
        self.level = level
        self.fromYear = fromYear
        self.toYear = toYear
        self.origin = origin
        self.links = links
    }

    /// The parts a region of the newer indeling is made of.
    public func parts(of target: RegionCode) -> [Link] { links.filter { $0.to == target } }

    /// Regions of the older indeling that were divided over more than one newer region.
    public var splitRegions: Set<RegionCode> {
        Set(Dictionary(grouping: links, by: \.from).filter { $0.value.count > 1 }.keys)
    }

    /// The regions of the newer indeling, in code order.
    public var targets: [RegionCode] { Set(links.map(\.to)).sorted() }

    /// The bundled gemeente herindelingen: from each indeling the bundled data use (2014, 2017, 2019, 2022) to 2024.
    public static let municipalities: [Crosswalk] = {
        guard let url = Bundle.module.url(forResource: "herindelingen", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("herindelingen.csv ontbreekt in de bundel") }
        return parseMunicipalities(text)
    }()

    static let municipalityOrigin =
        "CBS / Kadaster: gemeentegrenzen 2014 en wijken 2022 (overlap, Wijkradar; verdeelde gemeenten bijgesteld op de gepubliceerde inwonertallen) en CBS' gemeentelijke indeling 2023"

    /// `van_indeling;naar_indeling;van_code;van_naam;naar_code;naar_naam;aandeel;basis`, `#` comments.
    static func parseMunicipalities(_ text: String) -> [Crosswalk] {
        var byYears: [[Int]: [Link]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("van_indeling") {
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let from = Int(f[0]), let to = Int(f[1]), let a = RegionCode(f[2]),
                let b = RegionCode(f[4]), let share = Double(f[6]), let basis = Basis(rawValue: f[7])
            else { fatalError("herindelingen.csv: regel '\(line)' is onleesbaar") }
            byYears[[from, to], default: []].append(Link(from: a, to: b, share: share, basis: basis))
        }
        return byYears.keys.sorted { $0[0] < $1[0] }.map {
            Crosswalk(
                level: .municipality, fromYear: $0[0], toYear: $0[1], origin: municipalityOrigin, links: byYears[$0]!)
        }
    }
}

extension Crosswalk {
    /// This crosswalk and then `next` (which starts where this one ends): shares multiply along every path. A region
    /// with a part that `next` does not carry on is left out rather than converted in part.
    public func followed(by next: Crosswalk) -> Crosswalk {
        let onward = Dictionary(grouping: next.links, by: \.from)
        var links: [Link] = []
        for (from, parts) in Dictionary(grouping: self.links, by: \.from).sorted(by: { $0.key < $1.key }) {
            guard parts.allSatisfy({ onward[$0.to] != nil }) else { continue }
            var shares: [RegionCode: (Double, Basis)] = [:]
            for part in parts {
                for step in onward[part.to]! {
                    let whole: Set<Basis> = [.whole, .unchanged]
                    let basis = whole.contains(part.basis) ? step.basis : part.basis
                    shares[step.to, default: (0, basis)].0 += part.share * step.share
                }
            }
            for (to, (share, basis)) in shares.sorted(by: { $0.key < $1.key }) {
                links.append(Link(from: from, to: to, share: share, basis: basis))
            }
        }
        return Crosswalk(
            level: level, fromYear: fromYear, toYear: next.toYear, origin: "\(origin); daarna \(next.origin)",
            links: links)
    }
}
