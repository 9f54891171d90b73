import Domain
import Fluent
import Foundation

final class CaseTableModel: Model, @unchecked Sendable {
    static let schema = "ct_tables"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "theme") var theme: String
    @Field(key: "chair_user_id") var chairUserID: UUID
    @Field(key: "default_meeting_link") var defaultMeetingLink: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "case_counter") var caseCounter: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}

    func domain(organisations: [UUID], members: [UUID]) -> CaseTable {
        CaseTable(id: id!, regionID: regionID, name: name, theme: theme, chairUserID: chairUserID, memberOrganisationIDs: organisations,
                  memberUserIDs: members, defaultMeetingLink: defaultMeetingLink, isActive: isActive, createdAt: createdAt)
    }

    func apply(_ t: CaseTable) {
        id = t.id; regionID = t.regionID; name = t.name; theme = t.theme; chairUserID = t.chairUserID
        defaultMeetingLink = t.defaultMeetingLink; isActive = t.isActive; createdAt = t.createdAt
    }
}

final class TableSessionModel: Model, @unchecked Sendable {
    static let schema = "ct_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "table_id") var tableID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "meeting_link") var meetingLink: String
    @Field(key: "status") var status: String
    @OptionalField(key: "current_case_id") var currentCaseID: UUID?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "revision") var revision: Int
    init() {}

    convenience init(_ s: TableSession) { self.init(); apply(s) }

    func apply(_ s: TableSession) {
        id = s.id; tableID = s.tableID; startsAt = s.startsAt; durationMinutes = s.durationMinutes; meetingLink = s.meetingLink
        status = s.status.rawValue; currentCaseID = s.currentCaseID; startedAt = s.startedAt; closedAt = s.closedAt; revision = s.revision
    }

    var domain: TableSession {
        TableSession(id: id!, tableID: tableID, startsAt: startsAt, durationMinutes: durationMinutes, meetingLink: meetingLink,
                     status: TableSessionStatus(rawValue: status) ?? .planned, currentCaseID: currentCaseID, startedAt: startedAt,
                     closedAt: closedAt, revision: revision)
    }
}

final class TableCaseModel: Model, @unchecked Sendable {
    static let schema = "ct_cases"
    @ID(key: .id) var id: UUID?
    @Field(key: "table_id") var tableID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "submitted_by") var submittedBy: UUID
    @Field(key: "submitter_organisation_id") var submitterOrganisationID: UUID
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "age_band") var ageBand: String
    @OptionalField(key: "wijk_id") var wijkID: UUID?
    @Field(key: "situation") var situation: String
    @Field(key: "tried") var tried: String
    @Field(key: "question") var question: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "status") var status: String
    @OptionalField(key: "session_id") var sessionID: UUID?
    @OptionalField(key: "agenda_position") var agendaPosition: Int?
    @OptionalField(key: "scheduled_at") var scheduledAt: Date?
    @OptionalField(key: "outcome_text") var outcomeText: String?
    @OptionalField(key: "advice_at") var adviceAt: Date?
    @OptionalField(key: "advice_by") var adviceBy: UUID?
    @OptionalField(key: "takeover_organisation_id") var takeoverOrganisationID: UUID?
    @OptionalField(key: "takeover_proposed_at") var takeoverProposedAt: Date?
    @OptionalField(key: "taken_over_at") var takenOverAt: Date?
    @OptionalField(key: "takeover_declined_at") var takeoverDeclinedAt: Date?
    @OptionalField(key: "handover_id") var handoverID: UUID?
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdraw_reason") var withdrawReason: String?
    init() {}

    convenience init(_ c: TableCase) { self.init(); apply(c) }

    func apply(_ c: TableCase) {
        id = c.id; tableID = c.tableID; number = c.number; submittedBy = c.submittedBy; submitterOrganisationID = c.submitterOrganisationID
        submittedAt = c.submittedAt; ageBand = c.ageBand.rawValue; wijkID = c.wijkID; situation = c.situation; tried = c.tried
        question = c.question; urgency = c.urgency.rawValue; status = c.status.rawValue; sessionID = c.sessionID
        agendaPosition = c.agendaPosition; scheduledAt = c.scheduledAt; outcomeText = c.outcomeText; adviceAt = c.adviceAt
        adviceBy = c.adviceBy; takeoverOrganisationID = c.takeoverOrganisationID; takeoverProposedAt = c.takeoverProposedAt
        takenOverAt = c.takenOverAt; takeoverDeclinedAt = c.takeoverDeclinedAt; handoverID = c.handoverID
        withdrawnAt = c.withdrawnAt; withdrawReason = c.withdrawReason
    }

    var domain: TableCase {
        var c = TableCase(id: id!, tableID: tableID, number: number, submittedBy: submittedBy, submitterOrganisationID: submitterOrganisationID,
                          submittedAt: submittedAt, ageBand: AgeBand(rawValue: ageBand) ?? .from25, wijkID: wijkID, situation: situation,
                          tried: tried, question: question, urgency: CaseUrgency(rawValue: urgency) ?? .regulier)
        c.status = CaseStatus(rawValue: status) ?? .submitted
        c.sessionID = sessionID; c.agendaPosition = agendaPosition; c.scheduledAt = scheduledAt; c.outcomeText = outcomeText
        c.adviceAt = adviceAt; c.adviceBy = adviceBy; c.takeoverOrganisationID = takeoverOrganisationID
        c.takeoverProposedAt = takeoverProposedAt; c.takenOverAt = takenOverAt; c.takeoverDeclinedAt = takeoverDeclinedAt
        c.handoverID = handoverID; c.withdrawnAt = withdrawnAt; c.withdrawReason = withdrawReason
        return c
    }
}

/// The link from a case to the client; read only through the submitter's client-data access path.
final class CaseClientModel: Model, @unchecked Sendable {
    static let schema = "ct_case_clients"
    @ID(custom: "case_id", generatedBy: .user) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "submitter_user_id") var submitterUserID: UUID
    init() {}
    init(caseID: UUID, clientID: UUID, submitterUserID: UUID) { id = caseID; self.clientID = clientID; self.submitterUserID = submitterUserID }
}

final class CaseAdviceModel: Model, @unchecked Sendable {
    static let schema = "ct_advice"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "author_user_id") var authorUserID: UUID
    @Field(key: "author_organisation_id") var authorOrganisationID: UUID
    @Field(key: "text") var text: String
    @Field(key: "written_at") var writtenAt: Date
    @Field(key: "during_session") var duringSession: Bool
    init() {}

    convenience init(_ a: CaseAdvice) {
        self.init()
        id = a.id; caseID = a.caseID; authorUserID = a.authorUserID; authorOrganisationID = a.authorOrganisationID
        text = a.text; writtenAt = a.writtenAt; duringSession = a.duringSession
    }

    var domain: CaseAdvice {
        CaseAdvice(id: id!, caseID: caseID, authorUserID: authorUserID, authorOrganisationID: authorOrganisationID, text: text,
                   writtenAt: writtenAt, duringSession: duringSession)
    }
}
