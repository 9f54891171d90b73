import Domain
import Foundation
import Vapor

/// Client feedback. The public form behind a one-time link (no login, phone-sized, no JavaScript),
/// the letter with its QR code for a client without e-mail, and the figures a professional may see:
/// their own conversations and their organisation's, per completed month, only from 5 answers on.
enum FeedbackRoutes {
    static func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        routes.get(.feedbackForm(nil), use: form)
        routes.post(.feedbackForm(nil), use: submit)
        signedIn.get(.feedbackResults, use: results)
        signedIn.get(.clientFeedbackLetter(nil), use: letter)
    }

    // MARK: the public form

    struct FormPage: Encodable {
        var title: String, intro: String, action: String, items: [ItemView], hasErrors: Bool, kind: String
    }
    struct ItemView: Encodable {
        var id: String, text: String, help: String?, error: String?
        var scale: Bool, choice: Bool, multiple: Bool, textArea: Bool, required: Bool
        var options: [Option], value: String, maxLength: Int
    }
    struct MessagePage: Encodable { var heading: String; var text: String }

    static func token(_ req: Request) -> String { req.parameters.get("token") ?? "" }

    @Sendable static func form(req: Request) async throws -> Response {
        let token = token(req)
        guard let invitation = try await req.repositories.feedback.invitation(token: token) else { return try await notFound(req) }
        if let closed = try await closedPage(req, invitation) { return closed }
        return try await renderForm(req, invitation, raw: [:], errors: [:], status: .ok)
    }

    /// A used or expired link is refused politely: the person did nothing wrong.
    static func closedPage(_ req: Request, _ invitation: FeedbackInvitation) async throws -> Response? {
        switch invitation.state(at: req.now) {
        case .open: return nil
        case .answered:
            return try await req.render("feedback/message", titleKey: "feedback_used_heading",
                                        MessagePage(heading: req.t("feedback_used_heading"), text: req.t("feedback_used_text")), status: .conflict)
        case .expired:
            return try await req.render("feedback/message", titleKey: "feedback_expired_heading",
                                        MessagePage(heading: req.t("feedback_expired_heading"), text: req.t("feedback_expired_text")), status: .gone)
        }
    }

    static func notFound(_ req: Request) async throws -> Response {
        try await req.render("feedback/message", titleKey: "feedback_unknown_heading",
                             MessagePage(heading: req.t("feedback_unknown_heading"), text: req.t("feedback_unknown_text")), status: .notFound)
    }

    static func renderForm(_ req: Request, _ invitation: FeedbackInvitation, raw: [String: [String]], errors: [String: String],
                           status: HTTPStatus) async throws -> Response {
        let q = req.application.web.questionnaires.current(invitation.kind)
        let locale = req.locale
        let items = q.items.map { item -> ItemView in
            let chosen = raw[item.linkId] ?? []
            var view = ItemView(id: item.linkId, text: item.text.in(locale), help: item.help?.in(locale), error: errors[item.linkId].map { req.t($0) },
                                scale: false, choice: false, multiple: false, textArea: false, required: item.required, options: [],
                                value: chosen.first ?? "", maxLength: 0)
            switch item.kind {
            case .integer(let lo, let hi):
                view.scale = true
                view.options = (lo...hi).map { Option(value: String($0), label: String($0), selected: chosen.first == String($0)) }
            case .choice(let options, let multiple):
                view.choice = true; view.multiple = multiple
                view.options = options.map { Option(value: $0.code, label: $0.display.in(locale), selected: chosen.contains($0.code)) }
            case .text(let max):
                view.textArea = true; view.maxLength = max
            }
            return view
        }
        let date = invitation.conversationDate.written(locale)
        let page = FormPage(title: q.title.in(locale),
                            intro: req.t(invitation.kind == .conversation ? "feedback_intro_vg" : "feedback_intro_follow_up", ["date": date]),
                            action: SiteURL.feedbackForm(invitation.token).path, items: items, hasErrors: !errors.isEmpty, kind: invitation.kind.rawValue)
        return try await req.render("feedback/form", titleKey: "feedback_title", page, status: status)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let token = token(req)
        guard let invitation = try await req.repositories.feedback.invitation(token: token) else { return try await notFound(req) }
        if let closed = try await closedPage(req, invitation) { return closed }
        let q = req.application.web.questionnaires.current(invitation.kind)
        var raw: [String: [String]] = [:]
        for item in q.items {
            if case .choice(_, true) = item.kind { raw[item.linkId] = req.fieldValues(item.linkId) }
            else { raw[item.linkId] = [req.field(item.linkId)] }
        }
        let (answers, errors) = q.answers(from: raw)
        if !errors.isEmpty { return try await renderForm(req, invitation, raw: raw, errors: errors, status: .unprocessableEntity) }
        do {
            try await req.repositories.feedback.submit(token: token, questionnaire: q, answers: answers, at: req.now)
        } catch DomainError.conflict {
            // Answered in another tab a moment ago, or the link ran out while the form was open.
            var again = invitation
            if again.state(at: req.now) == .open { again.answeredAt = req.now }
            if let page = try await closedPage(req, again) { return page }
            return try await notFound(req)
        }
        return try await req.render("feedback/message", titleKey: "feedback_thanks_heading",
                                    MessagePage(heading: req.t("feedback_thanks_heading"), text: req.t("feedback_thanks_text")))
    }

    // MARK: the letter with the QR code

    struct LetterPage: Encodable {
        var name: String, heading: String, text: String, link: String, qr: String, until: String, backPath: String, kind: String
    }

    /// A letter for the client (a follow-up for someone without e-mail, or a lost plan printout).
    @Sendable static func letter(req: Request) async throws -> Response {
        let clientID = try req.idParameter()
        guard let invitationID = req.query[String.self, at: "uitnodiging"].flatMap({ UUID(uuidString: $0) }) else { throw Abort(.notFound) }
        let accessor = try req.accessor()
        let invitation = try await req.repositories.feedback.invitationForPrint(invitationID, clientID: clientID, by: accessor)
        guard invitation.state(at: req.now) == .open else { throw Abort(.notFound) }
        let record = try await req.repositories.clients.record(clientID, by: accessor, action: .print)
        let link = req.feedbackLink(invitation.token)
        return try await req.render("feedback/letter", titleKey: "feedback_letter_title", LetterPage(
            name: record.client.name, heading: req.t(invitation.kind == .conversation ? "feedback_letter_heading_vg" : "feedback_letter_heading_follow_up"),
            text: req.t(invitation.kind == .conversation ? "feedback_letter_text_vg" : "feedback_letter_text_follow_up",
                        ["date": invitation.conversationDate.written(req.locale)]),
            link: link, qr: try qrImage(link, label: req.t("feedback_qr_label")), until: DutchDate.day(invitation.expiresAt.addingTimeInterval(-1)),
            backPath: SiteURL.client(clientID).path, kind: invitation.kind.rawValue))
    }

    /// The QR code as a data: URL (allowed by the page's CSP); no user data goes into it.
    static func qrImage(_ link: String, label: String) throws -> String {
        let svg = try QRCode.encode(link, correction: .medium).svg(pixels: 180, label: label)
        return "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()
    }

    // MARK: figures for professionals

    struct ResultsPage: Encodable {
        var groups: [GroupView]; var minimum: Int; var months: Int
    }
    struct GroupView: Encodable { var title: String; var rows: [MonthView]; var hiddenMonths: Int }
    struct MonthView: Encodable {
        var month: String, kind: String, invited: Int, answered: Int, responseRate: String
        var rating: String?, atLeast8: String?, items: [ItemFigure], answeredYes: String?, answeredPartly: String?, answeredNo: String?
    }
    struct ItemFigure: Encodable { var label: String; var mean: String }

    static let figureMonths = 15

    /// The figures of the last 15 months, for a professional in a care role (own, organisation, region)
    /// or the region's coordinator (region); page and API alike.
    static func figures(_ req: Request) async throws -> (CurrentUser, FeedbackFigures) {
        let me = try req.currentUser()
        try req.require(ClientAccessPolicy.careRole(of: me.user) != nil || me.admin.coordinatesRegion)
        let to = req.now, from = WorkingDays().calendar.date(byAdding: .month, value: -figureMonths, to: to)!
        return (me, try await req.repositories.feedback.figures(for: me.user, from: from, to: to))
    }

    @Sendable static func results(req: Request) async throws -> Response {
        let (me, figures) = try await figures(req)
        let q = req.application.web.questionnaires
        func percent(_ n: Int, _ d: Int) -> String { d > 0 ? String(format: "%.0f%%", Double(n) * 100 / Double(d)) : "—" }
        func view(_ m: FeedbackMonth) -> MonthView {
            let t = m.totals, questionnaire = q.current(m.kind)
            let items = FeedbackQuestionnaires.conversationItems.dropFirst().compactMap { id -> ItemFigure? in
                guard m.kind == .conversation, let mean = t.mean(id) else { return nil }
                return ItemFigure(label: questionnaire.item(id)?.text.in(req.locale) ?? id, mean: String(format: "%.1f", mean))
            }
            let answered = t.choices["hulpvraag_beantwoord"] ?? [:]
            let answeredTotal = answered.values.reduce(0, +)
            return MonthView(month: DutchDate.month(year: m.year, month: m.month, locale: req.locale), kind: req.t(m.kind.labelKey),
                             invited: t.invited, answered: t.answered, responseRate: percent(t.answered, t.invited),
                             rating: t.mean("rapportcijfer").map { String(format: "%.1f", $0) },
                             atLeast8: m.kind == .conversation ? percent(t.atLeast8, t.counts["rapportcijfer"] ?? 0) : nil, items: items,
                             answeredYes: m.kind == .followUp ? percent(answered["ja"] ?? 0, answeredTotal) : nil,
                             answeredPartly: m.kind == .followUp ? percent(answered["deels"] ?? 0, answeredTotal) : nil,
                             answeredNo: m.kind == .followUp ? percent(answered["nee"] ?? 0, answeredTotal) : nil)
        }
        // Only the months `FeedbackFigures.visible` allows (5 answers, and no small group by subtraction).
        let shown = figures.visible
        let own = shown.own.reversed().map(view), org = shown.organisation.reversed().map(view), region = shown.region.reversed().map(view)
        let hiddenOwn = shown.hiddenOwn, hiddenOrg = shown.hiddenOrganisation
        var groups: [GroupView] = []
        if ClientAccessPolicy.careRole(of: me.user) != nil {
            groups.append(GroupView(title: req.t("feedback_group_own"), rows: own, hiddenMonths: hiddenOwn))
            groups.append(GroupView(title: req.t("feedback_group_organisation", ["org": me.organisation.name]), rows: org, hiddenMonths: hiddenOrg))
        }
        groups.append(GroupView(title: req.t("feedback_group_region"), rows: region, hiddenMonths: shown.hiddenRegion))
        return try await req.render("feedback/results", titleKey: "feedback_results_title",
                                    ResultsPage(groups: groups, minimum: SmallGroups.minimum, months: figureMonths))
    }
}

extension Request {
    /// The public address of a feedback link: the configured public URL, else this request's host.
    func feedbackLink(_ token: String) -> String {
        // Behind a TLS proxy the proxy says so; otherwise the scheme this server itself speaks.
        let scheme = headers.first(name: "X-Forwarded-Proto") ?? (application.http.server.configuration.tlsConfiguration != nil ? "https" : "http")
        let base = config.publicURL ?? "\(scheme)://\(headers.first(name: .host) ?? "localhost")"
        return MessageComposer(publicURL: base, from: "").feedbackLink(token: token)
    }
}
