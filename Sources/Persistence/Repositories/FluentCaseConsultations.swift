import Domain
import Fluent
import Foundation
import SQLKit

/// The casuïstiektafel (see `CaseConsultations`). Each method is one write transaction that loads the
/// table, asks `CaseTablePolicy`, does the work and appends its audit entry. Case entries carry no client
/// id; whatever touches the case → client link runs through `FluentClientRecords.guarded`, so the
/// client's care-team check and the client's access log apply.
struct FluentCaseConsultations: CaseConsultations {
    let db: any Database
    let gate: WriteGate
    var records: FluentClientRecords { FluentClientRecords(db: db, gate: gate) }

    // MARK: loading

    static func table(_ id: UUID, on conn: any Database) async throws -> CaseTable {
        guard let m = try await CaseTableModel.find(id, on: conn) else { throw DomainError.notFound }
        let sql = conn as! any SQLDatabase
        let orgs = try await sql.raw("SELECT organisation_id FROM ct_table_organisations WHERE table_id = \(bind: id)").all()
            .map { try $0.decode(column: "organisation_id", as: UUID.self) }
        let members = try await sql.raw("SELECT user_id FROM ct_table_members WHERE table_id = \(bind: id)").all()
            .map { try $0.decode(column: "user_id", as: UUID.self) }
        return m.domain(organisations: orgs.sorted { $0.uuidString < $1.uuidString }, members: members.sorted { $0.uuidString < $1.uuidString })
    }

    static func allTables(on conn: any Database) async throws -> [CaseTable] {
        let sql = conn as! any SQLDatabase
        var orgs: [UUID: [UUID]] = [:], members: [UUID: [UUID]] = [:]
        for r in try await sql.raw("SELECT table_id, organisation_id FROM ct_table_organisations").all() {
            orgs[try r.decode(column: "table_id", as: UUID.self), default: []].append(try r.decode(column: "organisation_id", as: UUID.self))
        }
        for r in try await sql.raw("SELECT table_id, user_id FROM ct_table_members").all() {
            members[try r.decode(column: "table_id", as: UUID.self), default: []].append(try r.decode(column: "user_id", as: UUID.self))
        }
        return try await CaseTableModel.query(on: conn).sort(\.$name).all().map { m in
            m.domain(organisations: (orgs[m.id!] ?? []).sorted { $0.uuidString < $1.uuidString },
                     members: (members[m.id!] ?? []).sorted { $0.uuidString < $1.uuidString })
        }
    }

    static func caseModel(_ id: UUID, on conn: any Database) async throws -> TableCaseModel {
        guard let m = try await TableCaseModel.find(id, on: conn) else { throw DomainError.notFound }
        return m
    }

    static func sessionModel(_ id: UUID, on conn: any Database) async throws -> TableSessionModel {
        guard let m = try await TableSessionModel.find(id, on: conn) else { throw DomainError.notFound }
        return m
    }

    /// Tells live pages that the session changed.
    static func bump(_ sessionID: UUID?, on conn: any Database) async throws {
        guard let sessionID else { return }
        try await (conn as! any SQLDatabase).raw("UPDATE ct_sessions SET revision = revision + 1 WHERE id = \(bind: sessionID)").run()
    }

    static func audit(_ by: Accessor, _ action: AuditAction, _ objectType: String, _ objectID: UUID, basis: AuditBasis, detail: String = "") -> AuditEvent {
        AuditEvent(at: by.at, userID: by.user.id, organisationID: by.organisation.id,
                   role: ClientAccessPolicy.careRole(of: by.user) ?? by.user.roles.sorted { $0.rawValue < $1.rawValue }.first,
                   clientID: nil, action: action, objectType: objectType, objectID: objectID.uuidString,
                   sourceAddress: by.sourceAddress, basis: basis, detail: detail)
    }

    static func agenda(_ sessionID: UUID, on conn: any Database) async throws -> [TableCase] {
        try await TableCaseModel.query(on: conn).filter(\.$sessionID == sessionID).all().map(\.domain)
            .sorted { ($0.agendaPosition ?? Int.max, $0.number) < ($1.agendaPosition ?? Int.max, $1.number) }
    }

    static func waiting(_ tableID: UUID, on conn: any Database) async throws -> [TableCase] {
        try await TableCaseModel.query(on: conn).filter(\.$tableID == tableID).filter(\.$status == CaseStatus.submitted.rawValue).all()
            .map(\.domain).sorted { ($0.urgency.rank, $0.submittedAt) < ($1.urgency.rank, $1.submittedAt) }
    }

    static func advice(_ caseIDs: [UUID], on conn: any Database) async throws -> [UUID: [CaseAdvice]] {
        guard !caseIDs.isEmpty else { return [:] }
        return Dictionary(grouping: try await CaseAdviceModel.query(on: conn).filter(\.$caseID ~~ caseIDs).sort(\.$writtenAt).all().map(\.domain),
                          by: \.caseID)
    }

    /// Applies a state-machine event, mapping its refusals to the domain's errors.
    static func apply(_ event: CaseEvent, to m: TableCaseModel, by party: CaseParty, _ by: Accessor) throws -> TableCase {
        var c = m.domain
        do { try c.apply(event, by: party, userID: by.user.id, at: by.at) }
        catch CaseTransitionError.textRequired { throw ValidationErrors("text", "error_required") }
        catch CaseTransitionError.wrongParty { throw DomainError.notFound }
        catch { throw DomainError.conflict("transition") }
        m.apply(c)
        return c
    }

    /// Free text written at the table must stay as pseudonymous as the case itself.
    static func checkText(_ text: String) throws -> String {
        if let problem = TableCase.check(text, limit: CaseAdvice.limit, about: nil).problem { throw ValidationErrors("text", problem) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: tables

    func tables(by: Accessor) async throws -> [CaseTableSummary] {
        try await gate.write(db) { conn in
            let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
            guard policy.maySubmit || policy.managesTables else { return [] }
            let tables = try await Self.allTables(on: conn).filter { $0.isActive || policy.managesTables }
            let sessions = try await TableSessionModel.query(on: conn)
                .filter(\.$status ~~ [TableSessionStatus.planned.rawValue, TableSessionStatus.live.rawValue]).sort(\.$startsAt).all().map(\.domain)
            let sql = conn as! any SQLDatabase
            var waiting: [UUID: Int] = [:]
            for r in try await sql.raw("SELECT table_id, COUNT(*) AS n FROM ct_cases WHERE status = \(bind: CaseStatus.submitted.rawValue) GROUP BY table_id").all() {
                waiting[try r.decode(column: "table_id", as: UUID.self)] = try r.decode(column: "n", as: Int.self)
            }
            return tables.map { t in
                let member = policy.isMember(t)
                return CaseTableSummary(table: t, nextSession: sessions.first { $0.tableID == t.id && $0.endsAt > by.at.addingTimeInterval(-3600) },
                                        isMember: member, isChair: policy.isChair(t),
                                        waiting: member || policy.managesTables ? waiting[t.id] ?? 0 : nil)
            }
        }
    }

    func table(_ id: UUID, by: Accessor) async throws -> TableDetail {
        try await gate.write(db) { conn in
            let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
            let table = try await Self.table(id, on: conn)
            guard policy.isMember(table) || policy.managesTables || (policy.maySubmit && table.isActive) else { throw DomainError.notFound }
            let sessions = try await TableSessionModel.query(on: conn).filter(\.$tableID == id).sort(\.$startsAt).all().map(\.domain)
            let cases = try await TableCaseModel.query(on: conn).filter(\.$tableID == id).all().map(\.domain)
            var counts: [UUID: Int] = [:]
            for c in cases { if let s = c.sessionID { counts[s, default: 0] += 1 } }
            let waiting = policy.seesCases(table)
                ? cases.filter { $0.status == .submitted }.sorted { ($0.urgency.rank, $0.submittedAt) < ($1.urgency.rank, $1.submittedAt) } : []
            if !waiting.isEmpty {
                try await FluentAuditLog.append(Self.audit(by, .read, "table_cases", id, basis: .tableMembership, detail: "\(waiting.count) waiting"), on: conn)
            }
            return TableDetail(table: table, sessions: sessions, waiting: waiting, agendaCounts: counts, figures: TableFigures(cases: cases))
        }
    }

    func saveTable(_ table: CaseTable, by: Accessor) async throws {
        guard CaseTablePolicy(user: by.user, organisation: by.organisation).managesTables else { throw DomainError.notFound }
        try await gate.write(db) { conn in
            var users: [UUID: User] = [:]
            let repo = FluentUserRepository(db: conn, gate: gate)
            for id in Set(table.memberUserIDs + [table.chairUserID]) { users[id] = try await repo.find(id: id) }
            try table.validate(users: users).throwIfAny()
            let existing = try await CaseTableModel.find(table.id, on: conn)
            let m = existing ?? CaseTableModel()
            let createdAt = existing?.createdAt ?? table.createdAt
            m.apply(table)
            m.createdAt = createdAt
            if existing == nil { m.caseCounter = 0; try await m.create(on: conn) } else { try await m.save(on: conn) }
            let sql = conn as! any SQLDatabase
            try await sql.raw("DELETE FROM ct_table_organisations WHERE table_id = \(bind: table.id)").run()
            try await sql.raw("DELETE FROM ct_table_members WHERE table_id = \(bind: table.id)").run()
            for o in Set(table.memberOrganisationIDs) {
                try await sql.raw("INSERT INTO ct_table_organisations (table_id, organisation_id) VALUES (\(bind: table.id), \(bind: o))").run()
            }
            for u in Set(table.memberUserIDs) {
                try await sql.raw("INSERT INTO ct_table_members (table_id, user_id) VALUES (\(bind: table.id), \(bind: u))").run()
            }
            try await FluentAuditLog.append(Self.audit(by, existing == nil ? .create : .update, "case_table", table.id, basis: .administration,
                                                       detail: "\(table.memberOrganisationIDs.count) organisations, \(table.memberUserIDs.count) members"), on: conn)
        }
    }

    func planSession(_ session: TableSession, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let table = try await Self.table(session.tableID, on: conn)
            guard CaseTablePolicy(user: by.user, organisation: by.organisation).mayPlan(table) else { throw DomainError.notFound }
            guard table.isActive else { throw DomainError.conflict("inactive") }
            try session.validate(now: by.at).throwIfAny()
            var s = session; s.status = .planned; s.revision = 0; s.currentCaseID = nil
            try await TableSessionModel(s).create(on: conn)
            try await FluentAuditLog.append(Self.audit(by, .create, "table_session", s.id, basis: .administration), on: conn)
        }
    }

    func cancelSession(_ sessionID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let s = try await Self.sessionModel(sessionID, on: conn)
            let table = try await Self.table(s.tableID, on: conn)
            guard CaseTablePolicy(user: by.user, organisation: by.organisation).mayPlan(table) else { throw DomainError.notFound }
            guard s.status == TableSessionStatus.planned.rawValue else { throw DomainError.conflict("transition") }
            s.status = TableSessionStatus.cancelled.rawValue; s.closedAt = by.at; s.revision += 1
            try await s.save(on: conn)
            try await Self.returnToWaiting(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_session", sessionID, basis: .administration, detail: "cancelled"), on: conn)
        }
    }

    /// Cases left on an agenda without an outcome wait for the next session.
    static func returnToWaiting(_ sessionID: UUID, on conn: any Database) async throws {
        for m in try await TableCaseModel.query(on: conn).filter(\.$sessionID == sessionID).filter(\.$status == CaseStatus.scheduled.rawValue).all() {
            m.status = CaseStatus.submitted.rawValue; m.sessionID = nil; m.agendaPosition = nil; m.scheduledAt = nil
            try await m.save(on: conn)
        }
    }

    // MARK: cases

    func submit(_ tableCase: TableCase, clientID: UUID, by: Accessor) async throws {
        guard CaseTablePolicy(user: by.user, organisation: by.organisation).maySubmit else { throw DomainError.notFound }
        try await records.guarded(clientID, by, .create, "table_case", objectID: tableCase.id.uuidString, detail: "brought to a casuïstiektafel") { conn in
            let table = try await Self.table(tableCase.tableID, on: conn)
            guard table.isActive else { throw DomainError.notFound }
            guard let client = try await ClientModel.find(clientID, on: conn)?.domain else { throw DomainError.notFound }
            // Checked again here, whatever the form did: the table must never receive an identifier.
            let (errors, _) = tableCase.validate(about: IdentifierCheck.Person(name: client.name))
            try errors.throwIfAny()
            let sql = conn as! any SQLDatabase
            guard let row = try await sql.raw("UPDATE ct_tables SET case_counter = case_counter + 1 WHERE id = \(bind: table.id) RETURNING case_counter").first()
            else { throw DomainError.notFound }
            var c = tableCase
            c.number = try row.decode(column: "case_counter", as: Int.self)
            c.status = .submitted; c.submittedBy = by.user.id; c.submitterOrganisationID = by.organisation.id; c.submittedAt = by.at
            c.ageBand = AgeBand(age: client.dateOfBirth.age(on: by.at))
            try await TableCaseModel(c).create(on: conn)
            try await CaseClientModel(caseID: c.id, clientID: clientID, submitterUserID: by.user.id).create(on: conn)
        }
    }

    func caseDetail(_ caseID: UUID, by: Accessor) async throws -> CaseDetail {
        var detail: CaseDetail = try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            let c = m.domain
            let table = try await Self.table(c.tableID, on: conn)
            let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
            guard policy.mayRead(c, at: table) else { throw DomainError.notFound }
            let session = try await c.sessionID.asyncMap { try await Self.sessionModel($0, on: conn).domain }
            let advice = try await Self.advice([caseID], on: conn)[caseID] ?? []
            try await FluentAuditLog.append(Self.audit(by, .read, "table_case", caseID,
                                                       basis: policy.isMember(table) ? .tableMembership : .careRelationship), on: conn)
            return CaseDetail(tableCase: c, table: table, session: session, advice: advice, client: nil)
        }
        guard detail.tableCase.submittedBy == by.user.id,
              let link = try await CaseClientModel.find(caseID, on: db), link.submitterUserID == by.user.id else { return detail }
        // The submitter sees who the case is about, through the client's own access path (and its log).
        let c = detail.tableCase
        detail.client = try? await records.guarded(link.clientID, by, .read, "table_case", objectID: caseID.uuidString) { conn in
            guard let client = try await ClientModel.find(link.clientID, on: conn) else { throw DomainError.notFound }
            let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == link.clientID).all().map(\.domain)
            let consent = c.takeoverOrganisationID.map {
                ConsentPolicy.covers(consents, purpose: .casuistiekOvername, organisationID: $0, at: by.at)
            } ?? false
            let plan = try await ActionPlanModel.query(on: conn).filter(\.$clientID == link.clientID).first()
            return LinkedClient(id: client.id!, name: client.name, consentForTakeover: consent, hasPlan: plan != nil)
        }
        return detail
    }

    func addAdvice(_ advice: CaseAdvice, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(advice.caseID, on: conn)
            let c = m.domain
            let table = try await Self.table(c.tableID, on: conn)
            let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
            guard policy.mayRead(c, at: table) else { throw DomainError.notFound }
            guard policy.mayAdvise(c, at: table) else { throw DomainError.conflict("closed") }
            let text = try Self.checkText(advice.text)
            let session = try await c.sessionID.asyncMap { try await Self.sessionModel($0, on: conn) }
            var a = advice
            a.text = text; a.authorUserID = by.user.id; a.authorOrganisationID = by.organisation.id; a.writtenAt = by.at
            a.duringSession = session?.status == TableSessionStatus.live.rawValue
            try await CaseAdviceModel(a).create(on: conn)
            try await Self.bump(c.sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .create, "case_advice", a.id, basis: .tableMembership, detail: "case \(c.id.uuidString)"), on: conn)
        }
    }

    func withdraw(_ caseID: UUID, reason: String, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard m.submittedBy == by.user.id, by.user.isActive else { throw DomainError.notFound }
            let session = m.sessionID
            if reason.count > 1000 { throw ValidationErrors("reason", "error_too_long") }
            _ = try Self.apply(.withdraw(reason: reason), to: m, by: .submitter, by)
            try await m.save(on: conn)
            try await Self.bump(session, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_case", caseID, basis: .careRelationship, detail: "withdrawn"), on: conn)
        }
    }

    // MARK: sessions

    /// Loads a session with its table for someone who must be at that table (`chair`: as its chair).
    private static func seat(_ sessionID: UUID, _ by: Accessor, chair: Bool, on conn: any Database) async throws -> (TableSessionModel, CaseTable) {
        let s = try await sessionModel(sessionID, on: conn)
        let table = try await table(s.tableID, on: conn)
        let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
        guard chair ? policy.isChair(table) : policy.seesCases(table) else { throw DomainError.notFound }
        return (s, table)
    }

    func session(_ sessionID: UUID, by: Accessor) async throws -> SessionDetail {
        try await gate.write(db) { conn in
            let (s, table) = try await Self.seat(sessionID, by, chair: false, on: conn)
            let agenda = try await Self.agenda(sessionID, on: conn)
            let waiting = s.status == TableSessionStatus.closed.rawValue || s.status == TableSessionStatus.cancelled.rawValue
                ? [] : try await Self.waiting(table.id, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .read, "table_session", sessionID, basis: .tableMembership,
                                                       detail: "\(agenda.count) on the agenda"), on: conn)
            return SessionDetail(session: s.domain, table: table, agenda: agenda, advice: try await Self.advice(agenda.map(\.id), on: conn), waiting: waiting)
        }
    }

    func schedule(_ caseID: UUID, on sessionID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let (s, table) = try await Self.seat(sessionID, by, chair: true, on: conn)
            guard s.status == TableSessionStatus.planned.rawValue || s.status == TableSessionStatus.live.rawValue else { throw DomainError.conflict("transition") }
            let m = try await Self.caseModel(caseID, on: conn)
            guard m.tableID == table.id else { throw DomainError.notFound }
            let agenda = try await Self.agenda(sessionID, on: conn)
            if agenda.count >= s.domain.capacity { throw DomainError.conflict("full") }
            let previous = m.sessionID
            _ = try Self.apply(.schedule(sessionID: sessionID), to: m, by: .chair, by)
            m.agendaPosition = (agenda.compactMap(\.agendaPosition).max() ?? 0) + 1
            try await m.save(on: conn)
            if previous != sessionID { try await Self.bump(previous, on: conn) }
            try await Self.bump(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_case", caseID, basis: .tableMembership, detail: "scheduled"), on: conn)
        }
    }

    func unschedule(_ caseID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard let sessionID = m.sessionID else { throw DomainError.conflict("transition") }
            let (s, _) = try await Self.seat(sessionID, by, chair: true, on: conn)
            if s.currentCaseID == caseID { s.currentCaseID = nil; try await s.save(on: conn) }
            _ = try Self.apply(.unschedule, to: m, by: .chair, by)
            try await m.save(on: conn)
            try await Self.bump(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_case", caseID, basis: .tableMembership, detail: "unscheduled"), on: conn)
        }
    }

    func move(_ caseID: UUID, up: Bool, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard let sessionID = m.sessionID else { throw DomainError.conflict("transition") }
            _ = try await Self.seat(sessionID, by, chair: true, on: conn)
            // Renumber the whole agenda in its current order, then swap with the neighbour.
            var order = try await Self.agenda(sessionID, on: conn).map(\.id)
            guard let i = order.firstIndex(of: caseID) else { throw DomainError.notFound }
            let j = up ? i - 1 : i + 1
            guard order.indices.contains(j) else { return }
            order.swapAt(i, j)
            for (position, id) in order.enumerated() {
                let c = try await Self.caseModel(id, on: conn)
                if c.agendaPosition != position + 1 { c.agendaPosition = position + 1; try await c.save(on: conn) }
            }
            try await Self.bump(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_session", sessionID, basis: .tableMembership, detail: "agenda order"), on: conn)
        }
    }

    func startSession(_ sessionID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let (s, _) = try await Self.seat(sessionID, by, chair: true, on: conn)
            guard s.status == TableSessionStatus.planned.rawValue else { throw DomainError.conflict("transition") }
            s.status = TableSessionStatus.live.rawValue; s.startedAt = by.at
            s.currentCaseID = try await Self.agenda(sessionID, on: conn).first { $0.status == .scheduled }?.id
            s.revision += 1
            try await s.save(on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_session", sessionID, basis: .tableMembership, detail: "started"), on: conn)
        }
    }

    func setCurrentCase(_ caseID: UUID?, in sessionID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let (s, _) = try await Self.seat(sessionID, by, chair: true, on: conn)
            guard s.status == TableSessionStatus.live.rawValue else { throw DomainError.conflict("transition") }
            if let caseID { guard try await Self.caseModel(caseID, on: conn).sessionID == sessionID else { throw DomainError.notFound } }
            s.currentCaseID = caseID; s.revision += 1
            try await s.save(on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_session", sessionID, basis: .tableMembership, detail: "current case"), on: conn)
        }
    }

    func closeSession(_ sessionID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let (s, _) = try await Self.seat(sessionID, by, chair: true, on: conn)
            guard s.status == TableSessionStatus.live.rawValue else { throw DomainError.conflict("transition") }
            s.status = TableSessionStatus.closed.rawValue; s.closedAt = by.at; s.currentCaseID = nil; s.revision += 1
            try await s.save(on: conn)
            try await Self.returnToWaiting(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_session", sessionID, basis: .tableMembership, detail: "closed"), on: conn)
        }
    }

    func recordOutcome(_ outcome: CaseOutcome, caseID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard let sessionID = m.sessionID else { throw DomainError.conflict("transition") }
            let (s, table) = try await Self.seat(sessionID, by, chair: true, on: conn)
            guard s.status == TableSessionStatus.live.rawValue else { throw DomainError.conflict("not_live") }
            let event: CaseEvent
            switch outcome {
            case .advice(let text):
                event = .advise(text: try Self.checkText(text))
            case .takeover(let org, let text):
                guard CaseTablePolicy(user: by.user, organisation: by.organisation).mayTakeOver(organisationID: org, at: table) else {
                    throw ValidationErrors("organisation", "error_ct_takeover_organisation")
                }
                event = .proposeTakeover(organisationID: org, text: try Self.checkText(text))
            }
            _ = try Self.apply(event, to: m, by: .chair, by)
            try await m.save(on: conn)
            try await Self.bump(sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_case", caseID, basis: .tableMembership, detail: m.status), on: conn)
        }
    }

    // MARK: the take-over

    func confirmTakeover(_ caseID: UUID, route: CareRoute, request: String, by: Accessor) async throws {
        guard let link = try await CaseClientModel.find(caseID, on: db), link.submitterUserID == by.user.id else { throw DomainError.notFound }
        try await records.guarded(link.clientID, by, .update, "table_case", objectID: caseID.uuidString, detail: "take-over confirmed") { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard m.submittedBy == by.user.id, let orgID = m.takeoverOrganisationID else { throw DomainError.conflict("transition") }
            guard m.status == CaseStatus.takeoverProposed.rawValue else { throw DomainError.conflict("transition") }
            let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == link.clientID).all().map(\.domain)
            guard ConsentPolicy.covers(consents, purpose: .casuistiekOvername, organisationID: orgID, at: by.at) else {
                throw DomainError.conflict("consent")
            }
            let requestText = request.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !requestText.isEmpty else { throw ValidationErrors("request", "error_required") }
            guard requestText.count <= 2000 else { throw ValidationErrors("request", "error_too_long") }
            guard let to = try await FluentOrganisationRepository(db: conn, gate: gate).find(id: orgID) else { throw DomainError.notFound }
            var handoverID: UUID?
            // The own organisation taking over is no handover; anyone else gets one, in the client's plan.
            if let kind = HandoverRules.kind(from: by.organisation, fromTeamID: by.user.teamID, to: to, toTeamID: nil) {
                let plan = try await ActionPlanModel.query(on: conn).filter(\.$clientID == link.clientID).sort(\.$createdAt, .descending).first()
                let actionID = plan == nil ? nil : UUID()
                let handover = Handover(clientID: link.clientID, actionID: actionID, kind: kind, route: route, fromOrganisationID: by.organisation.id,
                                        fromUserID: by.user.id, toOrganisationID: orgID, toTeamID: nil, request: requestText,
                                        letter: kind == .terugverwijzing ? requestText : nil, requestedAt: by.at)
                try await HandoverModel(handover).create(on: conn)
                try await FluentClientRecords.noticeNewHandover(handover, on: conn)
                if let plan, let actionID {
                    let action = PlanAction(id: actionID, goalID: nil, route: route, organisationID: orgID, teamID: nil,
                                            service: "Overname na casuïstiektafel (casus \(m.number))", description: m.outcomeText ?? "",
                                            ownerUserID: by.user.id, due: nil, createdAt: by.at, handoverID: handover.id)
                    try await PlanActionModel(action, planID: plan.id!).create(on: conn)
                }
                try await MonitorMaintenance.refresh(link.clientID, on: conn, at: by.at)  // case audit entries carry no client id
                handoverID = handover.id
            }
            _ = try Self.apply(.confirmTakeover(handoverID: handoverID), to: m, by: .submitter, by)
            try await m.save(on: conn)
            try await Self.bump(m.sessionID, on: conn)
        }
    }

    func declineTakeover(_ caseID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let m = try await Self.caseModel(caseID, on: conn)
            guard m.submittedBy == by.user.id, by.user.isActive else { throw DomainError.notFound }
            _ = try Self.apply(.declineTakeover, to: m, by: .submitter, by)
            try await m.save(on: conn)
            try await Self.bump(m.sessionID, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "table_case", caseID, basis: .careRelationship, detail: "take-over declined"), on: conn)
        }
    }

    // MARK: lists and figures

    func revision(of sessionID: UUID) async throws -> Int? {
        try await TableSessionModel.find(sessionID, on: db)?.revision
    }

    func submittedCases(by: Accessor) async throws -> [SubmittedCase] {
        try await gate.write(db) { conn in
            guard let role = ClientAccessPolicy.careRole(of: by.user), by.user.isActive else { return [] }
            let cases = try await TableCaseModel.query(on: conn).filter(\.$submittedBy == by.user.id).sort(\.$submittedAt, .descending).all().map(\.domain)
            guard !cases.isEmpty else { return [] }
            let links = try await CaseClientModel.query(on: conn).filter(\.$id ~~ cases.map(\.id)).filter(\.$submitterUserID == by.user.id).all()
            let clientOf = Dictionary(uniqueKeysWithValues: links.map { ($0.id!, $0.clientID) })
            let names = Dictionary(uniqueKeysWithValues: try await Self.allTables(on: conn).map { ($0.id, $0.name) })
            var result: [SubmittedCase] = []
            var allowed: [UUID: String] = [:]
            for clientID in Set(clientOf.values) {
                // The same rule as every client read: only while the submitter is in the client's care team.
                let team = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
                guard case .allowed(let basis, _) = ClientAccessPolicy.decide(user: by.user, careTeam: team, at: by.at),
                      let client = try await ClientModel.find(clientID, on: conn) else { continue }
                allowed[clientID] = client.name
                try await FluentAuditLog.append(FluentClientRecords.audit(by, .read, "table_case_list", clientID.uuidString, role: role, basis: basis,
                                                                          clientID: clientID), on: conn)
            }
            for c in cases {
                guard let clientID = clientOf[c.id], let name = allowed[clientID] else { continue }
                result.append(SubmittedCase(tableCase: c, tableName: names[c.tableID] ?? "", clientID: clientID, clientName: name))
            }
            return result
        }
    }

    func figures(by: Accessor) async throws -> [(table: CaseTable, figures: TableFigures)] {
        let policy = CaseTablePolicy(user: by.user, organisation: by.organisation)
        return try await gate.write(db) { conn in
            let tables = try await Self.allTables(on: conn).filter { policy.managesTables || policy.isMember($0) }
            let cases = Dictionary(grouping: try await TableCaseModel.query(on: conn).all().map(\.domain), by: \.tableID)
            return tables.map { ($0, TableFigures(cases: cases[$0.id] ?? [])) }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await f(self)
    }
}
