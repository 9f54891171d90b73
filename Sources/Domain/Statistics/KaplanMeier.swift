import Foundation

/// Kaplan–Meier survival for durations where some cases are still open ("weeks until first contact"):
/// an open case counts for as long as it has been followed, instead of being dropped or counted as done.
public struct KaplanMeier: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var time: Int
        /// At risk just before `time`. Those censored at `time` still count (the usual convention).
        public var atRisk: Int
        public var events: Int
        public var censored: Int
        /// S(time), after this time's events.
        public var survival: Double
        /// Greenwood's standard error of `survival`; nil once survival is 0, where the formula divides by 0.
        public var standardError: Double?
    }

    /// One step per distinct time with an event or a censoring, in time order.
    public var steps: [Step] = []

    /// Observations grouped by time; the same time may appear more than once, in any order.
    public init(grouped: [(time: Int, events: Int, censored: Int)]) {
        var byTime: [Int: (events: Int, censored: Int)] = [:]
        for g in grouped where g.events > 0 || g.censored > 0 {
            byTime[g.time, default: (0, 0)].events += g.events
            byTime[g.time, default: (0, 0)].censored += g.censored
        }
        var atRisk = byTime.values.reduce(0) { $0 + $1.events + $1.censored }
        var survival = 1.0, greenwood = 0.0
        for time in byTime.keys.sorted() {
            let (d, c) = byTime[time]!
            if d > 0 {
                survival *= 1 - Double(d) / Double(atRisk)
                greenwood += d < atRisk ? Double(d) / (Double(atRisk) * Double(atRisk - d)) : .infinity
            }
            steps.append(Step(time: time, atRisk: atRisk, events: d, censored: c, survival: survival,
                              standardError: survival > 0 ? survival * greenwood.squareRoot() : nil))
            atRisk -= d + c
        }
    }

    /// One observation per case: the time followed, and whether the event happened (false: still open).
    public init(observations: [(time: Int, event: Bool)]) {
        self.init(grouped: observations.map { (time: $0.time, events: $0.event ? 1 : 0, censored: $0.event ? 0 : 1) })
    }

    public var count: Int { steps.first?.atRisk ?? 0 }

    /// S(t): the share still without the event after time t.
    public func survival(at t: Int) -> Double { steps.last { $0.time <= t }?.survival ?? 1 }

    /// 1 − S(t): the share that had the event by time t, open cases counted for as long as they were followed.
    public func probabilityEventBy(_ t: Int) -> Double { 1 - survival(at: t) }

    /// The time by which a share p had the event: the first time S drops below 1 − p; where S stays exactly
    /// at 1 − p, the middle of that flat stretch (to the next drop, or to the last follow-up). This is
    /// R survival's rule, so without censoring it gives the ordinary median. nil when S never gets there.
    public func quantile(_ p: Double) -> Double? {
        precondition(p > 0 && p <= 1, "a probability in (0, 1]")
        let target = 1 - p, tolerance = Double.ulpOfOne.squareRoot()
        let drops = steps.filter { $0.events > 0 }
        guard let i = drops.firstIndex(where: { $0.survival <= target + tolerance }) else { return nil }
        guard abs(drops[i].survival - target) <= tolerance else { return Double(drops[i].time) }
        let end = i + 1 < drops.count ? drops[i + 1].time : steps[steps.count - 1].time
        return Double(drops[i].time + end) / 2
    }

    public var median: Double? { quantile(0.5) }
}
