import Foundation

/// Quantiles of whole numbers (days, working days) kept as a histogram, by R's type 7 — the default of
/// R's `quantile` and numpy's `percentile` — so the median, P80 and P90 agree with an analyst's re-computation.
public struct Quantiles: Sendable, Equatable {
    /// The distinct values in ascending order, and how many values are at most each.
    let values: [Int]
    let cumulative: [Int]

    /// Counts ≤ 0 are ignored; the same value may appear more than once, in any order.
    public init(_ histogram: [(value: Int, count: Int)]) {
        let merged = Dictionary(histogram.filter { $0.count > 0 }.map { ($0.value, $0.count) }, uniquingKeysWith: +)
        values = merged.keys.sorted()
        var running = 0
        cumulative = values.map { running += merged[$0]!; return running }
    }

    public var count: Int { cumulative.last ?? 0 }

    /// The value at 0-based position i of the sorted data.
    func value(at i: Int) -> Double {
        Double(values[cumulative.firstIndex { $0 > i }!])
    }

    /// Type 7: position h = (n − 1)·p, interpolating between the values either side. nil without values.
    public func quantile(_ p: Double) -> Double? {
        precondition((0...1).contains(p), "a probability in [0, 1]")
        guard count > 0 else { return nil }
        let h = Double(count - 1) * p, below = Int(h.rounded(.down))
        let low = value(at: below), high = value(at: min(below + 1, count - 1))
        return low + (h - Double(below)) * (high - low)
    }

    public var median: Double? { quantile(0.5) }

    /// The share of values ≤ `limit` ("% within 14 days"); nil without values.
    public func fraction(atMost limit: Int) -> Double? {
        guard count > 0 else { return nil }
        let below = values.lastIndex { $0 <= limit }.map { cumulative[$0] } ?? 0
        return Double(below) / Double(count)
    }
}

extension Quantiles {
    /// The ordinary median of real values (0 when there are none), e.g. for a run chart's centre line.
    static func median(of values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        guard n > 0 else { return 0 }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
