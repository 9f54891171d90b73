import Domain
import Fluent
import Foundation

/// Handovers. The sender acts through the care-team path; the receiver, before acceptance, through the
/// client's consent for handing over to the receiver's organisation — and sees only what it needs to
/// decide. Both are checked and audited inside the transaction.
extension FluentClientRecords: Handovers {
    func inbox(by: Accessor) async throws -> [IncomingHandover] {
        try await gate.write(db) { conn in
            let since = by.at.addingTimeInterval(-30 * 86400)
            let all = try await HandoverModel.query(on: conn).filter(\.$toOrganisationID == by.organisation.id)
                .sort(\.$requestedAt, .descending).all().map(\.domain)
            let rows = all.filter { h in
                let closedAt: Date = h.rejectedAt ?? h.completedAt ?? h.cancelledAt ?? .distantPast
                return !h.status.isClosed || closedAt > since
            }
            var result: [IncomingHandover] = []
            for h in rows {
                guard let basis = try await Self.receiverBasis(h, by, on: conn),
                      let client = try await ClientModel.find(h.clientID, on: conn)?.domain else { continue }
                result.append(IncomingHandover(handover: h, clientName: client.name, clientAge: client.dateOfBirth.age(on: by.at), clientWijkID: client.wijkID))
                try await FluentAuditLog.append(Self.audit(by, .read, "handover", h.id.uuidString, role: ClientAccessPolicy.careRole(of: by.user),
                                                           basis: basis, clientID: h.clientID, detail: "inbox"), on: conn)
            }
            return result
        }
    }

    /// On what basis a professional of the receiving side may see this handover, if any.
    static func receiverBasis(_ h: Handover, _ by: Accessor, on conn: any Database) async throws -> AuditBasis? {
        guard by.user.isActive, ClientAccessPolicy.careRole(of: by.user) != nil, h.toOrganisationID == by.organisation.id else { return nil }
        if h.kind == .internalReferral {
            // Within one GGZ organisation only the receiving team decides.
            return by.user.teamID == h.toTeamID ? .careRelationship : nil
        }
        let team = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == h.clientID).all().map(\.domain)
        if case .allowed = ClientAccessPolicy.decide(user: by.user, careTeam: team, at: by.at) { return .careRelationship }
        let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == h.clientID).all().map(\.domain)
        // A take-over agreed at a casuïstiektafel rests on its own consent.
        let covered = [ConsentPurpose.overdracht, .casuistiekOvername].contains {
            ConsentPolicy.covers(consents, purpose: $0, organisationID: by.organisation.id, at: by.at)
        }
        return covered ? .consent : nil
    }

    func outbox(by: Accessor) async throws -> [OutgoingHandover] {
        try await gate.write(db) { conn in
            let mine = try await CareTeamMemberModel.query(on: conn).filter(\.$userID == by.user.id)
                .filter(\.$organisationID == by.organisation.id).all().map(\.domain).filter { $0.isActive(at: by.at) }.map(\.clientID)
            guard !mine.isEmpty, let role = ClientAccessPolicy.careRole(of: by.user) else { return [] }
            let rows = try await HandoverModel.query(on: conn).filter(\.$fromOrganisationID == by.organisation.id)
                .filter(\.$clientID ~~ Array(Set(mine))).sort(\.$requestedAt, .descending).all().map(\.domain)
            var result: [OutgoingHandover] = []
            for h in rows {
                guard let client = try await ClientModel.find(h.clientID, on: conn) else { continue }
                result.append(OutgoingHandover(handover: h, clientName: client.name))
                try await FluentAuditLog.append(Self.audit(by, .read, "handover", h.id.uuidString, role: role, basis: .careRelationship,
                                                           clientID: h.clientID, detail: "outbox"), on: conn)
            }
            return result
        }
    }

    func apply(_ event: HandoverEvent, to handoverID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            guard let m = try await HandoverModel.find(handoverID, on: conn) else { throw DomainError.notFound }
            var h = m.domain
            let (party, basis) = try await Self.party(h, by, on: conn)
            do { try h.apply(event, by: party, userID: by.user.id, at: by.at) }
            catch HandoverTransitionError.reasonRequired { throw DomainError.conflict("reason") }
            catch { throw DomainError.conflict("transition") }
            m.apply(h)
            try await m.save(on: conn)
            if case .reject = event { try await Self.noticeDeclined(h, on: conn) }
            if case .accept = event {
                try await Self.joinCareTeam(CareTeamMember(clientID: h.clientID, userID: by.user.id, organisationID: by.organisation.id,
                                                           basis: .handover, addedAt: by.at), on: conn)
            }
            try await FluentAuditLog.append(Self.audit(by, .update, "handover", h.id.uuidString, role: ClientAccessPolicy.careRole(of: by.user),
                                                       basis: basis, clientID: h.clientID, detail: h.status.rawValue), on: conn)
        }
    }

    /// Whether the accessor acts as receiver or sender of this handover; anyone else gets "not found".
    static func party(_ h: Handover, _ by: Accessor, on conn: any Database) async throws -> (HandoverParty, AuditBasis) {
        let isSenderSide = h.fromOrganisationID == by.organisation.id
            && (h.kind != .internalReferral || by.user.teamID != h.toTeamID)
        if !isSenderSide || h.kind == .internalReferral, let basis = try await receiverBasis(h, by, on: conn) { return (.receiver, basis) }
        if isSenderSide {
            let team = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == h.clientID).all().map(\.domain)
            if case .allowed(let basis, _) = ClientAccessPolicy.decide(user: by.user, careTeam: team, at: by.at) { return (.sender, basis) }
        }
        throw DomainError.notFound
    }

    func record(_ milestone: HandoverMilestone, handoverID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            guard let m = try await HandoverModel.find(handoverID, on: conn) else { throw DomainError.notFound }
            let h = m.domain
            let (party, basis) = try await Self.party(h, by, on: conn)
            guard party == .receiver else { throw DomainError.conflict("transition") }
            // The closing report follows completion; every other milestone happens while the handover runs.
            if milestone == .closingReport {
                guard h.status == .completed else { throw DomainError.conflict("transition") }
                if m.closingReportAt == nil { m.closingReportAt = by.at }
                try await m.save(on: conn)
                try await FluentAuditLog.append(Self.audit(by, .update, "handover", h.id.uuidString, role: ClientAccessPolicy.careRole(of: by.user),
                                                           basis: basis, clientID: h.clientID, detail: milestone.rawValue), on: conn)
                return
            }
            guard h.status == .accepted || h.status == .inProgress else { throw DomainError.conflict("transition") }
            switch milestone {
            case .intake: if m.intakeAt == nil { m.intakeAt = by.at }
            case .treatmentStart:
                guard m.intakeAt != nil else { throw DomainError.conflict("intake_first") }
                if m.treatmentStartAt == nil { m.treatmentStartAt = by.at }
            case .intakeReport:
                guard m.intakeAt != nil else { throw DomainError.conflict("intake_first") }
                if m.intakeReportAt == nil { m.intakeReportAt = by.at }
            case .closingReport: throw DomainError.conflict("transition")
            }
            try await m.save(on: conn)
            try await FluentAuditLog.append(Self.audit(by, .update, "handover", h.id.uuidString, role: ClientAccessPolicy.careRole(of: by.user),
                                                       basis: basis, clientID: h.clientID, detail: milestone.rawValue), on: conn)
        }
    }

    func norm(from: UUID, to: UUID) async throws -> ResponseNorm {
        let row = try await HandoverNormModel.query(on: db).filter(\.$fromOrganisationID == from).filter(\.$toOrganisationID == to).first()
        return row.map { ResponseNorm(workingDays: $0.workingDays) } ?? .default
    }

    func setNorm(from: UUID, to: UUID, workingDays: Int, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            let m = try await HandoverNormModel.query(on: conn).filter(\.$fromOrganisationID == from).filter(\.$toOrganisationID == to).first()
                ?? HandoverNormModel()
            m.fromOrganisationID = from; m.toOrganisationID = to; m.workingDays = workingDays
            try await m.save(on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func norms() async throws -> [(from: UUID, to: UUID, workingDays: Int)] {
        try await HandoverNormModel.query(on: db).all().map { ($0.fromOrganisationID, $0.toOrganisationID, $0.workingDays) }
    }
}

extension FluentClientRecords {
    /// Tells the receiving team (or organisation) that a handover waits, through the outbox, in the
    /// transaction that creates it. The message holds no client data, only where to look.
    static func noticeNewHandover(_ h: Handover, on conn: any Database) async throws {
        let users = try await FluentUserRepository(db: conn, gate: WriteGate()).list(organisationIDs: [h.toOrganisationID])
            .filter { $0.isActive && ClientAccessPolicy.careRole(of: $0) != nil && (h.toTeamID == nil || $0.teamID == h.toTeamID) }
        guard let to = try await OrganisationModel.find(h.toOrganisationID, on: conn) else { return }
        let norm = try await HandoverNormModel.query(on: conn).filter(\.$fromOrganisationID == h.fromOrganisationID)
            .filter(\.$toOrganisationID == h.toOrganisationID).first()?.workingDays ?? ResponseNorm.default.workingDays
        for u in users {
            try await FluentOutbox.enqueue(OutboxMessage(kind: .handoverNotice, recipient: u.email, locale: u.preferredLocale ?? .nl,
                                                         parameters: ["organisation": to.name, "norm": String(norm)], createdAt: h.requestedAt), on: conn)
        }
    }

    /// Tells the sender that the receiver declined.
    static func noticeDeclined(_ h: Handover, on conn: any Database) async throws {
        guard let sender = try await UserModel.find(h.fromUserID, on: conn), let to = try await OrganisationModel.find(h.toOrganisationID, on: conn) else { return }
        try await FluentOutbox.enqueue(OutboxMessage(kind: .handoverDeclined, recipient: sender.email, parameters: ["organisation": to.name],
                                                     createdAt: h.rejectedAt ?? h.requestedAt), on: conn)
    }
}
