import Foundation

/// Interrupted time series by segmented regression: y = b0 + b1·t + b2·post + b3·(t − t0)·post, with
/// post = 1 from the interruption t0 (the go-live) on. The level and slope changes with their intervals
/// are what "did the go-live change anything" rests on.
public struct SegmentedRegression: Sendable, Equatable {
    public struct Coefficient: Sendable, Equatable {
        public var estimate: Double
        public var standardError: Double
        /// estimate ± t(1 − α/2, n − 4) · standardError.
        public var interval: Interval
    }

    /// b0: the level at t = 0.
    public var baselineLevel: Coefficient
    /// b1: the change per period before t0.
    public var baselineSlope: Coefficient
    /// b2: the jump at t0.
    public var levelChange: Coefficient
    /// b3: the change in slope from t0 on.
    public var slopeChange: Coefficient
    /// n − 4.
    public var degreesOfFreedom: Int
    /// √(Σ w·residual² / (n − 4)).
    public var residualStandardError: Double

    /// Ordinary least squares, or weighted with `weights` (e.g. the months' denominators). nil with fewer than
    /// 3 points before or from t0, fewer than 8 in all, weights that are not all positive, or collinear times.
    public static func fit(_ points: [(t: Double, y: Double)], interruption t0: Double, weights: [Double]? = nil,
                           confidence: Double = 0.95) -> SegmentedRegression? {
        let before = points.count { $0.t < t0 }, n = points.count
        guard before >= 3, n - before >= 3, n >= 8 else { return nil }
        if let weights { guard weights.count == n, weights.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil } }

        // The columns of √w·[X | y]; modified Gram–Schmidt turns X into QR and leaves the residuals in the last column,
        // which is stable where the normal equations square the condition number.
        let root = (weights ?? Array(repeating: 1, count: n)).map { $0.squareRoot() }
        var columns: [[Double]] = [
            root,
            zip(points, root).map { $0.t * $1 },
            zip(points, root).map { $0.t >= t0 ? $1 : 0 },
            zip(points, root).map { $0.t >= t0 ? ($0.t - t0) * $1 : 0 },
            zip(points, root).map { $0.y * $1 },
        ]
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        var r = Array(repeating: Array(repeating: 0.0, count: 5), count: 5)
        for j in 0..<5 {
            let size = dot(columns[j], columns[j]).squareRoot()
            for i in 0..<j {
                r[i][j] = dot(columns[i], columns[j])
                columns[j] = zip(columns[j], columns[i]).map { $0 - r[i][j] * $1 }
            }
            r[j][j] = dot(columns[j], columns[j]).squareRoot()
            guard j == 4 || r[j][j] > 1e-10 * size else { return nil }
            if j < 4 { columns[j] = columns[j].map { $0 / r[j][j] } }
        }

        // R b = Qᵀy by back substitution; the covariance is σ²·(RᵀR)⁻¹ = σ²·R⁻¹R⁻ᵀ.
        var b = Array(repeating: 0.0, count: 4), inverse = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
        for i in (0..<4).reversed() {
            b[i] = (r[i][4] - (i + 1..<4).reduce(0) { $0 + r[i][$1] * b[$1] }) / r[i][i]
            inverse[i][i] = 1 / r[i][i]
            for j in i + 1..<4 { inverse[i][j] = -(i + 1...j).reduce(0) { $0 + r[i][$1] * inverse[$1][j] } / r[i][i] }
        }
        let df = n - 4, sigma = r[4][4] / Double(df).squareRoot()
        let t = SpecialFunctions.tQuantile(1 - (1 - confidence) / 2, df: Double(df))
        let c = (0..<4).map { i in
            let se = sigma * inverse[i].reduce(0) { $0 + $1 * $1 }.squareRoot()
            return Coefficient(estimate: b[i], standardError: se, interval: Interval(b[i] - t * se, b[i] + t * se))
        }
        return SegmentedRegression(baselineLevel: c[0], baselineSlope: c[1], levelChange: c[2], slopeChange: c[3],
                                   degreesOfFreedom: df, residualStandardError: sigma)
    }
}
