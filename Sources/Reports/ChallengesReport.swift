import Analysis
import Charts
import Core
import Foundation
import Pages
import Wijkanalyse
import HTML
import Knowledge
import Programme

/// Report 1, "Opgaven van nu en straks": per participating wijk its wijkanalyse in brief, the wijken side by side,
/// where they stand among all wijken of the country, and the register of opgaven — with the editors' text between.
public struct ChallengesReport: Sendable {
    public let inputs: ReportInputs

    public init(inputs: ReportInputs) { self.inputs = inputs }

    /// Key figures per wijk (none origin-based: those never enter a report's comparison).
    static let keyIndicators = [
        "population", "low_income_persons_pct", "high_income_persons_pct", "woz_value", "owner_occupied_pct",
        "corporation_rent_pct", "labour_participation_pct", "education_high_pct", "age_65_plus_pct",
        "single_person_households_pct",
    ]
    static let comparisonIndicators = [
        "low_income_persons_pct", "woz_value", "owner_occupied_pct", "labour_participation_pct",
    ]

    public func build(versionLabel: String) -> ReportDocument {
        var notes = ReportNotes()
        let programme = inputs.programme
        let analysed = inputs.cities.compactMap { city in inputs.cityCodes[city.id].map { (city, $0) } }
        var sections: [ReportDocument.Section] = [
            .init(
                id: "inleiding", level: 1, title: "Inleiding",
                blocks: [
                    .text(
                        "Dit rapport beschrijft de opgaven van nu en straks in de \(inputs.cities.count) wijken van het kennisprogramma \(programme.name) (\(programme.organiser)). Van \(analysed.count) van hen is een CBS-wijk bekend; voor die wijken volgen kerncijfers, ontwikkeling, signalen en cluster uit open data.",
                        notes: [notes.note("Programma: \(programme.source)")]),
                    .text(
                        "De cijfers zijn door Wijkradar samengesteld uit open data; elk getal noemt zijn bron in een voetnoot. Met (berekend) gemarkeerde waarden zijn door Wijkradar berekend, niet door de bron gepubliceerd. Geheime CBS-waarden staan als ‘geheim’, nooit als nul. Indicatoren naar herkomst tellen nergens mee.",
                        notes: []),
                    inputs.editorial("inleiding"),
                ]),
            .init(
                id: "wijken", level: 1, title: "De wijken",
                blocks: [
                    .text(
                        "Per wijk de beschrijving uit het programma, de kerncijfers naast gemeente en Nederland, de ontwikkeling over de jaren, de signalen van de vroegsignalering en het Leefbaarometer-cluster.",
                        notes: [])
                ]),
        ]
        for city in inputs.cities { sections.append(wijk(city, notes: &notes)) }
        sections.append(comparison(analysed, notes: &notes))
        sections.append(country(analysed, notes: &notes))
        sections.append(register(notes: &notes))
        sections.append(.init(id: "tot-slot", level: 1, title: "Tot slot", blocks: [inputs.editorial("tot-slot")]))
        return inputs.document(.challenges, versionLabel: versionLabel, sections: sections, notes: notes)
    }

    func wijk(_ city: ProgrammeCity, notes: inout ReportNotes) -> ReportDocument.Section {
        let name = "\(city.wijkName) (\(city.cityName))"
        var blocks: [ReportDocument.Block] = city.descriptors.filter { !$0.value.isEmpty }.map {
            .text(
                "\($0.field.label): \($0.value)",
                notes: [notes.note("Programmabeschrijving \(city.wijkName): \($0.source)")])
        }
        guard let code = inputs.cityCodes[city.id],
            let model = WijkanalyseBuilder(snapshot: inputs.snapshot).model(for: code)
        else {
            blocks.append(
                .text(
                    "Voor deze wijk is geen CBS-wijk gekoppeld, dus er is geen wijkanalyse. Koppel de wijk aan CBS-codes op de stadspagina van het programma.",
                    notes: []))
            blocks.append(inputs.editorial("wijk-\(city.id)"))
            return .init(id: "wijk-\(city.id)", level: 2, title: name, blocks: blocks)
        }
        if let approximation = model.approximation { blocks.append(.text(approximation, notes: [])) }
        if let profile = model.profile {
            let rows = Self.keyIndicators.compactMap { profile.row($0) }
            blocks.append(
                notes.table(
                    "Kerncijfers \(model.region.name) (\(code.rawValue)), \(profile.period)",
                    header: ["Indicator", model.region.name, "Gemeente \(model.municipalityName)", "Nederland"],
                    rows: rows.map { row in
                        let d = row.indicator.decimals
                        return [
                            "\(row.indicator.label) (\(row.indicator.unit))", DutchFormat.cell(row.value, decimals: d),
                            row.municipality.map { DutchFormat.cell($0, decimals: d) } ?? "ontbreekt",
                            row.national.map { DutchFormat.cell($0, decimals: d) } ?? "ontbreekt",
                        ]
                    },
                    numeric: [1, 2, 3], sources: rows.map { ReportInputs.sourceNote($0.source) }))
        }
        let changes = model.series.filter { Self.keyIndicators.contains($0.indicator.id) }.compactMap { s in
            s.change.map { "\(s.indicator.label): \($0)" }
        }
        if !changes.isEmpty {
            // The years compared may come from different tables (kwb 2022, StatLine 2024): cite every one of them.
            let tables = (inputs.snapshot.tables[code.level] ?? [:]).values.filter { $0.index(of: code) != nil }
            let sources = tables.flatMap { table in Self.keyIndicators.compactMap { table.columns[$0]?.source } }
            blocks.append(
                .text(
                    "Ontwikkeling (verschillen berekend door Wijkradar):",
                    notes: notes.notes(sources.map(ReportInputs.sourceNote))))
            blocks.append(.bullets(changes))
        }
        if let warning = model.warning {
            let fired = warning.flags.filter(\.fires).map(\.label)
            let rank = inputs.snapshot.ranking.firstIndex { $0.region == code }.map { $0 + 1 }
            let source = inputs.snapshot.radarTable?.columns["low_income_persons_pct"]?.source
            blocks.append(
                .text(
                    "Vroegsignalering: \(fired.count) van de \(warning.flags.count) regels gaan af"
                        + (fired.isEmpty ? "." : ": \(fired.joined(separator: "; ")).")
                        + (warning.signal
                            ? " Dat is een signaal: de wijk verdient aandacht."
                            : " Dat is geen signaal (vanaf \(EarlyWarning.threshold) regels).")
                        + (rank.map {
                            " Plaats \($0) van \(inputs.snapshot.ranking.count) wijken op de landelijke radar."
                        } ?? ""),
                    notes: source.map { [notes.note(ReportInputs.sourceNote($0)), notes.note(Colophon.warningNote)] }
                        ?? [notes.note(Colophon.warningNote)]))
        }
        if let cluster = model.cluster {
            blocks.append(
                .text(
                    "Leefbaarometer-cluster: "
                        + (cluster.cluster.map { "\($0.rawValue)." } ?? "niet te bepalen met de beschikbare jaren."),
                    notes: [notes.note(ReportInputs.sourceNote(cluster.source))]))
        }
        if !model.summary.isEmpty { blocks.append(.bullets(model.summary.map(\.text))) }
        let studies = inputs.research.filter { $0.value.regionCodes.contains(code.rawValue) }
        if !studies.isEmpty {
            blocks.append(
                .text(
                    "Onderzoek over deze wijk: " + studies.map(\.value.title).joined(separator: "; ") + ".",
                    notes: studies.compactMap { inputs.researchNote($0.id) }.map { notes.note($0) }))
        }
        blocks.append(inputs.editorial("wijk-\(city.id)"))
        return .init(id: "wijk-\(city.id)", level: 2, title: name, blocks: blocks)
    }

    func comparison(_ analysed: [(ProgrammeCity, RegionCode)], notes: inout ReportNotes) -> ReportDocument.Section {
        guard let table = inputs.snapshot.radarTable, !analysed.isEmpty else {
            return .init(
                id: "vergelijking", level: 1, title: "De wijken vergeleken",
                blocks: [
                    .text("Er zijn (nog) geen wijkcijfers van de programmawijken om te vergelijken.", notes: []),
                    inputs.editorial("vergelijking"),
                ])
        }
        let catalogue = IndicatorCatalogue.standard
        let ids = Self.comparisonIndicators.filter { table.columns[$0] != nil }
        let sources = ids.compactMap { table.columns[$0]?.source }.map(ReportInputs.sourceNote)
        let warning = inputs.snapshot.warning
        let rows = analysed.map { city, code -> [String] in
            [city.wijkName, city.cityName]
                + ids.map { id in
                    table.cell(code, id).map { DutchFormat.cell($0, decimals: catalogue[id]?.decimals ?? 0) }
                        ?? "ontbreekt"
                } + [warning?.evaluate(code).map { String($0.fired) } ?? "ontbreekt"]
        }
        let national = inputs.snapshot.tables[.municipality]?[table.period]
        let panels = ids.map { id -> SmallMultiples.Panel in
            let decimals = catalogue[id]?.decimals ?? 0
            let reference = national.flatMap { table in
                catalogue[id].flatMap { RegionProfile.national($0, municipalities: table)?.number }
            }
            return SmallMultiples.Panel(
                title: "\(catalogue[id]?.label ?? id) (\(catalogue[id]?.unit ?? ""))",
                bars: analysed.map { city, code in
                    let cell = table.cell(code, id)
                    return (
                        city.wijkName, cell?.number,
                        cell.map { DutchFormat.cell($0, decimals: decimals) } ?? "ontbreekt"
                    )
                },
                reference: reference.map { ($0, DutchFormat.number($0, decimals: decimals) + " (berekend)") })
        }
        let chart = SmallMultiples(
            title: "De programmawijken per indicator, \(table.period)",
            description: "Per indicator een balk per wijk; de stippellijn is Nederland (berekend uit de gemeenten).",
            panels: panels)
        return .init(
            id: "vergelijking", level: 1, title: "De wijken vergeleken",
            blocks: [
                .text(
                    "De programmawijken naast elkaar op de indicatoren van de vroegsignalering (\(table.period)).",
                    notes: []),
                notes.table(
                    "De programmawijken vergeleken, \(table.period)",
                    header: ["Wijk", "Gemeente"]
                        + ids.map { "\(catalogue[$0]?.label ?? $0) (\(catalogue[$0]?.unit ?? ""))" } + [
                            "Regels die afgaan"
                        ],
                    rows: rows, numeric: Array(2..<(ids.count + 3)), sources: sources + [Colophon.warningNote]),
                notes.figure(
                    chart.title, svg: chart.render().render(), description: chart.description,
                    sources: sources + (national == nil ? [] : [Colophon.nationalNote])),
                inputs.editorial("vergelijking"),
            ])
    }

    func country(_ analysed: [(ProgrammeCity, RegionCode)], notes: inout ReportNotes) -> ReportDocument.Section {
        let ranking = inputs.snapshot.ranking
        let scored = ranking.compactMap(\.composite)
        guard let table = inputs.snapshot.radarTable, !scored.isEmpty else {
            return .init(
                id: "in-het-land", level: 1, title: "De wijken in het land",
                blocks: [
                    .text(
                        "Er is nog geen landelijke radar: daarvoor zijn wijkcijfers van heel Nederland nodig.",
                        notes: []), inputs.editorial("in-het-land"),
                ])
        }
        let source = table.columns["low_income_persons_pct"].map { [ReportInputs.sourceNote($0.source)] } ?? []
        var rows: [[String]] = []
        var dots: [(label: String, value: Double)] = []
        for (city, code) in analysed {
            guard let index = ranking.firstIndex(where: { $0.region == code }) else {
                rows.append([city.wijkName, city.cityName, "niet in de radar", "", "", ""])
                continue
            }
            let result = ranking[index]
            let share = Double(index + 1) / Double(ranking.count) * 100
            rows.append([
                city.wijkName, city.cityName, "\(index + 1) van \(ranking.count)",
                "hoogste \(DutchFormat.number(max(share, 1), decimals: 0)) % (berekend)",
                result.composite.map { DutchFormat.number($0, decimals: 2) + " (berekend)" } ?? "ontbreekt",
                "\(result.fired)" + (result.signal ? " (signaal)" : ""),
            ])
            if let composite = result.composite { dots.append((city.wijkName, composite)) }
        }
        let signals = ranking.filter(\.signal).count
        let strip = RankStrip(
            title: "Samengestelde score van alle \(scored.count) wijken, \(table.period)",
            description: "Elke grijze streep is een wijk van Nederland; de blauwe punten zijn de programmawijken.",
            all: scored, highlighted: dots)
        return .init(
            id: "in-het-land", level: 1, title: "De wijken in het land",
            blocks: [
                .text(
                    "De landelijke radar zet alle \(ranking.count) wijken van Nederland op volgorde van de samengestelde score van de vroegsignalering (\(table.period)); \(signals) wijken geven een signaal. Zo staan de programmawijken daartussen.",
                    notes: source.map { notes.note($0) } + [notes.note(Colophon.warningNote)]),
                notes.table(
                    "Plaats van de programmawijken op de landelijke radar, \(table.period)",
                    header: ["Wijk", "Gemeente", "Plaats", "Behoort tot de", "Score", "Regels die afgaan"],
                    rows: rows, numeric: [4, 5], sources: source + [Colophon.warningNote]),
                notes.figure(
                    strip.title, svg: strip.render().render(), description: strip.description,
                    sources: source + [Colophon.warningNote]),
                inputs.editorial("in-het-land"),
            ])
    }

    static let registerNote =
        "Register van opgaven in Wijkradar (/opgaven), zoals vastgelegd door de deelnemers; steun: het aantal deelnemers dat de opgave steunt."

    func register(notes: inout ReportNotes) -> ReportDocument.Section {
        let opgaven = inputs.opgaven.sorted { ($1.support, $0.id) < ($0.support, $1.id) }
        var blocks: [ReportDocument.Block] = [
            .text(
                opgaven.isEmpty
                    ? "Er zijn nog geen opgaven vastgelegd. Deelnemers leggen ze vast bij de themabijeenkomsten."
                    : "De opgaven die deelnemers bij de themabijeenkomsten vastlegden, met hoeveel deelnemers ze steunen (samengevoegde opgaven tellen mee bij de opgave waarin ze opgingen).",
                notes: opgaven.isEmpty ? [] : [notes.note(Self.registerNote)])
        ]
        if !opgaven.isEmpty {
            blocks.append(
                notes.table(
                    "Register van opgaven", header: ["Opgave", "Soort", "Wijken", "Steun"],
                    rows: opgaven.map {
                        [
                            $0.opgave.title, $0.opgave.kind,
                            $0.opgave.cityIDs.map(inputs.cityName).joined(separator: ", "), String($0.support),
                        ]
                    },
                    numeric: [3], sources: [Self.registerNote]))
            for (_, opgave, _) in opgaven {
                let positions = Aspect.allCases.compactMap { aspect in
                    opgave.positions[aspect].flatMap { $0.isEmpty ? nil : "\(aspect.label): \($0)" }
                }
                blocks.append(.text("\(opgave.title). \(opgave.description)", notes: []))
                if !positions.isEmpty { blocks.append(.bullets(positions)) }
            }
        }
        blocks.append(inputs.editorial("opgaven"))
        return .init(id: "opgaven", level: 1, title: "Register van opgaven", blocks: blocks)
    }
}
