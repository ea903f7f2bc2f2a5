import HTML
import Knowledge

/// The register of existing research, one page per study, and the form to add one.
public enum ResearchPages {
    public static func register(
        _ items: [(id: Int, research: Research)], mayAdd: Bool, csrf: String, problems: [String] = [],
        fields: [String: String] = [:]
    ) -> Node {
        Layout.page(
            .init(
                title: "Onderzoek", description: "Register van bestaand onderzoek en publicaties over wijkaanpak.",
                path: SiteURL.research.path)
        ) {
            h1 { "Bestaand onderzoek" }
            p(.class("lead")) {
                "Onderzoek en publicaties waar het programma op bouwt; wijkpagina's, interventies en rapporten verwijzen ernaar."
            }
            Forms.errors(problems)
            if items.isEmpty { p { "Nog geen onderzoek vastgelegd." } }
            ul(.class("results")) {
                for item in items { li { a(.href(SiteURL.knowledgeRecord(item.id).path)) { item.research.citation } } }
            }
            if mayAdd {
                form(.method("post"), .action(SiteURL.research.path), .class("stacked")) {
                    fieldset {
                        legend { "Onderzoek toevoegen" }
                        Forms.csrf(csrf)
                        Forms.text("Titel", name: "titel", value: fields["titel"] ?? "", required: true)
                        Forms.text("Auteurs", name: "auteurs", value: fields["auteurs"] ?? "")
                        Forms.text("Jaar", name: "jaar", value: fields["jaar"] ?? "")
                        Forms.text("Uitgever", name: "uitgever", value: fields["uitgever"] ?? "")
                        Forms.text("Link", name: "link", value: fields["link"] ?? "", type: "url")
                        Forms.area("Samenvatting", name: "samenvatting", value: fields["samenvatting"] ?? "")
                        Forms.text(
                            "Over de wijken (CBS-codes)", name: "wijken", value: fields["wijken"] ?? "",
                            hint: "gescheiden door spaties, bijvoorbeeld WK011443")
                        Forms.text(
                            "Thema's", name: "themas", value: fields["themas"] ?? "", hint: "gescheiden door komma's")
                        for aspect in Aspect.allCases {
                            Forms.checkbox(
                                aspect.label, name: "aspect_\(aspect.rawValue)",
                                checked: fields["aspect_\(aspect.rawValue)"] == "ja")
                        }
                        button(.type("submit")) { "Toevoegen" }
                    }
                }
            }
        }
    }

    public static func page(id: Int, _ research: Research) -> Node {
        Layout.page(
            .init(title: research.title, description: research.citation, path: SiteURL.knowledgeRecord(id).path)
        ) {
            p(.class("meta")) { a(.href(SiteURL.research.path)) { "Bestaand onderzoek" } }
            h1 { research.title }
            p { research.citation }
            if !research.summary.isEmpty { p { research.summary } }
            dl(.class("facts")) {
                if !research.link.isEmpty { dt { "Link" }; dd { a(.href(research.link)) { research.link } } }
                if !research.regionCodes.isEmpty {
                    dt { "Over" }
                    dd {
                        for (i, code) in research.regionCodes.enumerated() {
                            if i > 0 { ", " }; a(.href(SiteURL.region(code).path)) { code }
                        }
                    }
                }
                if !research.themes.isEmpty { dt { "Thema's" }; dd { research.themes.joined(separator: ", ") } }
                if !research.aspects.isEmpty {
                    dt { "Aspecten" }; dd { research.aspects.map(\.label).joined(separator: "; ") }
                }
            }
        }
    }
}
