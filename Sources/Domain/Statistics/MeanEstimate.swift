import Foundation

/// A mean with its Student t interval ("mean rapportcijfer 7.6 (7.3–7.9)").
public struct MeanEstimate: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); nil for a single value.
    public var sd: Double?
    public var confidence: Double
    /// mean ± t(1 − α/2, n − 1) · sd/√n; nil for a single value.
    public var interval: Interval?

    public var standardError: Double? { sd.map { $0 / Double(n).squareRoot() } }

    /// From the running sums the dashboard keeps in the database. nil without values.
    public init?(n: Int, sum: Double, sumOfSquares: Double, confidence: Double = 0.95) {
        guard n > 0 else { return nil }
        self.init(n: n, mean: sum / Double(n), squaredDeviations: max(0, sumOfSquares - sum * sum / Double(n)), confidence: confidence)
    }

    public init?(values: [Double], confidence: Double = 0.95) {
        self.init(weighted: values.map { (value: $0, count: 1) }, confidence: confidence)
    }

    /// From whole-number answers and how often each was given.
    public init?(histogram: [(value: Int, count: Int)], confidence: Double = 0.95) {
        self.init(weighted: histogram.map { (value: Double($0.value), count: $0.count) }, confidence: confidence)
    }

    /// Two passes (mean first, then squared deviations), which stays accurate where the sums formula cancels.
    init?(weighted histogram: [(value: Double, count: Int)], confidence: Double) {
        let histogram = histogram.filter { $0.count > 0 }
        let n = histogram.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        let mean = histogram.reduce(0.0) { $0 + $1.value * Double($1.count) } / Double(n)
        let squares = histogram.reduce(0.0) { $0 + ($1.value - mean) * ($1.value - mean) * Double($1.count) }
        self.init(n: n, mean: mean, squaredDeviations: squares, confidence: confidence)
    }

    init(n: Int, mean: Double, squaredDeviations: Double, confidence: Double) {
        self.n = n
        self.mean = mean
        self.confidence = confidence
        guard n > 1 else { return }
        let sd = (squaredDeviations / Double(n - 1)).squareRoot()
        let half = SpecialFunctions.tQuantile(1 - (1 - confidence) / 2, df: Double(n - 1)) * sd / Double(n).squareRoot()
        self.sd = sd
        interval = Interval(mean - half, mean + half)
    }
}
