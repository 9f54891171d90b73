import Foundation

public struct Region: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var name: String
    public var code: String
    public init(id: UUID = UUID(), name: String, code: String) {
        self.id = id; self.name = name; self.code = code
    }
}

/// A neighbourhood of the region. Clients are mapped to a wijk by their four-digit postcode (PC4).
public struct Wijk: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var regionID: UUID
    public var name: String
    public var code: String
    public var postcodes: [PC4]
    public init(id: UUID = UUID(), regionID: UUID, name: String, code: String, postcodes: [PC4]) {
        self.id = id; self.regionID = regionID; self.name = name; self.code = code; self.postcodes = postcodes
    }
}

public struct Organisation: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var regionID: UUID
    public var name: String
    public var type: OrganisationType
    /// AGB code (Vektis) for care providers; lets figures be compared with national data later.
    public var agbCode: String?
    /// Wijken this organisation serves; the VG planner only pairs professionals serving the client's wijk.
    public var wijkIDs: [UUID]
    public var isActive: Bool
    public init(id: UUID = UUID(), regionID: UUID, name: String, type: OrganisationType,
                agbCode: String? = nil, wijkIDs: [UUID] = [], isActive: Bool = true) {
        self.id = id; self.regionID = regionID; self.name = name; self.type = type
        self.agbCode = agbCode; self.wijkIDs = wijkIDs; self.isActive = isActive
    }
}

public struct Team: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organisationID: UUID
    public var name: String
    public var echelon: Echelon
    public init(id: UUID = UUID(), organisationID: UUID, name: String, echelon: Echelon) {
        self.id = id; self.organisationID = organisationID; self.name = name; self.echelon = echelon
    }
}

/// A professional's account. The password hash never leaves the persistence/accounts path.
public struct User: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organisationID: UUID
    public var teamID: UUID?
    public var name: String
    public var email: String
    public var roles: Set<Role>
    public var isActive: Bool
    public var preferredLocale: Locale.Code?
    public init(id: UUID = UUID(), organisationID: UUID, teamID: UUID? = nil, name: String,
                email: String, roles: Set<Role>, isActive: Bool = true, preferredLocale: Locale.Code? = nil) {
        self.id = id; self.organisationID = organisationID; self.teamID = teamID; self.name = name
        self.email = email; self.roles = roles; self.isActive = isActive; self.preferredLocale = preferredLocale
    }
    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

extension Locale {
    /// The interface languages: Dutch first, English second.
    public enum Code: String, CaseIterable, Sendable, Codable { case nl, en }
}
