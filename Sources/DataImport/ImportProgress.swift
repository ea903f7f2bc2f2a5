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
}
