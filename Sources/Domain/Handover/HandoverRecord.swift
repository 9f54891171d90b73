import Foundation

/// One handover with every timestamp the closed loop and the dashboard need.
public struct Handover: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var clientID: UUID
    public var actionID: UUID?
    public var kind: HandoverKind
    public var route: CareRoute
    public var fromOrganisationID: UUID
    public var fromUserID: UUID
    public var toOrganisationID: UUID
    public var toTeamID: UUID?
    /// What the sender asks of the receiver.
    public var request: String
    /// For a terugverwijzing: the handover letter to the GP.
    public var letter: String?
    public var status: HandoverStatus
    public var requestedAt: Date
    public var acceptedAt: Date?
    public var acceptedBy: UUID?
    public var rejectedAt: Date?
    public var rejectionReason: String?
    public var firstContactAt: Date?
    public var intakeAt: Date?
    public var treatmentStartAt: Date?
    public var completedAt: Date?
    /// When the GGZ reported to the GP after intake and after closing (a samenwerkingsafspraak norm).
    public var intakeReportAt: Date?
    public var closingReportAt: Date?
    public var cancelledAt: Date?
    public var cancelReason: String?

    public init(id: UUID = UUID(), clientID: UUID, actionID: UUID?, kind: HandoverKind, route: CareRoute, fromOrganisationID: UUID,
                fromUserID: UUID, toOrganisationID: UUID, toTeamID: UUID?, request: String, letter: String?, requestedAt: Date) {
        self.id = id; self.clientID = clientID; self.actionID = actionID; self.kind = kind; self.route = route
        self.fromOrganisationID = fromOrganisationID; self.fromUserID = fromUserID; self.toOrganisationID = toOrganisationID
        self.toTeamID = toTeamID; self.request = request; self.letter = letter; self.status = .requested; self.requestedAt = requestedAt
    }

    /// Applies an event, recording its time and the state machine's next state.
    public mutating func apply(_ event: HandoverEvent, by party: HandoverParty, userID: UUID, at date: Date) throws {
        status = try HandoverStateMachine.next(status, event, by: party)
        switch event {
        case .accept: acceptedAt = date; acceptedBy = userID
        case .reject(let reason): rejectedAt = date; rejectionReason = reason
        case .firstContact: firstContactAt = date
        case .complete: completedAt = date
        case .cancel(let reason): cancelledAt = date; cancelReason = reason
        }
    }
}

public enum HandoverMilestone: String, Sendable, CaseIterable {
    /// GGZ intake (aanmeldwachttijd ends).
    case intake
    /// Start of treatment (behandelwachttijd ends).
    case treatmentStart = "treatment_start"
    /// The GGZ sent its report after intake to the GP.
    case intakeReport = "intake_report"
    /// The GGZ sent its closing report to the GP after completing.
    case closingReport = "closing_report"
}

public enum HandoverRules {
    /// What kind a handover from `from` to `to` is: within one organisation it is an internal referral
    /// (only between two different teams of a GGZ organisation); from GGZ to a GP practice it is a
    /// terugverwijzing; otherwise a referral.
    public static func kind(from: Organisation, fromTeamID: UUID?, to: Organisation, toTeamID: UUID?) -> HandoverKind? {
        if from.id == to.id {
            guard from.type == .ggzAanbieder, let t = toTeamID, t != fromTeamID else { return nil }
            return .internalReferral
        }
        if from.type == .ggzAanbieder && to.type == .huisartsenpraktijk { return .terugverwijzing }
        return .referral
    }
}
