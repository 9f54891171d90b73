import Domain
import Fluent
import Foundation
import SQLKit

/// The staff pulse. Participation and answers live in separate tables with nothing to join them:
/// answers carry the organisation and the scores only, and each new answer rewrites the round's answer
/// rows in a random order with fresh random ids, so neither order, id nor a system column (rowid, ctid,
/// xmin) points to the transaction that also wrote a participation row.
struct FluentPulse: PulseRepository {
    let db: any Database
    let gate: WriteGate

    /// Everyone asked: active professionals who work with clients.
    static func invitees(on conn: any Database, gate: WriteGate) async throws -> [User] {
        try await FluentUserRepository(db: conn, gate: gate).list(organisationIDs: nil)
            .filter { $0.isActive && $0.roles.contains { $0.isCareProfessional } }
    }

    func ensureRound(_ round: PulseRound, now: Date, invite: Bool) async throws -> Bool {
        if try await PulseRoundModel.find(round.id, on: db) != nil { return false }
        do {
            try await gate.write(db) { conn in
                let people = try await Self.invitees(on: conn, gate: gate)
                let m = PulseRoundModel()
                m.id = round.id; m.label = round.label; m.periodStart = round.periodStart.iso; m.opensAt = round.opensAt
                m.closesAt = round.closesAt; m.invited = people.count
                try await mapConflicts("round") { try await m.create(on: conn) }
                let until = DateOnly(round.closesAt.addingTimeInterval(-1), calendar: FluentFeedback.calendar).written()
                for p in people where invite {
                    try await FluentOutbox.enqueue(OutboxMessage(kind: .pulseInvitation, recipient: p.email, locale: p.preferredLocale ?? .nl,
                                                                 parameters: ["round": round.label, "expires": until], createdAt: now), on: conn)
                }
            }
            return true
        } catch DomainError.conflict { return false }  // another instance made it a moment ago
    }

    func rounds() async throws -> [PulseRound] {
        try await PulseRoundModel.query(on: db).sort(\.$opensAt, .descending).all().map(\.domain)
    }

    func round(id: UUID) async throws -> PulseRound? { try await PulseRoundModel.find(id, on: db)?.domain }

    func hasAnswered(roundID: UUID, userID: UUID) async throws -> Bool {
        try await (db as! any SQLDatabase).select().column("user_id").from("pulse_participation")
            .where("round_id", .equal, SQLBind(roundID)).where("user_id", .equal, SQLBind(userID)).first() != nil
    }

    func partners(of user: User, from: Date, to: Date) async throws -> [Organisation] {
        let org = user.organisationID
        var ids = Set<UUID>()
        let handovers = try await HandoverModel.query(on: db).group(.or) { $0.filter(\.$fromOrganisationID == org).filter(\.$toOrganisationID == org) }
            .filter(\.$requestedAt >= from).filter(\.$requestedAt < to).all()
        for h in handovers { ids.insert(h.fromOrganisationID); ids.insert(h.toOrganisationID) }
        let duos = try await VGAppointmentModel.query(on: db).group(.or) { $0.filter(\.$ggzUserID == user.id).filter(\.$sociaalUserID == user.id) }
            .filter(\.$plannedFor >= from).filter(\.$plannedFor < to).all()
        let others = Set(duos.flatMap { [$0.ggzUserID, $0.sociaalUserID] }).subtracting([user.id])
        if !others.isEmpty { for u in try await UserModel.query(on: db).filter(\.$id ~~ Array(others)).all() { ids.insert(u.organisationID) } }
        ids.remove(org)
        return try await FluentOrganisationRepository(db: db, gate: gate).all().filter { ids.contains($0.id) }.sorted { $0.name < $1.name }
    }

    func submit(_ answer: PulseAnswer, roundID: UUID, by: Accessor) async throws {
        try await gate.write(db) { conn in
            let sql = conn as! any SQLDatabase
            // One answer at a time per round: the rewrite below must see every earlier answer.
            if sql.dialect.name != "sqlite" {
                try await sql.raw("SELECT id FROM pulse_rounds WHERE id = \(bind: roundID) FOR UPDATE").run()
            }
            guard let round = try await PulseRoundModel.find(roundID, on: conn)?.domain else { throw DomainError.notFound }
            guard round.isOpen(at: by.at) else { throw DomainError.conflict("closed") }
            try await mapConflicts("answered") {
                try await sql.insert(into: "pulse_participation").columns("round_id", "user_id").values(SQLBind(roundID), SQLBind(by.user.id)).run()
            }
            var answers = try await PulseAnswerModel.query(on: conn).filter(\.$roundID == roundID).all()
            let new = PulseAnswerModel()
            new.roundID = roundID; new.organisationID = by.organisation.id; new.vitality = answer.vitality; new.dedication = answer.dedication
            new.absorption = answer.absorption; new.recommend = answer.recommend; new.rightPlace = answer.rightPlace; new.freeText = answer.freeText
            answers.append(new)
            var ratings = try await PulsePartnerRatingModel.query(on: conn).filter(\.$roundID == roundID).all()
            for (partner, score) in answer.partnerRatings where partner != by.organisation.id {
                let r = PulsePartnerRatingModel(); r.roundID = roundID; r.partnerOrganisationID = partner; r.score = score
                ratings.append(r)
            }
            try await PulseAnswerModel.query(on: conn).filter(\.$roundID == roundID).delete()
            try await PulsePartnerRatingModel.query(on: conn).filter(\.$roundID == roundID).delete()
            for a in answers.shuffled() {
                let copy = PulseAnswerModel()
                copy.id = UUID(); copy.roundID = a.roundID; copy.organisationID = a.organisationID; copy.vitality = a.vitality
                copy.dedication = a.dedication; copy.absorption = a.absorption; copy.recommend = a.recommend; copy.rightPlace = a.rightPlace
                copy.freeText = a.freeText
                try await copy.create(on: conn)
            }
            for r in ratings.shuffled() {
                let copy = PulsePartnerRatingModel()
                copy.id = UUID(); copy.roundID = r.roundID; copy.partnerOrganisationID = r.partnerOrganisationID; copy.score = r.score
                try await copy.create(on: conn)
            }
        }
    }

    func results(roundID: UUID) async throws -> PulseResults? {
        guard let round = try await PulseRoundModel.find(roundID, on: db) else { return nil }
        let answered = try await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("pulse_participation").where("round_id", .equal, SQLBind(roundID)).first()?.decode(column: "n", as: Int.self) ?? 0
        var byOrganisation: [UUID: PulseSums] = [:], texts: [UUID: [String]] = [:]
        for a in try await PulseAnswerModel.query(on: db).filter(\.$roundID == roundID).all() {
            var s = byOrganisation[a.organisationID] ?? PulseSums()
            let e = a.vitality + a.dedication + a.absorption
            s.count += 1; s.engagement += e; s.rightPlace += a.rightPlace
            s.engagementSquares += e * e; s.rightPlaceSquares += a.rightPlace * a.rightPlace
            if a.recommend >= 9 { s.promoters += 1 } else if a.recommend <= 6 { s.detractors += 1 }
            byOrganisation[a.organisationID] = s
            if let t = a.freeText { texts[a.organisationID, default: []].append(t) }
        }
        var ratings: [UUID: (count: Int, sum: Int)] = [:]
        for r in try await PulsePartnerRatingModel.query(on: db).filter(\.$roundID == roundID).all() {
            let old = ratings[r.partnerOrganisationID] ?? (0, 0)
            ratings[r.partnerOrganisationID] = (old.count + 1, old.sum + r.score)
        }
        return PulseResults(round: round.domain, invited: round.invited, answered: answered, byOrganisation: byOrganisation,
                            partnerRatings: ratings, freeTexts: texts.mapValues { $0.sorted() })
    }
}
