import Foundation

/// Anhøj's rules for run charts and p-charts (Anhøj & Olesen 2014): a shift in the process shows as an unusually
/// long run on one side of the centre line, or as too few crossings of it. Points on the centre line are
/// left out: they neither break nor extend a run. Meant for 10 or more useful points.
public struct RunsAnalysis: Sendable, Equatable {
    public var centre: Double
    /// Points not on the centre line.
    public var useful: Int
    public var longestRun: Int
    public var crossings: Int
    /// A run longer than this signals: round(log₂(useful) + 3).
    public var longestRunLimit: Int
    /// Fewer crossings than this signal: the 5th percentile of Binomial(useful − 1, ½).
    public var minimumCrossings: Int

    public var longRun: Bool { longestRun > longestRunLimit }
    public var fewCrossings: Bool { crossings < minimumCrossings }
    public var signal: Bool { longRun || fewCrossings }

    /// `centre`: the p-chart's p̄, say; by default the median of the values (0 when there are none).
    public init(values: [Double], centre: Double? = nil) {
        let centre = centre ?? Quantiles.median(of: values)
        // On the line up to rounding: a month's x/n against p̄ = Σx/Σn may differ in the last bit.
        let sides = values.compactMap { abs($0 - centre) <= 1e-12 * max(1, abs(centre)) ? nil : $0 > centre }
        var longest = 0, run = 0, crossings = 0
        for (i, above) in sides.enumerated() {
            if i > 0 && above != sides[i - 1] { crossings += 1; run = 0 }
            run += 1
            longest = max(longest, run)
        }
        self.centre = centre
        useful = sides.count
        longestRun = longest
        self.crossings = crossings
        (longestRunLimit, minimumCrossings) = Self.limits(useful: sides.count)
    }

    /// The limits for n useful points (Anhøj & Olesen 2014, table 1).
    public static func limits(useful n: Int) -> (longestRun: Int, minimumCrossings: Int) {
        guard n > 0 else { return (0, 0) }
        return (Int((log2(Double(n)) + 3).rounded()), SpecialFunctions.binomialQuantile(0.05, trials: n - 1))
    }
}
