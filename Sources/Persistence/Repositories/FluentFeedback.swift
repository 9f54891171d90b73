import Domain
import Fluent
import Foundation
import SQLKit

/// Client feedback: invitations made with the conversation and by the schedule, the one-time public
/// form, and figures per month. Reads by professionals go through the client access path; the
/// client's own answer is audited with the link as its basis.
struct FluentFeedback: FeedbackRepository {
    let db: any Database
    let gate: WriteGate
    var records: FluentClientRecords { FluentClientRecords(db: db, gate: gate) }

    static let calendar = WorkingDays().calendar
    static let schedule = FeedbackSchedule()

    // MARK: making invitations (inside other transactions)

    /// The invitation after a held conversation, written with the "held" mark. E-mailed when the client
    /// has an address and agreed to be asked; otherwise it is printed with the plan.
    static func inviteAfterConversation(_ a: VGAppointmentModel, at now: Date, on conn: any Database) async throws {
        guard try await FeedbackInvitationModel.query(on: conn).filter(\.$appointmentID == a.id!).filter(\.$kind == FeedbackKind.conversation.rawValue).first() == nil,
              let ggz = try await UserModel.find(a.ggzUserID, on: conn), let social = try await UserModel.find(a.sociaalUserID, on: conn) else { return }
        var invitation = FeedbackInvitation(clientID: a.clientID, kind: .conversation, appointmentID: a.id, planID: nil, ggzUserID: ggz.id!,
                                            socialUserID: social.id!, ggzOrganisationID: ggz.organisationID, socialOrganisationID: social.organisationID,
                                            createdAt: now, expiresAt: now.addingTimeInterval(schedule.validity),
                                            conversationDate: DateOnly(a.plannedFor, calendar: calendar))
        if let email = try await emailFor(a.clientID, at: now, on: conn) {
            invitation.emailedAt = now
            try await FluentOutbox.enqueue(OutboxMessage(kind: .feedbackInvitation, recipient: email,
                                                         parameters: message(invitation), createdAt: now, clientID: a.clientID), on: conn)
        }
        try await FeedbackInvitationModel(invitation).create(on: conn)
    }

    /// The client's address when they agreed to feedback by e-mail.
    static func emailFor(_ clientID: UUID, at now: Date, on conn: any Database) async throws -> String? {
        guard let client = try await ClientModel.find(clientID, on: conn), let email = client.email, !email.isEmpty else { return nil }
        let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
        return FeedbackConsent.allowsEmail(consents, at: now) ? email : nil
    }

    static func message(_ i: FeedbackInvitation) -> [String: String] {
        ["token": i.token, "date": i.conversationDate.written(), "expires": DateOnly(i.expiresAt, calendar: calendar).written()]
    }

    // MARK: the public form

    func invitation(token: String) async throws -> FeedbackInvitation? {
        guard FeedbackToken.isWellFormed(token) else { return nil }
        return try await FeedbackInvitationModel.query(on: db).filter(\.$token == token).first()?.domain
    }

    func submit(token: String, questionnaire: Questionnaire, answers: [QuestionnaireAnswer], at: Date) async throws {
        guard FeedbackToken.isWellFormed(token) else { throw DomainError.notFound }
        try await gate.write(db) { conn in
            guard let m = try await FeedbackInvitationModel.query(on: conn).filter(\.$token == token).first() else { throw DomainError.notFound }
            if m.answeredAt != nil { throw DomainError.conflict("answered") }
            if at >= m.expiresAt { throw DomainError.conflict("expired") }
            // The mark and the answers commit together; the condition stops a second submission that
            // read the invitation before this one committed (PostgreSQL re-checks it after our commit).
            let claimed = try await (conn as! any SQLDatabase).update("feedback_invitations")
                .set("answered_at", to: SQLBind(at)).set("questionnaire_url", to: SQLBind(questionnaire.url))
                .set("questionnaire_version", to: SQLBind(questionnaire.version))
                .where("id", .equal, SQLBind(m.id!)).where("answered_at", .is, SQLLiteral.null).returning("id").all()
            guard !claimed.isEmpty else { throw DomainError.conflict("answered") }
            for a in answers { try await FeedbackAnswerModel(invitationID: m.id!, a).create(on: conn) }
            try await FluentAuditLog.append(AuditEvent(at: at, userID: nil, organisationID: nil, role: nil, clientID: m.clientID, action: .create,
                                                       objectType: "feedback_answers", objectID: m.id!.uuidString, sourceAddress: nil,
                                                       basis: .clientLink, detail: m.kind), on: conn)
        }
    }

    // MARK: through the client access path

    func invitations(clientID: UUID, by: Accessor) async throws -> [FeedbackInvitation] {
        try await records.guarded(clientID, by, .read, "feedback_invitations") { conn in
            try await FeedbackInvitationModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$createdAt, .descending).all().map(\.domain)
        }
    }

    func invitationForPrint(_ invitationID: UUID, clientID: UUID, by: Accessor) async throws -> FeedbackInvitation {
        try await records.guarded(clientID, by, .print, "feedback_invitation", objectID: invitationID.uuidString) { conn in
            guard let m = try await FeedbackInvitationModel.find(invitationID, on: conn), m.clientID == clientID else { throw DomainError.notFound }
            return m.domain
        }
    }

    func answers(clientID: UUID, by: Accessor) async throws -> [(FeedbackInvitation, [QuestionnaireAnswer])] {
        let rows = try await records.guarded(clientID, by, .export, "feedback_answers") { conn in
            let invitations = try await FeedbackInvitationModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$createdAt).all()
            let answers = invitations.isEmpty ? [] : try await FeedbackAnswerModel.query(on: conn).filter(\.$invitationID ~~ invitations.map { $0.id! }).all()
            let byInvitation = Dictionary(grouping: answers, by: \.invitationID)
            return invitations.map { Pair(invitation: $0.domain, answers: (byInvitation[$0.id!] ?? []).map(\.domain)) }
        }
        return rows.map { ($0.invitation, $0.answers) }
    }
    struct Pair: Sendable { var invitation: FeedbackInvitation; var answers: [QuestionnaireAnswer] }

    // MARK: figures

    /// Months whose invitations are all settled (answered or expired) — a shown month never changes,
    /// so comparing two days' figures cannot reveal one person's late answer.
    func figures(for user: User, from: Date, to: Date) async throws -> FeedbackFigures {
        let invitations = try await FeedbackInvitationModel.query(on: db).filter(\.$createdAt >= from).filter(\.$createdAt < to)
            .filter(\.$expiresAt <= to).all()
        let answered = invitations.filter { $0.answeredAt != nil }.map { $0.id! }
        var answers: [UUID: [FeedbackAnswerModel]] = [:]
        for chunk in stride(from: 0, to: answered.count, by: 500).map({ Array(answered[$0..<min($0 + 500, answered.count)]) }) {
            for a in try await FeedbackAnswerModel.query(on: db).filter(\.$invitationID ~~ chunk).all() { answers[a.invitationID, default: []].append(a) }
        }
        // A month is complete when its last possible invitation has expired.
        let complete = invitations.filter { inv in
            let c = Self.calendar.dateComponents([.year, .month], from: inv.createdAt)
            let monthEnd = Self.calendar.date(byAdding: .month, value: 1, to: Self.calendar.date(from: c)!)!
            return monthEnd.addingTimeInterval(Self.schedule.validity) <= to
        }
        func months(_ rows: [FeedbackInvitationModel]) -> [FeedbackMonth] {
            var out: [String: FeedbackMonth] = [:]
            for inv in rows {
                let c = Self.calendar.dateComponents([.year, .month], from: inv.createdAt)
                let kind = FeedbackKind(rawValue: inv.kind) ?? .conversation
                let key = "\(c.year!)-\(c.month!)-\(kind.rawValue)"
                var m = out[key] ?? FeedbackMonth(year: c.year!, month: c.month!, kind: kind, totals: FeedbackTotals())
                m.totals.invited += 1
                if inv.answeredAt != nil {
                    m.totals.answered += 1
                    if let r = inv.remindedAt, inv.answeredAt! >= r { m.totals.answeredAfterReminder += 1 }
                    for a in answers[inv.id!] ?? [] {
                        if let v = a.valueInt {
                            m.totals.sums[a.linkID, default: 0] += v; m.totals.counts[a.linkID, default: 0] += 1
                            if a.linkID == "rapportcijfer" && v >= 8 { m.totals.atLeast8 += 1 }
                        } else if let t = a.valueText, a.linkID == "hulpvraag_beantwoord" || a.linkID == "routes" {
                            m.totals.choices[a.linkID, default: [:]][t, default: 0] += 1
                        }
                    }
                }
                out[key] = m
            }
            return out.values.sorted { ($0.year, $0.month, $0.kind.rawValue) < ($1.year, $1.month, $1.kind.rawValue) }
        }
        let own = complete.filter { $0.ggzUserID == user.id || $0.socialUserID == user.id }
        let org = complete.filter { $0.ggzOrganisationID == user.organisationID || $0.socialOrganisationID == user.organisationID }
        return FeedbackFigures(own: months(own), organisation: months(org), region: months(complete))
    }

    // MARK: the schedule

    func runSchedule(now: Date, schedule: FeedbackSchedule) async throws -> (followUps: Int, reminders: Int) {
        let earliest = now.addingTimeInterval(-schedule.followUpAfter - schedule.followUpGrace)
        let latest = now.addingTimeInterval(-schedule.followUpAfter)
        let plans = try await ActionPlanModel.query(on: db).filter(\.$sharedWithClientAt >= earliest).filter(\.$sharedWithClientAt <= latest).all()
        var followUps = 0
        for plan in plans {
            let made: Bool = try await gate.write(db) { conn in
                guard try await FeedbackInvitationModel.query(on: conn).filter(\.$planID == plan.id!)
                        .filter(\.$kind == FeedbackKind.followUp.rawValue).first() == nil,
                      let shared = plan.sharedWithClientAt,
                      let vg = try await VGAppointmentModel.query(on: conn).filter(\.$aanmeldingID == plan.aanmeldingID)
                        .filter(\.$heldAt != nil).sort(\.$plannedFor, .descending).first(),
                      let ggz = try await UserModel.find(vg.ggzUserID, on: conn), let social = try await UserModel.find(vg.sociaalUserID, on: conn)
                else { return false }
                var invitation = FeedbackInvitation(clientID: plan.clientID, kind: .followUp, appointmentID: nil, planID: plan.id, ggzUserID: ggz.id!,
                                                    socialUserID: social.id!, ggzOrganisationID: ggz.organisationID,
                                                    socialOrganisationID: social.organisationID, createdAt: now,
                                                    expiresAt: now.addingTimeInterval(schedule.validity),
                                                    conversationDate: DateOnly(shared, calendar: Self.calendar))
                if let email = try await Self.emailFor(plan.clientID, at: now, on: conn) {
                    invitation.emailedAt = now
                    try await FluentOutbox.enqueue(OutboxMessage(kind: .followUpInvitation, recipient: email, parameters: Self.message(invitation),
                                                                 createdAt: now, clientID: plan.clientID), on: conn)
                }
                try await FeedbackInvitationModel(invitation).create(on: conn)
                try await FluentAuditLog.append(AuditEvent(at: now, userID: nil, organisationID: nil, role: nil, clientID: plan.clientID, action: .create,
                                                           objectType: "feedback_invitation", objectID: invitation.id.uuidString, sourceAddress: nil,
                                                           basis: .administration, detail: "follow-up after 12 weeks"), on: conn)
                return true
            }
            if made { followUps += 1 }
        }
        let due = try await FeedbackInvitationModel.query(on: db).filter(\.$kind == FeedbackKind.followUp.rawValue)
            .filter(\.$emailedAt <= now.addingTimeInterval(-schedule.reminderAfter)).filter(\.$remindedAt == nil)
            .filter(\.$answeredAt == nil).filter(\.$expiresAt > now).all()
        var reminders = 0
        for candidate in due where schedule.needsReminder(candidate.domain, now: now) {
            let sent: Bool = try await gate.write(db) { conn in
                let marked = try await (conn as! any SQLDatabase).update("feedback_invitations").set("reminded_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(candidate.id!)).where("reminded_at", .is, SQLLiteral.null).where("answered_at", .is, SQLLiteral.null)
                    .returning("id").all()
                guard !marked.isEmpty, let email = try await Self.emailFor(candidate.clientID, at: now, on: conn) else { return false }
                try await FluentOutbox.enqueue(OutboxMessage(kind: .followUpReminder, recipient: email, parameters: Self.message(candidate.domain),
                                                             createdAt: now, clientID: candidate.clientID), on: conn)
                try await FluentAuditLog.append(AuditEvent(at: now, userID: nil, organisationID: nil, role: nil, clientID: candidate.clientID,
                                                           action: .update, objectType: "feedback_invitation", objectID: candidate.id!.uuidString,
                                                           sourceAddress: nil, basis: .administration, detail: "reminder"), on: conn)
                return true
            }
            if sent { reminders += 1 }
        }
        return (followUps, reminders)
    }
}
