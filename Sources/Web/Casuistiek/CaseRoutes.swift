import Domain
import Foundation
import Vapor

/// A case: brought in from the client's record (pseudonymised, checked for identifiers), read by the
/// table, advised on in writing, withdrawn by the submitter, and — after a take-over proposal — confirmed
/// with the client's consent or ended with the advice.
enum CaseRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.clientTableCase(nil), use: submitForm)
        routes.post(.clientTableCase(nil), use: submit)
        routes.get(.tableCase(nil), use: show)
        routes.post(.tableCaseAdvice(nil), use: addAdvice)
        routes.post(.tableCaseWithdraw(nil), use: withdraw)
        routes.post(.tableCaseTakeover(nil), use: takeover)
    }

    // MARK: bringing a case in

    struct SubmitPage: Encodable {
        var clientName: String, clientPath: String, ageBand: String, action: String
        var tables: [Option], tableError: String?, urgencies: [Option], wijken: [Option]
        var situation: FormField, tried: FormField, question: FormField
        var situationFound: String?, triedFound: String?, questionFound: String?
        var errors: [String], noTables: Bool
    }

    static func renderSubmit(_ req: Request, clientID: UUID, errors: ValidationErrors = ValidationErrors(),
                             findings: [String: [IdentifierCheck.Finding]] = [:], submitted: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let accessor = try req.accessor()
        try req.require(CaseTablePolicy(user: accessor.user, organisation: accessor.organisation).maySubmit)
        let record = try await req.repositories.clients.record(clientID, by: accessor)
        let tables = try await req.repositories.cases.tables(by: accessor).filter(\.table.isActive)
        let chosenTable = submitted ? req.field("table") : (tables.count == 1 ? tables[0].table.id.uuidString.lowercased() : "")
        let urgency = submitted ? req.field("urgency") : CaseUrgency.regulier.rawValue
        let wijk = submitted ? req.field("wijk") : record.client.wijkID?.uuidString.lowercased() ?? ""
        let wijken = try await req.repositories.region.wijken().sorted { $0.name < $1.name }
        func f(_ n: String) -> FormField { FormField(submitted ? req.field(n) : "", error: errors[n].map { req.t($0) }) }
        func found(_ n: String) -> String? { findings[n].map { CaseViews.findingsText(req, $0) } }
        return try await req.render("casuistiek/submit", titleKey: "ct_submit_title", SubmitPage(
            clientName: record.client.name, clientPath: SiteURL.client(clientID).path,
            ageBand: AgeBand(age: record.client.dateOfBirth.age(on: req.now)).label, action: SiteURL.clientTableCase(clientID).path,
            tables: [Option(value: "", label: req.t("choose"), selected: chosenTable.isEmpty)]
                + tables.map { Option(value: $0.table.id.uuidString.lowercased(), label: $0.table.name + ($0.table.theme.isEmpty ? "" : " — " + $0.table.theme),
                                      selected: $0.table.id.uuidString.lowercased() == chosenTable) },
            tableError: errors["table"].map { req.t($0) },
            urgencies: CaseUrgency.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0.rawValue == urgency) },
            wijken: [Option(value: "", label: req.t("ct_wijk_not_given"), selected: wijk.isEmpty)]
                + wijken.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id.uuidString.lowercased() == wijk) },
            situation: f("situation"), tried: f("tried"), question: f("question"),
            situationFound: found("situation"), triedFound: found("tried"), questionFound: found("question"),
            errors: errors.isEmpty ? [] : [req.t(findings.isEmpty ? "error_form" : "ct_error_identifiers_summary")], noTables: tables.isEmpty),
            status: status)
    }

    @Sendable static func submitForm(req: Request) async throws -> Response {
        try await renderSubmit(req, clientID: try req.idParameter())
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let clientID = try req.idParameter()
        let accessor = try req.accessor()
        try req.require(CaseTablePolicy(user: accessor.user, organisation: accessor.organisation).maySubmit)
        // The record is read (and the read logged) to check the text against the client's own name.
        let record = try await req.repositories.clients.record(clientID, by: accessor)
        let tables = try await req.repositories.cases.tables(by: accessor).filter(\.table.isActive)
        var errors = ValidationErrors()
        let tableID = UUID(uuidString: req.field("table")).flatMap { id in tables.first { $0.table.id == id }?.table.id }
        if tableID == nil { errors.add("table", "error_choose") }
        guard let urgency = CaseUrgency(rawValue: req.field("urgency")) else { throw Abort(.badRequest) }
        let wijkID = UUID(uuidString: req.field("wijk"))
        if let wijkID, try await req.repositories.region.wijk(id: wijkID) == nil { throw Abort(.badRequest) }
        let c = TableCase(tableID: tableID ?? UUID(), submittedBy: accessor.user.id, submitterOrganisationID: accessor.organisation.id,
                          submittedAt: req.now, ageBand: AgeBand(age: record.client.dateOfBirth.age(on: req.now)), wijkID: wijkID,
                          situation: req.field("situation"), tried: req.field("tried"), question: req.field("question"), urgency: urgency)
        let (fieldErrors, findings) = c.validate(about: IdentifierCheck.Person(name: record.client.name))
        for (k, v) in fieldErrors.fields.sorted(by: { $0.key < $1.key }) { errors.add(k, v) }
        guard errors.isEmpty else {
            return try await renderSubmit(req, clientID: clientID, errors: errors, findings: findings, submitted: true, status: .unprocessableEntity)
        }
        do { try await req.repositories.cases.submit(c, clientID: clientID, by: accessor) }
        catch let e as ValidationErrors {
            return try await renderSubmit(req, clientID: clientID, errors: e, submitted: true, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.tableCase(c.id).path + "?melding=flash_ct_submitted", redirectType: .normal)
    }

    // MARK: the case page

    struct CasePage: Encodable {
        var tableCase: CaseViews.CaseView, one: [CaseViews.CaseView], tableName: String, tablePath: String
        var session: String?, sessionPath: String?, meetingLink: String?
        var isSubmitter: Bool, clientName: String?, clientPath: String?
        var canAdvise: Bool, adviceAction: String, adviceText: FormField
        var canWithdraw: Bool, withdrawAction: String, reason: FormField
        var takeover: Takeover?
        var error: String?
    }
    struct Takeover: Encodable {
        var organisation: String, consent: Bool, consentPath: String, action: String, routes: [Option], request: FormField, hasPlan: Bool
    }

    static func render(_ req: Request, caseID: UUID, errors: ValidationErrors = ValidationErrors(), error: String? = nil,
                       submitted: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let accessor = try req.accessor()
        let d = try await req.repositories.cases.caseDetail(caseID, by: accessor)
        let policy = CaseTablePolicy(user: accessor.user, organisation: accessor.organisation)
        let users = try await CaseViews.userNames(req), orgs = try await CaseViews.organisationNames(req), wijken = try await CaseViews.wijkNames(req)
        let c = d.tableCase
        let member = policy.isMember(d.table)
        let isSubmitter = c.submittedBy == accessor.user.id
        var takeover: Takeover?
        if isSubmitter, c.status == .takeoverProposed, let org = c.takeoverOrganisationID, let client = d.client {
            let orgType = try await req.repositories.organisations.find(id: org)?.type
            let route = submitted ? req.field("route") : CareRoute.usualTakeover(by: orgType).rawValue
            takeover = Takeover(
                organisation: orgs[org] ?? "—", consent: client.consentForTakeover,
                consentPath: SiteURL.client(client.id).path + "?toestemming=casuistiek_overname&organisatie=\(org.uuidString.lowercased())#toestemming",
                action: SiteURL.tableCaseTakeover(caseID).path,
                routes: CareRoute.allCases.filter { $0 != .zelfhulp && $0 != .casuistiektafel }
                    .map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0.rawValue == route) },
                request: FormField(submitted ? req.field("request") : (c.outcomeText ?? ""), error: errors["request"].map { req.t($0) }),
                hasPlan: client.hasPlan)
        }
        let view = CaseViews.caseView(req, c, advice: d.advice, users: users, organisations: orgs, wijken: wijken)
        let page = CasePage(
            tableCase: view, one: [view],
            tableName: d.table.name, tablePath: SiteURL.caseTable(d.table.id).path,
            session: d.session.map { DutchDate.dayTime($0.startsAt) }, sessionPath: member ? d.session.map { SiteURL.caseSession($0.id).path } : nil,
            meetingLink: member ? d.session.flatMap { $0.status == .planned || $0.status == .live ? $0.meetingLink : nil } : nil,
            isSubmitter: isSubmitter, clientName: d.client?.name, clientPath: d.client.map { SiteURL.client($0.id).path },
            canAdvise: policy.mayAdvise(c, at: d.table), adviceAction: SiteURL.tableCaseAdvice(caseID).path,
            adviceText: FormField(submitted && errors["text"] != nil ? req.field("text") : "", error: errors["text"].map { req.t($0) }),
            canWithdraw: isSubmitter && c.status.isOpen, withdrawAction: SiteURL.tableCaseWithdraw(caseID).path,
            reason: FormField(submitted && errors["reason"] != nil ? req.field("reason") : "", error: errors["reason"].map { req.t($0) }),
            takeover: takeover, error: error)
        return try await req.render("casuistiek/case", titleKey: "ct_case", page, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await render(req, caseID: try req.idParameter()) }

    @Sendable static func addAdvice(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        let advice = CaseAdvice(caseID: id, authorUserID: accessor.user.id, authorOrganisationID: accessor.organisation.id,
                                text: req.field("text"), writtenAt: req.now, duringSession: false)
        do { try await req.repositories.cases.addAdvice(advice, by: accessor) }
        catch let e as ValidationErrors { return try await render(req, caseID: id, errors: e, submitted: true, status: .unprocessableEntity) }
        catch DomainError.conflict { return try await render(req, caseID: id, error: req.t("ct_error_closed"), status: .conflict) }
        return req.redirect(to: SiteURL.tableCase(id).path + "?melding=flash_ct_advice_added", redirectType: .normal)
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        let id = try req.idParameter()
        do { try await req.repositories.cases.withdraw(id, reason: req.field("reason"), by: try req.accessor()) }
        catch let e as ValidationErrors {
            var errors = ValidationErrors()
            for (_, v) in e.fields { errors.add("reason", v) }
            return try await render(req, caseID: id, errors: errors, submitted: true, status: .unprocessableEntity)
        }
        catch DomainError.conflict { return try await render(req, caseID: id, error: req.t("ct_error_closed"), status: .conflict) }
        return req.redirect(to: SiteURL.tableCase(id).path + "?melding=flash_ct_withdrawn", redirectType: .normal)
    }

    @Sendable static func takeover(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        do {
            switch req.field("action") {
            case "confirm":
                guard let route = CareRoute(rawValue: req.field("route")) else { throw Abort(.badRequest) }
                try await req.repositories.cases.confirmTakeover(id, route: route, request: req.field("request"), by: accessor)
                return req.redirect(to: SiteURL.tableCase(id).path + "?melding=flash_ct_taken_over", redirectType: .normal)
            case "decline":
                try await req.repositories.cases.declineTakeover(id, by: accessor)
                return req.redirect(to: SiteURL.tableCase(id).path + "?melding=flash_ct_declined", redirectType: .normal)
            default: throw Abort(.badRequest)
            }
        } catch let e as ValidationErrors {
            return try await render(req, caseID: id, errors: e, submitted: true, status: .unprocessableEntity)
        } catch DomainError.conflict(let what) {
            return try await render(req, caseID: id, error: req.t(what == "consent" ? "ct_error_no_consent" : "ct_error_closed"), submitted: true, status: .conflict)
        }
    }
}
