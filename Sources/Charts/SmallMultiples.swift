import Foundation
import HTML

/// Small multiples: one panel per indicator, a horizontal bar per area on the panel's own scale, with the national
/// value as a dashed reference line. Values are drawn as given; a missing value is written, not drawn as zero.
public struct SmallMultiples: Sendable {
    public struct Panel: Sendable {
        public var title: String
        /// (area, value, label as printed); nil value = not available.
        public var bars: [(area: String, value: Double?, label: String)]
        public var reference: (value: Double, label: String)?

        public init(
            title: String, bars: [(area: String, value: Double?, label: String)],
            reference: (value: Double, label: String)?
        ) {
            (self.title, self.bars, self.reference) = (title, bars, reference)
        }
    }

    public var title: String
    public var description: String
    public var panels: [Panel]
    public var columns = 2

    public init(title: String, description: String, panels: [Panel]) {
        (self.title, self.description, self.panels) = (title, description, panels)
    }

    public func render() -> Node {
        let rows = panels.first?.bars.count ?? 0
        let panelW = 330.0, labelW = 120.0, barH = 13.0, gap = 4.0, head = 20.0
        let panelH = head + Double(rows) * (barH + gap) + 10
        let rowsOfPanels = (panels.count + columns - 1) / columns
        let width = panelW * Double(columns), height = panelH * Double(rowsOfPanels)
        return svg(
            .svg("viewBox", "0 0 \(Int(width)) \(Int(height))"), .role("img"), .class("chart small-multiples"),
            .aria("label", title)
        ) {
            svgTitle(title)
            desc(description)
            for (index, panel) in panels.enumerated() {
                let x0 = Double(index % columns) * panelW, y0 = Double(index / columns) * panelH
                let maxValue = max(panel.bars.compactMap(\.value).max() ?? 0, panel.reference?.value ?? 0, 1e-9)
                let scale = (panelW - labelW - 60) / maxValue
                g(.class("panel")) {
                    // A long title would run into the next panel: shortened, the whole title kept as its tooltip.
                    svgText(
                        .svg("x", f(x0)), .svg("y", f(y0 + 13)), .svg("font-size", "11"), .svg("font-weight", "bold")
                    ) {
                        if panel.title.count > 46 {
                            svgTitle(panel.title)
                            String(panel.title.prefix(44)) + "…"
                        } else {
                            panel.title
                        }
                    }
                    for (row, bar) in panel.bars.enumerated() {
                        let y = y0 + head + Double(row) * (barH + gap)
                        svgText(
                            .svg("x", f(x0 + labelW - 4)), .svg("y", f(y + barH - 3)), .svg("font-size", "9"),
                            .svg("text-anchor", "end")
                        ) { bar.area }
                        if let value = bar.value {
                            rect(
                                .svg("x", f(x0 + labelW)), .svg("y", f(y)), .svg("width", f(max(value * scale, 0.5))),
                                .svg("height", f(barH)),
                                .svg("fill", "#0072B2")
                            ) { svgTitle("\(bar.area): \(bar.label)") }
                            svgText(
                                .svg("x", f(x0 + labelW + value * scale + 3)), .svg("y", f(y + barH - 3)),
                                .svg("font-size", "9")
                            ) { bar.label }
                        } else {
                            svgText(
                                .svg("x", f(x0 + labelW + 2)), .svg("y", f(y + barH - 3)), .svg("font-size", "9"),
                                .svg("fill", "#555555")
                            ) { bar.label }
                        }
                    }
                    if let reference = panel.reference {
                        let x = x0 + labelW + reference.value * scale
                        line(
                            .svg("x1", f(x)), .svg("y1", f(y0 + head - 3)), .svg("x2", f(x)),
                            .svg("y2", f(y0 + panelH - 8)),
                            .svg("stroke", "#555555"), .svg("stroke-dasharray", "3 2")
                        ) { svgTitle("Nederland: \(reference.label)") }
                    }
                }
            }
        }
    }

    private func f(_ v: Double) -> String { Coordinates.fixed1(v) }
}

/// Where a few areas stand among all: every area's score as a thin tick on one axis, the highlighted ones as
/// labelled dots. Higher scores (more signals of decline) to the right.
public struct RankStrip: Sendable {
    public var title: String
    public var description: String
    public var all: [Double]
    public var highlighted: [(label: String, value: Double)]

    public init(title: String, description: String, all: [Double], highlighted: [(label: String, value: Double)]) {
        (self.title, self.description, self.all, self.highlighted) = (title, description, all, highlighted)
    }

    public func render() -> Node {
        guard var low = all.min(), var high = all.max() else { return .empty }
        if low == high { low -= 1; high += 1 }
        let width = 660.0, left = 20.0, right = 20.0, axisY = 40.0
        let height = axisY + 20 + Double(highlighted.count) * 14
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (width - left - right) }
        return svg(
            .svg("viewBox", "0 0 \(Int(width)) \(Int(height))"), .role("img"), .class("chart rank-strip"),
            .aria("label", title)
        ) {
            svgTitle(title)
            desc(description)
            g(.svg("stroke", "#BBBBBB")) {
                for value in all {
                    line(
                        .svg("x1", f(x(value))), .svg("y1", f(axisY - 12)), .svg("x2", f(x(value))),
                        .svg("y2", f(axisY)))
                }
            }
            line(
                .svg("x1", f(left)), .svg("y1", f(axisY)), .svg("x2", f(width - right)), .svg("y2", f(axisY)),
                .svg("stroke", "#767676"))
            svgText(.svg("x", f(left)), .svg("y", "12"), .svg("font-size", "9")) { "minder signalen" }
            svgText(.svg("x", f(width - right)), .svg("y", "12"), .svg("font-size", "9"), .svg("text-anchor", "end")) {
                "meer signalen"
            }
            for (row, item) in highlighted.sorted(by: { $0.value > $1.value }).enumerated() {
                let y = axisY + 16 + Double(row) * 14
                line(
                    .svg("x1", f(x(item.value))), .svg("y1", f(axisY)), .svg("x2", f(x(item.value))),
                    .svg("y2", f(y - 4)), .svg("stroke", "#0072B2"))
                circle(.svg("cx", f(x(item.value))), .svg("cy", f(y - 4)), .svg("r", "3"), .svg("fill", "#0072B2"))
                let anchor = x(item.value) > width / 2 ? "end" : "start"
                svgText(
                    .svg("x", f(x(item.value) + (anchor == "end" ? -6 : 6))), .svg("y", f(y)), .svg("font-size", "9"),
                    .svg("text-anchor", anchor)
                ) { item.label }
            }
        }
    }

    private func f(_ v: Double) -> String { Coordinates.fixed1(v) }
}
