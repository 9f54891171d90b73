import Domain
import Foundation
import Vapor

/// The closed loop seen from both sides: what came in for my organisation (accept or reject with a
/// reason, first contact, intake, start of treatment, completed) and what we sent (where it stands,
/// which wait longer than the agreed response time, cancel).
enum OverdrachtenRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.handovers, use: list)
        routes.post(.handover(nil), use: act)
    }

    struct Page: Encodable { var incoming: [Row]; var outgoing: [Row]; var error: String? }
    struct Row: Encodable {
        var id: String, client: String, clientPath: String?, other: String, kind: String, route: String, request: String
        var requested: String, status: String, statusValue: String, due: String?, overdue: Bool
        var letter: String?, rejectionReason: String?, intake: String?, treatmentStart: String?
        var canAccept: Bool, canFirstContact: Bool, canComplete: Bool, canIntake: Bool, canTreatment: Bool, canCancel: Bool
        var canIntakeReport: Bool, canClosingReport: Bool, intakeReport: String?, closingReport: String?
        var action: String
    }

    static func mayUse(_ user: User) -> Bool { ClientAccessPolicy.careRole(of: user) != nil }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, error: nil, status: .ok)
    }

    static func render(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayUse(me.user))
        let accessor = try req.accessor()
        let all = try await req.repositories.organisations.all()
        let orgs = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.name) })
        let orgTypes = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.type) })
        let calendar = WorkingDays()
        let norms = try await NormTable(req)
        func row(_ h: Handover, client: String, clientPath: String?, other: UUID, incoming: Bool) async throws -> Row {
            let norm = norms.norm(h)
            let open = h.status == .requested
            return Row(
                id: h.id.uuidString, client: client, clientPath: clientPath, other: orgs[other] ?? "—", kind: req.t(h.kind.labelKey),
                route: req.t(h.route.labelKey), request: h.request, requested: DutchDate.dayTime(h.requestedAt),
                status: req.t(h.status.labelKey), statusValue: h.status.rawValue,
                due: open ? DutchDate.dayTime(norm.deadline(requestedAt: h.requestedAt, calendar: calendar)) : nil,
                overdue: norm.isOverdue(status: h.status, requestedAt: h.requestedAt, now: req.now, calendar: calendar),
                letter: h.letter, rejectionReason: h.rejectionReason, intake: h.intakeAt.map(DutchDate.dayTime), treatmentStart: h.treatmentStartAt.map(DutchDate.dayTime),
                canAccept: incoming && open, canFirstContact: incoming && h.status == .accepted, canComplete: incoming && h.status == .inProgress,
                canIntake: incoming && (h.status == .accepted || h.status == .inProgress) && h.intakeAt == nil,
                canTreatment: incoming && (h.status == .accepted || h.status == .inProgress) && h.intakeAt != nil && h.treatmentStartAt == nil,
                canCancel: !incoming && !h.status.isClosed,
                // The GGZ's reports to the GP (a samenwerkingsafspraak measures how soon they go out).
                canIntakeReport: incoming && h.intakeAt != nil && h.intakeReportAt == nil && h.status != .cancelled,
                canClosingReport: incoming && h.status == .completed && h.closingReportAt == nil && orgTypes[h.toOrganisationID] == .ggzAanbieder,
                intakeReport: h.intakeReportAt.map(DutchDate.dayTime), closingReport: h.closingReportAt.map(DutchDate.dayTime),
                action: SiteURL.handover(h.id).path)
        }
        var incoming: [Row] = [], outgoing: [Row] = []
        for i in try await req.repositories.handovers.inbox(by: accessor) {
            let accepted = i.handover.acceptedBy != nil && i.handover.status != .requested
            incoming.append(try await row(i.handover, client: "\(i.clientName) (\(i.clientAge) \(req.t("years")))",
                                          clientPath: accepted ? SiteURL.client(i.handover.clientID).path : nil,
                                          other: i.handover.fromOrganisationID, incoming: true))
        }
        for o in try await req.repositories.handovers.outbox(by: accessor) {
            outgoing.append(try await row(o.handover, client: o.clientName, clientPath: SiteURL.client(o.handover.clientID).path,
                                          other: o.handover.toOrganisationID, incoming: false))
        }
        return try await req.render("overdrachten/list", titleKey: "handovers_title", Page(incoming: incoming, outgoing: outgoing, error: error), status: status)
    }

    @Sendable static func act(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayUse(me.user))
        let id = try req.idParameter()
        let accessor = try req.accessor()
        let reason = String(req.field("reason").prefix(1000))
        do {
            switch req.field("action") {
            case "accept": try await req.repositories.handovers.apply(.accept, to: id, by: accessor)
            case "reject": try await req.repositories.handovers.apply(.reject(reason: reason), to: id, by: accessor)
            case "first_contact": try await req.repositories.handovers.apply(.firstContact, to: id, by: accessor)
            case "complete": try await req.repositories.handovers.apply(.complete, to: id, by: accessor)
            case "cancel": try await req.repositories.handovers.apply(.cancel(reason: reason), to: id, by: accessor)
            case "intake": try await req.repositories.handovers.record(.intake, handoverID: id, by: accessor)
            case "treatment_start": try await req.repositories.handovers.record(.treatmentStart, handoverID: id, by: accessor)
            case "intake_report": try await req.repositories.handovers.record(.intakeReport, handoverID: id, by: accessor)
            case "closing_report": try await req.repositories.handovers.record(.closingReport, handoverID: id, by: accessor)
            default: throw Abort(.badRequest)
            }
        } catch DomainError.conflict(let what) {
            return try await render(req, error: req.t(what == "reason" ? "error_reason_required" : "error_handover_transition"), status: .conflict)
        }
        return req.redirect(to: SiteURL.handovers.path + "?melding=flash_saved", redirectType: .normal)
    }
}
