import Domain
import Fluent
import Foundation

final class VGRecordModel: Model, @unchecked Sendable {
    static let schema = "vg_records"
    @ID(key: .id) var id: UUID?
    @Field(key: "appointment_id") var appointmentID: UUID
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "strengths") var strengths: String
    @Field(key: "what_matters") var whatMatters: String
    @Field(key: "reformulated_question") var reformulatedQuestion: String
    @Field(key: "peer_expert_present") var peerExpertPresent: Bool
    init() {}

    convenience init(_ r: VGRecord) {
        self.init()
        id = r.id; appointmentID = r.appointmentID; clientID = r.clientID; recordedAt = r.recordedAt; recordedBy = r.recordedBy
        strengths = r.strengths; whatMatters = r.whatMatters; reformulatedQuestion = r.reformulatedQuestion; peerExpertPresent = r.peerExpertPresent
    }
}

final class InstrumentAnswerModel: Model, @unchecked Sendable {
    static let schema = "instrument_answers"
    @ID(key: .id) var id: UUID?
    @Field(key: "vg_record_id") var recordID: UUID
    @Field(key: "instrument_url") var instrumentURL: String
    @Field(key: "instrument_version") var instrumentVersion: String
    @Field(key: "link_id") var linkID: String
    @Field(key: "value") var value: Int
    init() {}
}

extension VGRecordModel {
    func domain(answers: [InstrumentAnswerModel]) -> VGRecord {
        let grouped = Dictionary(grouping: answers, by: { "\($0.instrumentURL)|\($0.instrumentVersion)" })
        let responses = grouped.values.map { rows in
            InstrumentResponse(instrumentURL: rows[0].instrumentURL, instrumentVersion: rows[0].instrumentVersion,
                               answers: Dictionary(uniqueKeysWithValues: rows.map { ($0.linkID, $0.value) }))
        }.sorted { $0.instrumentURL < $1.instrumentURL }
        return VGRecord(id: id!, appointmentID: appointmentID, clientID: clientID, recordedAt: recordedAt, recordedBy: recordedBy,
                        strengths: strengths, whatMatters: whatMatters, reformulatedQuestion: reformulatedQuestion,
                        peerExpertPresent: peerExpertPresent, responses: responses)
    }
}
