import Domain
import Fluent
import Foundation

/// The actieplan through the client-data access path (`guarded`): checked, audited, one transaction.
extension FluentClientRecords: ActionPlans {
    static func plans(_ clientID: UUID, on conn: any Database) async throws -> [ActionPlan] {
        let plans = try await ActionPlanModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$createdAt, .descending).all()
        guard !plans.isEmpty else { return [] }
        let ids = plans.map { $0.id! }
        let goals = Dictionary(grouping: try await GoalModel.query(on: conn).filter(\.$planID ~~ ids).sort(\.$position).all(), by: \.planID)
        let actions = Dictionary(grouping: try await PlanActionModel.query(on: conn).filter(\.$planID ~~ ids).sort(\.$createdAt).all(), by: \.planID)
        return plans.map { p in
            ActionPlan(id: p.id!, clientID: p.clientID, aanmeldingID: p.aanmeldingID, createdAt: p.createdAt, createdBy: p.createdBy,
                       primaryRoute: CareRoute(rawValue: p.primaryRoute) ?? .zelfhulp, adviceText: p.adviceText,
                       sharedWithClientAt: p.sharedWithClientAt, adviceToGPAt: p.adviceToGPAt,
                       goals: (goals[p.id!] ?? []).map { Goal(id: $0.id!, text: $0.text) },
                       actions: (actions[p.id!] ?? []).map(\.domain))
        }
    }

    private static func plan(_ planID: UUID, of clientID: UUID, on conn: any Database) async throws -> ActionPlanModel {
        guard let p = try await ActionPlanModel.find(planID, on: conn), p.clientID == clientID else { throw DomainError.notFound }
        return p
    }

    func create(_ plan: ActionPlan, by: Accessor) async throws {
        try await guarded(plan.clientID, by, .create, "action_plan", objectID: plan.id.uuidString) { conn in
            guard let a = try await AanmeldingModel.find(plan.aanmeldingID, on: conn), a.clientID == plan.clientID else { throw DomainError.notFound }
            let held = try await VGAppointmentModel.query(on: conn).filter(\.$aanmeldingID == plan.aanmeldingID).all().map { $0.id! }
            let recorded = held.isEmpty ? nil : try await VGRecordModel.query(on: conn).filter(\.$appointmentID ~~ held).first()
            guard recorded != nil else { throw DomainError.conflict("no_conversation") }
            if try await ActionPlanModel.query(on: conn).filter(\.$aanmeldingID == plan.aanmeldingID).first() != nil {
                throw DomainError.conflict("exists")
            }
            let m = ActionPlanModel()
            m.id = plan.id; m.clientID = plan.clientID; m.aanmeldingID = plan.aanmeldingID; m.createdAt = plan.createdAt
            m.createdBy = plan.createdBy; m.primaryRoute = plan.primaryRoute.rawValue; m.adviceText = plan.adviceText
            try await m.create(on: conn)
        }
    }

    func update(planID: UUID, clientID: UUID, primaryRoute: CareRoute, adviceText: String, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "action_plan", objectID: planID.uuidString) { conn in
            let p = try await Self.plan(planID, of: clientID, on: conn)
            p.primaryRoute = primaryRoute.rawValue; p.adviceText = adviceText
            try await p.save(on: conn)
        }
    }

    func addGoal(_ goal: Goal, planID: UUID, clientID: UUID, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "action_plan", objectID: planID.uuidString, detail: "goal") { conn in
            _ = try await Self.plan(planID, of: clientID, on: conn)
            let m = GoalModel()
            m.id = goal.id; m.planID = planID; m.text = goal.text
            m.position = try await GoalModel.query(on: conn).filter(\.$planID == planID).count()
            try await m.create(on: conn)
        }
    }

    func addAction(_ action: PlanAction, planID: UUID, clientID: UUID, request: String, letter: String?, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "action_plan", objectID: planID.uuidString, detail: "action") { conn in
            _ = try await Self.plan(planID, of: clientID, on: conn)
            if let goal = action.goalID, try await GoalModel.find(goal, on: conn)?.planID != planID { throw DomainError.notFound }
            var action = action
            if let toID = action.organisationID {
                let orgs = FluentOrganisationRepository(db: conn, gate: gate)
                guard let to = try await orgs.find(id: toID) else { throw DomainError.notFound }
                if let team = action.teamID, !(try await orgs.teams(of: toID)).contains(where: { $0.id == team }) { throw DomainError.notFound }
                // Work the accessor's own organisation does itself (no other team) is no handover.
                if let kind = HandoverRules.kind(from: by.organisation, fromTeamID: by.user.teamID, to: to, toTeamID: action.teamID) {
                    if kind != .internalReferral {
                        let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
                        guard ConsentPolicy.covers(consents, purpose: .overdracht, organisationID: toID, at: by.at) else {
                            throw DomainError.conflict("consent:\(toID.uuidString)")
                        }
                    }
                    if kind == .terugverwijzing && (letter ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        throw DomainError.conflict("letter")
                    }
                    let handover = Handover(clientID: clientID, actionID: action.id, kind: kind, route: action.route,
                                            fromOrganisationID: by.organisation.id, fromUserID: by.user.id, toOrganisationID: toID,
                                            toTeamID: action.teamID, request: request, letter: kind == .terugverwijzing ? letter : nil,
                                            requestedAt: by.at)
                    try await HandoverModel(handover).create(on: conn)
                    try await Self.noticeNewHandover(handover, on: conn)
                    action.handoverID = handover.id
                }
            }
            try await PlanActionModel(action, planID: planID).create(on: conn)
        }
    }

    func setActionStatus(_ actionID: UUID, clientID: UUID, status: ActionStatus, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "plan_action", objectID: actionID.uuidString, detail: status.rawValue) { conn in
            guard let a = try await PlanActionModel.find(actionID, on: conn),
                  try await ActionPlanModel.find(a.planID, on: conn)?.clientID == clientID else { throw DomainError.notFound }
            a.status = status.rawValue
            try await a.save(on: conn)
        }
    }

    func linkService(_ actionID: UUID, clientID: UUID, serviceID: UUID, serviceName: String, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "plan_action", objectID: actionID.uuidString, detail: "service \(serviceID.uuidString)") { conn in
            guard let a = try await PlanActionModel.find(actionID, on: conn),
                  try await ActionPlanModel.find(a.planID, on: conn)?.clientID == clientID else { throw DomainError.notFound }
            guard a.status == ActionStatus.open.rawValue else { throw DomainError.conflict("closed") }
            a.serviceID = serviceID
            a.service = String(serviceName.prefix(300))
            try await a.save(on: conn)
        }
    }

    func markShared(planID: UUID, clientID: UUID, withClient: Bool, withGP: Bool, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "action_plan", objectID: planID.uuidString,
                          detail: [withClient ? "shared with client" : nil, withGP ? "advice to GP" : nil].compactMap { $0 }.joined(separator: ", ")) { conn in
            let p = try await Self.plan(planID, of: clientID, on: conn)
            // The first time counts: the dashboard measures how fast the plan and the advice went out.
            if withClient && p.sharedWithClientAt == nil { p.sharedWithClientAt = by.at }
            if withGP && p.adviceToGPAt == nil { p.adviceToGPAt = by.at }
            try await p.save(on: conn)
        }
    }
}
