import Demo
import Domain
import Foundation

/// The demo practices' pre-MGN baseline: 24 months of registered patients and GGZ referrals per
/// practice, as a coordinator would import them — the 12 months before go-live, and after it the
/// referrals that still go outside MGN. Referrals fall after go-live, gradually and with Poisson noise,
/// so the referral-rate charts show a real but noisy change that the segmented regression can find.
struct DemoBaseline {
    let repos: Repositories
    let now: Date
    let goLive: YearMonth
    var rng = SeededGenerator(seed: 1024)

    /// Registered patients per demo practice (AGB code → list size).
    static let listSizes = ["01051234": 5200, "01052345": 3900, "01053456": 6800, "01054567": 2900, "01055678": 4400]

    mutating func run() async throws {
        guard let coordinator = try await repos.users.credentials(email: "coordinator@veenhaven.demo")?.user else { return }
        let practices = try await repos.organisations.all().filter { $0.type == .huisartsenpraktijk }
        let current = YearMonth(now, calendar: WorkingDays().calendar)
        var rows: [BaselineMonth] = []
        for p in practices.sorted(by: { $0.name < $1.name }) {
            guard let agb = p.agbCode, let size = Self.listSizes[agb] else { continue }
            for back in stride(from: 23, through: 0, by: -1) {
                let month = current.adding(months: -back)
                let patients = size + (23 - back) * size / 800  // lists grow a little
                // Per 1,000 patients per month. Before go-live a flat rate with a winter rise; after it,
                // what still goes outside MGN falls over the year (the MGN referrals come on top of it).
                let winter = [1, 2, 11, 12].contains(month.month) ? 1.12 : 1.0
                let sinceLive = Double(max(0, goLive.distance(to: month) + 1))
                let after = month >= goLive
                let basic = (after ? 1.55 - 0.05 * sinceLive : 2.0) * winter
                let specialised = (after ? 1.05 - 0.03 * sinceLive : 1.3) * winter
                rows.append(BaselineMonth(organisationID: p.id, month: month, registeredPatients: patients,
                                          referralsBasic: poisson(basic * Double(patients) / 1000),
                                          referralsSpecialised: poisson(specialised * Double(patients) / 1000), line: rows.count + 2))
            }
        }
        let audit = AuditEvent(at: now, userID: coordinator.id, organisationID: coordinator.organisationID, role: .regiocoordinator, action: .create,
                               objectType: "baseline", objectID: nil, sourceAddress: "demo", basis: .administration, detail: "\(rows.count) practice-months")
        try await repos.dashboard.importBaseline(rows, by: coordinator.id, at: now, audit: audit)
    }

    /// A Poisson draw (Knuth): the month-to-month noise of real counts.
    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var k = 0, p = 1.0
        repeat { k += 1; p *= Double.random(in: 0..<1, using: &rng) } while p > limit
        return k - 1
    }
}

extension YearMonth {
    /// Months from `self` to `other` (negative when `other` is earlier).
    func distance(to other: YearMonth) -> Int { (other.year - year) * 12 + other.month - month }
}
