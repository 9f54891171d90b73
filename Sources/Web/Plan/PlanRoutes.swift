import Domain
import Foundation
import Vapor

/// The actieplan op maat: made after the conversation, with goals and actions across the routes; an
/// action for another organisation is a handover. The plan is printed for the client and the advice
/// goes to the GP as a letter.
enum PlanRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.post(.clientPlan(nil), use: create)
        routes.post(.clientPlanEdit(nil), use: edit)
        routes.post(.clientPlanGoal(nil), use: addGoal)
        routes.post(.clientPlanAction(nil), use: addAction)
        routes.post(.clientPlanActionStatus(nil), use: setStatus)
        routes.post(.clientPlanActionService(nil), use: linkService)
        routes.post(.clientPlanShared(nil), use: shared)
        routes.get(.clientPlanPrint(nil), use: printPlan)
        routes.get(.clientAdviceLetter(nil), use: adviceLetter)
    }

    // MARK: the section on the client page

    struct Section: Encodable {
        var canCreate: Bool
        var plan: PlanView?
        var createAction: String, editAction: String, goalAction: String, actionAction: String, statusAction: String, sharedAction: String
        var printPath: String, letterPath: String
        var routes: [Option], organisations: [Option], teams: [Option], owners: [Option], goals: [Option]
        /// The sociale kaart, opened for this client (their wijk filled in); a chosen service prefills the new action.
        var mapPath: String, prefill: Prefill?, actionRoutes: [Option], actionOrganisations: [Option]
    }
    struct Prefill: Encodable { var serviceID: String, service: String, provider: String, path: String }
    struct PlanView: Encodable {
        var id: String, primaryRoute: String, primaryRouteValue: String, advice: String, sharedWithClient: String?, adviceToGP: String?
        var goals: [String], actions: [ActionView], domains: Int
    }
    struct ActionView: Encodable {
        var id: String, goal: String?, route: String, who: String, service: String?, description: String, owner: String, due: String?
        var status: String, open: Bool, handover: String?, handoverOverdue: Bool
        var servicePath: String?, choosePath: String?
    }

    static func section(_ req: Request, _ r: ClientRecord, userName: (UUID) -> String, orgs: [UUID: Organisation]) async throws -> Section {
        let id = r.client.id
        let plan = r.plans.first
        let openAanmelding = r.aanmeldingen.first { $0.closedAt == nil }
        let conversationDone = openAanmelding.map { a in
            r.conversations.contains { c in r.appointments.contains { $0.id == c.appointmentID && $0.aanmeldingID == a.id } }
        } ?? false
        let handovers = Dictionary(uniqueKeysWithValues: r.handovers.map { ($0.id, $0) })
        let calendar = WorkingDays()
        let norms = try await NormTable(req)
        var planView: PlanView?
        if let plan {
            var actions: [ActionView] = []
            for a in plan.actions {
                let h = a.handoverID.flatMap { handovers[$0] }
                let overdue: Bool
                if let h { overdue = norms.norm(h).isOverdue(status: h.status, requestedAt: h.requestedAt, now: req.now, calendar: calendar) }
                else { overdue = false }
                actions.append(ActionView(
                    id: a.id.uuidString, goal: a.goalID.flatMap { g in plan.goals.first { $0.id == g }?.text }, route: req.t(a.route.labelKey),
                    who: a.organisationID.map { orgs[$0]?.name ?? "—" } ?? req.t("action_by_person"), service: a.service.isEmpty ? nil : a.service, description: a.description,
                    owner: userName(a.ownerUserID), due: a.due.map(DutchDate.day), status: req.t(a.status.labelKey), open: a.status == .open,
                    handover: h.map { req.t($0.kind.labelKey) + ": " + req.t($0.status.labelKey) }, handoverOverdue: overdue,
                    servicePath: a.serviceID.map { SiteURL.mapService($0).path },
                    choosePath: a.status == .open && a.serviceID == nil ? mapPath(id, r.client.wijkID, action: a.id, route: a.route) : nil))
            }
            planView = PlanView(id: plan.id.uuidString, primaryRoute: req.t(plan.primaryRoute.labelKey), primaryRouteValue: plan.primaryRoute.rawValue,
                                advice: plan.adviceText, sharedWithClient: plan.sharedWithClientAt.map(DutchDate.dayTime),
                                adviceToGP: plan.adviceToGPAt.map(DutchDate.dayTime), goals: plan.goals.map(\.text), actions: actions,
                                domains: plan.domains.count)
        }
        let teams = try await orgs.values.filter { $0.type.hasTeams && $0.isActive }.asyncFlatMap { o in
            try await req.repositories.organisations.teams(of: o.id).map { Option(value: $0.id.uuidString, label: "\(o.name) — \($0.name)", selected: false) }
        }
        let team = r.careTeam.filter { $0.isActive(at: req.now) }
        let me = try req.currentUser()
        // A service chosen on the sociale kaart (?dienst=) fills in the new action.
        var prefill: Prefill? = nil
        var prefillRoute = plan?.primaryRoute, prefillOrg: UUID? = nil
        if plan != nil, let sid = req.query[String.self, at: "dienst"].flatMap(UUID.init(uuidString:)),
           let d = try await req.repositories.socialMap.detail(serviceID: sid, audience: .professional) {
            prefill = Prefill(serviceID: sid.uuidString.lowercased(), service: d.service.name, provider: d.provider.name, path: SiteURL.mapService(sid).path)
            prefillRoute = d.service.route
            prefillOrg = d.provider.organisationID.flatMap { orgs[$0]?.isActive == true ? $0 : nil }
        }
        let actionOrgs = orgs.values.filter { $0.isActive && $0.type != .zorgverzekeraar && $0.type != .gemeente }.sorted { $0.name < $1.name }
        return Section(
            canCreate: plan == nil && conversationDone, plan: planView,
            createAction: SiteURL.clientPlan(id).path, editAction: SiteURL.clientPlanEdit(id).path, goalAction: SiteURL.clientPlanGoal(id).path,
            actionAction: SiteURL.clientPlanAction(id).path, statusAction: SiteURL.clientPlanActionStatus(id).path,
            sharedAction: SiteURL.clientPlanShared(id).path, printPath: SiteURL.clientPlanPrint(id).path, letterPath: SiteURL.clientAdviceLetter(id).path,
            routes: CareRoute.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == plan?.primaryRoute) },
            organisations: [Option(value: "", label: req.t("action_by_person"), selected: false)]
                + orgs.values.filter { $0.isActive && $0.type != .zorgverzekeraar && $0.type != .gemeente }
                    .sorted { $0.name < $1.name }.map { Option(value: $0.id.uuidString, label: $0.name, selected: false) },
            teams: [Option(value: "", label: req.t("admin_no_team"), selected: true)] + teams.sorted { $0.label < $1.label },
            owners: Array(Set(team.map(\.userID))).map { Option(value: $0.uuidString, label: userName($0), selected: $0 == me.user.id) }.sorted { $0.label < $1.label },
            goals: [Option(value: "", label: "—", selected: true)] + (plan?.goals.map { Option(value: $0.id.uuidString, label: $0.text, selected: false) } ?? []),
            mapPath: mapPath(id, r.client.wijkID, action: nil, route: nil), prefill: prefill,
            actionRoutes: CareRoute.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == prefillRoute) },
            actionOrganisations: [Option(value: "", label: req.t("action_by_person"), selected: prefillOrg == nil)]
                + actionOrgs.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == prefillOrg) })
    }

    static func mapPath(_ clientID: UUID, _ wijkID: UUID?, action: UUID?, route: CareRoute?) -> String {
        var items = [URLQueryItem(name: "client", value: clientID.uuidString.lowercased())]
        if let action { items.append(URLQueryItem(name: "actie", value: action.uuidString.lowercased())) }
        if let wijkID { items.append(URLQueryItem(name: "wijk", value: wijkID.uuidString.lowercased())) }
        if let route { items.append(URLQueryItem(name: "route", value: route.rawValue)) }
        var c = URLComponents(); c.path = SiteURL.map.path; c.queryItems = items
        return c.string ?? SiteURL.map.path
    }

    // MARK: changes

    /// Links an open action to the service chosen for it on the sociale kaart.
    @Sendable static func linkService(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let actionID = UUID(uuidString: req.field("action")), let serviceID = UUID(uuidString: req.field("service")),
              let d = try await req.repositories.socialMap.detail(serviceID: serviceID, audience: .professional) else {
            return try await ClientenRoutes.recordWithError(req, id, "error_choose")
        }
        do {
            try await req.repositories.plans.linkService(actionID, clientID: id, serviceID: serviceID, serviceName: d.service.name, by: try req.accessor())
        } catch DomainError.conflict("closed") {
            return try await ClientenRoutes.recordWithError(req, id, "error_action_closed")
        }
        return back(req, id, "flash_service_linked")
    }

    static func back(_ req: Request, _ id: UUID, _ flash: String = "flash_saved") -> Response {
        req.redirect(to: SiteURL.client(id).path + "?melding=\(flash)#plan", redirectType: .normal)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let me = try req.currentUser()
        let accessor = try req.accessor()
        let record = try await req.repositories.clients.record(id, by: accessor)
        guard let route = CareRoute(rawValue: req.field("primary_route")), let aanmelding = record.aanmeldingen.first(where: { $0.closedAt == nil }) else {
            return try await ClientenRoutes.recordWithError(req, id, "error_plan_route")
        }
        let advice = req.field("advice")
        if advice.count > 8000 { return try await ClientenRoutes.recordWithError(req, id, "error_too_long") }
        do {
            try await req.repositories.plans.create(ActionPlan(clientID: id, aanmeldingID: aanmelding.id, createdAt: req.now, createdBy: me.user.id,
                                                               primaryRoute: route, adviceText: advice), by: accessor)
        } catch DomainError.conflict { return try await ClientenRoutes.recordWithError(req, id, "error_plan_needs_conversation") }
        return back(req, id)
    }

    static func planID(_ req: Request) throws -> UUID {
        guard let id = UUID(uuidString: req.field("plan")) else { throw Abort(.notFound) }
        return id
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let route = CareRoute(rawValue: req.field("primary_route")) else { return try await ClientenRoutes.recordWithError(req, id, "error_plan_route") }
        try await req.repositories.plans.update(planID: try planID(req), clientID: id, primaryRoute: route, adviceText: String(req.field("advice").prefix(8000)),
                                                by: try req.accessor())
        return back(req, id)
    }

    @Sendable static func addGoal(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let text = req.field("goal")
        if text.isEmpty || text.count > 1000 { return try await ClientenRoutes.recordWithError(req, id, "error_goal_text") }
        try await req.repositories.plans.addGoal(Goal(text: text), planID: try planID(req), clientID: id, by: try req.accessor())
        return back(req, id)
    }

    @Sendable static func addAction(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let description = req.field("description"), service = req.field("service"), request = req.field("request"), letter = req.field("letter")
        guard let route = CareRoute(rawValue: req.field("route")), let owner = UUID(uuidString: req.field("owner")) else {
            return try await ClientenRoutes.recordWithError(req, id, "error_action_fields")
        }
        let org = UUID(uuidString: req.field("organisation"))
        let due = req.field("due").isEmpty ? nil : DateOnly(req.field("due"))
        // A service chosen on the sociale kaart must exist. With one, the action may go to a provider outside
        // the network (no MGN organisation carries it out: the person goes there, with the plan's help).
        var serviceID = UUID(uuidString: req.field("service_id"))
        if let sid = serviceID, try await req.repositories.socialMap.detail(serviceID: sid, audience: .professional) == nil { serviceID = nil }
        if description.isEmpty || description.count > 2000 || service.count > 300 || request.count > 4000 || letter.count > 8000
            || (!req.field("due").isEmpty && due == nil) || (route != .zelfhulp && org == nil && serviceID == nil) {
            return try await ClientenRoutes.recordWithError(req, id, "error_action_fields")
        }
        let action = PlanAction(goalID: UUID(uuidString: req.field("goal")), route: route, organisationID: org, teamID: UUID(uuidString: req.field("team")),
                                service: service, description: description, ownerUserID: owner, due: due, createdAt: req.now, serviceID: serviceID)
        do {
            try await req.repositories.plans.addAction(action, planID: try planID(req), clientID: id, request: request.isEmpty ? description : request,
                                                       letter: letter.isEmpty ? nil : letter, by: try req.accessor())
        } catch DomainError.conflict(let what) where what.hasPrefix("consent:") {
            let name = try await UUID(uuidString: String(what.dropFirst(8))).asyncMap { try await req.repositories.organisations.find(id: $0)?.name } ?? nil
            return try await ClientenRoutes.recordWithError(req, id, "error_no_handover_consent", ["org": name ?? "?"])
        } catch DomainError.conflict(let what) where what == "letter" {
            return try await ClientenRoutes.recordWithError(req, id, "error_letter_required")
        }
        return back(req, id, org == nil ? "flash_saved" : "flash_action_saved")
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let action = UUID(uuidString: req.field("action")), let status = ActionStatus(rawValue: req.field("status")) else { throw Abort(.notFound) }
        try await req.repositories.plans.setActionStatus(action, clientID: id, status: status, by: try req.accessor())
        return back(req, id)
    }

    @Sendable static func shared(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let what = req.field("what")
        try await req.repositories.plans.markShared(planID: try planID(req), clientID: id, withClient: what == "client", withGP: what == "gp", by: try req.accessor())
        return back(req, id)
    }

    // MARK: printouts

    struct PrintPage: Encodable {
        var name: String, born: String, date: String, question: String, strengths: String, whatMatters: String
        var goals: [String], actions: [ActionView], duo: [String], advice: String, primaryRoute: String
        var gp: String, gpOrganisation: String, letterDate: String, backPath: String
        /// The client's open feedback invitation for this conversation, as a QR code and a link.
        var feedbackQR: String? = nil, feedbackLink: String? = nil, feedbackUntil: String? = nil
    }

    static func printModel(_ req: Request, _ id: UUID) async throws -> PrintPage {
        let record = try await req.repositories.clients.record(id, by: try req.accessor(), action: .print)
        guard let plan = record.plans.first else { throw Abort(.notFound) }
        let users = Dictionary(uniqueKeysWithValues: try await req.repositories.users.list(organisationIDs: nil).map { ($0.id, $0) })
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        let userName = { (u: UUID) in users[u]?.name ?? "—" }
        let conversation = record.conversations.first
        let appointment = record.appointments.first { $0.id == conversation?.appointmentID }
        let aanmelding = record.aanmeldingen.first { $0.id == plan.aanmeldingID }
        let section = try await section(req, record, userName: userName, orgs: orgs)
        // The client's copy carries their invitation to say how the conversation was.
        let invitation = record.feedbackInvitations.first { $0.kind == .conversation && $0.state(at: req.now) == .open }
        let link = invitation.map { req.feedbackLink($0.token) }
        var page = PrintPage(
            name: record.client.name, born: DutchDate.day(record.client.dateOfBirth), date: conversation.map { DutchDate.day($0.recordedAt) } ?? "",
            question: conversation?.reformulatedQuestion ?? aanmelding?.helpQuestion ?? "", strengths: conversation?.strengths ?? "",
            whatMatters: conversation?.whatMatters ?? "", goals: plan.goals.map(\.text), actions: section.plan?.actions ?? [],
            duo: appointment.map { [$0.ggzUserID, $0.sociaalDomeinUserID].map { u in "\(userName(u)) (\(users[u].flatMap { orgs[$0.organisationID]?.name } ?? ""))" } } ?? [],
            advice: plan.adviceText, primaryRoute: req.t(plan.primaryRoute.labelKey),
            gp: aanmelding.map { userName($0.referrerUserID) } ?? "", gpOrganisation: aanmelding.flatMap { orgs[$0.referrerOrganisationID]?.name } ?? "",
            letterDate: DutchDate.day(req.now), backPath: SiteURL.client(id).path)
        if let invitation, let link {
            page.feedbackLink = link
            page.feedbackQR = try FeedbackRoutes.qrImage(link, label: req.t("feedback_qr_label"))
            page.feedbackUntil = DutchDate.day(invitation.expiresAt.addingTimeInterval(-1))
        }
        return page
    }

    @Sendable static func printPlan(req: Request) async throws -> Response {
        try await req.render("plan/print", titleKey: "plan_print_title", try await printModel(req, try req.idParameter()))
    }

    @Sendable static func adviceLetter(req: Request) async throws -> Response {
        try await req.render("plan/letter", titleKey: "plan_letter_title", try await printModel(req, try req.idParameter()))
    }
}

extension Sequence {
    func asyncFlatMap<T>(_ f: (Element) async throws -> [T]) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out += try await f(e) }
        return out
    }
}
