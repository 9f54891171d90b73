import Foundation

/// The distribution functions behind the intervals, written out so Domain needs no numerics package.
/// Each inverse is Newton's method kept inside a shrinking bracket (bisecting when a step leaves it),
/// so it cannot diverge. Against R and scipy (see the tests) they agree to about 1e-12 relative or better.
public enum SpecialFunctions {
    // MARK: - Normal

    /// Φ(x), through erfc so both tails keep their relative precision.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }

    /// Φ⁻¹(p) for 0 < p < 1.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
        if p == 0.5 { return 0 }
        // Abramowitz & Stegun 26.2.23 (error < 4.5e-4) as the start.
        let s = (-2 * log(min(p, 1 - p))).squareRoot()
        let guess = s - (2.515517 + s * (0.802853 + s * 0.010328)) / (1 + s * (1.432788 + s * (0.189269 + s * 0.001308)))
        // The error Φ(x) − p, from whichever of erf (near the centre, where p − ½ is exact) and erfc (in the tails)
        // keeps its relative precision.
        let error: (Double) -> Double = abs(p - 0.5) < 0.25
            ? { 0.5 * erf($0 / 2.squareRoot()) - (p - 0.5) }
            : { p < 0.5 ? normalCDF($0) - p : (1 - p) - normalCDF(-$0) }
        return solve(start: p < 0.5 ? -guess : guess, in: -40...40, error: error,
                     slope: { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() })
    }

    // MARK: - Gamma

    /// Regularised incomplete gamma P(a, x) and its complement Q = 1 − P. Whichever is below ~½ is computed
    /// directly (the series when x < a + 1, Lentz's continued fraction otherwise; Numerical Recipes §6.2),
    /// so neither loses precision to cancellation.
    public static func gammaPQ(_ a: Double, _ x: Double) -> (p: Double, q: Double) {
        precondition(a > 0)
        guard x > 0 else { return (0, 1) }
        let front = gammaFront(a, x)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            repeat { n += 1; term *= x / n; sum += term } while term > sum * 1e-17
            let p = front * sum
            return (p, 1 - p)
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            if abs(d * c - 1) <= Double.ulpOfOne { break }
        }
        let q = front * h
        return (1 - q, q)
    }

    /// Quantile of the gamma distribution with shape `a` and scale 1 (χ²(p, ν) = 2 · gammaQuantile(p, shape: ν/2)).
    public static func gammaQuantile(_ p: Double, shape a: Double) -> Double {
        precondition(p > 0 && p < 1 && a > 0)
        // Wilson–Hilferty start, or P ≈ xᵃ/Γ(a+1) when that is not positive.
        let z = normalQuantile(p)
        var start = a * pow(1 - 1 / (9 * a) + z / (3 * a.squareRoot()), 3)
        if !(start > 0) { start = exp((log(p) + lgamma(a + 1)) / a) }
        var high = max(1, 2 * start)
        while gammaPQ(a, high).p < p { high *= 2 }
        return solve(start: start, in: 0...high,
                     error: { x in let pq = gammaPQ(a, x); return p <= 0.5 ? pq.p - p : (1 - p) - pq.q },
                     slope: { x in gammaFront(a, x) / x })
    }

    // MARK: - Beta and Student t

    /// Regularised incomplete beta I_x(a, b).
    public static func betaI(_ x: Double, _ a: Double, _ b: Double) -> Double { betaIQ(x: x, y: 1 - x, a, b).i }

    /// I_x(a, b) and its complement, given x and y = 1 − x each formed directly (so neither is lost when the other
    /// is near 1). The continued fraction runs on the side where it converges fast and the result is below ~½
    /// (Numerical Recipes §6.4), and the other comes by subtraction.
    static func betaIQ(x: Double, y: Double, _ a: Double, _ b: Double) -> (i: Double, q: Double) {
        precondition(a > 0 && b > 0)
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let logX = x < 0.5 ? log(x) : log1p(-y), logY = y < 0.5 ? log(y) : log1p(-x)
        let front = exp(a * logX + b * logY - lnBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            let i = front * betaFraction(x, a, b) / a
            return (i, 1 - i)
        }
        let q = front * betaFraction(y, b, a) / b
        return (1 - q, q)
    }

    /// The x with I_x(a, b) = p.
    public static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        precondition(p > 0 && p < 1 && a > 0 && b > 0)
        // A rough start from the two power-law ends of the distribution (NR's invbetai for small a or b).
        let t = exp(a * log(a / (a + b))) / a, u = exp(b * log(b / (a + b))) / b, w = t + u
        let start = p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * (1 - p), 1 / b)
        return solve(start: start, in: 0...1,
                     error: { x in let r = betaIQ(x: x, y: 1 - x, a, b); return p <= 0.5 ? r.i - p : (1 - p) - r.q },
                     slope: { x in exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnBeta(a, b)) })
    }

    /// Student t cumulative distribution.
    public static func tCDF(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * tTails(abs(t), df: df).outside
        return t >= 0 ? 1 - tail : tail
    }

    /// Student t quantile: Newton's method on t itself, with P(|T| > t) = I_x(ν/2, ½) at x = ν/(ν + t²).
    /// Working in t rather than in x keeps full precision both for many degrees of freedom (x near 1)
    /// and far in the tails (x near 0).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0)
        if p == 0.5 { return 0 }
        let outside = 2 * min(p, 1 - p), inside = 2 * abs(p - 0.5)   // each exact from p where it is used
        // Start from the normal quantile with the first Cornish–Fisher correction.
        let z = normalQuantile(1 - outside / 2), start = z + (z * z * z + z) / (4 * df)
        var high = max(1, 2 * start)
        while tTails(high, df: df).outside > outside { high *= 2 }
        let t = solve(start: start, in: 0...high,
                      error: { t in let r = tTails(t, df: df); return outside <= inside ? outside - r.outside : r.inside - inside },
                      slope: { t in 2 * exp(-(df + 1) / 2 * log1p(t * t / df) - lnBeta(df / 2, 0.5)) / df.squareRoot() })
        return p < 0.5 ? -t : t
    }

    /// P(|T| > t) and P(|T| < t) for t ≥ 0.
    static func tTails(_ t: Double, df: Double) -> (outside: Double, inside: Double) {
        let r = betaIQ(x: df / (df + t * t), y: t * t / (df + t * t), df / 2, 0.5)
        return (r.i, r.q)
    }

    // MARK: - Binomial

    /// The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(n, ½), as R's qbinom and scipy's binom.ppf.
    public static func binomialQuantile(_ p: Double, trials n: Int) -> Int {
        precondition(p >= 0 && p <= 1 && n >= 0)
        let target = p * (1 - 64 * Double.ulpOfOne)   // R's fuzz against rounding in the running sum
        var logMass = -Double(n) * log(2.0), cumulative = 0.0
        for k in 0..<n {
            cumulative += exp(logMass)
            if cumulative >= target { return k }
            logMass += log(Double(n - k) / Double(k + 1))
        }
        return n
    }

    // MARK: - Helpers

    /// lnΓ(z) − [(z − ½)·ln z − z + ½·ln 2π] by its asymptotic series, good to 1e-15 from z = 20.
    static func stirlingError(_ z: Double) -> Double {
        let w = 1 / (z * z)
        return (1.0 / 12 - w * (1.0 / 360 - w * (1.0 / 1260 - w / 1680))) / z
    }

    /// xᵃ·e⁻ˣ / Γ(a). For large a the direct form subtracts terms of size a·ln a and keeps only ~1e-11;
    /// Stirling's form with u = (x − a)/a does not cancel.
    static func gammaFront(_ a: Double, _ x: Double) -> Double {
        guard a >= 20 else { return exp(a * log(x) - x - lgamma(a)) }
        let u = (x - a) / a
        return exp(-a * (u - log1p(u)) - stirlingError(a)) * (a / (2 * Double.pi)).squareRoot()
    }

    /// ln B(a, b). With one large argument, lnΓ(big) − lnΓ(big + small) comes from Stirling's series rather than
    /// by cancellation (a t with many degrees of freedom needs B(ν/2, ½)).
    static func lnBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b), big = max(a, b)
        guard big >= 20 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        return lgamma(small) - small * log(big) - (big + small - 0.5) * log1p(small / big) + small
            + stirlingError(big) - stirlingError(big + small)
    }

    /// The continued fraction of the incomplete beta function, by the modified Lentz method.
    static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        func apply(_ numerator: Double) {
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
        }
        for m in 1...100_000 {
            let m = Double(m)
            apply(m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)))
            apply(-(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)))
            if abs(d * c - 1) <= Double.ulpOfOne { break }
        }
        return h
    }

    /// Solves error(x) = 0 for an increasing `error` with derivative `slope`, the root inside `range`.
    static func solve(start: Double, in range: ClosedRange<Double>, error: (Double) -> Double, slope: (Double) -> Double) -> Double {
        var low = range.lowerBound, high = range.upperBound
        var x = start > low && start < high ? start : (low + high) / 2
        for _ in 0..<300 {
            let e = error(x)
            if e == 0 { return x }
            if e < 0 { low = x } else { high = x }
            var next = x - e / slope(x)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - x) <= 1e-15 * abs(next) { return next }
            x = next
        }
        return x
    }
}
