import Foundation

/// Who may do what at a casuïstiektafel. Case summaries are pseudonymised but still sensitive: only the
/// people at the table and the submitter read a case. Coordinators set tables up and see their figures,
/// never the cases. Nobody but the submitter ever learns who the client is — until a consented take-over
/// turns the case into a handover, and the receiving organisation meets the client through that.
public struct CaseTablePolicy: Sendable {
    public var user: User
    public var organisation: Organisation
    public init(user: User, organisation: Organisation) { self.user = user; self.organisation = organisation }

    /// Setting tables up: the region's coordinators and the netwerkbureau's administrator.
    public var managesTables: Bool { AdminPolicy(actor: user, actorOrganisation: organisation).coordinatesRegion }

    /// Any care professional may bring a case to any active table.
    public var maySubmit: Bool { user.isActive && ClientAccessPolicy.careRole(of: user) != nil }

    public func isMember(_ table: CaseTable) -> Bool {
        user.isActive && ClientAccessPolicy.careRole(of: user) != nil && table.memberUserIDs.contains(user.id)
            && table.memberOrganisationIDs.contains(user.organisationID)
    }

    public func isChair(_ table: CaseTable) -> Bool { isMember(table) && table.chairUserID == user.id }

    /// Schedules sessions: the chair, or a coordinator.
    public func mayPlan(_ table: CaseTable) -> Bool { isChair(table) || managesTables }

    /// Reads a case: the people at the table, and whoever brought it in.
    public func mayRead(_ c: TableCase, at table: CaseTable) -> Bool {
        isMember(table) || (user.isActive && c.submittedBy == user.id)
    }

    /// Sees the agenda and the waiting cases of a table.
    public func seesCases(_ table: CaseTable) -> Bool { isMember(table) }

    public func mayAdvise(_ c: TableCase, at table: CaseTable) -> Bool { isMember(table) && c.status.isOpen }

    public func mayTakeOver(organisationID: UUID, at table: CaseTable) -> Bool { table.memberOrganisationIDs.contains(organisationID) }
}
