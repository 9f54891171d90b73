import Domain
import Fluent
import Foundation
import SQLKit

/// The sociale kaart on SQLite or PostgreSQL. Lists and search are SQL (SQLKit); single entries and
/// changes use the models. Every change of an entry bumps its version and writes the version row in
/// the same transaction; on SQLite the FTS5 row is rewritten with it (PostgreSQL's tsvector is a
/// generated column).
struct FluentSocialMap: SocialMapRepository {
    let db: any Database
    let gate: WriteGate

    private var sql: any SQLDatabase { db as! any SQLDatabase }
    private static func isSQLite(_ db: any Database) -> Bool { (db as? any SQLDatabase)?.dialect.name == "sqlite" }

    // MARK: search

    /// The columns of a result row; wijken and locations are not loaded for a list.
    struct HitRow: Decodable {
        var id: UUID, providerId: UUID, ownerOrganisationId: UUID, name: String, route: String, description: String
        var targetGroup: String, eligibility: String, referralRequired: Bool, cost: String, languages: String
        var publicPhone: String?, publicEmail: String?, website: String?, professionalContact: String?, internalNote: String?
        var isSteuncentrum: Bool, ervaringsdeskundigen: Bool, status: String, lastCheckedAt: Date, updatedAt: Date, version: Int
        var waitAanmeldWeeks: Int?, waitBehandelWeeks: Int?, waitReportedAt: Date?, providerName: String
    }

    static let hitColumns: SQLQueryString = """
        s.id, s.provider_id, s.owner_organisation_id, s.name, s.route, s.description, s.target_group, s.eligibility,
        s.referral_required, s.cost, s.languages, s.public_phone, s.public_email, s.website, s.professional_contact, s.internal_note,
        s.is_steuncentrum, s.ervaringsdeskundigen, s.status, s.last_checked_at, s.updated_at, s.version,
        s.wait_aanmeld_weeks, s.wait_behandel_weeks, s.wait_reported_at, p.name AS provider_name
        """

    func search(_ query: ServiceSearch, audience: MapAudience, now: Date) async throws -> ServiceSearchResult {
        let terms = query.terms
        var filters: SQLQueryString = "s.status = \(bind: ServiceStatus.active.rawValue)"
        if let route = query.route { filters = filters + " AND s.route = \(bind: route.rawValue)" }
        if let wijk = query.wijkID {
            filters = filters + " AND (s.whole_region = \(bind: true) OR EXISTS (SELECT 1 FROM sk_service_wijken w WHERE w.service_id = s.id AND w.wijk_id = \(bind: wijk)))"
        }
        if query.noReferralOnly { filters = filters + " AND s.referral_required = \(bind: false)" }
        if let max = query.maxWaitWeeks {
            let since = now.addingTimeInterval(-Double(WaitingTimeReport.currentForDays) * 86_400)
            filters = filters + " AND s.wait_aanmeld_weeks <= \(bind: max) AND s.wait_reported_at >= \(bind: since)"
        }
        let limit = ServiceSearch.pageSize, offset = (query.page - 1) * ServiceSearch.pageSize

        var rows: [HitRow] = []
        var total = 0
        var matchedAny = false
        let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
        if terms.isEmpty {
            total = try await sql.raw("SELECT COUNT(*) AS n FROM sk_services s WHERE " + filters).first()?.decode(column: "n", as: Int.self) ?? 0
            rows = try await sql.raw("SELECT " + Self.hitColumns + " FROM sk_services s JOIN sk_providers p ON p.id = s.provider_id WHERE "
                                     + filters + " ORDER BY s.sort_name, s.id LIMIT \(bind: limit) OFFSET \(bind: offset)")
                .all(decoding: HitRow.self, with: decoder)
        } else {
            for any in [false, true] {
                if any && terms.count == 1 { break }
                let (from, match, rank) = matchClause(terms, any: any)
                total = try await sql.raw("SELECT COUNT(*) AS n FROM " + from + " WHERE " + match + " AND " + filters).first()?.decode(column: "n", as: Int.self) ?? 0
                if total > 0 {
                    rows = try await sql.raw("SELECT " + Self.hitColumns + ", " + rank + " AS relevance FROM " + from + " JOIN sk_providers p ON p.id = s.provider_id WHERE "
                                             + match + " AND " + filters + " ORDER BY relevance, s.sort_name, s.id LIMIT \(bind: limit) OFFSET \(bind: offset)")
                        .all(decoding: HitRow.self, with: decoder)
                    matchedAny = any
                    break
                }
            }
        }
        let prefixes = terms.flatMap(\.alternatives)
        let hits = rows.map { r -> ServiceHit in
            let service = MapService(id: r.id, providerID: r.providerId, ownerOrganisationID: r.ownerOrganisationId, name: r.name,
                                     route: CareRoute(rawValue: r.route) ?? .sociaalDomein, description: r.description, targetGroup: r.targetGroup,
                                     eligibility: r.eligibility, referralRequired: r.referralRequired, cost: r.cost,
                                     languages: r.languages.split(separator: ",").map(String.init), publicPhone: r.publicPhone, publicEmail: r.publicEmail,
                                     website: r.website, professionalContact: audience == .professional ? r.professionalContact : nil,
                                     internalNote: audience == .professional ? r.internalNote : nil, isSteuncentrum: r.isSteuncentrum,
                                     ervaringsdeskundigen: r.ervaringsdeskundigen, status: ServiceStatus(rawValue: r.status) ?? .active,
                                     lastCheckedAt: r.lastCheckedAt, updatedAt: r.updatedAt, version: r.version)
            let wait = r.waitAanmeldWeeks.flatMap { a in r.waitReportedAt.map {
                WaitingTimeReport(id: r.id, serviceID: r.id, aanmeldWeeks: a, behandelWeeks: r.waitBehandelWeeks, reportedAt: $0, reportedBy: nil) } }
            // The snippet comes from the first text that matched, so the reason for the hit is visible.
            let candidates = [r.description, r.eligibility, r.targetGroup, r.cost]
            let text = candidates.first { Snippet.make($0, prefixes: prefixes).hasMatch } ?? r.description
            return ServiceHit(service: service, providerName: r.providerName, currentWait: wait,
                              snippet: Snippet.make(text, prefixes: prefixes, window: 28), nameParts: Snippet.make(r.name, prefixes: prefixes))
        }
        return ServiceSearchResult(hits: hits, total: total, matchedAnyWord: matchedAny)
    }

    /// FROM, WHERE and rank expressions for the terms; all words (AND) or any word (OR).
    /// Terms hold only folded letters and digits (SearchText.words), so quoting them is safe.
    private func matchClause(_ terms: [SearchTerm], any: Bool) -> (SQLQueryString, SQLQueryString, SQLQueryString) {
        if Self.isSQLite(db) {
            let groups = terms.map { t in "(" + t.alternatives.map { "\"\($0)\"*" }.joined(separator: " OR ") + ")" }
            let expr = groups.joined(separator: any ? " OR " : " AND ")
            return ("sk_search JOIN sk_services s ON s.id = sk_search.service_id",
                    "sk_search MATCH \(bind: expr)",
                    // bm25 is lower for better matches; the name weighs most, then keywords, then the body.
                    "bm25(sk_search, 0.0, 10.0, 4.0, 1.0)")
        } else {
            let groups = terms.map { t in "(" + t.alternatives.map { "\($0):*" }.joined(separator: " | ") + ")" }
            let expr = groups.joined(separator: any ? " | " : " & ")
            return ("sk_services s",
                    "s.search_vector @@ to_tsquery('simple', \(bind: expr))",
                    "-ts_rank(s.search_vector, to_tsquery('simple', \(bind: expr)))")
        }
    }

    // MARK: reading

    func detail(serviceID: UUID, audience: MapAudience) async throws -> ServiceDetail? {
        guard let m = try await MapServiceModel.find(serviceID, on: db) else { return nil }
        if audience == .publicView && m.status != ServiceStatus.active.rawValue { return nil }
        guard let provider = try await MapProviderModel.find(m.providerID, on: db)?.domain else { return nil }
        let (wijken, locationIDs) = try await Self.links(serviceID, on: db)
        var service = m.domain(wijkIDs: wijken, locationIDs: locationIDs)
        if audience == .publicView { service.internalNote = nil; service.professionalContact = nil }
        let locations = locationIDs.isEmpty ? [] : try await MapLocationModel.query(on: db).filter(\.$id ~~ locationIDs).sort(\.$name).all().map(\.domain)
        let history = try await WaitingTimeModel.query(on: db).filter(\.$serviceID == serviceID).sort(\.$reportedAt, .descending).limit(12).all().map(\.domain)
        let activities = try await ActivityModel.query(on: db).filter(\.$serviceID == serviceID).all().map(\.domain)
            .sorted { ($0.weekday ?? 8, $0.date?.iso ?? "", $0.start) < ($1.weekday ?? 8, $1.date?.iso ?? "", $1.start) }
        return ServiceDetail(service: service, provider: provider, locations: locations, currentWait: history.first,
                             waitHistory: audience == .professional ? history : Array(history.prefix(1)), activities: activities)
    }

    /// An entry's wijken and locations, sorted (the version diff compares them as text).
    static func links(_ serviceID: UUID, on db: any Database) async throws -> ([UUID], [UUID]) {
        let s = db as! any SQLDatabase
        let wijken = try await s.raw("SELECT wijk_id FROM sk_service_wijken WHERE service_id = \(bind: serviceID)").all().map { try $0.decode(column: "wijk_id", as: UUID.self) }
        let locations = try await s.raw("SELECT location_id FROM sk_service_locations WHERE service_id = \(bind: serviceID)").all().map { try $0.decode(column: "location_id", as: UUID.self) }
        return (wijken.sorted { $0.uuidString < $1.uuidString }, locations.sorted { $0.uuidString < $1.uuidString })
    }

    func providers() async throws -> [MapProvider] {
        try await MapProviderModel.query(on: db).sort(\.$name).all().map(\.domain)
    }

    func provider(id: UUID) async throws -> MapProvider? { try await MapProviderModel.find(id, on: db)?.domain }

    func locations(providerID: UUID?) async throws -> [MapLocation] {
        var q = MapLocationModel.query(on: db)
        if let providerID { q = q.filter(\.$providerID == providerID) }
        return try await q.sort(\.$name).all().map(\.domain)
    }

    func versions(serviceID: UUID) async throws -> [ServiceVersion] {
        try await ServiceVersionModel.query(on: db).filter(\.$serviceID == serviceID).sort(\.$version, .descending).sort(\.$at, .descending).all().map(\.domain)
    }

    func stale(ownerOrganisationID: UUID?, before: Date) async throws -> [MapService] {
        var q = MapServiceModel.query(on: db).filter(\.$lastCheckedAt < before).filter(\.$status == ServiceStatus.active.rawValue)
        if let o = ownerOrganisationID { q = q.filter(\.$ownerOrganisationID == o) }
        return try await q.sort(\.$lastCheckedAt).all().map { $0.domain(wijkIDs: [], locationIDs: []) }
    }

    func services(ownerOrganisationID: UUID) async throws -> [MapService] {
        try await MapServiceModel.query(on: db).filter(\.$ownerOrganisationID == ownerOrganisationID).sort(\.$lastCheckedAt).all()
            .map { $0.domain(wijkIDs: [], locationIDs: []) }
    }

    func services(providerID: UUID) async throws -> [MapService] {
        try await MapServiceModel.query(on: db).filter(\.$providerID == providerID).sort(\.$sortName).all().map { $0.domain(wijkIDs: [], locationIDs: []) }
    }

    func freshness(staleBefore: Date, waitCurrentAfter: Date) async throws -> [FreshnessRow] {
        struct Row: Decodable { var organisationId: UUID; var organisationName: String; var total: Int; var stale: Int; var oldestCheck: Date?; var oldWaits: Int }
        return try await sql.raw("""
            SELECT o.id AS organisation_id, o.name AS organisation_name, COUNT(*) AS total,
                   SUM(CASE WHEN s.last_checked_at < \(bind: staleBefore) THEN 1 ELSE 0 END) AS stale,
                   MIN(s.last_checked_at) AS oldest_check,
                   SUM(CASE WHEN s.wait_reported_at IS NOT NULL AND s.wait_reported_at < \(bind: waitCurrentAfter) THEN 1 ELSE 0 END) AS old_waits
            FROM sk_services s JOIN organisations o ON o.id = s.owner_organisation_id
            WHERE s.status = \(bind: ServiceStatus.active.rawValue)
            GROUP BY o.id, o.name ORDER BY o.name
            """).all(decoding: Row.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
            .map { FreshnessRow(organisationID: $0.organisationId, organisationName: $0.organisationName, total: $0.total, stale: $0.stale,
                                oldestCheck: $0.oldestCheck, oldWaits: $0.oldWaits) }
    }

    func serviceKeys() async throws -> [(providerID: UUID, name: String, id: UUID)] {
        try await MapServiceModel.query(on: db).field(\.$id).field(\.$providerID).field(\.$name).all().map { ($0.providerID, $0.name, $0.id!) }
    }

    func serviceCount() async throws -> Int { try await MapServiceModel.query(on: db).count() }

    func directory() async throws -> SocialMapDirectory {
        let providers = try await MapProviderModel.query(on: db).all().map(\.domain)
        let locations = try await MapLocationModel.query(on: db).all().map(\.domain)
        var wijken: [UUID: [UUID]] = [:], locs: [UUID: [UUID]] = [:]
        for r in try await sql.raw("SELECT service_id, wijk_id FROM sk_service_wijken").all() {
            wijken[try r.decode(column: "service_id", as: UUID.self), default: []].append(try r.decode(column: "wijk_id", as: UUID.self))
        }
        for r in try await sql.raw("SELECT service_id, location_id FROM sk_service_locations").all() {
            locs[try r.decode(column: "service_id", as: UUID.self), default: []].append(try r.decode(column: "location_id", as: UUID.self))
        }
        let models = try await MapServiceModel.query(on: db).all()
        let services = models.map { m in
            m.domain(wijkIDs: (wijken[m.id!] ?? []).sorted { $0.uuidString < $1.uuidString }, locationIDs: (locs[m.id!] ?? []).sorted { $0.uuidString < $1.uuidString })
        }
        var waits: [UUID: WaitingTimeReport] = [:]
        for w in try await WaitingTimeModel.query(on: db).sort(\.$reportedAt).all() { waits[w.serviceID] = w.domain }
        let activities = try await ActivityModel.query(on: db).all().map(\.domain)
        return SocialMapDirectory(providers: providers, locations: locations, services: services, waits: waits, activities: activities)
    }

    // MARK: changes

    func saveProvider(_ provider: MapProvider) async throws {
        try await gate.write(db) { conn in
            let m = try await MapProviderModel.find(provider.id, on: conn) ?? MapProviderModel()
            let renamed = m.id != nil && m.name != provider.name
            m.apply(provider)
            try await m.save(on: conn)
            // The provider's name is part of each entry's index text.
            if renamed {
                for s in try await MapServiceModel.query(on: conn).filter(\.$providerID == provider.id).all() {
                    let (w, l) = try await Self.links(s.id!, on: conn)
                    s.apply(s.domain(wijkIDs: w, locationIDs: l), providerName: provider.name)
                    try await s.save(on: conn)
                    try await Self.reindex(s, on: conn)
                }
            }
        }
    }

    func saveLocation(_ location: MapLocation) async throws {
        try await gate.write(db) { conn in
            guard try await MapProviderModel.find(location.providerID, on: conn) != nil else { throw DomainError.notFound }
            let m = try await MapLocationModel.find(location.id, on: conn) ?? MapLocationModel()
            m.apply(location)
            try await m.save(on: conn)
        }
    }

    func saveService(_ service: MapService, expectedVersion: Int?, by editor: MapEditor) async throws -> MapService {
        try await gate.write(db) { conn in
            try await Self.store(service, expectedVersion: expectedVersion, kind: nil, editor: editor, on: conn)
        }
    }

    /// Inserts or updates one entry with its links, version row and index row. Returns the stored entry.
    @discardableResult
    static func store(_ service: MapService, expectedVersion: Int?, kind: VersionKind?, editor: MapEditor, on conn: any Database) async throws -> MapService {
        guard let provider = try await MapProviderModel.find(service.providerID, on: conn) else { throw DomainError.notFound }
        let existing = try await MapServiceModel.find(service.id, on: conn)
        var old: MapService? = nil
        if let existing {
            if let expectedVersion, existing.version != expectedVersion { throw DomainError.conflict("version") }
            let (w, l) = try await Self.links(service.id, on: conn)
            old = existing.domain(wijkIDs: w, locationIDs: l)
        }
        var new = service
        new.wijkIDs = Array(Set(service.wijkIDs)).sorted { $0.uuidString < $1.uuidString }
        new.locationIDs = Array(Set(service.locationIDs)).sorted { $0.uuidString < $1.uuidString }
        if let old { new.lastCheckedAt = kind == .imported ? service.lastCheckedAt : max(old.lastCheckedAt, editor.at) } // an edit is a check
        let changes = new.changes(from: old)
        if old != nil && changes.isEmpty && kind != .imported { return old! }
        new.version = (existing?.version ?? 0) + 1
        new.updatedAt = kind == .imported ? service.updatedAt : editor.at
        let m = existing ?? MapServiceModel()
        // Keep the newest waiting time on the row (search filters on it).
        m.apply(new, providerName: provider.name)
        try await m.save(on: conn)
        let sql = conn as! any SQLDatabase
        if old?.wijkIDs != new.wijkIDs {
            try await sql.raw("DELETE FROM sk_service_wijken WHERE service_id = \(bind: new.id)").run()
            for w in new.wijkIDs { try await sql.raw("INSERT INTO sk_service_wijken (service_id, wijk_id) VALUES (\(bind: new.id), \(bind: w))").run() }
        }
        if old?.locationIDs != new.locationIDs {
            try await sql.raw("DELETE FROM sk_service_locations WHERE service_id = \(bind: new.id)").run()
            for l in new.locationIDs { try await sql.raw("INSERT INTO sk_service_locations (service_id, location_id) VALUES (\(bind: new.id), \(bind: l))").run() }
        }
        try await reindex(m, on: conn)
        try await addVersion(serviceID: new.id, version: new.version, kind: kind ?? (old == nil ? .created : .changed), editor: editor, changes: changes, on: conn)
        return new
    }

    static func addVersion(serviceID: UUID, version: Int, kind: VersionKind, editor: MapEditor, changes: [FieldChange], on conn: any Database) async throws {
        let v = ServiceVersionModel()
        v.id = UUID(); v.serviceID = serviceID; v.version = version; v.kind = kind.rawValue; v.at = editor.at
        v.userID = editor.user.id; v.userName = editor.user.name
        v.changes = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        try await v.create(on: conn)
    }

    static func reindex(_ m: MapServiceModel, on conn: any Database) async throws {
        guard isSQLite(conn) else { return }
        let sql = conn as! any SQLDatabase
        try await sql.raw("DELETE FROM sk_search WHERE service_id = \(bind: m.id!)").run()
        try await sql.raw("INSERT INTO sk_search (service_id, name, keywords, body) VALUES (\(bind: m.id!), \(bind: m.searchName), \(bind: m.searchKeywords), \(bind: m.searchBody))").run()
    }

    func reportWait(_ report: WaitingTimeReport, by editor: MapEditor) async throws {
        try await gate.write(db) { conn in
            try await Self.storeWait(report, editor: editor, versioned: true, on: conn)
        }
    }

    static func storeWait(_ report: WaitingTimeReport, editor: MapEditor, versioned: Bool, on conn: any Database) async throws {
        guard let s = try await MapServiceModel.find(report.serviceID, on: conn) else { throw DomainError.notFound }
        if try await WaitingTimeModel.find(report.id, on: conn) != nil { return }
        let w = WaitingTimeModel()
        w.id = report.id; w.serviceID = report.serviceID; w.aanmeldWeeks = report.aanmeldWeeks; w.behandelWeeks = report.behandelWeeks
        w.reportedAt = report.reportedAt; w.reportedBy = report.reportedBy
        try await w.create(on: conn)
        if s.waitReportedAt.map({ $0 <= report.reportedAt }) ?? true {
            let before = s.waitAanmeldWeeks.map { "\($0)/\(s.waitBehandelWeeks.map(String.init) ?? "–")" } ?? ""
            s.waitAanmeldWeeks = report.aanmeldWeeks; s.waitBehandelWeeks = report.behandelWeeks; s.waitReportedAt = report.reportedAt
            if versioned {
                s.version += 1
                try await s.save(on: conn)
                try await addVersion(serviceID: s.id!, version: s.version, kind: .waitReported, editor: editor,
                                     changes: [FieldChange(field: "wait", old: before, new: "\(report.aanmeldWeeks)/\(report.behandelWeeks.map(String.init) ?? "–")")], on: conn)
            } else {
                try await s.save(on: conn)
            }
        }
    }

    func markChecked(serviceID: UUID, by editor: MapEditor) async throws {
        try await gate.write(db) { conn in
            guard let s = try await MapServiceModel.find(serviceID, on: conn) else { throw DomainError.notFound }
            s.lastCheckedAt = editor.at; s.version += 1
            try await s.save(on: conn)
            try await Self.addVersion(serviceID: serviceID, version: s.version, kind: .checked, editor: editor, changes: [], on: conn)
        }
    }

    func saveActivity(_ activity: MapActivity, by editor: MapEditor) async throws {
        try await gate.write(db) { conn in
            guard let s = try await MapServiceModel.find(activity.serviceID, on: conn) else { throw DomainError.notFound }
            let m = try await ActivityModel.find(activity.id, on: conn) ?? ActivityModel()
            if m.id != nil && m.serviceID != activity.serviceID { throw DomainError.notFound }
            let before = m.id == nil ? "" : m.domain.summary
            m.apply(activity)
            try await m.save(on: conn)
            s.version += 1
            try await s.save(on: conn)
            try await Self.addVersion(serviceID: s.id!, version: s.version, kind: .changed, editor: editor,
                                      changes: [FieldChange(field: "activity", old: before, new: activity.summary)], on: conn)
        }
    }

    func deleteActivity(id: UUID, serviceID: UUID, by editor: MapEditor) async throws {
        try await gate.write(db) { conn in
            guard let m = try await ActivityModel.find(id, on: conn), m.serviceID == serviceID,
                  let s = try await MapServiceModel.find(serviceID, on: conn) else { throw DomainError.notFound }
            let before = m.domain.summary
            try await m.delete(on: conn)
            s.version += 1
            try await s.save(on: conn)
            try await Self.addVersion(serviceID: serviceID, version: s.version, kind: .changed, editor: editor,
                                      changes: [FieldChange(field: "activity", old: before, new: "")], on: conn)
        }
    }

    // MARK: imports (all or nothing: one transaction)

    func importDirectory(_ dir: SocialMapDirectory, by editor: MapEditor) async throws -> ImportSummary {
        try await gate.write(db) { conn in
            for p in dir.providers {
                let m = try await MapProviderModel.find(p.id, on: conn) ?? MapProviderModel()
                m.apply(p); try await m.save(on: conn)
            }
            for l in dir.locations {
                let m = try await MapLocationModel.find(l.id, on: conn) ?? MapLocationModel()
                m.apply(l); try await m.save(on: conn)
            }
            var created = 0, updated = 0
            for s in dir.services {
                let exists = try await MapServiceModel.find(s.id, on: conn) != nil
                try await Self.store(s, expectedVersion: nil, kind: .imported, editor: editor, on: conn)
                if exists { updated += 1 } else { created += 1 }
            }
            for w in dir.waits.values.sorted(by: { $0.reportedAt < $1.reportedAt }) {
                try await Self.storeWait(w, editor: editor, versioned: false, on: conn)
            }
            for a in dir.activities {
                let m = try await ActivityModel.find(a.id, on: conn) ?? ActivityModel()
                m.apply(a); try await m.save(on: conn)
            }
            return ImportSummary(created: created, updated: updated)
        }
    }

    func importRows(_ rows: [ServiceCSV.Row], by editor: MapEditor) async throws -> ImportSummary {
        try await gate.write(db) { conn in
            var newProviders: [String: UUID] = [:]
            var created = 0, updated = 0
            for row in rows {
                var service = row.service
                if let pid = row.providerID { service.providerID = pid }
                else {
                    let key = SearchText.fold(row.providerName)
                    if let pid = newProviders[key] { service.providerID = pid }
                    else {
                        let p = MapProviderModel(); p.apply(MapProvider(name: row.providerName, description: ""))
                        try await p.create(on: conn)
                        newProviders[key] = p.id!; service.providerID = p.id!
                    }
                }
                if let existingID = row.existingServiceID, let current = try await MapServiceModel.find(existingID, on: conn) {
                    // A spreadsheet does not know about locations or internal notes it left empty: keep them.
                    let (_, l) = try await Self.links(existingID, on: conn)
                    service.locationIDs = l
                    if service.internalNote == nil { service.internalNote = current.internalNote }
                    if service.professionalContact == nil { service.professionalContact = current.professionalContact }
                    service.version = current.version
                    updated += 1
                } else { created += 1 }
                service.lastCheckedAt = editor.at; service.updatedAt = editor.at
                let stored = try await Self.store(service, expectedVersion: nil, kind: .imported, editor: editor, on: conn)
                if let wait = row.wait {
                    try await Self.storeWait(WaitingTimeReport(serviceID: stored.id, aanmeldWeeks: wait.aanmeld, behandelWeeks: wait.behandel,
                                                               reportedAt: editor.at, reportedBy: editor.user.id), editor: editor, versioned: false, on: conn)
                }
            }
            return ImportSummary(created: created, updated: updated)
        }
    }
}

extension MapActivity {
    /// One line for the history ("di 10:00–12:00 Inloopochtend").
    public var summary: String {
        let when = weekday.map { OpeningHours.dayAbbreviations[$0 - 1] } ?? date?.iso ?? ""
        return "\(when) \(start)–\(end) \(title)"
    }
}
