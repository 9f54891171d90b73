/// The routes an action in an actieplan can take (PRODUCT.md). "Outside GGZ" is every route but the
/// two GGZ ones; the dashboard's "minder onnodige ggz-instroom" counts on that.
public enum CareRoute: String, Sendable, Codable, CaseIterable {
    case zelfhulp
    case sociaalDomein = "sociaal_domein"
    case huisartsenzorg
    case basisGGZ = "basis_ggz"
    case specialistischeGGZ = "specialistische_ggz"
    case steuncentrum
    case casuistiektafel

    public var isGGZ: Bool { self == .basisGGZ || self == .specialistischeGGZ }
    public var labelKey: String { "route_\(rawValue)" }
}

extension CareRoute {
    /// Dutch words a citizen might type for this route; they go into the search index.
    public var searchWords: String {
        switch self {
        case .zelfhulp: "zelfhulp zelf online"
        case .sociaalDomein: "sociaal domein welzijn gemeente"
        case .huisartsenzorg: "huisarts huisartsenzorg praktijkondersteuner poh"
        case .basisGGZ: "basis ggz psycholoog"
        case .specialistischeGGZ: "specialistische ggz psychiater behandeling"
        case .steuncentrum: "steuncentrum herstel ervaringsdeskundige"
        case .casuistiektafel: "casuistiektafel casusoverleg"
        }
    }
}
