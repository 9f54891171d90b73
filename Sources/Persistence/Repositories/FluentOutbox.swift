import Domain
import Fluent
import Foundation
import SQLKit

/// The outbox in the database. Messages are added inside the transaction of the change they report
/// (`enqueue(_:on:)`), claimed with a lease by a delivery run, and marked sent or failed after.
struct FluentOutbox: Outbox {
    let db: any Database
    let gate: WriteGate

    static func enqueue(_ message: OutboxMessage, on conn: any Database) async throws {
        try await OutboxMessageModel(message).create(on: conn)
    }

    func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        try await gate.write(db) { conn in
            let candidates = try await OutboxMessageModel.query(on: conn)
                .group(.or) { or in
                    or.group(.and) { $0.filter(\.$status == OutboxStatus.waiting.rawValue).filter(\.$nextAttemptAt <= now) }
                    or.group(.and) { $0.filter(\.$status == OutboxStatus.sending.rawValue).filter(\.$leaseUntil < now) }
                }
                .sort(\.$nextAttemptAt).limit(limit).all()
            var claimed: [OutboxMessage] = []
            let sql = conn as! any SQLDatabase
            for c in candidates {
                // Conditional update: on PostgreSQL a concurrent run that claimed the row first makes this
                // match nothing (READ COMMITTED re-checks the condition after the other commits).
                let rows = try await sql.update("outbox_messages")
                    .set("status", to: SQLBind(OutboxStatus.sending.rawValue))
                    .set("lease_until", to: SQLBind(leaseUntil))
                    .set("attempts", to: SQLBind(c.attempts + 1))
                    .where("id", .equal, SQLBind(c.id!))
                    .where("attempts", .equal, SQLBind(c.attempts)).where("status", .equal, SQLBind(c.status))
                    .returning("id").all()
                guard !rows.isEmpty else { continue }
                var m = c.domain
                m.status = .sending; m.leaseUntil = leaseUntil; m.attempts = c.attempts + 1
                claimed.append(m)
            }
            return claimed
        }
    }

    func markSent(_ id: UUID, at: Date) async throws {
        try await gate.write(db) { conn in
            try await (conn as! any SQLDatabase).update("outbox_messages")
                .set("status", to: SQLBind(OutboxStatus.sent.rawValue)).set("sent_at", to: SQLBind(at))
                .set("parameters", to: SQLLiteral.null).set("lease_until", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(OutboxStatus.sending.rawValue)).run()
        }
    }

    func markFailed(_ id: UUID, error: MailDeliveryError, at: Date, policy: RetryPolicy) async throws {
        try await gate.write(db) { conn in
            guard let m = try await OutboxMessageModel.find(id, on: conn), m.status == OutboxStatus.sending.rawValue else { return }
            m.lastError = OutboxMessage.redacted(error.reason); m.leaseUntil = nil
            if case .transient = error, let next = policy.nextAttempt(afterFailures: m.attempts, at: at) {
                m.status = OutboxStatus.waiting.rawValue; m.nextAttemptAt = next
            } else {
                m.status = OutboxStatus.failed.rawValue
            }
            try await m.save(on: conn)
        }
    }

    func counts() async throws -> OutboxCounts {
        let rows = try await (db as! any SQLDatabase).select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("outbox_messages").groupBy("status").all()
        var c = OutboxCounts()
        for r in rows {
            let n = try r.decode(column: "n", as: Int.self)
            switch OutboxStatus(rawValue: try r.decode(column: "status", as: String.self)) {
            case .waiting: c.waiting = n
            case .sending: c.sending = n
            case .sent: c.sent = n
            case .failed: c.failed = n
            case nil: break
            }
        }
        return c
    }

    func list(status: OutboxStatus?, limit: Int) async throws -> [OutboxMessage] {
        var q = OutboxMessageModel.query(on: db)
        if let status { q = q.filter(\.$status == status.rawValue) }
        return try await q.sort(\.$createdAt, .descending).limit(limit).all().map(\.domain)
    }

    func retry(_ id: UUID, at: Date, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            guard let m = try await OutboxMessageModel.find(id, on: conn), m.status == OutboxStatus.failed.rawValue else { throw DomainError.notFound }
            m.status = OutboxStatus.waiting.rawValue; m.nextAttemptAt = at; m.attempts = 0
            try await m.save(on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func enqueueTest(to recipient: String, at: Date, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            try await Self.enqueue(OutboxMessage(kind: .test, recipient: recipient, parameters: [:], createdAt: at), on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }
}
