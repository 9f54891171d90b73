import Domain
import Fluent
import Foundation

final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "locale") var locale: String
    @OptionalField(key: "parameters") var parameters: String?
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "client_id") var clientID: UUID?
    init() {}

    convenience init(_ m: OutboxMessage) {
        self.init()
        id = m.id; kind = m.kind.rawValue; recipient = m.recipient; locale = m.locale.rawValue
        parameters = String(decoding: try! JSONEncoder().encode(m.parameters), as: UTF8.self)
        status = m.status.rawValue; createdAt = m.createdAt; attempts = m.attempts; nextAttemptAt = m.nextAttemptAt
        leaseUntil = m.leaseUntil; sentAt = m.sentAt; lastError = m.lastError; clientID = m.clientID
    }

    var domain: OutboxMessage {
        var m = OutboxMessage(id: id!, kind: OutboxKind(rawValue: kind) ?? .test, recipient: recipient, locale: Locale.Code(rawValue: locale) ?? .nl,
                              parameters: parameters.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:],
                              createdAt: createdAt, clientID: clientID)
        m.status = OutboxStatus(rawValue: status) ?? .waiting; m.attempts = attempts; m.nextAttemptAt = nextAttemptAt
        m.leaseUntil = leaseUntil; m.sentAt = sentAt; m.lastError = lastError
        return m
    }
}

final class FeedbackInvitationModel: Model, @unchecked Sendable {
    static let schema = "feedback_invitations"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "appointment_id") var appointmentID: UUID?
    @OptionalField(key: "plan_id") var planID: UUID?
    @Field(key: "ggz_user_id") var ggzUserID: UUID
    @Field(key: "social_user_id") var socialUserID: UUID
    @Field(key: "ggz_organisation_id") var ggzOrganisationID: UUID
    @Field(key: "social_organisation_id") var socialOrganisationID: UUID
    @Field(key: "token") var token: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "conversation_date") var conversationDate: String
    @OptionalField(key: "emailed_at") var emailedAt: Date?
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "questionnaire_url") var questionnaireURL: String?
    @OptionalField(key: "questionnaire_version") var questionnaireVersion: String?
    init() {}

    convenience init(_ i: FeedbackInvitation) {
        self.init()
        id = i.id; clientID = i.clientID; kind = i.kind.rawValue; appointmentID = i.appointmentID; planID = i.planID
        ggzUserID = i.ggzUserID; socialUserID = i.socialUserID; ggzOrganisationID = i.ggzOrganisationID
        socialOrganisationID = i.socialOrganisationID; token = i.token; createdAt = i.createdAt; expiresAt = i.expiresAt
        conversationDate = i.conversationDate.iso; emailedAt = i.emailedAt; remindedAt = i.remindedAt; answeredAt = i.answeredAt
    }

    var domain: FeedbackInvitation {
        var i = FeedbackInvitation(id: id!, clientID: clientID, kind: FeedbackKind(rawValue: kind) ?? .conversation, appointmentID: appointmentID,
                                   planID: planID, ggzUserID: ggzUserID, socialUserID: socialUserID, ggzOrganisationID: ggzOrganisationID,
                                   socialOrganisationID: socialOrganisationID, token: token, createdAt: createdAt, expiresAt: expiresAt,
                                   conversationDate: DateOnly(conversationDate) ?? DateOnly(year: 2000, month: 1, day: 1)!)
        i.emailedAt = emailedAt; i.remindedAt = remindedAt; i.answeredAt = answeredAt
        return i
    }
}

final class FeedbackAnswerModel: Model, @unchecked Sendable {
    static let schema = "feedback_answers"
    @ID(key: .id) var id: UUID?
    @Field(key: "invitation_id") var invitationID: UUID
    @Field(key: "link_id") var linkID: String
    @OptionalField(key: "value_int") var valueInt: Int?
    @OptionalField(key: "value_text") var valueText: String?
    init() {}
    convenience init(invitationID: UUID, _ a: QuestionnaireAnswer) {
        self.init(); id = UUID(); self.invitationID = invitationID; linkID = a.linkId; valueInt = a.integer; valueText = a.text
    }
    var domain: QuestionnaireAnswer { QuestionnaireAnswer(linkId: linkID, integer: valueInt, text: valueText) }
}

final class PulseRoundModel: Model, @unchecked Sendable {
    static let schema = "pulse_rounds"
    @ID(key: .id) var id: UUID?
    @Field(key: "label") var label: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "invited") var invited: Int
    init() {}
    var domain: PulseRound {
        PulseRound(id: id!, label: label, periodStart: DateOnly(periodStart) ?? DateOnly(year: 2000, month: 1, day: 1)!, opensAt: opensAt, closesAt: closesAt)
    }
}

final class PulseAnswerModel: Model, @unchecked Sendable {
    static let schema = "pulse_answers"
    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "vitality") var vitality: Int
    @Field(key: "dedication") var dedication: Int
    @Field(key: "absorption") var absorption: Int
    @Field(key: "recommend") var recommend: Int
    @Field(key: "right_place") var rightPlace: Int
    @OptionalField(key: "free_text") var freeText: String?
    init() {}
}

final class PulsePartnerRatingModel: Model, @unchecked Sendable {
    static let schema = "pulse_partner_ratings"
    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "partner_organisation_id") var partnerOrganisationID: UUID
    @Field(key: "score") var score: Int
    init() {}
}
