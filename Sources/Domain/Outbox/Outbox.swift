import Foundation

/// What a message is for. Raw values are stored: never rename them.
public enum OutboxKind: String, Sendable, Codable, CaseIterable {
    case feedbackInvitation = "feedback_invitation"
    case followUpInvitation = "follow_up_invitation"
    case followUpReminder = "follow_up_reminder"
    case handoverNotice = "handover_notice"
    case handoverDeclined = "handover_declined"
    case pulseInvitation = "pulse_invitation"
    /// Sent by an administrator to check the mail settings.
    case test

    public var labelKey: String { "outbox_kind_\(rawValue)" }
    /// Messages to clients carry a one-time link; their address is shown masked on the outbox page.
    public var toClient: Bool { self == .feedbackInvitation || self == .followUpInvitation || self == .followUpReminder }
}

public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
    /// Stored, to be delivered at `nextAttemptAt`.
    case waiting
    /// Claimed by a delivery run until `leaseUntil`; after that another run may take it over.
    case sending
    case sent
    /// Given up: a permanent refusal, or too many attempts. An administrator may try again.
    case failed

    public var labelKey: String { "outbox_status_\(rawValue)" }
}

/// A message stored in the database first (in the same transaction as the change it reports) and
/// delivered after, so a crash can delay a message but never lose it.
///
/// The text is not stored: `parameters` hold what the template needs (a token, a date) and are erased
/// once the message is sent, so the table keeps no usable link.
public struct OutboxMessage: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var kind: OutboxKind
    public var recipient: String
    public var locale: Locale.Code
    public var parameters: [String: String]
    public var status: OutboxStatus
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var leaseUntil: Date?
    public var sentAt: Date?
    public var lastError: String?
    /// The client a message concerns (for the client's own record), nil for messages to professionals.
    public var clientID: UUID?

    public init(id: UUID = UUID(), kind: OutboxKind, recipient: String, locale: Locale.Code = .nl, parameters: [String: String],
                createdAt: Date, clientID: UUID? = nil) {
        self.id = id; self.kind = kind; self.recipient = recipient; self.locale = locale; self.parameters = parameters
        self.status = .waiting; self.createdAt = createdAt; self.attempts = 0; self.nextAttemptAt = createdAt; self.clientID = clientID
    }

    /// The stable Message-ID of every attempt.
    public func messageID(host: String) -> String { "<\(id.uuidString.lowercased())@\(host)>" }

    /// `j•••@example.nl`: enough for an administrator to recognise a typo, not to read a client's address.
    public var maskedRecipient: String {
        guard kind.toClient else { return recipient }
        return Self.mask(recipient)
    }

    static func mask(_ address: String) -> String {
        guard let at = address.firstIndex(of: "@") else { return address }
        return String(address[..<at].prefix(1)) + "•••" + address[at...]
    }

    /// A mail server's refusal as stored for the administrator and logged: servers often quote the address
    /// ("550 5.1.1 <jan.jansen@example.nl>: user unknown"), which would undo the masking of a client's
    /// address, so every address in it is masked before it is stored. At most 500 characters.
    public static func redacted(_ reason: String) -> String {
        let masked = reason.replacing(/[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+/) { match in mask(String(match.output)) }
        return String(masked.prefix(500))
    }
}

/// When to try again: quickly at first (a server restarting), then spread out over a day.
public struct RetryPolicy: Sendable, Equatable {
    /// The wait after the 1st, 2nd, … failed attempt.
    public var delays: [TimeInterval]
    public var maxAttempts: Int

    public init(delays: [TimeInterval] = [60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600], maxAttempts: Int = 8) {
        self.delays = delays; self.maxAttempts = maxAttempts
    }

    /// When attempt `attempts + 1` may run after `attempts` failures, or nil: give up.
    public func nextAttempt(afterFailures attempts: Int, at now: Date) -> Date? {
        guard attempts < maxAttempts, !delays.isEmpty else { return nil }
        return now.addingTimeInterval(delays[min(max(attempts - 1, 0), delays.count - 1)])
    }
}

/// Counts per status for the outbox page and `/metrics`.
public struct OutboxCounts: Sendable, Equatable, Encodable {
    public var waiting = 0, sending = 0, sent = 0, failed = 0
    public init(waiting: Int = 0, sending: Int = 0, sent: Int = 0, failed: Int = 0) {
        self.waiting = waiting; self.sending = sending; self.sent = sent; self.failed = failed
    }
}

/// The outbox as the delivery worker and the administrator's page use it. Messages are added by the
/// repositories inside the transaction of the change they report.
public protocol Outbox: Sendable {
    /// Takes up to `limit` messages that are due (or whose lease ran out) and marks them `sending`
    /// until `leaseUntil`; two delivery runs never hold the same message.
    func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage]
    /// Sent: erases the parameters. Only a message still held by this claim changes.
    func markSent(_ id: UUID, at: Date) async throws
    func markFailed(_ id: UUID, error: MailDeliveryError, at: Date, policy: RetryPolicy) async throws
    func counts() async throws -> OutboxCounts
    /// The newest messages, optionally of one status.
    func list(status: OutboxStatus?, limit: Int) async throws -> [OutboxMessage]
    /// Puts a failed message back in the queue (an administrator's action, audited).
    func retry(_ id: UUID, at: Date, audit: AuditEvent) async throws
    /// A message to check the mail settings (audited).
    func enqueueTest(to recipient: String, at: Date, audit: AuditEvent) async throws
}
