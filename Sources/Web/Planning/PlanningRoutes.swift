import Domain
import Foundation
import Vapor

/// Planning the verkennend gesprek: the earliest times a duo serving the client's wijk is free, the
/// wijk's current waiting time (NZa: the third free slot), booking, and the professionals' availability.
enum PlanningRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.clientPlanning(nil), use: show)
        routes.post(.clientPlanning(nil), use: book)
        routes.post(.clientAppointment(nil), use: changeAppointment)
        routes.get(.availability, use: showAvailability)
        routes.post(.availability, use: addAvailability)
        routes.post(.availabilityRemove, use: removeAvailability)
    }

    /// Duo proposals for a wijk from now on. Shared by the planning page and the wijk's waiting time.
    /// `consentedOrganisations` limits the duo to organisations the client consented to (nil: any, for the wait).
    static func proposals(_ req: Request, wijkID: UUID, limit: Int, consentedOrganisations: Set<UUID>? = nil) async throws -> (slots: [DuoSlot], users: [UUID: User]) {
        let repos = req.repositories
        let users = try await repos.users.list(organisationIDs: nil)
        let organisations = try await repos.organisations.all().filter { consentedOrganisations?.contains($0.id) ?? true }
        let (ggz, sociaal) = DuoCandidates.split(users: users, organisations: organisations, wijkID: wijkID)
        let ids = (ggz + sociaal).map(\.id)
        let slots = DuoPlanner().slots(forWijk: wijkID, users: users, organisations: organisations,
                                       availability: try await repos.planning.availability(userIDs: ids, from: req.now),
                                       busy: try await repos.planning.busy(userIDs: ids, from: req.now), after: req.now, limit: limit)
        return (slots, Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0) }))
    }

    struct Page: Encodable {
        var name: String, wijk: String, backPath: String, action: String
        var currentWait: Int?
        var hasWait = false
        var aanmelding: String?
        var slots: [SlotView]
        var planned: String?
        var error: String?
    }
    struct SlotView: Encodable { var when: String; var duo: String; var start: String; var ggz: String; var sociaal: String }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, id: try req.idParameter(), error: nil, status: .ok)
    }

    static func render(_ req: Request, id: UUID, error: String?, status: HTTPStatus) async throws -> Response {
        let record = try await req.repositories.clients.record(id, by: try req.accessor())
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0.name) })
        var page = Page(name: record.client.name, wijk: "—", backPath: SiteURL.client(id).path, action: SiteURL.clientPlanning(id).path,
                        currentWait: nil, hasWait: false, aanmelding: record.aanmeldingen.first { $0.closedAt == nil }?.id.uuidString, slots: [],
                        planned: record.appointments.first { $0.isActive && $0.heldAt == nil }.map { DutchDate.dayTime($0.plannedFor) },
                        error: error)
        if let wijkID = record.client.wijkID, let wijk = try await req.repositories.region.wijk(id: wijkID) {
            page.wijk = wijk.name
            // The wijk's wait counts every duo; the proposals only duos the client consented to.
            let (all, _) = try await proposals(req, wijkID: wijkID, limit: 3)
            page.currentWait = CurrentWaitingTime.days(slotStarts: all.map(\.start), now: req.now, calendar: calendar)
            page.hasWait = page.currentWait != nil
            let consented = Set(record.consents.filter { $0.purpose == .verkennendGesprek && $0.isActive(at: req.now) }.map(\.organisationID))
            let (slots, users) = try await proposals(req, wijkID: wijkID, limit: 10, consentedOrganisations: consented)
            let who = { (u: UUID) in users[u].map { "\($0.name) (\(orgs[$0.organisationID] ?? ""))" } ?? "—" }
            page.slots = slots.map {
                SlotView(when: DutchDate.dayTime($0.start), duo: "\(who($0.ggzUserID)) + \(who($0.sociaalDomeinUserID))",
                         start: String(Int($0.start.timeIntervalSince1970)), ggz: $0.ggzUserID.uuidString, sociaal: $0.sociaalDomeinUserID.uuidString)
            }
        }
        return try await req.render("planning/client", titleKey: "planning_title", page, status: status)
    }

    static var calendar: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = DutchDate.zone; return c }

    @Sendable static func book(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let me = try req.currentUser()
        guard let start = Double(req.field("start")).map(Date.init(timeIntervalSince1970:)),
              let ggz = UUID(uuidString: req.field("ggz")), let sociaal = UUID(uuidString: req.field("sociaal")),
              let aanmelding = UUID(uuidString: req.field("aanmelding")) else {
            return try await render(req, id: id, error: req.t("error_choose"), status: .unprocessableEntity)
        }
        let appointment = VGAppointment(aanmeldingID: aanmelding, clientID: id, ggzUserID: ggz, sociaalDomeinUserID: sociaal,
                                        plannedFor: start, end: start.addingTimeInterval(DuoPlanner().duration), plannedAt: req.now, plannedBy: me.user.id)
        do {
            try await req.repositories.clients.bookVG(appointment, by: try req.accessor())
        } catch DomainError.conflict(let what) where what.hasPrefix("consent:") {
            let org = UUID(uuidString: String(what.dropFirst("consent:".count)))
            let name = try await org.asyncMap { try await req.repositories.organisations.find(id: $0)?.name } ?? nil
            return try await render(req, id: id, error: req.t("error_no_vg_consent", ["org": name ?? "?"]), status: .conflict)
        } catch DomainError.conflict {
            return try await render(req, id: id, error: req.t("error_slot_taken"), status: .conflict)
        }
        return req.redirect(to: SiteURL.client(id).path + "?melding=flash_vg_planned", redirectType: .normal)
    }

    @Sendable static func changeAppointment(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let appointment = UUID(uuidString: req.field("appointment")) else { throw Abort(.badRequest) }
        let accessor = try req.accessor()
        do {
            switch req.field("action") {
            case "held": try await req.repositories.clients.markVGHeld(appointment, clientID: id, by: accessor)
            case "cancel":
                let reason = req.field("reason")
                if reason.isEmpty { return try await ClientenRoutes.recordWithError(req, id, "error_cancel_reason") }
                try await req.repositories.clients.cancelVG(appointment, clientID: id, reason: String(reason.prefix(500)), by: accessor)
            default: throw Abort(.badRequest)
            }
        } catch DomainError.conflict {
            return try await ClientenRoutes.recordWithError(req, id, "error_vg_not_yet")
        }
        return req.redirect(to: SiteURL.client(id).path + "?melding=flash_saved", redirectType: .normal)
    }

    // MARK: availability

    struct AvailabilityPage: Encodable {
        var windows: [WindowView]; var date: FormField; var from: FormField; var to: FormField; var removeAction: String
    }
    struct WindowView: Encodable { var id: String; var when: String }

    static func mayPublish(_ user: User) -> Bool { user.roles.contains { $0.duoSide != nil } }

    @Sendable static func showAvailability(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayPublish(me.user))
        return try await renderAvailability(req, me, errors: .init(), values: [:], status: .ok)
    }

    static func renderAvailability(_ req: Request, _ me: CurrentUser, errors: ValidationErrors, values: [String: String], status: HTTPStatus) async throws -> Response {
        let windows = try await req.repositories.planning.windows(userID: me.user.id, from: req.now)
        let time = { (d: Date) in DutchDate.dayTime(d).suffix(5) }
        let f = { (n: String) in FormField(values[n] ?? "", error: errors[n].map { req.t($0) }) }
        return try await req.render("planning/availability", titleKey: "availability_title", AvailabilityPage(
            windows: windows.map { WindowView(id: $0.id.uuidString, when: "\(DutchDate.dayTime($0.start)) – \(time($0.end))") },
            date: f("date"), from: f("from"), to: f("to"), removeAction: SiteURL.availabilityRemove.path), status: status)
    }

    /// "24-11-2026" + "09:00" in Dutch time.
    static func parse(day: String, time: String) -> Date? {
        guard let d = DateOnly(day) else { return nil }
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: parts[0], minute: parts[1]))
    }

    @Sendable static func addAvailability(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayPublish(me.user))
        let values = ["date": req.field("date"), "from": req.field("from"), "to": req.field("to")]
        var errors = ValidationErrors()
        let start = parse(day: values["date"]!, time: values["from"]!), end = parse(day: values["date"]!, time: values["to"]!)
        if DateOnly(values["date"]!) == nil { errors.add("date", "error_date_invalid") }
        if start == nil { errors.add("from", "error_time_invalid") }
        if end == nil { errors.add("to", "error_time_invalid") }
        if let start, let end {
            if end <= start { errors.add("to", "error_end_before_start") }
            else if start < req.now { errors.add("date", "error_in_past") }
        }
        if errors.isEmpty, let start, let end {
            do {
                try await req.repositories.planning.addWindow(AvailabilityWindow(userID: me.user.id, start: start, end: end))
                return req.redirect(to: SiteURL.availability.path + "?melding=flash_saved", redirectType: .normal)
            } catch DomainError.conflict { errors.add("from", "error_overlap") }
        }
        return try await renderAvailability(req, me, errors: errors, values: values, status: .unprocessableEntity)
    }

    @Sendable static func removeAvailability(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard let id = UUID(uuidString: req.field("window")) else { throw Abort(.notFound) }
        try await req.repositories.planning.removeWindow(id: id, userID: me.user.id)
        return req.redirect(to: SiteURL.availability.path + "?melding=flash_saved", redirectType: .normal)
    }
}
