import Domain
import Foundation
import Vapor

/// A care professional's clients and one client's record. Everything here reads and writes through
/// `ClientRecords`, the one audited access path; a client outside your care team answers 404.
enum ClientenRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.clients, use: list)
        routes.get(.client(nil), use: show)
        routes.get(.clientAccessLog(nil), use: accessLog)
        routes.post(.clientContact(nil), use: logContact)
        routes.post(.clientConsent(nil), use: addConsent)
        routes.post(.clientConsentRevoke(nil), use: revokeConsent)
        routes.post(.clientCareTeam(nil), use: addColleague)
        routes.get(.clientExport(nil), use: ClientExport.download)
    }

    // MARK: list

    struct ListPage: Encodable { var clients: [Row]; var canRegister: Bool; var newPath: String }
    struct Row: Encodable { var name: String; var born: String; var wijk: String; var received: String; var waitingDays: Int?; var contacted: Bool; var path: String }

    @Sendable static func list(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(ClientAccessPolicy.careRole(of: me.user) != nil)
        let wijken = Dictionary(uniqueKeysWithValues: try await req.repositories.region.wijken().map { ($0.id, $0.name) })
        let rows = try await req.repositories.clients.myClients(by: try req.accessor()).map { s in
            Row(name: s.client.name, born: DutchDate.day(s.client.dateOfBirth), wijk: s.client.wijkID.flatMap { wijken[$0] } ?? "—",
                received: s.latestAanmelding.map { DutchDate.day($0.receivedAt) } ?? "—",
                waitingDays: s.latestAanmelding.flatMap { $0.firstContactAt == nil ? DutchDate.days(from: $0.receivedAt, to: req.now) : nil },
                contacted: s.latestAanmelding?.firstContactAt != nil, path: SiteURL.client(s.client.id).path)
        }
        return try await req.render("clienten/list", titleKey: "clients_title",
                                    ListPage(clients: rows, canRegister: ClientAccessPolicy.mayRegister(me.user), newPath: SiteURL.aanmeldingNew.path))
    }

    // MARK: record

    struct RecordPage: Encodable {
        var name: String, born: String, age: Int, bsn: String?, postcode: String, wijk: String, phone: String?, email: String?
        var aanmeldingen: [AanmeldingView]
        var contacts: [ContactView]
        var contactAction: String, channels: [Option], openAanmelding: String?
        var consents: [ConsentView], consentAction: String, revokeAction: String, purposes: [Option], organisations: [Option]
        var careTeam: [MemberView], careTeamAction: String, colleagues: [Option]
        var timeline: [TimelineItem]
        var accessLogPath: String
        var tableCasePath: String
        var appointments: [AppointmentView], planningPath: String, appointmentAction: String, canPlan: Bool, followUp: Bool
        var conversations: [GesprekRoutes.RecordView], conversationPath: String?
        var plan: PlanRoutes.Section
        var feedback: [FeedbackView], exportPath: String
        var error: String?
    }
    /// An invitation's state only: professionals never see what a client answered.
    struct FeedbackView: Encodable { var kind: String; var created: String; var state: String; var channel: String; var letterPath: String? }
    struct AppointmentView: Encodable { var id: String; var when: String; var duo: String; var status: String; var open: Bool }
    struct AanmeldingView: Encodable { var received: String; var referrer: String; var urgency: String; var urgent: Bool; var helpQuestion: String; var firstContact: String?; var waitingDays: Int }
    struct ContactView: Encodable { var at: String; var who: String; var channel: String; var reached: Bool; var note: String }
    struct ConsentView: Encodable { var id: String; var purpose: String; var organisation: String; var given: String; var revoked: String? }
    struct MemberView: Encodable { var name: String; var organisation: String; var basis: String; var since: String; var active: Bool }
    struct TimelineItem: Encodable { var at: String; var text: String; var sort: Double }

    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let record = try await req.repositories.clients.record(id, by: try req.accessor())
        return try await req.render("clienten/record", titleKey: "client_title", try await recordPage(req, record))
    }

    static func recordPage(_ req: Request, _ r: ClientRecord) async throws -> RecordPage {
        let me = try req.currentUser()
        let repos = req.repositories
        let users = Dictionary(uniqueKeysWithValues: try await repos.users.list(organisationIDs: nil).map { ($0.id, $0) })
        let orgs = Dictionary(uniqueKeysWithValues: try await repos.organisations.all().map { ($0.id, $0) })
        let wijk = try await r.client.wijkID.asyncMap { try await repos.region.wijk(id: $0) } ?? nil
        let c = r.client, id = c.id
        let userName = { (u: UUID) in users[u]?.name ?? "—" }
        let orgName = { (o: UUID) in orgs[o]?.name ?? "—" }

        var timeline: [TimelineItem] = []
        func event(_ date: Date, _ key: String, _ values: [String: String] = [:]) {
            timeline.append(TimelineItem(at: DutchDate.dayTime(date), text: req.t(key, values), sort: date.timeIntervalSince1970))
        }
        for a in r.aanmeldingen {
            event(a.receivedAt, "timeline_registered", ["who": userName(a.referrerUserID), "org": orgName(a.referrerOrganisationID)])
            if let f = a.firstContactAt { event(f, "timeline_first_contact") }
            if let closed = a.closedAt { event(closed, "timeline_closed") }
        }
        for ct in r.contacts { event(ct.at, ct.reached ? "timeline_contact_reached" : "timeline_contact_attempt", ["who": userName(ct.userID), "channel": req.t(ct.channel.labelKey)]) }
        for cs in r.consents {
            event(cs.givenAt, "timeline_consent_given", ["purpose": req.t(cs.purpose.labelKey), "org": orgName(cs.organisationID)])
            if let rv = cs.revokedAt { event(rv, "timeline_consent_revoked", ["purpose": req.t(cs.purpose.labelKey), "org": orgName(cs.organisationID)]) }
        }
        for a in r.appointments {
            event(a.plannedAt, "timeline_vg_planned", ["when": DutchDate.dayTime(a.plannedFor)])
            if let h = a.heldAt { event(h, "timeline_vg_held") }
            if let c = a.cancelledAt { event(c, "timeline_vg_cancelled") }
        }
        for v in r.conversations { event(v.recordedAt, "timeline_vg_recorded", ["who": userName(v.recordedBy)]) }
        for p in r.plans {
            event(p.createdAt, "timeline_plan_created", ["route": req.t(p.primaryRoute.labelKey)])
            if let at = p.sharedWithClientAt { event(at, "timeline_plan_shared") }
            if let at = p.adviceToGPAt { event(at, "timeline_advice_gp") }
        }
        for h in r.handovers {
            let to = orgName(h.toOrganisationID)
            event(h.requestedAt, "timeline_handover_requested", ["kind": req.t(h.kind.labelKey), "org": to])
            if let at = h.acceptedAt { event(at, "timeline_handover_accepted", ["org": to]) }
            if let at = h.rejectedAt { event(at, "timeline_handover_rejected", ["org": to, "reason": h.rejectionReason ?? ""]) }
            if let at = h.firstContactAt { event(at, "timeline_handover_first_contact", ["org": to]) }
            if let at = h.intakeAt { event(at, "timeline_handover_intake", ["org": to]) }
            if let at = h.treatmentStartAt { event(at, "timeline_handover_treatment", ["org": to]) }
            if let at = h.completedAt { event(at, "timeline_handover_completed", ["org": to]) }
            if let at = h.cancelledAt { event(at, "timeline_handover_cancelled", ["org": to, "reason": h.cancelReason ?? ""]) }
        }
        for m in r.careTeam { event(m.addedAt, "timeline_care_team", ["who": userName(m.userID), "basis": req.t(m.basis.labelKey)]) }
        timeline.sort { $0.sort > $1.sort }

        let inTeam = Set(r.careTeam.filter { $0.isActive(at: req.now) }.map(\.userID))
        let colleagues = try await repos.users.list(organisationIDs: [me.organisation.id])
            .filter { $0.isActive && !inTeam.contains($0.id) && ClientAccessPolicy.careRole(of: $0) != nil }
        let careOrgs = try await AanmeldingRoutes.careOrganisations(req)
        let feedback = r.feedbackInvitations.map { i in
            let state = i.state(at: req.now)
            return FeedbackView(kind: req.t(i.kind.labelKey), created: DutchDate.day(i.createdAt), state: req.t(state.labelKey),
                                channel: req.t(i.emailedAt == nil ? "feedback_channel_paper" : (i.remindedAt == nil ? "feedback_channel_email" : "feedback_channel_reminded")),
                                letterPath: state == .open ? SiteURL.clientFeedbackLetter(id).path + "?uitnodiging=" + i.id.uuidString : nil)
        }
        return RecordPage(
            name: c.name, born: DutchDate.day(c.dateOfBirth), age: c.dateOfBirth.age(on: req.now), bsn: c.bsn?.masked,
            postcode: c.postcode?.value ?? "—", wijk: wijk?.name ?? "—", phone: c.phone, email: c.email,
            aanmeldingen: r.aanmeldingen.map { a in
                AanmeldingView(received: DutchDate.dayTime(a.receivedAt), referrer: "\(userName(a.referrerUserID)), \(orgName(a.referrerOrganisationID))",
                               urgency: req.t(a.urgency.labelKey), urgent: a.urgency == .spoed, helpQuestion: a.helpQuestion,
                               firstContact: a.firstContactAt.map(DutchDate.dayTime),
                               waitingDays: DutchDate.days(from: a.receivedAt, to: a.firstContactAt ?? req.now))
            },
            contacts: r.contacts.map { ContactView(at: DutchDate.dayTime($0.at), who: userName($0.userID), channel: req.t($0.channel.labelKey), reached: $0.reached, note: $0.note) },
            contactAction: SiteURL.clientContact(id).path,
            channels: ContactMoment.Channel.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == .telefoon) },
            openAanmelding: r.aanmeldingen.first { $0.closedAt == nil }?.id.uuidString,
            consents: r.consents.map { ConsentView(id: $0.id.uuidString, purpose: req.t($0.purpose.labelKey), organisation: orgName($0.organisationID),
                                                   given: DutchDate.day($0.givenAt), revoked: $0.revokedAt.map(DutchDate.day)) },
            consentAction: SiteURL.clientConsent(id).path, revokeAction: SiteURL.clientConsentRevoke(id).path,
            // A link from a casuïstiektafel take-over preselects its purpose and organisation.
            purposes: [ConsentPurpose.verkennendGesprek, .overdracht, .casuistiekOvername, .feedback]
                .map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0.rawValue == req.query[String.self, at: "toestemming"]) },
            organisations: careOrgs.map { Option(value: $0.id.uuidString, label: $0.name,
                                                 selected: $0.id == req.query[String.self, at: "organisatie"].flatMap { UUID(uuidString: $0) }) },
            careTeam: r.careTeam.map { MemberView(name: userName($0.userID), organisation: orgName($0.organisationID), basis: req.t($0.basis.labelKey),
                                                  since: DutchDate.day($0.addedAt), active: $0.isActive(at: req.now)) },
            careTeamAction: SiteURL.clientCareTeam(id).path,
            colleagues: colleagues.map { Option(value: $0.id.uuidString, label: $0.name, selected: false) },
            timeline: timeline, accessLogPath: SiteURL.clientAccessLog(id).path, tableCasePath: SiteURL.clientTableCase(id).path,
            appointments: r.appointments.map { a in
                AppointmentView(id: a.id.uuidString, when: DutchDate.dayTime(a.plannedFor), duo: "\(userName(a.ggzUserID)) + \(userName(a.sociaalDomeinUserID))",
                                status: a.cancelledAt != nil ? req.t("vg_cancelled") + " (\(a.cancelReason ?? ""))"
                                    : a.heldAt.map { req.t("vg_held") + " " + DutchDate.dayTime($0) } ?? req.t("vg_planned"),
                                open: a.isActive && a.heldAt == nil)
            },
            planningPath: SiteURL.clientPlanning(id).path, appointmentAction: SiteURL.clientAppointment(id).path,
            canPlan: r.aanmeldingen.contains { $0.closedAt == nil } && !r.appointments.contains { $0.isActive && $0.heldAt == nil },
            followUp: r.appointments.contains { $0.heldAt != nil },
            conversations: GesprekRoutes.views(req, r.conversations, appointments: r.appointments),
            conversationPath: GesprekRoutes.openAppointment(r).map { _ in SiteURL.clientConversation(id).path },
            plan: try await PlanRoutes.section(req, r, userName: userName, orgs: orgs),
            feedback: feedback, exportPath: SiteURL.clientExport(id).path, error: nil)
    }

    // MARK: access log

    struct AccessPage: Encodable { var name: String; var backPath: String; var entries: [AccessRow] }
    struct AccessRow: Encodable { var at: String; var who: String; var organisation: String; var role: String; var action: String; var what: String; var basis: String }

    @Sendable static func accessLog(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        let entries = try await req.repositories.clients.accessLog(id, by: accessor)
        let record = try await req.repositories.clients.record(id, by: accessor)
        let users = Dictionary(uniqueKeysWithValues: try await req.repositories.users.list(organisationIDs: nil).map { ($0.id, $0.name) })
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0.name) })
        let rows = entries.map { e in
            AccessRow(at: DutchDate.dayTime(e.at), who: e.userID.flatMap { users[$0] } ?? "—", organisation: e.organisationID.flatMap { orgs[$0] } ?? "—",
                      role: e.role.map { req.t($0.labelKey) } ?? "—", action: req.t("audit_action_\(e.action.rawValue)"),
                      what: req.t("audit_object_\(e.objectType)"), basis: req.t("audit_basis_\(e.basis.rawValue)"))
        }
        return try await req.render("clienten/access", titleKey: "access_title",
                                    AccessPage(name: record.client.name, backPath: SiteURL.client(id).path, entries: rows))
    }

    // MARK: changes

    /// Re-renders the record with a message after a refused change, so nothing typed is lost silently.
    static func back(_ req: Request, _ id: UUID, flash: String = "flash_saved") -> Response {
        req.redirect(to: SiteURL.client(id).path + "?melding=\(flash)", redirectType: .normal)
    }

    static func recordWithError(_ req: Request, _ id: UUID, _ key: String, _ values: [String: String] = [:]) async throws -> Response {
        let record = try await req.repositories.clients.record(id, by: try req.accessor())
        var page = try await recordPage(req, record)
        page.error = req.t(key, values)
        return try await req.render("clienten/record", titleKey: "client_title", page, status: .unprocessableEntity)
    }

    @Sendable static func logContact(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let me = try req.currentUser()
        guard let aanmelding = UUID(uuidString: req.field("aanmelding")), let channel = ContactMoment.Channel(rawValue: req.field("channel")) else {
            return try await recordWithError(req, id, "error_contact_invalid")
        }
        let note = req.field("note")
        if note.count > 2000 { return try await recordWithError(req, id, "error_too_long") }
        try await req.repositories.clients.logContact(
            ContactMoment(aanmeldingID: aanmelding, userID: me.user.id, at: req.now, channel: channel, reached: req.field("reached") == "on", note: note),
            clientID: id, by: try req.accessor())
        return back(req, id)
    }

    @Sendable static func addConsent(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let me = try req.currentUser()
        let careOrgs = Set(try await AanmeldingRoutes.careOrganisations(req).map(\.id))
        guard let purpose = ConsentPurpose(rawValue: req.field("purpose")), let org = UUID(uuidString: req.field("organisation")), careOrgs.contains(org) else {
            return try await recordWithError(req, id, "error_consent_invalid")
        }
        try await req.repositories.clients.recordConsent(
            Consent(clientID: id, purpose: purpose, organisationID: org, givenAt: req.now, recordedBy: me.user.id), by: try req.accessor())
        return back(req, id)
    }

    @Sendable static func revokeConsent(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let consent = UUID(uuidString: req.field("consent")) else { return try await recordWithError(req, id, "error_consent_invalid") }
        try await req.repositories.clients.revokeConsent(consent, clientID: id, by: try req.accessor())
        return back(req, id, flash: "flash_consent_revoked")
    }

    @Sendable static func addColleague(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let user = UUID(uuidString: req.field("user")) else { return try await recordWithError(req, id, "error_choose") }
        try await req.repositories.clients.addColleague(user, clientID: id, by: try req.accessor())
        return back(req, id)
    }
}
