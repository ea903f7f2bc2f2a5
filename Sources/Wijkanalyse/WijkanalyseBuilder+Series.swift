import Analysis
import Charts
import Core
import Foundation
import Pages

/// The development charts of the wijkanalyse: every year on one line where the indelingen allow, with gemeente and
/// Nederland, the published figures kept, and the source of each figure.
extension WijkanalyseBuilder {
    /// Every indicator with figures in at least one year, with gemeente and (computed) national lines. Where the
    /// years can be brought onto the newest indeling (`HarmonisedSeries`) the region is one line, converted points
    /// drawn open; the figures as published stay available as a hidden series and in the table.
    func series(for code: RegionCode) -> [RegionPage.Series] {
        let original = points(for: code, in: snapshot.tables[code.level] ?? [:])
        let harmonised = snapshot.harmonised[code.level].flatMap { series in
            series.tables.values.contains { $0.index(of: code) != nil } ? series : nil
        }
        let line = harmonised.map { points(for: code, in: $0.tables, converted: $0.converted) } ?? original
        let preferred = [
            "population", "dwellings", "woz_value", "low_income_persons_pct", "owner_occupied_pct", "density",
            "lbm_score", "lbm_deviation", "households", "age_65_plus_pct",
        ]
        let ids = line.keys.sorted {
            (preferred.firstIndex(of: $0) ?? 99, $0) < (preferred.firstIndex(of: $1) ?? 99, $1)
        }
        let municipalTables = snapshot.harmonised[.municipality]?.tables ?? snapshot.tables[.municipality] ?? [:]
        return ids.prefix(8).compactMap { id in
            guard let indicator = catalogue[id], let points = line[id] else { return nil }
            let decimals = indicator.decimals
            var all = [
                LineChart.Series(
                    name: snapshot.name(code), segments: segments(points, decimals: decimals), style: .region)
            ]
            var table = points.map {
                (
                    snapshot.name(code), $0.period,
                    $0.converted
                        ? DutchFormat.number($0.cell.number!, decimals: decimals) + " (omgerekend)"
                        : DutchFormat.cell($0.cell, decimals: decimals)
                )
            }
            let published = original[id] ?? []
            // The published figures differ from the line wherever something was converted or left off.
            if harmonised != nil,
                published.map({ "\($0.period) \($0.cell)" }) != points.map({ "\($0.period) \($0.cell)" })
            {
                all.append(
                    LineChart.Series(
                        name: "\(snapshot.name(code)), zoals gepubliceerd",
                        segments: segments(published, decimals: decimals), style: .original))
                table += published.map {
                    (
                        "Zoals gepubliceerd (indeling \($0.indeling))", $0.period,
                        DutchFormat.cell($0.cell, decimals: decimals)
                    )
                }
            }
            // Counts of a wijk and of its gemeente differ by orders of magnitude: one axis would flatten the wijk.
            if code.level != .municipality, indicator.aggregation != .sum {
                let municipal = municipalTables.values.sorted { $0.period < $1.period }
                    .compactMap { t -> (Int, Int, Double)? in
                        guard let v = t.cell(code.municipality, id)?.number, let column = t.columns[id] else {
                            return nil
                        }
                        return (t.period, column.source.indelingYear, v)
                    }
                if !municipal.isEmpty {
                    all.append(
                        LineChart.Series(
                            name: "Gemeente \(snapshot.name(code.municipality))",
                            segments: segments(municipal, decimals: decimals), style: .municipality))
                    table += municipal.map { ("Gemeente", $0.0, DutchFormat.number($0.2, decimals: decimals)) }
                }
            }
            if indicator.aggregation != .sum {
                let national = nationalSeries(indicator)
                if !national.isEmpty {
                    all.append(
                        LineChart.Series(
                            name: "Nederland (berekend)", segments: segments(national, decimals: decimals),
                            style: .country))
                    table += national.map {
                        ("Nederland (berekend)", $0.0, DutchFormat.number($0.2, decimals: decimals) + "*")
                    }
                }
            }
            var change: String?
            if points.count >= 2, let first = points.first, let last = points.last {
                let delta = last.cell.number! - first.cell.number!
                let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
                change =
                    "Verandering \(first.period)–\(last.period): \(sign)\(DutchFormat.number(abs(delta), decimals: decimals)) \(indicator.unit)"
                    + (first.indeling == last.indeling
                        ? "" : " (let op: verschillende CBS-indelingen, grenzen kunnen verschillen)")
            }
            var notes: [String] = []
            if points.count == 1 {
                notes.append("Alleen cijfers over \(points[0].period): geen ontwikkeling te tonen.")
            }
            if let harmonised { notes += explanation(of: harmonised, code: code, points: points, published: published) }
            var chart = LineChart(
                title: "\(indicator.label), \(snapshot.name(code))",
                description:
                    "Ontwikkeling van \(indicator.label) (\(indicator.unit)) in \(snapshot.name(code)) per jaar"
                    + (harmonised.map { ", op de indeling van \($0.indeling)" } ?? "")
                    + (all.count > 1 ? ", met ter vergelijking de andere reeksen." : "."),
                series: all)
            chart.zeroBased = indicator.aggregation == .sum
            chart.unit = indicator.unit
            let tables = snapshot.tables[code.level] ?? [:]
            let used = Set(points.map(\.period) + published.map(\.period)).sorted().compactMap {
                tables[$0]?.columns[id]?.source
            }
            var figure = RegionPage.Series(
                indicator: indicator, chart: chart, change: change,
                note: notes.isEmpty ? nil : notes.joined(separator: " "),
                table: table, hasOriginal: all.contains { $0.style == .original },
                source: Self.sourceLine(
                    used, converted: points.contains(where: \.converted),
                    national: all.contains { $0.style == .country }))
            figure.sources = used
            return figure
        }
    }

    /// "Bron: CBS, Kerncijfers wijken en buurten 2019, 2022 en 2024 (CC BY 4.0)", plus what Wijkradar computed
    /// (only what the figure shows: converted years, the national line).
    static func sourceLine(_ sources: [SourceRef], converted: Bool, national: Bool) -> String {
        var publishers: [String] = []
        var years: [String: [Int]] = [:]
        for source in sources {
            let name = source.attribution.replacingOccurrences(of: "Bron: ", with: "")
                .replacingOccurrences(of: #"\s*\d{4}$"#, with: "", options: .regularExpression)
            if years[name] == nil { publishers.append(name) }
            years[name, default: []].append(source.year)
        }
        let licences = Set(sources.map(\.licence)).sorted().joined(separator: ", ")
        let parts = publishers.map { name in
            "\(name) \(DutchFormat.list(Set(years[name] ?? []).sorted().map(String.init)))"
        }
        return "Bron: " + parts.joined(separator: "; ") + (licences.isEmpty ? "" : " (\(licences))")
            + (converted && national
                ? "; omgerekende jaren en Nederland berekend door Wijkradar."
                : converted
                    ? "; omgerekende jaren berekend door Wijkradar."
                    : national ? "; Nederland berekend door Wijkradar." : ".")
    }

    typealias SeriesPoint = (period: Int, indeling: Int, cell: Cell, converted: Bool)

    /// The region's numeric cells per indicator and period, origin-based indicators left out.
    func points(
        for code: RegionCode, in tables: [Int: RegionTable], converted: [Int: [RegionCode: Double]] = [:]
    ) -> [String: [SeriesPoint]] {
        var byIndicator: [String: [SeriesPoint]] = [:]
        for table in tables.values.sorted(by: { $0.period < $1.period }) {
            for (id, column) in table.columns where !column.indicator.stigmatising {
                guard let cell = table.cell(code, id), cell.number != nil else { continue }
                let isConverted = cell.status == .computed && converted[table.period]?[code] != nil
                byIndicator[id, default: []].append(
                    (table.period, column.source.indelingYear, cell, isConverted))
            }
        }
        return byIndicator
    }

    /// What the open points are and where the line could not be continued, in plain Dutch.
    func explanation(of series: HarmonisedSeries, code: RegionCode, points: [SeriesPoint], published: [SeriesPoint])
        -> [String]
    {
        var notes: [String] = []
        let convertedPeriods = points.filter(\.converted).map(\.period)
        if !convertedPeriods.isEmpty {
            let used = convertedPeriods.compactMap { series.methods[$0] }
            let byOrigin = Dictionary(grouping: used, by: \.origin).sorted { $0.key < $1.key }.map { origin, methods in
                let years = Set(methods.map(\.indeling)).sorted().map(String.init)
                let noun = years.count > 1 ? "indelingen" : "indeling"
                return "van de \(noun) van \(DutchFormat.list(years)) (\(origin))"
            }
            notes.append(
                "Open rondjes zijn omgerekend naar de indeling van \(series.indeling) (berekend), "
                    + byOrigin.joined(separator: "; ") + ".")
            let split = convertedPeriods.compactMap { series.converted[$0]?[code] }.max() ?? 0
            let bases = Set(used.map(\.basis).filter { !$0.isEmpty }).sorted()
            if split > 0.0005 {
                notes.append(
                    "Tot \(DutchFormat.number(split * 100, decimals: 1)) % daarvan komt uit gebieden die over meer dan één \(code.level.rawValue) zijn verdeeld"
                        + (bases.isEmpty ? "." : " (\(bases.joined(separator: "; ")))."))
            }
        }
        let assumed = points.filter { !$0.converted && series.methods[$0.period]?.assumedUnchanged == true }
        if !assumed.isEmpty {
            let nameless = assumed.contains { series.methods[$0.period]?.origin.contains("onbekend") == true }
            notes.append(
                "Cijfers van \(DutchFormat.list(assumed.map { String($0.period) })) staan op de lijn omdat deze \(code.level.rawValue) toen dezelfde code en oppervlakte had"
                    + (nameless
                        ? " (de naam in \(series.indeling) is niet bekend en is niet vergeleken)."
                        : " en dezelfde naam."))
        }
        let missing = Set(published.map(\.period)).subtracting(points.map(\.period)).sorted()
        if !missing.isEmpty {
            notes.append(
                "Niet op de lijn: "
                    + missing.map {
                        "\($0) (\(series.breaks[$0] ?? "niet om te rekenen naar de indeling van \(series.indeling)"))"
                    }
                    .joined(separator: ", ") + ".")
        }
        return notes
    }

    /// The national value per year, aggregated from all gemeenten by the indicator's rule (computed).
    func nationalSeries(_ indicator: Indicator) -> [(period: Int, indeling: Int, value: Double)] {
        (snapshot.harmonised[.municipality]?.tables ?? snapshot.tables[.municipality] ?? [:]).values.sorted {
            $0.period < $1.period
        }.compactMap { table in
            guard let column = table.columns[indicator.id],
                column.cells.count >= RegionProfile.minimumMunicipalitiesForNational
            else { return nil }
            let weights: [Cell]? =
                if case .weightedMean(let weight) = indicator.aggregation { table.columns[weight]?.cells } else { nil }
            guard case .computed(let value) = Aggregator.aggregate(indicator, cells: column.cells, weights: weights)
            else { return nil }
            return (table.period, column.source.indelingYear, value)
        }
    }

    func segments(_ points: [SeriesPoint], decimals: Int) -> [[LineChart.Point]] {
        segments(
            points.map { ($0.period, $0.indeling, $0.cell.number!) }, decimals: decimals,
            converted: Set(points.filter(\.converted).map(\.period)))
    }

    /// Consecutive points of one indeling form a segment; a new indeling starts a new one.
    func segments(
        _ points: [(period: Int, indeling: Int, value: Double)], decimals: Int, converted: Set<Int> = []
    ) -> [[LineChart.Point]] {
        var result: [[LineChart.Point]] = []
        var lastIndeling: Int?
        for point in points.sorted(by: { $0.period < $1.period }) {
            let p = LineChart.Point(
                x: point.period, y: point.value, label: DutchFormat.number(point.value, decimals: decimals),
                converted: converted.contains(point.period))
            if point.indeling == lastIndeling { result[result.count - 1].append(p) } else { result.append([p]) }
            lastIndeling = point.indeling
        }
        return result
    }
}
