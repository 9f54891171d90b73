import Crypto
import Domain
import Fluent
import Foundation
import SQLKit

/// Appends to and reads the hash-chained access log.
struct FluentAuditLog: AuditLog {
    let db: any Database
    let gate: WriteGate

    static let chain = AuditChain { text in
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func append(_ event: AuditEvent) async throws {
        try await gate.write(db) { conn in try await Self.append(event, on: conn) }
    }

    /// Appends inside the caller's transaction, so a change and its audit entry are stored together or not at all.
    static func append(_ event: AuditEvent, on db: any Database) async throws {
        // Every change of client data passes here, after the change and in its transaction: the one
        // place that keeps the dashboard's summary current.
        if let clientID = event.clientID, [.create, .update, .delete].contains(event.action) {
            try await MonitorMaintenance.refresh(clientID, on: db, at: event.at)
        }
        // Casuïstiektafel cases carry no client id here; their adherence item is kept by case (and by table: its chair answers).
        if [.create, .update].contains(event.action), let id = event.objectID.flatMap(UUID.init(uuidString:)) {
            if event.objectType == "table_case" { try await AdherenceMaintenance.refreshCase(id, on: db) }
            if event.objectType == "case_table" { try await AdherenceMaintenance.refreshTable(id, on: db) }
        }
        let sql = db as! any SQLDatabase
        // PostgreSQL: lock the head row so two writers cannot both extend the same entry.
        // SQLite: the write gate's BEGIN IMMEDIATE already serialises writers.
        let query: SQLQueryString = WriteGate.isSQLite(db)
            ? "SELECT seq, hash FROM audit_head WHERE id = 1"
            : "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
        guard let head = try await sql.raw(query).first() else {
            throw AuditLogError.missingHead
        }
        let previousSeq = try head.decode(column: "seq", as: Int64.self)
        let previousHash = try head.decode(column: "hash", as: String.self)
        var e = event
        // Whole milliseconds: the canonical text uses them, and both databases store them exactly.
        e.at = Date(timeIntervalSince1970: (e.at.timeIntervalSince1970 * 1000).rounded() / 1000)
        let hash = chain.hashFor(e, previousHash: previousHash)
        let model = AuditEventModel()
        model.id = e.id; model.sequence = previousSeq + 1; model.at = e.at; model.userID = e.userID
        model.organisationID = e.organisationID; model.role = e.role?.rawValue; model.clientID = e.clientID
        model.action = e.action.rawValue; model.objectType = e.objectType; model.objectID = e.objectID
        model.sourceAddress = e.sourceAddress; model.basis = e.basis.rawValue; model.detail = e.detail
        model.previousHash = previousHash; model.hash = hash
        try await model.create(on: db)
        try await sql.update("audit_head").set("seq", to: SQLBind(previousSeq + 1)).set("hash", to: SQLBind(hash))
            .where("id", .equal, SQLBind(1)).run()
    }

    func entries(clientID: UUID) async throws -> [AuditEvent] {
        try await AuditEventModel.query(on: db).filter(\.$clientID == clientID).sort(\.$sequence).all().map(Self.event)
    }

    func recent(limit: Int) async throws -> [AuditEvent] {
        try await AuditEventModel.query(on: db).sort(\.$sequence, .descending).limit(limit).all().map(Self.event)
    }

    func verify() async throws -> AuditChain.Finding {
        // Read in pages so a long log does not sit in memory at once.
        var previous = AuditChain.genesis
        var verified = 0
        var after: Int64 = 0
        while true {
            let page = try await AuditEventModel.query(on: db).filter(\.$sequence > after).sort(\.$sequence).limit(2000).all()
            if page.isEmpty { break }
            let entries = page.map {
                AuditChain.StoredEntry(sequence: $0.sequence, event: Self.event($0), previousHash: $0.previousHash, hash: $0.hash)
            }
            switch Self.chain.verify(entries, after: previous, sequence: after) {
            case .broken(let seq, let reason): return .broken(atSequence: seq, reason: reason)
            case .intact(let n): verified += n
            }
            previous = entries.last!.hash
            after = entries.last!.sequence
        }
        // The head must point at the last entry; otherwise entries were cut off the end.
        let sql = db as! any SQLDatabase
        if let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() {
            let seq = try head.decode(column: "seq", as: Int64.self)
            let hash = try head.decode(column: "hash", as: String.self)
            if seq != after || hash != previous { return .broken(atSequence: after, reason: "entries missing at the end of the log") }
        }
        return .intact(entries: verified)
    }

    static func event(_ m: AuditEventModel) -> AuditEvent {
        AuditEvent(id: m.id!, at: m.at, userID: m.userID, organisationID: m.organisationID,
                   role: m.role.flatMap(Role.init(rawValue:)), clientID: m.clientID,
                   action: AuditAction(rawValue: m.action) ?? .read, objectType: m.objectType, objectID: m.objectID,
                   sourceAddress: m.sourceAddress, basis: AuditBasis(rawValue: m.basis) ?? .administration, detail: m.detail)
    }
}

enum AuditLogError: Error { case missingHead }
