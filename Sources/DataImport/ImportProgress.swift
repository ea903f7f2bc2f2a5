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
    /// `[#########---------------]  38 %  10.412 van 27.403 rijen, 5.120 per seconde`.
    public static func bar(done: Int, total: Int, seconds: Double, noun: String, width: Int = 24) -> String {
        // Integer arithmetic: 29 of 100 is 29 %, not the 28 % that 0.29 × 100 rounds down to.
        let done = min(max(0, done), max(0, total))
        let filled = total > 0 ? done * width / total : width
        let percent = total > 0 ? done * 100 / total : 100
        let padded = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)"
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(padded) %  \(DutchFormat.number(Double(done))) van \(DutchFormat.number(Double(total))) \(noun)"
            + rate(done: done, seconds: seconds)
    }

    /// `, 5.120 per seconde`, once there is enough time to say it honestly.
    public static func rate(done: Int, seconds: Double) -> String {
        perSecond(done: done, seconds: seconds).map { ", " + $0 } ?? ""
    }

    /// `5.120 per seconde`, or nil within the first 0,2 s, when a rate would be noise.
    public static func perSecond(done: Int, seconds: Double) -> String? {
        guard seconds >= 0.2 else { return nil }
        return "\(DutchFormat.number((Double(done) / seconds).rounded())) per seconde"
    }
}
