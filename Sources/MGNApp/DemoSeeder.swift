import Demo
import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Writes the demo region through the same repositories the application uses, so the demo obeys
/// every rule (unique names, roles allowed per organisation type, audit entries).
/// Later issues add their generators here: clients and cases, the social map, tables, feedback.
enum DemoSeeder {
    /// Returns false (and writes nothing) when the database already holds users.
    static func seedIfEmpty(_ app: Application, password: String, clients: Int = 300) async throws -> Bool {
        let repos = app.repositories
        guard try await repos.users.count() == 0 else { return false }
        let plan = DemoRegion.make()
        // The application's clock: pinned in tests, so the demo is the same on every run.
        let now = app.web.configuration.clock.now()
        func audit(_ type: String, _ id: UUID) -> AuditEvent {
            AuditEvent(at: now, userID: nil, organisationID: nil, role: nil, action: .create, objectType: type,
                       objectID: id.uuidString, sourceAddress: "mgn demo", basis: .administration, detail: "demo region")
        }
        try await repos.region.saveRegion(plan.region, audit: audit("region", plan.region.id))
        let wijkIDs = Dictionary(uniqueKeysWithValues: plan.wijken.map { ($0.code, $0.id) })
        for w in plan.wijken { try await repos.region.save(w, audit: audit("wijk", w.id)) }
        var teamIDs: [String: UUID] = [:]
        for o in plan.organisations {
            let org = Domain.Organisation(id: DemoRegion.id("org:" + o.key), regionID: plan.region.id, name: o.name, type: o.type,
                                          agbCode: o.agb, wijkIDs: o.wijkCodes.compactMap { wijkIDs[$0] })
            try await repos.organisations.save(org, audit: audit("organisation", org.id))
            for t in o.teams {
                let team = Team(id: DemoRegion.id("team:\(o.key):\(t.name)"), organisationID: org.id, name: t.name, echelon: t.echelon)
                try await repos.organisations.saveTeam(team, audit: audit("team", team.id))
                teamIDs["\(o.key):\(t.name)"] = team.id
            }
        }
        // One hash for all demo accounts: they share a password, and bcrypt is slow on purpose.
        let hash = try await app.password.async.hash(password)
        for p in plan.people {
            let user = User(id: DemoRegion.id("user:" + p.email), organisationID: DemoRegion.id("org:" + p.organisationKey),
                            teamID: p.team.flatMap { teamIDs["\(p.organisationKey):\($0)"] }, name: p.name, email: p.email, roles: Set(p.roles))
            try await repos.users.create(user, passwordHash: hash, audit: audit("user", user.id))
        }
        // The sociale kaart first: the clients' plans choose services from it.
        if let coordinator = try await repos.users.credentials(email: "coordinator@veenhaven.demo")?.user {
            try await DemoSocialMapSeeder.seed(repos, now: now, wijken: plan.wijken, editor: coordinator)
        }
        var generator = DemoClients(repos: repos, now: now, instruments: app.web.instruments)
        try await generator.run(count: clients)
        var tables = DemoCaseTables(repos: repos, now: now)
        try await tables.run()
        var feedback = DemoFeedback(app: app, now: now)
        try await feedback.run()
        if let goLive = app.web.configuration.goLive {
            var baseline = DemoBaseline(repos: repos, now: now, goLive: goLive)
            try await baseline.run()
        }
        return true
    }
}
