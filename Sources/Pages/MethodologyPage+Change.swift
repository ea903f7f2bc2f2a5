import Analysis
import Core
import HTML

/// The methodology of crosswalks between wijk indelingen, the change rules and Wijkradar's development types.
extension MethodologyPage {
    static func crosswalkItems() -> Node {
        .fragment([
            li {
                "Omrekentabellen voor wijken en buurten kunnen worden ingelezen (kolommen van-jaar, naar-jaar, van-code, naar-code en gewicht, met de basis: adressen, inwoners, woningen of oppervlakte), bijvoorbeeld de adresgewogen tabellen van CBS of het pakket grenswijzigen. Een tabel die alleen de gewijzigde wijken noemt, wordt aangevuld met de regel hieronder."
            },
            li {
                "Heeft Wijkradar grenzen van twee jaren, dan leidt het de omrekening zelf af uit de overlap (naar oppervlakte): beide indelingen worden per gemeente gerasterd in RD New op cellen van \(Int(OutlineOverlap.cellSize)) m, en elke cel telt voor het paar wijken waarin ze ligt. CBS generaliseert de grenzen elk jaar opnieuw; stukjes onder \(Int(OutlineOverlap.sliverShare * 100)) % van een wijk zijn daarom randverschillen, vallen weg en de rest wordt herschaald. Ligt een wijk voor minstens \(Int(OutlineOverlap.wholeShare * 100)) % in één nieuwe wijk, dan telt zij geheel mee (gelijk gebleven als die nieuwe wijk ook voor \(Int(OutlineOverlap.wholeShare * 100)) % uit haar bestaat, anders opgegaan in een samenvoeging). Naar oppervlakte is een benadering: waar gebouwd wordt of weiland ligt, wonen de mensen niet gelijk verdeeld. Vergeleken met de adresgewogen omrekening van grenswijzigen (wijken 2016 → 2022) kiest Wijkradar voor 91,9 % van de gewijzigde wijken dezelfde belangrijkste opvolger."
            },
            li {
                "Een tabel van een oudere naar een tussenliggende indeling wordt gevolgd door die van daar naar de nieuwste (aandelen vermenigvuldigd). Een nieuwe wijk die ook uit een oude wijk met dezelfde code bestaat die de tabel niet noemt, krijgt geen omgerekende waarde: zij zou kleiner lijken dan ze is."
            },
        ])
    }

    static func changeSection(_ catalogue: IndicatorCatalogue) -> Node {
        .fragment([
            section(.aria("labelledby", "verandering")) {
                h2(.id("verandering")) { "Vroegsignalering op verandering" }
                p {
                    "Naast de positie van een wijk kijkt Wijkradar naar haar ontwikkeling: per regel het eerste en het laatste jaar waarin de wijk een vergelijkbare waarde heeft, op één indeling (zie omrekenen). Algemene trends (prijzen, inkomens, de arbeidsmarkt) raken alle wijken; daarom vergelijken die regels met de mediane verandering van alle \(ChangeSignals.minimumPeers) of meer regio's met dezelfde twee jaren. Krimp van inwoners of woningen is nergens gewoon en telt absoluut. Regio's met minder dan \(DutchFormat.number(ChangeSignals.minimumPopulation)) inwoners in het eerste jaar blijven buiten beschouwing: daar maken een paar verhuizingen al een groot percentage."
                }
                // Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too.
                table(.class("figures"), Attribute("tabindex", "0")) {
                    caption { "Veranderingsregels" }
                    thead {
                        tr {
                            for title in ["Regel", "Indicator", "Gaat af als", "Vergeleken met"] {
                                th(.scope("col")) { title }
                            }
                        }
                    }
                    tbody {
                        for rule in ChangeSignals.standardRules {
                            tr {
                                th(.scope("row")) { rule.label }
                                td { catalogue[rule.indicator]?.label ?? rule.indicator }
                                td { threshold(rule) }
                                td {
                                    rule.relative
                                        ? "de mediane verandering van de regio's met dezelfde jaren"
                                        : "geen verandering"
                                }
                            }
                        }
                    }
                }
                p {
                    "Vanaf \(ChangeSignals.threshold) regels is er een veranderingssignaal. De veranderingsscore is het gemiddelde van de z-scores van de veranderingen onder de regio's met dezelfde jaren, met het teken zo gekozen dat hoger ongunstiger is; de radar kan daarop sorteren. Regels waarvoor een tweede jaar ontbreekt, noemt de wijkpagina met de reden. Indicatoren naar herkomst zijn nooit een regel."
                }
            },
            section(.aria("labelledby", "ontwikkelingstype")) {
                h2(.id("ontwikkelingstype")) { "Ontwikkelingstypen van Wijkradar" }
                p {
                    "Zonder Leefbaarometerreeksen geeft Wijkradar een eigen ontwikkelingstype uit de CBS-cijfers. Het leent het idee van de clusters van RIGO (waar staat een wijk, en welke kant gaat zij op), niet hun maat of drempels, en is dus niet de indeling van de Leefbaarometer. Er zijn minstens \(DevelopmentType.minimumRules) veranderingsregels met een waarde nodig."
                }
                ul {
                    li {
                        "Achteruitgang: minstens \(ChangeSignals.threshold) veranderingsregels gaan af, of de veranderingsscore is \(DutchFormat.number(DevelopmentType.strongScore, decimals: 1)) of hoger."
                    }
                    li {
                        "Herstel: een signaal op positie, en een veranderingsscore van −\(DutchFormat.number(DevelopmentType.clearScore, decimals: 1)) of lager."
                    }
                    li { "Kwetsbaar zonder herstel: een signaal op positie, zonder duidelijke verandering." }
                    li {
                        "Vroegsignaal: geen signaal op positie, maar één veranderingsregel gaat af of de veranderingsscore is \(DutchFormat.number(DevelopmentType.clearScore, decimals: 1)) of hoger."
                    }
                    li { "Geen type: geen signaal en geen ongunstige verandering." }
                }
            },
        ])
    }

    static func threshold(_ rule: ChangeSignals.Rule) -> String {
        let unit = rule.measure == .points ? " procentpunt" : " %"
        let amount = DutchFormat.number(rule.threshold) + unit
        let base = rule.minimumBase.map { " (vanaf \(DutchFormat.number($0)) in het eerste jaar)" } ?? ""
        switch (rule.relative, rule.side > 0) {
        case (true, true): return "de stijging minstens \(amount) groter is dan de mediaan"
        case (true, false): return "de verandering minstens \(amount) onder de mediaan blijft"
        case (false, _): return "de daling minstens \(amount) is" + base
        }
    }
}
