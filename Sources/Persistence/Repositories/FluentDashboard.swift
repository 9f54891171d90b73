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

    // MARK: side sources — sums per group, straight from their own tables

    private struct RoundRow: Decodable { var id: UUID, label: String, period_start: String, invited: Int }

    /// Rounds closed by `closedBy` whose period starts in the months: a running round's total would give away a late answer.
    private func closedRounds(from: YearMonth, to: YearMonth, closedBy: Date) async throws -> [RoundRow] {
        try await sql.select().columns("id", "label", "period_start", "invited").from("pulse_rounds")
            .where("closes_at", .lessThanOrEqual, SQLBind(closedBy))
            .where("period_start", .greaterThanOrEqual, from.first.iso).where("period_start", .lessThan, to.next.first.iso)
            .all(decoding: RoundRow.self)
    }

    func pulseRounds(from: YearMonth, to: YearMonth, closedBy: Date) async throws -> [PulseRoundSums] {
        let rounds = try await closedRounds(from: from, to: to, closedBy: closedBy)
        guard !rounds.isEmpty else { return [] }
        struct Answered: Decodable { var round_id: UUID, n: Int }
        let answered = try await sql.select().column("round_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("pulse_participation").where("round_id", .in, rounds.map(\.id)).groupBy("round_id")
            .all(decoding: Answered.self)
        struct Row: Decodable {
            var round_id: UUID, organisation_id: UUID, n: Int, engagement: Int, engagement_squares: Int, right_place: Int, right_place_squares: Int
            var promoters: Int, detractors: Int
        }
        let e = "(vitality + dedication + absorption)"
        let rows = try await sql.select().column("round_id").column("organisation_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLRaw("CAST(SUM\(e) AS BIGINT)"), as: "engagement")
            .column(SQLRaw("CAST(SUM(\(e) * \(e)) AS BIGINT)"), as: "engagement_squares")
            .column(SQLRaw("CAST(SUM(right_place) AS BIGINT)"), as: "right_place")
            .column(SQLRaw("CAST(SUM(right_place * right_place) AS BIGINT)"), as: "right_place_squares")
            .column(SQLRaw("CAST(SUM(CASE WHEN recommend >= 9 THEN 1 ELSE 0 END) AS BIGINT)"), as: "promoters")
            .column(SQLRaw("CAST(SUM(CASE WHEN recommend <= 6 THEN 1 ELSE 0 END) AS BIGINT)"), as: "detractors")
            .from("pulse_answers").where("round_id", .in, rounds.map(\.id))
            .groupBy("round_id").groupBy("organisation_id")
            .all(decoding: Row.self)
        var sums: [UUID: [UUID: PulseSums]] = [:]
        for r in rows {
            var s = PulseSums()
            s.count = r.n; s.engagement = r.engagement; s.engagementSquares = r.engagement_squares; s.rightPlace = r.right_place
            s.rightPlaceSquares = r.right_place_squares; s.promoters = r.promoters; s.detractors = r.detractors
            sums[r.round_id, default: [:]][r.organisation_id] = s
        }
        let counts = Dictionary(answered.map { ($0.round_id, $0.n) }, uniquingKeysWith: +)
        return rounds.compactMap { r in
            guard let start = DateOnly(r.period_start) else { return nil }
            return PulseRoundSums(roundID: r.id, label: r.label, month: YearMonth(start), invited: r.invited, answered: counts[r.id] ?? 0,
                                  byOrganisation: sums[r.id] ?? [:])
        }
    }

    func partnerRatings(from: YearMonth, to: YearMonth, closedBy: Date) async throws -> [PartnerRatingRound] {
        let rounds = try await closedRounds(from: from, to: to, closedBy: closedBy)
        guard !rounds.isEmpty else { return [] }
        struct Row: Decodable { var round_id: UUID, partner_organisation_id: UUID, n: Int, total: Int, squares: Int }
        let rows = try await sql.select().column("round_id").column("partner_organisation_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLRaw("CAST(SUM(score) AS BIGINT)"), as: "total")
            .column(SQLRaw("CAST(SUM(score * score) AS BIGINT)"), as: "squares")
            .from("pulse_partner_ratings").where("round_id", .in, rounds.map(\.id))
            .groupBy("round_id").groupBy("partner_organisation_id")
            .all(decoding: Row.self)
        var sums: [UUID: [UUID: ScoreSums]] = [:]
        for r in rows { sums[r.round_id, default: [:]][r.partner_organisation_id] = ScoreSums(count: r.n, sum: r.total, squares: r.squares) }
        return rounds.compactMap { r in
            guard let start = DateOnly(r.period_start) else { return nil }
            return PartnerRatingRound(roundID: r.id, label: r.label, month: YearMonth(start), byPartner: sums[r.id] ?? [:])
        }
    }

    func caseTableCounts(slice: Slice, from: YearMonth, to: YearMonth) async throws -> CaseTableCounts {
        let calendar = WorkingDays().calendar
        let months = from.through(to)
        // Month boundaries in Amsterdam, as binds: the same comparison on both databases, whatever their time zone support.
        let bounds = (months + [to.adding(months: 1)]).map { calendar.date(from: DateComponents(year: $0.year, month: $0.month, day: 1))! }
        var month: SQLQueryString = "CASE"
        for i in 0..<(months.count - 1) { month += " WHEN advice_at < \(bind: bounds[i + 1]) THEN \(literal: i)" }
        month += " ELSE \(literal: months.count - 1) END"
        // Whole days of 24 hours: SQLite keeps a date as seconds since 1970, PostgreSQL as a timestamp.
        let days = sql.dialect.name == "sqlite"
            ? SQLRaw("CAST((advice_at - submitted_at) / 86400 AS INTEGER)")
            : SQLRaw("CAST(FLOOR(EXTRACT(EPOCH FROM (advice_at - submitted_at)) / 86400) AS BIGINT)")
        func filtered(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
            var q = q
            if let o = slice.organisationID { q = q.where("submitter_organisation_id", .equal, SQLBind(o)) }
            if let w = slice.wijkID { q = q.where("wijk_id", .equal, SQLBind(w)) }
            return q
        }
        struct Row: Decodable { var table_id: UUID, m: Int, days: Int, status: String, n: Int }
        let rows = try await filtered(sql.select().column("table_id").column(month, as: "m").column(days, as: "days").column("status")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("ct_cases")
            .where("advice_at", .greaterThanOrEqual, SQLBind(bounds[0])).where("advice_at", .lessThan, SQLBind(bounds[months.count])))
            .groupBy("table_id").groupBy("m").groupBy("days").groupBy("status")
            .all(decoding: Row.self)
        struct Count: Decodable { var n: Int }
        let waiting = try await filtered(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("ct_cases")
            .where("status", .in, [CaseStatus.submitted.rawValue, CaseStatus.scheduled.rawValue]))
            .first(decoding: Count.self)?.n ?? 0
        struct Table: Decodable { var id: UUID, name: String }
        let names = try await sql.select().columns("id", "name").from("ct_tables").all(decoding: Table.self)
        return CaseTableCounts(
            answered: rows.compactMap { r in
                guard months.indices.contains(r.m), let status = CaseStatus(rawValue: r.status) else { return nil }
                return CaseAnswerCell(month: months[r.m], tableID: r.table_id, days: max(0, r.days), status: status, count: r.n)
            },
            waitingNow: waiting, tableNames: Dictionary(names.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    func agreementAdherence(slice: Slice, from: YearMonth, to: YearMonth, today: Int) async throws -> [AdherenceMonthCounts] {
        struct Row: Decodable { var agreement_id: String, kind: String, month: String, met: Int, missed: Int, open: Int }
        // A stored value is met (1), missed (0), or an open item's deadline day: missed once that day is before today.
        let rows = try await sql.select().column("agreement_id").column("kind").column("month")
            .column(SQLQueryString("CAST(SUM(CASE WHEN value = \(literal: AdherenceCell.met) THEN n ELSE 0 END) AS BIGINT)"), as: "met")
            .column(SQLQueryString("""
                CAST(SUM(CASE WHEN value = \(literal: AdherenceCell.missed) OR (value > \(literal: AdherenceCell.met) AND value < \(bind: today)) \
                THEN n ELSE 0 END) AS BIGINT)
                """), as: "missed")
            .column(SQLQueryString("CAST(SUM(CASE WHEN value > \(literal: AdherenceCell.met) AND value >= \(bind: today) THEN n ELSE 0 END) AS BIGINT)"), as: "open")
            .from("monitor_adherence")
            .where("wijk", .equal, slice.wijkID?.uuidString ?? AdherenceCell.all)
            .where("organisation", .equal, slice.organisationID?.uuidString ?? AdherenceCell.all)
            .where("route", .equal, slice.route?.rawValue ?? AdherenceCell.all)
            .where("month", .greaterThanOrEqual, from.key).where("month", .lessThanOrEqual, to.key)
            .groupBy("agreement_id").groupBy("kind").groupBy("month")
            .all(decoding: Row.self)
        return rows.compactMap { r in
            guard let id = UUID(uuidString: r.agreement_id), let kind = NormKind(rawValue: r.kind), let month = YearMonth(key: r.month) else { return nil }
            return AdherenceMonthCounts(agreementID: id, kind: kind, month: month, totals: AdherenceTotals(met: r.met, missed: r.missed, open: r.open))
        }
    }
}
