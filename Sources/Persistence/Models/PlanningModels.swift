import Domain
import Fluent
import Foundation

final class AvailabilityModel: Model, @unchecked Sendable {
    static let schema = "availability"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "start") var start: Date
    @Field(key: "end") var end: Date
    @Field(key: "created_at") var createdAt: Date
    init() {}
    var domain: Availability { Availability(userID: userID, start: start, end: end) }
}

final class VGAppointmentModel: Model, @unchecked Sendable {
    static let schema = "vg_appointments"
    @ID(key: .id) var id: UUID?
    @Field(key: "aanmelding_id") var aanmeldingID: UUID
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "ggz_user_id") var ggzUserID: UUID
    @Field(key: "sociaal_user_id") var sociaalUserID: UUID
    @Field(key: "planned_for") var plannedFor: Date
    @Field(key: "end") var end: Date
    @Field(key: "planned_at") var plannedAt: Date
    @Field(key: "planned_by") var plannedBy: UUID
    @OptionalField(key: "held_at") var heldAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    init() {}

    convenience init(_ a: VGAppointment) {
        self.init()
        id = a.id; aanmeldingID = a.aanmeldingID; clientID = a.clientID; ggzUserID = a.ggzUserID; sociaalUserID = a.sociaalDomeinUserID
        plannedFor = a.plannedFor; end = a.end; plannedAt = a.plannedAt; plannedBy = a.plannedBy; heldAt = a.heldAt
        cancelledAt = a.cancelledAt; cancelReason = a.cancelReason
    }

    var domain: VGAppointment {
        VGAppointment(id: id!, aanmeldingID: aanmeldingID, clientID: clientID, ggzUserID: ggzUserID, sociaalDomeinUserID: sociaalUserID,
                      plannedFor: plannedFor, end: end, plannedAt: plannedAt, plannedBy: plannedBy, heldAt: heldAt,
                      cancelledAt: cancelledAt, cancelReason: cancelReason)
    }
}
