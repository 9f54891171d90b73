import Domain
import Foundation
import Persistence
import Vapor

/// A small region for request tests: a netwerkbureau with a region administrator, two GP practices
/// each with their own administrator and a POH-GGZ, a GGZ provider with a team, and a coordinator.
struct Fixture: Sendable {
    static let password = "correct horse battery staple"

    var region: Region
    var wijkA: Wijk, wijkB: Wijk
    var netwerkbureau: Organisation, praktijkA: Organisation, praktijkB: Organisation, ggz: Organisation, wijkteam: Organisation
    var regionAdmin: User, adminA: User, pohA: User, adminB: User, pohB: User, coordinator: User, behandelaar: User, sociaalWerker: User

    static let empty = Fixture(
        region: Region(name: "", code: ""), wijkA: Wijk(regionID: UUID(), name: "", code: "", postcodes: []),
        wijkB: Wijk(regionID: UUID(), name: "", code: "", postcodes: []),
        netwerkbureau: Organisation(regionID: UUID(), name: "", type: .netwerkbureau), praktijkA: Organisation(regionID: UUID(), name: "", type: .huisartsenpraktijk),
        praktijkB: Organisation(regionID: UUID(), name: "", type: .huisartsenpraktijk), ggz: Organisation(regionID: UUID(), name: "", type: .ggzAanbieder),
        wijkteam: Organisation(regionID: UUID(), name: "", type: .sociaalWijkteam),
        regionAdmin: User(organisationID: UUID(), name: "", email: "", roles: []), adminA: User(organisationID: UUID(), name: "", email: "", roles: []),
        pohA: User(organisationID: UUID(), name: "", email: "", roles: []), adminB: User(organisationID: UUID(), name: "", email: "", roles: []),
        pohB: User(organisationID: UUID(), name: "", email: "", roles: []), coordinator: User(organisationID: UUID(), name: "", email: "", roles: []),
        behandelaar: User(organisationID: UUID(), name: "", email: "", roles: []),
        sociaalWerker: User(organisationID: UUID(), name: "", email: "", roles: []))

    static func create(_ app: Application) async throws -> Fixture {
        let repos = app.repositories
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        func audit(_ t: String) -> AuditEvent {
            AuditEvent(at: now, userID: nil, organisationID: nil, role: nil, action: .create, objectType: t, objectID: nil,
                       sourceAddress: "fixture", basis: .administration)
        }
        let region = Region(name: "Testregio", code: "test")
        try await repos.region.saveRegion(region, audit: audit("region"))
        let wijkA = Wijk(regionID: region.id, name: "Wijk A", code: "a", postcodes: [PC4("1011")!, PC4("1012")!])
        let wijkB = Wijk(regionID: region.id, name: "Wijk B", code: "b", postcodes: [PC4("1021")!])
        try await repos.region.save(wijkA, audit: audit("wijk"))
        try await repos.region.save(wijkB, audit: audit("wijk"))
        let nb = Organisation(regionID: region.id, name: "Netwerkbureau Test", type: .netwerkbureau, wijkIDs: [wijkA.id, wijkB.id])
        let pa = Organisation(regionID: region.id, name: "Praktijk A", type: .huisartsenpraktijk, wijkIDs: [wijkA.id])
        let pb = Organisation(regionID: region.id, name: "Praktijk B", type: .huisartsenpraktijk, wijkIDs: [wijkB.id])
        let ggz = Organisation(regionID: region.id, name: "GGZ Test", type: .ggzAanbieder, wijkIDs: [wijkA.id, wijkB.id])
        let wt = Organisation(regionID: region.id, name: "Wijkteam A", type: .sociaalWijkteam, wijkIDs: [wijkA.id])
        for o in [nb, pa, pb, ggz, wt] { try await repos.organisations.save(o, audit: audit("organisation")) }
        let hash = try await app.password.async.hash(password)
        func user(_ name: String, _ email: String, _ org: Organisation, _ roles: Set<Role>) async throws -> User {
            let u = User(organisationID: org.id, name: name, email: email, roles: roles)
            try await repos.users.create(u, passwordHash: hash, audit: audit("user"))
            return u
        }
        return Fixture(
            region: region, wijkA: wijkA, wijkB: wijkB, netwerkbureau: nb, praktijkA: pa, praktijkB: pb, ggz: ggz, wijkteam: wt,
            regionAdmin: try await user("Regio Beheer", "beheer@test.nl", nb, [.functioneelBeheerder]),
            adminA: try await user("Anna Admin", "admin@praktijk-a.nl", pa, [.huisarts, .functioneelBeheerder]),
            pohA: try await user("Piet POH", "poh@praktijk-a.nl", pa, [.pohGGZ]),
            adminB: try await user("Bert Admin", "admin@praktijk-b.nl", pb, [.huisarts, .functioneelBeheerder]),
            pohB: try await user("Bea POH", "poh@praktijk-b.nl", pb, [.pohGGZ]),
            coordinator: try await user("Cor Coördinator", "coordinator@test.nl", nb, [.regiocoordinator]),
            behandelaar: try await user("Gerda GGZ", "behandelaar@ggz.nl", ggz, [.ggzBehandelaar]),
            sociaalWerker: try await user("Sam Sociaal", "sw@wijkteam-a.nl", wt, [.sociaalWerker]))
    }
}
