import Foundation

/// A confidence interval. The dashboard shows one beside every estimate, so a change is claimed only when it is demonstrable.
public struct Interval: Sendable, Equatable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public var width: Double { upper - lower }

    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// For a difference: true when the interval lies wholly on one side of 0, i.e. the change is demonstrable.
    public func excludes(_ value: Double) -> Bool { !contains(value) }

    /// The same interval in other units: a share as a percentage (100), a rate per 1,000.
    public func scaled(_ factor: Double) -> Interval { Interval(lower * factor, upper * factor) }
}
