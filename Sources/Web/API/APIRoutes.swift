import Domain
import Foundation
import Vapor

/// The JSON API (`/api/v1`), described in `openapi.json`. It does what the pages do, through the same
/// repositories and access path, with the same rules; errors are RFC 9457 problem documents.
enum APIRoutes {
    static func register(_ app: Application) {
        app.get("api", "openapi.json", use: openAPI)
        let api = app.grouped("api", "v1").grouped(BearerAuthenticator())
        api.get("me", use: me)
        api.get("clients", use: clients)
        api.post("aanmeldingen", use: register)
        api.get("clients", ":id", use: client)
        api.get("clients", ":id", "access-log", use: accessLog)
        api.post("clients", ":id", "contacts", use: contact)
        api.post("clients", ":id", "consents", use: consent)
        api.post("clients", ":id", "consents", ":consentId", "revoke", use: revokeConsent)
        api.get("clients", ":id", "planning", use: planning)
        api.post("clients", ":id", "appointments", use: book)
        api.post("clients", ":id", "appointments", ":appointmentId", "held", use: held)
        api.post("clients", ":id", "appointments", ":appointmentId", "cancel", use: cancelAppointment)
        api.post("clients", ":id", "plans", ":planId", "shared", use: planShared)
        api.post("clients", ":id", "plans", ":planId", "actions", ":actionId", "status", use: actionStatus)
        api.get("availability", use: availability)
        api.post("availability", use: addAvailability)
        api.post("clients", ":id", "conversations", use: conversation)
        api.post("clients", ":id", "plans", use: createPlan)
        api.post("clients", ":id", "plans", ":planId", "goals", use: addGoal)
        api.post("clients", ":id", "plans", ":planId", "actions", use: addAction)
        api.get("handovers", use: handovers)
        api.post("handovers", ":id", "events", use: handoverEvent)
        api.post("handovers", ":id", "milestones", use: milestone)
        AgreementAPI.register(api)
        FeedbackAPI.register(api)
    }

    // MARK: helpers

    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let raw = req.parameters.get(name), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    /// 422 with every field problem in words.
    static func invalid(_ req: Request, _ errors: [String: String]) -> Response {
        Problem.response(Problem(type: "about:blank", title: req.t("error_form"), status: 422, detail: req.t("error_form"), instance: req.id,
                                 errors: errors.mapValues { req.t($0) }), status: .unprocessableEntity)
    }

    static func conflict(_ req: Request, _ key: String, _ values: [String: String] = [:]) -> Response {
        Problem.response(Problem(type: "about:blank", title: req.t("error_conflict_title"), status: 409, detail: req.t(key, values),
                                 instance: req.id, errors: nil), status: .conflict)
    }

    static func created<T: Content>(_ req: Request, _ body: T) async throws -> Response {
        let res = try await body.encodeResponse(for: req)
        res.status = .created
        return res
    }

    /// Turns the rules' refusals into the same messages the pages show.
    static func refusing(_ req: Request, _ work: () async throws -> Response) async throws -> Response {
        do { return try await work() } catch DomainError.conflict(let what) {
            if what.hasPrefix("consent:") {
                let name = try await UUID(uuidString: String(what.dropFirst(8))).asyncMap { try await req.repositories.organisations.find(id: $0)?.name } ?? nil
                return conflict(req, "error_no_handover_consent", ["org": name ?? "?"])
            }
            let key = ["letter": "error_letter_required", "slot_taken": "error_slot_taken", "not_yet": "error_vg_not_yet", "reason": "error_reason_required",
                       "no_conversation": "error_plan_needs_conversation", "transition": "error_handover_transition", "exists": "error_conflict",
                       "recorded": "error_conflict", "intake_first": "error_handover_transition", "bsn": "duplicate_bsn_unique"][what] ?? "error_conflict"
            return conflict(req, key)
        }
    }

    // MARK: endpoints

    @Sendable static func openAPI(req: Request) async throws -> Response {
        let path = req.config.resourcesDirectory + "/api/openapi.json"
        let res = Response(status: .ok, body: .init(data: try Data(contentsOf: URL(fileURLWithPath: path))))
        res.headers.contentType = .json
        return res
    }

    @Sendable static func me(req: Request) async throws -> MeDTO {
        let me = try req.currentUser()
        return MeDTO(id: me.user.id, name: me.user.name, email: me.user.email, organisationId: me.organisation.id, organisation: me.organisation.name,
                     roles: Role.allCases.filter { me.user.has($0) }.map(\.rawValue))
    }

    @Sendable static func clients(req: Request) async throws -> [ClientSummaryDTO] {
        try await req.repositories.clients.myClients(by: try req.accessor()).map {
            ClientSummaryDTO(id: $0.client.id, name: $0.client.name, dateOfBirth: $0.client.dateOfBirth.iso, wijkId: $0.client.wijkID,
                             receivedAt: $0.latestAanmelding?.receivedAt, firstContactAt: $0.latestAanmelding?.firstContactAt)
        }
    }

    @Sendable static func register(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard ClientAccessPolicy.mayRegister(me.user) else { throw Abort(.forbidden) }
        let input = try req.content.decode(AanmeldingInput.self)
        let raw = ["name": input.name, "date_of_birth": input.dateOfBirth, "bsn": input.bsn ?? "", "postcode": input.postcode,
                   "phone": input.phone ?? "", "email": input.email ?? "", "help_question": input.helpQuestion].mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let urgency = input.urgency.map { Urgency(rawValue: $0) } ?? .regulier
        var errors: [String: String] = [:]
        if urgency == nil { errors["urgency"] = "error_choose" }
        let purposes = input.consents.map { ConsentPurpose(rawValue: $0.purpose) }
        if purposes.contains(where: { $0 == nil }) { errors["consents"] = "error_consent_invalid" }
        let careOrgs = Set(try await AanmeldingRoutes.careOrganisations(req).map(\.id))
        if !input.consents.allSatisfy({ careOrgs.contains($0.organisationId) }) { errors["consents"] = "error_consent_invalid" }
        let s = AanmeldingRoutes.Submitted(raw: raw, urgency: urgency ?? .regulier,
                                           consentVG: Set(input.consents.filter { $0.purpose == ConsentPurpose.verkennendGesprek.rawValue }.map(\.organisationId)),
                                           consentOverdracht: Set(input.consents.filter { $0.purpose == ConsentPurpose.overdracht.rawValue }.map(\.organisationId)),
                                           otherConsents: input.consents.compactMap { c in ConsentPurpose(rawValue: c.purpose).flatMap {
                                               $0 == .verkennendGesprek || $0 == .overdracht ? nil : ($0, c.organisationId) } },
                                           decision: input.duplicateDecision ?? "", dateOfBirth: DateOnly(raw["date_of_birth"]!), bsn: BSN(raw["bsn"]!), postcode: PC4(raw["postcode"]!))
        let wijk = try await s.postcode.asyncMap { try await req.repositories.region.wijk(for: $0) } ?? nil
        for (k, v) in AanmeldingRoutes.validate(s, now: req.now, wijk: wijk).fields { errors[k == "date_of_birth" ? "dateOfBirth" : k == "help_question" ? "helpQuestion" : k == "consent" ? "consents" : k] = v }
        guard errors.isEmpty, let dob = s.dateOfBirth, let wijk else { return invalid(req, errors) }

        let (client, aanmelding, consents) = Registration.records(s, dateOfBirth: dob, wijk: wijk, me: me, now: req.now)
        switch try await Registration.register(req, client: client, aanmelding: aanmelding, consents: consents, decision: s.decision) {
        case .registered(let clientID, let aanmeldingID):
            return try await created(req, AanmeldingCreated(clientId: clientID, aanmeldingId: aanmeldingID))
        case .duplicates(let hits, let allowNew):
            let body = DuplicateProblem(type: "about:blank", title: req.t("duplicate_title"), status: 409, detail: req.t("duplicate_intro"), instance: req.id,
                                        duplicates: hits.map { DuplicateDTO(clientId: $0.clientID, match: $0.match == .sameBSN ? "same_bsn" : "same_name_birth_date_postcode",
                                                                            inCareTeam: $0.inCareTeam) },
                                        allowNew: allowNew)
            let res = Response(status: .conflict)
            try res.content.encode(body, as: .json)
            res.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
            return res
        }
    }

    @Sendable static func client(req: Request) async throws -> ClientDTO {
        ClientDTO(try await req.repositories.clients.record(try uuid(req, "id"), by: try req.accessor()))
    }

    @Sendable static func accessLog(req: Request) async throws -> [AccessEntryDTO] {
        try await req.repositories.clients.accessLog(try uuid(req, "id"), by: try req.accessor()).map {
            AccessEntryDTO(at: $0.at, userId: $0.userID, organisationId: $0.organisationID, role: $0.role?.rawValue, action: $0.action.rawValue,
                           objectType: $0.objectType, basis: $0.basis.rawValue)
        }
    }

    @Sendable static func contact(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let me = try req.currentUser()
        let input = try req.content.decode(ContactInput.self)
        guard let channel = ContactMoment.Channel(rawValue: input.channel) else { return invalid(req, ["channel": "error_choose"]) }
        if (input.note ?? "").count > 2000 { return invalid(req, ["note": "error_too_long"]) }
        let c = ContactMoment(aanmeldingID: input.aanmeldingId, userID: me.user.id, at: req.now, channel: channel, reached: input.reached, note: input.note ?? "")
        try await req.repositories.clients.logContact(c, clientID: id, by: try req.accessor())
        return try await created(req, Created(id: c.id))
    }

    @Sendable static func consent(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let me = try req.currentUser()
        let input = try req.content.decode(ConsentInput.self)
        let careOrgs = Set(try await AanmeldingRoutes.careOrganisations(req).map(\.id))
        guard let purpose = ConsentPurpose(rawValue: input.purpose), careOrgs.contains(input.organisationId) else {
            return invalid(req, ["consent": "error_consent_invalid"])
        }
        let c = Consent(clientID: id, purpose: purpose, organisationID: input.organisationId, givenAt: req.now, recordedBy: me.user.id)
        try await req.repositories.clients.recordConsent(c, by: try req.accessor())
        return try await created(req, Created(id: c.id))
    }

    @Sendable static func revokeConsent(req: Request) async throws -> HTTPStatus {
        try await req.repositories.clients.revokeConsent(try uuid(req, "consentId"), clientID: try uuid(req, "id"), by: try req.accessor())
        return .noContent
    }

    @Sendable static func planning(req: Request) async throws -> PlanningDTO {
        let record = try await req.repositories.clients.record(try uuid(req, "id"), by: try req.accessor())
        guard let wijk = record.client.wijkID else { return PlanningDTO(wijkId: nil, currentWaitDays: nil, slots: []) }
        let (slots, _) = try await PlanningRoutes.proposals(req, wijkID: wijk, limit: 10)
        return PlanningDTO(wijkId: wijk, currentWaitDays: CurrentWaitingTime.days(slotStarts: slots.map(\.start), now: req.now, calendar: PlanningRoutes.calendar),
                           slots: slots.map { SlotDTO(start: $0.start, end: $0.end, ggzUserId: $0.ggzUserID, sociaalDomeinUserId: $0.sociaalDomeinUserID) })
    }

    @Sendable static func book(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let me = try req.currentUser()
        let input = try req.content.decode(AppointmentInput.self)
        let a = VGAppointment(aanmeldingID: input.aanmeldingId, clientID: id, ggzUserID: input.ggzUserId, sociaalDomeinUserID: input.sociaalDomeinUserId,
                              plannedFor: input.start, end: input.start.addingTimeInterval(DuoPlanner().duration), plannedAt: req.now, plannedBy: me.user.id)
        return try await refusing(req) {
            try await req.repositories.clients.bookVG(a, by: try req.accessor())
            return try await created(req, Created(id: a.id))
        }
    }

    @Sendable static func held(req: Request) async throws -> Response {
        let (id, appointment) = (try uuid(req, "id"), try uuid(req, "appointmentId"))
        return try await refusing(req) {
            try await req.repositories.clients.markVGHeld(appointment, clientID: id, by: try req.accessor())
            return Response(status: .noContent)
        }
    }

    @Sendable static func cancelAppointment(req: Request) async throws -> Response {
        let (id, appointment) = (try uuid(req, "id"), try uuid(req, "appointmentId"))
        let input = try req.content.decode(ReasonInput.self)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { return invalid(req, ["reason": "error_cancel_reason"]) }
        try await req.repositories.clients.cancelVG(appointment, clientID: id, reason: reason, by: try req.accessor())
        return Response(status: .noContent)
    }

    @Sendable static func planShared(req: Request) async throws -> Response {
        let input = try req.content.decode(SharedInput.self)
        guard input.withClient == true || input.withGp == true else { return invalid(req, ["withClient": "error_choose"]) }
        try await req.repositories.plans.markShared(planID: try uuid(req, "planId"), clientID: try uuid(req, "id"),
                                                    withClient: input.withClient ?? false, withGP: input.withGp ?? false, by: try req.accessor())
        return Response(status: .noContent)
    }

    @Sendable static func actionStatus(req: Request) async throws -> Response {
        let input = try req.content.decode(StatusInput.self)
        guard let status = ActionStatus(rawValue: input.status) else { return invalid(req, ["status": "error_choose"]) }
        try await req.repositories.plans.setActionStatus(try uuid(req, "actionId"), clientID: try uuid(req, "id"), status: status, by: try req.accessor())
        return Response(status: .noContent)
    }

    @Sendable static func availability(req: Request) async throws -> [WindowDTO] {
        let me = try req.currentUser()
        return try await req.repositories.planning.windows(userID: me.user.id, from: req.now).map { WindowDTO(id: $0.id, start: $0.start, end: $0.end) }
    }

    @Sendable static func addAvailability(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard PlanningRoutes.mayPublish(me.user) else { throw Abort(.forbidden) }
        let input = try req.content.decode(WindowInput.self)
        if input.end <= input.start { return invalid(req, ["end": "error_end_before_start"]) }
        if input.start < req.now { return invalid(req, ["start": "error_in_past"]) }
        if input.end.timeIntervalSince(input.start) > 14 * 3600 { return invalid(req, ["end": "error_too_long"]) }
        let window = AvailabilityWindow(userID: me.user.id, start: input.start, end: input.end)
        do { try await req.repositories.planning.addWindow(window) } catch DomainError.conflict { return conflict(req, "error_overlap") }
        return try await created(req, Created(id: window.id))
    }

    @Sendable static func conversation(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let me = try req.currentUser()
        let input = try req.content.decode(ConversationInput.self)
        var errors: [String: String] = [:]
        for (k, v) in [("strengths", input.strengths), ("whatMatters", input.whatMatters), ("reformulatedQuestion", input.reformulatedQuestion)] {
            if v.trimmingCharacters(in: .whitespaces).isEmpty { errors[k] = "error_required" } else if v.count > 4000 { errors[k] = "error_too_long" }
        }
        var responses: [InstrumentResponse] = []
        let current = req.application.web.instruments.current
        for r in input.responses {
            guard let inst = current.first(where: { $0.url == r.instrumentUrl }) else { errors["responses"] = "error_choose"; continue }
            let (response, itemErrors) = inst.response(from: r.answers.mapValues(String.init))
            for (link, key) in itemErrors { errors["\(inst.url)#\(link)"] = key }
            responses.append(response)
        }
        if !errors.isEmpty { return invalid(req, errors) }
        let v = VGRecord(appointmentID: input.appointmentId, clientID: id, recordedAt: req.now, recordedBy: me.user.id, strengths: input.strengths,
                         whatMatters: input.whatMatters, reformulatedQuestion: input.reformulatedQuestion, peerExpertPresent: input.peerExpertPresent ?? false,
                         responses: responses)
        return try await refusing(req) {
            try await req.repositories.clients.recordConversation(v, by: try req.accessor())
            return try await created(req, Created(id: v.id))
        }
    }

    @Sendable static func createPlan(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let me = try req.currentUser()
        let input = try req.content.decode(PlanInput.self)
        guard let route = CareRoute(rawValue: input.primaryRoute) else { return invalid(req, ["primaryRoute": "error_plan_route"]) }
        if (input.adviceText ?? "").count > 8000 { return invalid(req, ["adviceText": "error_too_long"]) }
        let record = try await req.repositories.clients.record(id, by: try req.accessor())
        guard let aanmelding = record.aanmeldingen.first(where: { $0.closedAt == nil }) else { return conflict(req, "error_plan_needs_conversation") }
        let plan = ActionPlan(clientID: id, aanmeldingID: aanmelding.id, createdAt: req.now, createdBy: me.user.id, primaryRoute: route, adviceText: input.adviceText ?? "")
        return try await refusing(req) {
            try await req.repositories.plans.create(plan, by: try req.accessor())
            return try await created(req, Created(id: plan.id))
        }
    }

    @Sendable static func addGoal(req: Request) async throws -> Response {
        let input = try req.content.decode(GoalInput.self)
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 1000 else { return invalid(req, ["text": "error_goal_text"]) }
        let goal = Goal(text: text)
        try await req.repositories.plans.addGoal(goal, planID: try uuid(req, "planId"), clientID: try uuid(req, "id"), by: try req.accessor())
        return try await created(req, Created(id: goal.id))
    }

    @Sendable static func addAction(req: Request) async throws -> Response {
        let input = try req.content.decode(ActionInput.self)
        var errors: [String: String] = [:]
        let route = CareRoute(rawValue: input.route)
        if route == nil { errors["route"] = "error_choose" }
        if input.description.trimmingCharacters(in: .whitespaces).isEmpty || input.description.count > 2000 { errors["description"] = "error_required" }
        let due = input.due.flatMap { $0.isEmpty ? nil : DateOnly($0) }
        if let raw = input.due, !raw.isEmpty, due == nil { errors["due"] = "error_date_invalid" }
        if route != nil && route != .zelfhulp && input.organisationId == nil { errors["organisationId"] = "error_choose" }
        if (input.service ?? "").count > 300 || (input.request ?? "").count > 4000 || (input.letter ?? "").count > 8000 { errors["request"] = "error_too_long" }
        guard errors.isEmpty, let route else { return invalid(req, errors) }
        let action = PlanAction(goalID: input.goalId, route: route, organisationID: input.organisationId, teamID: input.teamId, service: input.service ?? "",
                                description: input.description, ownerUserID: input.ownerUserId, due: due, createdAt: req.now)
        return try await refusing(req) {
            try await req.repositories.plans.addAction(action, planID: try uuid(req, "planId"), clientID: try uuid(req, "id"),
                                                       request: input.request ?? input.description, letter: input.letter, by: try req.accessor())
            return try await created(req, Created(id: action.id))
        }
    }

    @Sendable static func handovers(req: Request) async throws -> HandoverListDTO {
        let accessor = try req.accessor()
        let calendar = WorkingDays()
        let norms = try await NormTable(req)
        func overdue(_ h: Handover) -> Bool {
            norms.norm(h).isOverdue(status: h.status, requestedAt: h.requestedAt, now: req.now, calendar: calendar)
        }
        var incoming: [IncomingDTO] = [], outgoing: [OutgoingDTO] = []
        for i in try await req.repositories.handovers.inbox(by: accessor) {
            incoming.append(IncomingDTO(handover: HandoverDTO(i.handover, overdue: overdue(i.handover)), clientName: i.clientName, clientAge: i.clientAge))
        }
        for o in try await req.repositories.handovers.outbox(by: accessor) {
            outgoing.append(OutgoingDTO(handover: HandoverDTO(o.handover, overdue: overdue(o.handover)), clientName: o.clientName))
        }
        return HandoverListDTO(incoming: incoming, outgoing: outgoing)
    }

    @Sendable static func handoverEvent(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let input = try req.content.decode(HandoverEventInput.self)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count > 1000 { return invalid(req, ["reason": "error_too_long"]) }
        let event: HandoverEvent
        switch input.event {
        case "accept": event = .accept
        case "reject": event = .reject(reason: reason)
        case "first-contact": event = .firstContact
        case "complete": event = .complete
        case "cancel": event = .cancel(reason: reason)
        default: return invalid(req, ["event": "error_choose"])
        }
        return try await refusing(req) {
            try await req.repositories.handovers.apply(event, to: id, by: try req.accessor())
            return Response(status: .noContent)
        }
    }

    @Sendable static func milestone(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let input = try req.content.decode(MilestoneInput.self)
        guard let m = HandoverMilestone(rawValue: input.milestone.replacingOccurrences(of: "-", with: "_")) else { return invalid(req, ["milestone": "error_choose"]) }
        return try await refusing(req) {
            try await req.repositories.handovers.record(m, handoverID: id, by: try req.accessor())
            return Response(status: .noContent)
        }
    }
}
