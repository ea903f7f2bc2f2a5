import Foundation

/// Descriptive statistics over the values of one indicator among comparable regions.
public struct Distribution: Sendable, Equatable {
    /// Sorted values; regions without a value (secret, missing) are left out, never counted as zero.
    public let sorted: [Double]
    public let mean: Double
    /// Sample standard deviation (n − 1); zero when fewer than two values.
    public let standardDeviation: Double

    public init(_ values: [Double]) {
        sorted = values.sorted()
        let n = Double(values.count)
        mean = values.isEmpty ? .nan : values.reduce(0, +) / n
        if values.count > 1 {
            let m = mean
            standardDeviation = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        } else {
            standardDeviation = 0
        }
    }

    public var count: Int { sorted.count }

    /// Mid-rank percentile: the share of values below x plus half the share equal to it, × 100.
    /// The lowest of 100 distinct values gets 0,5 and the highest 99,5; ties share one rank.
    public func percentile(of x: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let below = lowerBound(x)
        let equal = upperBound(x) - below
        return 100 * (Double(below) + 0.5 * Double(equal)) / Double(sorted.count)
    }

    /// Standard score; nil when there is no spread to measure against.
    public func zScore(of x: Double) -> Double? {
        standardDeviation > 0 ? (x - mean) / standardDeviation : nil
    }

    private func lowerBound(_ x: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func upperBound(_ x: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
