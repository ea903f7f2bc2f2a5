import Analysis
import Core
import HTML

/// How Wijkradar computes: every formula, threshold and source, and what it will not do.
public enum MethodologyPage {
    public static func render(catalogue: IndicatorCatalogue = .standard) -> Node {
        Layout.page(
            .init(
                title: "Methode",
                description:
                    "Formules, drempels, bronnen en beperkingen van de wijkanalyse en vroegsignalering van Wijkradar.",
                path: SiteURL.methodology.path)
        ) {
            h1 { "Hoe Wijkradar rekent" }
            p(.class("lead")) {
                "Alles wat Wijkradar over een wijk zegt, volgt uit de regels op deze pagina en de ingelezen open data. Er zit geen handwerk of oordeel in de cijfers."
            }

            section(.aria("labelledby", "bronnen-m")) {
                h2(.id("bronnen-m")) { "Bronnen" }
                ul {
                    li {
                        "CBS Kerncijfers wijken en buurten (Excel/CSV-downloads en StatLine-tabellen zoals 85984NED), licentie CC BY 4.0: ‘Bron: CBS’ met tabel en jaar."
                    }
                    li { "Kadaster / CBS Wijk- en Buurtkaart voor de grenzen op de kaart (CC BY 4.0)." }
                    li { "Leefbaarometer 3.0 van het Ministerie van BZK voor leefbaarheidsscores en clusters." }
                    li {
                        "Eigen monitorgegevens van een gemeente, ingelezen met een mappingbestand, met de bronvermelding die de gemeente opgeeft."
                    }
                }
                p { "Elk getal op een pagina verwijst naar zijn dataset, tabel, jaar en licentie." }
            }

            section(.aria("labelledby", "waarden")) {
                h2(.id("waarden")) { "Geheime, ontbrekende en berekende waarden" }
                ul {
                    li {
                        "CBS maakt kleine aantallen en onbetrouwbare cijfers geheim (‘.’ in de kwb-bestanden, leeg in StatLine). Wijkradar toont ze als ‘geheim’ en rekent er nooit mee als nul."
                    }
                    li {
                        "Ontbrekende waarden (leeg, NA) heten ‘ontbreekt’; ze tellen niet mee in gemiddelden en percentielen."
                    }
                    li {
                        "Waarden die Wijkradar zelf afleidt — landelijke cijfers opgeteld uit gemeenten, focusgebieden, omgerekende eenheden — zijn gemarkeerd als berekend (*)."
                    }
                    li {
                        "Geheimhouding (disclosure): CBS rondt aantallen op wijk- en buurtniveau aselect af op vijftallen en maakt kleine aantallen geheim. Wijkradar neemt die beveiliging over en maakt niets zichtbaar wat CBS verbergt: een optelling met één geheim deel blijft onbekend, en een som van buurten kan door de afronding iets afwijken van het wijkcijfer."
                    }
                }
            }

            section(.aria("labelledby", "vergelijking")) {
                h2(.id("vergelijking")) { "Vergelijking met gemeente, Nederland en alle wijken" }
                ul {
                    li {
                        "Gemeente: het cijfer dat CBS voor de gemeente publiceert, uit dezelfde tabel en hetzelfde jaar."
                    }
                    li {
                        "Nederland: opgeteld uit alle gemeenten volgens de regel van de indicator (som, of gewogen gemiddelde met het aantal inwoners, huishoudens of woningen als gewicht); niet op te tellen indicatoren (medianen, klassen, scores) krijgen geen landelijk cijfer. Is één gemeente geheim, dan is het landelijke cijfer onbekend."
                    }
                    li {
                        "Percentiel p van waarde x onder de n wijken met een waarde: p = 100 × (aantal lager + ½ × aantal gelijk) / n."
                    }
                    li { "z-score: z = (x − gemiddelde) / standaardafwijking (steekproef, n − 1). ▲ of ▼ bij |z| > 1." }
                }
            }

            section(.aria("labelledby", "omrekenen")) {
                h2(.id("omrekenen")) { "Omrekenen naar één indeling" }
                p {
                    "CBS deelt gemeenten, wijken en buurten bijna elk jaar anders in. Om een regio als één lijn te tonen rekent Wijkradar de cijfers van oudere indelingen om naar de nieuwste; omgerekende cijfers zijn berekend en staan als open rondje in de grafiek, de gepubliceerde cijfers blijven zichtbaar in de tabel en met een schakelaar in de grafiek."
                }
                ul {
                    li {
                        "Gemeentelijke herindelingen sinds 2014 zitten in Wijkradar (bron: CBS / Kadaster, gemeentegrenzen 2014 en wijken 2022, en CBS' gemeentelijke indeling 2023). Ging een gemeente geheel op in een andere, dan telt zij geheel mee; werd zij verdeeld (zoals Littenseradiel in 2018 en Haaren in 2021), dan naar het deel van haar inwoners dat in elke nieuwe gemeente woont: eerst geschat uit de inwoners van de wijken van 2022 op haar grondgebied (overlappen onder 5 % zijn verschillen in generalisatie van de kaarten en vallen weg), daarna zo bijgesteld dat alle gemeenten van de wijziging tussen het jaar ervoor en het jaar erna even hard groeien volgens de gepubliceerde inwonertallen. Zo telt een stuk dat toen weiland was en nu een nieuwbouwwijk is (Meerstad, van Slochteren naar Groningen in 2019) niet met de bewoners van nu."
                    }
                    li {
                        "Aantallen worden naar die aandelen verdeeld en opgeteld. Gemiddelden en percentages worden opnieuw berekend uit omgerekende tellers en noemers (bijvoorbeeld de WOZ-waarde gewogen met het omgerekende aantal woningen); ontbreekt de noemer, dan gewogen naar inwoners. Niet op te tellen kenmerken (zoals stedelijkheid) krijgen voor een veranderde regio geen waarde."
                    }
                    li {
                        "Is een deel geheim of onbekend, dan is de uitkomst geheim of onbekend, tenzij dat deel hoogstens 1 % van de inwoners van de nieuwe regio uitmaakt; dan blijft het weg."
                    }
                    li {
                        "Wijken en buurten zonder omrekentabel: een wijk met dezelfde code, dezelfde naam (waar beide jaren een naam geven; StatLine-bestanden hebben er geen) en een oppervlakte die hoogstens 1 % verschilt (of 1 ha, de afronding van de bestanden), geldt als ongewijzigd, en de pagina zegt dat. Andere wijken worden niet verbonden."
                    }
                    crosswalkItems()
                }
            }

            section(.aria("labelledby", "lijkt-op-m")) {
                h2(.id("lijkt-op-m")) { "Gelijkende wijken" }
                p {
                    "Kenmerken: "
                        + SimilarityModel.defaultFeatures.map { catalogue[$0]?.label ?? $0 }.joined(separator: "; ")
                        + "."
                }
                p {
                    "Elk kenmerk wordt gestandaardiseerd (z-score over alle wijken). De afstand tussen twee wijken is de wortel uit het gemiddelde van de gekwadrateerde verschillen in z-score, over de kenmerken die beide hebben; wijken die minder dan twee derde van de kenmerken delen worden niet vergeleken. Bij gelijke afstand beslist de wijkcode. Per buur staan de drie kenmerken waarop de wijken het meest gelijk zijn."
                }
            }

            section(.aria("labelledby", "vroegsignalering")) {
                h2(.id("vroegsignalering")) { "Vroegsignalering" }
                p {
                    "Elke regel kijkt naar één indicator en gaat af als de wijk minstens \(DutchFormat.number(EarlyWarning.zThreshold, decimals: 1)) standaardafwijking aan de ongunstige kant van het gemiddelde van alle wijken ligt:"
                }
                // Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too.
                table(.class("figures"), Attribute("tabindex", "0")) {
                    caption { "Regels" }
                    thead {
                        tr {
                            th(.scope("col")) { "Regel" }; th(.scope("col")) { "Indicator" };
                            th(.scope("col")) { "Gaat af als" }
                        }
                    }
                    tbody {
                        for rule in EarlyWarning.standardRules {
                            tr {
                                th(.scope("row")) { rule.label }
                                td { catalogue[rule.indicator]?.label ?? rule.indicator }
                                td {
                                    rule.side > 0
                                        ? "z ≥ \(DutchFormat.number(EarlyWarning.zThreshold, decimals: 1))"
                                        : "z ≤ −\(DutchFormat.number(EarlyWarning.zThreshold, decimals: 1))"
                                }
                            }
                        }
                    }
                }
                p {
                    "Een wijk krijgt een signaal als minstens \(EarlyWarning.threshold) van de \(EarlyWarning.standardRules.count) regels afgaan. De samengestelde score is het gemiddelde van de z-scores, met het teken zo gekozen dat hoger altijd ongunstiger is; hij wordt alleen berekend als minstens de helft van de regels een waarde heeft. De radar rangschikt op die score, dan op het aantal regels, dan op code."
                }
            }

            changeSection(catalogue)

            section(.aria("labelledby", "clusters")) {
                h2(.id("clusters")) { "Clusters" }
                p {
                    "Naar de vier clusters van ‘Kwetsbare wijken in beeld’ (Platform31/RIGO, 2017), op de afwijking van het landelijk gemiddelde in de Leefbaarometer, met minstens twee metingen; f = eerste, l = laatste, v = voorlaatste meting, Δ = l − f, δ = l − v:"
                }
                ul {
                    li { "Geen cluster als de wijk in de reeks nooit onder het landelijk gemiddelde lag." }
                    li { "Terugval: Δ ≤ −0,02 of δ ≤ −0,02." }
                    li { "Succes: f < 0 en l ≥ 0." }
                    li { "Gestaag herstel: l < 0 en Δ ≥ +0,02." }
                    li { "Vroegsignalering: l < 0 zonder duidelijke stijging of daling." }
                }
            }

            section(.aria("labelledby", "herkomst")) {
                h2(.id("herkomst")) { "Geen herkomst in scores" }
                p {
                    "Indicatoren naar herkomst of migratieachtergrond zijn stigmatiserend. Net als de Leefbaarometer 3.0 gebruikt Wijkradar ze nooit in een score, signaal of vergelijking van wijken; ze staan hooguit als context in de tabel, zo gemarkeerd. Dit is in de code afgedwongen, niet alleen beloofd."
                }
                ul {
                    for indicator in catalogue.indicators where indicator.stigmatising { li { indicator.label } }
                }
            }

            section(.aria("labelledby", "beperkingen")) {
                h2(.id("beperkingen")) { "Beperkingen" }
                ul {
                    li {
                        "Wijkcijfers over meerdere jaren zijn schaars: de meegeleverde data hebben wijkcijfers voor 2022 (16 kenmerken) en 2024 (8 kenmerken). Veranderingen in WOZ-waarde, inkomen en arbeidsparticipatie kan Wijkradar daarom pas berekenen als een tweede jaar is ingelezen; de wijkpagina zegt welke regels ontbreken."
                    }
                    li {
                        "CBS wijzigt bijna elk jaar wijk- en buurtgrenzen. Voor gemeenten rekent Wijkradar om met de meegeleverde herindelingen; voor wijken en buurten met een ingelezen of uit twee kaarten afgeleide omrekentabel, en anders alleen waar ze aantoonbaar gelijk bleven."
                    }
                    li {
                        "Aandelen als ‘40% personen met laagste inkomen’ worden voor focusgebieden gewogen met het aantal inwoners; CBS gebruikt een iets andere noemer (personen in particuliere huishoudens met inkomen). Zulke waarden zijn daarom gemarkeerd als berekend."
                    }
                    li {
                        "De signalen beschrijven een positie ten opzichte van andere wijken, geen oorzaak en geen oordeel over bewoners."
                    }
                }
            }
        }
    }
}
