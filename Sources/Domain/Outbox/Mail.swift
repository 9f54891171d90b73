import Foundation

/// One e-mail as the outbox hands it to a transport. Plain text only: MGN's messages carry a link and
/// a few sentences, never client data.
public struct OutgoingMail: Sendable, Equatable {
    /// Stable over every attempt (`<uuid@host>`), so a receiving server or mail client that sees the
    /// same message twice after an interrupted delivery can drop the copy.
    public var messageID: String
    public var from: String
    public var to: String
    public var subject: String
    public var textBody: String
    public var date: Date

    public init(messageID: String, from: String, to: String, subject: String, textBody: String, date: Date) {
        self.messageID = messageID; self.from = from; self.to = to; self.subject = subject; self.textBody = textBody; self.date = date
    }
}

/// Why a delivery failed, as the outbox needs to know it: try again later, or give up.
public enum MailDeliveryError: Error, Sendable, Equatable {
    /// Connection refused or lost, timeout, a 4xx reply: the outbox tries again with backoff.
    case transient(String)
    /// A 5xx reply (address refused, message rejected): retrying will not help.
    case permanent(String)

    public var reason: String {
        switch self { case .transient(let r), .permanent(let r): r }
    }
}

/// A way to deliver mail (SMTP, the system's sendmail). Implementations throw `MailDeliveryError`.
public protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail) async throws
}
