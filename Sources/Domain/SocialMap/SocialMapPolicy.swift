import Foundation

/// Who may change the map. The region's coordinators and the netwerkbureau's administrator keep the
/// whole map; anyone working at the organisation that owns an entry may keep that entry current
/// (they know their own offer and waits best). Reading needs nothing: the public view is public.
public struct SocialMapPolicy: Sendable {
    public var user: User
    public var organisation: Organisation
    public init(user: User, organisation: Organisation) { self.user = user; self.organisation = organisation }

    /// Coordinators and the region's administrator: the whole map, imports, the freshness overview.
    public var keepsWholeMap: Bool { AdminPolicy(actor: user, actorOrganisation: organisation).coordinatesRegion }

    public func canEdit(_ service: MapService) -> Bool {
        keepsWholeMap || (user.isActive && service.ownerOrganisationID == user.organisationID)
    }

    /// Adding a new entry: for one's own organisation, or any when keeping the whole map.
    public func canCreate(ownedBy owner: UUID) -> Bool { keepsWholeMap || (user.isActive && owner == user.organisationID) }

    /// Providers and locations are shared by several entries: only the map's keepers change them,
    /// or an organisation its own provider record.
    public func canEdit(_ provider: MapProvider) -> Bool {
        keepsWholeMap || (user.isActive && provider.organisationID == user.organisationID)
    }
}
