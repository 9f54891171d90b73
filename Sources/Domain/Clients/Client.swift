import Foundation

/// A citizen with a help question. Identity is kept minimal (AVG data minimisation): what is needed to
/// recognise the person, reach them, and find their wijk.
public struct Client: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var regionID: UUID
    public var name: String
    public var dateOfBirth: DateOnly
    public var bsn: BSN?
    public var postcode: PC4?
    /// Derived from the postcode when the region covers it.
    public var wijkID: UUID?
    public var phone: String?
    public var email: String?
    public var createdAt: Date

    public init(id: UUID = UUID(), regionID: UUID, name: String, dateOfBirth: DateOnly, bsn: BSN?, postcode: PC4?,
                wijkID: UUID?, phone: String?, email: String?, createdAt: Date) {
        self.id = id; self.regionID = regionID; self.name = name; self.dateOfBirth = dateOfBirth; self.bsn = bsn
        self.postcode = postcode; self.wijkID = wijkID; self.phone = phone; self.email = email; self.createdAt = createdAt
    }

    public var personKey: PersonKey { PersonKey(name: name, dateOfBirth: dateOfBirth, postcode: postcode, bsn: bsn) }
}

public enum Urgency: String, Sendable, Codable, CaseIterable {
    case regulier
    /// Needs a conversation within days; the planner shows it first.
    case spoed

    public var labelKey: String { "urgency_\(rawValue)" }
}

/// A registration (aanmelding) for a verkennend gesprek. Its timestamps are the start of every
/// "snel geholpen" figure, so each step records when it happened.
public struct Aanmelding: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var clientID: UUID
    public var referrerUserID: UUID
    public var referrerOrganisationID: UUID
    /// The help question in the person's own words.
    public var helpQuestion: String
    public var urgency: Urgency
    public var receivedAt: Date
    /// When all that is needed to plan was present (equal to `receivedAt` when registered complete).
    public var completeAt: Date?
    /// The first time someone of the network reached the client about this registration.
    public var firstContactAt: Date?
    public var closedAt: Date?
    public var closedReason: String?

    public init(id: UUID = UUID(), clientID: UUID, referrerUserID: UUID, referrerOrganisationID: UUID, helpQuestion: String,
                urgency: Urgency, receivedAt: Date, completeAt: Date?, firstContactAt: Date? = nil, closedAt: Date? = nil,
                closedReason: String? = nil) {
        self.id = id; self.clientID = clientID; self.referrerUserID = referrerUserID; self.referrerOrganisationID = referrerOrganisationID
        self.helpQuestion = helpQuestion; self.urgency = urgency; self.receivedAt = receivedAt; self.completeAt = completeAt
        self.firstContactAt = firstContactAt; self.closedAt = closedAt; self.closedReason = closedReason
    }
}

/// A logged attempt to reach the client (phone, letter…), successful or not.
public struct ContactMoment: Sendable, Equatable, Identifiable {
    public enum Channel: String, Sendable, Codable, CaseIterable { case telefoon, email, brief, persoonlijk
        public var labelKey: String { "channel_\(rawValue)" }
    }
    public var id: UUID
    public var aanmeldingID: UUID
    public var userID: UUID
    public var at: Date
    public var channel: Channel
    public var reached: Bool
    public var note: String
    public init(id: UUID = UUID(), aanmeldingID: UUID, userID: UUID, at: Date, channel: Channel, reached: Bool, note: String) {
        self.id = id; self.aanmeldingID = aanmeldingID; self.userID = userID; self.at = at; self.channel = channel
        self.reached = reached; self.note = note
    }
}
