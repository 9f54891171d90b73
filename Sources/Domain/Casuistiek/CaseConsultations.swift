import Foundation

/// A table as a list shows it, with what the accessor may do there.
public struct CaseTableSummary: Sendable, Equatable {
    public var table: CaseTable
    public var nextSession: TableSession?
    public var isMember: Bool
    public var isChair: Bool
    /// Cases waiting for a place on the agenda (only counted for members and coordinators).
    public var waiting: Int?
    public init(table: CaseTable, nextSession: TableSession?, isMember: Bool, isChair: Bool, waiting: Int?) {
        self.table = table; self.nextSession = nextSession; self.isMember = isMember; self.isChair = isChair; self.waiting = waiting
    }
}

public struct TableDetail: Sendable {
    public var table: CaseTable
    public var sessions: [TableSession]
    /// Cases not yet on an agenda, most urgent first; empty for anyone not at the table.
    public var waiting: [TableCase]
    /// How many cases each session has on its agenda.
    public var agendaCounts: [UUID: Int]
    public var figures: TableFigures
    public init(table: CaseTable, sessions: [TableSession], waiting: [TableCase], agendaCounts: [UUID: Int], figures: TableFigures) {
        self.table = table; self.sessions = sessions; self.waiting = waiting; self.agendaCounts = agendaCounts; self.figures = figures
    }
}

public struct SessionDetail: Sendable {
    public var session: TableSession
    public var table: CaseTable
    /// The cases of this session in agenda order (including those already answered in it).
    public var agenda: [TableCase]
    public var advice: [UUID: [CaseAdvice]]
    /// Cases the chair can still put on this agenda.
    public var waiting: [TableCase]
    public init(session: TableSession, table: CaseTable, agenda: [TableCase], advice: [UUID: [CaseAdvice]], waiting: [TableCase]) {
        self.session = session; self.table = table; self.agenda = agenda; self.advice = advice; self.waiting = waiting
    }
}

/// The client behind a case, known to the submitter only.
public struct LinkedClient: Sendable, Equatable {
    public var id: UUID
    public var name: String
    /// Whether the client consented to being taken over by the organisation the table proposed.
    public var consentForTakeover: Bool
    /// Whether the client has an actieplan the take-over can become an action of.
    public var hasPlan: Bool
    public init(id: UUID, name: String, consentForTakeover: Bool, hasPlan: Bool) {
        self.id = id; self.name = name; self.consentForTakeover = consentForTakeover; self.hasPlan = hasPlan
    }
}

public struct CaseDetail: Sendable {
    public var tableCase: TableCase
    public var table: CaseTable
    public var session: TableSession?
    public var advice: [CaseAdvice]
    /// Set only for the submitter.
    public var client: LinkedClient?
    public init(tableCase: TableCase, table: CaseTable, session: TableSession?, advice: [CaseAdvice], client: LinkedClient?) {
        self.tableCase = tableCase; self.table = table; self.session = session; self.advice = advice; self.client = client
    }
}

/// A case in the submitter's own list.
public struct SubmittedCase: Sendable, Equatable {
    public var tableCase: TableCase
    public var tableName: String
    public var clientID: UUID
    public var clientName: String
    public init(tableCase: TableCase, tableName: String, clientID: UUID, clientName: String) {
        self.tableCase = tableCase; self.tableName = tableName; self.clientID = clientID; self.clientName = clientName
    }
}

/// The outcome the chair records for a case in a live session.
public enum CaseOutcome: Sendable, Equatable {
    case advice(String)
    case takeover(organisationID: UUID, text: String)
}

/// The casuïstiektafel through one checked and audited path. Reads and changes of cases are audited as
/// such (pseudonymised; no client id in the entry, so the audit log does not join a case to a person);
/// everything that touches the link to the client goes through the client-data access path and is
/// audited on the client. Anyone the policy does not allow gets `DomainError.notFound`.
public protocol CaseConsultations: Sendable {
    func tables(by: Accessor) async throws -> [CaseTableSummary]
    func table(_ id: UUID, by: Accessor) async throws -> TableDetail
    /// Creates or updates a table (coordinators); invalid input throws `ValidationErrors`.
    func saveTable(_ table: CaseTable, by: Accessor) async throws
    /// Plans a session (the chair or a coordinator).
    func planSession(_ session: TableSession, by: Accessor) async throws
    /// Cancels a planned session; its agenda goes back to waiting.
    func cancelSession(_ sessionID: UUID, by: Accessor) async throws

    /// Brings a case about `clientID` (who must be in the submitter's care team) to a table. Refused with
    /// `ValidationErrors` while the text holds an identifier of the client.
    func submit(_ tableCase: TableCase, clientID: UUID, by: Accessor) async throws
    func caseDetail(_ caseID: UUID, by: Accessor) async throws -> CaseDetail
    func addAdvice(_ advice: CaseAdvice, by: Accessor) async throws
    func withdraw(_ caseID: UUID, reason: String, by: Accessor) async throws

    func session(_ sessionID: UUID, by: Accessor) async throws -> SessionDetail
    /// Puts a waiting case on the agenda (`conflict("full")` when the session has no room left).
    func schedule(_ caseID: UUID, on sessionID: UUID, by: Accessor) async throws
    func unschedule(_ caseID: UUID, by: Accessor) async throws
    func move(_ caseID: UUID, up: Bool, by: Accessor) async throws
    func startSession(_ sessionID: UUID, by: Accessor) async throws
    /// Which case is being discussed now (nil: none).
    func setCurrentCase(_ caseID: UUID?, in sessionID: UUID, by: Accessor) async throws
    /// Ends a live session; agenda cases without an outcome go back to waiting.
    func closeSession(_ sessionID: UUID, by: Accessor) async throws
    func recordOutcome(_ outcome: CaseOutcome, caseID: UUID, by: Accessor) async throws
    /// The submitter turns a proposed take-over into a handover, with the client's consent for that
    /// organisation (`conflict("consent")` without it). Adds an action to the client's latest plan.
    func confirmTakeover(_ caseID: UUID, route: CareRoute, request: String, by: Accessor) async throws
    /// The client did not consent: the case ends with the table's advice.
    func declineTakeover(_ caseID: UUID, by: Accessor) async throws

    /// The change counter of a session, for live pages; carries no content.
    func revision(of sessionID: UUID) async throws -> Int?
    /// The cases the accessor brought in, with the clients they are about.
    func submittedCases(by: Accessor) async throws -> [SubmittedCase]
    /// Figures of every table, for coordinators.
    func figures(by: Accessor) async throws -> [(table: CaseTable, figures: TableFigures)]
}
