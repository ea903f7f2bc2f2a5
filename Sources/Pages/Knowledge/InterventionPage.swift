import Foundation
import Core
import HTML
import Knowledge

/// One intervention: what was done, why it works (or not), who took part and who paid — amounts that are not known
/// say so, never zero.
public enum InterventionPage {
    /// One indicator of the host wijk over the years, next to the mean of its most similar wijken.
    public struct Development: Sendable {
        public var label: String
        public var decimals: Int
        public var rows: [(period: Int, wijk: Cell?, similar: Cell?)]
        public var source: String

        public init(label: String, decimals: Int, rows: [(period: Int, wijk: Cell?, similar: Cell?)], source: String) {
            (self.label, self.decimals, self.rows, self.source) = (label, decimals, rows, source)
        }
    }

    public struct Change: Sendable {
        public var version: Int
        public var at: Date
        public var actor: String
        public var action: String

        public init(version: Int, at: Date, actor: String, action: String) {
            (self.version, self.at, self.actor, self.action) = (version, at, actor, action)
        }
    }

    public static func render(
        id: Int, _ item: Intervention, version: Int, updatedBy: String, mayEdit: Bool = false, mayRemove: Bool = false,
        csrf: String = "", transfers: [Transfer] = [], mayRecordTransfer: Bool = false,
        attachments: [(id: Int, name: String, size: Int)] = [], development: [Development] = [],
        research: [(id: Int, citation: String)] = [], published: Bool = true
    ) -> Node {
        Layout.page(
            .init(
                title: item.title, description: "\(item.title): aanpak in \(item.wijk), \(item.city).",
                path: SiteURL.knowledgeRecord(id).path)
        ) {
            p(.class("meta")) {
                a(.href(SiteURL.knowledge.path)) { "Kennisbank" }; " · interventie · \(item.wijk), \(item.city)"
            }
            h1 { item.title }
            if !published {
                p(.class("notice")) { "Concept: dit record is niet openbaar. Alleen wie kennis vastlegt ziet het." }
            }
            dl(.class("facts")) {
                if !item.themes.isEmpty { dt { "Thema's" }; dd { item.themes.joined(separator: ", ") } }
                dt { "Bewijsniveau" }; dd { item.evidence.rawValue }
                dt { "Status" };
                dd {
                    item.status.rawValue + (item.startYear.map { ", sinds \($0)" } ?? "")
                        + (item.endYear.map { " tot \($0)" } ?? "")
                }
                if let code = item.regionCode, !code.isEmpty {
                    dt { "CBS-gebied" }; dd { a(.href(SiteURL.region(code).path)) { "Wijkanalyse \(code)" } }
                }
                if !item.aspects.isEmpty { dt { "Aspecten" }; dd { item.aspects.map(\.label).joined(separator: "; ") } }
            }
            for (title, text) in [
                ("Probleem", item.problem), ("Doel", item.aim), ("Doelgroep", item.targetGroup),
                ("Aanpak", item.approach),
                ("Waarom het werkt", item.whyItWorks), ("Resultaten: werkt het, en waarom (niet)?", item.results),
                ("Overdraagbaarheid", item.transferability), ("Financieringsmodel", item.financingModel),
                ("Regelgeving", item.regulation),
            ] where !text.isEmpty {
                h2 { title }
                p { text }
            }
            if !development.isEmpty {
                h2(.id("ontwikkeling")) { "De wijk voor en na de start" }
                p(.class("note")) {
                    "Indicatief, geen bewijs: de cijfers van \(item.wijk) rond het startjaar \(item.startYear.map(String.init) ?? "onbekend"), naast het gemiddelde van de tien meest gelijkende wijken (* = berekend door Wijkradar). Een verandering na de start kan ook andere oorzaken hebben."
                }
                for indicator in development {
                    table(.class("figures")) {
                        caption { indicator.label }
                        thead {
                            tr {
                                th(.scope("col")) { "Jaar" }; th(.scope("col")) { item.wijk };
                                th(.scope("col")) { "Gelijkende wijken (gemiddeld)" }
                            }
                        }
                        tbody {
                            for row in indicator.rows {
                                tr {
                                    th(.scope("row")) {
                                        "\(row.period)"
                                            + ((item.startYear.map { row.period < $0 } ?? false)
                                                ? " (voor de start)" : " (na de start)")
                                    }
                                    td(.class("num")) { Components.cell(row.wijk, decimals: indicator.decimals) }
                                    td(.class("num")) { Components.cell(row.similar, decimals: indicator.decimals) }
                                }
                            }
                        }
                    }
                    p(.class("meta")) { indicator.source }
                }
            }
            let emmie = [
                ("Effect", item.emmie.effect), ("Mechanisme", item.emmie.mechanism), ("Context", item.emmie.context),
                ("Implementatie", item.emmie.implementation), ("Economie", item.emmie.economics),
            ].filter { !$0.1.isEmpty }
            if !emmie.isEmpty {
                h2 { "EMMIE" }
                dl(.class("facts")) { for (label, text) in emmie { dt { label }; dd { text } } }
            }
            if !item.parties.isEmpty {
                h2 { "Partijen" }
                ul {
                    for party in item.parties {
                        li {
                            strong { party.name }; " (\(party.kind)): \(party.role.rawValue)"
                        }
                    }
                }
            }
            if !item.money.isEmpty {
                h2 { "Geldstromen" }
                ul {
                    for flow in item.money {
                        li {
                            flow.source + ": "
                            if let amount = flow.amount {
                                "€ " + DutchFormatting.amount(amount)
                            } else {
                                span(.class("none")) { "bedrag onbekend" }
                            }
                            if !flow.note.isEmpty { " — " + flow.note }
                        }
                    }
                }
            }
            if !research.isEmpty {
                h2 { "Onderzoek" }
                ul {
                    for study in research { li { a(.href(SiteURL.knowledgeRecord(study.id).path)) { study.citation } } }
                }
            }
            if !item.links.isEmpty {
                h2 { "Links" }
                ul { for link in item.links { li { a(.href(link)) { link } } } }
            }
            if !attachments.isEmpty || mayEdit {
                h2(.id("bijlagen")) { "Bijlagen" }
                ul {
                    for file in attachments {
                        li {
                            a(.href(SiteURL.knowledgeAttachment(id, file.id).path)) { file.name };
                            " (\(max(1, file.size / 1024)) kB)"
                        }
                    }
                }
                if mayEdit {
                    form(
                        .method("post"), .action(SiteURL.knowledgeAttach(id).path),
                        Attribute("enctype", "multipart/form-data"), .class("stacked")
                    ) {
                        Forms.csrf(csrf)
                        div(.class("field")) {
                            label(.for("f-bestand")) { "Bestand (PDF, afbeelding of Office-document, hoogstens 10 MB)" }
                            input(.type("file"), .name("bestand"), .id("f-bestand"), .required)
                        }
                        button(.type("submit")) { "Toevoegen" }
                    }
                }
            }
            h2(.id("overdracht")) { "Overgenomen door andere wijken" }
            if transfers.isEmpty { p { "Nog niet vastgelegd dat een andere stad deze aanpak overnam." } }
            for transfer in transfers {
                h3 {
                    "\(transfer.toWijk.isEmpty ? transfer.toCity : "\(transfer.toWijk) (\(transfer.toCity))")"
                        + (transfer.year.map { ", \($0)" } ?? "")
                }
                dl(.class("facts")) {
                    for (label, text) in [
                        ("Begrepen", transfer.understood), ("Aangepast", transfer.adapted),
                        ("Hergebruikt", transfer.reused),
                        ("Resultaat", transfer.result),
                    ] where !text.isEmpty {
                        dt { label }; dd { text }
                    }
                }
            }
            if mayRecordTransfer {
                form(.method("post"), .action(SiteURL.knowledgeTransfer(id).path), .class("stacked")) {
                    fieldset {
                        legend { "Overdracht vastleggen" }
                        Forms.csrf(csrf)
                        Forms.text("Stad die de aanpak overnam", name: "stad", value: "", required: true)
                        Forms.text("Wijk", name: "wijk", value: "")
                        Forms.text("Jaar", name: "jaar", value: "")
                        Forms.area("Wat is begrepen", name: "begrepen", value: "")
                        Forms.area("Wat is aangepast", name: "aangepast", value: "")
                        Forms.area("Wat is hergebruikt", name: "hergebruikt", value: "")
                        Forms.area("Resultaat", name: "resultaat", value: "")
                        button(.type("submit")) { "Vastleggen" }
                    }
                }
            }
            // Who edited is for the people who work on the records, not for the public page.
            if mayEdit || mayRemove {
                p(.class("meta")) {
                    "Versie \(version), laatst gewijzigd door \(updatedBy). ";
                    a(.href(SiteURL.knowledgeHistory(id).path)) { "Geschiedenis" }
                }
            } else {
                p(.class("meta")) { "Versie \(version)." }
            }
            if mayEdit { p { a(.href(SiteURL.knowledgeEdit(id).path)) { "Bewerken" } } }
            if mayRemove {
                Forms.button(
                    "Verwijderen (blijft in de geschiedenis)", action: SiteURL.knowledgeRemove(id).path, csrf: csrf,
                    fields: [("versie", String(version))], secondary: true,
                    confirm: "Dit record verwijderen? Het verdwijnt uit de kennisbank; de geschiedenis blijft bewaard.")
            }
        }
    }

    /// Every version: who, when, what.
    public static func history(id: Int, title: String, changes: [Change]) -> Node {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return Layout.page(
            .init(
                title: "Geschiedenis: \(title)", description: "Alle versies van \(title)",
                path: SiteURL.knowledgeHistory(id).path)
        ) {
            p(.class("meta")) { a(.href(SiteURL.knowledgeRecord(id).path)) { title } }
            h1 { "Geschiedenis" }
            table(.class("figures")) {
                caption { "\(changes.count) versies" }
                thead {
                    tr {
                        th(.scope("col")) { "Versie" }; th(.scope("col")) { "Tijd" }; th(.scope("col")) { "Door" };
                        th(.scope("col")) { "Wat" }
                    }
                }
                tbody {
                    for c in changes {
                        tr {
                            td(.class("num")) { String(c.version) }; td { formatter.string(from: c.at) };
                            td { c.actor }; td { c.action }
                        }
                    }
                }
            }
        }
    }
}

enum DutchFormatting {
    static func amount(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(
            digits.enumerated().flatMap { index, digit in
                (index > 0 && (digits.count - index) % 3 == 0) ? [".", digit] : [digit]
            })
    }
}
