/// SVG coordinates with one decimal, written without `String(format:)`, which is slow on Linux and is called
/// thousands of times for a map.
enum Coordinates {
    static func fixed1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
