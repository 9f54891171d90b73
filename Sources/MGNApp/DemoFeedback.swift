import Demo
import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The demo region's voice: clients answering about half of their invitations (the follow-ups made by
/// the same schedule the server runs, week by week through the simulated year), four quarterly staff
/// pulses, and the network's four samenwerkingsafspraken. Answers go in through the public form's
/// repository and the pulse's anonymous path; scores drift upward as the network matures.
struct DemoFeedback {
    let app: Application
    let repos: Repositories
    let now: Date
    var rng = SeededGenerator(seed: 77)
    let wd = WorkingDays()

    init(app: Application, now: Date) { self.app = app; self.repos = app.repositories; self.now = now }

    /// 0 a year ago → 1 now.
    func maturity(_ t: Date) -> Double { max(0, min(1, 1 - now.timeIntervalSince(t) / (365 * 86400))) }

    mutating func score(_ range: ClosedRange<Int>, lift: Double) -> Int {
        let v = Double(Int.random(in: range, using: &rng)) + lift + Double.random(in: -1...1, using: &rng)
        return min(range.upperBound, max(range.lowerBound, Int(v.rounded())))
    }

    mutating func run() async throws {
        // Follow-ups as the background work would have made them, one simulated week at a time.
        var t = now.addingTimeInterval(-365 * 86400)
        while t < now {
            _ = try await repos.feedback.runSchedule(now: t, schedule: FeedbackSchedule())
            t = t.addingTimeInterval(7 * 86400)
        }
        let q = app.web.questionnaires
        for invitation in try await SeedSupport.feedbackInvitations(on: app.db) {
            // About half answer, a few days after the invitation.
            guard Double.random(in: 0..<1, using: &rng) < 0.5 else { continue }
            let at = invitation.createdAt.addingTimeInterval(Double.random(in: 3600...(12 * 86400), using: &rng))
            guard at < now, at < invitation.expiresAt else { continue }
            let lift = maturity(at) * 1.2
            var answers: [QuestionnaireAnswer] = []
            if invitation.kind == .conversation {
                answers.append(QuestionnaireAnswer(linkId: "rapportcijfer", integer: score(6...9, lift: lift)))
                for item in ["relatie", "doelen", "aanpak", "algemeen"] where Double.random(in: 0..<1, using: &rng) < 0.95 {
                    answers.append(QuestionnaireAnswer(linkId: item, integer: score(5...10, lift: lift)))
                }
            } else {
                let r = Double.random(in: 0..<1, using: &rng) - lift * 0.1
                answers.append(QuestionnaireAnswer(linkId: "hulpvraag_beantwoord", text: r < 0.5 ? "ja" : r < 0.82 ? "deels" : "nee"))
                for route in ["sociaal_domein", "huisartsenzorg", "basis_ggz", "zelfhulp"] where Double.random(in: 0..<1, using: &rng) < 0.35 {
                    answers.append(QuestionnaireAnswer(linkId: "routes", text: route))
                }
                answers.append(QuestionnaireAnswer(linkId: "welzijn", integer: score(3...8, lift: lift)))
                answers.append(QuestionnaireAnswer(linkId: "meedoen", integer: score(3...8, lift: lift)))
            }
            try await repos.feedback.submit(token: invitation.token, questionnaire: q.current(invitation.kind), answers: answers, at: at)
        }
        try await pulses()
        try await agreements()
    }

    /// The last four rounds, each answered by about seven in ten professionals.
    mutating func pulses() async throws {
        let calendar = PulseCalendar()
        var rounds: [PulseRound] = []
        var t = now
        while rounds.count < 4 {
            let r = calendar.round(containing: t)
            if r.closesAt <= now, !rounds.contains(r) { rounds.append(r) }
            t = wd.calendar.date(byAdding: .month, value: -1, to: t)!
        }
        let people = try await repos.users.list(organisationIDs: nil).filter { $0.isActive && $0.roles.contains { $0.isCareProfessional } }
        let orgs = Dictionary(uniqueKeysWithValues: try await repos.organisations.all().map { ($0.id, $0) })
        for round in rounds.reversed() {
            _ = try await repos.pulse.ensureRound(round, now: round.opensAt, invite: false)
            let lift = maturity(round.opensAt)
            for person in people where Double.random(in: 0..<1, using: &rng) < 0.7 {
                guard let org = orgs[person.organisationID] else { continue }
                let partners = try await repos.pulse.partners(of: person, from: round.opensAt.addingTimeInterval(-92 * 86400), to: round.opensAt)
                var ratings: [UUID: Int] = [:]
                for p in partners where Double.random(in: 0..<1, using: &rng) < 0.8 { ratings[p.id] = score(5...9, lift: lift) }
                let answer = PulseAnswer(vitality: score(2...5, lift: lift), dedication: score(3...6, lift: lift), absorption: score(2...5, lift: lift * 0.5),
                                         recommend: score(4...9, lift: lift * 1.5), rightPlace: score(5...9, lift: lift * 1.5), partnerRatings: ratings,
                                         freeText: Double.random(in: 0..<1, using: &rng) < 0.15 ? DemoPeople.pulseRemarks.randomElement(using: &rng) : nil)
                let at = round.opensAt.addingTimeInterval(Double.random(in: 3600...(14 * 86400), using: &rng))
                try await repos.pulse.submit(answer, roundID: round.id, by: Accessor(user: person, organisation: org, sourceAddress: "demo", at: at))
            }
        }
    }

    /// Four agreements; the handover answer norm was tightened half-way through the year.
    func agreements() async throws {
        guard let coordinator = try await repos.users.credentials(email: "coordinator@veenhaven.demo")?.user else { return }
        let cal = wd.calendar
        let yearAgo = DateOnly(cal.date(byAdding: .month, value: -12, to: now)!, calendar: cal)
        let halfYear = DateOnly(cal.date(byAdding: .month, value: -6, to: now)!, calendar: cal)
        let first = DateOnly(year: yearAgo.year, month: yearAgo.month, day: 1)!
        let change = DateOnly(year: halfYear.year, month: halfYear.month, day: 1)!
        let types = { (t: [OrganisationType]) in t.map(AgreementParty.organisationType) }
        let list = [
            Agreement(id: DemoRegion.id("agreement:overdracht"), title: "Overdrachten binnen het netwerk", parties: types([.huisartsenpraktijk, .sociaalWijkteam, .ggzAanbieder, .steuncentrum]),
                      effectiveFrom: first, norms: [NormVersion(kind: .handoverResponse, limit: 5, validFrom: first), NormVersion(kind: .handoverResponse, limit: 3, validFrom: change),
                                                    NormVersion(kind: .firstContact, limit: 10, validFrom: first)], createdAt: now, createdBy: coordinator.id),
            Agreement(id: DemoRegion.id("agreement:advies"), title: "Adviesbrief na het verkennend gesprek", parties: types([.huisartsenpraktijk, .ggzAanbieder, .sociaalWijkteam]),
                      effectiveFrom: first, norms: [NormVersion(kind: .adviceLetter, limit: 2, validFrom: first)], createdAt: now, createdBy: coordinator.id),
            Agreement(id: DemoRegion.id("agreement:terugrapportage"), title: "GGZ rapporteert aan de huisarts", parties: types([.ggzAanbieder, .huisartsenpraktijk]),
                      effectiveFrom: first, norms: [NormVersion(kind: .intakeReport, limit: 5, validFrom: first), NormVersion(kind: .closingReport, limit: 10, validFrom: first),
                                                    NormVersion(kind: .backReferralLetter, limit: nil, validFrom: first)], createdAt: now, createdBy: coordinator.id),
            Agreement(id: DemoRegion.id("agreement:casuistiek"), title: "Advies van de casuïstiektafel binnen vier weken",
                      parties: types([.huisartsenpraktijk, .sociaalWijkteam, .ggzAanbieder, .steuncentrum, .netwerkbureau]),
                      effectiveFrom: first, norms: [NormVersion(kind: .caseAdvice, limit: 28, validFrom: first)], createdAt: now, createdBy: coordinator.id),
        ]
        for a in list {
            try await repos.agreements.save(a, audit: AuditEvent(at: now, userID: coordinator.id, organisationID: coordinator.organisationID, role: .regiocoordinator,
                                                                  action: .create, objectType: "agreement", objectID: a.id.uuidString, sourceAddress: "mgn demo",
                                                                  basis: .administration, detail: "demo region"))
        }
    }
}
