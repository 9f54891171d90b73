import Foundation

/// Rates of counted events ("GGZ referrals per 1,000 registered patients").
public enum PoissonRate {
    /// k events over `exposure`, as a rate per `per` units, with the exact (Garwood) interval:
    /// lower = χ²(α/2, 2k)/2, upper = χ²(1 − α/2, 2k + 2)/2, lower = 0 when k = 0. It never undercovers,
    /// which matters for the small counts of a single month.
    public static func exact(count k: Int, exposure: Double, per: Double = 1,
                             confidence: Double = 0.95) -> (rate: Double, interval: Interval) {
        precondition(k >= 0 && exposure > 0, "a count needs a positive exposure")
        let alpha = 1 - confidence, scale = per / exposure
        let lower = k == 0 ? 0 : SpecialFunctions.gammaQuantile(alpha / 2, shape: Double(k))
        let upper = SpecialFunctions.gammaQuantile(1 - alpha / 2, shape: Double(k + 1))
        return (Double(k) * scale, Interval(lower * scale, upper * scale))
    }
}
