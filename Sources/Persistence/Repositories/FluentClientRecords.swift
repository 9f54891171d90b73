import Domain
import Fluent
import Foundation
import SQLKit

/// The one path to client data (see `ClientRecords`). Each method runs as one write transaction that
/// loads the care team, asks `ClientAccessPolicy`, does the work and appends the audit entry — so a
/// read or change without its audit entry cannot be stored, and an audit entry never describes a
/// change that was rolled back.
struct FluentClientRecords: ClientRecords {
    let db: any Database
    let gate: WriteGate

    // MARK: the access path

    func guarded<T: Sendable>(_ clientID: UUID, _ by: Accessor, _ action: AuditAction, _ objectType: String,
                                      objectID: String? = nil, detail: String = "",
                                      _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await gate.write(db) { conn in
            let team = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == clientID).all().map(\.domain)
            guard case .allowed(let basis, let role) = ClientAccessPolicy.decide(user: by.user, careTeam: team, at: by.at) else {
                throw DomainError.notFound  // not in the care team: the client does not exist for you
            }
            let result = try await work(conn)
            try await FluentAuditLog.append(Self.audit(by, action, objectType, objectID ?? clientID.uuidString, role: role, basis: basis,
                                                       clientID: clientID, detail: detail), on: conn)
            return result
        }
    }

    static func audit(_ by: Accessor, _ action: AuditAction, _ objectType: String, _ objectID: String?, role: Role?,
                      basis: AuditBasis, clientID: UUID?, detail: String = "") -> AuditEvent {
        AuditEvent(at: by.at, userID: by.user.id, organisationID: by.organisation.id, role: role, clientID: clientID,
                   action: action, objectType: objectType, objectID: objectID, sourceAddress: by.sourceAddress,
                   basis: basis, detail: detail)
    }

    // MARK: registering

    func register(_ client: Client, aanmelding: Aanmelding, consents: [Consent], by: Accessor) async throws {
        guard ClientAccessPolicy.mayRegister(by.user), let role = ClientAccessPolicy.careRole(of: by.user) else { throw DomainError.forbidden }
        try await gate.write(db) { conn in
            try await mapConflicts("bsn") { try await ClientModel(client).create(on: conn) }
            try await Self.addAanmelding(aanmelding, consents: consents, clientID: client.id, by: by, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .create, "client", client.id.uuidString, role: role, basis: .careRelationship,
                                                       clientID: client.id, detail: "aanmelding"), on: conn)
        }
    }

    func registerForKnownClient(_ clientID: UUID, matching key: PersonKey, aanmelding: Aanmelding, consents: [Consent], by: Accessor) async throws {
        guard ClientAccessPolicy.mayRegister(by.user), let role = ClientAccessPolicy.careRole(of: by.user) else { throw DomainError.forbidden }
        try await gate.write(db) { conn in
            // Only someone who holds matching identifiers may attach an aanmelding to a known client.
            guard let existing = try await ClientModel.find(clientID, on: conn), DuplicateCheck.match(key, existing.domain.personKey) != nil else {
                throw DomainError.notFound
            }
            try await Self.addAanmelding(aanmelding, consents: consents, clientID: clientID, by: by, on: conn)
            try await FluentAuditLog.append(Self.audit(by, .create, "aanmelding", aanmelding.id.uuidString, role: role, basis: .careRelationship,
                                                       clientID: clientID, detail: "aanmelding for a known client"), on: conn)
        }
    }

    private static func addAanmelding(_ a: Aanmelding, consents: [Consent], clientID: UUID, by: Accessor, on conn: any Database) async throws {
        var a = a; a.clientID = clientID
        try await AanmeldingModel(a).create(on: conn)
        for var c in consents { c.clientID = clientID; try await ConsentModel(c).create(on: conn) }
        try await joinCareTeam(CareTeamMember(clientID: clientID, userID: by.user.id, organisationID: by.organisation.id,
                                              basis: .registered, addedAt: by.at), on: conn)
    }

    static func joinCareTeam(_ m: CareTeamMember, on conn: any Database) async throws {
        let already = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == m.clientID).filter(\.$userID == m.userID)
            .filter(\.$organisationID == m.organisationID).filter(\.$endedAt == nil).first()
        if already == nil { try await CareTeamMemberModel(m).create(on: conn) }
    }

    func possibleDuplicates(of key: PersonKey, by: Accessor) async throws -> [DuplicateHit] {
        try await gate.write(db) { conn in
            var candidates: [ClientModel] = []
            if let bsn = key.bsn { candidates += try await ClientModel.query(on: conn).filter(\.$bsn == bsn.value).all() }
            candidates += try await ClientModel.query(on: conn).filter(\.$nameKey == DuplicateCheck.normalisedName(key.name))
                .filter(\.$dateOfBirth == key.dateOfBirth.iso).all()
            var hits: [DuplicateHit] = []
            for c in candidates where !hits.contains(where: { $0.clientID == c.id! }) {
                guard let match = DuplicateCheck.match(key, c.domain.personKey) else { continue }
                let team = try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == c.id!).all().map(\.domain)
                let member: Bool = if case .allowed = ClientAccessPolicy.decide(user: by.user, careTeam: team, at: by.at) { true } else { false }
                hits.append(DuplicateHit(clientID: c.id!, match: match, inCareTeam: member))
                // The client's access list shows that someone checked for this person.
                try await FluentAuditLog.append(Self.audit(by, .read, "duplicate_check", c.id!.uuidString, role: ClientAccessPolicy.careRole(of: by.user),
                                                           basis: .careRelationship, clientID: c.id!, detail: "\(match)"), on: conn)
            }
            return hits
        }
    }

    // MARK: reading

    func myClients(by: Accessor) async throws -> [ClientSummary] {
        try await gate.write(db) { conn in
            let memberships = try await CareTeamMemberModel.query(on: conn).filter(\.$userID == by.user.id)
                .filter(\.$organisationID == by.organisation.id).all().map(\.domain).filter { $0.isActive(at: by.at) }
            let ids = Array(Set(memberships.map(\.clientID)))
            guard let role = ClientAccessPolicy.careRole(of: by.user), by.user.isActive, !ids.isEmpty else { return [] }
            let clients = try await ClientModel.query(on: conn).filter(\.$id ~~ ids).all()
            let aanmeldingen = Dictionary(grouping: try await AanmeldingModel.query(on: conn).filter(\.$clientID ~~ ids).all(), by: \.clientID)
            let list = clients.map { c in
                ClientSummary(client: c.domain, latestAanmelding: aanmeldingen[c.id!]?.max { $0.receivedAt < $1.receivedAt }?.domain)
            }.sorted { ($0.latestAanmelding?.receivedAt ?? .distantPast) > ($1.latestAanmelding?.receivedAt ?? .distantPast) }
            for s in list {
                try await FluentAuditLog.append(Self.audit(by, .read, "client_list", s.client.id.uuidString, role: role,
                                                           basis: .careRelationship, clientID: s.client.id), on: conn)
            }
            return list
        }
    }

    func record(_ clientID: UUID, by: Accessor, action: AuditAction) async throws -> ClientRecord {
        try await guarded(clientID, by, action, "client") { conn in
            guard let client = try await ClientModel.find(clientID, on: conn) else { throw DomainError.notFound }
            let aanmeldingen = try await AanmeldingModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$receivedAt, .descending).all()
            let contacts = aanmeldingen.isEmpty ? [] : try await ContactMomentModel.query(on: conn)
                .filter(\.$aanmeldingID ~~ aanmeldingen.map { $0.id! }).sort(\.$at, .descending).all()
            return ClientRecord(
                client: client.domain, aanmeldingen: aanmeldingen.map(\.domain), contacts: contacts.map(\.domain),
                consents: try await ConsentModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$givenAt).all().map(\.domain),
                careTeam: try await CareTeamMemberModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$addedAt).all().map(\.domain),
                appointments: try await VGAppointmentModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$plannedFor, .descending).all().map(\.domain),
                conversations: try await Self.conversations(clientID, on: conn),
                plans: try await Self.plans(clientID, on: conn),
                handovers: try await HandoverModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$requestedAt, .descending).all().map(\.domain),
                feedbackInvitations: try await FeedbackInvitationModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$createdAt, .descending).all().map(\.domain))
        }
    }

    func accessLog(_ clientID: UUID, by: Accessor) async throws -> [AuditEvent] {
        try await guarded(clientID, by, .read, "access_log") { conn in
            try await AuditEventModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$sequence, .descending).all()
                .map(FluentAuditLog.event)
        }
    }

    // MARK: changing

    func logContact(_ contact: ContactMoment, clientID: UUID, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "contact_moment", objectID: contact.id.uuidString) { conn in
            guard let a = try await AanmeldingModel.find(contact.aanmeldingID, on: conn), a.clientID == clientID else { throw DomainError.notFound }
            try await ContactMomentModel(contact).create(on: conn)
            // The first time the client is reached is the "first contact" of the registration.
            if contact.reached && (a.firstContactAt == nil || contact.at < a.firstContactAt!) {
                a.firstContactAt = contact.at
                try await a.save(on: conn)
            }
        }
    }

    func addColleague(_ userID: UUID, clientID: UUID, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "care_team", objectID: userID.uuidString) { conn in
            let colleague = try await FluentUserRepository(db: conn, gate: gate).find(id: userID)
            guard let colleague, colleague.isActive, colleague.organisationID == by.organisation.id,
                  ClientAccessPolicy.careRole(of: colleague) != nil else { throw DomainError.notFound }
            try await Self.joinCareTeam(CareTeamMember(clientID: clientID, userID: userID, organisationID: by.organisation.id,
                                                       basis: .colleague, addedAt: by.at), on: conn)
        }
    }

    func recordConsent(_ consent: Consent, by: Accessor) async throws {
        try await guarded(consent.clientID, by, .update, "consent", objectID: consent.id.uuidString,
                          detail: "\(consent.purpose.rawValue) → \(consent.organisationID)") { conn in
            try await ConsentModel(consent).create(on: conn)
        }
    }

    func revokeConsent(_ consentID: UUID, clientID: UUID, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "consent", objectID: consentID.uuidString, detail: "revoked") { conn in
            guard let c = try await ConsentModel.find(consentID, on: conn), c.clientID == clientID, c.revokedAt == nil else { throw DomainError.notFound }
            c.revokedAt = by.at; c.revokedBy = by.user.id
            try await c.save(on: conn)
        }
    }

    // MARK: planning

    func bookVG(_ a: VGAppointment, by: Accessor) async throws {
        try await guarded(a.clientID, by, .create, "vg_appointment", objectID: a.id.uuidString) { conn in
            guard let aanmelding = try await AanmeldingModel.find(a.aanmeldingID, on: conn), aanmelding.clientID == a.clientID else {
                throw DomainError.notFound
            }
            let users = FluentUserRepository(db: conn, gate: gate)
            guard let ggz = try await users.find(id: a.ggzUserID), let sociaal = try await users.find(id: a.sociaalDomeinUserID),
                  ggz.roles.contains(where: { $0.duoSide == .ggz }), sociaal.roles.contains(where: { $0.duoSide == .sociaalDomein }) else {
                throw DomainError.notFound
            }
            // The legal basis for the duo to see the client: consent for the verkennend gesprek.
            let consents = try await ConsentModel.query(on: conn).filter(\.$clientID == a.clientID).all().map(\.domain)
            for org in [ggz.organisationID, sociaal.organisationID]
            where !ConsentPolicy.covers(consents, purpose: .verkennendGesprek, organisationID: org, at: by.at) {
                throw DomainError.conflict("consent:\(org.uuidString)")
            }
            // Still free? Someone may have booked the same duo a moment ago.
            for user in [a.ggzUserID, a.sociaalDomeinUserID] {
                let clash = try await VGAppointmentModel.query(on: conn)
                    .group(.or) { $0.filter(\.$ggzUserID == user).filter(\.$sociaalUserID == user) }
                    .filter(\.$cancelledAt == nil).filter(\.$plannedFor < a.end).filter(\.$end > a.plannedFor).first()
                if clash != nil { throw DomainError.conflict("slot_taken") }
                let covered = try await AvailabilityModel.query(on: conn).filter(\.$userID == user)
                    .filter(\.$start <= a.plannedFor).filter(\.$end >= a.end).first()
                if covered == nil { throw DomainError.conflict("slot_taken") }
            }
            try await VGAppointmentModel(a).create(on: conn)
            for u in [ggz, sociaal] {
                try await Self.joinCareTeam(CareTeamMember(clientID: a.clientID, userID: u.id, organisationID: u.organisationID,
                                                           basis: .duo, addedAt: by.at), on: conn)
            }
        }
    }

    func markVGHeld(_ appointmentID: UUID, clientID: UUID, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "vg_appointment", objectID: appointmentID.uuidString, detail: "held") { conn in
            guard let a = try await VGAppointmentModel.find(appointmentID, on: conn), a.clientID == clientID,
                  a.cancelledAt == nil, a.heldAt == nil else { throw DomainError.notFound }
            // A conversation is held at or after its start; recording it early is a mistake, not a fact.
            guard by.at >= a.plannedFor else { throw DomainError.conflict("not_yet") }
            a.heldAt = by.at
            try await a.save(on: conn)
            // The client's invitation to say how the conversation was, made with the fact it is about.
            try await FluentFeedback.inviteAfterConversation(a, at: by.at, on: conn)
        }
    }

    func cancelVG(_ appointmentID: UUID, clientID: UUID, reason: String, by: Accessor) async throws {
        try await guarded(clientID, by, .update, "vg_appointment", objectID: appointmentID.uuidString, detail: "cancelled") { conn in
            guard let a = try await VGAppointmentModel.find(appointmentID, on: conn), a.clientID == clientID,
                  a.cancelledAt == nil, a.heldAt == nil else { throw DomainError.notFound }
            a.cancelledAt = by.at; a.cancelReason = reason
            try await a.save(on: conn)
        }
    }

    // MARK: conversation

    static func conversations(_ clientID: UUID, on conn: any Database) async throws -> [VGRecord] {
        let records = try await VGRecordModel.query(on: conn).filter(\.$clientID == clientID).sort(\.$recordedAt, .descending).all()
        guard !records.isEmpty else { return [] }
        let answers = Dictionary(grouping: try await InstrumentAnswerModel.query(on: conn).filter(\.$recordID ~~ records.map { $0.id! }).all(), by: \.recordID)
        return records.map { $0.domain(answers: answers[$0.id!] ?? []) }
    }

    func recordConversation(_ r: VGRecord, by: Accessor) async throws {
        try await guarded(r.clientID, by, .create, "vg_record", objectID: r.id.uuidString) { conn in
            guard let a = try await VGAppointmentModel.find(r.appointmentID, on: conn), a.clientID == r.clientID, a.heldAt != nil else {
                throw DomainError.notFound
            }
            if try await VGRecordModel.query(on: conn).filter(\.$appointmentID == r.appointmentID).first() != nil {
                throw DomainError.conflict("recorded")
            }
            try await VGRecordModel(r).create(on: conn)
            for response in r.responses {
                for (link, value) in response.answers {
                    let m = InstrumentAnswerModel()
                    m.recordID = r.id; m.instrumentURL = response.instrumentURL; m.instrumentVersion = response.instrumentVersion
                    m.linkID = link; m.value = value
                    try await m.create(on: conn)
                }
            }
        }
    }
}
