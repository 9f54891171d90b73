import Foundation

/// A handover (overdracht) of a client to another organisation, with the states of a FHIR R4 Task as the
/// Gravity Project's closed-loop referral uses them: requested → accepted | rejected → in-progress
/// (first contact) → completed; the sender may cancel until it is completed.
public enum HandoverStatus: String, Sendable, Codable, CaseIterable {
    case requested, accepted, rejected
    case inProgress = "in-progress"
    case completed, cancelled

    public var isClosed: Bool { self == .rejected || self == .completed || self == .cancelled }
    public var labelKey: String { "handover_status_\(rawValue.replacingOccurrences(of: "-", with: "_"))" }
}

/// What kind of transfer this is; the dashboard counts internal referrals and returns to the GP apart.
public enum HandoverKind: String, Sendable, Codable, CaseIterable {
    case referral
    /// Back to the GP (terugverwijzing); comes with a handover letter.
    case terugverwijzing
    /// Between two teams of one GGZ organisation after the first placement.
    case internalReferral = "internal_referral"

    public var labelKey: String { "handoverkind_\(rawValue)" }
}

public enum HandoverEvent: Sendable, Equatable {
    case accept
    case reject(reason: String)
    case firstContact
    case complete
    case cancel(reason: String)
}

/// Which side of the handover acts.
public enum HandoverParty: Sendable, Equatable { case sender, receiver }

public enum HandoverTransitionError: Error, Sendable, Equatable {
    case notAllowed(from: HandoverStatus, event: String)
    case wrongParty(event: String)
    case reasonRequired
}

/// The state machine: which events are legal in which state, and by whom. Pure; the timestamps it asks
/// for are recorded by the caller.
public enum HandoverStateMachine {
    public static func next(_ status: HandoverStatus, _ event: HandoverEvent, by party: HandoverParty) throws -> HandoverStatus {
        switch (status, event) {
        case (.requested, .accept):
            guard party == .receiver else { throw HandoverTransitionError.wrongParty(event: "accept") }
            return .accepted
        case (.requested, .reject(let reason)):
            guard party == .receiver else { throw HandoverTransitionError.wrongParty(event: "reject") }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw HandoverTransitionError.reasonRequired }
            return .rejected
        case (.accepted, .firstContact):
            guard party == .receiver else { throw HandoverTransitionError.wrongParty(event: "firstContact") }
            return .inProgress
        case (.inProgress, .complete):
            guard party == .receiver else { throw HandoverTransitionError.wrongParty(event: "complete") }
            return .completed
        case (.requested, .cancel(let reason)), (.accepted, .cancel(let reason)), (.inProgress, .cancel(let reason)):
            guard party == .sender else { throw HandoverTransitionError.wrongParty(event: "cancel") }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw HandoverTransitionError.reasonRequired }
            return .cancelled
        default:
            throw HandoverTransitionError.notAllowed(from: status, event: "\(event)")
        }
    }
}

/// When a handover waits too long for an answer: the agreed response time between the two organisations
/// (default 5 working days) has passed while it is still `requested`.
public struct ResponseNorm: Sendable, Equatable {
    public var workingDays: Int
    public init(workingDays: Int = 5) { self.workingDays = workingDays }
    public static let `default` = ResponseNorm()

    public func deadline(requestedAt: Date, calendar: WorkingDays) -> Date {
        calendar.adding(workingDays, to: requestedAt)
    }

    public func isOverdue(status: HandoverStatus, requestedAt: Date, now: Date, calendar: WorkingDays) -> Bool {
        status == .requested && now > deadline(requestedAt: requestedAt, calendar: calendar)
    }
}
