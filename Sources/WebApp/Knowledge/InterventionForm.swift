import Core
import Foundation
import Knowledge

/// The intervention form's fields as a record, or the problems, each naming its field.
enum InterventionForm {
    static func parse(_ f: [String: String], cityID: Int?) -> (Intervention, [String]) {
        var problems: [String] = []
        func text(_ key: String) -> String { (f[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func year(_ key: String, _ label: String) -> Int? {
            let value = text(key)
            guard !value.isEmpty else { return nil }
            guard let number = Int(value) else { problems.append("\(label): '\(value)' is geen jaartal."); return nil }
            return number
        }
        var item = Intervention(
            title: text("titel"), cityID: cityID, regionCode: text("cbs").uppercased().nilIfEmpty,
            city: text("stad"), wijk: text("wijk"))
        item.themes = text("themas").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        (item.problem, item.aim, item.targetGroup, item.approach) = (
            text("probleem"), text("doel"), text("doelgroep"), text("aanpak")
        )
        (item.whyItWorks, item.results, item.transferability) = (
            text("waarom"), text("resultaten"), text("overdraagbaarheid")
        )
        item.evidence = EvidenceLevel(rawValue: text("bewijs")) ?? .unknown
        item.emmie = EMMIE(
            effect: text("emmie_effect"), mechanism: text("emmie_mechanisme"), context: text("emmie_context"),
            implementation: text("emmie_implementatie"), economics: text("emmie_economie"))
        (item.financingModel, item.regulation) = (text("financieringsmodel"), text("regelgeving"))
        item.aspects = Aspect.allCases.filter { f["aspect_\($0.rawValue)"] == "ja" }
        item.startYear = year("start", "Startjaar")
        item.endYear = year("eind", "Eindjaar")
        item.status = Intervention.Status(rawValue: text("status")) ?? .running
        item.meetingID = Int(text("bijeenkomst"))
        let cited = f.keys.filter { $0.hasPrefix("onderzoek_") }.compactMap { Int($0.dropFirst("onderzoek_".count)) }
            .sorted()
        item.research = cited.isEmpty ? nil : cited
        item.links = text("links").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for i in 0..<100 {
            let name = text("partij_naam_\(i)"), kind = text("partij_soort_\(i)")
            guard !name.isEmpty || !kind.isEmpty else { continue }
            item.parties.append(
                Party(
                    name: name, kind: kind.lowercased(), role: Party.Role(rawValue: text("partij_rol_\(i)")) ?? .active)
            )
        }
        for i in 0..<100 {
            let source = text("geld_bron_\(i)"),
                amountText = text("geld_bedrag_\(i)").replacingOccurrences(of: ".", with: ""),
                note = text("geld_toelichting_\(i)")
            guard !source.isEmpty || !amountText.isEmpty || !note.isEmpty else { continue }
            var amount: Int?
            if !amountText.isEmpty {
                amount = Int(amountText)
                if amount == nil {
                    problems.append(
                        "Geldstroom \(item.money.count + 1): '\(amountText)' is geen bedrag in hele euro's.")
                }
            }
            // Names as typed: "Gemeente Emmen", "Lefier" (they had been lowercased).
            item.money.append(MoneyFlow(source: source, amount: amount, note: note))
        }
        return (
            item,
            problems
                + item.problems(
                    currentYear: Calendar(identifier: .gregorian).component(.year, from: Clock.current.now()))
        )
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
