import Domain
import Fluent
import Foundation
import SQLKit

/// Agreements with their parties and norm versions, and the norm items read from the timestamps the
/// workflow records (handovers, conversations, plans, casuïstiektafel cases).
struct FluentAgreements: AgreementRepository {
    let db: any Database
    let gate: WriteGate

    func all() async throws -> [Agreement] {
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
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func items(from: Date, to: Date) async throws -> [NormItem] {
        var items: [NormItem] = []
        let orgTypes = Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: db).all().map { ($0.id!, $0.type) })
        // Handovers: the answer, first contact, the two GGZ reports, and a back-referral's letter.
        for h in try await HandoverModel.query(on: db).filter(\.$requestedAt >= from).filter(\.$requestedAt < to).all() {
            let id = h.id!, to = h.toOrganisationID, sender = h.fromOrganisationID
            let answer = h.acceptedAt ?? h.rejectedAt
            // A request withdrawn before any answer was never the receiver's to miss.
            if answer != nil || h.cancelledAt == nil {
                items.append(NormItem(id: id, kind: .handoverResponse, responsibleOrganisationID: to, counterpartOrganisationID: sender,
                                      start: h.requestedAt, end: answer))
            }
            if let accepted = h.acceptedAt, h.firstContactAt != nil || h.cancelledAt == nil {
                items.append(NormItem(id: id, kind: .firstContact, responsibleOrganisationID: to, counterpartOrganisationID: sender,
                                      start: accepted, end: h.firstContactAt))
            }
            if let intake = h.intakeAt {
                items.append(NormItem(id: id, kind: .intakeReport, responsibleOrganisationID: to, counterpartOrganisationID: sender,
                                      start: intake, end: h.intakeReportAt))
            }
            if let completed = h.completedAt, orgTypes[to] == "ggz_aanbieder" {
                items.append(NormItem(id: id, kind: .closingReport, responsibleOrganisationID: to, counterpartOrganisationID: sender,
                                      start: completed, end: h.closingReportAt))
            }
            if h.kind == HandoverKind.terugverwijzing.rawValue {
                let hasLetter = !(h.letter ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                items.append(NormItem(id: id, kind: .backReferralLetter, responsibleOrganisationID: sender, counterpartOrganisationID: to,
                                      start: h.requestedAt, end: h.requestedAt, satisfied: hasLetter))
            }
        }
        // Conversations held → the advice reached the GP (the plan of the same aanmelding).
        let held = try await VGAppointmentModel.query(on: db).filter(\.$heldAt >= from).filter(\.$heldAt < to).all()
        if !held.isEmpty {
            let aanmeldingen = Array(Set(held.map(\.aanmeldingID)))
            var plans: [UUID: ActionPlanModel] = [:], referrers: [UUID: UUID] = [:]
            for chunk in stride(from: 0, to: aanmeldingen.count, by: 500).map({ Array(aanmeldingen[$0..<min($0 + 500, aanmeldingen.count)]) }) {
                for p in try await ActionPlanModel.query(on: db).filter(\.$aanmeldingID ~~ chunk).all() { plans[p.aanmeldingID] = p }
                for a in try await AanmeldingModel.query(on: db).filter(\.$id ~~ chunk).all() { referrers[a.id!] = a.referrerOrganisationID }
            }
            let users = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).all().map { ($0.id!, $0.organisationID) })
            for a in held {
                guard let heldAt = a.heldAt, let org = users[a.ggzUserID] else { continue }
                items.append(NormItem(id: a.id!, kind: .adviceLetter, responsibleOrganisationID: org, counterpartOrganisationID: referrers[a.aanmeldingID],
                                      start: heldAt, end: plans[a.aanmeldingID]?.adviceToGPAt))
            }
        }
        // Casuïstiektafel cases → advice, the chair's organisation answering for the table.
        let chairs = Dictionary(uniqueKeysWithValues: try await CaseTableModel.query(on: db).all().map { ($0.id!, $0.chairUserID) })
        let chairOrgs = Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ Array(Set(chairs.values))).all().map { ($0.id!, $0.organisationID) })
        for c in try await TableCaseModel.query(on: db).filter(\.$submittedAt >= from).filter(\.$submittedAt < to).all() {
            guard let chair = chairs[c.tableID], let org = chairOrgs[chair] else { continue }
            if c.adviceAt == nil && c.withdrawnAt != nil { continue }  // withdrawn before advice: nothing to measure
            items.append(NormItem(id: c.id!, kind: .caseAdvice, responsibleOrganisationID: org, start: c.submittedAt, end: c.adviceAt))
        }
        return items
    }
}
