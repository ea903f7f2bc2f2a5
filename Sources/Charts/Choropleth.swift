import Foundation
import HTML

/// A map of regions coloured by value, as inline SVG from GeoJSON outlines (WGS84).
///
/// Classes are quantiles of the values shown; secret and missing regions get a hatched grey, never a colour of
/// the scale. Every region carries a title with its name and value, and the legend says what each colour means.
public struct Choropleth: Sendable {
    public struct Area: Sendable {
        public var code: String
        public var name: String
        /// Outer and inner rings as (longitude, latitude), from `Choropleth.rings(geojson)`.
        public var rings: [[(Double, Double)]]
        public var value: Double?
        /// What to show for the value, e.g. "151" or "geheim".
        public var label: String
        public var link: String?

        public init(
            code: String, name: String, rings: [[(Double, Double)]], value: Double?, label: String, link: String? = nil
        ) {
            self.code = code
            self.name = name
            self.rings = rings
            self.value = value
            self.label = label
            self.link = link
        }
    }

    /// ColorBrewer Blues, five classes: sequential and colour-blind safe.
    public static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]

    public var title: String
    public var description: String
    public var areas: [Area]
    public var highlight: String?
    public var width = 480.0
    /// A map to choose areas on (the focus-area form): the figure is marked for the site script, and the chosen
    /// areas are drawn with a heavy outline.
    public var chooser = false
    public var chosen: Set<String> = []

    public init(title: String, description: String, areas: [Area], highlight: String? = nil) {
        self.title = title
        self.description = description
        self.areas = areas
        self.highlight = highlight
    }

    /// Upper bounds of the quantile classes.
    public static func breaks(_ values: [Double], classes: Int = 5) -> [Double] {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return [] }
        return (1...classes).map { k in
            sorted[min(sorted.count - 1, Int((Double(k) / Double(classes) * Double(sorted.count)).rounded(.up)) - 1)]
        }
    }

    public func render(legendLabel: (Double) -> String) -> Node {
        let shapes = areas.map { ($0, $0.rings) }
        let all = shapes.flatMap { $0.1.flatMap { $0 } }
        guard let minLon = all.map(\.0).min(), let maxLon = all.map(\.0).max(),
            let minLat = all.map(\.1).min(), let maxLat = all.map(\.1).max()
        else { return .empty }
        // Equirectangular with the longitude scaled at the mean latitude: true enough for one gemeente.
        let k = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max((maxLon - minLon) * k, 1e-9), spanY = max(maxLat - minLat, 1e-9)
        let height = (width * spanY / spanX).rounded()
        func project(_ p: (Double, Double)) -> String {
            Coordinates.fixed1((p.0 - minLon) * k / spanX * width) + ","
                + Coordinates.fixed1((maxLat - p.1) / spanY * height)
        }
        let limits = Self.breaks(areas.compactMap(\.value))
        func colour(_ value: Double?) -> String {
            guard let value, let index = limits.firstIndex(where: { value <= $0 }) else { return "url(#geen-waarde)" }
            return Self.palette[index]
        }
        return figure(.class(chooser ? "map choose" : "map")) {
            // A group, not an image: every area is a link to its wijk, and links inside an image are hidden from
            // assistive technology (axe-core 4: nested-interactive).
            svg(.svg("viewBox", "0 0 \(Int(width)) \(Int(height))"), .role("group"), .aria("label", title)) {
                svgTitle(title)
                desc(description)
                element("defs", []) {
                    element(
                        "pattern",
                        [
                            Attribute("id", "geen-waarde"), Attribute("width", "6"), Attribute("height", "6"),
                            Attribute("patternUnits", "userSpaceOnUse"), Attribute("patternTransform", "rotate(45)"),
                        ]
                    ) {
                        rect(.svg("width", "6"), .svg("height", "6"), .svg("fill", "#d9d9d9"))
                        line(
                            .svg("x1", "0"), .svg("y1", "0"), .svg("x2", "0"), .svg("y2", "6"),
                            .svg("stroke", "#737373"), .svg("stroke-width", "2"))
                    }
                }
                for (area, rings) in shapes {
                    let d = rings.map { "M" + Self.distinct($0.map(project)).joined(separator: "L") + "Z" }.joined()
                    let shape = path(
                        .svg("d", d), .svg("fill", colour(area.value)), .svg("fill-rule", "evenodd"),
                        .svg("stroke", area.code == highlight ? "#000000" : "#ffffff"),
                        .svg("stroke-width", area.code == highlight ? "2.5" : "0.8"),
                        .class(area.code == highlight ? "highlight" : "area")
                    ) {
                        svgTitle("\(area.name): \(area.label)")
                    }
                    if let link = area.link {
                        element(
                            "a",
                            [.href(link), .data("code", area.code)]
                                + (chosen.contains(area.code) ? [.class("chosen")] : [])
                        ) { shape }
                    } else {
                        shape
                    }
                }
            }
            figcaption {
                ul(.class("legend")) {
                    for (index, limit) in limits.enumerated() {
                        li {
                            // An SVG swatch, not a style attribute: the Content-Security-Policy allows no inline style.
                            svg(.class("swatch"), .svg("viewBox", "0 0 16 16"), .aria("hidden", "true")) {
                                rect(.svg("width", "16"), .svg("height", "16"), .svg("fill", Self.palette[index]))
                            }
                            (index == 0 ? "t/m " : "\(legendLabel(limits[index - 1])) – ") + legendLabel(limit)
                        }
                    }
                    li {
                        span(.class("swatch none"), .aria("hidden", "true")) { "" }
                        "geheim of geen waarde"
                    }
                }
            }
        }
    }

    /// Points without the ones that land on the same tenth of a pixel as the point before: a detailed outline
    /// drawn small would otherwise repeat itself.
    static func distinct(_ points: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(points.count)
        for point in points where point != result.last { result.append(point) }
        return result
    }

    /// Outer and inner rings of a GeoJSON Polygon or MultiPolygon as (lon, lat) pairs; parse once and keep.
    public static func rings(_ geometry: String) -> [[(Double, Double)]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(geometry.utf8)) as? [String: Any],
            let type = object["type"] as? String, let coordinates = object["coordinates"] as? [Any]
        else { return [] }
        let polygons: [Any] = type == "MultiPolygon" ? coordinates : [coordinates]
        var rings: [[(Double, Double)]] = []
        for case let polygon as [Any] in polygons {
            for case let ring as [[Double]] in polygon {
                rings.append(ring.compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil })
            }
        }
        return rings
    }
}
