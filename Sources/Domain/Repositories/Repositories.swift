import Foundation

/// The repositories the web layer may use, one per aggregate, bundled per request.
/// Implementations live in Persistence; the composition root wires them.
public struct Repositories: Sendable {
    public var region: any RegionRepository
    public var organisations: any OrganisationRepository
    public var users: any UserRepository
    public var sessions: any SessionRepository
    public var loginAttempts: any LoginAttemptRepository
    public var audit: any AuditLog
    public var health: any HealthCheck
    public var clients: any ClientRecords
    public var planning: any PlanningRepository
    public var plans: any ActionPlans
    public var handovers: any Handovers
    public var apiTokens: any APITokenRepository
    public var socialMap: any SocialMapRepository
    public var cases: any CaseConsultations
    public var outbox: any Outbox
    public var feedback: any FeedbackRepository
    public var pulse: any PulseRepository
    public var agreements: any AgreementRepository
    public var dashboard: any DashboardRepository

    public init(region: any RegionRepository, organisations: any OrganisationRepository,
                users: any UserRepository, sessions: any SessionRepository,
                loginAttempts: any LoginAttemptRepository, audit: any AuditLog, health: any HealthCheck,
                clients: any ClientRecords, planning: any PlanningRepository, plans: any ActionPlans, handovers: any Handovers,
                apiTokens: any APITokenRepository, socialMap: any SocialMapRepository, cases: any CaseConsultations,
                outbox: any Outbox, feedback: any FeedbackRepository, pulse: any PulseRepository, agreements: any AgreementRepository,
                dashboard: any DashboardRepository) {
        self.socialMap = socialMap; self.cases = cases
        self.outbox = outbox; self.feedback = feedback; self.pulse = pulse; self.agreements = agreements
        self.dashboard = dashboard
        self.region = region; self.organisations = organisations; self.users = users
        self.sessions = sessions; self.loginAttempts = loginAttempts; self.audit = audit; self.health = health
        self.clients = clients; self.planning = planning; self.plans = plans; self.handovers = handovers; self.apiTokens = apiTokens
    }
}

public protocol HealthCheck: Sendable {
    /// Throws when the database cannot answer a trivial query.
    func ping() async throws
}

public protocol RegionRepository: Sendable {
    func regions() async throws -> [Region]
    func saveRegion(_ region: Region, audit: AuditEvent) async throws
    func wijken() async throws -> [Wijk]
    func wijk(id: UUID) async throws -> Wijk?
    /// The wijk a postcode belongs to, if the region covers it.
    func wijk(for postcode: PC4) async throws -> Wijk?
    /// Creates or updates a wijk with its postcodes, audited; a postcode already in another wijk is a conflict.
    func save(_ wijk: Wijk, audit: AuditEvent) async throws
}

public protocol OrganisationRepository: Sendable {
    func all() async throws -> [Organisation]
    func find(id: UUID) async throws -> Organisation?
    func save(_ organisation: Organisation, audit: AuditEvent) async throws
    func teams(of organisationID: UUID) async throws -> [Team]
    func saveTeam(_ team: Team, audit: AuditEvent) async throws
}

/// A user with the fields only the accounts path needs.
public struct Credentials: Sendable {
    public var user: User
    public var passwordHash: String
    public init(user: User, passwordHash: String) { self.user = user; self.passwordHash = passwordHash }
}

public protocol UserRepository: Sendable {
    func find(id: UUID) async throws -> User?
    func credentials(email: String) async throws -> Credentials?
    func credentials(id: UUID) async throws -> Credentials?
    /// Users of the given organisations (nil: all), ordered by organisation then name.
    func list(organisationIDs: Set<UUID>?) async throws -> [User]
    func count() async throws -> Int
    /// Creates a user; throws `DomainError.conflict("email")` when the e-mail address is taken.
    func create(_ user: User, passwordHash: String, audit: AuditEvent) async throws
    func update(_ user: User, audit: AuditEvent) async throws
    /// Sets a new password and ends every session of the user except `keepSession`.
    func setPassword(userID: UUID, hash: String, keepSession: String?, audit: AuditEvent) async throws
}

/// A login session, stored in the database so it survives restarts and works across app instances.
/// `tokenHash` is SHA-256 of the cookie value: a copy of the database does not hand out sessions.
public struct LoginSession: Sendable, Equatable {
    public var tokenHash: String
    public var userID: UUID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var sourceAddress: String?
    public var userAgent: String?
    public init(tokenHash: String, userID: UUID, csrfToken: String, createdAt: Date, lastSeenAt: Date,
                expiresAt: Date, sourceAddress: String?, userAgent: String?) {
        self.tokenHash = tokenHash; self.userID = userID; self.csrfToken = csrfToken; self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt; self.expiresAt = expiresAt; self.sourceAddress = sourceAddress; self.userAgent = userAgent
    }
}

public protocol SessionRepository: Sendable {
    func create(_ session: LoginSession) async throws
    func find(tokenHash: String) async throws -> LoginSession?
    /// Extends an active session (sliding idle timeout), but never past its absolute end.
    func touch(tokenHash: String, lastSeenAt: Date) async throws
    func delete(tokenHash: String) async throws
    func deleteExpired(before: Date) async throws -> Int
}

public protocol LoginAttemptRepository: Sendable {
    func record(email: String, sourceAddress: String, succeeded: Bool, at: Date) async throws
    /// Times of failed attempts since `since`, oldest first.
    func failures(email: String, since: Date) async throws -> [Date]
    func failures(sourceAddress: String, since: Date) async throws -> [Date]
}

public protocol AuditLog: Sendable {
    /// Appends an entry on its own (for reads and logins); writes append inside their own transaction.
    func append(_ event: AuditEvent) async throws
    func entries(clientID: UUID) async throws -> [AuditEvent]
    func recent(limit: Int) async throws -> [AuditEvent]
    func verify() async throws -> AuditChain.Finding
}

/// Who is acting, from where, and when: everything the access check and the audit entry need.
public struct Accessor: Sendable {
    public var user: User
    public var organisation: Organisation
    public var sourceAddress: String?
    public var at: Date
    public init(user: User, organisation: Organisation, sourceAddress: String?, at: Date) {
        self.user = user; self.organisation = organisation; self.sourceAddress = sourceAddress; self.at = at
    }
}

/// A client as a list shows them.
public struct ClientSummary: Sendable, Equatable {
    public var client: Client
    public var latestAanmelding: Aanmelding?
    public init(client: Client, latestAanmelding: Aanmelding?) { self.client = client; self.latestAanmelding = latestAanmelding }
}

/// Everything about one client that a care-team member may see.
public struct ClientRecord: Sendable {
    public var client: Client
    public var aanmeldingen: [Aanmelding]
    public var contacts: [ContactMoment]
    public var consents: [Consent]
    public var careTeam: [CareTeamMember]
    public var appointments: [VGAppointment]
    /// Conversation records, newest first.
    public var conversations: [VGRecord]
    public var plans: [ActionPlan]
    public var handovers: [Handover]
    /// Feedback invitations (their state and token; the answers are not part of what professionals see).
    public var feedbackInvitations: [FeedbackInvitation]
    public init(client: Client, aanmeldingen: [Aanmelding], contacts: [ContactMoment], consents: [Consent], careTeam: [CareTeamMember],
                appointments: [VGAppointment], conversations: [VGRecord], plans: [ActionPlan], handovers: [Handover],
                feedbackInvitations: [FeedbackInvitation] = []) {
        self.feedbackInvitations = feedbackInvitations
        self.client = client; self.aanmeldingen = aanmeldingen; self.contacts = contacts; self.consents = consents; self.careTeam = careTeam
        self.appointments = appointments; self.conversations = conversations; self.plans = plans; self.handovers = handovers
    }
}

public struct DuplicateHit: Sendable, Equatable {
    public var clientID: UUID
    public var match: DuplicateCheck.Match
    /// Whether the person asking is already in this client's care team (then the page may link to it).
    public var inCareTeam: Bool
    public init(clientID: UUID, match: DuplicateCheck.Match, inCareTeam: Bool) {
        self.clientID = clientID; self.match = match; self.inCareTeam = inCareTeam
    }
}

/// The one path to client data. Every method checks the care-team relationship (`ClientAccessPolicy`)
/// and writes the audit entry in the same transaction as the read or change; a client the accessor may
/// not see is `DomainError.notFound`, exactly like a client that does not exist.
public protocol ClientRecords: Sendable {
    /// A new client with their first aanmelding and consents; the registrant joins the care team.
    func register(_ client: Client, aanmelding: Aanmelding, consents: [Consent], by: Accessor) async throws
    /// A new aanmelding for a client the duplicate check found. The registrant shows they know the person
    /// by giving identifiers that match (`key`); they join the care team as the new referrer.
    func registerForKnownClient(_ clientID: UUID, matching key: PersonKey, aanmelding: Aanmelding, consents: [Consent], by: Accessor) async throws
    /// Which existing clients these identifiers match. Reveals only that a match exists, to someone who
    /// already holds the identifiers; the check is logged on each matched client.
    func possibleDuplicates(of key: PersonKey, by: Accessor) async throws -> [DuplicateHit]
    /// The clients in the accessor's care teams, newest aanmelding first.
    func myClients(by: Accessor) async throws -> [ClientSummary]
    /// The whole record; `action` says how it is used (`.read` on screen, `.print` for a printout or letter).
    func record(_ clientID: UUID, by: Accessor, action: AuditAction) async throws -> ClientRecord
    /// Who accessed this client's data: the client's right under the AVG and NEN 7513.
    func accessLog(_ clientID: UUID, by: Accessor) async throws -> [AuditEvent]
    func logContact(_ contact: ContactMoment, clientID: UUID, by: Accessor) async throws
    func addColleague(_ userID: UUID, clientID: UUID, by: Accessor) async throws
    func recordConsent(_ consent: Consent, by: Accessor) async throws
    func revokeConsent(_ consentID: UUID, clientID: UUID, by: Accessor) async throws
    /// Books a verkennend gesprek. Refused (`conflict`) when the duo is no longer free at that time, or
    /// when the client gave no consent for the verkennend gesprek to one of the duo's organisations
    /// (`conflict("consent:<organisation id>")`). Both of the duo join the care team.
    func bookVG(_ appointment: VGAppointment, by: Accessor) async throws
    func markVGHeld(_ appointmentID: UUID, clientID: UUID, by: Accessor) async throws
    func cancelVG(_ appointmentID: UUID, clientID: UUID, reason: String, by: Accessor) async throws
    /// Records what was found in a held conversation; one record per conversation (`conflict` otherwise).
    func recordConversation(_ record: VGRecord, by: Accessor) async throws
}

/// A professional's published availability for verkennende gesprekken. Not client data.
public struct AvailabilityWindow: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var start: Date
    public var end: Date
    public init(id: UUID = UUID(), userID: UUID, start: Date, end: Date) { self.id = id; self.userID = userID; self.start = start; self.end = end }
}

public protocol PlanningRepository: Sendable {
    func availability(userIDs: [UUID], from: Date) async throws -> [Availability]
    func windows(userID: UUID, from: Date) async throws -> [AvailabilityWindow]
    /// Adds a window; an overlap with the user's own windows is a `conflict`.
    func addWindow(_ window: AvailabilityWindow) async throws
    func removeWindow(id: UUID, userID: UUID) async throws
    /// When these professionals are already taken by booked conversations (no client identity).
    func busy(userIDs: [UUID], from: Date) async throws -> [BusyPeriod]
}

/// The actieplan, through the same access path as all client data.
public protocol ActionPlans: Sendable {
    /// One plan per aanmelding, made after a recorded conversation (`conflict("no_conversation")` before).
    func create(_ plan: ActionPlan, by: Accessor) async throws
    func update(planID: UUID, clientID: UUID, primaryRoute: CareRoute, adviceText: String, by: Accessor) async throws
    func addGoal(_ goal: Goal, planID: UUID, clientID: UUID, by: Accessor) async throws
    /// Adds an action. An action for another organisation (or another team of one GGZ organisation) is
    /// sent as a handover in the same transaction; without a consent for handing over to that organisation
    /// nothing is stored (`conflict("consent:<id>")`); a terugverwijzing needs its letter (`conflict("letter")`).
    func addAction(_ action: PlanAction, planID: UUID, clientID: UUID, request: String, letter: String?, by: Accessor) async throws
    func setActionStatus(_ actionID: UUID, clientID: UUID, status: ActionStatus, by: Accessor) async throws
    /// Links an open action to the sociale-kaart entry chosen for it (`conflict("closed")` once done).
    func linkService(_ actionID: UUID, clientID: UUID, serviceID: UUID, serviceName: String, by: Accessor) async throws
    /// Records that the plan went to the client and/or the advice to the GP.
    func markShared(planID: UUID, clientID: UUID, withClient: Bool, withGP: Bool, by: Accessor) async throws
}

/// A handover as the receiving organisation's inbox shows it before acceptance: only what it needs to
/// decide, on the basis of the client's consent for handing over to that organisation.
public struct IncomingHandover: Sendable, Equatable {
    public var handover: Handover
    public var clientName: String
    public var clientAge: Int
    public var clientWijkID: UUID?
    public init(handover: Handover, clientName: String, clientAge: Int, clientWijkID: UUID?) {
        self.handover = handover; self.clientName = clientName; self.clientAge = clientAge; self.clientWijkID = clientWijkID
    }
}

public struct OutgoingHandover: Sendable, Equatable {
    public var handover: Handover
    public var clientName: String
    public init(handover: Handover, clientName: String) { self.handover = handover; self.clientName = clientName }
}

public protocol Handovers: Sendable {
    /// Handovers addressed to the accessor's organisation (open ones, and those closed in the last 30 days).
    func inbox(by: Accessor) async throws -> [IncomingHandover]
    /// Handovers sent by the accessor's organisation for clients in the accessor's care teams.
    func outbox(by: Accessor) async throws -> [OutgoingHandover]
    /// Applies a state-machine event as sender or receiver; on acceptance the accepting professional joins
    /// the care team. Illegal transitions are `conflict("transition")`.
    func apply(_ event: HandoverEvent, to handoverID: UUID, by: Accessor) async throws
    func record(_ milestone: HandoverMilestone, handoverID: UUID, by: Accessor) async throws
    /// The agreed response time between two organisations (default five working days).
    func norm(from: UUID, to: UUID) async throws -> ResponseNorm
    func setNorm(from: UUID, to: UUID, workingDays: Int, audit: AuditEvent) async throws
    func norms() async throws -> [(from: UUID, to: UUID, workingDays: Int)]
}

extension ClientRecords {
    public func record(_ clientID: UUID, by: Accessor) async throws -> ClientRecord { try await record(clientID, by: by, action: .read) }
}

/// A personal token for the JSON API. Only its SHA-256 is stored; the token is shown once at creation.
public struct APIToken: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var name: String
    public var tokenHash: String
    public var createdAt: Date
    public var expiresAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
    public init(id: UUID = UUID(), userID: UUID, name: String, tokenHash: String, createdAt: Date, expiresAt: Date,
                lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id; self.userID = userID; self.name = name; self.tokenHash = tokenHash; self.createdAt = createdAt
        self.expiresAt = expiresAt; self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
    }
    public func isValid(at date: Date) -> Bool { revokedAt == nil && date < expiresAt }
}

public protocol APITokenRepository: Sendable {
    func create(_ token: APIToken, audit: AuditEvent) async throws
    func find(hash: String) async throws -> APIToken?
    func list(userID: UUID) async throws -> [APIToken]
    func touch(id: UUID, at: Date) async throws
    func revoke(id: UUID, userID: UUID, at: Date, audit: AuditEvent) async throws
}
