import Foundation

/// A p-chart: a share per period against 3-sigma limits that widen for periods with a small denominator,
/// so one odd month is judged against its own n.
public struct PChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// nil for a period without a denominator; such a period has no limits either.
        public var proportion: Double?
        public var lowerLimit: Double?
        public var upperLimit: Double?
        public var outside: Bool
    }

    /// p̄ = Σx / Σn; nil when the denominators add up to 0.
    public var centre: Double?
    public var points: [Point]
    public var anyOutside: Bool { points.contains { $0.outside } }

    /// Limits p̄ ± 3√(p̄(1 − p̄)/nᵢ), clipped to [0, 1]. `baseline`: the periods p̄ is computed from
    /// (e.g. those before the go-live, so later months are judged against the old process); all by default.
    public init(points rows: [(numerator: Int, denominator: Int)], baseline: Range<Int>? = nil) {
        let base = rows[(baseline ?? rows.indices).clamped(to: rows.indices)]
        let x = base.reduce(0) { $0 + $1.numerator }, n = base.reduce(0) { $0 + $1.denominator }
        let centre = n > 0 ? Double(x) / Double(n) : nil
        self.centre = centre
        points = rows.map { row in
            guard let centre, row.denominator > 0 else { return Point(proportion: nil, lowerLimit: nil, upperLimit: nil, outside: false) }
            let p = Double(row.numerator) / Double(row.denominator)
            let half = 3 * (centre * (1 - centre) / Double(row.denominator)).squareRoot()
            let lower = max(0, centre - half), upper = min(1, centre + half)
            // A hair of tolerance, so a point exactly on a limit is not flagged by rounding.
            return Point(proportion: p, lowerLimit: lower, upperLimit: upper, outside: p < lower - 1e-12 || p > upper + 1e-12)
        }
    }
}
