import Analysis
import Core
import Foundation
import Pages
import Knowledge
import Programme

/// Report 2, "Advies per thema en per wijk": per theme what was presented, what works and why, the opgaven and the
/// four aspects; per wijk the editors' advice with what worked in similar wijken and the forms of collaboration and
/// financing recorded there.
public struct AdviceReport: Sendable {
    public let inputs: ReportInputs

    public init(inputs: ReportInputs) { self.inputs = inputs }

    public func build(versionLabel: String) -> ReportDocument {
        var notes = ReportNotes()
        let programme = inputs.programme
        let themes = chosenThemes()
        var sections: [ReportDocument.Section] = [
            .init(
                id: "inleiding", level: 1, title: "Inleiding",
                blocks: [
                    .text(
                        "Dit rapport bundelt wat de \(inputs.cities.count) wijken van \(programme.name) (\(programme.organiser)) bij de themabijeenkomsten presenteerden en leerden, per thema en per wijk: welke aanpakken er zijn, wat werkt en waarom, en welke vormen van samenwerking en financiering er gebruikt worden.",
                        notes: [notes.note("Programma: \(programme.source)")]),
                    .text(
                        "De aanpakken komen uit de kennisbank van het programma (alleen gepubliceerde records); het bewijsniveau volgt de Nederlandse ladder van goed beschreven tot effectief. Elke aanpak en elk onderzoek staat in een voetnoot.",
                        notes: []),
                    inputs.editorial("inleiding"),
                ]),
            .init(
                id: "themas", level: 1, title: "Per thema",
                blocks: [
                    .text(
                        themes.isEmpty
                            ? "Er zijn nog geen thema's gekozen."
                            : "De thema's van het programma: " + themes.map(\.title).joined(separator: ", ") + "."
                                + (inputs.decision.map {
                                    $0.followsTally
                                        ? " Zo volgde het uit de rangschikking van de steden."
                                        : " Het programma week af van de rangschikking van de steden: \($0.reason)"
                                } ?? ""),
                        notes: [])
                ]),
        ]
        for theme in themes { sections.append(section(for: theme, notes: &notes)) }
        sections.append(
            .init(
                id: "wijken", level: 1, title: "Advies per wijk",
                blocks: [
                    .text(
                        "Per wijk het advies van het programma, de aanpakken uit de tien meest gelijkende wijken van het land en de vormen van samenwerking en financiering die in en rond de wijk zijn vastgelegd.",
                        notes: similaritySource().map { [notes.note($0)] } ?? [])
                ]))
        for city in inputs.cities { sections.append(advice(for: city, notes: &notes)) }
        sections.append(.init(id: "tot-slot", level: 1, title: "Tot slot", blocks: [inputs.editorial("tot-slot")]))
        return inputs.document(.advice, versionLabel: versionLabel, sections: sections, notes: notes)
    }

    /// The decided themes; before a decision, every theme that has a published meeting.
    func chosenThemes() -> [Theme] {
        if let decision = inputs.decision {
            return decision.themeIDs.compactMap { id in inputs.themes.first { $0.id == id } }
        }
        let withMeetings = Set(inputs.meetings.compactMap(\.themeID))
        return inputs.themes.filter { withMeetings.contains($0.id) }
    }

    func recordNote(_ id: Int, _ item: Intervention) -> String {
        "Kennisbank van het programma: ‘\(item.title)’ (\(item.wijk.isEmpty ? item.city : "\(item.wijk), \(item.city)")), /kennis/\(id)."
    }

    func section(for theme: Theme, notes: inout ReportNotes) -> ReportDocument.Section {
        let meetings = inputs.meetings.filter { $0.themeID == theme.id }
        let meetingIDs = Set(meetings.map(\.id))
        let presented = inputs.interventions.filter { entry in
            entry.value.meetingID.map(meetingIDs.contains) == true
                || entry.value.themes.contains { $0.caseInsensitiveCompare(theme.title) == .orderedSame }
        }
        let opgaven = inputs.opgaven.filter { $0.opgave.meetingID.map(meetingIDs.contains) == true }
        var blocks: [ReportDocument.Block] = []
        if !theme.summary.isEmpty { blocks.append(.text(theme.summary, notes: [])) }
        blocks.append(
            .text(
                meetings.isEmpty
                    ? "Over dit thema is nog geen bijeenkomst gepubliceerd."
                    : "Besproken op "
                        + meetings.map { "\($0.date.dutch) (\($0.hostCityID.map(inputs.cityName) ?? $0.venue))" }
                        .joined(separator: " en ") + ".",
                notes: []))
        if presented.isEmpty {
            blocks.append(.text("Er zijn nog geen aanpakken bij dit thema vastgelegd.", notes: []))
        } else {
            blocks.append(
                notes.table(
                    "Gepresenteerde aanpakken: \(theme.title)", header: ["Aanpak", "Wijk", "Bewijsniveau", "Status"],
                    rows: presented.map {
                        [
                            $0.value.title,
                            $0.value.wijk.isEmpty ? $0.value.city : "\($0.value.wijk) (\($0.value.city))",
                            $0.value.evidence.rawValue, $0.value.status.rawValue,
                        ]
                    },
                    sources: presented.map { recordNote($0.id, $0.value) }))
            blocks.append(
                .text(
                    "Wat werkt en waarom:",
                    notes: presented.flatMap { ($0.value.research ?? []).compactMap(inputs.researchNote) }.map {
                        notes.note($0)
                    }))
            blocks.append(
                .bullets(
                    presented.map { entry in
                        let why = entry.value.whyItWorks.isEmpty ? entry.value.emmie.mechanism : entry.value.whyItWorks
                        return "\(entry.value.title): "
                            + (why.isEmpty ? "het werkingsmechanisme is nog niet beschreven" : why)
                            + " (bewijsniveau: \(entry.value.evidence.rawValue))"
                            + (entry.value.results.isEmpty ? "" : ". Resultaten: \(entry.value.results)")
                    }))
        }
        if !opgaven.isEmpty {
            blocks.append(.text("Opgaven die bij dit thema naar voren kwamen:", notes: []))
            blocks.append(
                .bullets(
                    opgaven.map {
                        "\($0.opgave.title) (\($0.opgave.cityIDs.map(inputs.cityName).joined(separator: ", ")); \($0.support) keer gesteund)"
                    }))
        }
        blocks.append(
            notes.table(
                "De vier aspecten bij \(theme.title)", header: ["Aspect", "Aanpakken", "Opgaven"],
                rows: Aspect.allCases.map { aspect in
                    let items = presented.filter { $0.value.aspects.contains(aspect) }.map(\.value.title)
                    let positions = opgaven.compactMap { $0.opgave.positions[aspect].flatMap { $0.isEmpty ? nil : $0 } }
                    return [
                        aspect.label, items.isEmpty ? "—" : items.joined(separator: "; "),
                        positions.isEmpty ? "—" : positions.joined(separator: "; "),
                    ]
                }, sources: []))
        blocks.append(inputs.editorial("thema-\(theme.id)"))
        return .init(id: "thema-\(theme.id)", level: 2, title: "Thema: \(theme.title)", blocks: blocks)
    }

    func similaritySource() -> String? {
        inputs.snapshot.radarTable?.columns["low_income_persons_pct"].map {
            "Gelijkende wijken: berekend door Wijkradar uit de kerncijfers van alle wijken. "
                + ReportInputs.sourceNote($0.source)
        }
    }

    func advice(for city: ProgrammeCity, notes: inout ReportNotes) -> ReportDocument.Section {
        var blocks: [ReportDocument.Block] = [inputs.editorial("advies-\(city.id)")]
        let code = inputs.cityCodes[city.id]
        let own = inputs.interventions.filter {
            $0.value.cityID == city.id || (code != nil && $0.value.regionCode == code?.rawValue)
        }
        let opgaven = inputs.opgaven.filter { $0.opgave.cityIDs.contains(city.id) }
        if !opgaven.isEmpty {
            blocks.append(.text("Opgaven van deze wijk:", notes: []))
            blocks.append(.bullets(opgaven.map { "\($0.opgave.title): \($0.opgave.description)" }))
        }
        if !own.isEmpty {
            blocks.append(
                .text(
                    "Eigen aanpakken: "
                        + own.map { "\($0.value.title) (\($0.value.evidence.rawValue))" }.joined(separator: "; ") + ".",
                    notes: own.map { notes.note(recordNote($0.id, $0.value)) }))
        }
        var similar: [(id: Int, value: Intervention)] = []
        if let code, let neighbours = inputs.snapshot.similarity?.neighbours(of: code, k: 10) {
            let candidates = inputs.interventions.compactMap { entry in
                entry.value.regionCode.map {
                    Suggestions.Candidate(
                        id: entry.id, title: entry.value.title, regionCode: $0, evidence: entry.value.evidence)
                }
            }
            let suggestions = Suggestions.rank(
                neighbours: neighbours.map { ($0.region.rawValue, $0.distance, $0.closestOn) }, candidates: candidates)
            similar = suggestions.compactMap { s in inputs.interventions.first { $0.id == s.candidate.id } }
            if suggestions.isEmpty {
                blocks.append(
                    .text(
                        "In de tien meest gelijkende wijken zijn nog geen aanpakken vastgelegd.",
                        notes: similaritySource().map { [notes.note($0)] } ?? []))
            } else {
                blocks.append(
                    notes.table(
                        "Aanpakken uit wijken die op \(city.wijkName) lijken",
                        header: ["Aanpak", "Wijk", "Gelijkenis (1 = meest gelijkend)", "Bewijsniveau"],
                        rows: suggestions.map {
                            [
                                $0.candidate.title, inputs.snapshot.name(RegionCode($0.candidate.regionCode) ?? code),
                                String($0.neighbourRank), $0.candidate.evidence.rawValue,
                            ]
                        },
                        numeric: [2],
                        sources: [similaritySource()].compactMap { $0 } + similar.map { recordNote($0.id, $0.value) }))
            }
        } else {
            blocks.append(.text("Zonder gekoppelde CBS-wijk zijn er geen gelijkende wijken te bepalen.", notes: []))
        }
        let recorded = own + similar.filter { s in !own.contains { $0.id == s.id } }
        let parties = recorded.flatMap { entry in
            entry.value.parties.map { "\($0.name) (\($0.kind)): \($0.role.rawValue) — \(entry.value.title)" }
        }
        var money: [String] = []
        for entry in recorded {
            for flow in entry.value.money {
                let amount = flow.amount.map { "€ " + DutchFormat.number(Double($0)) } ?? "bedrag onbekend"
                money.append(
                    "\(flow.source): \(amount)" + (flow.note.isEmpty ? "" : " (\(flow.note))")
                        + " — \(entry.value.title)")
            }
            if !entry.value.financingModel.isEmpty {
                money.append("Financieringsmodel: \(entry.value.financingModel) — \(entry.value.title)")
            }
        }
        if recorded.isEmpty {
            blocks.append(
                .text(
                    "Er zijn voor deze wijk en gelijkende wijken nog geen vormen van samenwerking en financiering vastgelegd.",
                    notes: []))
        } else {
            blocks.append(
                .text(
                    "Samenwerking (partijen en hun rol):",
                    notes: recorded.map { notes.note(recordNote($0.id, $0.value)) }))
            blocks.append(.bullets(parties.isEmpty ? ["nog niet vastgelegd"] : parties))
            blocks.append(
                .text(
                    "Financiering:",
                    notes: recorded.filter { !$0.value.money.isEmpty || !$0.value.financingModel.isEmpty }
                        .map { notes.note(recordNote($0.id, $0.value)) }))
            blocks.append(.bullets(money.isEmpty ? ["nog niet vastgelegd"] : money))
        }
        return .init(id: "advies-\(city.id)", level: 2, title: "\(city.wijkName) (\(city.cityName))", blocks: blocks)
    }
}
