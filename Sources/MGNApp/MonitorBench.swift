import Domain
import Foundation
import Persistence
import SQLKit
import Vapor

/// `mgn bench monitor`: the monitoring dashboard at national scale. It generates synthetic
/// registrations (1,000,000 by default, over 24 months) with their VGs, plans, handovers and feedback in
/// realistic proportions, turns each into the contributions `MonitorInput.contributions` would make,
/// loads the resulting summary table and a 36-month baseline for 2,000 practices, and then times every
/// dashboard view through the whole HTTP stack (session, access check, SQL, statistics, template).
///
/// The views read only `monitor_summary` and `baseline_practice_months`, so those are what is loaded; the
/// per-client tables are not (their rows would only make the load slower, never the views). A sample
/// of the generated registrations is checked against the domain's own `SummaryDelta.total`, so the bench
/// loads exactly what the application would keep.
struct MonitorBench {
    let app: Application
    let console: any Console
    let registrations: Int
    let rounds: Int

    static let wijkCount = 300, practiceCount = 2000, ggzCount = 60, socialCount = 150, months = 24
    static let password = "bench-monitor-2026"

    // MARK: structure

    struct Structure {
        var wijken: [UUID]          // index order = uuidString order
        var organisations: [UUID]   // index order = uuidString order
        var practices: [Int], ggz: [Int], social: [Int]  // organisation indices
        var practiceWijk: [Int]
    }

    func structure() async throws -> Structure {
        let repos = app.repositories
        func audit(_ t: String) -> AuditEvent {
            AuditEvent(at: Date(), userID: nil, organisationID: nil, role: nil, action: .create, objectType: t, objectID: nil, sourceAddress: "mgn bench", basis: .administration)
        }
        let region = Region(name: "Nederland (bench)", code: "bench")
        try await repos.region.saveRegion(region, audit: audit("region"))
        var wijken: [Wijk] = []
        for i in 0..<Self.wijkCount {
            let w = Wijk(regionID: region.id, name: "Wijk \(i + 1)", code: "w\(i + 1)", postcodes: [PC4(String(1000 + i))!])
            try await repos.region.save(w, audit: audit("wijk")); wijken.append(w)
        }
        var orgs: [(Organisation, String)] = []
        for i in 0..<Self.practiceCount {
            orgs.append((Organisation(regionID: region.id, name: "Huisartsenpraktijk \(i + 1)", type: .huisartsenpraktijk,
                                      agbCode: String(format: "01%06d", i + 1), wijkIDs: [wijken[i % Self.wijkCount].id]), "p"))
        }
        for i in 0..<Self.ggzCount { orgs.append((Organisation(regionID: region.id, name: "GGZ-aanbieder \(i + 1)", type: .ggzAanbieder), "g")) }
        for i in 0..<Self.socialCount { orgs.append((Organisation(regionID: region.id, name: "Sociaal wijkteam \(i + 1)", type: .sociaalWijkteam), "s")) }
        let bureau = Organisation(regionID: region.id, name: "Netwerkbureau (bench)", type: .netwerkbureau)
        for (o, _) in orgs { try await repos.organisations.save(o, audit: audit("organisation")) }
        try await repos.organisations.save(bureau, audit: audit("organisation"))
        let hash = try Bcrypt.hash(Self.password, cost: 4)
        try await repos.users.create(User(organisationID: bureau.id, name: "Coördinator (bench)", email: "coordinator@bench.invalid", roles: [.regiocoordinator]),
                                     passwordHash: hash, audit: audit("user"))
        try await repos.users.create(User(organisationID: orgs[0].0.id, name: "POH (bench)", email: "poh@bench.invalid", roles: [.pohGGZ]),
                                     passwordHash: hash, audit: audit("user"))

        let sortedWijken = wijken.map(\.id).sorted { $0.uuidString < $1.uuidString }
        let wijkIndex = Dictionary(uniqueKeysWithValues: sortedWijken.enumerated().map { ($1, $0) })
        let sortedOrgs = orgs.map(\.0.id).sorted { $0.uuidString < $1.uuidString }
        let orgIndex = Dictionary(uniqueKeysWithValues: sortedOrgs.enumerated().map { ($1, $0) })
        let kind = { (k: String) in orgs.filter { $0.1 == k }.map { orgIndex[$0.0.id]! } }
        let practices = kind("p")
        return Structure(wijken: sortedWijken, organisations: sortedOrgs, practices: practices, ggz: kind("g"), social: kind("s"),
                         practiceWijk: practices.indices.map { wijkIndex[wijken[$0 % Self.wijkCount].id]! })
    }

    // MARK: synthetic contributions

    /// A contribution by index: what `MonitorContribution` holds, without strings or sets.
    struct Synthetic {
        var measure: Measure, day: Int, wijk: Int, orgs: [Int], route: CareRoute?, value: Int
    }

    /// The contributions of registration number `i`, in the proportions of the pilots: most complete,
    /// most seen within weeks, about half helped outside GGZ, half the invitations answered.
    static func registration(_ i: Int, _ s: Structure, today: Int, rng: inout SeededBenchGenerator) -> [Synthetic] {
        var out: [Synthetic] = []
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
        let p = int(0...(s.practices.count - 1))
        let wijk = s.practiceWijk[p]
        let practice = s.practices[p]
        let ggz = s.ggz[(wijk + int(0...1) * 7) % s.ggz.count], social = s.social[wijk % s.social.count]
        let duo = [practice, ggz, social]
        let received = today - int(0...(months * 30 - 1))
        func add(_ m: Measure, _ day: Int, _ orgs: [Int], _ route: CareRoute?, _ value: Int) {
            // As a refresh today stores it: closed windows as decided (`Measure.settles`).
            out.append(Synthetic(measure: m, day: day, wijk: wijk, orgs: orgs, route: route, value: m.settled(value, today: today)))
        }
        guard chance(0.96) else { return out }
        let complete = received + int(0...3)
        // A log-normal wait around 12 days, as the pilots report.
        let wait = max(0, Int(exp(log(12.0) + 0.7 * normal(&rng))))
        let held = complete + wait
        let route: CareRoute = chance(0.45) ? (chance(0.7) ? .basisGGZ : .specialistischeGGZ)
            : [.zelfhulp, .sociaalDomein, .huisartsenzorg, .steuncentrum, .casuistiektafel][int(0...4)]
        if held >= today || !chance(0.97) {
            if held >= today { add(.vgWaiting, min(complete, today), duo, nil, min(complete, today)) }
            return out
        }
        add(.vgWait, held, duo, route, wait)
        add(.vgCompleteDuo, held, duo, route, chance(0.8) ? 1 : 0)
        add(.vgPeerExpert, held, duo, route, chance(0.2) ? 1 : 0)
        add(.planInTimeDue, held, duo, route, held + 3)
        if chance(0.75) { add(.planInTimeMet, held, duo, route, held + 3) }
        add(.completeDue, held, duo, route, held + 14)
        if chance(0.85) { add(.completeHit, held, duo, route, held + 14) }
        let planDay = held + int(0...2)
        add(.planOutsideGGZ, planDay, duo, route, route.isGGZ ? 0 : 1)
        add(.planDomains, planDay, duo, route, int(1...4))
        if !route.isGGZ {
            add(.reRegistration90Due, planDay, duo, route, planDay + 90)
            if chance(0.08) { add(.reRegistration90Hit, planDay, duo, route, planDay + 90) }
            add(.reRegistration365Due, planDay, duo, route, planDay + 365)
            if chance(0.15) { add(.reRegistration365Hit, planDay, duo, route, planDay + 365) }
        }
        // Feedback on the conversation, and the follow-up twelve weeks after.
        let answered = chance(0.5)
        add(.feedbackInvited, held, [ggz, social], nil, answered ? 1 : 0)
        if answered {
            add(.feedbackRating, held, [ggz, social], nil, min(10, max(1, 8 + Int((1.2 * normal(&rng)).rounded()))))
            for m in [Measure.feedbackRelationship, .feedbackGoals, .feedbackApproach, .feedbackOverall] { add(m, held, [ggz, social], nil, int(5...10)) }
        }
        if planDay + 84 < today {
            let fu = chance(0.45)
            add(.followUpInvited, planDay + 84, [ggz, social], nil, fu ? 1 : 0)
            if fu { add(.followUpAnswered, planDay + 84, [ggz, social], nil, chance(0.6) ? 0 : (chance(0.6) ? 1 : 2)) }
        }
        // A handover for most plans: to the GGZ provider or a social organisation.
        guard chance(0.7) else { return out }
        let receiver = route.isGGZ ? ggz : social
        let pair = [practice, receiver]
        let requested = planDay + int(0...3)
        guard requested < today else { return out }
        let answer = int(0...8)
        if requested + answer < today || chance(0.3) {
            add(.handoverAnswer, requested, pair, route, answer)
        } else { add(.handoverOpen, requested, pair, route, requested) }
        let contact = int(3...(route.isGGZ ? 90 : 30))
        if received + contact < today { add(chance(0.92) ? .contactEvent : .contactCensored, received, pair, route, contact) }
        else { add(.contactOpen, received, pair, route, received) }
        guard route.isGGZ else { return out }
        add(.ggzReferral, requested, pair, route, route == .basisGGZ ? 0 : 1)
        let accepted = requested + answer
        add(.returnDue, accepted, pair, route, accepted + 30)
        if chance(0.05) { add(.returnHit, accepted, pair, route, accepted + 30) }
        let start = accepted + int(7...60)
        if start < today {
            add(.ggzStartDue, start, pair, route, start + 90)
            if chance(0.1) { add(.internalReferralHit, start, pair, route, start + 90) }
        }
        return out
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ rng: inout SeededBenchGenerator) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
        return sqrt(-2 * log(u)) * cos(2 * .pi * v)
    }

    // MARK: packing cells in primary-key order

    /// measure | wijk | organisation | route | month | value, each as an index whose order is the order of
    /// the stored text, so sorting the keys sorts the rows as the primary key does.
    struct Packer {
        let measures = Measure.allCases.sorted { $0.rawValue < $1.rawValue }
        let routes = CareRoute.allCases.sorted { $0.rawValue < $1.rawValue }
        var measureIndex: [Measure: UInt64] = [:], routeIndex: [CareRoute: UInt64] = [:]
        var monthKeys: [String] = []
        let firstDay: Int
        var monthOfDay: [UInt64] = []
        init(today: Int) {
            for (i, m) in measures.enumerated() { measureIndex[m] = UInt64(i) }
            for (i, r) in routes.enumerated() { routeIndex[r] = UInt64(i + 1) }
            firstDay = today - (MonitorBench.months + 2) * 31
            var keys: [String] = []
            for d in firstDay...(today + 400) {
                let k = YearMonth(year: DayNumber.date(d).year, month: DayNumber.date(d).month)!.key
                if keys.last != k { keys.append(k) }
                monthOfDay.append(UInt64(keys.count - 1))
            }
            monthKeys = keys
        }
        func key(_ m: UInt64, _ w: UInt64, _ o: UInt64, _ r: UInt64, _ month: UInt64, _ value: Int) -> UInt64 {
            m << 55 | w << 45 | o << 33 | r << 29 | month << 22 | UInt64(value)
        }
        func add(_ c: Synthetic, into cells: inout [UInt64: Int32]) {
            let m = measureIndex[c.measure]!, month = monthOfDay[c.day - firstDay]
            let r = c.route.map { routeIndex[$0]! }
            var orgs: [UInt64] = [0]
            for o in Set(c.orgs) { orgs.append(UInt64(o + 1)) }
            for w in [0, UInt64(c.wijk + 1)] { for o in orgs {
                cells[key(m, w, o, 0, month, c.value), default: 0] += 1
                if let r { cells[key(m, w, o, r, month, c.value), default: 0] += 1 }
            } }
        }
        func cell(_ k: UInt64, _ s: Structure) -> SummaryCell {
            let w = Int(k >> 45 & 0x3FF), o = Int(k >> 33 & 0xFFF), r = Int(k >> 29 & 0xF)
            return SummaryCell(measure: measures[Int(k >> 55)].rawValue, month: monthKeys[Int(k >> 22 & 0x7F)],
                               wijk: w == 0 ? SummaryCell.all : s.wijken[w - 1].uuidString, organisation: o == 0 ? SummaryCell.all : s.organisations[o - 1].uuidString,
                               route: r == 0 ? SummaryCell.all : routes[r - 1].rawValue, value: Int(k & 0x3FFFFF))
        }
    }

    // MARK: run

    func run() async throws {
        let sql = app.db as! any SQLDatabase
        let dialect = sql.dialect.name == "sqlite" ? "SQLite" : "PostgreSQL"
        let calendar = WorkingDays().calendar
        let now = Date()
        let today = DayNumber.of(now, calendar: calendar)
        var clock = ContinuousClock.now
        let s = try await structure()
        console.print("structure: \(s.wijken.count) wijken, \(s.organisations.count) organisations in \(clock.duration(to: .now))")

        clock = .now
        let packer = Packer(today: today)
        var cells: [UInt64: Int32] = [:]
        cells.reserveCapacity(registrations * 12)
        var rng = SeededBenchGenerator(seed: 2026)
        var contributions = 0
        var sample: [Synthetic] = []
        for i in 0..<registrations {
            let made = Self.registration(i, s, today: today, rng: &rng)
            contributions += made.count
            if i < 2000 { sample += made }
            for c in made { packer.add(c, into: &cells) }
        }
        console.print("generated \(registrations) registrations: \(contributions) contributions, \(cells.count) summary rows in \(clock.duration(to: .now))")

        // The bench loads what the application keeps: the sample through the domain's own cells.
        var sampleCells: [UInt64: Int32] = [:]
        for c in sample { packer.add(c, into: &sampleCells) }
        let domain = SummaryDelta.total(sample.map { c in
            MonitorContribution(c.measure, YearMonth(key: packer.monthKeys[Int(packer.monthOfDay[c.day - packer.firstDay])])!,
                                wijkID: s.wijken[c.wijk], organisations: Set(c.orgs.map { s.organisations[$0] }), route: c.route, value: c.value)
        })
        let packed = Dictionary(uniqueKeysWithValues: sampleCells.map { (packer.cell($0.key, s), Int($0.value)) })
        guard packed == domain else { throw CommandError("the bench's packed cells differ from SummaryDelta.total") }

        clock = .now
        let keys = cells.keys.sorted()
        let counts = cells
        try await app.db.transaction { conn in
            let sql = conn as! any SQLDatabase
            for chunk in keys.chunked(1000) {
                let insert = sql.insert(into: "monitor_summary").columns("measure", "wijk", "organisation", "route", "month", "value", "n")
                for k in chunk {
                    let c = packer.cell(k, s)
                    insert.values([SQLBind(c.measure), SQLBind(c.wijk), SQLBind(c.organisation), SQLBind(c.route), SQLBind(c.month), SQLBind(c.value),
                                   SQLBind(Int(counts[k]!))] as [any SQLExpression])
                }
                try await insert.run()
            }
        }
        console.print("loaded monitor_summary (\(keys.count) rows) in \(clock.duration(to: .now))")
        cells = [:]

        clock = .now
        let agreements = try await saveAgreements(s, now: now)
        let items = try await loadNormItems(s, today: today, calendar: calendar)
        console.print("loaded monitor_norm_items (\(items) items: advice letters, handover answers, first contacts) in \(clock.duration(to: .now))")
        // What a coordinator's change to an agreement costs at this size: every cell rebuilt from the items.
        clock = .now
        var changed = agreements[0]
        changed.setNorm(.handoverResponse, limit: 4, from: DayNumber.date(today - 120))
        try await app.repositories.agreements.save(changed, audit: Self.audit("agreement"))
        struct Count: Decodable { var n: Int }
        let adherenceRows = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("monitor_adherence")
            .first(decoding: Count.self)?.n ?? 0
        console.print("an agreement change rebuilt monitor_adherence (\(adherenceRows) rows, 4 agreements) in \(clock.duration(to: .now))")

        clock = .now
        try await loadBaseline(s, now: now, calendar: calendar)
        try await sql.raw("ANALYZE").run()  // both databases: plan the views with the loaded sizes
        console.print("loaded the baseline (\(s.practices.count) practices × 36 months) and analysed in \(clock.duration(to: .now))")

        try await app.asyncBoot()
        try await measureViews(dialect: dialect, now: now)
    }

    func loadBaseline(_ s: Structure, now: Date, calendar: Calendar) async throws {
        let current = YearMonth(now, calendar: calendar)
        let goLive = current.adding(months: -(Self.months - 1))
        let user = try await app.repositories.users.credentials(email: "coordinator@bench.invalid")!.user.id
        var rng = SeededBenchGenerator(seed: 7)
        var rows: [(UUID, String, Int, Int, Int)] = []
        for p in s.practices {
            let patients = Int.random(in: 2500...7500, using: &rng)
            for back in 0..<36 {
                let month = current.adding(months: -back)
                let after = month >= goLive
                // Referrals that still go outside MGN fall after go-live, as the pilots aim.
                let basic = Int((Double(patients) * (after ? 0.0011 : 0.0019) * Double.random(in: 0.6...1.4, using: &rng)).rounded())
                let spec = Int((Double(patients) * (after ? 0.0008 : 0.0012) * Double.random(in: 0.6...1.4, using: &rng)).rounded())
                rows.append((s.organisations[p], month.key, patients, basic, spec))
            }
        }
        let all = rows
        try await app.db.transaction { conn in
            let sql = conn as! any SQLDatabase
            for chunk in all.chunked(1000) {
                let insert = sql.insert(into: "baseline_practice_months")
                    .columns("id", "organisation_id", "month", "registered_patients", "referrals_basic", "referrals_specialised", "imported_at", "imported_by")
                for r in chunk {
                    insert.values([SQLBind(UUID()), SQLBind(r.0), SQLBind(r.1), SQLBind(r.2), SQLBind(r.3), SQLBind(r.4), SQLBind(now), SQLBind(user)] as [any SQLExpression])
                }
                try await insert.run()
            }
        }
    }

    // MARK: samenwerkingsafspraken

    static func audit(_ t: String) -> AuditEvent {
        AuditEvent(at: Date(), userID: nil, organisationID: nil, role: nil, action: .create, objectType: t, objectID: nil, sourceAddress: "mgn bench", basis: .administration)
    }

    /// Four agreements as a region would make them: by type of organisation, and one short line between
    /// named organisations; a norm tightened halfway.
    func saveAgreements(_ s: Structure, now: Date) async throws -> [Agreement] {
        guard let coordinator = try await app.repositories.users.credentials(email: "coordinator@bench.invalid")?.user.id else {
            throw CommandError("no bench coordinator")
        }
        let today = DayNumber.of(now, calendar: WorkingDays().calendar)
        let start = DayNumber.date(today - Self.months * 31), half = DayNumber.date(today - Self.months * 15)
        let agreements = [
            Agreement(title: "Huisarts en GGZ", parties: [.organisationType(.huisartsenpraktijk), .organisationType(.ggzAanbieder)], effectiveFrom: start,
                      norms: [NormVersion(kind: .handoverResponse, limit: 5, validFrom: start), NormVersion(kind: .handoverResponse, limit: 3, validFrom: half),
                              NormVersion(kind: .firstContact, limit: 10, validFrom: start), NormVersion(kind: .adviceLetter, limit: 2, validFrom: start)],
                      createdAt: now, createdBy: coordinator),
            Agreement(title: "Huisarts en sociaal wijkteam", parties: [.organisationType(.huisartsenpraktijk), .organisationType(.sociaalWijkteam)],
                      effectiveFrom: start, norms: [NormVersion(kind: .handoverResponse, limit: 5, validFrom: start), NormVersion(kind: .firstContact, limit: 5, validFrom: start)],
                      createdAt: now, createdBy: coordinator),
            Agreement(title: "Korte lijn", parties: (s.practices.prefix(20) + s.ggz.prefix(2)).map { .organisation(s.organisations[$0]) }, effectiveFrom: half,
                      norms: [NormVersion(kind: .handoverResponse, limit: 2, validFrom: half)], createdAt: now, createdBy: coordinator),
            Agreement(title: "Advies aan de huisarts", parties: [.organisationType(.huisartsenpraktijk), .organisationType(.ggzAanbieder), .organisationType(.sociaalWijkteam)],
                      effectiveFrom: start, norms: [NormVersion(kind: .adviceLetter, limit: 3, validFrom: start)], createdAt: now, createdBy: coordinator),
        ]
        for a in agreements { try await app.repositories.agreements.save(a, audit: Self.audit("agreement")) }
        return agreements
    }

    /// Norm items in the proportions of the registrations above (the advice letter of every VG held, a
    /// handover's answer and first contact for 70% of the plans), written as the application keeps them,
    /// in chunks. Returns how many.
    func loadNormItems(_ s: Structure, today: Int, calendar: Calendar) async throws -> Int {
        var rng = SeededBenchGenerator(seed: 2027)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
        let wd = WorkingDays(), epochDay = DayNumber.of(year: 2001, month: 1, day: 1)
        // Day number + hour → a moment in Amsterdam, without a calendar call per item (DST aside, as for a bench).
        let reference = calendar.date(from: DateComponents(year: 2001, month: 1, day: 1))!
        func moment(_ day: Int, _ hour: Int) -> Date { reference.addingTimeInterval(Double((day - epochDay) * 86400 + hour * 3600 + int(0...59) * 60)) }
        let routes: [CareRoute] = [.zelfhulp, .sociaalDomein, .huisartsenzorg, .steuncentrum, .casuistiektafel]
        var buffer: [(owner: UUID, item: NormItem)] = []
        var total = 0
        func flush() async throws {
            let rows = buffer
            buffer.removeAll(keepingCapacity: true)
            try await app.db.transaction { conn in
                let sql = conn as! any SQLDatabase
                for chunk in rows.chunked(1000) {
                    let insert = sql.insert(into: "monitor_norm_items")
                        .columns("owner", "item_id", "kind", "responsible", "counterpart", "wijk", "route", "start_ms", "end_ms", "satisfied")
                    for (owner, i) in chunk {
                        func ms(_ d: Date) -> Int { Int((d.timeIntervalSince1970 * 1000).rounded()) }
                        insert.values([SQLBind(owner.uuidString), SQLBind(i.id.uuidString), SQLBind(i.kind.rawValue), SQLBind(i.responsibleOrganisationID.uuidString),
                                       SQLBind(i.counterpartOrganisationID?.uuidString ?? ""), SQLBind(i.wijkID?.uuidString ?? ""), SQLBind(i.route?.rawValue ?? ""),
                                       SQLBind(ms(i.start)), SQLBind(i.end.map(ms)), SQLBind(nil as Int?)] as [any SQLExpression])
                    }
                    try await insert.run()
                }
            }
        }
        for _ in 0..<registrations {
            let p = int(0...(s.practices.count - 1))
            let wijk = s.wijken[s.practiceWijk[p]], practice = s.organisations[s.practices[p]]
            let ggz = s.organisations[s.ggz[(s.practiceWijk[p] + int(0...1) * 7) % s.ggz.count]]
            let social = s.organisations[s.social[s.practiceWijk[p] % s.social.count]]
            let received = today - int(0...(Self.months * 30 - 1))
            let held = received + int(0...3) + max(0, Int(exp(log(12.0) + 0.7 * Self.normal(&rng))))
            guard chance(0.96), held < today, chance(0.97) else { continue }
            let client = UUID()
            let route: CareRoute = chance(0.45) ? (chance(0.7) ? .basisGGZ : .specialistischeGGZ) : routes[int(0...4)]
            let heldAt = moment(held, int(9...16))
            let advised: Date? = chance(0.95) ? wd.adding(int(0...4), to: heldAt) : nil
            buffer.append((client, NormItem(id: UUID(), kind: .adviceLetter, responsibleOrganisationID: ggz, counterpartOrganisationID: practice,
                                            start: heldAt, end: advised.flatMap { $0 < Date() ? $0 : nil }, wijkID: wijk, route: route)))
            if chance(0.7) {
                let receiver = route.isGGZ ? ggz : social
                let requested = moment(held + int(0...5), int(9...16))
                if requested < Date() {
                    let handover = UUID()
                    let answered = wd.adding(int(0...8), to: requested)
                    let answer = answered < Date() ? answered : nil
                    buffer.append((client, NormItem(id: handover, kind: .handoverResponse, responsibleOrganisationID: receiver, counterpartOrganisationID: practice,
                                                    start: requested, end: answer, wijkID: wijk, route: route)))
                    if let answer {
                        let contact = wd.adding(int(1...(route.isGGZ ? 20 : 8)), to: answer)
                        buffer.append((client, NormItem(id: handover, kind: .firstContact, responsibleOrganisationID: receiver, counterpartOrganisationID: practice,
                                                        start: answer, end: contact < Date() ? contact : nil, wijkID: wijk, route: route)))
                    }
                }
            }
            if buffer.count >= 50_000 { total += buffer.count; try await flush() }
        }
        total += buffer.count
        try await flush()
        return total
    }

    // MARK: timing the views

    /// A logged-in browser on the application's responder: cookies kept, the login form's token read.
    final class Session: @unchecked Sendable {
        let app: Application
        var cookies: [String: String] = [:]
        init(app: Application) { self.app = app }

        func send(_ method: HTTPMethod, _ path: String, form: String? = nil) async throws -> (HTTPStatus, String) {
            var headers = HTTPHeaders()
            if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
            if form != nil { headers.contentType = .urlEncodedForm }
            let req = Request(application: app, method: method, url: URI(string: path), headers: headers,
                              collectedBody: form.map { ByteBuffer(string: $0) },
                              on: app.eventLoopGroup.next())
            let res = try await app.responder.respond(to: req).get()
            for header in res.headers[.setCookie] {
                let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            }
            let body = res.body.buffer.map { String(buffer: $0) } ?? res.body.string ?? ""
            return (res.status, body)
        }

        func login(_ email: String) async throws {
            let (_, page) = try await send(.GET, "/inloggen")
            guard let r = page.range(of: #"name="_csrf" value=""#) else { throw CommandError("no login form") }
            let token = String(page[r.upperBound...].prefix { $0 != "\"" })
            let enc = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
            let (status, _) = try await send(.POST, "/inloggen", form: "email=\(enc(email))&password=\(enc(MonitorBench.password))&_csrf=\(enc(token))")
            guard status == .seeOther || status == .found else { throw CommandError("login answered \(status)") }
        }
    }

    func measureViews(dialect: String, now: Date) async throws {
        let coordinator = Session(app: app), poh = Session(app: app)
        try await coordinator.login("coordinator@bench.invalid")
        try await poh.login("poh@bench.invalid")
        let s = try await app.repositories.organisations.all()
        let practice = s.first { $0.type == .huisartsenpraktijk }!.id.uuidString.lowercased()
        let ggz = s.first { $0.type == .ggzAanbieder }!.id.uuidString.lowercased()
        let wijk = try await app.repositories.region.wijken().first!.id.uuidString.lowercased()
        var views: [(String, Session, String)] = [
            ("overview (region, 12 months)", coordinator, "/monitor"),
            ("overview, one wijk", coordinator, "/monitor?wijk=\(wijk)"),
            ("overview, one organisation + route", coordinator, "/monitor?organisatie=\(practice)&route=basis_ggz"),
            ("overview, 24 months", coordinator, "/monitor?van=\(YearMonth(now, calendar: WorkingDays().calendar).adding(months: -23).key)"),
            ("overview as POH (own + region)", poh, "/monitor"),
            ("overview JSON", coordinator, "/monitor/overzicht.json"),
            ("baseline page", coordinator, "/monitor/nulmeting"),
        ]
        for ind in IndicatorCatalogue.all {
            views.append(("indicator \(ind.id)", coordinator, "/monitor/indicator/\(ind.id)"))
            views.append(("  CSV \(ind.id)", coordinator, "/monitor/indicator/\(ind.id)/export.csv"))
        }
        views.append(("indicator wachttijd-vg as POH", poh, "/monitor/indicator/wachttijd-vg"))
        views.append(("indicator wachttijd-vg, one wijk", coordinator, "/monitor/indicator/wachttijd-vg?wijk=\(wijk)"))
        views.append(("indicator afspraken-nakoming, one org.", coordinator, "/monitor/indicator/afspraken-nakoming?organisatie=\(ggz)"))
        views.append(("indicator afspraken-nakoming as POH", poh, "/monitor/indicator/afspraken-nakoming"))
        console.print("monitoring dashboard, \(registrations) registrations, \(dialect), \(rounds) requests per view (after 3 warm-up):")
        var worst: (String, Double) = ("", 0)
        for (name, session, path) in views {
            var times: [Double] = []
            for i in 0..<(rounds + 3) {
                let t = ContinuousClock.now
                let (status, body) = try await session.send(.GET, path)
                guard status == .ok else { throw CommandError("\(path) answered \(status): \(body.prefix(300))") }
                if i >= 3 { times.append(t.duration(to: .now).milliseconds) }
            }
            let median = BenchData.percentile(times, 0.5)
            if median > worst.1 { worst = (name, median) }
            console.print("  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) median \(BenchData.format(median)) ms, p90 \(BenchData.format(BenchData.percentile(times, 0.9))) ms")
        }
        console.print("slowest view: \(worst.0), median \(BenchData.format(worst.1)) ms (target < 300 ms)")
    }
}
