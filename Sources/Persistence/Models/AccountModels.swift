import Fluent
import Foundation

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?
    @Field(key: "name") var name: String
    /// Stored normalised (lower case, trimmed); unique.
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "preferred_locale") var preferredLocale: String?
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
}

final class UserRoleModel: Model, @unchecked Sendable {
    static let schema = "user_roles"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    init() {}
    init(userID: UUID, role: String) { self.userID = userID; self.role = role }
}

final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"
    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "source_address") var sourceAddress: String?
    @OptionalField(key: "user_agent") var userAgent: String?
    init() {}
}

final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"
    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "source_address") var sourceAddress: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date
    init() {}
}

/// The NEN 7513 access log. Append-only; `hash` chains each entry to the one before.
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var sequence: Int64
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "role") var role: String?
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @OptionalField(key: "object_id") var objectID: String?
    @OptionalField(key: "source_address") var sourceAddress: String?
    @Field(key: "basis") var basis: String
    @Field(key: "detail") var detail: String
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    init() {}
}

/// One row (id = 1) holding the chain's head, locked while an entry is appended so that
/// concurrent writers on PostgreSQL cannot fork the chain.
final class AuditHeadModel: Model, @unchecked Sendable {
    static let schema = "audit_head"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var sequence: Int64
    @Field(key: "hash") var hash: String
    init() {}
}
