import Foundation

/// Why data is shared. Consent is recorded per purpose and per receiving organisation, and can be revoked.
public enum ConsentPurpose: String, Sendable, Codable, CaseIterable {
    /// Holding the verkennend gesprek and making the plan (the duo's organisations).
    case verkennendGesprek = "verkennend_gesprek"
    /// Handing the client over to a partner organisation.
    case overdracht
    /// Bringing the case, identified, to a casuïstiektafel member that takes the client over.
    case casuistiekOvername = "casuistiek_overname"
    /// Feedback invitations and the follow-up after three months.
    case feedback

    public var labelKey: String { "consent_purpose_\(rawValue)" }
}

public struct Consent: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var clientID: UUID
    public var purpose: ConsentPurpose
    public var organisationID: UUID
    public var givenAt: Date
    /// Who recorded it (the professional who asked the client).
    public var recordedBy: UUID
    public var revokedAt: Date?

    public init(id: UUID = UUID(), clientID: UUID, purpose: ConsentPurpose, organisationID: UUID, givenAt: Date,
                recordedBy: UUID, revokedAt: Date? = nil) {
        self.id = id; self.clientID = clientID; self.purpose = purpose; self.organisationID = organisationID
        self.givenAt = givenAt; self.recordedBy = recordedBy; self.revokedAt = revokedAt
    }

    public func isActive(at date: Date) -> Bool { givenAt <= date && (revokedAt.map { date < $0 } ?? true) }
}

public enum ConsentPolicy {
    /// Whether the client's consents allow `purpose` towards `organisationID` at `date`.
    public static func covers(_ consents: [Consent], purpose: ConsentPurpose, organisationID: UUID, at date: Date) -> Bool {
        consents.contains { $0.purpose == purpose && $0.organisationID == organisationID && $0.isActive(at: date) }
    }
}
