import Domain
import Fluent
import Foundation
import SQLKit

/// Agreements with their parties and norm versions, and the norm items read from the timestamps the
/// workflow records (handovers, conversations, plans, casuïstiektafel cases).
struct FluentAgreements: AgreementRepository {
    let db: any Database
    let gate: WriteGate

    func all() async throws -> [Agreement] { try await Self.all(on: db) }

    static func all(on db: any Database) async throws -> [Agreement] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().columns("id", "title", "effective_from", "ended_on", "created_at", "created_by").from("agreements").all()
        let parties = try await sql.select().columns("agreement_id", "party").from("agreement_parties").all()
        let norms = try await sql.select().columns("agreement_id", "kind", "limit_value", "valid_from").from("agreement_norms").all()
        var partiesBy: [UUID: [AgreementParty]] = [:], normsBy: [UUID: [NormVersion]] = [:]
        for p in parties {
            if let party = AgreementParty(stored: try p.decode(column: "party", as: String.self)) {
                partiesBy[try p.decode(column: "agreement_id", as: UUID.self), default: []].append(party)
            }
        }
        for n in norms {
            guard let kind = NormKind(rawValue: try n.decode(column: "kind", as: String.self)),
                  let from = DateOnly(try n.decode(column: "valid_from", as: String.self)) else { continue }
            normsBy[try n.decode(column: "agreement_id", as: UUID.self), default: []]
                .append(NormVersion(kind: kind, limit: try n.decode(column: "limit_value", as: Int?.self), validFrom: from))
        }
        return try rows.compactMap { r -> Agreement? in
            let id = try r.decode(column: "id", as: UUID.self)
            guard let from = DateOnly(try r.decode(column: "effective_from", as: String.self)) else { return nil }
            return Agreement(id: id, title: try r.decode(column: "title", as: String.self), parties: (partiesBy[id] ?? []).sorted { $0.stored < $1.stored },
                             effectiveFrom: from, norms: (normsBy[id] ?? []).sorted { ($0.validFrom, $0.kind.rawValue) < ($1.validFrom, $1.kind.rawValue) },
                             createdAt: try r.decode(column: "created_at", as: Date.self), createdBy: try r.decode(column: "created_by", as: UUID.self),
                             endedOn: try r.decode(column: "ended_on", as: String?.self).flatMap { DateOnly($0) })
        }.sorted { ($0.effectiveFrom, $0.title) < ($1.effectiveFrom, $1.title) }
    }

    func find(id: UUID) async throws -> Agreement? { try await all().first { $0.id == id } }

    func save(_ a: Agreement, audit: AuditEvent) async throws {
        guard a.validate().isEmpty else { throw DomainError.conflict("invalid") }
        try await gate.write(db) { conn in
            let sql = conn as! any SQLDatabase
            let exists = try await sql.select().column("id").from("agreements").where("id", .equal, SQLBind(a.id)).first() != nil
            if exists {
                try await sql.update("agreements").set("title", to: SQLBind(a.title)).set("effective_from", to: SQLBind(a.effectiveFrom.iso))
                    .set("ended_on", to: SQLBind(a.endedOn?.iso)).where("id", .equal, SQLBind(a.id)).run()
                try await sql.delete(from: "agreement_parties").where("agreement_id", .equal, SQLBind(a.id)).run()
                try await sql.delete(from: "agreement_norms").where("agreement_id", .equal, SQLBind(a.id)).run()
            } else {
                try await sql.insert(into: "agreements").columns("id", "title", "effective_from", "ended_on", "created_at", "created_by")
                    .values(SQLBind(a.id), SQLBind(a.title), SQLBind(a.effectiveFrom.iso), SQLBind(a.endedOn?.iso), SQLBind(a.createdAt), SQLBind(a.createdBy)).run()
            }
            for p in Set(a.parties) {
                try await sql.insert(into: "agreement_parties").columns("agreement_id", "party").values(SQLBind(a.id), SQLBind(p.stored)).run()
            }
            for n in a.norms {
                try await sql.insert(into: "agreement_norms").columns("id", "agreement_id", "kind", "limit_value", "valid_from", "created_at")
                    .values(SQLBind(UUID()), SQLBind(a.id), SQLBind(n.kind.rawValue), SQLBind(n.limit), SQLBind(n.validFrom.iso), SQLBind(audit.at)).run()
            }
            // The monitor's adherence follows the agreements as they are now, for every period.
            try await AdherenceMaintenance.rebuildCells(on: conn)
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func items(from: Date, to: Date) async throws -> [NormItem] {
        try await Self.items(from: from, to: to, on: db)
    }

    /// Every item that started in [from, to), built by `NormItems` from the records in bulk (a query per
    /// kind of record, not per client).
    static func items(from: Date, to: Date, on db: any Database) async throws -> [NormItem] {
        var items: [NormItem] = []
        let types = Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: db).all().compactMap { o in
            OrganisationType(rawValue: o.type).map { (o.id!, $0) }
        })
        let handovers = try await HandoverModel.query(on: db).filter(\.$requestedAt >= from).filter(\.$requestedAt < to).all().map(\.domain)
        // Intake and closing start later than the request: a handover requested before `from` can still have them.
        let later = try await HandoverModel.query(on: db).filter(\.$requestedAt < from).group(.or) {
            $0.filter(\.$acceptedAt >= from).filter(\.$intakeAt >= from).filter(\.$completedAt >= from)
        }.all().map(\.domain)
        let held = try await VGAppointmentModel.query(on: db).filter(\.$heldAt >= from).filter(\.$heldAt < to).all().map(\.domain)
        var wijken: [UUID: UUID] = [:]
        for chunk in Array(Set(handovers.map(\.clientID) + later.map(\.clientID) + held.map(\.clientID))).chunked(500) {
            for c in try await ClientModel.query(on: db).filter(\.$id ~~ Array(chunk)).all() { if let w = c.wijkID { wijken[c.id!] = w } }
        }
        for h in handovers + later {
            items += NormItems.of(h, wijkID: wijken[h.clientID], types: types).filter { $0.start >= from && $0.start < to }
        }
        // Conversations held → the advice reached the GP (the plan of the same aanmelding).
        if !held.isEmpty {
            let aanmeldingen = Array(Set(held.map(\.aanmeldingID)))
            var plans: [UUID: ActionPlanModel] = [:], referrers: [UUID: UUID] = [:]
            for chunk in aanmeldingen.chunked(500) {
                for p in try await ActionPlanModel.query(on: db).filter(\.$aanmeldingID ~~ Array(chunk)).all() { plans[p.aanmeldingID] = p }
                for a in try await AanmeldingModel.query(on: db).filter(\.$id ~~ Array(chunk)).all() { referrers[a.id!] = a.referrerOrganisationID }
            }
            let users = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).all().map { ($0.id!, $0.organisationID) })
            for a in held {
                if let item = NormItems.adviceLetter(a, responsible: users[a.ggzUserID], referrer: referrers[a.aanmeldingID],
                                                     adviceAt: plans[a.aanmeldingID]?.adviceToGPAt,
                                                     route: plans[a.aanmeldingID].flatMap { CareRoute(rawValue: $0.primaryRoute) },
                                                     wijkID: wijken[a.clientID]) { items.append(item) }
            }
        }
        // Casuïstiektafel cases → advice, the chair's organisation answering for the table.
        let chairs = try await caseChairOrganisations(on: db)
        for c in try await TableCaseModel.query(on: db).filter(\.$submittedAt >= from).filter(\.$submittedAt < to).all().map(\.domain) {
            if let item = NormItems.caseAdvice(c, chairOrganisation: chairs[c.tableID]) { items.append(item) }
        }
        return items
    }

    func clients(ofAppointments ids: [UUID], by: Accessor) async throws -> [UUID: UUID] {
        var clientOf: [UUID: UUID] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for a in try await VGAppointmentModel.query(on: db).filter(\.$id ~~ Array(chunk)).all() { clientOf[a.id!] = a.clientID }
        }
        var teams: [UUID: [CareTeamMember]] = [:]
        for chunk in Array(Set(clientOf.values)).chunked(500) {
            for m in try await CareTeamMemberModel.query(on: db).filter(\.$clientID ~~ Array(chunk)).all() { teams[m.clientID, default: []].append(m.domain) }
        }
        return clientOf.filter { _, client in
            if case .allowed = ClientAccessPolicy.decide(user: by.user, careTeam: teams[client] ?? [], at: by.at) { return true }
            return false
        }
    }

    /// Per casuïstiektafel, the organisation of its chair.
    static func caseChairOrganisations(on db: any Database) async throws -> [UUID: UUID] {
        let chairs = Dictionary(uniqueKeysWithValues: try await CaseTableModel.query(on: db).all().map { ($0.id!, $0.chairUserID) })
        let orgs = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ Array(Set(chairs.values))).all()
            .map { ($0.id!, $0.organisationID) })
        return chairs.compactMapValues { orgs[$0] }
    }
}
