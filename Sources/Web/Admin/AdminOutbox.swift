import Domain
import Foundation
import Vapor

/// What the outbox holds: waiting, failed and recently sent messages, for the region's administrator.
/// A failed message can be tried again; a test message checks the mail settings. Client addresses are
/// masked and no message text is shown (it may hold a one-time link).
enum AdminOutbox {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminOutbox, use: show)
        routes.post(.adminOutboxRetry, use: retry)
        routes.post(.adminOutboxTest, use: sendTest)
    }

    struct Page: Encodable {
        var mailConfigured: Bool, counts: OutboxCounts, filter: String, filters: [Option], messages: [Row], testTo: FormField
    }
    struct Row: Encodable {
        var id: String, kind: String, recipient: String, status: String, statusValue: String, created: String, attempts: Int
        var next: String?, sent: String?, error: String?, canRetry: Bool
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, testTo: FormField(try req.currentUser().user.email), status: .ok)
    }

    static func render(_ req: Request, testTo: FormField, status: HTTPStatus) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        let filter = req.query[String.self, at: "status"].flatMap(OutboxStatus.init(rawValue:))
        let messages = try await req.repositories.outbox.list(status: filter, limit: 200)
        return try await req.render("admin/outbox", titleKey: "admin_outbox", Page(
            mailConfigured: req.config.mailConfigured, counts: try await req.repositories.outbox.counts(), filter: filter?.rawValue ?? "",
            filters: [Option(value: "", label: req.t("outbox_all"), selected: filter == nil)]
                + OutboxStatus.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == filter) },
            messages: messages.map { m in
                Row(id: m.id.uuidString, kind: req.t(m.kind.labelKey), recipient: m.maskedRecipient, status: req.t(m.status.labelKey),
                    statusValue: m.status.rawValue, created: DutchDate.dayTime(m.createdAt), attempts: m.attempts,
                    next: m.status == .waiting ? DutchDate.dayTime(m.nextAttemptAt) : nil, sent: m.sentAt.map(DutchDate.dayTime),
                    error: m.lastError, canRetry: m.status == .failed)
            }, testTo: testTo), status: status)
    }

    @Sendable static func retry(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        guard let id = UUID(uuidString: req.field("message")) else { throw Abort(.notFound) }
        try await req.repositories.outbox.retry(id, at: req.now, audit: me.adminAudit(.update, "outbox_message", id.uuidString, detail: "retry", on: req))
        return req.redirect(to: SiteURL.adminOutbox.path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func sendTest(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        let raw = req.field("to")
        guard Email.isValid(raw) else {
            return try await render(req, testTo: FormField(raw, error: req.t("error_email_invalid")), status: .unprocessableEntity)
        }
        try await req.repositories.outbox.enqueueTest(to: Email.normalised(raw), at: req.now,
                                                      audit: me.adminAudit(.create, "outbox_message", nil, detail: "test", on: req))
        return req.redirect(to: SiteURL.adminOutbox.path + "?melding=flash_outbox_test", redirectType: .normal)
    }
}
