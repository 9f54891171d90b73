import Foundation

/// One entry of the access log, with the fields NEN 7513 asks for: who (user, organisation, role),
/// which client, what action, when, from where, and on what basis. Entries are chained by hash so
/// that a removed or altered entry is detectable (`AuditChain`).
public struct AuditEvent: Sendable, Equatable {
    public var id: UUID
    public var at: Date
    public var userID: UUID?
    public var organisationID: UUID?
    /// The role the user acted in (the first care or admin role that permitted the action).
    public var role: Role?
    /// Set when the event concerns a client's data; the client's access list is read from this.
    public var clientID: UUID?
    public var action: AuditAction
    /// What kind of thing was touched ("user", "organisation", "aanmelding"…) and which one.
    public var objectType: String
    public var objectID: String?
    public var sourceAddress: String?
    /// The legal or organisational basis: care relationship, consent, break-the-glass (with reason),
    /// administration.
    public var basis: AuditBasis
    /// Free detail for people reviewing the log; never contains health data.
    public var detail: String

    public init(id: UUID = UUID(), at: Date, userID: UUID?, organisationID: UUID?, role: Role?,
                clientID: UUID? = nil, action: AuditAction, objectType: String, objectID: String?,
                sourceAddress: String?, basis: AuditBasis, detail: String = "") {
        self.id = id; self.at = at; self.userID = userID; self.organisationID = organisationID
        self.role = role; self.clientID = clientID; self.action = action; self.objectType = objectType
        self.objectID = objectID; self.sourceAddress = sourceAddress; self.basis = basis; self.detail = detail
    }

    /// The exact text that is hashed; changing it breaks verification of existing logs, so it is versioned.
    public func canonicalText(previousHash: String) -> String {
        let fields: [String] = [
            "v1", id.uuidString.lowercased(), String(Int64((at.timeIntervalSince1970 * 1000).rounded())),
            userID?.uuidString.lowercased() ?? "", organisationID?.uuidString.lowercased() ?? "",
            role?.rawValue ?? "", clientID?.uuidString.lowercased() ?? "", action.rawValue, objectType,
            objectID ?? "", sourceAddress ?? "", basis.rawValue, detail, previousHash,
        ]
        // Unit separators cannot appear in any field we write, so the join is unambiguous.
        return fields.map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
    }
}

public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case read, create, update, delete, export, print
    case login, loginFailed = "login_failed", logout, passwordChanged = "password_changed"
}

public enum AuditBasis: String, Sendable, Codable, CaseIterable {
    case careRelationship = "care_relationship"
    case consent
    case breakTheGlass = "break_the_glass"
    case administration
    case authentication
    /// A seat at a casuïstiektafel: reading pseudonymised cases brought to it.
    case tableMembership = "table_membership"
    /// The client themselves, through their one-time feedback link.
    case clientLink = "client_link"
}
