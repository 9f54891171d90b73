import Foundation

/// Where a case stands:
/// submitted → scheduled (on a session's agenda) → advised | takeoverProposed → takenOver | advised;
/// the submitter may withdraw it until the table has spoken; a session that closes without discussing a
/// scheduled case sends it back to `submitted`.
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    case submitted, scheduled, advised
    /// An organisation offered to take the client over; waiting for the client's consent.
    case takeoverProposed = "takeover_proposed"
    case takenOver = "taken_over"
    case withdrawn

    public var isOpen: Bool { self == .submitted || self == .scheduled }
    public var isClosed: Bool { self == .advised || self == .takenOver || self == .withdrawn }
    public var labelKey: String { "ct_case_status_\(rawValue)" }
}

public enum CaseEvent: Sendable, Equatable {
    case schedule(sessionID: UUID)
    case unschedule
    case withdraw(reason: String)
    case advise(text: String)
    case proposeTakeover(organisationID: UUID, text: String)
    case confirmTakeover(handoverID: UUID?)
    case declineTakeover
}

/// Who acts on a case: the chair runs the agenda and records outcomes, the submitter withdraws and
/// answers a take-over with the client's consent.
public enum CaseParty: Sendable, Equatable { case chair, submitter }

public enum CaseTransitionError: Error, Sendable, Equatable {
    case notAllowed(from: CaseStatus)
    case wrongParty
    case textRequired
}

/// A case brought to a table: a pseudonymised summary, the question, and how it ended. Holds no direct
/// identifier of the client: the link to the client is stored apart and known to the submitter only.
public struct TableCase: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var tableID: UUID
    /// Per table, in order of submission: "casus 14".
    public var number: Int
    public var submittedBy: UUID
    public var submitterOrganisationID: UUID
    public var submittedAt: Date
    public var ageBand: AgeBand
    public var wijkID: UUID?
    public var situation: String
    public var tried: String
    public var question: String
    public var urgency: CaseUrgency
    public var status: CaseStatus
    public var sessionID: UUID?
    public var agendaPosition: Int?
    public var scheduledAt: Date?
    /// The table's advice, or what the taking-over organisation will do.
    public var outcomeText: String?
    /// When the table gave its answer (advice or an offer to take over): the end of "time to advice".
    public var adviceAt: Date?
    public var adviceBy: UUID?
    public var takeoverOrganisationID: UUID?
    public var takeoverProposedAt: Date?
    public var takenOverAt: Date?
    public var takeoverDeclinedAt: Date?
    public var handoverID: UUID?
    public var withdrawnAt: Date?
    public var withdrawReason: String?

    public init(id: UUID = UUID(), tableID: UUID, number: Int = 0, submittedBy: UUID, submitterOrganisationID: UUID, submittedAt: Date,
                ageBand: AgeBand, wijkID: UUID?, situation: String, tried: String, question: String, urgency: CaseUrgency) {
        self.id = id; self.tableID = tableID; self.number = number; self.submittedBy = submittedBy
        self.submitterOrganisationID = submitterOrganisationID; self.submittedAt = submittedAt; self.ageBand = ageBand; self.wijkID = wijkID
        self.situation = situation; self.tried = tried; self.question = question; self.urgency = urgency; self.status = .submitted
    }

    public static let fieldLimit = 4000
    public static let textFields = ["situation", "tried", "question"]

    /// The form's checks: required text within limits, and no direct identifier in any of it.
    public func validate(about person: IdentifierCheck.Person?) -> (errors: ValidationErrors, findings: [String: [IdentifierCheck.Finding]]) {
        var e = ValidationErrors()
        var findings: [String: [IdentifierCheck.Finding]] = [:]
        for (field, text) in zip(Self.textFields, [situation, tried, question]) {
            let (problem, found) = Self.check(text, required: field != "tried", about: person)
            if let problem { e.add(field, problem) }
            if !found.isEmpty { findings[field] = found }
        }
        return (e, findings)
    }

    /// Any text that goes to a table (the summary, members' advice, the outcome): within the limit,
    /// present when required, and free of direct identifiers. Returns the catalogue key of the problem.
    public static func check(_ text: String, required: Bool = true, limit: Int = fieldLimit,
                             about person: IdentifierCheck.Person?) -> (problem: String?, findings: [IdentifierCheck.Finding]) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return (required ? "error_required" : nil, []) }
        if t.count > limit { return ("error_too_long", []) }
        let found = IdentifierCheck.findings(in: t, about: person)
        return (found.isEmpty ? nil : "error_ct_identifiers", found)
    }

    /// The state machine. Pure: timestamps come from the caller.
    public mutating func apply(_ event: CaseEvent, by party: CaseParty, userID: UUID, at date: Date) throws {
        func need(_ p: CaseParty) throws { if party != p { throw CaseTransitionError.wrongParty } }
        func text(_ s: String) throws -> String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { throw CaseTransitionError.textRequired }
            return t
        }
        switch (status, event) {
        case (.submitted, .schedule(let session)), (.scheduled, .schedule(let session)):
            try need(.chair)
            status = .scheduled; sessionID = session; scheduledAt = date
        case (.scheduled, .unschedule):
            try need(.chair)
            status = .submitted; sessionID = nil; agendaPosition = nil; scheduledAt = nil
        case (.submitted, .withdraw(let reason)), (.scheduled, .withdraw(let reason)):
            try need(.submitter)
            withdrawReason = try text(reason); status = .withdrawn; withdrawnAt = date; agendaPosition = nil
        case (.scheduled, .advise(let advice)):
            try need(.chair)
            outcomeText = try text(advice); status = .advised; adviceAt = date; adviceBy = userID
        case (.scheduled, .proposeTakeover(let org, let advice)):
            try need(.chair)
            outcomeText = try text(advice); status = .takeoverProposed; adviceAt = date; adviceBy = userID
            takeoverOrganisationID = org; takeoverProposedAt = date
        case (.takeoverProposed, .confirmTakeover(let handover)):
            try need(.submitter)
            status = .takenOver; takenOverAt = date; handoverID = handover
        case (.takeoverProposed, .declineTakeover):
            try need(.submitter)
            status = .advised; takeoverDeclinedAt = date
        default:
            throw CaseTransitionError.notAllowed(from: status)
        }
    }

    /// Days from submission to the table's answer, if it has answered.
    public var daysToAdvice: Double? { adviceAt.map { $0.timeIntervalSince(submittedAt) / 86400 } }
}

/// Written advice by a member, before or during the session.
public struct CaseAdvice: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var caseID: UUID
    public var authorUserID: UUID
    public var authorOrganisationID: UUID
    public var text: String
    public var writtenAt: Date
    public var duringSession: Bool
    public init(id: UUID = UUID(), caseID: UUID, authorUserID: UUID, authorOrganisationID: UUID, text: String, writtenAt: Date, duringSession: Bool) {
        self.id = id; self.caseID = caseID; self.authorUserID = authorUserID; self.authorOrganisationID = authorOrganisationID
        self.text = text; self.writtenAt = writtenAt; self.duringSession = duringSession
    }
    public static let limit = 4000
}

/// Per table: cases brought in, how long the table took to answer, and how many clients were taken over.
public struct TableFigures: Sendable, Equatable {
    public var submitted: Int
    public var answered: Int
    public var takenOver: Int
    public var withdrawn: Int
    public var open: Int
    /// Median days from submission to the table's answer, over answered cases.
    public var medianDaysToAdvice: Double?
    /// Share of answered cases that ended in a take-over (proposed and confirmed).
    public var shareTakenOver: Double?

    public init(cases: [TableCase]) {
        submitted = cases.count
        let answered = cases.filter { $0.adviceAt != nil }
        self.answered = answered.count
        takenOver = cases.filter { $0.status == .takenOver }.count
        withdrawn = cases.filter { $0.status == .withdrawn }.count
        open = cases.filter { $0.status.isOpen || $0.status == .takeoverProposed }.count
        medianDaysToAdvice = Median.of(answered.compactMap(\.daysToAdvice))
        // Only cases whose outcome is settled count in the share: a pending take-over is not yet either.
        let settled = answered.filter { $0.status == .advised || $0.status == .takenOver }
        shareTakenOver = settled.isEmpty ? nil : Double(takenOver) / Double(settled.count)
    }
}

public enum Median {
    public static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

extension CareRoute {
    /// The route a take-over by this kind of organisation usually is; the submitter may change it.
    public static func usualTakeover(by type: OrganisationType?) -> CareRoute {
        switch type {
        case .ggzAanbieder: .basisGGZ
        case .sociaalWijkteam: .sociaalDomein
        case .steuncentrum: .steuncentrum
        case .huisartsenpraktijk: .huisartsenzorg
        default: .sociaalDomein
        }
    }
}
