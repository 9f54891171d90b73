import Foundation

/// What the duo and the person found together in the verkennend gesprek.
public struct VGRecord: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var appointmentID: UUID
    public var clientID: UUID
    public var recordedAt: Date
    public var recordedBy: UUID
    /// Krachten: what the person is good at, who and what helps them.
    public var strengths: String
    /// What matters to the person.
    public var whatMatters: String
    /// The help question as reformulated together.
    public var reformulatedQuestion: String
    /// Whether an ervaringsdeskundige took part (a "gecombineerd aanbod" figure).
    public var peerExpertPresent: Bool
    public var responses: [InstrumentResponse]

    public init(id: UUID = UUID(), appointmentID: UUID, clientID: UUID, recordedAt: Date, recordedBy: UUID, strengths: String,
                whatMatters: String, reformulatedQuestion: String, peerExpertPresent: Bool, responses: [InstrumentResponse]) {
        self.id = id; self.appointmentID = appointmentID; self.clientID = clientID; self.recordedAt = recordedAt
        self.recordedBy = recordedBy; self.strengths = strengths; self.whatMatters = whatMatters
        self.reformulatedQuestion = reformulatedQuestion; self.peerExpertPresent = peerExpertPresent; self.responses = responses
    }
}
