import Foundation

/// A planned verkennend gesprek. `plannedAt` (when it was booked) and `plannedFor` (when it takes place)
/// are both kept: the dashboard measures registration → planned → held.
public struct VGAppointment: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var aanmeldingID: UUID
    public var clientID: UUID
    public var ggzUserID: UUID
    public var sociaalDomeinUserID: UUID
    public var plannedFor: Date
    public var end: Date
    public var plannedAt: Date
    public var plannedBy: UUID
    public var heldAt: Date?
    public var cancelledAt: Date?
    public var cancelReason: String?

    public init(id: UUID = UUID(), aanmeldingID: UUID, clientID: UUID, ggzUserID: UUID, sociaalDomeinUserID: UUID,
                plannedFor: Date, end: Date, plannedAt: Date, plannedBy: UUID, heldAt: Date? = nil,
                cancelledAt: Date? = nil, cancelReason: String? = nil) {
        self.id = id; self.aanmeldingID = aanmeldingID; self.clientID = clientID; self.ggzUserID = ggzUserID
        self.sociaalDomeinUserID = sociaalDomeinUserID; self.plannedFor = plannedFor; self.end = end; self.plannedAt = plannedAt
        self.plannedBy = plannedBy; self.heldAt = heldAt; self.cancelledAt = cancelledAt; self.cancelReason = cancelReason
    }

    public var isActive: Bool { cancelledAt == nil }
}

/// Who can form a duo for a wijk: POH-GGZ on the GGZ side, sociaal werkers on the social side, of
/// organisations that serve the wijk.
public enum DuoCandidates {
    public static func split(users: [User], organisations: [Organisation], wijkID: UUID) -> (ggz: [User], sociaalDomein: [User]) {
        let serving = Set(organisations.filter { $0.isActive && $0.wijkIDs.contains(wijkID) }.map(\.id))
        let active = users.filter { $0.isActive && serving.contains($0.organisationID) }
        return (active.filter { $0.roles.contains { $0.duoSide == .ggz } },
                active.filter { $0.roles.contains { $0.duoSide == .sociaalDomein } })
    }
}
