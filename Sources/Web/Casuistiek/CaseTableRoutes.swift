import Domain
import Foundation
import Vapor

/// The casuïstiektafels: the overview (my tables, my cases, every table for the coordinator), one table
/// with its sessions, waiting cases and figures, setting a table up, and planning a session.
enum CaseTableRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.caseTables, use: overview)
        routes.get(.caseTableNew, use: newForm)
        routes.post(.caseTableNew, use: create)
        routes.get(.caseTable(nil), use: show)
        routes.get(.caseTableEdit(nil), use: editForm)
        routes.post(.caseTableEdit(nil), use: update)
        routes.post(.caseTableSession(nil), use: planSession)
    }

    static func policy(_ req: Request) throws -> CaseTablePolicy {
        let me = try req.currentUser()
        return CaseTablePolicy(user: me.user, organisation: me.organisation)
    }

    static func mayUse(_ user: User, _ organisation: Organisation) -> Bool {
        let p = CaseTablePolicy(user: user, organisation: organisation)
        return p.maySubmit || p.managesTables
    }

    // MARK: overview

    struct TableRow: Encodable {
        var name: String, path: String, theme: String, next: String?, role: String?, waiting: Int?, active: Bool
    }
    struct CaseRow: Encodable {
        var title: String, path: String, table: String, client: String, clientPath: String, status: String, statusValue: String, submitted: String
        var needsAnswer: Bool
    }
    struct FigureRow: Encodable { var name: String; var figures: FiguresView }
    struct OverviewPage: Encodable {
        var tables: [TableRow], cases: [CaseRow], figures: [FigureRow], canManage: Bool, newPath: String, canSubmit: Bool, clientsPath: String
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayUse(me.user, me.organisation))
        let accessor = try req.accessor()
        let policy = try policy(req)
        let tables = try await req.repositories.cases.tables(by: accessor).map { s in
            TableRow(name: s.table.name, path: SiteURL.caseTable(s.table.id).path, theme: s.table.theme,
                     next: s.nextSession.map { DutchDate.dayTime($0.startsAt) },
                     role: s.isChair ? req.t("ct_role_chair") : s.isMember ? req.t("ct_role_member") : nil, waiting: s.waiting, active: s.table.isActive)
        }
        let cases = try await req.repositories.cases.submittedCases(by: accessor).map { c in
            CaseRow(title: req.t("ct_case_number", ["n": "\(c.tableCase.number)"]), path: SiteURL.tableCase(c.tableCase.id).path, table: c.tableName,
                    client: c.clientName, clientPath: SiteURL.client(c.clientID).path, status: req.t(c.tableCase.status.labelKey),
                    statusValue: c.tableCase.status.rawValue, submitted: DutchDate.day(c.tableCase.submittedAt),
                    needsAnswer: c.tableCase.status == .takeoverProposed)
        }
        let figures = policy.managesTables
            ? try await req.repositories.cases.figures(by: accessor).map { FigureRow(name: $0.table.name, figures: FiguresView(req, $0.figures)) } : []
        return try await req.render("casuistiek/overview", titleKey: "ct_title", OverviewPage(
            tables: tables, cases: cases, figures: figures, canManage: policy.managesTables, newPath: SiteURL.caseTableNew.path,
            canSubmit: policy.maySubmit, clientsPath: SiteURL.clients.path))
    }

    /// The figures the issue asks to keep, as a page shows them.
    struct FiguresView: Encodable {
        var submitted: Int, answered: Int, takenOver: Int, withdrawn: Int, open: Int, medianDays: String, shareTakenOver: String
        init(_ req: Request, _ f: TableFigures) {
            submitted = f.submitted; answered = f.answered; takenOver = f.takenOver; withdrawn = f.withdrawn; open = f.open
            medianDays = f.medianDaysToAdvice.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—"
            shareTakenOver = f.shareTakenOver.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
        }
    }

    // MARK: one table

    struct SessionRow: Encodable {
        var when: String, duration: Int, status: String, statusValue: String, agenda: Int, capacity: Int, path: String?, meetingLink: String?, upcoming: Bool
    }
    struct WaitingRow: Encodable {
        var title: String, path: String, ageBand: String, wijk: String, urgency: String, urgencyValue: String, question: String, submitted: String
    }
    struct TablePage: Encodable {
        var name: String, theme: String, chair: String, organisations: [String], members: [String], active: Bool
        var upcoming: [SessionRow], past: [SessionRow], waiting: [WaitingRow], seesCases: Bool
        var figures: FiguresView, canEdit: Bool, editPath: String
        var canPlan: Bool, sessionAction: String, date: FormField, time: FormField, duration: FormField, meetingLink: FormField
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await renderTable(req, id: try req.idParameter(), errors: ValidationErrors(), submitted: false, status: .ok)
    }

    static func renderTable(_ req: Request, id: UUID, errors: ValidationErrors, submitted: Bool, status: HTTPStatus) async throws -> Response {
        let policy = try policy(req)
        let d = try await req.repositories.cases.table(id, by: try req.accessor())
        let users = try await CaseViews.userNames(req)
        let orgs = try await CaseViews.organisationNames(req)
        let wijken = try await CaseViews.wijkNames(req)
        let member = policy.isMember(d.table)
        let rows = d.sessions.map { s in
            SessionRow(when: DutchDate.dayTime(s.startsAt), duration: s.durationMinutes, status: req.t(s.status.labelKey), statusValue: s.status.rawValue,
                       agenda: d.agendaCounts[s.id] ?? 0, capacity: s.capacity, path: member ? SiteURL.caseSession(s.id).path : nil,
                       meetingLink: member && (s.status == .planned || s.status == .live) ? s.meetingLink : nil,
                       upcoming: s.status == .live || (s.status == .planned && s.endsAt > req.now.addingTimeInterval(-3600)))
        }
        func f(_ n: String, _ v: String) -> FormField { FormField(submitted ? req.field(n) : v, error: errors[n].map { req.t($0) }) }
        return try await req.render("casuistiek/table", titleKey: "ct_table", TablePage(
            name: d.table.name, theme: d.table.theme, chair: users[d.table.chairUserID] ?? "—",
            organisations: d.table.memberOrganisationIDs.compactMap { orgs[$0] }.sorted(),
            members: d.table.memberUserIDs.compactMap { users[$0] }.sorted(), active: d.table.isActive,
            upcoming: rows.filter(\.upcoming), past: rows.filter { !$0.upcoming }.reversed(),
            waiting: d.waiting.map { CaseViews.waitingRow(req, $0, wijken: wijken) }, seesCases: member,
            figures: FiguresView(req, d.figures), canEdit: policy.managesTables, editPath: SiteURL.caseTableEdit(id).path,
            canPlan: policy.mayPlan(d.table) && d.table.isActive, sessionAction: SiteURL.caseTableSession(id).path,
            date: f("date", ""), time: f("time", "16:00"), duration: f("duration", "60"), meetingLink: f("meeting_link", d.table.defaultMeetingLink)),
            status: status)
    }

    @Sendable static func planSession(req: Request) async throws -> Response {
        let id = try req.idParameter()
        var errors = ValidationErrors()
        let start = PlanningRoutes.parse(day: req.field("date"), time: req.field("time"))
        if DateOnly(req.field("date")) == nil { errors.add("date", "error_date_invalid") }
        else if start == nil { errors.add("time", "error_time_invalid") }
        guard let duration = Int(req.field("duration")) else {
            errors.add("duration", "error_ct_duration")
            return try await renderTable(req, id: id, errors: errors, submitted: true, status: .unprocessableEntity)
        }
        let session = TableSession(tableID: id, startsAt: start ?? req.now, durationMinutes: duration, meetingLink: req.field("meeting_link"))
        do {
            try errors.throwIfAny()
            try await req.repositories.cases.planSession(session, by: try req.accessor())
        } catch let e as ValidationErrors {
            var all = errors
            for (k, v) in e.fields.sorted(by: { $0.key < $1.key }) where start != nil || k != "starts_at" { all.add(k == "starts_at" ? "date" : k, v) }
            return try await renderTable(req, id: id, errors: all, submitted: true, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.caseTable(id).path + "?melding=flash_ct_session_planned", redirectType: .normal)
    }

    // MARK: setting a table up

    struct PersonOption: Encodable { var value: String; var label: String; var organisation: String; var selected: Bool; var chair: Bool }
    struct FormPage: Encodable {
        var isNew: Bool, action: String, name: FormField, theme: FormField, meetingLink: FormField, active: Bool
        var organisations: [Option], people: [PersonOption], organisationsError: String?, membersError: String?, chairError: String?, errors: [String]
    }

    static func renderForm(_ req: Request, table: CaseTable?, errors: ValidationErrors = ValidationErrors(), submitted: Bool = false,
                           status: HTTPStatus = .ok) async throws -> Response {
        try req.require(try policy(req).managesTables)
        func f(_ n: String, _ v: String?) -> FormField { FormField(submitted ? req.field(n) : (v ?? ""), error: errors[n].map { req.t($0) }) }
        let orgs = try await AanmeldingRoutes.careOrganisations(req)
        let chosenOrgs = Set(submitted ? req.fieldValues("organisations").compactMap { UUID(uuidString: $0) } : table?.memberOrganisationIDs ?? [])
        let chosenPeople = Set(submitted ? req.fieldValues("members").compactMap { UUID(uuidString: $0) } : table?.memberUserIDs ?? [])
        let chair = submitted ? UUID(uuidString: req.field("chair")) : table?.chairUserID
        let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, $0.name) })
        let people = try await req.repositories.users.list(organisationIDs: nil)
            .filter { $0.isActive && ClientAccessPolicy.careRole(of: $0) != nil && orgName[$0.organisationID] != nil }
        return try await req.render("casuistiek/table-form", titleKey: table == nil ? "ct_table_new" : "ct_table_edit", FormPage(
            isNew: table == nil, action: table.map { SiteURL.caseTableEdit($0.id).path } ?? SiteURL.caseTableNew.path,
            name: f("name", table?.name), theme: f("theme", table?.theme), meetingLink: f("meeting_link", table?.defaultMeetingLink),
            active: submitted ? req.field("active") == "1" : table?.isActive ?? true,
            organisations: orgs.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: chosenOrgs.contains($0.id)) },
            people: people.map { PersonOption(value: $0.id.uuidString.lowercased(), label: $0.name, organisation: orgName[$0.organisationID] ?? "",
                                              selected: chosenPeople.contains($0.id), chair: $0.id == chair) },
            organisationsError: errors["organisations"].map { req.t($0) }, membersError: errors["members"].map { req.t($0) },
            chairError: errors["chair"].map { req.t($0) }, errors: errors.isEmpty ? [] : [req.t("error_form")]), status: status)
    }

    @Sendable static func newForm(req: Request) async throws -> Response { try await renderForm(req, table: nil) }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let d = try await req.repositories.cases.table(try req.idParameter(), by: try req.accessor())
        return try await renderForm(req, table: d.table)
    }

    static func submittedTable(_ req: Request, base: CaseTable) -> CaseTable {
        var t = base
        t.name = req.field("name"); t.theme = req.field("theme"); t.defaultMeetingLink = req.field("meeting_link")
        t.memberOrganisationIDs = req.fieldValues("organisations").compactMap { UUID(uuidString: $0) }
        t.memberUserIDs = req.fieldValues("members").compactMap { UUID(uuidString: $0) }
        t.chairUserID = UUID(uuidString: req.field("chair")) ?? UUID()
        // The chair sits at the table by definition.
        if UUID(uuidString: req.field("chair")) != nil && !t.memberUserIDs.contains(t.chairUserID) { t.memberUserIDs.append(t.chairUserID) }
        t.isActive = req.field("active") == "1"
        return t
    }

    static func save(_ req: Request, _ table: CaseTable, existing: CaseTable?) async throws -> Response {
        do { try await req.repositories.cases.saveTable(table, by: try req.accessor()) }
        catch let e as ValidationErrors { return try await renderForm(req, table: existing, errors: e, submitted: true, status: .unprocessableEntity) }
        return req.redirect(to: SiteURL.caseTable(table.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(try policy(req).managesTables)
        let base = CaseTable(regionID: me.organisation.regionID, name: "", theme: "", chairUserID: UUID(), memberOrganisationIDs: [], memberUserIDs: [],
                             defaultMeetingLink: "", createdAt: req.now)
        return try await save(req, submittedTable(req, base: base), existing: nil)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let d = try await req.repositories.cases.table(try req.idParameter(), by: try req.accessor())
        try req.require(try policy(req).managesTables)
        return try await save(req, submittedTable(req, base: d.table), existing: d.table)
    }
}
