import Domain
import Fluent
import Foundation
import SQLKit

/// Keeps `monitor_summary` current: every change to a client's data recomputes that client's
/// contributions in the same transaction and applies only the difference to the summary. A full
/// recomputation (`recompute`) must give the same table; a test holds the two against each other.
public enum MonitorMaintenance {
    static func today(_ at: Date) -> Int { DayNumber.of(at, calendar: WorkingDays().calendar) }

    /// Call inside the write transaction of any change to the client's record, `at` the moment of the change.
    static func refresh(_ clientID: UUID, on conn: any Database, at: Date) async throws {
        let sql = conn as! any SQLDatabase
        try await CountTables.lockWriters(conn)
        let old = try await stored(clientID, on: sql)
        let loaded = try await load(clientID, on: conn, today: today(at))
        try await AdherenceMaintenance.refresh(owner: clientID, items: loaded.map { $0.input.normItems($0.context) } ?? [], on: conn)
        let new = loaded.map { $0.input.contributions($0.context) } ?? []
        // Distinct contributions fill distinct cells, so no change in cells means no change at all.
        let delta = SummaryDelta.between(old: old, new: new)
        guard !delta.isEmpty else { return }
        try await sql.delete(from: "monitor_contributions").where("client_id", .equal, clientID.uuidString).run()
        try await insert(new, clientID: clientID, on: sql)
        try await apply(delta, on: sql)
    }

    static func contributions(of clientID: UUID, on conn: any Database, today: Int?) async throws -> [MonitorContribution] {
        guard let (input, context) = try await load(clientID, on: conn, today: today) else { return [] }
        return input.contributions(context)
    }

    /// Everything the figures need about one client, loaded on the given connection.
    static func load(_ clientID: UUID, on conn: any Database, today: Int?) async throws -> (input: MonitorInput, context: MonitorContext)? {
        guard let client = try await ClientModel.find(clientID, on: conn) else { return nil }
        let appointments = try await VGAppointmentModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
        let handovers = try await HandoverModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
        let invitations = try await FeedbackInvitationModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
        var answers: [UUID: [QuestionnaireAnswer]] = [:]
        let answered = invitations.filter { $0.answeredAt != nil }.map(\.id)
        if !answered.isEmpty {
            for a in try await FeedbackAnswerModel.query(on: conn).filter(\.$invitationID ~~ answered).all() {
                answers[a.invitationID, default: []].append(a.domain)
            }
        }
        let input = MonitorInput(
            clientID: clientID, wijkID: client.wijkID,
            aanmeldingen: try await AanmeldingModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain),
            appointments: appointments, conversations: try await FluentClientRecords.conversations(clientID, on: conn),
            plans: try await FluentClientRecords.plans(clientID, on: conn), handovers: handovers, invitations: invitations, answers: answers)
        let userIDs = Set(appointments.filter { $0.heldAt != nil }.flatMap { [$0.ggzUserID, $0.sociaalDomeinUserID] })
        var userOrganisations: [UUID: UUID] = [:]
        if !userIDs.isEmpty {
            for u in try await UserModel.query(on: conn).filter(\.$id ~~ Array(userIDs)).all() { userOrganisations[u.id!] = u.organisationID }
        }
        var ggzProfessionals: Set<UUID> = []
        if !userIDs.isEmpty {
            for r in try await UserRoleModel.query(on: conn).filter(\.$userID ~~ Array(userIDs))
                .filter(\.$role ~~ [Role.pohGGZ.rawValue, Role.ggzBehandelaar.rawValue]).all() { ggzProfessionals.insert(r.userID) }
        }
        var types: [UUID: OrganisationType] = [:]
        // The duo's organisations, and the handovers' receivers (a closing report is asked of GGZ providers).
        let typed = Set(userOrganisations.values).union(handovers.map(\.toOrganisationID))
        if !typed.isEmpty {
            for o in try await OrganisationModel.query(on: conn).filter(\.$id ~~ Array(typed)).all() {
                types[o.id!] = OrganisationType(rawValue: o.type)
            }
        }
        var echelons: [UUID: Echelon] = [:]
        let teamIDs = Set(handovers.compactMap(\.toTeamID))
        if !teamIDs.isEmpty {
            for t in try await TeamModel.query(on: conn).filter(\.$id ~~ Array(teamIDs)).all() { echelons[t.id!] = Echelon(rawValue: t.echelon) }
        }
        return (input, MonitorContext(organisationTypes: types, userOrganisations: userOrganisations, teamEchelons: echelons,
                                      ggzProfessionals: ggzProfessionals, today: today))
    }

    private struct Row: Decodable {
        var measure: String, month: String, wijk: String, organisations: String, route: String, value: Int
    }

    static func stored(_ clientID: UUID, on sql: any SQLDatabase) async throws -> [MonitorContribution] {
        try await sql.select().columns("measure", "month", "wijk", "organisations", "route", "value").from("monitor_contributions")
            .where("client_id", .equal, clientID.uuidString).all(decoding: Row.self).compactMap { r in
                guard let m = Measure(rawValue: r.measure), let month = YearMonth(key: r.month) else { return nil }
                return MonitorContribution(m, month, wijkID: UUID(uuidString: r.wijk),
                                           organisations: Set(r.organisations.split(separator: ",").compactMap { UUID(uuidString: String($0)) }),
                                           route: CareRoute(rawValue: r.route), value: r.value)
            }
    }

    static func insert(_ rows: [MonitorContribution], clientID: UUID, on sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(500) {
            let insert = sql.insert(into: "monitor_contributions")
                .columns("client_id", "measure", "month", "wijk", "organisations", "route", "value")
            for c in chunk {
                let row: [any SQLExpression] = [
                    SQLBind(clientID.uuidString), SQLBind(c.measure.rawValue), SQLBind(c.month.key), SQLBind(c.wijkID?.uuidString ?? ""),
                    SQLBind(c.organisations.map(\.uuidString).sorted().joined(separator: ",")), SQLBind(c.route?.rawValue ?? ""), SQLBind(c.value)]
                insert.values(row)
            }
            try await insert.run()
        }
    }

    /// Adds `delta` to the summary's counts and removes cells that drop to zero.
    static func apply(_ delta: [SummaryCell: Int], on sql: any SQLDatabase) async throws {
        try await CountTables.add(delta.keys.sorted().map { c in
            ([SQLBind(c.measure), SQLBind(c.wijk), SQLBind(c.organisation), SQLBind(c.route), SQLBind(c.month), SQLBind(c.value)], delta[c]!)
        }, into: "monitor_summary", keyColumns: ["measure", "wijk", "organisation", "route", "month", "value"], on: sql)
    }

    // MARK: full recomputation

    /// The summary as stored, read as on the day of `now` (closed windows as decided).
    public static func storedSummary(on db: any Database, now: Date) async throws -> [SummaryCell: Int] {
        struct Cell: Decodable { var measure: String, wijk: String, organisation: String, route: String, month: String, value: Int, n: Int }
        let rows = try await (db as! any SQLDatabase).select().columns("measure", "wijk", "organisation", "route", "month", "value", "n")
            .from("monitor_summary").all(decoding: Cell.self)
        var out: [SummaryCell: Int] = [:]
        for r in rows where r.n != 0 {
            out[SummaryCell(measure: r.measure, month: r.month, wijk: r.wijk, organisation: r.organisation, route: r.route, value: r.value)] = r.n
        }
        return SummaryDelta.settled(out, today: today(now))
    }

    /// The summary recomputed from the records themselves on the day of `now`, ignoring everything kept incrementally.
    public static func recomputedSummary(on db: any Database, now: Date) async throws -> [SummaryCell: Int] {
        var all: [MonitorContribution] = []
        for id in try await ClientModel.query(on: db).all(\.$id) { all += try await contributions(of: id, on: db, today: today(now)) }
        return SummaryDelta.settled(SummaryDelta.total(all), today: today(now))
    }

    /// Refreshes every client with a window that closed since it was last stored, so the summary keeps
    /// one "decided" cell instead of a cell per day. Figures are the same before and after; this only
    /// keeps the table small. Returns how many clients were refreshed.
    public static func settle(on db: any Database, gate: WriteGate, now: Date) async throws -> Int {
        struct Row: Decodable { var client_id: String }
        let day = today(now)
        let ids = try await (db as! any SQLDatabase).select().distinct().column("client_id").from("monitor_contributions")
            .where("measure", .in, Measure.allCases.filter(\.settles).map(\.rawValue))
            .where("value", .greaterThan, 0).where("value", .lessThan, day)
            .all(decoding: Row.self).compactMap { UUID(uuidString: $0.client_id) }
        for id in ids { try await gate.write(db) { conn in try await refresh(id, on: conn, at: now) } }
        return ids.count
    }

    /// Rebuilds both tables from the records: after a bulk load (the demo seed) or to repair.
    public static func rebuild(on db: any Database, gate: WriteGate, now: Date) async throws {
        let ids = try await ClientModel.query(on: db).all(\.$id)
        try await gate.write(db) { conn in
            let sql = conn as! any SQLDatabase
            try await sql.delete(from: "monitor_contributions").run()
            try await sql.delete(from: "monitor_summary").run()
            var total: [MonitorContribution] = []
            var items: [UUID: [NormItem]] = [:]
            for id in ids {
                guard let (input, context) = try await load(id, on: conn, today: today(now)) else { continue }
                let c = input.contributions(context)
                try await insert(c, clientID: id, on: sql)
                total += c
                items[id] = input.normItems(context)
            }
            try await apply(SummaryDelta.total(total), on: sql)
            try await AdherenceMaintenance.rebuild(clients: items, on: conn)
        }
    }
}

extension Array {
    /// Slices of at most `size` elements: multi-row inserts stay under the databases' bind limits.
    public func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
