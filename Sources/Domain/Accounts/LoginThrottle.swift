import Foundation

/// When repeated failed logins lock an account or an address. Counting happens in the database
/// (so it holds across several app instances); the decision is made here.
public struct LoginThrottle: Sendable {
    public var window: TimeInterval = 15 * 60
    public var maxFailuresPerAccount = 5
    public var maxFailuresPerAddress = 20

    public init() {}

    public enum Decision: Equatable, Sendable {
        case allowed
        /// Try again after this moment. The same answer is given for unknown accounts,
        /// so the lock does not reveal which e-mail addresses exist.
        case locked(until: Date)
    }

    /// `accountFailures`/`addressFailures`: times of failed attempts inside the window, oldest first.
    public func decide(accountFailures: [Date], addressFailures: [Date], now: Date) -> Decision {
        var until: Date?
        if accountFailures.count >= maxFailuresPerAccount, let first = accountFailures.suffix(maxFailuresPerAccount).first {
            until = first.addingTimeInterval(window)
        }
        if addressFailures.count >= maxFailuresPerAddress, let first = addressFailures.suffix(maxFailuresPerAddress).first {
            until = max(until ?? .distantPast, first.addingTimeInterval(window))
        }
        if let until, until > now { return .locked(until: until) }
        return .allowed
    }
}
