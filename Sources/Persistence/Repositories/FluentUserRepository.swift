import Domain
import Fluent
import Foundation

struct FluentUserRepository: UserRepository {
    let db: any Database
    let gate: WriteGate

    func find(id: UUID) async throws -> User? { try await credentials(id: id)?.user }

    func credentials(email: String) async throws -> Credentials? {
        guard let m = try await UserModel.query(on: db).filter(\.$email == Email.normalised(email)).first() else { return nil }
        return try await credentials(m)
    }

    func credentials(id: UUID) async throws -> Credentials? {
        guard let m = try await UserModel.find(id, on: db) else { return nil }
        return try await credentials(m)
    }

    func list(organisationIDs: Set<UUID>?) async throws -> [User] {
        var q = UserModel.query(on: db)
        if let ids = organisationIDs { q = q.filter(\.$organisationID ~~ Array(ids)) }
        let users = try await q.sort(\.$name).all()
        let roles = Dictionary(grouping: try await UserRoleModel.query(on: db).filter(\.$userID ~~ users.map { $0.id! }).all(), by: \.userID)
        return users.map { Self.user($0, roles: roles[$0.id!] ?? []) }
    }

    func count() async throws -> Int { try await UserModel.query(on: db).count() }

    func create(_ user: User, passwordHash: String, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            let m = UserModel()
            m.id = user.id; m.passwordHash = passwordHash; m.passwordChangedAt = audit.at
            Self.apply(user, to: m)
            try await mapConflicts("email") { try await m.create(on: conn) }
            for r in user.roles { try await UserRoleModel(userID: user.id, role: r.rawValue).create(on: conn) }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func update(_ user: User, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            guard let m = try await UserModel.find(user.id, on: conn) else { throw DomainError.notFound }
            Self.apply(user, to: m)
            try await mapConflicts("email") { try await m.save(on: conn) }
            try await UserRoleModel.query(on: conn).filter(\.$userID == user.id).delete()
            for r in user.roles { try await UserRoleModel(userID: user.id, role: r.rawValue).create(on: conn) }
            // A deactivated account loses its sessions at once.
            if !user.isActive { try await SessionModel.query(on: conn).filter(\.$userID == user.id).delete() }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func setPassword(userID: UUID, hash: String, keepSession: String?, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            guard let m = try await UserModel.find(userID, on: conn) else { throw DomainError.notFound }
            m.passwordHash = hash; m.passwordChangedAt = audit.at
            try await m.save(on: conn)
            var others = SessionModel.query(on: conn).filter(\.$userID == userID)
            if let keep = keepSession { others = others.filter(\.$id != keep) }
            try await others.delete()
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    private func credentials(_ m: UserModel) async throws -> Credentials {
        let roles = try await UserRoleModel.query(on: db).filter(\.$userID == m.id!).all()
        return Credentials(user: Self.user(m, roles: roles), passwordHash: m.passwordHash)
    }

    static func apply(_ u: User, to m: UserModel) {
        m.organisationID = u.organisationID; m.teamID = u.teamID; m.name = u.name
        m.email = Email.normalised(u.email); m.isActive = u.isActive; m.preferredLocale = u.preferredLocale?.rawValue
    }

    static func user(_ m: UserModel, roles: [UserRoleModel]) -> User {
        User(id: m.id!, organisationID: m.organisationID, teamID: m.teamID, name: m.name, email: m.email,
             roles: Set(roles.compactMap { Role(rawValue: $0.role) }), isActive: m.isActive,
             preferredLocale: m.preferredLocale.flatMap(Locale.Code.init(rawValue:)))
    }
}
