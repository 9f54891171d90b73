import Foundation

// The statistics the dashboard shows its uncertainty with. Pure functions, checked against values from
// R and scipy/statsmodels in DomainTests/StatisticsTests.swift.

public struct Interval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public init(_ lower: Double, _ upper: Double) { self.lower = lower; self.upper = upper }
    public func scaled(_ f: Double) -> Interval { Interval(lower * f, upper * f) }
}

public enum Proportion {
    /// Wilson score interval (no continuity correction); nil without trials.
    public static func wilson(successes x: Int, trials n: Int, z: Double = 1.959963984540054) -> Interval? {
        guard n > 0 else { return nil }
        let p = Double(x) / Double(n), nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * ((p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot())
        return Interval(max(0, centre - half), min(1, centre + half))
    }

    /// Newcombe's hybrid score interval (method 10, 1998) for p1 − p2.
    public static func newcombeDifference(x1: Int, n1: Int, x2: Int, n2: Int) -> (difference: Double, interval: Interval)? {
        guard let a = wilson(successes: x1, trials: n1), let b = wilson(successes: x2, trials: n2) else { return nil }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2), d = p1 - p2
        let lower = d - ((p1 - a.lower) * (p1 - a.lower) + (b.upper - p2) * (b.upper - p2)).squareRoot()
        let upper = d + ((a.upper - p1) * (a.upper - p1) + (p2 - b.lower) * (p2 - b.lower)).squareRoot()
        return (d, Interval(lower, upper))
    }
}

public enum SpecialFunctions {
    /// Regularised lower incomplete gamma P(a, x) (Numerical Recipes: series below a+1, continued fraction above).
    public static func gammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let lnPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<10_000 { ap += 1; term *= x / ap; sum += term; if abs(term) < abs(sum) * 1e-16 { break } }
            return sum * exp(lnPrefix)
        }
        var b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c; if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return 1 - exp(lnPrefix) * h
    }

    /// Regularised incomplete beta I_x(a, b) by Lentz's continued fraction.
    public static func betaI(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront: Double = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x)
        let front = exp(logFront)
        if x > (a + 1) / (a + b + 2) { return 1 - betaI(b, a, 1 - x) }
        var f = 1.0, c = 1.0, d = 0.0
        for i in 0...10_000 {
            let m = Double(i / 2)
            let numerator: Double
            if i == 0 { numerator = 1 }
            else if i % 2 == 0 {
                let top: Double = m * (b - m) * x
                let bottom: Double = (a + 2 * m - 1) * (a + 2 * m)
                numerator = top / bottom
            } else {
                let top: Double = (a + m) * (a + b + m) * x
                let bottom: Double = (a + 2 * m) * (a + 2 * m + 1)
                numerator = -top / bottom
            }
            d = 1 + numerator * d; if abs(d) < 1e-300 { d = 1e-300 }; d = 1 / d
            c = 1 + numerator / c; if abs(c) < 1e-300 { c = 1e-300 }
            let cd = c * d
            f *= cd
            if abs(1 - cd) < 1e-15 { break }
        }
        return front * (f - 1) / a
    }

    /// Monotone inversion by bisection: enough precision (1e-12) for intervals, and impossible to get wrong.
    static func invert(_ target: Double, low: Double, high: Double, _ f: (Double) -> Double) -> Double {
        var lo = low, hi = high
        while f(hi) < target { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if f(mid) < target { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }

    /// Quantile of the gamma distribution with shape a (scale 1).
    public static func gammaQuantile(_ p: Double, shape a: Double) -> Double { invert(p, low: 0, high: max(1, 2 * a)) { gammaP(a, $0) } }

    /// Student t cumulative distribution.
    public static func tCDF(_ t: Double, df: Double) -> Double {
        let x = df / (df + t * t)
        let tail = 0.5 * betaI(df / 2, 0.5, x)
        return t >= 0 ? 1 - tail : tail
    }

    /// Student t quantile.
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        if p == 0.5 { return 0 }
        if p < 0.5 { return -tQuantile(1 - p, df: df) }
        return invert(p, low: 0, high: 10) { tCDF($0, df: df) }
    }
}

public enum PoissonRate {
    /// Exact (Garwood) interval for a count over an exposure, as a rate `per` units.
    public static func exact(count k: Int, exposure: Double, per: Double = 1, confidence: Double = 0.95) -> (rate: Double, interval: Interval) {
        let alpha = 1 - confidence
        let lower = k == 0 ? 0 : SpecialFunctions.gammaQuantile(alpha / 2, shape: Double(k))
        let upper = SpecialFunctions.gammaQuantile(1 - alpha / 2, shape: Double(k + 1))
        let f = per / exposure
        return (Double(k) * f, Interval(lower * f, upper * f))
    }
}

/// Mean with a t-based 95% interval; from a histogram of whole numbers or from sums.
public struct MeanEstimate: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    public var sd: Double?
    public var interval: Interval?

    public init?(n: Int, sum: Double, sumOfSquares: Double) {
        guard n > 0 else { return nil }
        self.n = n
        mean = sum / Double(n)
        guard n > 1 else { return }
        let variance = max(0, (sumOfSquares - sum * sum / Double(n)) / Double(n - 1))
        sd = variance.squareRoot()
        let half = SpecialFunctions.tQuantile(0.975, df: Double(n - 1)) * sd! / Double(n).squareRoot()
        interval = Interval(mean - half, mean + half)
    }

    public init?(histogram: [(value: Int, count: Int)]) {
        var n = 0, sum = 0.0, sq = 0.0
        for (v, c) in histogram { n += c; sum += Double(v * c); sq += Double(v * v * c) }
        self.init(n: n, sum: sum, sumOfSquares: sq)
    }
}

/// Quantiles of whole numbers kept as a histogram, R type 7 (R's and numpy's default).
public struct Quantiles: Sendable {
    let sorted: [(value: Int, count: Int)]
    let n: Int
    public init(_ histogram: [(value: Int, count: Int)]) {
        sorted = histogram.filter { $0.count > 0 }.sorted { $0.value < $1.value }
        n = sorted.reduce(0) { $0 + $1.count }
    }
    /// The value at 0-based position i of the sorted data.
    func at(_ i: Int) -> Double {
        var seen = 0
        for (v, c) in sorted { seen += c; if i < seen { return Double(v) } }
        return Double(sorted.last!.value)
    }
    public func quantile(_ p: Double) -> Double? {
        guard n > 0 else { return nil }
        let h = Double(n - 1) * p
        let lo = Int(h.rounded(.down))
        let a = at(lo), b = at(min(lo + 1, n - 1))
        return a + (h - Double(lo)) * (b - a)
    }
}

/// Kaplan–Meier estimate from grouped observations; censored at a time count as at risk at that time.
public struct KaplanMeier: Sendable {
    public struct Step: Sendable, Equatable { public var time: Int; public var atRisk: Int; public var events: Int; public var survival: Double }
    public var steps: [Step] = []

    public init(grouped: [(time: Int, events: Int, censored: Int)]) {
        var atRisk = grouped.reduce(0) { $0 + $1.events + $1.censored }
        var s = 1.0
        for g in grouped.sorted(by: { $0.time < $1.time }) {
            if g.events > 0 && atRisk > 0 {
                s *= 1 - Double(g.events) / Double(atRisk)
                steps.append(Step(time: g.time, atRisk: atRisk, events: g.events, survival: s))
            }
            atRisk -= g.events + g.censored
        }
    }

    public func survival(at t: Int) -> Double { steps.last { $0.time <= t }?.survival ?? 1 }
    /// 1 − S(t): the share that had the event by day t, open cases counted as not yet.
    public func probabilityEventBy(_ t: Int) -> Double { 1 - survival(at: t) }
    /// The smallest time with S(t) ≤ 1 − p (R survival's convention); nil when the curve never gets there.
    public func quantile(_ p: Double) -> Double? {
        steps.first { $0.survival <= 1 - p + 1e-12 }.map { Double($0.time) }
    }
    public var median: Double? { quantile(0.5) }
}

/// p-chart: centre p̄ = Σx/Σn, limits p̄ ± 3√(p̄(1−p̄)/nᵢ) clipped to [0, 1].
public struct PChart: Sendable {
    public struct Point: Sendable, Equatable {
        public var proportion: Double?
        public var lowerLimit: Double?
        public var upperLimit: Double?
        public var outside: Bool
    }
    public var centre: Double?
    public var points: [Point]

    public init(points rows: [(numerator: Int, denominator: Int)]) {
        let x = rows.reduce(0) { $0 + $1.numerator }, n = rows.reduce(0) { $0 + $1.denominator }
        let p = n == 0 ? nil : Double(x) / Double(n)
        centre = p
        points = rows.map { r in
            guard let p, r.denominator > 0 else { return Point(proportion: nil, lowerLimit: nil, upperLimit: nil, outside: false) }
            let q = Double(r.numerator) / Double(r.denominator)
            let half = 3 * (p * (1 - p) / Double(r.denominator)).squareRoot()
            let lo = max(0, p - half), hi = min(1, p + half)
            return Point(proportion: q, lowerLimit: lo, upperLimit: hi, outside: q < lo - 1e-12 || q > hi + 1e-12)
        }
    }
}

/// Anhøj's rules for run charts: an unusually long run, or too few crossings of the centre line.
public struct RunsAnalysis: Sendable, Equatable {
    /// Points not on the centre line.
    public var useful: Int
    public var longestRun: Int
    public var crossings: Int
    public var longestRunLimit: Int
    public var minimumCrossings: Int
    public var longRun: Bool { longestRun > longestRunLimit }
    public var fewCrossings: Bool { crossings < minimumCrossings }
    public var signal: Bool { longRun || fewCrossings }

    public init(values: [Double], centre: Double) {
        let sides = values.compactMap { v -> Bool? in abs(v - centre) < 1e-12 ? nil : v > centre }
        useful = sides.count
        var longest = 0, run = 0, crossings = 0
        for (i, s) in sides.enumerated() {
            if i > 0 && s != sides[i - 1] { crossings += 1; run = 0 }
            run += 1; longest = max(longest, run)
        }
        longestRun = longest; self.crossings = crossings
        longestRunLimit = useful == 0 ? 0 : Int((log2(Double(useful)) + 3).rounded())
        minimumCrossings = useful < 2 ? 0 : Self.binomialQuantile(0.05, trials: useful - 1)
    }

    /// The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(n, ½) (R's qbinom).
    static func binomialQuantile(_ p: Double, trials n: Int) -> Int {
        var cumulative = 0.0
        for k in 0...n {
            cumulative += exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) - Double(n) * log(2))
            if cumulative >= p - 1e-12 { return k }
        }
        return n
    }
}

/// Interrupted time series: y = b0 + b1·t + b2·post + b3·(t − t0)·post by ordinary least squares.
public struct SegmentedRegression: Sendable, Equatable {
    public struct Coefficient: Sendable, Equatable {
        public var estimate: Double
        public var standardError: Double
        public var interval: Interval
    }
    public var baselineLevel: Coefficient
    public var baselineSlope: Coefficient
    public var levelChange: Coefficient
    public var slopeChange: Coefficient

    /// nil with fewer than 3 points before or after `interruption`, or fewer than 8 in all.
    public static func fit(_ points: [(t: Double, y: Double)], interruption t0: Double) -> SegmentedRegression? {
        let before = points.filter { $0.t < t0 }.count, after = points.count - before
        guard before >= 3, after >= 3, points.count >= 8 else { return nil }
        let rows = points.map { p -> [Double] in
            let post = p.t >= t0 ? 1.0 : 0
            return [1, p.t, post, (p.t - t0) * post]
        }
        // Normal equations X'X b = X'y, solved by Gauss–Jordan on the 4×4 system (well conditioned for monthly series).
        var xtx = Array(repeating: Array(repeating: 0.0, count: 4), count: 4), xty = Array(repeating: 0.0, count: 4)
        for (r, p) in zip(rows, points) { for i in 0..<4 { xty[i] += r[i] * p.y; for j in 0..<4 { xtx[i][j] += r[i] * r[j] } } }
        guard let inverse = invert(xtx) else { return nil }
        let b = (0..<4).map { i in (0..<4).reduce(0.0) { $0 + inverse[i][$1] * xty[$1] } }
        let df = Double(points.count - 4)
        let rss = zip(rows, points).reduce(0.0) { acc, rp in
            let fit = (0..<4).reduce(0.0) { $0 + rp.0[$1] * b[$1] }
            return acc + (rp.1.y - fit) * (rp.1.y - fit)
        }
        let sigma2 = rss / df
        let tq = SpecialFunctions.tQuantile(0.975, df: df)
        let c = (0..<4).map { i -> Coefficient in
            let se = (max(0, sigma2 * inverse[i][i])).squareRoot()
            return Coefficient(estimate: b[i], standardError: se, interval: Interval(b[i] - tq * se, b[i] + tq * se))
        }
        return SegmentedRegression(baselineLevel: c[0], baselineSlope: c[1], levelChange: c[2], slopeChange: c[3])
    }

    static func invert(_ m: [[Double]]) -> [[Double]]? {
        let n = m.count
        var a = m.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0 } }
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            let d = a[col][col]
            a[col] = a[col].map { $0 / d }
            for r in 0..<n where r != col {
                let f = a[r][col]
                if f != 0 { a[r] = zip(a[r], a[col]).map { $0 - f * $1 } }
            }
        }
        return a.map { Array($0[n...]) }
    }
}
