import Domain
import Fluent
import Foundation

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
    var domain: APIToken {
        APIToken(id: id!, userID: userID, name: name, tokenHash: tokenHash, createdAt: createdAt, expiresAt: expiresAt,
                 lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}

struct FluentAPITokenRepository: APITokenRepository {
    let db: any Database
    let gate: WriteGate

    func create(_ t: APIToken, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            let m = APITokenModel()
            m.id = t.id; m.userID = t.userID; m.name = t.name; m.tokenHash = t.tokenHash; m.createdAt = t.createdAt; m.expiresAt = t.expiresAt
            try await m.create(on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func find(hash: String) async throws -> APIToken? {
        try await APITokenModel.query(on: db).filter(\.$tokenHash == hash).first()?.domain
    }

    func list(userID: UUID) async throws -> [APIToken] {
        try await APITokenModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all().map(\.domain)
    }

    func touch(id: UUID, at: Date) async throws {
        try await gate.write(db) { conn in
            try await APITokenModel.query(on: conn).filter(\.$id == id).set(\.$lastUsedAt, to: at).update()
        }
    }

    func revoke(id: UUID, userID: UUID, at: Date, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            guard let m = try await APITokenModel.find(id, on: conn), m.userID == userID, m.revokedAt == nil else { throw DomainError.notFound }
            m.revokedAt = at
            try await m.save(on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }
}
