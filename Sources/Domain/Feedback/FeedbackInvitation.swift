import Foundation

public enum FeedbackKind: String, Sendable, Codable, CaseIterable {
    /// Right after the verkennend gesprek: how was the conversation?
    case conversation = "vg"
    /// Twelve weeks after the plan was shared: was the question answered, how are you now?
    case followUp = "follow_up"
    public var labelKey: String { "feedback_kind_\(rawValue)" }
}

/// A personal, one-time invitation to answer a questionnaire: a link without login that works once and
/// expires. It names the duo and their organisations so that figures can be shown per duo and per
/// organisation — never one person's answers.
public struct FeedbackInvitation: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var clientID: UUID
    public var kind: FeedbackKind
    public var appointmentID: UUID?
    public var planID: UUID?
    public var ggzUserID: UUID
    public var socialUserID: UUID
    public var ggzOrganisationID: UUID
    public var socialOrganisationID: UUID
    /// 128 random bits, base64url: the link's only secret.
    public var token: String
    public var createdAt: Date
    public var expiresAt: Date
    /// When the invitation went into the outbox by e-mail (nil: only on paper).
    public var emailedAt: Date?
    public var remindedAt: Date?
    public var answeredAt: Date?
    /// The date of the conversation, shown on the form ("uw gesprek van …").
    public var conversationDate: DateOnly

    public init(id: UUID = UUID(), clientID: UUID, kind: FeedbackKind, appointmentID: UUID?, planID: UUID?, ggzUserID: UUID, socialUserID: UUID,
                ggzOrganisationID: UUID, socialOrganisationID: UUID, token: String = FeedbackToken.generate(), createdAt: Date,
                expiresAt: Date, conversationDate: DateOnly) {
        self.id = id; self.clientID = clientID; self.kind = kind; self.appointmentID = appointmentID; self.planID = planID
        self.ggzUserID = ggzUserID; self.socialUserID = socialUserID; self.ggzOrganisationID = ggzOrganisationID
        self.socialOrganisationID = socialOrganisationID; self.token = token; self.createdAt = createdAt; self.expiresAt = expiresAt
        self.conversationDate = conversationDate
    }

    public enum State: String, Sendable { case open, answered, expired
        public var labelKey: String { "feedback_state_\(rawValue)" }
    }

    public func state(at now: Date) -> State {
        if answeredAt != nil { return .answered }
        return now < expiresAt ? .open : .expired
    }
}

public enum FeedbackToken {
    /// 16 random bytes as base64url without padding (22 characters): short enough for a small QR code.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether a string can be a token at all (checked before any database lookup).
    public static func isWellFormed(_ s: String) -> Bool {
        s.count == 22 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// When invitations are made, how long they work, and when the one reminder goes out.
public struct FeedbackSchedule: Sendable, Equatable {
    public var validity: TimeInterval = 30 * 86400
    /// Twelve weeks after the plan was shared with the client.
    public var followUpAfter: TimeInterval = 84 * 86400
    public var reminderAfter: TimeInterval = 7 * 86400
    /// A follow-up that came due more than this long ago (MGN was not running, or the feature is new)
    /// is not sent any more: a question about "three months ago" half a year later misleads.
    public var followUpGrace: TimeInterval = 30 * 86400
    public init() {}

    public func followUpDue(sharedAt: Date) -> Date { sharedAt.addingTimeInterval(followUpAfter) }

    /// Whether a follow-up for a plan shared at `sharedAt` should be made now.
    public func followUpIsDue(sharedAt: Date, now: Date) -> Bool {
        let due = followUpDue(sharedAt: sharedAt)
        return due <= now && now.timeIntervalSince(due) <= followUpGrace
    }

    /// One reminder, for an e-mailed follow-up that is still open a week after it was sent.
    public func needsReminder(_ i: FeedbackInvitation, now: Date) -> Bool {
        guard i.kind == .followUp, let sent = i.emailedAt, i.remindedAt == nil, i.state(at: now) == .open else { return false }
        return now.timeIntervalSince(sent) >= reminderAfter
    }
}

/// Whether the client agreed to be asked for feedback by e-mail (a `feedback` consent to any organisation).
public enum FeedbackConsent {
    public static func allowsEmail(_ consents: [Consent], at date: Date) -> Bool {
        consents.contains { $0.purpose == .feedback && $0.isActive(at: date) }
    }
}

/// What one answer set contributes to the figures: its month, the duo, and the item values.
/// Professionals only ever get these summed over groups (see `FeedbackFigures`).
public struct FeedbackTotals: Sendable, Equatable {
    public var invited = 0
    public var answered = 0
    /// Answered after the reminder was sent (follow-up).
    public var answeredAfterReminder = 0
    /// linkId → values (integers), or linkId → code → count (choices).
    public var sums: [String: Int] = [:]
    public var counts: [String: Int] = [:]
    public var atLeast8 = 0
    public var choices: [String: [String: Int]] = [:]
    public init() {}

    public func mean(_ linkId: String) -> Double? {
        guard let n = counts[linkId], n > 0 else { return nil }
        return Double(sums[linkId] ?? 0) / Double(n)
    }
    public var responseRate: Double? { invited > 0 ? Double(answered) / Double(invited) : nil }
}

/// A month of figures for one group (the professional's own conversations, their organisation, the region).
public struct FeedbackMonth: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var kind: FeedbackKind
    public var totals: FeedbackTotals
    public init(year: Int, month: Int, kind: FeedbackKind, totals: FeedbackTotals) {
        self.year = year; self.month = month; self.kind = kind; self.totals = totals
    }
}

public struct FeedbackFigures: Sendable, Equatable {
    public var own: [FeedbackMonth]
    public var organisation: [FeedbackMonth]
    public var region: [FeedbackMonth]
    public init(own: [FeedbackMonth], organisation: [FeedbackMonth], region: [FeedbackMonth]) {
        self.own = own; self.organisation = organisation; self.region = region
    }
}

extension FeedbackFigures {
    /// What a professional may see, per group, oldest month first; `hidden` counts the months left out.
    /// A group's month is shown only with 5 answers or more, and only if what is left of the larger group
    /// beside it (own → organisation → region) is 0 or also 5 or more: otherwise subtracting would give a
    /// small group away. The region is shown from 5 answers.
    public var visible: (own: [FeedbackMonth], hiddenOwn: Int, organisation: [FeedbackMonth], hiddenOrganisation: Int,
                         region: [FeedbackMonth], hiddenRegion: Int) {
        struct Key: Hashable { var year: Int, month: Int, kind: FeedbackKind }
        func key(_ m: FeedbackMonth) -> Key { Key(year: m.year, month: m.month, kind: m.kind) }
        let orgAnswered = Dictionary(organisation.map { (key($0), $0.totals.answered) }, uniquingKeysWith: +)
        let regionAnswered = Dictionary(region.map { (key($0), $0.totals.answered) }, uniquingKeysWith: +)
        let own = self.own.filter { SmallGroups.showable(part: $0.totals.answered, whole: orgAnswered[key($0)] ?? $0.totals.answered) }
        let org = organisation.filter { SmallGroups.showable(part: $0.totals.answered, whole: regionAnswered[key($0)] ?? $0.totals.answered) }
        let region = self.region.filter { $0.totals.answered >= SmallGroups.minimum }
        return (own, self.own.count - own.count, org, organisation.count - org.count, region, self.region.count - region.count)
    }
}

/// Client feedback: invitations, the public form, and figures.
public protocol FeedbackRepository: Sendable {
    /// An invitation by its token, for the public form (no login). Nil for an unknown token.
    func invitation(token: String) async throws -> FeedbackInvitation?
    /// Stores the answers once: `conflict("answered")` when the link was used, `conflict("expired")` after
    /// its end. Both checks and the write happen in one transaction, so two submissions cannot both count.
    func submit(token: String, questionnaire: Questionnaire, answers: [QuestionnaireAnswer], at: Date) async throws
    /// The client's invitations (state only, never answers), through the client access path.
    func invitations(clientID: UUID, by: Accessor) async throws -> [FeedbackInvitation]
    /// One invitation with its token, to print the letter or the plan with its QR code (audited as a print).
    func invitationForPrint(_ invitationID: UUID, clientID: UUID, by: Accessor) async throws -> FeedbackInvitation
    /// Every answer the client gave, for an export under the AVG (audited as an export).
    func answers(clientID: UUID, by: Accessor) async throws -> [(FeedbackInvitation, [QuestionnaireAnswer])]
    /// Per completed month: the accessor's own conversations, their organisation's, and the region's.
    func figures(for user: User, from: Date, to: Date) async throws -> FeedbackFigures
    /// Makes the follow-ups that came due and sends the reminders; returns how many of each.
    func runSchedule(now: Date, schedule: FeedbackSchedule) async throws -> (followUps: Int, reminders: Int)
}
