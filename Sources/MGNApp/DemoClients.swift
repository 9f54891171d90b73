import Demo
import Domain
import Foundation
import Vapor

/// About 300 fictional clients spread over the last 12 months, in every state of the core workflow,
/// written through the same repositories and access path as the application (each step with the
/// accessor's time set to the simulated moment). Some wait longer than the norms, some handovers are
/// declined, some are internal referrals or back-referrals.
struct DemoClients {
    let repos: Repositories
    let now: Date
    let instruments: InstrumentCatalogue
    var rng = SeededGenerator(seed: 2026)
    let wd = WorkingDays()

    var users: [UUID: User] = [:]
    var orgs: [UUID: Domain.Organisation] = [:]
    var wijken: [Wijk] = []
    var teams: [UUID: [Team]] = [:]
    /// When each professional is next free, so booked conversations never overlap.
    var nextFree: [UUID: Date] = [:]

    init(repos: Repositories, now: Date, instruments: InstrumentCatalogue) {
        self.repos = repos; self.now = now; self.instruments = instruments
    }

    mutating func run(count: Int = 300) async throws {
        for u in try await repos.users.list(organisationIDs: nil) { users[u.id] = u }
        for o in try await repos.organisations.all() { orgs[o.id] = o; teams[o.id] = try await repos.organisations.teams(of: o.id) }
        wijken = try await repos.region.wijken()
        // Registration moments first, then simulate in time order so duo bookings follow each other.
        var starts: [Date] = []
        for _ in 0..<count {
            let ageDays = Double(365) * pow(Double.random(in: 0..<1, using: &rng), 0.8)
            var t = wd.calendar.date(bySettingHour: Int.random(in: 8...16, using: &rng), minute: Int.random(in: 0...59, using: &rng), second: 0,
                                     of: now.addingTimeInterval(-ageDays * 86400))!
            while !wd.isWorkingDay(t) { t = t.addingTimeInterval(86400) }
            starts.append(t)
        }
        for (i, t) in starts.sorted().enumerated() {
            do { try await client(i, registeredAt: t) } catch {
                // The generator obeys every rule; a refusal here is a bug in it or in a rule, so say which client.
                throw DemoError(client: i, underlying: error)
            }
        }
        try await publishAvailability()
        try await showcase()
    }

    func by(_ user: User, _ at: Date) -> Accessor { Accessor(user: user, organisation: orgs[user.organisationID]!, sourceAddress: "demo", at: at) }

    func serving(_ wijk: Wijk, _ types: Set<OrganisationType>) -> [Domain.Organisation] {
        orgs.values.filter { types.contains($0.type) && $0.wijkIDs.contains(wijk.id) }.sorted { $0.name < $1.name }
    }
    func people(_ org: Domain.Organisation, _ roles: Set<Role>) -> [User] {
        users.values.filter { $0.organisationID == org.id && !$0.roles.isDisjoint(with: roles) }.sorted { $0.email < $1.email }
    }

    /// A working-day moment during office hours, `days` working days after `date`.
    var reportRNG = SeededGenerator(seed: 7)

    /// A range of working days that shrinks from `early` (a year ago) to `late` (now).
    func improving(_ t: Date, early: ClosedRange<Int>, late: ClosedRange<Int>) -> ClosedRange<Int> {
        let f = max(0, min(1, 1 - now.timeIntervalSince(t) / (365 * 86400)))
        let lo = Int((Double(early.lowerBound) + (Double(late.lowerBound) - Double(early.lowerBound)) * f).rounded())
        let hi = Int((Double(early.upperBound) + (Double(late.upperBound) - Double(early.upperBound)) * f).rounded())
        return lo...max(lo, hi)
    }

    mutating func later(_ date: Date, workingDays days: Int) -> Date {
        let d = wd.adding(days, to: date)
        var c = wd.calendar.dateComponents([.year, .month, .day], from: d)
        c.hour = Int.random(in: 9...16, using: &rng); c.minute = [0, 15, 30, 45].randomElement(using: &rng)!
        let t = wd.calendar.date(from: c)!
        return max(t, date.addingTimeInterval(600))
    }

    /// One client's path from registration on, as far as the simulated time has come.
    /// Registrations grow through the year as the network gets known; the last weeks are still in progress.
    mutating func client(_ i: Int, registeredAt t: Date) async throws {
        guard t < now else { return }

        let wijk = wijken.randomElement(using: &rng)!
        guard let practice = serving(wijk, [.huisartsenpraktijk]).randomElement(using: &rng) else { return }
        let referrers = people(practice, [.huisarts, .pohGGZ])
        guard let referrer = referrers.randomElement(using: &rng) else { return }
        let wijkteam = serving(wijk, [.sociaalWijkteam]).first
        let ggzOrgs = serving(wijk, [.ggzAanbieder])

        let dob = DateOnly(year: 2026 - Int.random(in: 18...82, using: &rng), month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        let client = Client(regionID: wijk.regionID, name: DemoPeople.name(&rng), dateOfBirth: dob,
                            bsn: Bool.random(using: &rng) ? DemoPeople.bsn(&rng) : nil, postcode: wijk.postcodes.randomElement(using: &rng),
                            wijkID: wijk.id, phone: "06 \(Int.random(in: 10_000_000...99_999_999, using: &rng))", email: nil, createdAt: t)
        let aanmelding = Aanmelding(clientID: client.id, referrerUserID: referrer.id, referrerOrganisationID: practice.id,
                                    helpQuestion: DemoPeople.questions.randomElement(using: &rng)!,
                                    urgency: Int.random(in: 0..<10, using: &rng) == 0 ? .spoed : .regulier, receivedAt: t, completeAt: t)
        var vgOrgs = [practice.id] + ggzOrgs.map(\.id)
        if let wijkteam { vgOrgs.append(wijkteam.id) }
        let handoverOrgs = orgs.values.sorted { $0.name < $1.name }.filter { [.sociaalWijkteam, .ggzAanbieder, .steuncentrum, .huisartsenpraktijk].contains($0.type) && $0.wijkIDs.contains(wijk.id) }.map(\.id)
        let consents = vgOrgs.map { Consent(clientID: client.id, purpose: .verkennendGesprek, organisationID: $0, givenAt: t, recordedBy: referrer.id) }
            + handoverOrgs.map { Consent(clientID: client.id, purpose: .overdracht, organisationID: $0, givenAt: t, recordedBy: referrer.id) }
        do { try await repos.clients.register(client, aanmelding: aanmelding, consents: consents, by: by(referrer, t)) }
        catch DomainError.conflict { return }  // a generated BSN collided: skip this one

        // First contact: usually within days; sometimes a failed attempt first.
        // Sorted: dictionary order differs per process, and the demo must be the same every time.
        let (ggzSide, socialSide) = DuoCandidates.split(users: users.values.sorted { $0.email < $1.email },
                                                        organisations: orgs.values.sorted { $0.name < $1.name }, wijkID: wijk.id)
        guard let poh = ggzSide.first(where: { $0.organisationID == practice.id }) ?? ggzSide.randomElement(using: &rng),
              let sw = socialSide.randomElement(using: &rng) else { return }
        var contactAt = later(t, workingDays: Int.random(in: 0...4, using: &rng) + (Int.random(in: 0..<8, using: &rng) == 0 ? 6 : 0))
        guard contactAt < now else { return }
        if Bool.random(using: &rng) {
            try await repos.clients.logContact(ContactMoment(aanmeldingID: aanmelding.id, userID: referrer.id, at: contactAt, channel: .telefoon,
                                                             reached: false, note: "Voicemail ingesproken"), clientID: client.id, by: by(referrer, contactAt))
            contactAt = later(contactAt, workingDays: 1)
            guard contactAt < now else { return }
        }
        // The referrer reaches the client and books the duo; the duo joins the care team with the booking.
        try await repos.clients.logContact(ContactMoment(aanmeldingID: aanmelding.id, userID: referrer.id, at: contactAt, channel: .telefoon,
                                                         reached: true, note: "Afspraak voor verkennend gesprek besproken"), clientID: client.id, by: by(referrer, contactAt))

        // Plan the conversation: the earliest hour both are free after a few working days.
        let plannedAt = later(contactAt, workingDays: Int.random(in: 0...1, using: &rng))
        guard plannedAt < now else { return }
        var start = later(plannedAt, workingDays: Int.random(in: 2...12, using: &rng) + (Int.random(in: 0..<6, using: &rng) == 0 ? 12 : 0))
        start = max(start, nextFree[poh.id] ?? .distantPast, nextFree[sw.id] ?? .distantPast)
        let end = start.addingTimeInterval(3600)
        for u in [poh.id, sw.id] {
            try? await repos.planning.addWindow(AvailabilityWindow(userID: u, start: start, end: end))
            nextFree[u] = end
        }
        let appointment = VGAppointment(aanmeldingID: aanmelding.id, clientID: client.id, ggzUserID: poh.id, sociaalDomeinUserID: sw.id,
                                        plannedFor: start, end: end, plannedAt: plannedAt, plannedBy: referrer.id)
        do { try await repos.clients.bookVG(appointment, by: by(referrer, plannedAt)) } catch DomainError.conflict { return }
        guard start.addingTimeInterval(3600) < now else { return }
        if Int.random(in: 0..<20, using: &rng) == 0 {
            try await repos.clients.cancelVG(appointment.id, clientID: client.id, reason: "Inwoner afgemeld wegens ziekte", by: by(poh, start.addingTimeInterval(-3600 * 20)))
            return
        }
        let held = start.addingTimeInterval(3600)
        try await repos.clients.markVGHeld(appointment.id, clientID: client.id, by: by(poh, held))

        // The record of the conversation with the instruments.
        let responses = instruments.current.compactMap { inst -> InstrumentResponse? in
            var answers: [String: Int] = [:]
            for item in inst.items {
                switch item.kind {
                case .integer(let lo, let hi): answers[item.linkId] = Int.random(in: max(lo, (lo + hi) / 2 - 3)...min(hi, (lo + hi) / 2 + 2), using: &rng)
                case .boolean: answers[item.linkId] = Int.random(in: 0..<4, using: &rng) == 0 ? 1 : 0
                }
            }
            return InstrumentResponse(instrumentURL: inst.url, instrumentVersion: inst.version, answers: answers)
        }
        let recordedAt = held.addingTimeInterval(1800)
        guard recordedAt < now else { return }
        try await repos.clients.recordConversation(VGRecord(appointmentID: appointment.id, clientID: client.id, recordedAt: recordedAt, recordedBy: poh.id,
                                                            strengths: DemoPeople.strengths.randomElement(using: &rng)!,
                                                            whatMatters: DemoPeople.matters.randomElement(using: &rng)!,
                                                            reformulatedQuestion: aanmelding.helpQuestion,
                                                            peerExpertPresent: Int.random(in: 0..<5, using: &rng) == 0, responses: responses),
                                                   by: by(poh, recordedAt))
        if Int.random(in: 0..<25, using: &rng) == 0 { return }  // a recorded conversation whose plan is still to be made

        // The plan: about a quarter helped outside GGZ.
        let roll = Int.random(in: 0..<100, using: &rng)
        let primary: CareRoute = roll < 28 ? [.sociaalDomein, .zelfhulp, .steuncentrum, .huisartsenzorg].randomElement(using: &rng)!
            : (roll < 85 ? .basisGGZ : .specialistischeGGZ)
        let planAt = later(held, workingDays: Int.random(in: 0...1, using: &rng))
        guard planAt < now else { return }
        let plan = ActionPlan(clientID: client.id, aanmeldingID: aanmelding.id, createdAt: planAt, createdBy: poh.id, primaryRoute: primary,
                              adviceText: "Advies van het duo: \(CareRouteText.advice(primary)).")
        try await repos.plans.create(plan, by: by(poh, planAt))
        let goal = Goal(text: DemoPeople.matters.randomElement(using: &rng)!)
        try await repos.plans.addGoal(goal, planID: plan.id, clientID: client.id, by: by(poh, planAt))
        try await repos.plans.addAction(PlanAction(goalID: goal.id, route: .zelfhulp, organisationID: nil, teamID: nil, service: "",
                                                   description: "Dagstructuur en beweging bijhouden", ownerUserID: poh.id, due: nil, createdAt: planAt),
                                        planID: plan.id, clientID: client.id, request: "", letter: nil, by: by(poh, planAt))
        if Int.random(in: 0..<10, using: &rng) < 9 {
            let sharedAt = later(planAt, workingDays: Int.random(in: 0...3, using: &rng))
            if sharedAt < now { try await repos.plans.markShared(planID: plan.id, clientID: client.id, withClient: true, withGP: false, by: by(poh, sharedAt)) }
            // The network gets better at its agreements through the year (samenwerkingsafspraken demo).
            let adviceAt = later(planAt, workingDays: Int.random(in: improving(planAt, early: 0...6, late: 0...2), using: &rng))
            if adviceAt < now { try await repos.plans.markShared(planID: plan.id, clientID: client.id, withClient: false, withGP: true, by: by(poh, adviceAt)) }
        }

        // The handover that carries the primary route, followed through its states.
        let receiver: Domain.Organisation?
        switch primary {
        case .basisGGZ, .specialistischeGGZ: receiver = ggzOrgs.randomElement(using: &rng)
        case .sociaalDomein: receiver = wijkteam
        case .steuncentrum: receiver = serving(wijk, [.steuncentrum]).first
        default: receiver = nil
        }
        guard let receiver else { return }
        let team = primary == .specialistischeGGZ ? teams[receiver.id]?.first { $0.echelon == .specialistischeGGZ }
            : teams[receiver.id]?.first { $0.echelon == .basisGGZ }
        let sentAt = planAt.addingTimeInterval(600)
        let action = PlanAction(goalID: goal.id, route: primary, organisationID: receiver.id, teamID: team?.id, service: "",
                                description: CareRouteText.action(primary), ownerUserID: poh.id, due: nil, createdAt: sentAt)
        try await repos.plans.addAction(action, planID: plan.id, clientID: client.id, request: "Graag kennismaking en intake; zie het actieplan.",
                                        letter: nil, by: by(poh, sentAt))
        try await followHandover(clientID: client.id, receiver: receiver, team: team, sentAt: sentAt, sender: poh, plan: plan)
    }

    mutating func followHandover(clientID: UUID, receiver: Domain.Organisation, team: Team?, sentAt: Date, sender: User, plan: ActionPlan) async throws {
        let staff = people(receiver, [.ggzBehandelaar, .sociaalWerker, .ervaringsdeskundige, .pohGGZ]).filter { team == nil || $0.teamID == nil || $0.teamID == team?.id }
        guard let worker = staff.randomElement(using: &rng) ?? people(receiver, [.ggzBehandelaar, .sociaalWerker, .ervaringsdeskundige, .pohGGZ]).first else { return }
        let inbox = try await repos.handovers.inbox(by: by(worker, sentAt.addingTimeInterval(60)))
        guard let handover = inbox.first(where: { $0.handover.clientID == clientID && $0.handover.status == .requested })?.handover else { return }
        // Answer within days; one in six over the five-working-day norm; one in ten declined.
        let answerAt = later(sentAt, workingDays: Int.random(in: improving(sentAt, early: 1...7, late: 0...3), using: &rng) + (Int.random(in: 0..<6, using: &rng) == 0 ? Int.random(in: 4...10, using: &rng) : 0))
        guard answerAt < now else { return }
        if Int.random(in: 0..<10, using: &rng) == 0 {
            try await repos.handovers.apply(.reject(reason: DemoPeople.rejectionReasons.randomElement(using: &rng)!), to: handover.id, by: by(worker, answerAt))
            return
        }
        try await repos.handovers.apply(.accept, to: handover.id, by: by(worker, answerAt))
        let contact = later(answerAt, workingDays: Int.random(in: 1...10, using: &rng) + (Int.random(in: 0..<8, using: &rng) == 0 ? 15 : 0))
        guard contact < now else { return }
        try await repos.handovers.apply(.firstContact, to: handover.id, by: by(worker, contact))
        if receiver.type == .ggzAanbieder {
            let intake = later(contact, workingDays: Int.random(in: 0...10, using: &rng))
            guard intake < now else { return }
            try await repos.handovers.record(.intake, handoverID: handover.id, by: by(worker, intake))
            // Its own generator, so adding reports left the rest of the demo as it was.
            let report = wd.adding(Int.random(in: improving(intake, early: 1...12, late: 0...5), using: &reportRNG), to: intake).addingTimeInterval(7200)
            if report < now { try await repos.handovers.record(.intakeReport, handoverID: handover.id, by: by(worker, report)) }
            let treatment = later(intake, workingDays: Int.random(in: 5...45, using: &rng))
            guard treatment < now else { return }
            try await repos.handovers.record(.treatmentStart, handoverID: handover.id, by: by(worker, treatment))
            // Now and then a transfer to a specialised team of the same provider.
            if Int.random(in: 0..<12, using: &rng) == 0, let spec = teams[receiver.id]?.first(where: { $0.echelon == .specialistischeGGZ && $0.id != team?.id }),
               worker.teamID != spec.id {
                let at = later(treatment, workingDays: Int.random(in: 5...30, using: &rng))
                if at < now {
                    try await repos.plans.addAction(PlanAction(goalID: nil, route: .specialistischeGGZ, organisationID: receiver.id, teamID: spec.id, service: "",
                                                               description: "Overplaatsing naar specialistisch team", ownerUserID: worker.id, due: nil, createdAt: at),
                                                    planID: plan.id, clientID: clientID, request: "Complexere problematiek dan verwacht.", letter: nil, by: by(worker, at))
                    if let specialist = users.values.sorted(by: { $0.email < $1.email }).first(where: { $0.teamID == spec.id && $0.has(.ggzBehandelaar) }) {
                        try await answer(clientID: clientID, by: specialist, after: at)
                    }
                }
            }
            let done = later(treatment, workingDays: Int.random(in: 20...90, using: &rng))
            guard done < now else { return }
            try await repos.handovers.apply(.complete, to: handover.id, by: by(worker, done))
            let closing = wd.adding(Int.random(in: improving(done, early: 2...15, late: 0...8), using: &reportRNG), to: done).addingTimeInterval(7200)
            if closing < now { try await repos.handovers.record(.closingReport, handoverID: handover.id, by: by(worker, closing)) }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                let back = done.addingTimeInterval(3600)
                if back < now {
                    try await repos.plans.addAction(PlanAction(goalID: nil, route: .huisartsenzorg, organisationID: sender.organisationID,
                                                               teamID: nil, service: "", description: "Nazorg bij de huisarts en POH", ownerUserID: worker.id, due: nil, createdAt: back),
                                                    planID: plan.id, clientID: clientID, request: "Terug voor nazorg.",
                                                    letter: "Behandeling afgerond; klachten duidelijk verminderd. Terugvalpreventieplan besproken.", by: by(worker, back))
                    try await answer(clientID: clientID, by: sender, after: back)
                }
            }
        } else {
            let done = later(contact, workingDays: Int.random(in: 10...60, using: &rng))
            guard done < now else { return }
            try await repos.handovers.apply(.complete, to: handover.id, by: by(worker, done))
        }
    }
}

extension DemoClients {
    /// Every duo professional is available on Tuesday and Thursday mornings for the next six weeks,
    /// so the planner has something to propose.
    mutating func publishAvailability() async throws {
        let duo = users.values.filter { $0.isActive && $0.roles.contains { $0.duoSide != nil } }.sorted { $0.email < $1.email }
        for day in 1...42 {
            let date = wd.calendar.date(byAdding: .day, value: day, to: now)!
            let weekday = wd.calendar.component(.weekday, from: date)
            guard weekday == 3 || weekday == 5, wd.isWorkingDay(date) else { continue }
            let start = wd.calendar.date(bySettingHour: 9, minute: 0, second: 0, of: date)!
            for u in duo {
                try? await repos.planning.addWindow(AvailabilityWindow(userID: u.id, start: start, end: start.addingTimeInterval(3 * 3600)))
            }
        }
    }

    /// "Mila Voorbeeld": registered by Dr. Eva Jansen ten days ago, her verkennend gesprek with the duo of
    /// De Linde and Wijkteam Centrum-Haven was held yesterday and still needs its record and plan —
    /// a client to walk the rest of the path with (the browser tests do).
    mutating func showcase() async throws {
        guard let gp = users.values.first(where: { $0.email == "huisarts@delinde.demo" }), let poh = users.values.first(where: { $0.email == "poh@delinde.demo" }),
              let sw = users.values.first(where: { $0.email == "sociaalwerker@wijkteamcentrum.demo" }),
              let centrum = wijken.first(where: { $0.code == "centrum" }) else { return }
        let all = orgs
        let named = { (key: String) in all.values.first { $0.name == key }?.id }
        guard let linde = named("Huisartsenpraktijk De Linde"), let wijkteam = named("Sociaal Wijkteam Centrum-Haven"),
              let ggz = named("GGZ Veenland"), let brug = named("Steunpunt De Brug") else { return }
        var registered = wd.calendar.date(bySettingHour: 10, minute: 0, second: 0, of: now.addingTimeInterval(-10 * 86400))!
        while !wd.isWorkingDay(registered) { registered = registered.addingTimeInterval(-86400) }
        let client = Client(regionID: centrum.regionID, name: "Mila Voorbeeld", dateOfBirth: DateOnly(year: 1994, month: 6, day: 12)!, bsn: nil,
                            postcode: PC4("3011"), wijkID: centrum.id, phone: "06 12345678", email: nil, createdAt: registered)
        let aanmelding = Aanmelding(clientID: client.id, referrerUserID: gp.id, referrerOrganisationID: linde,
                                    helpQuestion: "Sinds mijn verhuizing voel ik me somber en alleen, en ik red het financieel niet.",
                                    urgency: .regulier, receivedAt: registered, completeAt: registered)
        let consents = [linde, wijkteam].map { Consent(clientID: client.id, purpose: .verkennendGesprek, organisationID: $0, givenAt: registered, recordedBy: gp.id) }
            + [ggz, wijkteam, brug].map { Consent(clientID: client.id, purpose: .overdracht, organisationID: $0, givenAt: registered, recordedBy: gp.id) }
        try await repos.clients.register(client, aanmelding: aanmelding, consents: consents, by: by(gp, registered))
        let contact = registered.addingTimeInterval(3600 * 4)
        try await repos.clients.logContact(ContactMoment(aanmeldingID: aanmelding.id, userID: gp.id, at: contact, channel: .telefoon, reached: true,
                                                         note: "Wil graag een gesprek; liefst 's ochtends"), clientID: client.id, by: by(gp, contact))
        var day = now.addingTimeInterval(-86400)
        while !wd.isWorkingDay(day) { day = day.addingTimeInterval(-86400) }
        let start = wd.calendar.date(bySettingHour: 13, minute: 0, second: 0, of: day)!
        for u in [poh.id, sw.id] { try? await repos.planning.addWindow(AvailabilityWindow(userID: u, start: start, end: start.addingTimeInterval(3600))) }
        let appointment = VGAppointment(aanmeldingID: aanmelding.id, clientID: client.id, ggzUserID: poh.id, sociaalDomeinUserID: sw.id,
                                        plannedFor: start, end: start.addingTimeInterval(3600), plannedAt: contact, plannedBy: gp.id)
        try await repos.clients.bookVG(appointment, by: by(gp, contact))
        try await repos.clients.markVGHeld(appointment.id, clientID: client.id, by: by(poh, start.addingTimeInterval(3600)))
    }

    /// The receiver of an internal referral or back-referral takes it up within a few working days, mostly.
    mutating func answer(clientID: UUID, by receiver: User, after sent: Date) async throws {
        guard Int.random(in: 0..<5, using: &rng) > 0 else { return }  // some are still waiting
        let at = later(sent, workingDays: Int.random(in: 1...4, using: &rng))
        guard at < now else { return }
        let open = try await repos.handovers.inbox(by: by(receiver, at)).filter { $0.handover.clientID == clientID && $0.handover.status == .requested }
        for h in open {
            try await repos.handovers.apply(.accept, to: h.handover.id, by: by(receiver, at))
            let contact = later(at, workingDays: Int.random(in: 1...5, using: &rng))
            if contact < now { try await repos.handovers.apply(.firstContact, to: h.handover.id, by: by(receiver, contact)) }
        }
    }
}

struct DemoError: Error, CustomStringConvertible {
    var client: Int
    var underlying: any Error
    var description: String { "demo client \(client): \(underlying)" }
}

enum CareRouteText {
    static func advice(_ r: CareRoute) -> String {
        switch r {
        case .zelfhulp: "zelfhulp met een online programma en een vervolgafspraak bij de POH"
        case .sociaalDomein: "ondersteuning door het sociaal wijkteam bij geld, wonen en dagbesteding"
        case .huisartsenzorg: "begeleiding door de POH-GGZ in de praktijk"
        case .basisGGZ: "kortdurende behandeling in de basis-GGZ"
        case .specialistischeGGZ: "behandeling in de specialistische GGZ"
        case .steuncentrum: "het steuncentrum met ervaringsdeskundigen voor contact en structuur"
        case .casuistiektafel: "bespreking aan de casuïstiektafel"
        }
    }
    static func action(_ r: CareRoute) -> String {
        switch r {
        case .sociaalDomein: "Schuldhulp en dagbesteding via het wijkteam"
        case .steuncentrum: "Wekelijks naar de inloop van het steuncentrum"
        case .basisGGZ: "Kortdurende behandeling basis-GGZ"
        case .specialistischeGGZ: "Intake specialistische GGZ"
        default: "Vervolg in de praktijk"
        }
    }
}
