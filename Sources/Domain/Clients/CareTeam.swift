import Foundation

/// Why a professional belongs to a client's care team.
public enum CareTeamBasis: String, Sendable, Codable, CaseIterable {
    /// Registered the client (the referrer), or registered a new aanmelding for a known client.
    case registered
    /// Added by a member of the team: a colleague of the same organisation.
    case colleague
    /// One of the duo planned for the verkennend gesprek.
    case duo
    /// Accepted a handover of this client.
    case handover

    public var labelKey: String { "careteam_basis_\(rawValue)" }
}

public struct CareTeamMember: Sendable, Equatable {
    public var clientID: UUID
    public var userID: UUID
    public var organisationID: UUID
    public var basis: CareTeamBasis
    public var addedAt: Date
    public var endedAt: Date?
    public init(clientID: UUID, userID: UUID, organisationID: UUID, basis: CareTeamBasis, addedAt: Date, endedAt: Date? = nil) {
        self.clientID = clientID; self.userID = userID; self.organisationID = organisationID; self.basis = basis
        self.addedAt = addedAt; self.endedAt = endedAt
    }
    public func isActive(at date: Date) -> Bool { addedAt <= date && (endedAt.map { date < $0 } ?? true) }
}

/// Who may see or change a client's data, and on what basis (the basis goes into the audit entry).
///
/// Only active care professionals in the client's care team see the client; everyone else is told the
/// client does not exist. Coordinators, analysts and administrators never see a person, whatever their
/// other roles allow them to manage.
public enum ClientAccessPolicy {
    public enum Decision: Sendable, Equatable {
        case allowed(basis: AuditBasis, role: Role)
        case denied
    }

    public static func decide(user: User, careTeam: [CareTeamMember], at date: Date) -> Decision {
        guard user.isActive, let role = careRole(of: user) else { return .denied }
        let member = careTeam.contains { $0.userID == user.id && $0.organisationID == user.organisationID && $0.isActive(at: date) }
        return member ? .allowed(basis: .careRelationship, role: role) : .denied
    }

    /// The role a professional acts in with clients: the first care role they hold, in a fixed order.
    public static func careRole(of user: User) -> Role? {
        [Role.pohGGZ, .huisarts, .sociaalWerker, .ggzBehandelaar, .ervaringsdeskundige].first { user.has($0) }
    }

    /// Who may register a citizen: GPs, POH-GGZ and social workers (the FHIR interface comes later).
    public static func mayRegister(_ user: User) -> Bool {
        user.isActive && (user.has(.huisarts) || user.has(.pohGGZ) || user.has(.sociaalWerker))
    }
}
