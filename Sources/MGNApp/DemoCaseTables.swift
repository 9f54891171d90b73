import Demo
import Domain
import Foundation

/// Two casuïstiektafels for the demo region, with five months of past sessions and a month of upcoming
/// ones, and cases in every state — written through the same repository and rules as the application,
/// each step at its simulated moment (so the figures have real timestamps to count).
struct DemoCaseTables {
    let repos: Repositories
    let now: Date
    var rng = SeededGenerator(seed: 5)
    let wd = WorkingDays()
    var users: [String: User] = [:]
    var orgs: [UUID: Domain.Organisation] = [:]
    var summaryIndex = 0

    init(repos: Repositories, now: Date) { self.repos = repos; self.now = now }

    func by(_ user: User, _ at: Date) -> Accessor { Accessor(user: user, organisation: orgs[user.organisationID]!, sourceAddress: "demo", at: at) }
    func user(_ email: String) -> User { users[email]! }

    mutating func run() async throws {
        for u in try await repos.users.list(organisationIDs: nil) { users[u.email] = u }
        for o in try await repos.organisations.all() { orgs[o.id] = o }
        let coordinator = user("coordinator@veenhaven.demo")
        let regionID = orgs[coordinator.organisationID]!.regionID
        func org(_ key: String) -> UUID { DemoRegion.id("org:" + key) }

        let regional = CaseTable(
            id: DemoRegion.id("ct:regionaal"), regionID: regionID, name: "Regionale casuïstiektafel Veenhaven",
            theme: "Vastgelopen situaties op meerdere levensgebieden: psychische klachten samen met geld, wonen, eenzaamheid of gezin.",
            chairUserID: user("sociaalwerker@wijkteamcentrum.demo").id,
            memberOrganisationIDs: ["wt-centrum", "wt-noord", "wt-zuidwest", "ggz-veenland", "ggz-mindwerk", "ha-linde", "sc-brug"].map(org),
            memberUserIDs: ["sociaalwerker@wijkteamcentrum.demo", "sociaalwerker@wijkteamnoord.demo", "sociaalwerker@wijkteamzuidwest.demo",
                            "behandelaar@ggzveenland.demo", "behandelaar@mindwerk.demo", "poh@delinde.demo", "ervaringsdeskundige@debrug.demo"].map { user($0).id },
            defaultMeetingLink: "https://meet.veenhaven.example/casuistiek-regio", createdAt: now.addingTimeInterval(-200 * 86400))
        let young = CaseTable(
            id: DemoRegion.id("ct:jongeren"), regionID: regionID, name: "Casuïstiektafel Jongvolwassenen 16–27",
            theme: "Jongvolwassenen met psychische klachten en problemen met school, werk, wonen of thuis; ook de overgang van jeugd- naar volwassenenzorg.",
            chairUserID: user("psychiater@ggzveenland.demo").id,
            memberOrganisationIDs: ["ggz-veenland", "wt-centrum", "wt-noord", "ha-anker", "sc-baken"].map(org),
            memberUserIDs: ["psychiater@ggzveenland.demo", "ervaringsdeskundige@ggzveenland.demo", "sociaalwerker2@wijkteamcentrum.demo",
                            "poh@hetanker.demo", "ervaringsdeskundige@wijkteamnoord.demo", "ervaringsdeskundige@hetbaken.demo"].map { user($0).id },
            defaultMeetingLink: "https://meet.veenhaven.example/casuistiek-jong", createdAt: now.addingTimeInterval(-200 * 86400))
        let setUp = now.addingTimeInterval(-200 * 86400)
        try await repos.cases.saveTable(regional, by: by(coordinator, setUp))
        try await repos.cases.saveTable(young, by: by(coordinator, setUp))

        try await history(regional, weekday: 3, hour: 16, everyWeeks: 2, duration: 60, casesPer: 2...4, coordinator: coordinator)
        try await history(young, weekday: 5, hour: 15, everyWeeks: 4, duration: 45, casesPer: 2...3, coordinator: coordinator)
    }

    /// Sessions on a fixed weekday from five months ago to a month ahead; past ones held with their
    /// cases, the next one with an agenda, and cases waiting.
    mutating func history(_ table: CaseTable, weekday: Int, hour: Int, everyWeeks: Int, duration: Int, casesPer: ClosedRange<Int>,
                          coordinator: User) async throws {
        var day = wd.calendar.startOfDay(for: now.addingTimeInterval(-150 * 86400))
        while wd.calendar.component(.weekday, from: day) != weekday { day = day.addingTimeInterval(86400) }
        var starts: [Date] = []
        while day < now.addingTimeInterval(35 * 86400) {
            if wd.isWorkingDay(day) { starts.append(wd.calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day)!) }
            day = wd.calendar.date(byAdding: .day, value: 7 * everyWeeks, to: day)!
        }
        let chair = users.values.first { $0.id == table.chairUserID }!
        let past = starts.filter { $0.addingTimeInterval(Double(duration) * 60) < now }
        let upcoming = starts.filter { $0 > now }
        for (i, start) in past.enumerated() {
            let session = TableSession(tableID: table.id, startsAt: start, durationMinutes: duration, meetingLink: table.defaultMeetingLink)
            try await repos.cases.planSession(session, by: by(coordinator, start.addingTimeInterval(-28 * 86400)))
            var cases: [(TableCase, User)] = []
            for _ in 0..<Int.random(in: casesPer, using: &rng) {
                let submitted = start.addingTimeInterval(-Double(Int.random(in: 3...18, using: &rng)) * 86400 - 3600 * 5)
                if let c = try await submit(table, at: submitted) { cases.append(c) }
            }
            try await held(session, table: table, chair: chair, cases: cases, lastOne: i == past.count - 1)
        }
        for (i, start) in upcoming.enumerated() {
            let session = TableSession(tableID: table.id, startsAt: start, durationMinutes: duration, meetingLink: table.defaultMeetingLink)
            try await repos.cases.planSession(session, by: by(coordinator, now.addingTimeInterval(-7 * 86400)))
            guard i == 0 else { continue }
            // The next session: an agenda with written advice, and more cases waiting for a place.
            for k in 0..<4 {
                guard let (c, submitter) = try await submit(table, at: now.addingTimeInterval(-Double(2 + k * 2) * 86400)) else { continue }
                if k < 2 {
                    try await repos.cases.schedule(c.id, on: session.id, by: by(chair, now.addingTimeInterval(-86400)))
                    try await advise(c, table: table, at: now.addingTimeInterval(-3600 * 20), count: 1 + k)
                } else if k == 3 {
                    try await repos.cases.withdraw(c.id, reason: "De cliënt is inmiddels aangemeld bij de basis-GGZ; de vraag is beantwoord.",
                                                   by: by(submitter, now.addingTimeInterval(-3600 * 30)))
                }
            }
        }
    }

    /// A past session: scheduled, advised on in writing, held (each case its outcome), closed; then the
    /// submitters answer take-over proposals with the client's consent — except the very last one.
    mutating func held(_ session: TableSession, table: CaseTable, chair: User, cases: [(TableCase, User)], lastOne: Bool) async throws {
        let start = session.startsAt
        for (c, _) in cases {
            try await repos.cases.schedule(c.id, on: session.id, by: by(chair, start.addingTimeInterval(-2 * 86400)))
            try await advise(c, table: table, at: start.addingTimeInterval(-86400 + Double(Int.random(in: 0...600, using: &rng)) * 60), count: Int.random(in: 0...2, using: &rng))
        }
        try await repos.cases.startSession(session.id, by: by(chair, start))
        for (i, (c, submitter)) in cases.enumerated() {
            let t = start.addingTimeInterval(Double(i * 12 + 5) * 60)
            // One case per session is left for the next one now and then: the agenda was too full.
            if i == cases.count - 1 && cases.count > 2 && Int.random(in: 0..<3, using: &rng) == 0 { continue }
            try await repos.cases.setCurrentCase(c.id, in: session.id, by: by(chair, t))
            let takeover = Int.random(in: 0..<10, using: &rng) < 4
            if takeover {
                let candidates = table.memberOrganisationIDs.filter { $0 != submitter.organisationID }.sorted { $0.uuidString < $1.uuidString }
                let org = candidates.randomElement(using: &rng)!
                try await repos.cases.recordOutcome(.takeover(organisationID: org, text: DemoCases.takeovers.randomElement(using: &rng)!),
                                                    caseID: c.id, by: by(chair, t.addingTimeInterval(600)))
                guard !lastOne || i > 0 else { continue }  // the most recent proposal still waits for the client
                let answered = t.addingTimeInterval(Double(Int.random(in: 1...5, using: &rng)) * 86400)
                guard answered < now else { continue }
                guard let clientID = try await linkedClient(c.id, submitter: submitter, at: answered) else { continue }
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    try await repos.cases.declineTakeover(c.id, by: by(submitter, answered))
                } else {
                    try await repos.clients.recordConsent(Consent(clientID: clientID, purpose: .casuistiekOvername, organisationID: org, givenAt: answered,
                                                                  recordedBy: submitter.id), by: by(submitter, answered))
                    try await repos.cases.confirmTakeover(c.id, route: CareRoute.usualTakeover(by: orgs[org]?.type), request: DemoCases.takeovers[0],
                                                          by: by(submitter, answered.addingTimeInterval(60)))
                }
            } else {
                try await repos.cases.recordOutcome(.advice(DemoCases.outcomes.randomElement(using: &rng)!), caseID: c.id, by: by(chair, t.addingTimeInterval(600)))
            }
        }
        try await repos.cases.closeSession(session.id, by: by(chair, start.addingTimeInterval(Double(session.durationMinutes) * 60)))
    }

    func linkedClient(_ caseID: UUID, submitter: User, at: Date) async throws -> UUID? {
        try await repos.cases.caseDetail(caseID, by: by(submitter, at)).client?.id
    }

    mutating func advise(_ c: TableCase, table: CaseTable, at: Date, count: Int) async throws {
        let members = table.memberUserIDs.compactMap { id in users.values.first { $0.id == id } }.sorted { $0.email < $1.email }
        for k in 0..<count {
            let m = members.randomElement(using: &rng)!
            try await repos.cases.addAdvice(CaseAdvice(caseID: c.id, authorUserID: m.id, authorOrganisationID: m.organisationID,
                                                       text: DemoCases.advice.randomElement(using: &rng)!, writtenAt: at, duringSession: false),
                                            by: by(m, at.addingTimeInterval(Double(k) * 1800)))
        }
    }

    /// A case brought in by a professional about one of their own clients at that moment, if one fits.
    mutating func submit(_ table: CaseTable, at: Date) async throws -> (TableCase, User)? {
        let submitters = users.values.filter { $0.isActive && ($0.has(.huisarts) || $0.has(.pohGGZ) || $0.has(.sociaalWerker)) }.sorted { $0.email < $1.email }
        for _ in 0..<12 {
            let submitter = submitters.randomElement(using: &rng)!
            let accessor = by(submitter, at)
            let clients = try await repos.clients.myClients(by: accessor).filter { $0.client.createdAt < at }
                .sorted { $0.client.id.uuidString < $1.client.id.uuidString }
            guard let client = clients.randomElement(using: &rng)?.client else { continue }
            let summary = DemoCases.summaries[summaryIndex % DemoCases.summaries.count]
            let c = TableCase(tableID: table.id, submittedBy: submitter.id, submitterOrganisationID: submitter.organisationID, submittedAt: at,
                              ageBand: AgeBand(age: client.dateOfBirth.age(on: at)), wijkID: Int.random(in: 0..<4, using: &rng) == 0 ? nil : client.wijkID,
                              situation: summary.situation, tried: summary.tried, question: summary.question,
                              urgency: [.regulier, .regulier, .regulier, .hoog, .spoed].randomElement(using: &rng)!)
            // A summary that happens to contain a word of this client's name is refused, as it should be: try another client.
            guard c.validate(about: IdentifierCheck.Person(name: client.name)).errors.isEmpty else { continue }
            summaryIndex += 1
            try await repos.cases.submit(c, clientID: client.id, by: accessor)
            return (c, submitter)
        }
        return nil
    }
}
