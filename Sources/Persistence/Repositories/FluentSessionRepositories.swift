import Domain
import Fluent
import Foundation
import SQLKit

struct FluentSessionRepository: SessionRepository {
    let db: any Database
    let gate: WriteGate

    func create(_ s: LoginSession) async throws {
        let m = SessionModel()
        m.id = s.tokenHash; m.userID = s.userID; m.csrfToken = s.csrfToken; m.createdAt = s.createdAt
        m.lastSeenAt = s.lastSeenAt; m.expiresAt = s.expiresAt; m.sourceAddress = s.sourceAddress; m.userAgent = s.userAgent
        try await gate.write(db) { conn in try await m.create(on: conn) }
    }

    func find(tokenHash: String) async throws -> LoginSession? {
        guard let m = try await SessionModel.find(tokenHash, on: db) else { return nil }
        return LoginSession(tokenHash: m.id!, userID: m.userID, csrfToken: m.csrfToken, createdAt: m.createdAt,
                       lastSeenAt: m.lastSeenAt, expiresAt: m.expiresAt, sourceAddress: m.sourceAddress, userAgent: m.userAgent)
    }

    func touch(tokenHash: String, lastSeenAt: Date) async throws {
        try await gate.write(db) { conn in
            try await (conn as! any SQLDatabase).update("sessions").set("last_seen_at", to: SQLBind(lastSeenAt))
                .where("token_hash", .equal, SQLBind(tokenHash)).run()
        }
    }

    func delete(tokenHash: String) async throws {
        try await gate.write(db) { conn in try await SessionModel.query(on: conn).filter(\.$id == tokenHash).delete() }
    }

    func deleteExpired(before date: Date) async throws -> Int {
        try await gate.write(db) { conn in
            let n = try await SessionModel.query(on: conn).filter(\.$expiresAt < date).count()
            try await SessionModel.query(on: conn).filter(\.$expiresAt < date).delete()
            // Login attempts only matter inside the throttle window; a day is plenty.
            try await LoginAttemptModel.query(on: conn).filter(\.$at < date.addingTimeInterval(-24 * 3600)).delete()
            return n
        }
    }
}

struct FluentLoginAttemptRepository: LoginAttemptRepository {
    let db: any Database
    let gate: WriteGate

    func record(email: String, sourceAddress: String, succeeded: Bool, at: Date) async throws {
        let m = LoginAttemptModel()
        m.email = Email.normalised(email); m.sourceAddress = sourceAddress; m.succeeded = succeeded; m.at = at
        try await gate.write(db) { conn in try await m.create(on: conn) }
    }

    func failures(email: String, since: Date) async throws -> [Date] {
        try await LoginAttemptModel.query(on: db).filter(\.$email == Email.normalised(email))
            .filter(\.$succeeded == false).filter(\.$at >= since).sort(\.$at).all().map(\.at)
    }

    func failures(sourceAddress: String, since: Date) async throws -> [Date] {
        try await LoginAttemptModel.query(on: db).filter(\.$sourceAddress == sourceAddress)
            .filter(\.$succeeded == false).filter(\.$at >= since).sort(\.$at).all().map(\.at)
    }
}

struct SQLHealthCheck: HealthCheck {
    let db: any Database
    func ping() async throws { _ = try await (db as! any SQLDatabase).raw("SELECT 1 AS ok").first() }
}

extension Repositories {
    /// The live repositories on a database handle (a request's or the application's). All repositories
    /// of one application share its `WriteGate`.
    public static func live(on db: any Database, gate: WriteGate) -> Repositories {
        Repositories(region: FluentRegionRepository(db: db, gate: gate), organisations: FluentOrganisationRepository(db: db, gate: gate),
                     users: FluentUserRepository(db: db, gate: gate), sessions: FluentSessionRepository(db: db, gate: gate),
                     loginAttempts: FluentLoginAttemptRepository(db: db, gate: gate), audit: FluentAuditLog(db: db, gate: gate),
                     health: SQLHealthCheck(db: db), clients: FluentClientRecords(db: db, gate: gate),
                     planning: FluentPlanningRepository(db: db, gate: gate),
                     plans: FluentClientRecords(db: db, gate: gate), handovers: FluentClientRecords(db: db, gate: gate),
                     apiTokens: FluentAPITokenRepository(db: db, gate: gate), socialMap: FluentSocialMap(db: db, gate: gate),
                     cases: FluentCaseConsultations(db: db, gate: gate), outbox: FluentOutbox(db: db, gate: gate),
                     feedback: FluentFeedback(db: db, gate: gate), pulse: FluentPulse(db: db, gate: gate),
                     agreements: FluentAgreements(db: db, gate: gate), dashboard: FluentDashboard(db: db, gate: gate))
    }
}
