import Domain
import Fluent
import Foundation
import SQLKit

/// The dashboard's reads: fixed-slice lookups in `monitor_summary` (one index range each, so they stay
/// fast at national scale) and sums over the baseline. Nothing here returns a person.
struct FluentDashboard: DashboardRepository {
    let db: any Database
    let gate: WriteGate

    private var sql: any SQLDatabase { db as! any SQLDatabase }

    // PostgreSQL's SUM over BIGINT is NUMERIC: every sum is cast back so both databases decode an Int.
    private struct Cell: Decodable { var measure: String, month: String, value: Int, n: Int }

    func histograms(_ measures: [Measure], slice: Slice, from: YearMonth, to: YearMonth) async throws -> Histograms {
        guard !measures.isEmpty else { return Histograms() }
        let rows = try await sql.select().columns("measure", "month", "value", "n").from("monitor_summary")
            .where("measure", .in, measures.map(\.rawValue))
            .where("wijk", .equal, slice.wijkID?.uuidString ?? SummaryCell.all)
            .where("organisation", .equal, slice.organisationID?.uuidString ?? SummaryCell.all)
            .where("route", .equal, slice.route?.rawValue ?? SummaryCell.all)
            .where("month", .greaterThanOrEqual, from.key).where("month", .lessThanOrEqual, to.key)
            .where("n", .notEqual, 0)
            .all(decoding: Cell.self)
        var out: [Measure: [YearMonth: [Int: Int]]] = [:]
        for r in rows {
            guard let m = Measure(rawValue: r.measure), let month = YearMonth(key: r.month) else { continue }
            out[m, default: [:]][month, default: [:]][r.value, default: 0] += r.n
        }
        return Histograms(out)
    }

    func routeCounts(slice: Slice, from: YearMonth, to: YearMonth) async throws -> [YearMonth: [CareRoute: Int]] {
        struct Row: Decodable { var route: String, month: String, n: Int }
        var q = sql.select().column("route").column("month").column(SQLRaw("CAST(SUM(n) AS BIGINT)"), as: "n")
            .from("monitor_summary")
            .where("measure", .equal, Measure.planOutsideGGZ.rawValue)
            .where("wijk", .equal, slice.wijkID?.uuidString ?? SummaryCell.all)
            .where("organisation", .equal, slice.organisationID?.uuidString ?? SummaryCell.all)
            .where("month", .greaterThanOrEqual, from.key).where("month", .lessThanOrEqual, to.key)
        q = slice.route.map { q.where("route", .equal, $0.rawValue) } ?? q.where("route", .notEqual, SummaryCell.all)
        var out: [YearMonth: [CareRoute: Int]] = [:]
        for r in try await q.groupBy("route").groupBy("month").all(decoding: Row.self) {
            guard let route = CareRoute(rawValue: r.route), let m = YearMonth(key: r.month), r.n != 0 else { continue }
            out[m, default: [:]][route] = r.n
        }
        return out
    }

    func baseline(organisationID: UUID?, from: YearMonth, to: YearMonth) async throws -> [YearMonth: BaselineTotals] {
        struct Row: Decodable { var month: String, practices: Int, patients: Int, basic: Int, specialised: Int }
        var q = sql.select().column("month")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "practices")
            .column(SQLRaw("CAST(SUM(registered_patients) AS BIGINT)"), as: "patients")
            .column(SQLRaw("CAST(SUM(referrals_basic) AS BIGINT)"), as: "basic")
            .column(SQLRaw("CAST(SUM(referrals_specialised) AS BIGINT)"), as: "specialised")
            .from("baseline_practice_months")
            .where("month", .greaterThanOrEqual, from.key).where("month", .lessThanOrEqual, to.key)
        if let organisationID { q = q.where("organisation_id", .equal, SQLBind(organisationID)) }
        var out: [YearMonth: BaselineTotals] = [:]
        for r in try await q.groupBy("month").all(decoding: Row.self) {
            guard let m = YearMonth(key: r.month) else { continue }
            out[m] = BaselineTotals(practices: r.practices, registeredPatients: r.patients, referralsBasic: r.basic, referralsSpecialised: r.specialised)
        }
        return out
    }

    func importBaseline(_ rows: [BaselineMonth], by: UUID, at: Date, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            let sql = conn as! any SQLDatabase
            for r in rows {
                // Replace: the latest file for a practice-month is the truth.
                try await sql.delete(from: "baseline_practice_months")
                    .where("organisation_id", .equal, SQLBind(r.organisationID)).where("month", .equal, r.month.key).run()
                try await sql.insert(into: "baseline_practice_months")
                    .columns("id", "organisation_id", "month", "registered_patients", "referrals_basic", "referrals_specialised", "imported_at", "imported_by")
                    .values(SQLBind(UUID()), SQLBind(r.organisationID), SQLBind(r.month.key), SQLBind(r.registeredPatients),
                            SQLBind(r.referralsBasic), SQLBind(r.referralsSpecialised), SQLBind(at), SQLBind(by))
                    .run()
            }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func firstMonth() async throws -> YearMonth? {
        struct Row: Decodable { var m: String? }
        let a = try await sql.select().column(SQLFunction("MIN", args: SQLColumn("month")), as: "m").from("monitor_summary")
            .first(decoding: Row.self)?.m
        let b = try await sql.select().column(SQLFunction("MIN", args: SQLColumn("month")), as: "m").from("baseline_practice_months")
            .first(decoding: Row.self)?.m
        return [a, b].compactMap { $0.flatMap(YearMonth.init(key:)) }.min()
    }

    func rebuild(now: Date) async throws { try await MonitorMaintenance.rebuild(on: db, gate: gate, now: now) }
    func settle(now: Date) async throws -> Int { try await MonitorMaintenance.settle(on: db, gate: gate, now: now) }
}
