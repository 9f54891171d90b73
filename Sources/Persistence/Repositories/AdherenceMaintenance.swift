import Domain
import Fluent
import Foundation
import SQLKit

/// Keeps the monitor's adherence cells current. A client's (or a case's) norm items are stored with the
/// client (case) as owner; any change to the owner recomputes its items, and only the difference of their
/// cells under the current agreements is applied. A change to the agreements themselves rebuilds the
/// cells from the stored items — a query per chunk of items, no records read. A test holds the cells
/// against a recomputation from the records.
public enum AdherenceMaintenance {
    private struct ItemRow: Decodable {
        var item_id: String, kind: String, responsible: String, counterpart: String, wijk: String, route: String
        var start_ms: Int, end_ms: Int?, satisfied: Int?

        var item: NormItem? {
            guard let id = UUID(uuidString: item_id), let kind = NormKind(rawValue: kind), let responsible = UUID(uuidString: responsible) else { return nil }
            func date(_ ms: Int) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
            return NormItem(id: id, kind: kind, responsibleOrganisationID: responsible, counterpartOrganisationID: UUID(uuidString: counterpart),
                            start: date(start_ms), end: end_ms.map(date), satisfied: satisfied.map { $0 != 0 },
                            wijkID: UUID(uuidString: wijk), route: CareRoute(rawValue: route))
        }
    }

    static func milliseconds(_ d: Date) -> Int { Int((d.timeIntervalSince1970 * 1000).rounded()) }

    static func stored(owner: UUID, on sql: any SQLDatabase) async throws -> [NormItem] {
        try await sql.select().columns("item_id", "kind", "responsible", "counterpart", "wijk", "route", "start_ms", "end_ms", "satisfied")
            .from("monitor_norm_items").where("owner", .equal, owner.uuidString).all(decoding: ItemRow.self).compactMap(\.item)
    }

    /// Call in the write transaction of any change to the owner (a client, or a casuïstiektafel case),
    /// with the owner's items as they are now.
    static func refresh(owner: UUID, items: [NormItem], on conn: any Database) async throws {
        let sql = conn as! any SQLDatabase
        let old = try await stored(owner: owner, on: sql)
        guard Set(old) != Set(items) else { return }
        let agreements = try await FluentAgreements.all(on: conn)
        if !agreements.isEmpty {
            let orgs = Set((old + items).flatMap { [$0.responsibleOrganisationID] + ($0.counterpartOrganisationID.map { [$0] } ?? []) })
            let types = try await organisationTypes(Array(orgs), on: conn)
            try await apply(Adherence().delta(old: old, new: items, agreements: agreements, organisations: types), on: sql)
        }
        try await sql.delete(from: "monitor_norm_items").where("owner", .equal, owner.uuidString).run()
        try await insert(items, owner: owner, on: sql)
    }

    /// One writer of cells at a time, as for the summary: a rebuild waits for a refresh in flight (and
    /// the other way round) instead of mixing old and new agreements.
    static func lock(_ conn: any Database) async throws { try await CountTables.lockWriters(conn) }

    /// A casuïstiektafel case changed (submitted, answered, withdrawn).
    static func refreshCase(_ caseID: UUID, on conn: any Database) async throws {
        try await lock(conn)
        guard let c = try await TableCaseModel.find(caseID, on: conn)?.domain else {
            return try await refresh(owner: caseID, items: [], on: conn)
        }
        try await refresh(owner: caseID, items: try await caseItems(c, on: conn), on: conn)
    }

    /// A casuïstiektafel changed: its chair, and so who answers for its cases, may be someone else.
    static func refreshTable(_ tableID: UUID, on conn: any Database) async throws {
        try await lock(conn)
        for c in try await TableCaseModel.query(on: conn).filter(\.$tableID == tableID).all().map(\.domain) {
            try await refresh(owner: c.id, items: try await caseItems(c, on: conn), on: conn)
        }
    }

    static func caseItems(_ c: TableCase, on conn: any Database) async throws -> [NormItem] {
        guard let table = try await CaseTableModel.find(c.tableID, on: conn),
              let chair = try await UserModel.find(table.chairUserID, on: conn) else { return [] }
        return NormItems.caseAdvice(c, chairOrganisation: chair.organisationID).map { [$0] } ?? []
    }

    static func organisationTypes(_ ids: [UUID]?, on conn: any Database) async throws -> [UUID: OrganisationType] {
        var q = OrganisationModel.query(on: conn)
        if let ids { q = q.filter(\.$id ~~ ids) }
        return Dictionary(uniqueKeysWithValues: try await q.all().compactMap { o in OrganisationType(rawValue: o.type).map { (o.id!, $0) } })
    }

    static func insert(_ items: [NormItem], owner: UUID, on sql: any SQLDatabase) async throws {
        for chunk in items.chunked(400) {
            let insert = sql.insert(into: "monitor_norm_items")
                .columns("owner", "item_id", "kind", "responsible", "counterpart", "wijk", "route", "start_ms", "end_ms", "satisfied")
            for i in chunk {
                let row: [any SQLExpression] = [
                    SQLBind(owner.uuidString), SQLBind(i.id.uuidString), SQLBind(i.kind.rawValue), SQLBind(i.responsibleOrganisationID.uuidString),
                    SQLBind(i.counterpartOrganisationID?.uuidString ?? ""), SQLBind(i.wijkID?.uuidString ?? ""), SQLBind(i.route?.rawValue ?? ""),
                    SQLBind(milliseconds(i.start)), SQLBind(i.end.map(milliseconds)), SQLBind(i.satisfied.map { $0 ? 1 : 0 })]
                insert.values(row)
            }
            try await insert.run()
        }
    }

    /// Adds `delta` to the cells' counts and removes cells that drop to zero.
    static func apply(_ delta: [AdherenceCell: Int], on sql: any SQLDatabase) async throws {
        try await CountTables.add(delta.keys.sorted().map { c in
            ([SQLBind(c.wijk), SQLBind(c.organisation), SQLBind(c.route), SQLBind(c.month), SQLBind(c.agreementID), SQLBind(c.kind), SQLBind(c.value)], delta[c]!)
        }, into: "monitor_adherence", keyColumns: ["wijk", "organisation", "route", "month", "agreement_id", "kind", "value"], on: sql)
    }

    /// Recomputes every cell from the stored items under the agreements as they are now (after an
    /// agreement changed). Reads the items in chunks, so memory stays flat at any size.
    static func rebuildCells(on conn: any Database) async throws {
        try await lock(conn)
        let sql = conn as! any SQLDatabase
        try await sql.delete(from: "monitor_adherence").run()
        let agreements = try await FluentAgreements.all(on: conn)
        guard !agreements.isEmpty else { return }
        let types = try await organisationTypes(nil, on: conn)
        let adherence = Adherence()
        // One pass over the items, streamed: memory holds the cells, not the items.
        final class Accumulator: @unchecked Sendable {  // rows arrive one after another; the lock makes that explicit
            let lock = NSLock()
            var cells: [AdherenceCell: Int] = [:]
            var batch: [NormItem] = []
            let add: ([NormItem], inout [AdherenceCell: Int]) -> Void
            init(_ add: @escaping ([NormItem], inout [AdherenceCell: Int]) -> Void) { self.add = add }
            func take(_ item: NormItem) { lock.withLock { batch.append(item); if batch.count >= 10_000 { flushLocked() } } }
            func flush() { lock.withLock { flushLocked() } }
            private func flushLocked() { add(batch, &cells); batch.removeAll(keepingCapacity: true) }
        }
        let acc = Accumulator { items, cells in adherence.add(items, agreements: agreements, organisations: types, into: &cells) }
        try await sql.select().columns("item_id", "kind", "responsible", "counterpart", "wijk", "route", "start_ms", "end_ms", "satisfied")
            .from("monitor_norm_items")
            .run { row in if let item = (try? row.decode(model: ItemRow.self))?.item { acc.take(item) } }
        acc.flush()
        // The table was emptied above: plain inserts in key order.
        let cells = acc.cells
        for chunk in cells.keys.sorted().chunked(1000) {
            let insert = sql.insert(into: "monitor_adherence").columns("wijk", "organisation", "route", "month", "agreement_id", "kind", "value", "n")
            for c in chunk {
                insert.values([SQLBind(c.wijk), SQLBind(c.organisation), SQLBind(c.route), SQLBind(c.month), SQLBind(c.agreementID),
                               SQLBind(c.kind), SQLBind(c.value), SQLBind(cells[c]!)] as [any SQLExpression])
            }
            try await insert.run()
        }
    }

    /// Rebuilds the items of every client and case from the records, then the cells (after a bulk load).
    static func rebuild(clients: [UUID: [NormItem]], on conn: any Database) async throws {
        let sql = conn as! any SQLDatabase
        try await sql.delete(from: "monitor_norm_items").run()
        for (owner, items) in clients { try await insert(items, owner: owner, on: sql) }
        for c in try await TableCaseModel.query(on: conn).all().map(\.domain) {
            try await insert(try await caseItems(c, on: conn), owner: c.id, on: sql)
        }
        try await rebuildCells(on: conn)
    }

    // MARK: checks

    /// The cells as stored.
    public static func storedCells(on db: any Database) async throws -> [AdherenceCell: Int] {
        struct Row: Decodable { var wijk: String, organisation: String, route: String, month: String, agreement_id: String, kind: String, value: Int, n: Int }
        let rows = try await (db as! any SQLDatabase).select().columns("wijk", "organisation", "route", "month", "agreement_id", "kind", "value", "n")
            .from("monitor_adherence").all(decoding: Row.self)
        var out: [AdherenceCell: Int] = [:]
        for r in rows where r.n != 0 {
            out[AdherenceCell(agreementID: r.agreement_id, kind: r.kind, month: r.month, wijk: r.wijk, organisation: r.organisation,
                              route: r.route, value: r.value)] = r.n
        }
        return out
    }

    /// The cells recomputed from the records themselves (the agreements' own bulk reading), ignoring
    /// everything kept incrementally.
    public static func recomputedCells(on db: any Database) async throws -> [AdherenceCell: Int] {
        let items = try await FluentAgreements.items(from: .distantPast, to: .distantFuture, on: db)
        return Adherence().cells(items, agreements: try await FluentAgreements.all(on: db), organisations: try await organisationTypes(nil, on: db))
            .filter { $0.value != 0 }
    }
}
