/// The kinds of partner in a regional network (PRODUCT.md, "Who uses it").
/// Raw values are stored in the database: never rename them.
public enum OrganisationType: String, CaseIterable, Codable, Sendable, Hashable {
    case huisartsenpraktijk
    case sociaalWijkteam = "sociaal_wijkteam"
    case ggzAanbieder = "ggz_aanbieder"
    case steuncentrum
    case gemeente
    case zorgverzekeraar
    /// The network's own office: the regional coordinator, the taskforce wachttijden, region-wide
    /// functioneel beheer. Not a care provider.
    case netwerkbureau

    /// Roles a person of this kind of organisation may hold. Keeps an administrator from making,
    /// say, a "huisarts" at the health insurer — such a user would later pass care-team checks.
    public var allowedRoles: Set<Role> {
        let admin: Set<Role> = [.functioneelBeheerder]
        switch self {
        case .huisartsenpraktijk: return admin.union([.huisarts, .pohGGZ])
        case .sociaalWijkteam: return admin.union([.sociaalWerker, .ervaringsdeskundige])
        case .ggzAanbieder: return admin.union([.ggzBehandelaar, .pohGGZ, .ervaringsdeskundige])
        case .steuncentrum: return admin.union([.ervaringsdeskundige, .sociaalWerker])
        case .gemeente: return admin.union([.regiocoordinator, .analist])
        case .zorgverzekeraar: return admin.union([.analist])
        case .netwerkbureau: return admin.union([.regiocoordinator, .analist])
        }
    }

    /// GGZ-aanbieders are organised in teams (basis-GGZ, specialistische GGZ…); a transfer between
    /// two teams of one aanbieder is an internal referral.
    public var hasTeams: Bool { self == .ggzAanbieder || self == .sociaalWijkteam }

    public var labelKey: String { "orgtype_\(rawValue)" }
}

/// The echelon a GGZ team works in; used to tell basis- from specialistische GGZ referrals.
public enum Echelon: String, CaseIterable, Codable, Sendable {
    case basisGGZ = "basis_ggz"
    case specialistischeGGZ = "specialistische_ggz"
    case none
    public var labelKey: String { "echelon_\(rawValue)" }
}
