import Foundation

/// The actieplan op maat made with the person after the verkennend gesprek.
public struct ActionPlan: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var clientID: UUID
    public var aanmeldingID: UUID
    public var createdAt: Date
    public var createdBy: UUID
    /// The main route the plan takes; "outside GGZ" figures count on it.
    public var primaryRoute: CareRoute
    /// The advice to the GP, in words (the letter's body).
    public var adviceText: String
    public var sharedWithClientAt: Date?
    public var adviceToGPAt: Date?
    public var goals: [Goal]
    public var actions: [PlanAction]

    public init(id: UUID = UUID(), clientID: UUID, aanmeldingID: UUID, createdAt: Date, createdBy: UUID, primaryRoute: CareRoute,
                adviceText: String, sharedWithClientAt: Date? = nil, adviceToGPAt: Date? = nil, goals: [Goal] = [], actions: [PlanAction] = []) {
        self.id = id; self.clientID = clientID; self.aanmeldingID = aanmeldingID; self.createdAt = createdAt; self.createdBy = createdBy
        self.primaryRoute = primaryRoute; self.adviceText = adviceText; self.sharedWithClientAt = sharedWithClientAt
        self.adviceToGPAt = adviceToGPAt; self.goals = goals; self.actions = actions
    }

    /// The domains the plan combines (zelfhulp, GGZ, sociaal domein, huisartsenzorg, steuncentrum…).
    public var domains: Set<String> {
        Set(actions.filter { $0.status != .cancelled }.map { $0.route.isGGZ ? "ggz" : $0.route.rawValue })
    }
}

public struct Goal: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var text: String
    public init(id: UUID = UUID(), text: String) { self.id = id; self.text = text }
}

public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    case open, done, cancelled
    public var labelKey: String { "action_status_\(rawValue)" }
}

public struct PlanAction: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var goalID: UUID?
    public var route: CareRoute
    /// Who carries it out; nil for zelfhulp done by the person themselves.
    public var organisationID: UUID?
    public var teamID: UUID?
    /// The service at that organisation, as the plan names it.
    public var service: String
    /// The sociale-kaart entry the service was chosen from, if any.
    public var serviceID: UUID?
    public var description: String
    public var ownerUserID: UUID
    public var due: DateOnly?
    public var status: ActionStatus
    public var createdAt: Date
    /// Set when the action went to another organisation (or team) as a handover.
    public var handoverID: UUID?

    public init(id: UUID = UUID(), goalID: UUID?, route: CareRoute, organisationID: UUID?, teamID: UUID?, service: String,
                description: String, ownerUserID: UUID, due: DateOnly?, status: ActionStatus = .open, createdAt: Date, handoverID: UUID? = nil,
                serviceID: UUID? = nil) {
        self.serviceID = serviceID
        self.id = id; self.goalID = goalID; self.route = route; self.organisationID = organisationID; self.teamID = teamID
        self.service = service; self.description = description; self.ownerUserID = ownerUserID; self.due = due
        self.status = status; self.createdAt = createdAt; self.handoverID = handoverID
    }
}
