import Domain
import Foundation
import Vapor

/// The staff pulse ("collega's tevreden"): the anonymous form of the open round, and the results of
/// closed rounds, shown per organisation type and organisation only for groups of at least 5 answers.
enum PulseRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.pulse, use: show)
        routes.post(.pulse, use: submit)
        routes.get(.pulseRound(nil), use: results)
    }

    static func mayAnswer(_ user: User) -> Bool { user.isActive && user.roles.contains { $0.isCareProfessional } }

    struct Page: Encodable {
        var current: RoundView?
        var answered: Bool
        var canAnswer: Bool
        var form: FormView?
        var rounds: [RoundView]
        var nextOpens: String
    }
    struct RoundView: Encodable { var label: String; var closes: String; var path: String; var showsResults: Bool }
    struct FormView: Encodable {
        var engagement: [Question], network: [Question], partners: [Question], freeText: FormField, hasErrors: Bool, limit: Int
    }
    struct Question: Encodable { var name: String; var text: String; var options: [Option]; var error: String?; var scaleHint: String }

    static func openRound(_ req: Request) async throws -> PulseRound? {
        try await req.repositories.pulse.rounds().first { $0.isOpen(at: req.now) }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, raw: [:], errors: [:], status: .ok)
    }

    static func render(_ req: Request, raw: [String: String], errors: [String: String], status: HTTPStatus) async throws -> Response {
        let me = try req.currentUser()
        let rounds = try await req.repositories.pulse.rounds()
        let open = rounds.first { $0.isOpen(at: req.now) }
        let answered = try await open.asyncMap { try await req.repositories.pulse.hasAnswered(roundID: $0.id, userID: me.user.id) } ?? false
        func view(_ r: PulseRound) -> RoundView {
            RoundView(label: r.label, closes: DutchDate.day(r.closesAt.addingTimeInterval(-1)), path: SiteURL.pulseRound(r.id).path, showsResults: r.showsResults(at: req.now))
        }
        var form: FormView?
        if open != nil, !answered, mayAnswer(me.user) {
            let partners = try await req.repositories.pulse.partners(of: me.user, from: req.now.addingTimeInterval(-92 * 86400), to: req.now)
            func q(_ name: String, _ textKey: String, _ range: ClosedRange<Int>, _ low: String, _ high: String) -> Question {
                Question(name: name, text: req.t(textKey), options: range.map { Option(value: String($0), label: String($0), selected: raw[name] == String($0)) },
                         error: errors[name].map { req.t($0) }, scaleHint: "\(range.lowerBound) = \(req.t(low)) · \(range.upperBound) = \(req.t(high))")
            }
            form = FormView(
                engagement: [q("vitality", "pulse_vitality", 0...6, "pulse_never", "pulse_daily"),
                             q("dedication", "pulse_dedication", 0...6, "pulse_never", "pulse_daily"),
                             q("absorption", "pulse_absorption", 0...6, "pulse_never", "pulse_daily")],
                network: [q("recommend", "pulse_recommend", 0...10, "pulse_not_likely", "pulse_very_likely"),
                          q("right_place", "pulse_right_place", 1...10, "pulse_disagree", "pulse_agree")],
                partners: partners.map { o in
                    var question = q("partner_\(o.id.uuidString)", "pulse_partner", 1...10, "pulse_poor", "pulse_excellent")
                    question.text = req.t("pulse_partner", ["org": o.name])
                    return question
                },
                freeText: FormField(raw["free_text"] ?? "", error: errors["free_text"].map { req.t($0) }), hasErrors: !errors.isEmpty, limit: PulseAnswer.freeTextLimit)
        }
        let next = req.config.pulseCalendar.round(containing: req.now)
        let nextOpens = next.opensAt > req.now ? next.opensAt : req.config.pulseCalendar.round(containing: next.closesAt.addingTimeInterval(Double(req.config.pulseCalendar.months) * 31 * 86400)).opensAt
        return try await req.render("puls/pulse", titleKey: "pulse_title", Page(
            current: open.map(view), answered: answered, canAnswer: mayAnswer(me.user), form: form,
            rounds: rounds.filter { !$0.isOpen(at: req.now) }.map(view), nextOpens: DutchDate.day(nextOpens)), status: status)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(mayAnswer(me.user))
        guard let round = try await openRound(req) else { return req.redirect(to: SiteURL.pulse.path, redirectType: .normal) }
        let partners = try await req.repositories.pulse.partners(of: me.user, from: req.now.addingTimeInterval(-92 * 86400), to: req.now).map(\.id)
        var raw: [String: String] = [:]
        for name in ["vitality", "dedication", "absorption", "recommend", "right_place", "free_text"] + partners.map({ "partner_\($0.uuidString)" }) {
            raw[name] = req.field(name)
        }
        let (answer, errors) = PulseAnswer.parse(raw, partners: partners)
        guard let answer else { return try await render(req, raw: raw, errors: errors, status: .unprocessableEntity) }
        do {
            try await req.repositories.pulse.submit(answer, roundID: round.id, by: try req.accessor())
        } catch DomainError.conflict {
            return req.redirect(to: SiteURL.pulse.path, redirectType: .normal)  // answered already (another tab) or just closed
        }
        return req.redirect(to: SiteURL.pulse.path + "?melding=flash_pulse_thanks", redirectType: .normal)
    }

    // MARK: results

    struct ResultsPage: Encodable {
        var label: String, invited: Int, answered: Int, responseRate: String, rows: [ResultRow], partners: [ResultRow]
        var showTexts: Bool, minimum: Int, tooFew: Bool
    }
    struct ResultRow: Encodable {
        var label: String, depth: Int, count: Int, engagement: String, enps: String, rightPlace: String, texts: [String], isRest: Bool
    }

    @Sendable static func results(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let id = try req.idParameter()
        guard let results = try await req.repositories.pulse.results(roundID: id), results.round.showsResults(at: req.now) else { throw Abort(.notFound) }
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        let leaves = results.byOrganisation.map { org, sums in
            SmallGroups.Leaf(path: ["type:\(orgs[org]?.type.rawValue ?? "?")", "org:\(org.uuidString)"], count: sums.count)
        }
        let showTexts = me.admin.coordinatesRegion
        func label(_ key: String, rest: Bool, depth: Int) -> String {
            if rest { return req.t(depth == 1 ? "pulse_rest_types" : "pulse_rest_orgs") }
            if key == "region" { return req.t("pulse_region") }
            if key.hasPrefix("type:") { return OrganisationType(rawValue: String(key.dropFirst(5))).map { req.t($0.labelKey) } ?? "—" }
            return UUID(uuidString: String(key.dropFirst(4))).flatMap { orgs[$0]?.name } ?? "—"
        }
        func orgIDs(_ leafKeys: [String]) -> [UUID] { leafKeys.compactMap { $0.hasPrefix("org:") ? UUID(uuidString: String($0.dropFirst(4))) : nil } }
        let rows = SmallGroups.rows(root: "region", leaves: leaves).map { row -> ResultRow in
            var sums = PulseSums()
            for o in orgIDs(row.leafKeys) { if let s = results.byOrganisation[o] { sums.add(s) } }
            // Free text only where it belongs to one group: an organisation, or a rest of organisations.
            let texts = showTexts && (row.key.hasPrefix("org:") || (row.isRest && row.depth == 2)) ? orgIDs(row.leafKeys).flatMap { results.freeTexts[$0] ?? [] }.sorted() : []
            return ResultRow(label: label(row.key, rest: row.isRest, depth: row.depth), depth: row.depth, count: row.count,
                             engagement: sums.engagementMean.map { String(format: "%.1f", $0) } ?? "—",
                             enps: sums.enps.map { String(format: "%+.0f", $0) } ?? "—",
                             rightPlace: sums.rightPlaceMean.map { String(format: "%.1f", $0) } ?? "—", texts: texts, isRest: row.isRest)
        }
        let partnerLeaves = results.partnerRatings.map { SmallGroups.Leaf(path: ["org:\($0.key.uuidString)"], count: $0.value.count) }
        let partners = SmallGroups.rows(root: "partners", leaves: partnerLeaves).map { row -> ResultRow in
            let ids = orgIDs(row.leafKeys)
            let n = ids.reduce(0) { $0 + (results.partnerRatings[$1]?.count ?? 0) }, sum = ids.reduce(0) { $0 + (results.partnerRatings[$1]?.sum ?? 0) }
            return ResultRow(label: row.key == "partners" ? req.t("pulse_all_partners") : row.isRest ? req.t("pulse_rest_partners") : label(row.key, rest: false, depth: 1),
                             depth: row.depth, count: row.count, engagement: n > 0 ? String(format: "%.1f", Double(sum) / Double(n)) : "—",
                             enps: "", rightPlace: "", texts: [], isRest: row.isRest)
        }
        return try await req.render("puls/results", titleKey: "pulse_results_title", ResultsPage(
            label: results.round.label, invited: results.invited, answered: results.answered,
            responseRate: results.invited > 0 ? String(format: "%.0f%%", Double(results.answered) * 100 / Double(results.invited)) : "—",
            rows: rows, partners: partners, showTexts: showTexts, minimum: SmallGroups.minimum, tooFew: rows.isEmpty))
    }
}
