/// A role a professional holds in the network. One user may hold several (a POH-GGZ who is also
/// functioneel beheerder of the practice). Raw values are stored in the database: never rename them.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case huisarts
    case pohGGZ = "poh_ggz"
    case sociaalWerker = "sociaal_werker"
    case ggzBehandelaar = "ggz_behandelaar"
    case ervaringsdeskundige
    case regiocoordinator
    case analist
    case functioneelBeheerder = "functioneel_beheerder"

    /// Roles that may see client data when they are in a client's care team (issue: core workflow).
    /// Coordinators, analysts and administrators see aggregates or structure only.
    public var isCareProfessional: Bool {
        switch self {
        case .huisarts, .pohGGZ, .sociaalWerker, .ggzBehandelaar, .ervaringsdeskundige: true
        case .regiocoordinator, .analist, .functioneelBeheerder: false
        }
    }

    /// Which side of a verkennend-gesprek duo this role can fill.
    public var duoSide: DuoSide? {
        switch self {
        case .pohGGZ: .ggz
        case .sociaalWerker: .sociaalDomein
        default: nil
        }
    }

    /// Key into the text catalogue.
    public var labelKey: String { "role_\(rawValue)" }
}

/// A verkennend gesprek is held by a duo: one from GGZ (a POH-GGZ), one from the social domain.
public enum DuoSide: String, Sendable, Codable { case ggz, sociaalDomein = "sociaal_domein" }
