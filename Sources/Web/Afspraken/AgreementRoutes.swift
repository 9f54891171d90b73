import Domain
import Foundation
import Vapor

/// Samenwerkingsafspraken: the coordinator records agreements and their norms (a change applies from
/// its date); everyone sees how well they are kept, per norm, month and organisation, measured from the
/// timestamps MGN records; each organisation sees its open items about to miss a norm.
enum AgreementRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.agreements, use: list)
        routes.get(.agreementTodo, use: todo)
        routes.get(.agreementNew, use: newForm)
        routes.post(.agreementNew, use: create)
        routes.get(.agreement(nil), use: show)
        routes.get(.agreementEdit(nil), use: editForm)
        routes.post(.agreementEdit(nil), use: update)
    }

    static let months = 12

    /// Items and the organisations' types for the last year (and a month before, for items still open).
    static func measure(_ req: Request) async throws -> (items: [NormItem], types: [UUID: OrganisationType], orgs: [UUID: Organisation]) {
        let cal = WorkingDays().calendar
        let from = cal.date(byAdding: .month, value: -(months + 1), to: req.now)!
        let items = try await req.repositories.agreements.items(from: from, to: req.now)
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        return (items, orgs.mapValues(\.type), orgs)
    }

    static func period(_ now: Date) -> ClosedRange<YearMonth> {
        let cal = WorkingDays().calendar
        let last = YearMonth(now, calendar: cal)
        return last.adding(months: 1 - months)...last
    }

    static func percent(_ t: AdherenceTotals) -> String { t.share.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }

    // MARK: list and to-do

    struct ListPage: Encodable { var agreements: [AgreementView]; var canManage: Bool; var todoCount: Int }
    struct AgreementView: Encodable { var title: String; var path: String; var parties: String; var effective: String; var ended: String?; var norms: [NormSummary] }
    struct NormSummary: Encodable { var label: String; var limit: String; var share: String; var met: Int; var missed: Int; var open: Int }

    static func partiesText(_ req: Request, _ a: Agreement, _ orgs: [UUID: Organisation]) -> String {
        a.parties.map { p in
            switch p {
            case .organisation(let id): orgs[id]?.name ?? "—"
            case .organisationType(let t): req.t(t.labelKey)
            }
        }.joined(separator: ", ")
    }

    static func limitText(_ req: Request, _ v: NormVersion?) -> String {
        guard let v else { return "—" }
        guard let l = v.limit else { return req.t("norm_no_limit") }
        return req.t(v.kind.usesWorkingDays ? "norm_working_days" : "norm_days", ["n": String(l)])
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let agreements = try await req.repositories.agreements.all()
        let m = try await measure(req)
        let adherence = Adherence()
        let today = DateOnly(req.now, calendar: WorkingDays().calendar)
        let views = agreements.map { a -> AgreementView in
            let byKind = AdherenceSummary.byKind(adherence.rows(agreement: a, items: m.items, organisations: m.types, now: req.now), months: period(req.now))
            return AgreementView(title: a.title, path: SiteURL.agreement(a.id).path, parties: partiesText(req, a, m.orgs), effective: DutchDate.day(a.effectiveFrom),
                                 ended: a.endedOn.map(DutchDate.day), norms: a.kinds.map { k in
                                     let t = byKind.first { $0.kind == k }?.totals ?? AdherenceTotals()
                                     return NormSummary(label: req.t(k.labelKey), limit: limitText(req, a.norm(k, on: today) ?? a.versions(of: k).last),
                                                        share: percent(t), met: t.met, missed: t.missed, open: t.open)
                                 })
        }
        let todo = adherence.todo(agreements: agreements, items: m.items, organisations: m.types, organisationID: me.organisation.id, now: req.now)
        return try await req.render("afspraken/list", titleKey: "agreements_title",
                                    ListPage(agreements: views, canManage: me.admin.coordinatesRegion, todoCount: todo.count))
    }

    struct TodoPage: Encodable { var organisation: String; var items: [TodoView] }
    struct TodoView: Encodable { var what: String; var agreement: String; var deadline: String; var overdue: Bool; var path: String; var started: String }

    /// One to-do item and what it is about: the handover, the casuïstiektafel case, or the conversation
    /// that still needs its advice letter, with its client when the user is in the client's care team (ids only).
    struct TodoEntry {
        var todo: TodoItem, handoverID: UUID?, caseID: UUID?, appointmentID: UUID?, clientID: UUID?
        /// The page where the work is done; it applies the usual access rules.
        var path: String {
            if let handoverID { return SiteURL.handovers.path + "#overdracht-" + handoverID.uuidString }
            if let caseID { return SiteURL.tableCase(caseID).path }
            if let clientID { return SiteURL.client(clientID).path + "#plan" }
            return SiteURL.clients.path
        }
    }

    /// The organisation's open items that are overdue or due within two working days (page and API).
    static func todoEntries(_ req: Request, organisationID: UUID) async throws -> [TodoEntry] {
        let agreements = try await req.repositories.agreements.all()
        let m = try await measure(req)
        let items = Adherence().todo(agreements: agreements, items: m.items, organisations: m.types, organisationID: organisationID, now: req.now)
        let appointments = items.filter { $0.kind == .adviceLetter }.map(\.item.id)
        let clients = appointments.isEmpty ? [:] : try await req.repositories.agreements.clients(ofAppointments: appointments, by: try req.accessor())
        return items.map { t in
            switch t.kind {
            case .caseAdvice: TodoEntry(todo: t, handoverID: nil, caseID: t.item.id, appointmentID: nil, clientID: nil)
            case .adviceLetter: TodoEntry(todo: t, handoverID: nil, caseID: nil, appointmentID: t.item.id, clientID: clients[t.item.id])
            default: TodoEntry(todo: t, handoverID: t.item.id, caseID: nil, appointmentID: nil, clientID: nil)
            }
        }
    }

    /// No client names: the link leads to the handover, case or record, where the usual access rules apply.
    @Sendable static func todo(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let entries = try await todoEntries(req, organisationID: me.organisation.id)
        return try await req.render("afspraken/todo", titleKey: "agreements_todo_title", TodoPage(organisation: me.organisation.name, items: entries.map { e in
            TodoView(what: req.t("todo_\(e.todo.kind.rawValue)"), agreement: e.todo.agreementTitle, deadline: DutchDate.dayTime(e.todo.deadline),
                     overdue: e.todo.overdue, path: e.path, started: DutchDate.dayTime(e.todo.item.start))
        }))
    }

    // MARK: one agreement

    struct DetailPage: Encodable {
        var title: String, parties: String, effective: String, ended: String?, canManage: Bool, editPath: String
        var norms: [NormDetail], months: [String]
    }
    struct NormDetail: Encodable {
        var label: String, versions: [String], total: String, totalCounts: String
        var byMonth: [Cell], byOrganisation: [OrgRow]
    }
    /// `counts` is empty for a month without items (the share shows "—").
    struct Cell: Encodable { var share: String; var counts: String; var low: Bool }
    struct OrgRow: Encodable { var name: String; var share: String; var counts: String; var cells: [Cell] }

    @Sendable static func show(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard let a = try await req.repositories.agreements.find(id: try req.idParameter()) else { throw Abort(.notFound) }
        let m = try await measure(req)
        let rows = Adherence().rows(agreement: a, items: m.items, organisations: m.types, now: req.now)
        let range = period(req.now)
        let monthList = YearMonth.months(from: range.lowerBound, to: range.upperBound)
        func cell(_ t: AdherenceTotals) -> Cell {
            Cell(share: percent(t), counts: t.total == 0 ? "" : "\(t.met)/\(t.met + t.missed)\(t.open > 0 ? " +\(t.open)" : "")", low: (t.share ?? 1) < 0.8)
        }
        let norms = a.kinds.map { k -> NormDetail in
            let kindRows = rows.filter { $0.kind == k }
            let total = AdherenceSummary.total(kindRows, months: range)
            let byMonth = AdherenceSummary.byMonth(kindRows, from: range.lowerBound, to: range.upperBound)
            let byOrg = AdherenceSummary.byOrganisation(kindRows, kind: k, months: range)
            return NormDetail(
                label: req.t(k.labelKey),
                versions: a.versions(of: k).map { req.t("norm_version", ["limit": limitText(req, $0), "from": DutchDate.day($0.validFrom)]) },
                total: percent(total), totalCounts: "\(total.met)/\(total.met + total.missed)",
                byMonth: byMonth.map { cell($0.totals) },
                byOrganisation: byOrg.sorted { (m.orgs[$0.key]?.name ?? "") < (m.orgs[$1.key]?.name ?? "") }.map { org, t in
                    OrgRow(name: m.orgs[org]?.name ?? "—", share: percent(t), counts: "\(t.met)/\(t.met + t.missed)",
                           cells: AdherenceSummary.byMonth(kindRows.filter { $0.organisationID == org }, from: range.lowerBound, to: range.upperBound).map { cell($0.totals) })
                })
        }
        return try await req.render("afspraken/detail", titleKey: "agreements_title", DetailPage(
            title: a.title, parties: partiesText(req, a, m.orgs), effective: DutchDate.day(a.effectiveFrom), ended: a.endedOn.map(DutchDate.day),
            canManage: me.admin.coordinatesRegion, editPath: SiteURL.agreementEdit(a.id).path, norms: norms,
            months: monthList.map { DutchDate.shortMonth(year: $0.year, month: $0.month, locale: req.locale) }))
    }

    // MARK: the form

    struct FormPage: Encodable {
        var action: String, isNew: Bool, title: FormField, effectiveFrom: FormField, endedOn: FormField
        var types: [Option], organisations: [Option], partiesError: String?, norms: [NormField], normsError: String?, formError: Bool
    }
    struct NormField: Encodable {
        var kind: String, label: String, hint: String, limit: FormField, validFrom: FormField, hasLimit: Bool, current: String?, measured: Bool
    }

    static func requireManager(_ req: Request) throws -> CurrentUser {
        let me = try req.currentUser()
        try req.require(me.admin.coordinatesRegion)
        return me
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        _ = try requireManager(req)
        let today = DateOnly(req.now, calendar: WorkingDays().calendar)
        let draft = Agreement(title: "", parties: [], effectiveFrom: today, norms: [], createdAt: req.now, createdBy: UUID())
        return try await renderForm(req, draft, existing: nil, raw: [:], errors: ValidationErrors(), status: .ok)
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        _ = try requireManager(req)
        guard let a = try await req.repositories.agreements.find(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await renderForm(req, a, existing: a, raw: [:], errors: ValidationErrors(), status: .ok)
    }

    static func renderForm(_ req: Request, _ a: Agreement, existing: Agreement?, raw: [String: String], errors: ValidationErrors,
                           status: HTTPStatus) async throws -> Response {
        let orgs = try await req.repositories.organisations.all().filter(\.isActive).sorted { $0.name < $1.name }
        let today = DateOnly(req.now, calendar: WorkingDays().calendar)
        let partyTypes: [OrganisationType] = [.huisartsenpraktijk, .sociaalWijkteam, .ggzAanbieder, .steuncentrum, .gemeente]
        func field(_ name: String, _ fallback: String) -> FormField { FormField(raw[name] ?? fallback, error: errors[name].map { req.t($0) }) }
        let norms = NormKind.allCases.map { k -> NormField in
            let current = existing.flatMap { $0.norm(k, on: today) ?? $0.versions(of: k).last }
            let defaultFrom = existing == nil ? a.effectiveFrom : max(today, a.effectiveFrom)
            return NormField(kind: k.rawValue, label: req.t(k.labelKey), hint: req.t("norm_hint_\(k.rawValue)"),
                             limit: field(Agreement.limitField(k), current?.limit.map(String.init) ?? ""),
                             validFrom: field(Agreement.validFromField(k), DutchDate.day(defaultFrom)), hasLimit: k.hasLimit,
                             current: current.map { limitText(req, $0) + " (" + req.t("norm_since") + " " + DutchDate.day($0.validFrom) + ")" },
                             measured: raw[Agreement.limitField(k)] == "on" || (raw.isEmpty && current != nil))
        }
        let chosen = Set(a.parties.map(\.stored))
        return try await req.render("afspraken/form", titleKey: existing == nil ? "agreement_new" : "agreement_edit", FormPage(
            action: existing.map { SiteURL.agreementEdit($0.id).path } ?? SiteURL.agreementNew.path, isNew: existing == nil,
            title: field("title", a.title), effectiveFrom: field("effectiveFrom", existing == nil && a.title.isEmpty ? DutchDate.day(a.effectiveFrom) : DutchDate.day(a.effectiveFrom)),
            endedOn: field("endedOn", a.endedOn.map(DutchDate.day) ?? ""),
            types: partyTypes.map { t in let p = AgreementParty.organisationType(t); return Option(value: p.stored, label: req.t(t.labelKey), selected: chosen.contains(p.stored)) },
            organisations: orgs.map { o in let p = AgreementParty.organisation(o.id); return Option(value: p.stored, label: o.name, selected: chosen.contains(p.stored)) },
            partiesError: errors["parties"].map { req.t($0) }, norms: norms, normsError: errors["norms"].map { req.t($0) }, formError: !errors.isEmpty), status: status)
    }

    /// Reads the form into `base`: a norm whose limit differs from the version in force on its date
    /// becomes a new version from that date; earlier periods keep theirs.
    static func read(_ req: Request, into base: Agreement) -> (Agreement, [String: String], ValidationErrors) {
        var a = base, raw: [String: String] = [:], errors = ValidationErrors()
        for name in ["title", "effectiveFrom", "endedOn"] { raw[name] = req.field(name) }
        a.title = raw["title"]!.trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = DateOnly(raw["effectiveFrom"]!) { a.effectiveFrom = d } else { errors.add("effectiveFrom", raw["effectiveFrom"]!.isEmpty ? "error_required" : "error_date") }
        if raw["endedOn"]!.isEmpty { a.endedOn = nil } else if let d = DateOnly(raw["endedOn"]!) { a.endedOn = d } else { errors.add("endedOn", "error_date") }
        a.parties = req.fieldValues("parties").compactMap(AgreementParty.init(stored:))
        for k in NormKind.allCases {
            let limitName = Agreement.limitField(k), fromName = Agreement.validFromField(k)
            raw[limitName] = req.field(limitName); raw[fromName] = req.field(fromName)
            let from = DateOnly(raw[fromName]!) ?? a.effectiveFrom
            if !raw[fromName]!.isEmpty && DateOnly(raw[fromName]!) == nil { errors.add(fromName, "error_date"); continue }
            if k.hasLimit {
                let v = raw[limitName]!.trimmingCharacters(in: .whitespaces)
                if v.isEmpty { continue }  // no norm of this kind (an existing one stays as it was)
                guard let n = Int(v) else { errors.add(limitName, "error_norm_limit"); continue }
                a.changeNorm(k, limit: n, from: from)
            } else if raw[limitName] == "on" {
                a.changeNorm(k, limit: nil, from: from)
            }
        }
        for (f, e) in a.validate().fields { errors.add(f, e) }
        return (a, raw, errors)
    }

    static func coordinatorAudit(_ me: CurrentUser, _ action: AuditAction, _ a: Agreement, _ req: Request) -> AuditEvent {
        me.audit(action, "agreement", a.id.uuidString, role: me.user.has(.regiocoordinator) ? .regiocoordinator : .functioneelBeheerder,
                 basis: .administration, detail: a.title, on: req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try requireManager(req)
        let draft = Agreement(title: "", parties: [], effectiveFrom: DateOnly(req.now, calendar: WorkingDays().calendar), norms: [],
                              createdAt: req.now, createdBy: me.user.id)
        let (a, raw, errors) = read(req, into: draft)
        guard errors.isEmpty else { return try await renderForm(req, a, existing: nil, raw: raw, errors: errors, status: .unprocessableEntity) }
        try await req.repositories.agreements.save(a, audit: coordinatorAudit(me, .create, a, req))
        return req.redirect(to: SiteURL.agreement(a.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let me = try requireManager(req)
        guard let existing = try await req.repositories.agreements.find(id: try req.idParameter()) else { throw Abort(.notFound) }
        let (a, raw, errors) = read(req, into: existing)
        guard errors.isEmpty else { return try await renderForm(req, a, existing: existing, raw: raw, errors: errors, status: .unprocessableEntity) }
        try await req.repositories.agreements.save(a, audit: coordinatorAudit(me, .update, a, req))
        return req.redirect(to: SiteURL.agreement(a.id).path + "?melding=flash_saved", redirectType: .normal)
    }
}
