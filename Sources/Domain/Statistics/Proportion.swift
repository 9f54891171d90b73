import Foundation

/// Intervals for shares ("% of referrals answered within 5 working days").
public enum Proportion {
    /// Wilson score interval without continuity correction. Unlike the Wald interval it stays
    /// inside [0, 1] and does not collapse to a point at 0 of n or n of n. nil without trials or with x outside 0...n.
    public static func wilson(successes x: Int, trials n: Int, confidence: Double = 0.95) -> Interval? {
        guard n > 0, (0...n).contains(x) else { return nil }
        let z = SpecialFunctions.normalQuantile(1 - (1 - confidence) / 2), z2 = z * z
        let size = Double(n), p = Double(x) / size
        let centre = (p + z2 / (2 * size)) / (1 + z2 / size)
        let half = z / (1 + z2 / size) * (p * (1 - p) / size + z2 / (4 * size * size)).squareRoot()
        return Interval(x == 0 ? 0 : max(0, centre - half), x == n ? 1 : min(1, centre + half))
    }

    /// p1 − p2 with Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the two
    /// Wilson intervals: good coverage even for small groups, where the Wald interval fails.
    public static func newcombeDifference(x1: Int, n1: Int, x2: Int, n2: Int,
                                          confidence: Double = 0.95) -> (difference: Double, interval: Interval)? {
        guard let a = wilson(successes: x1, trials: n1, confidence: confidence),
              let b = wilson(successes: x2, trials: n2, confidence: confidence) else { return nil }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2), d = p1 - p2
        let below = ((p1 - a.lower) * (p1 - a.lower) + (b.upper - p2) * (b.upper - p2)).squareRoot()
        let above = ((a.upper - p1) * (a.upper - p1) + (p2 - b.lower) * (p2 - b.lower)).squareRoot()
        return (d, Interval(d - below, d + above))
    }
}
