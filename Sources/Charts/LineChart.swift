import Foundation
import HTML

/// A small line chart as inline SVG: one series per line, points joined only within a segment.
///
/// Segments exist so that figures of different CBS indelingen are never joined silently: the caller starts a new
/// segment wherever boundaries may have changed, and the chart draws the gap.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public var x: Int
        public var y: Double
        public var label: String
        /// Converted to another indeling (computed): drawn as an open circle.
        public var converted: Bool

        public init(x: Int, y: Double, label: String, converted: Bool = false) {
            self.x = x
            self.y = y
            self.label = label
            self.converted = converted
        }
    }

    public struct Series: Sendable {
        public var name: String
        /// Runs of points that may be joined by a line.
        public var segments: [[Point]]
        public var style: Style

        public init(name: String, segments: [[Point]], style: Style) {
            self.name = name
            self.segments = segments
            self.style = style
        }
    }

    /// Colour-blind-safe (Okabe–Ito) colours plus a dash pattern, so series differ without colour too.
    public enum Style: Sendable {
        case region, municipality, country
        /// The figures as published, in their own indelingen: hidden until the reader asks for them.
        case original

        var colour: String {
            switch self {
            case .region: "#0072B2"
            case .municipality: "#E69F00"
            case .country: "#555555"
            case .original: "#CC79A7"
            }
        }

        var dash: String? {
            switch self {
            case .region: nil
            case .municipality: "6 3"
            case .country: "2 3"
            case .original: "1 2"
            }
        }
    }

    public var title: String
    public var description: String
    public var series: [Series]
    /// Counts start their axis at zero, so +10 inhabitants on 7 690 does not look steep; rates and amounts may zoom
    /// in, and the page then writes the change out.
    public var zeroBased = false
    /// The unit, written above the axis.
    public var unit = ""
    public var width = 320.0
    public var height = 190.0

    public init(title: String, description: String, series: [Series]) {
        self.title = title
        self.description = description
        self.series = series
    }

    public func render() -> Node {
        let points = series.flatMap { $0.segments.flatMap { $0 } }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
            var minY = points.map(\.y).min(), var maxY = points.map(\.y).max()
        else { return .empty }
        if zeroBased { minY = min(minY, 0); maxY = max(maxY, 0) }
        if minY == maxY { minY -= 1; maxY += 1 }
        let pad = (maxY - minY) * 0.1
        minY = zeroBased || (minY >= 0 && minY - pad < 0) ? min(minY, 0) : minY - pad
        maxY += pad
        // Room on the right for the direct label of the newest value (about 6 units per character at size 10).
        let labelLength = series.first { $0.style == .region }?.segments.last?.last?.label.count ?? 0
        let left = 48.0, right = max(12.0, 10.0 + 6.2 * Double(labelLength)), top = 18.0, bottom = 24.0
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Int) -> Double {
            maxX == minX ? left + plotW / 2 : left + Double(x - minX) / Double(maxX - minX) * plotW
        }
        func py(_ y: Double) -> Double { top + (1 - (y - minY) / (maxY - minY)) * plotH }
        let years = Array(Set(points.map(\.x))).sorted()

        return svg(
            .svg("viewBox", "0 0 \(Int(width)) \(Int(height))"), .role("img"), .class("chart"),
            .aria("label", title)
        ) {
            svgTitle(title)
            desc(description)
            g(.class("axis")) {
                if !unit.isEmpty {
                    svgText(.svg("x", "2"), .svg("y", "10"), .svg("font-size", "10"), .svg("fill", "#545454")) { unit }
                }
                line(
                    .svg("x1", f(left)), .svg("y1", f(top + plotH)), .svg("x2", f(left + plotW)),
                    .svg("y2", f(top + plotH)),
                    .svg("stroke", "#767676"))
                for y in [minY, (minY + maxY) / 2, maxY] {
                    svgText(
                        .svg("x", f(left - 4)), .svg("y", f(py(y) + 4)), .svg("text-anchor", "end"),
                        .svg("font-size", "10")
                    ) {
                        Self.tick(y, span: maxY - minY)
                    }
                }
                for x in years {
                    svgText(
                        .svg("x", f(px(x))), .svg("y", f(height - 8)), .svg("text-anchor", "middle"),
                        .svg("font-size", "10")
                    ) {
                        String(x)
                    }
                }
            }
            for s in series {
                g(
                    .class(s.style == .original ? "series original" : "series"), .svg("stroke", s.style.colour),
                    .svg("fill", s.style.colour)
                ) {
                    for segment in s.segments where segment.count > 1 {
                        polyline(
                            .svg("points", segment.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")),
                            .svg("fill", "none"), .svg("stroke-width", "2"),
                            .svg("stroke-dasharray", s.style.dash ?? "none"))
                    }
                    // Direct label: the newest value at the end of the region's line, so it reads without the legend.
                    if s.style == .region, let last = s.segments.last?.last {
                        svgText(
                            .svg("x", f(px(last.x) + 6)), .svg("y", f(py(last.y) + 4)), .svg("font-size", "10"),
                            .svg("stroke", "none"), .svg("font-weight", "bold")
                        ) { last.label }
                    }
                    for point in s.segments.flatMap({ $0 }) {
                        circle(
                            .svg("cx", f(px(point.x))), .svg("cy", f(py(point.y))), .svg("r", "3.5"),
                            .svg("fill", point.converted ? "#ffffff" : s.style.colour), .svg("stroke-width", "1.5")
                        ) {
                            svgTitle("\(s.name), \(point.x): \(point.label)" + (point.converted ? " (omgerekend)" : ""))
                        }
                    }
                }
            }
        }
    }

    /// The legend as HTML under the chart: each series with its line pattern and name, and what an open point
    /// means, so no series is told apart by colour alone (WCAG 1.4.1).
    public func legend() -> Node {
        let shown = series.filter { !$0.segments.isEmpty }
        let converted = series.contains { $0.segments.joined().contains(where: \.converted) }
        return ul(.class("legend")) {
            for s in shown {
                li(.class(s.style == .original ? "original" : "")) {
                    svg(.svg("viewBox", "0 0 32 12"), .aria("hidden", "true")) {
                        line(
                            .svg("x1", "1"), .svg("y1", "6"), .svg("x2", "31"), .svg("y2", "6"),
                            .svg("stroke", s.style.colour), .svg("stroke-width", "2.5"),
                            .svg("stroke-dasharray", s.style.dash ?? "none"))
                        circle(.svg("cx", "16"), .svg("cy", "6"), .svg("r", "3.5"), .svg("fill", s.style.colour))
                    }
                    s.name
                }
            }
            if converted {
                li {
                    svg(.svg("viewBox", "0 0 32 12"), .aria("hidden", "true")) {
                        circle(
                            .svg("cx", "16"), .svg("cy", "6"), .svg("r", "3.5"), .svg("fill", "#ffffff"),
                            .svg("stroke", "#0072B2"), .svg("stroke-width", "1.5"))
                    }
                    "omgerekend (berekend)"
                }
            }
        }
    }

    private func f(_ v: Double) -> String { Coordinates.fixed1(v) }

    /// Axis labels with Dutch decimal commas and thousands points, rounded to what the axis span needs.
    static func tick(_ value: Double, span: Double) -> String {
        let magnitude = abs(value)
        let decimals = span >= 20 ? 0 : span >= 2 ? 1 : 2
        var text = String(format: "%.\(decimals)f", value).replacingOccurrences(of: ".", with: ",")
        if decimals == 0, magnitude >= 10_000 {
            var digits = text.replacingOccurrences(of: "-", with: "")
            var grouped = ""
            while digits.count > 3 { grouped = "." + digits.suffix(3) + grouped; digits.removeLast(3) }
            text = (value < 0 ? "-" : "") + digits + grouped
        }
        return text
    }
}
