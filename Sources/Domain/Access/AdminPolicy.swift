import Foundation

/// Who may manage the network's structure and its people. Pure rules, tested in DomainTests;
/// the web layer asks these before it shows a page or changes anything.
///
/// - A functioneel beheerder of the *netwerkbureau* administers the region: wijken, organisations,
///   and people of every organisation.
/// - A functioneel beheerder of any other organisation manages only that organisation's people and teams.
/// - Nobody else manages anything.
public struct AdminPolicy: Sendable {
    public let actor: User
    public let actorOrganisation: Organisation

    public init(actor: User, actorOrganisation: Organisation) {
        self.actor = actor
        self.actorOrganisation = actorOrganisation
    }

    public var isRegionAdministrator: Bool {
        actor.isActive && actor.has(.functioneelBeheerder) && actorOrganisation.type == .netwerkbureau
    }

    public var isOrganisationAdministrator: Bool {
        actor.isActive && actor.has(.functioneelBeheerder)
    }

    public var canManageRegionStructure: Bool { isRegionAdministrator }

    /// Region-wide upkeep that is not structure (the whole sociale kaart, casuïstiektafels): the region's
    /// coordinators and its administrator.
    public var coordinatesRegion: Bool { actor.isActive && (actor.has(.regiocoordinator) || isRegionAdministrator) }

    public func canManagePeople(of organisationID: UUID) -> Bool {
        isRegionAdministrator || (isOrganisationAdministrator && organisationID == actor.organisationID)
    }

    /// Organisations whose people this actor may see in the admin pages; `nil` means all of the region.
    public var manageableOrganisationIDs: Set<UUID>? {
        if isRegionAdministrator { return nil }
        if isOrganisationAdministrator { return [actor.organisationID] }
        return []
    }

    /// Checks a role assignment for a user of `organisation`. Returns the roles that are not allowed.
    public func disallowedRoles(_ roles: Set<Role>, for organisation: Organisation) -> Set<Role> {
        var bad = roles.subtracting(organisation.type.allowedRoles)
        // Only a region administrator hands out administrator rights; an organisation's own
        // administrator may keep or revoke them but not create new ones in their organisation.
        if !isRegionAdministrator && roles.contains(.functioneelBeheerder) { bad.insert(.functioneelBeheerder) }
        return bad
    }
}
