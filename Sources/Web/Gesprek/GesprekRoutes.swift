import Domain
import Foundation
import Vapor

/// Recording the verkennend gesprek: strengths, what matters, the reformulated question, and the
/// region's instruments (current versions) — one record per held conversation.
enum GesprekRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.clientConversation(nil), use: show)
        routes.post(.clientConversation(nil), use: save)
    }

    struct Page: Encodable {
        var name: String, backPath: String, action: String, appointment: String, helpQuestion: String
        var strengths: FormField, whatMatters: FormField, reformulated: FormField, peerExpert: Bool
        var instruments: [InstrumentView]
        var formError: String?
    }
    struct InstrumentView: Encodable { var title: String; var items: [ItemView] }
    struct ItemView: Encodable {
        var name: String, label: String, help: String?, isInteger: Bool, options: [Option], checked: Bool, error: String?
    }

    /// The held conversation that has no record yet, if any.
    static func openAppointment(_ r: ClientRecord) -> VGAppointment? {
        let recorded = Set(r.conversations.map(\.appointmentID))
        return r.appointments.first { $0.heldAt != nil && $0.cancelledAt == nil && !recorded.contains($0.id) }
    }

    static func fieldName(_ index: Int, _ linkId: String) -> String { "i\(index)_\(linkId)" }

    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let record = try await req.repositories.clients.record(id, by: try req.accessor())
        guard let appointment = openAppointment(record) else { throw Abort(.notFound) }
        return try await req.render("gesprek/form", titleKey: "conversation_title",
                                    page(req, record, appointment, raw: [:], errors: [:], status: nil))
    }

    static func page(_ req: Request, _ r: ClientRecord, _ a: VGAppointment, raw: [String: String], errors: [String: String], status: String?) -> Page {
        let instruments = req.application.web.instruments.current
        let f = { (n: String) in FormField(raw[n] ?? "", error: errors[n].map { req.t($0) }) }
        return Page(
            name: r.client.name, backPath: SiteURL.client(r.client.id).path, action: SiteURL.clientConversation(r.client.id).path,
            appointment: a.id.uuidString, helpQuestion: r.aanmeldingen.first { $0.id == a.aanmeldingID }?.helpQuestion ?? "",
            strengths: f("strengths"), whatMatters: f("what_matters"), reformulated: f("reformulated_question"),
            peerExpert: raw["peer_expert"] == "on",
            instruments: instruments.enumerated().map { index, inst in
                InstrumentView(title: inst.title, items: inst.items.map { item in
                    let name = fieldName(index, item.linkId)
                    switch item.kind {
                    case .boolean:
                        return ItemView(name: name, label: item.text, help: item.help, isInteger: false, options: [], checked: raw[name] == "on", error: nil)
                    case .integer(let lo, let hi):
                        let options = [Option(value: "", label: "—", selected: (raw[name] ?? "").isEmpty)]
                            + (lo...hi).map { Option(value: String($0), label: String($0), selected: raw[name] == String($0)) }
                        return ItemView(name: name, label: item.text + (item.required ? "" : " " + req.t("optional")), help: item.help,
                                        isInteger: true, options: options, checked: false, error: errors[name].map { req.t($0) })
                    }
                })
            },
            formError: errors.isEmpty ? nil : req.t("error_form"))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let me = try req.currentUser()
        let accessor = try req.accessor()
        let record = try await req.repositories.clients.record(id, by: accessor)
        guard let appointment = openAppointment(record), appointment.id.uuidString == req.field("appointment") else { throw Abort(.notFound) }
        var raw: [String: String] = [:]
        for n in ["strengths", "what_matters", "reformulated_question", "peer_expert"] { raw[n] = req.field(n) }
        var errors: [String: String] = [:]
        for n in ["strengths", "what_matters", "reformulated_question"] {
            if raw[n]!.isEmpty { errors[n] = "error_required" } else if raw[n]!.count > 4000 { errors[n] = "error_too_long" }
        }
        var responses: [InstrumentResponse] = []
        for (index, inst) in req.application.web.instruments.current.enumerated() {
            var values: [String: String] = [:]
            for item in inst.items {
                let name = fieldName(index, item.linkId)
                raw[name] = req.field(name); values[item.linkId] = raw[name]
            }
            let (response, itemErrors) = inst.response(from: values)
            for (link, key) in itemErrors { errors[fieldName(index, link)] = key }
            // An instrument left entirely empty (the optional ZRM) is not stored.
            if !response.answers.isEmpty && inst.items.contains(where: { if case .integer = $0.kind { response.answers[$0.linkId] != nil } else { false } }) {
                responses.append(response)
            }
        }
        if !errors.isEmpty {
            return try await req.render("gesprek/form", titleKey: "conversation_title",
                                        page(req, record, appointment, raw: raw, errors: errors, status: nil), status: .unprocessableEntity)
        }
        let vg = VGRecord(appointmentID: appointment.id, clientID: id, recordedAt: req.now, recordedBy: me.user.id,
                          strengths: raw["strengths"]!, whatMatters: raw["what_matters"]!, reformulatedQuestion: raw["reformulated_question"]!,
                          peerExpertPresent: raw["peer_expert"] == "on", responses: responses)
        try await req.repositories.clients.recordConversation(vg, by: accessor)
        return req.redirect(to: SiteURL.client(id).path + "?melding=flash_conversation_saved", redirectType: .normal)
    }

    // MARK: on the record page

    struct RecordView: Encodable {
        var date: String, strengths: String, whatMatters: String, reformulated: String, peerExpert: Bool
        var instruments: [ScoreTable]
    }
    struct ScoreTable: Encodable { var title: String; var version: String; var rows: [ScoreRow]; var hasEarlier: Bool }
    struct ScoreRow: Encodable { var label: String; var value: String; var earlier: String?; var change: String?; var talk: Bool }

    /// Each conversation with its scores, and the change against the conversation before it.
    static func views(_ req: Request, _ records: [VGRecord], appointments: [VGAppointment]) -> [RecordView] {
        let catalogue = req.application.web.instruments
        return records.enumerated().map { index, r in
            let earlier = index + 1 < records.count ? records[index + 1] : nil
            let tables: [ScoreTable] = r.responses.compactMap { response in
                guard let inst = catalogue.instrument(url: response.instrumentURL, version: response.instrumentVersion) else { return nil }
                let previous = earlier?.responses.first { $0.instrumentURL == response.instrumentURL }
                let change = previous.map { inst.change(from: $0, to: response) } ?? [:]
                let rows: [ScoreRow] = inst.items.compactMap { item in
                    guard case .integer = item.kind, let v = response.answers[item.linkId] else { return nil }
                    let delta = change[item.linkId]
                    return ScoreRow(label: item.text, value: String(v), earlier: previous?.answers[item.linkId].map(String.init),
                                    change: delta.map { $0 > 0 ? "+\($0)" : String($0) }, talk: response.answers[item.linkId + "-praten"] == 1)
                }
                return ScoreTable(title: inst.title, version: inst.version, rows: rows, hasEarlier: previous != nil)
            }
            // A conversation is known by when it was held, not by when it was written down.
            let held = appointments.first { $0.id == r.appointmentID }?.plannedFor ?? r.recordedAt
            return RecordView(date: DutchDate.dayTime(held), strengths: r.strengths, whatMatters: r.whatMatters,
                              reformulated: r.reformulatedQuestion, peerExpert: r.peerExpertPresent, instruments: tables)
        }
    }
}
