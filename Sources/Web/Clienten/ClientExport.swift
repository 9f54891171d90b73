import Domain
import Foundation
import Vapor

/// Everything MGN holds about one client, as one JSON document: the answer to an inzageverzoek under
/// the AVG (article 15). It includes the client's own feedback answers, which professionals never see
/// on screen, so the download is audited as an export and meant to be handed to the client.
enum ClientExport {
    struct Document: Encodable {
        var exportedAt: Date
        var client: ClientPart
        var aanmeldingen: [AanmeldingPart]
        var consents: [ConsentPart]
        var appointments: [AppointmentPart]
        var conversations: [ConversationPart]
        var plans: [PlanPart]
        var handovers: [HandoverPart]
        var feedback: [FeedbackPart]
    }
    struct ClientPart: Encodable { var name: String; var dateOfBirth: String; var bsn: String?; var postcode: String?; var phone: String?; var email: String? }
    struct AanmeldingPart: Encodable { var receivedAt: Date; var helpQuestion: String; var urgency: String; var firstContactAt: Date?; var closedAt: Date? }
    struct ConsentPart: Encodable { var purpose: String; var organisation: String; var givenAt: Date; var revokedAt: Date? }
    struct AppointmentPart: Encodable { var plannedFor: Date; var heldAt: Date?; var cancelledAt: Date? }
    struct ConversationPart: Encodable { var recordedAt: Date; var strengths: String; var whatMatters: String; var question: String; var instruments: [String: [String: Int]] }
    struct PlanPart: Encodable { var createdAt: Date; var primaryRoute: String; var advice: String; var goals: [String]; var actions: [String]; var sharedWithClientAt: Date?; var adviceToGPAt: Date? }
    struct HandoverPart: Encodable { var to: String; var requestedAt: Date; var status: String; var request: String }
    struct FeedbackPart: Encodable { var kind: String; var invitedAt: Date; var answeredAt: Date?; var answers: [AnswerPart] }
    struct AnswerPart: Encodable { var item: String; var number: Int?; var text: String? }

    @Sendable static func download(req: Request) async throws -> Response {
        let id = try req.idParameter()
        let accessor = try req.accessor()
        let r = try await req.repositories.clients.record(id, by: accessor, action: .export)
        let feedback = try await req.repositories.feedback.answers(clientID: id, by: accessor)
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0.name) })
        let c = r.client
        let doc = Document(
            exportedAt: req.now,
            client: ClientPart(name: c.name, dateOfBirth: c.dateOfBirth.iso, bsn: c.bsn?.value, postcode: c.postcode?.value, phone: c.phone, email: c.email),
            aanmeldingen: r.aanmeldingen.map { AanmeldingPart(receivedAt: $0.receivedAt, helpQuestion: $0.helpQuestion, urgency: $0.urgency.rawValue,
                                                               firstContactAt: $0.firstContactAt, closedAt: $0.closedAt) },
            consents: r.consents.map { ConsentPart(purpose: $0.purpose.rawValue, organisation: orgs[$0.organisationID] ?? "", givenAt: $0.givenAt, revokedAt: $0.revokedAt) },
            appointments: r.appointments.map { AppointmentPart(plannedFor: $0.plannedFor, heldAt: $0.heldAt, cancelledAt: $0.cancelledAt) },
            conversations: r.conversations.map { v in
                ConversationPart(recordedAt: v.recordedAt, strengths: v.strengths, whatMatters: v.whatMatters, question: v.reformulatedQuestion,
                                 instruments: Dictionary(v.responses.map { ("\($0.instrumentURL)|\($0.instrumentVersion)", $0.answers) }, uniquingKeysWith: { a, _ in a }))
            },
            plans: r.plans.map { p in
                PlanPart(createdAt: p.createdAt, primaryRoute: p.primaryRoute.rawValue, advice: p.adviceText, goals: p.goals.map(\.text),
                         actions: p.actions.map { "\($0.service): \($0.description) (\($0.status.rawValue))" },
                         sharedWithClientAt: p.sharedWithClientAt, adviceToGPAt: p.adviceToGPAt)
            },
            handovers: r.handovers.map { HandoverPart(to: orgs[$0.toOrganisationID] ?? "", requestedAt: $0.requestedAt, status: $0.status.rawValue, request: $0.request) },
            feedback: feedback.map { inv, answers in
                FeedbackPart(kind: inv.kind.rawValue, invitedAt: inv.createdAt, answeredAt: inv.answeredAt,
                             answers: answers.map { AnswerPart(item: $0.linkId, number: $0.integer, text: $0.text) })
            })
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let res = Response(status: .ok, body: .init(data: try encoder.encode(doc)))
        res.headers.contentType = .json
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"mgn-inzage-\(id.uuidString.prefix(8)).json\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
