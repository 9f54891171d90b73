import Domain
import Foundation

/// The fictional region "Veenhaven": wijken, partners and professionals, as plain data.
/// Everything is derived from fixed keys, so ids are the same on every run and later generators
/// (clients, cases, social map) can refer to `organisationKey`s and `email`s.
public struct DemoRegion: Sendable {
    public struct Organisation: Sendable {
        public var key: String
        public var name: String
        public var type: OrganisationType
        public var agb: String?
        public var wijkCodes: [String]
        public var teams: [(name: String, echelon: Echelon)]
    }
    public struct Person: Sendable {
        public var name: String
        public var email: String
        public var organisationKey: String
        public var roles: [Role]
        public var team: String?
    }

    public var region: Region
    public var wijken: [Wijk]
    public var organisations: [Organisation]
    public var people: [Person]

    /// A stable id for a demo object, so generated data can be referenced across issues and runs.
    public static func id(_ key: String) -> UUID {
        var h = StableHash(); h.add(key)
        return h.uuid
    }

    public static func make() -> DemoRegion {
        let region = Region(id: id("region"), name: "Regio Veenhaven", code: "veenhaven")
        let wijkData: [(String, String, [String])] = [
            ("centrum", "Centrum", ["3011", "3012", "3013"]),
            ("havenkwartier", "Havenkwartier", ["3014", "3015"]),
            ("oost", "Veenhaven-Oost", ["3016", "3021", "3022"]),
            ("noord", "Noorderpolder", ["3023", "3024", "3025"]),
            ("zuid", "Zuiderhaven", ["3026", "3027"]),
            ("west", "Westwijk", ["3028", "3029", "3031"]),
            ("dorp", "Oud-Veen", ["3032", "3033"]),
        ]
        let wijken = wijkData.map { code, name, pcs in
            Wijk(id: id("wijk:" + code), regionID: region.id, name: name, code: code, postcodes: pcs.compactMap(PC4.init))
        }
        let all = wijkData.map(\.0)
        let orgs: [Organisation] = [
            .init(key: "netwerkbureau", name: "Netwerkbureau MGN Veenhaven", type: .netwerkbureau, agb: nil, wijkCodes: all, teams: []),
            .init(key: "gemeente", name: "Gemeente Veenhaven", type: .gemeente, agb: nil, wijkCodes: all, teams: []),
            .init(key: "verzekeraar", name: "Zorgverzekeraar Polderzorg", type: .zorgverzekeraar, agb: nil, wijkCodes: all, teams: []),
            .init(key: "ha-linde", name: "Huisartsenpraktijk De Linde", type: .huisartsenpraktijk, agb: "01051234", wijkCodes: ["centrum", "havenkwartier"], teams: []),
            .init(key: "ha-anker", name: "Huisartsen Het Anker", type: .huisartsenpraktijk, agb: "01052345", wijkCodes: ["havenkwartier", "zuid"], teams: []),
            .init(key: "ha-oost", name: "Gezondheidscentrum Oost", type: .huisartsenpraktijk, agb: "01053456", wijkCodes: ["oost"], teams: []),
            .init(key: "ha-polder", name: "Huisartspraktijk Noorderpolder", type: .huisartsenpraktijk, agb: "01054567", wijkCodes: ["noord"], teams: []),
            .init(key: "ha-west", name: "Huisartsen Westwijk & Oud-Veen", type: .huisartsenpraktijk, agb: "01055678", wijkCodes: ["west", "dorp"], teams: []),
            .init(key: "wt-noord", name: "Sociaal Wijkteam Noord", type: .sociaalWijkteam, agb: nil, wijkCodes: ["noord", "oost"], teams: []),
            .init(key: "wt-centrum", name: "Sociaal Wijkteam Centrum-Haven", type: .sociaalWijkteam, agb: nil, wijkCodes: ["centrum", "havenkwartier"], teams: []),
            .init(key: "wt-zuidwest", name: "Sociaal Wijkteam Zuid-West", type: .sociaalWijkteam, agb: nil, wijkCodes: ["zuid", "west", "dorp"], teams: []),
            .init(key: "ggz-veenland", name: "GGZ Veenland", type: .ggzAanbieder, agb: "22220001", wijkCodes: all,
                  teams: [("Basis-GGZ Veenhaven", .basisGGZ), ("Angst & Stemming", .specialistischeGGZ), ("Vroege Psychose", .specialistischeGGZ)]),
            .init(key: "ggz-mindwerk", name: "Praktijk Mindwerk", type: .ggzAanbieder, agb: "94060002", wijkCodes: ["centrum", "oost", "noord"],
                  teams: [("Basis-GGZ Mindwerk", .basisGGZ)]),
            .init(key: "sc-brug", name: "Steunpunt De Brug", type: .steuncentrum, agb: nil, wijkCodes: ["centrum", "havenkwartier", "zuid"], teams: []),
            .init(key: "sc-baken", name: "Herstelhuis Het Baken", type: .steuncentrum, agb: nil, wijkCodes: ["noord", "oost", "west", "dorp"], teams: []),
        ]
        let people: [Person] = [
            .init(name: "Floor Bakker", email: "beheer@veenhaven.demo", organisationKey: "netwerkbureau", roles: [.functioneelBeheerder], team: nil),
            .init(name: "Sanne de Ruiter", email: "coordinator@veenhaven.demo", organisationKey: "netwerkbureau", roles: [.regiocoordinator], team: nil),
            .init(name: "Joost Verhagen", email: "analist@veenhaven.demo", organisationKey: "netwerkbureau", roles: [.analist], team: nil),
            .init(name: "Ilse Mertens", email: "analist@gemeente.demo", organisationKey: "gemeente", roles: [.analist], team: nil),
            .init(name: "Ruud Kramer", email: "beleid@gemeente.demo", organisationKey: "gemeente", roles: [.regiocoordinator], team: nil),
            .init(name: "Mirjam Hoekstra", email: "analist@polderzorg.demo", organisationKey: "verzekeraar", roles: [.analist], team: nil),
            .init(name: "Dr. Eva Jansen", email: "huisarts@delinde.demo", organisationKey: "ha-linde", roles: [.huisarts, .functioneelBeheerder], team: nil),
            .init(name: "Lotte Visser", email: "poh@delinde.demo", organisationKey: "ha-linde", roles: [.pohGGZ], team: nil),
            .init(name: "Dr. Karim El Amrani", email: "huisarts@hetanker.demo", organisationKey: "ha-anker", roles: [.huisarts], team: nil),
            .init(name: "Noor Smit", email: "poh@hetanker.demo", organisationKey: "ha-anker", roles: [.pohGGZ], team: nil),
            .init(name: "Dr. Pieter de Vries", email: "huisarts@gcoost.demo", organisationKey: "ha-oost", roles: [.huisarts], team: nil),
            .init(name: "Yara Mulder", email: "poh@gcoost.demo", organisationKey: "ha-oost", roles: [.pohGGZ], team: nil),
            .init(name: "Dr. Anouk Peters", email: "huisarts@noorderpolder.demo", organisationKey: "ha-polder", roles: [.huisarts], team: nil),
            .init(name: "Daan Willems", email: "poh@noorderpolder.demo", organisationKey: "ha-polder", roles: [.pohGGZ], team: nil),
            .init(name: "Dr. Samira Bouzid", email: "huisarts@westwijk.demo", organisationKey: "ha-west", roles: [.huisarts], team: nil),
            .init(name: "Tim van Dijk", email: "poh@westwijk.demo", organisationKey: "ha-west", roles: [.pohGGZ], team: nil),
            .init(name: "Fatima Yilmaz", email: "sociaalwerker@wijkteamnoord.demo", organisationKey: "wt-noord", roles: [.sociaalWerker], team: nil),
            .init(name: "Bram Hendriks", email: "sociaalwerker@wijkteamcentrum.demo", organisationKey: "wt-centrum", roles: [.sociaalWerker, .functioneelBeheerder], team: nil),
            .init(name: "Esther Koster", email: "sociaalwerker2@wijkteamcentrum.demo", organisationKey: "wt-centrum", roles: [.sociaalWerker], team: nil),
            .init(name: "Mohamed Ouali", email: "sociaalwerker@wijkteamzuidwest.demo", organisationKey: "wt-zuidwest", roles: [.sociaalWerker], team: nil),
            .init(name: "Kees van Leeuwen", email: "ervaringsdeskundige@wijkteamnoord.demo", organisationKey: "wt-noord", roles: [.ervaringsdeskundige], team: nil),
            .init(name: "Drs. Hanna Bos", email: "behandelaar@ggzveenland.demo", organisationKey: "ggz-veenland", roles: [.ggzBehandelaar], team: "Basis-GGZ Veenhaven"),
            .init(name: "Drs. Martijn Post", email: "psychiater@ggzveenland.demo", organisationKey: "ggz-veenland", roles: [.ggzBehandelaar], team: "Angst & Stemming"),
            .init(name: "Linda Groen", email: "poh@ggzveenland.demo", organisationKey: "ggz-veenland", roles: [.pohGGZ], team: "Basis-GGZ Veenhaven"),
            .init(name: "Wendy Dekker", email: "beheer@ggzveenland.demo", organisationKey: "ggz-veenland", roles: [.functioneelBeheerder], team: nil),
            .init(name: "Jasper Vos", email: "ervaringsdeskundige@ggzveenland.demo", organisationKey: "ggz-veenland", roles: [.ervaringsdeskundige], team: "Vroege Psychose"),
            .init(name: "Drs. Olga Brouwer", email: "behandelaar@mindwerk.demo", organisationKey: "ggz-mindwerk", roles: [.ggzBehandelaar], team: "Basis-GGZ Mindwerk"),
            .init(name: "Marco Schouten", email: "ervaringsdeskundige@debrug.demo", organisationKey: "sc-brug", roles: [.ervaringsdeskundige], team: nil),
            .init(name: "Ans Prins", email: "coordinator@debrug.demo", organisationKey: "sc-brug", roles: [.sociaalWerker], team: nil),
            .init(name: "Rik Jacobs", email: "ervaringsdeskundige@hetbaken.demo", organisationKey: "sc-baken", roles: [.ervaringsdeskundige], team: nil),
        ]
        return DemoRegion(region: region, wijken: wijken, organisations: orgs, people: people)
    }
}

/// FNV-1a over a string, widened to 128 bits; only for stable demo ids, not for security.
struct StableHash {
    private var a: UInt64 = 0xcbf29ce484222325
    private var b: UInt64 = 0x84222325cbf29ce4
    mutating func add(_ s: String) {
        for byte in s.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100000001b3
            b = (b ^ UInt64(byte)) &* 0x100000001b3 &+ 0x9e3779b97f4a7c15
        }
    }
    var uuid: UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i))); bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i))) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40  // version 4 layout
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// A seeded random number generator (SplitMix64): the demo's clients and timings are the same on every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}
