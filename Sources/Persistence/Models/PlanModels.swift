import Domain
import Fluent
import Foundation

final class ActionPlanModel: Model, @unchecked Sendable {
    static let schema = "action_plans"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "aanmelding_id") var aanmeldingID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "primary_route") var primaryRoute: String
    @Field(key: "advice_text") var adviceText: String
    @OptionalField(key: "shared_with_client_at") var sharedWithClientAt: Date?
    @OptionalField(key: "advice_to_gp_at") var adviceToGPAt: Date?
    init() {}
}

final class GoalModel: Model, @unchecked Sendable {
    static let schema = "plan_goals"
    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "text") var text: String
    @Field(key: "position") var position: Int
    init() {}
}

final class PlanActionModel: Model, @unchecked Sendable {
    static let schema = "plan_actions"
    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @OptionalField(key: "goal_id") var goalID: UUID?
    @Field(key: "route") var route: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "team_id") var teamID: UUID?
    @Field(key: "service") var service: String
    @OptionalField(key: "service_id") var serviceID: UUID?
    @Field(key: "description") var description: String
    @Field(key: "owner_user_id") var ownerUserID: UUID
    @OptionalField(key: "due") var due: String?
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "handover_id") var handoverID: UUID?
    init() {}

    convenience init(_ a: PlanAction, planID: UUID) {
        self.init()
        id = a.id; self.planID = planID; goalID = a.goalID; route = a.route.rawValue; organisationID = a.organisationID; teamID = a.teamID
        service = a.service; description = a.description; ownerUserID = a.ownerUserID; due = a.due?.iso; status = a.status.rawValue
        createdAt = a.createdAt; handoverID = a.handoverID; serviceID = a.serviceID
    }

    var domain: PlanAction {
        PlanAction(id: id!, goalID: goalID, route: CareRoute(rawValue: route) ?? .zelfhulp, organisationID: organisationID, teamID: teamID,
                   service: service, description: description, ownerUserID: ownerUserID, due: due.flatMap(DateOnly.init),
                   status: ActionStatus(rawValue: status) ?? .open, createdAt: createdAt, handoverID: handoverID,
                   serviceID: serviceID)
    }
}

final class HandoverModel: Model, @unchecked Sendable {
    static let schema = "handovers"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @OptionalField(key: "action_id") var actionID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "route") var route: String
    @Field(key: "from_organisation_id") var fromOrganisationID: UUID
    @Field(key: "from_user_id") var fromUserID: UUID
    @Field(key: "to_organisation_id") var toOrganisationID: UUID
    @OptionalField(key: "to_team_id") var toTeamID: UUID?
    @Field(key: "request") var request: String
    @OptionalField(key: "letter") var letter: String?
    @Field(key: "status") var status: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "accepted_by") var acceptedBy: UUID?
    @OptionalField(key: "rejected_at") var rejectedAt: Date?
    @OptionalField(key: "rejection_reason") var rejectionReason: String?
    @OptionalField(key: "first_contact_at") var firstContactAt: Date?
    @OptionalField(key: "intake_at") var intakeAt: Date?
    @OptionalField(key: "treatment_start_at") var treatmentStartAt: Date?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "intake_report_at") var intakeReportAt: Date?
    @OptionalField(key: "closing_report_at") var closingReportAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    init() {}

    convenience init(_ h: Handover) { self.init(); apply(h) }

    func apply(_ h: Handover) {
        id = h.id; clientID = h.clientID; actionID = h.actionID; kind = h.kind.rawValue; route = h.route.rawValue
        fromOrganisationID = h.fromOrganisationID; fromUserID = h.fromUserID; toOrganisationID = h.toOrganisationID; toTeamID = h.toTeamID
        request = h.request; letter = h.letter; status = h.status.rawValue; requestedAt = h.requestedAt; acceptedAt = h.acceptedAt
        acceptedBy = h.acceptedBy; rejectedAt = h.rejectedAt; rejectionReason = h.rejectionReason; firstContactAt = h.firstContactAt
        intakeAt = h.intakeAt; treatmentStartAt = h.treatmentStartAt; completedAt = h.completedAt; cancelledAt = h.cancelledAt
        intakeReportAt = h.intakeReportAt; closingReportAt = h.closingReportAt
        cancelReason = h.cancelReason
    }

    var domain: Handover {
        var h = Handover(id: id!, clientID: clientID, actionID: actionID, kind: HandoverKind(rawValue: kind) ?? .referral,
                         route: CareRoute(rawValue: route) ?? .sociaalDomein, fromOrganisationID: fromOrganisationID, fromUserID: fromUserID,
                         toOrganisationID: toOrganisationID, toTeamID: toTeamID, request: request, letter: letter, requestedAt: requestedAt)
        h.status = HandoverStatus(rawValue: status) ?? .requested
        h.acceptedAt = acceptedAt; h.acceptedBy = acceptedBy; h.rejectedAt = rejectedAt; h.rejectionReason = rejectionReason
        h.firstContactAt = firstContactAt; h.intakeAt = intakeAt; h.treatmentStartAt = treatmentStartAt; h.completedAt = completedAt
        h.cancelledAt = cancelledAt; h.cancelReason = cancelReason
        h.intakeReportAt = intakeReportAt; h.closingReportAt = closingReportAt
        return h
    }
}

final class HandoverNormModel: Model, @unchecked Sendable {
    static let schema = "handover_norms"
    @ID(key: .id) var id: UUID?
    @Field(key: "from_organisation_id") var fromOrganisationID: UUID
    @Field(key: "to_organisation_id") var toOrganisationID: UUID
    @Field(key: "working_days") var workingDays: Int
    init() {}
}
