import Domain
import Foundation
import NIOCore
import Vapor

/// A session of a table: the agenda the chair puts together, the live page during the meeting (what is
/// discussed now, advice and decisions as they are written), and the printable minutes.
///
/// Live updates are server-sent events that say only "something changed" (the session's revision); the
/// page then fetches the changed part as HTML through the same checked, audited read as the page itself.
/// The stream watches the database, not this process, so it also works with several app instances.
/// Without JavaScript the page is a plain page with a refresh link.
enum SessionRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.caseSession(nil), use: show)
        routes.get(.caseSessionFragment(nil), use: fragment)
        routes.get(.caseSessionLive(nil), use: live)
        routes.get(.caseSessionMinutes(nil), use: minutes)
        routes.post(.caseSessionAgenda(nil), use: agenda)
        routes.post(.caseSessionControl(nil), use: control)
        routes.post(.caseSessionOutcome(nil), use: outcome)
        routes.post(.caseSessionAdvice(nil), use: advice)
    }

    struct LiveView: Encodable {
        var status: String, statusValue: String, isLive: Bool, isPlanned: Bool, isChair: Bool, revision: Int
        var current: CaseViews.CaseView?, agenda: [CaseViews.CaseView], agendaCount: Int
        var agendaAction: String, controlAction: String, capacity: Int, full: Bool
    }
    /// The fragment has the page's shape (`page.live`), so one template serves both.
    struct Fragment: Encodable { var live: LiveView }
    struct SessionPage: Encodable {
        var tableName: String, tablePath: String, when: String, duration: Int, meetingLink: String, path: String
        var livePath: String, fragmentPath: String, minutesPath: String, adviceAction: String
        var live: LiveView
        var waiting: [CaseTableRoutes.WaitingRow], waitingOptions: [Option]
        var agendaOptions: [Option], organisations: [Option]
        var outcomeAction: String, outcomeText: FormField, outcomeKind: String, organisationError: String?
        var adviceText: FormField, adviceOptions: [Option]
        var error: String?
    }

    static func liveView(_ req: Request, _ d: SessionDetail, isChair: Bool, users: [UUID: String], orgs: [UUID: String], wijken: [UUID: String]) -> LiveView {
        let agenda = d.agenda.map { CaseViews.caseView(req, $0, advice: d.advice[$0.id] ?? [], current: d.session.currentCaseID,
                                                        users: users, organisations: orgs, wijken: wijken) }
        return LiveView(
            status: req.t(d.session.status.labelKey), statusValue: d.session.status.rawValue, isLive: d.session.status == .live,
            isPlanned: d.session.status == .planned, isChair: isChair, revision: d.session.revision,
            current: agenda.first(where: \.isCurrent), agenda: agenda, agendaCount: agenda.count,
            agendaAction: SiteURL.caseSessionAgenda(d.session.id).path, controlAction: SiteURL.caseSessionControl(d.session.id).path,
            capacity: d.session.capacity, full: d.agenda.count >= d.session.capacity)
    }

    static func render(_ req: Request, id: UUID, errors: ValidationErrors = ValidationErrors(), error: String? = nil,
                       submitted: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let accessor = try req.accessor()
        let d = try await req.repositories.cases.session(id, by: accessor)
        let isChair = CaseTablePolicy(user: accessor.user, organisation: accessor.organisation).isChair(d.table)
        let users = try await CaseViews.userNames(req), orgs = try await CaseViews.organisationNames(req), wijken = try await CaseViews.wijkNames(req)
        let live = liveView(req, d, isChair: isChair, users: users, orgs: orgs, wijken: wijken)
        let chosen = submitted ? req.field("case") : d.session.currentCaseID?.uuidString.lowercased() ?? ""
        let open = d.agenda.filter { $0.status.isOpen }
        func f(_ n: String) -> FormField { FormField(submitted && errors[n] != nil ? req.field(n) : "", error: errors[n].map { req.t($0) }) }
        let page = SessionPage(
            tableName: d.table.name, tablePath: SiteURL.caseTable(d.table.id).path, when: DutchDate.dayTime(d.session.startsAt),
            duration: d.session.durationMinutes, meetingLink: d.session.meetingLink, path: SiteURL.caseSession(id).path,
            livePath: SiteURL.caseSessionLive(id).path, fragmentPath: SiteURL.caseSessionFragment(id).path, minutesPath: SiteURL.caseSessionMinutes(id).path,
            adviceAction: SiteURL.caseSessionAdvice(id).path,
            live: live,
            waiting: d.waiting.map { CaseViews.waitingRow(req, $0, wijken: wijken) },
            waitingOptions: d.waiting.map { Option(value: $0.id.uuidString.lowercased(), label: CaseViews.title(req, $0) + " · " + req.t($0.urgency.labelKey), selected: false) },
            agendaOptions: open.map { Option(value: $0.id.uuidString.lowercased(), label: CaseViews.title(req, $0), selected: $0.id.uuidString.lowercased() == chosen) },
            organisations: d.table.memberOrganisationIDs.compactMap { o in orgs[o].map { (o, $0) } }.sorted { $0.1 < $1.1 }
                .map { Option(value: $0.0.uuidString.lowercased(), label: $0.1, selected: $0.0.uuidString.lowercased() == req.field("organisation")) },
            outcomeAction: SiteURL.caseSessionOutcome(id).path, outcomeText: f("text"), outcomeKind: submitted ? req.field("kind") : "advice",
            organisationError: errors["organisation"].map { req.t($0) },
            adviceText: f("advice_text"),
            adviceOptions: open.map { Option(value: $0.id.uuidString.lowercased(), label: CaseViews.title(req, $0), selected: $0.id.uuidString.lowercased() == chosen) },
            error: error)
        return try await req.render("casuistiek/session", titleKey: "ct_session", page, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await render(req, id: try req.idParameter()) }

    /// The live part alone, for the page's script to swap in.
    @Sendable static func fragment(req: Request) async throws -> Response {
        let accessor = try req.accessor()
        let d = try await req.repositories.cases.session(try req.idParameter(), by: accessor)
        let isChair = CaseTablePolicy(user: accessor.user, organisation: accessor.organisation).isChair(d.table)
        let live = liveView(req, d, isChair: isChair, users: try await CaseViews.userNames(req), orgs: try await CaseViews.organisationNames(req),
                            wijken: try await CaseViews.wijkNames(req))
        let res = try await req.render("casuistiek/live-fragment", titleKey: "ct_session", Fragment(live: live))
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    /// Server-sent events: one `update` event with the new revision whenever the session changes, a
    /// comment every 15 s to keep proxies from closing the stream, and an end after the session is over
    /// or after three hours.
    @Sendable static func live(req: Request) async throws -> Response {
        let id = try req.idParameter()
        // The same check as the page; the stream itself carries no content.
        _ = try await req.repositories.cases.session(id, by: try req.accessor())
        let repos = req.repositories
        let interval = req.application.web.configuration.liveInterval
        let logger = req.logger
        let lastSeen = Int(req.headers.first(name: "Last-Event-ID") ?? "") ?? -1
        let res = Response(status: .ok, body: .init(asyncStream: { writer in
            var seen = lastSeen
            var quiet = Duration.zero
            let deadline = ContinuousClock.now + .seconds(3 * 3600)
            do {
                try await writer.write(.buffer(ByteBuffer(string: "retry: 3000\n\n")))
                while ContinuousClock.now < deadline {
                    guard let revision = try await repos.cases.revision(of: id) else { break }
                    if revision != seen {
                        seen = revision
                        try await writer.write(.buffer(ByteBuffer(string: "id: \(revision)\nevent: update\ndata: \(revision)\n\n")))
                        quiet = .zero
                    } else if quiet >= .seconds(15) {
                        try await writer.write(.buffer(ByteBuffer(string: ": still here\n\n")))
                        quiet = .zero
                    }
                    try await Task.sleep(for: interval)
                    quiet += interval
                }
                try await writer.write(.end)
            } catch {
                // The browser went away (or the server is stopping): nothing to tell anyone.
                logger.debug("live stream ended", metadata: ["error": .string("\(error)")])
                try? await writer.write(.end)
            }
        }))
        res.headers.replaceOrAdd(name: .contentType, value: "text/event-stream; charset=utf-8")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        res.headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        return res
    }

    @Sendable static func agenda(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        guard let caseID = UUID(uuidString: req.field("case")) else {
            return try await render(req, id: id, error: req.t("ct_error_choose_case"), status: .unprocessableEntity)
        }
        do {
            switch req.field("action") {
            case "add": try await req.repositories.cases.schedule(caseID, on: id, by: accessor)
            case "remove": try await req.repositories.cases.unschedule(caseID, by: accessor)
            case "up": try await req.repositories.cases.move(caseID, up: true, by: accessor)
            case "down": try await req.repositories.cases.move(caseID, up: false, by: accessor)
            case "current": try await req.repositories.cases.setCurrentCase(caseID, in: id, by: accessor)
            default: throw Abort(.badRequest)
            }
        } catch DomainError.conflict(let what) {
            return try await render(req, id: id, error: req.t(what == "full" ? "ct_error_full" : "ct_error_transition"), status: .conflict)
        }
        return req.redirect(to: SiteURL.caseSession(id).path + "#live", redirectType: .normal)
    }

    @Sendable static func control(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        do {
            switch req.field("action") {
            case "start": try await req.repositories.cases.startSession(id, by: accessor)
            case "close": try await req.repositories.cases.closeSession(id, by: accessor)
            case "cancel": try await req.repositories.cases.cancelSession(id, by: accessor)
            default: throw Abort(.badRequest)
            }
        } catch DomainError.conflict {
            return try await render(req, id: id, error: req.t("ct_error_transition"), status: .conflict)
        }
        let flash = ["start": "flash_ct_started", "close": "flash_ct_closed", "cancel": "flash_ct_cancelled"][req.field("action")] ?? "flash_saved"
        return req.redirect(to: SiteURL.caseSession(id).path + "?melding=" + flash, redirectType: .normal)
    }

    @Sendable static func outcome(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        guard let caseID = UUID(uuidString: req.field("case")) else {
            return try await render(req, id: id, error: req.t("ct_error_choose_case"), submitted: true, status: .unprocessableEntity)
        }
        let outcome: CaseOutcome
        switch req.field("kind") {
        case "advice": outcome = .advice(req.field("text"))
        case "takeover":
            guard let org = UUID(uuidString: req.field("organisation")) else {
                return try await render(req, id: id, errors: ValidationErrors("organisation", "error_choose"), submitted: true, status: .unprocessableEntity)
            }
            outcome = .takeover(organisationID: org, text: req.field("text"))
        default: throw Abort(.badRequest)
        }
        do { try await req.repositories.cases.recordOutcome(outcome, caseID: caseID, by: accessor) }
        catch let e as ValidationErrors { return try await render(req, id: id, errors: e, submitted: true, status: .unprocessableEntity) }
        catch DomainError.conflict(let what) {
            return try await render(req, id: id, error: req.t(what == "not_live" ? "ct_error_not_live" : "ct_error_transition"), submitted: true, status: .conflict)
        }
        return req.redirect(to: SiteURL.caseSession(id).path + "?melding=flash_ct_outcome#live", redirectType: .normal)
    }

    /// Written advice from the session page, for whichever case on the agenda it is about.
    @Sendable static func advice(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        let d = try await req.repositories.cases.session(id, by: accessor)
        guard let caseID = UUID(uuidString: req.field("case")), d.agenda.contains(where: { $0.id == caseID }) else {
            return try await render(req, id: id, error: req.t("ct_error_choose_case"), submitted: true, status: .unprocessableEntity)
        }
        let advice = CaseAdvice(caseID: caseID, authorUserID: accessor.user.id, authorOrganisationID: accessor.organisation.id,
                                text: req.field("advice_text"), writtenAt: req.now, duringSession: true)
        do { try await req.repositories.cases.addAdvice(advice, by: accessor) }
        catch let e as ValidationErrors {
            var errors = ValidationErrors()
            for (_, v) in e.fields { errors.add("advice_text", v) }
            return try await render(req, id: id, errors: errors, submitted: true, status: .unprocessableEntity)
        }
        catch DomainError.conflict { return try await render(req, id: id, error: req.t("ct_error_closed"), submitted: true, status: .conflict) }
        return req.redirect(to: SiteURL.caseSession(id).path + "?melding=flash_ct_advice_added#live", redirectType: .normal)
    }

    // MARK: minutes

    struct MinutesPage: Encodable {
        var tableName: String, when: String, duration: Int, status: String, chair: String, organisations: [String], members: [String]
        var cases: [CaseViews.CaseView], printedAt: String, backPath: String
    }

    @Sendable static func minutes(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let d = try await req.repositories.cases.session(id, by: try req.accessor())
        let users = try await CaseViews.userNames(req), orgs = try await CaseViews.organisationNames(req), wijken = try await CaseViews.wijkNames(req)
        return try await req.render("casuistiek/minutes", titleKey: "ct_minutes", MinutesPage(
            tableName: d.table.name, when: DutchDate.dayTime(d.session.startsAt), duration: d.session.durationMinutes,
            status: req.t(d.session.status.labelKey), chair: users[d.table.chairUserID] ?? "—",
            organisations: d.table.memberOrganisationIDs.compactMap { orgs[$0] }.sorted(), members: d.table.memberUserIDs.compactMap { users[$0] }.sorted(),
            cases: d.agenda.map { CaseViews.caseView(req, $0, advice: d.advice[$0.id] ?? [], users: users, organisations: orgs, wijken: wijken) },
            printedAt: DutchDate.dayTime(req.now), backPath: SiteURL.caseSession(id).path))
    }
}
