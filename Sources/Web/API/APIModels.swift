import Domain
import Foundation
import Vapor

// The JSON API's own types: the database can change without changing the contract in openapi.json.

struct MeDTO: Content { var id: UUID; var name: String; var email: String; var organisationId: UUID; var organisation: String; var roles: [String] }

struct ClientSummaryDTO: Content {
    var id: UUID; var name: String; var dateOfBirth: String; var wijkId: UUID?; var receivedAt: Date?; var firstContactAt: Date?
}

struct ConsentInput: Content { var purpose: String; var organisationId: UUID }

struct AanmeldingInput: Content {
    var name: String
    var dateOfBirth: String
    var bsn: String?
    var postcode: String
    var phone: String?
    var email: String?
    var helpQuestion: String
    var urgency: String?
    var consents: [ConsentInput]
    /// After a 409 with duplicates: "existing:<clientId>" to register for that client, or "new".
    var duplicateDecision: String?
}

struct AanmeldingCreated: Content { var clientId: UUID; var aanmeldingId: UUID }

struct DuplicateDTO: Content { var clientId: UUID; var match: String; var inCareTeam: Bool }

struct DuplicateProblem: Content {
    var type: String; var title: String; var status: Int; var detail: String; var instance: String?; var duplicates: [DuplicateDTO]; var allowNew: Bool
}

struct ClientDTO: Content {
    var id: UUID; var name: String; var dateOfBirth: String; var bsnMasked: String?; var postcode: String?; var wijkId: UUID?
    var phone: String?; var email: String?
    var aanmeldingen: [AanmeldingDTO]; var contacts: [ContactDTO]; var consents: [ConsentDTO]; var careTeam: [CareTeamDTO]
    var appointments: [AppointmentDTO]; var conversations: [ConversationDTO]; var plans: [PlanDTO]; var handovers: [HandoverDTO]
}
struct AanmeldingDTO: Content {
    var id: UUID; var referrerUserId: UUID; var referrerOrganisationId: UUID; var helpQuestion: String; var urgency: String
    var receivedAt: Date; var completeAt: Date?; var firstContactAt: Date?; var closedAt: Date?
}
struct ContactDTO: Content { var id: UUID; var aanmeldingId: UUID; var userId: UUID; var at: Date; var channel: String; var reached: Bool; var note: String }
struct ConsentDTO: Content { var id: UUID; var purpose: String; var organisationId: UUID; var givenAt: Date; var revokedAt: Date? }
struct CareTeamDTO: Content { var userId: UUID; var organisationId: UUID; var basis: String; var addedAt: Date; var endedAt: Date? }
struct AppointmentDTO: Content {
    var id: UUID; var aanmeldingId: UUID; var ggzUserId: UUID; var sociaalDomeinUserId: UUID; var plannedFor: Date; var end: Date
    var plannedAt: Date; var heldAt: Date?; var cancelledAt: Date?
}
struct ConversationDTO: Content {
    var id: UUID; var appointmentId: UUID; var recordedAt: Date; var strengths: String; var whatMatters: String; var reformulatedQuestion: String
    var peerExpertPresent: Bool; var responses: [ResponseDTO]
}
struct ResponseDTO: Content { var instrumentUrl: String; var instrumentVersion: String; var answers: [String: Int] }
struct PlanDTO: Content {
    var id: UUID; var aanmeldingId: UUID; var createdAt: Date; var primaryRoute: String; var adviceText: String
    var sharedWithClientAt: Date?; var adviceToGpAt: Date?; var goals: [GoalDTO]; var actions: [ActionDTO]
}
struct GoalDTO: Content { var id: UUID; var text: String }
struct ActionDTO: Content {
    var id: UUID; var goalId: UUID?; var route: String; var organisationId: UUID?; var teamId: UUID?; var service: String; var description: String
    var ownerUserId: UUID; var due: String?; var status: String; var handoverId: UUID?
}
struct HandoverDTO: Content {
    var id: UUID; var clientId: UUID; var kind: String; var route: String; var status: String
    var fromOrganisationId: UUID; var toOrganisationId: UUID; var toTeamId: UUID?; var request: String; var letter: String?
    var requestedAt: Date; var acceptedAt: Date?; var rejectedAt: Date?; var rejectionReason: String?; var firstContactAt: Date?
    var intakeAt: Date?; var treatmentStartAt: Date?; var completedAt: Date?; var cancelledAt: Date?; var cancelReason: String?
    var overdue: Bool?
}
struct AccessEntryDTO: Content {
    var at: Date; var userId: UUID?; var organisationId: UUID?; var role: String?; var action: String; var objectType: String; var basis: String
}
struct HandoverListDTO: Content { var incoming: [IncomingDTO]; var outgoing: [OutgoingDTO] }
struct IncomingDTO: Content { var handover: HandoverDTO; var clientName: String; var clientAge: Int }
struct OutgoingDTO: Content { var handover: HandoverDTO; var clientName: String }
struct PlanningDTO: Content { var wijkId: UUID?; var currentWaitDays: Int?; var slots: [SlotDTO] }
struct SlotDTO: Content { var start: Date; var end: Date; var ggzUserId: UUID; var sociaalDomeinUserId: UUID }

struct ContactInput: Content { var aanmeldingId: UUID; var channel: String; var reached: Bool; var note: String? }
struct AppointmentInput: Content { var aanmeldingId: UUID; var start: Date; var ggzUserId: UUID; var sociaalDomeinUserId: UUID }
struct ConversationInput: Content {
    var appointmentId: UUID; var strengths: String; var whatMatters: String; var reformulatedQuestion: String; var peerExpertPresent: Bool?
    var responses: [ResponseInput]
}
struct ResponseInput: Content { var instrumentUrl: String; var answers: [String: Int] }
struct PlanInput: Content { var primaryRoute: String; var adviceText: String? }
struct GoalInput: Content { var text: String }
struct ActionInput: Content {
    var goalId: UUID?; var route: String; var organisationId: UUID?; var teamId: UUID?; var service: String?; var description: String
    var ownerUserId: UUID; var due: String?; var request: String?; var letter: String?
}
struct HandoverEventInput: Content { var event: String; var reason: String? }
struct MilestoneInput: Content { var milestone: String }
struct Created: Content { var id: UUID }

extension ClientDTO {
    init(_ r: ClientRecord) {
        let c = r.client
        self.init(
            id: c.id, name: c.name, dateOfBirth: c.dateOfBirth.iso, bsnMasked: c.bsn?.masked, postcode: c.postcode?.value, wijkId: c.wijkID,
            phone: c.phone, email: c.email,
            aanmeldingen: r.aanmeldingen.map { AanmeldingDTO(id: $0.id, referrerUserId: $0.referrerUserID, referrerOrganisationId: $0.referrerOrganisationID,
                                                             helpQuestion: $0.helpQuestion, urgency: $0.urgency.rawValue, receivedAt: $0.receivedAt,
                                                             completeAt: $0.completeAt, firstContactAt: $0.firstContactAt, closedAt: $0.closedAt) },
            contacts: r.contacts.map { ContactDTO(id: $0.id, aanmeldingId: $0.aanmeldingID, userId: $0.userID, at: $0.at, channel: $0.channel.rawValue, reached: $0.reached, note: $0.note) },
            consents: r.consents.map { ConsentDTO(id: $0.id, purpose: $0.purpose.rawValue, organisationId: $0.organisationID, givenAt: $0.givenAt, revokedAt: $0.revokedAt) },
            careTeam: r.careTeam.map { CareTeamDTO(userId: $0.userID, organisationId: $0.organisationID, basis: $0.basis.rawValue, addedAt: $0.addedAt, endedAt: $0.endedAt) },
            appointments: r.appointments.map { AppointmentDTO(id: $0.id, aanmeldingId: $0.aanmeldingID, ggzUserId: $0.ggzUserID, sociaalDomeinUserId: $0.sociaalDomeinUserID,
                                                              plannedFor: $0.plannedFor, end: $0.end, plannedAt: $0.plannedAt, heldAt: $0.heldAt, cancelledAt: $0.cancelledAt) },
            conversations: r.conversations.map { v in ConversationDTO(id: v.id, appointmentId: v.appointmentID, recordedAt: v.recordedAt, strengths: v.strengths,
                                                                      whatMatters: v.whatMatters, reformulatedQuestion: v.reformulatedQuestion, peerExpertPresent: v.peerExpertPresent,
                                                                      responses: v.responses.map { ResponseDTO(instrumentUrl: $0.instrumentURL, instrumentVersion: $0.instrumentVersion, answers: $0.answers) }) },
            plans: r.plans.map { p in PlanDTO(id: p.id, aanmeldingId: p.aanmeldingID, createdAt: p.createdAt, primaryRoute: p.primaryRoute.rawValue, adviceText: p.adviceText,
                                              sharedWithClientAt: p.sharedWithClientAt, adviceToGpAt: p.adviceToGPAt, goals: p.goals.map { GoalDTO(id: $0.id, text: $0.text) },
                                              actions: p.actions.map { ActionDTO(id: $0.id, goalId: $0.goalID, route: $0.route.rawValue, organisationId: $0.organisationID,
                                                                                 teamId: $0.teamID, service: $0.service, description: $0.description, ownerUserId: $0.ownerUserID,
                                                                                 due: $0.due?.iso, status: $0.status.rawValue, handoverId: $0.handoverID) }) },
            handovers: r.handovers.map { HandoverDTO($0, overdue: nil) })
    }
}

extension HandoverDTO {
    init(_ h: Handover, overdue: Bool?) {
        self.init(id: h.id, clientId: h.clientID, kind: h.kind.rawValue, route: h.route.rawValue, status: h.status.rawValue,
                  fromOrganisationId: h.fromOrganisationID, toOrganisationId: h.toOrganisationID, toTeamId: h.toTeamID, request: h.request,
                  letter: h.letter, requestedAt: h.requestedAt, acceptedAt: h.acceptedAt, rejectedAt: h.rejectedAt, rejectionReason: h.rejectionReason,
                  firstContactAt: h.firstContactAt, intakeAt: h.intakeAt, treatmentStartAt: h.treatmentStartAt, completedAt: h.completedAt,
                  cancelledAt: h.cancelledAt, cancelReason: h.cancelReason, overdue: overdue)
    }
}

struct ReasonInput: Content { var reason: String }
struct SharedInput: Content { var withClient: Bool?; var withGp: Bool? }
struct StatusInput: Content { var status: String }
struct WindowInput: Content { var start: Date; var end: Date }
struct WindowDTO: Content { var id: UUID; var start: Date; var end: Date }
