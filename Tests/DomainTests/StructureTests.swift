import Demo
import Foundation
import Testing
@testable import Domain

@Suite struct PC4Tests {
    @Test(arguments: ["2312", "2312AB", "2312 ab", " 2312 AB "])
    func acceptsDutchPostcodes(_ raw: String) { #expect(PC4(raw)?.value == "2312") }

    @Test(arguments: ["0123", "123", "12345", "2312 A", "2312ABC", "23a2", "", "2312 1B"])
    func refusesWhatIsNotAPostcode(_ raw: String) { #expect(PC4(raw) == nil) }
}

@Suite struct EmailTests {
    @Test func normalisesCaseAndSpace() { #expect(Email.normalised("  Eva@Praktijk.NL ") == "eva@praktijk.nl") }
    @Test(arguments: ["a@b.nl", "poh.ggz@de-linde.demo"]) func valid(_ e: String) { #expect(Email.isValid(e)) }
    @Test(arguments: ["", "a", "a@b", "@b.nl", "a@.nl", "a@b.nl.", "a b@c.nl", "a@b@c.nl", "<a@b.nl>"]) func invalid(_ e: String) { #expect(!Email.isValid(e)) }
}

@Suite struct PasswordPolicyTests {
    @Test func acceptsALongPassphrase() { #expect(PasswordPolicy.problem(with: "paarse fiets op de dijk", email: "eva@x.nl") == nil) }
    @Test func refusesShort() { #expect(PasswordPolicy.problem(with: "kort", email: "") == "error_password_too_short") }
    @Test func refusesCommon() { #expect(PasswordPolicy.problem(with: "Wachtwoord123", email: "") == "error_password_too_common") }
    @Test func refusesRepetitive() { #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaaaaa", email: "") == "error_password_too_common") }
    @Test func refusesTheMailboxName() { #expect(PasswordPolicy.problem(with: "evajansen-2026!", email: "evajansen@x.nl") == "error_password_contains_email") }
    @Test func refusesOverBcryptsLimit() { #expect(PasswordPolicy.problem(with: String(repeating: "ab", count: 40), email: "") == "error_password_too_long") }
}

@Suite struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)
    func fails(_ n: Int, every seconds: Double = 10) -> [Date] { (0..<n).map { t0.addingTimeInterval(Double($0) * seconds) } }

    @Test func allowsFourFailures() {
        #expect(LoginThrottle().decide(accountFailures: fails(4), addressFailures: fails(4), now: t0.addingTimeInterval(60)) == .allowed)
    }
    @Test func locksTheAccountAtFiveUntilTheWindowPasses() {
        let d = LoginThrottle().decide(accountFailures: fails(5), addressFailures: [], now: t0.addingTimeInterval(60))
        #expect(d == .locked(until: t0.addingTimeInterval(15 * 60)))
        #expect(LoginThrottle().decide(accountFailures: fails(5), addressFailures: [], now: t0.addingTimeInterval(15 * 60)) == .allowed)
    }
    @Test func locksAnAddressTryingManyAccounts() {
        let d = LoginThrottle().decide(accountFailures: [], addressFailures: fails(20), now: t0.addingTimeInterval(300))
        #expect(d == .locked(until: t0.addingTimeInterval(15 * 60)))
    }
}

@Suite struct AdminPolicyTests {
    let region = UUID()
    func org(_ type: OrganisationType) -> Organisation { Organisation(regionID: region, name: "\(type)", type: type) }

    @Test func regionAdministratorManagesEveryone() {
        let nb = org(.netwerkbureau)
        let p = AdminPolicy(actor: User(organisationID: nb.id, name: "b", email: "b@x.nl", roles: [.functioneelBeheerder]), actorOrganisation: nb)
        #expect(p.isRegionAdministrator && p.canManageRegionStructure)
        #expect(p.canManagePeople(of: UUID()))
        #expect(p.manageableOrganisationIDs == nil)
    }

    @Test func organisationAdministratorManagesOnlyTheirOwnPeople() {
        let praktijk = org(.huisartsenpraktijk)
        let p = AdminPolicy(actor: User(organisationID: praktijk.id, name: "a", email: "a@x.nl", roles: [.huisarts, .functioneelBeheerder]), actorOrganisation: praktijk)
        #expect(!p.canManageRegionStructure)
        #expect(p.canManagePeople(of: praktijk.id))
        #expect(!p.canManagePeople(of: UUID()))
        #expect(p.manageableOrganisationIDs == [praktijk.id])
        #expect(p.disallowedRoles([.pohGGZ], for: praktijk).isEmpty)
        #expect(p.disallowedRoles([.regiocoordinator], for: praktijk) == [.regiocoordinator])
        #expect(p.disallowedRoles([.functioneelBeheerder], for: praktijk) == [.functioneelBeheerder])
    }

    @Test(arguments: Role.allCases.filter { $0 != .functioneelBeheerder })
    func nobodyElseManagesAnything(_ role: Role) {
        let nb = org(.netwerkbureau)
        let p = AdminPolicy(actor: User(organisationID: nb.id, name: "x", email: "x@x.nl", roles: [role]), actorOrganisation: nb)
        #expect(!p.isOrganisationAdministrator && !p.canManageRegionStructure && !p.canManagePeople(of: nb.id))
        #expect(p.manageableOrganisationIDs == [])
    }

    @Test func aDeactivatedAdministratorManagesNothing() {
        let nb = org(.netwerkbureau)
        let p = AdminPolicy(actor: User(organisationID: nb.id, name: "x", email: "x@x.nl", roles: [.functioneelBeheerder], isActive: false), actorOrganisation: nb)
        #expect(!p.canManagePeople(of: nb.id))
    }

    @Test func everyRoleFitsSomeOrganisationType() {
        for role in Role.allCases { #expect(OrganisationType.allCases.contains { $0.allowedRoles.contains(role) }, "\(role)") }
        #expect(!OrganisationType.zorgverzekeraar.allowedRoles.contains(.huisarts))
    }
}

@Suite struct DemoRegionTests {
    let demo = DemoRegion.make()

    @Test func coversTheNetwork() {
        #expect(demo.wijken.count >= 6)
        #expect(demo.organisations.count >= 15)
        #expect(Set(demo.organisations.map(\.type)) == Set(OrganisationType.allCases))
        #expect(demo.people.count >= 25)
        #expect(Set(demo.people.flatMap(\.roles)) == Set(Role.allCases))
    }

    @Test func isConsistent() {
        #expect(Set(demo.people.map(\.email)).count == demo.people.count)
        #expect(Set(demo.organisations.map(\.name)).count == demo.organisations.count)
        let pcs = demo.wijken.flatMap(\.postcodes)
        #expect(Set(pcs).count == pcs.count, "a postcode belongs to one wijk")
        for p in demo.people {
            let org = demo.organisations.first { $0.key == p.organisationKey }
            #expect(org != nil, "\(p.email)")
            #expect(Set(p.roles).isSubset(of: org?.type.allowedRoles ?? []), "\(p.email)")
            if let team = p.team { #expect(org?.teams.contains { $0.name == team } == true, "\(p.email)") }
            #expect(Email.isValid(p.email))
        }
        // The region's administrator exists, so a newcomer can open every admin page.
        #expect(demo.people.contains { $0.roles.contains(.functioneelBeheerder) && $0.organisationKey == "netwerkbureau" })
    }

    @Test func isTheSameOnEveryRun() {
        #expect(DemoRegion.make().wijken.map(\.id) == demo.wijken.map(\.id))
        #expect(DemoRegion.id("x") == DemoRegion.id("x") && DemoRegion.id("x") != DemoRegion.id("y"))
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
