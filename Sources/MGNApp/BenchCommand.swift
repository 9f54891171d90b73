import Domain
import Foundation
import Persistence
import SQLKit
import Vapor

/// `mgn bench map`: fills the database with a synthetic social map (10,000 services by default) and
/// measures searches with filters, both the repository call (SQL, snippets) and the whole public page
/// through the middleware and template. Run it on a throwaway database: `make bench`.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "map | monitor") var what: String
        @Option(name: "services", help: "How many services (default 10000)") var services: Int?
        @Option(name: "rounds", help: "How many measured requests per kind (default 300 for map, 20 for monitor)") var rounds: Int?
        @Option(name: "registrations", help: "monitor: how many registrations (default 1000000)") var registrations: Int?
    }
    var help: String { "Benchmark the sociale-kaart search or the monitoring dashboard on the configured database (use a throwaway one)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.prepareConnections(app)
        try await app.autoMigrate()
        if signature.what == "monitor" {
            try await MonitorBench(app: app, console: context.console, registrations: signature.registrations ?? 1_000_000, rounds: signature.rounds ?? 20).run()
            return
        }
        guard signature.what == "map" else { throw CommandError("unknown benchmark '\(signature.what)'; use: mgn bench map | mgn bench monitor") }
        let repos = app.repositories
        let target = signature.services ?? 10_000
        let (wijken, owner, editor) = try await BenchData.structure(repos)
        var generator = SeededBenchGenerator(seed: 42)
        let existing = try await repos.socialMap.serviceCount()
        if existing < target {
            let start = ContinuousClock.now
            var made = existing
            while made < target {
                let batch = BenchData.directory(from: made, count: min(1000, target - made), wijken: wijken, owner: owner, now: Date(), rng: &generator)
                _ = try await repos.socialMap.importDirectory(batch, by: editor)
                made += batch.services.count
            }
            context.console.print("generated \(target - existing) services in \(start.duration(to: .now))")
        }
        let total = try await repos.socialMap.serviceCount()
        let rounds = signature.rounds ?? 300
        let texts = ["schuld", "eenzaamheid", "rouw", "jongeren werk", "angst", "slapen", "budget", "mantelzorg", "psychose", "ontmoeting buurt", "", "hulp"]
        func query(_ i: Int) -> ServiceSearch {
            ServiceSearch(text: texts[i % texts.count], route: i % 3 == 0 ? CareRoute.allCases[i % CareRoute.allCases.count] : nil,
                          wijkID: i % 2 == 0 ? wijken[i % wijken.count].id : nil, noReferralOnly: i % 4 == 1, maxWaitWeeks: i % 5 == 2 ? 8 : nil)
        }
        var repoTimes: [Double] = []
        for i in 0..<(rounds + 20) {
            let t = ContinuousClock.now
            _ = try await repos.socialMap.search(query(i), audience: .publicView, now: Date())
            if i >= 20 { repoTimes.append(t.duration(to: .now).milliseconds) }
        }
        try await app.asyncBoot()
        var pageTimes: [Double] = []
        for i in 0..<(rounds + 20) {
            let q = query(i)
            var items = [URLQueryItem(name: "q", value: q.text)]
            if let r = q.route { items.append(URLQueryItem(name: "route", value: r.rawValue)) }
            if let w = q.wijkID { items.append(URLQueryItem(name: "wijk", value: w.uuidString)) }
            if q.noReferralOnly { items.append(URLQueryItem(name: "zonder_verwijzing", value: "on")) }
            if let m = q.maxWaitWeeks { items.append(URLQueryItem(name: "max_wacht", value: String(m))) }
            var c = URLComponents(); c.path = "/sociale-kaart"; c.queryItems = items
            let req = Request(application: app, method: .GET, url: URI(string: c.string!), on: app.eventLoopGroup.next())
            let t = ContinuousClock.now
            let res = try await app.responder.respond(to: req).get()
            guard res.status == .ok else { throw CommandError("page answered \(res.status)") }
            if i >= 20 { pageTimes.append(t.duration(to: .now).milliseconds) }
        }
        let dialect = (app.db as? any SQLDatabase)?.dialect.name == "sqlite" ? "SQLite" : "PostgreSQL"
        context.console.print("sociale kaart, \(total) services, \(dialect), \(rounds) searches with filters each:")
        context.console.print("  search (SQL + snippets):  median \(BenchData.format(BenchData.percentile(repoTimes, 0.5))) ms, p90 \(BenchData.format(BenchData.percentile(repoTimes, 0.9))) ms, max \(BenchData.format(repoTimes.max() ?? 0)) ms")
        context.console.print("  public page (HTTP stack): median \(BenchData.format(BenchData.percentile(pageTimes, 0.5))) ms, p90 \(BenchData.format(BenchData.percentile(pageTimes, 0.9))) ms, max \(BenchData.format(pageTimes.max() ?? 0)) ms")
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

struct SeededBenchGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

enum BenchData {
    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }
    static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    /// A region with wijken and an owner organisation, unless the database has them.
    static func structure(_ repos: Repositories) async throws -> ([Wijk], UUID, MapEditor) {
        func audit(_ t: String) -> AuditEvent {
            AuditEvent(at: Date(), userID: nil, organisationID: nil, role: nil, action: .create, objectType: t, objectID: nil, sourceAddress: "mgn bench", basis: .administration)
        }
        let region: Region
        if let r = try await repos.region.regions().first { region = r } else {
            region = Region(name: "Benchregio", code: "bench"); try await repos.region.saveRegion(region, audit: audit("region"))
        }
        var wijken = try await repos.region.wijken()
        if wijken.isEmpty {
            for i in 0..<20 {
                let w = Wijk(regionID: region.id, name: "Wijk \(i + 1)", code: "w\(i + 1)", postcodes: [PC4(String(5000 + i))!])
                try await repos.region.save(w, audit: audit("wijk")); wijken.append(w)
            }
        }
        let org: Organisation
        if let o = try await repos.organisations.all().first { org = o } else {
            org = Organisation(regionID: region.id, name: "Netwerkbureau Bench", type: .netwerkbureau); try await repos.organisations.save(org, audit: audit("organisation"))
        }
        let user: User
        if let u = try await repos.users.list(organisationIDs: [org.id]).first { user = u } else {
            user = User(organisationID: org.id, name: "Bench", email: "bench@mgn.invalid", roles: [.regiocoordinator])
            try await repos.users.create(user, passwordHash: "!", audit: audit("user"))
        }
        return (wijken, org.id, MapEditor(user: user, at: Date()))
    }

    static let topics = ["schuldhulpverlening", "budgetcoaching", "eenzaamheid", "ontmoeting", "rouwverwerking", "slaapproblemen", "angstklachten",
                         "depressie", "mantelzorgondersteuning", "jongerenwerk", "re-integratie naar werk", "dagbesteding", "opvoedondersteuning",
                         "woonbegeleiding", "verslavingszorg", "psychose", "zingeving", "taalcafé", "buurtsport", "huiselijk geweld"]
    static let words = ["hulp", "samen", "advies", "groep", "cursus", "begeleiding", "buurt", "wijk", "vrijwilligers", "gesprek", "training",
                        "thuis", "online", "ouders", "kinderen", "ouderen", "volwassenen", "inloop", "spreekuur", "netwerk", "herstel", "geld",
                        "administratie", "werk", "school", "gezondheid", "bewegen", "contact", "steun", "zorg"]

    static func directory(from offset: Int, count: Int, wijken: [Wijk], owner: UUID, now: Date, rng: inout SeededBenchGenerator) -> SocialMapDirectory {
        var dir = SocialMapDirectory()
        let providers = (0..<max(1, count / 10)).map { i in MapProvider(name: "Aanbieder \(offset + i)", description: "Synthetische aanbieder") }
        dir.providers = providers
        for i in 0..<count {
            let topic = topics[Int.random(in: 0..<topics.count, using: &rng)]
            let desc = (0..<30).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ") + " " + topic + " "
                + (0..<10).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ") + "."
            let nWijken = Int.random(in: 0...3, using: &rng)
            let s = MapService(providerID: providers[i % providers.count].id, ownerOrganisationID: owner,
                               name: "\(topic.capitalized) \(words[Int.random(in: 0..<words.count, using: &rng)]) \(offset + i)",
                               route: CareRoute.allCases[Int.random(in: 0..<CareRoute.allCases.count, using: &rng)], description: desc,
                               targetGroup: words[Int.random(in: 0..<words.count, using: &rng)], referralRequired: Bool.random(using: &rng),
                               wijkIDs: (0..<nWijken).map { _ in wijken[Int.random(in: 0..<wijken.count, using: &rng)].id },
                               lastCheckedAt: now.addingTimeInterval(-Double(Int.random(in: 0..<300, using: &rng)) * 86_400), updatedAt: now)
            dir.services.append(s)
            if Bool.random(using: &rng) {
                dir.waits[s.id] = WaitingTimeReport(serviceID: s.id, aanmeldWeeks: Int.random(in: 0...20, using: &rng), behandelWeeks: nil,
                                                    reportedAt: now.addingTimeInterval(-Double(Int.random(in: 0..<150, using: &rng)) * 86_400), reportedBy: nil)
            }
        }
        return dir
    }
}
