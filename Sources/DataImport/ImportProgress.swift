import Core

/// Receives progress of a long import; the CLI draws it on a terminal, tests and the web app pass nothing.
public final class ImportProgress: @unchecked Sendable {
    private let report: (Int, Int) -> Void
    private var lastReported = -1

    public init(_ report: @escaping (_ done: Int, _ total: Int) -> Void) {
        self.report = report
    }

    func advance(to done: Int, of total: Int) {
        // Report at most a hundred times, so drawing never costs more than reading.
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != lastReported else { return }
        lastReported = percent
        report(done, total)
    }

    /// One line of a terminal progress bar:
    /// `[#########---------------]  38 %  10.412 van 27.403 regels, 5.120 per seconde`.
    public static func bar(done: Int, total: Int, seconds: Double, noun: String, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let percent = Int((fraction * 100).rounded(.down))
        let padded = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)"
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(padded) %  \(DutchFormat.number(Double(done))) van \(DutchFormat.number(Double(total))) \(noun)"
            + rate(done: done, seconds: seconds)
    }

    /// `, 5.120 per seconde`, once there is enough time to say it honestly.
    public static func rate(done: Int, seconds: Double) -> String {
        guard seconds >= 0.2 else { return "" }
        return ", \(DutchFormat.number((Double(done) / seconds).rounded())) per seconde"
    }
}
