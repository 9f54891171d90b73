import Foundation

/// Which part of the region a figure is about. `nil` = all.
public struct Slice: Sendable, Equatable, Hashable {
    public var wijkID: UUID?
    public var organisationID: UUID?
    public var route: CareRoute?
    public init(wijkID: UUID? = nil, organisationID: UUID? = nil, route: CareRoute? = nil) {
        self.wijkID = wijkID; self.organisationID = organisationID; self.route = route
    }
}

/// Counts per month and value of one measure in one slice: what the summary table holds.
public struct Histograms: Sendable, Equatable {
    public var counts: [Measure: [YearMonth: [Int: Int]]]
    public init(_ counts: [Measure: [YearMonth: [Int: Int]]] = [:]) { self.counts = counts }

    public func months(_ m: Measure) -> [YearMonth: [Int: Int]] { counts[m] ?? [:] }
    /// All months of a measure merged.
    public func merged(_ m: Measure, in months: ClosedRange<YearMonth>? = nil) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (month, values) in self.months(m) where months?.contains(month) ?? true {
            for (v, n) in values { out[v, default: 0] += n }
        }
        return out
    }
}

/// Per month: the practices' registered patients and referrals, summed over the practices with figures.
public struct BaselineTotals: Sendable, Equatable {
    public var practices: Int
    public var registeredPatients: Int
    public var referralsBasic: Int
    public var referralsSpecialised: Int
    public init(practices: Int, registeredPatients: Int, referralsBasic: Int, referralsSpecialised: Int) {
        self.practices = practices; self.registeredPatients = registeredPatients
        self.referralsBasic = referralsBasic; self.referralsSpecialised = referralsSpecialised
    }
}

public protocol DashboardRepository: Sendable {
    /// The summary's counts for the measures in a slice and month range — read with one SQL query.
    func histograms(_ measures: [Measure], slice: Slice, from: YearMonth, to: YearMonth) async throws -> Histograms
    /// The number of plans per primary route per month (the route slices of the summary).
    func routeCounts(slice: Slice, from: YearMonth, to: YearMonth) async throws -> [YearMonth: [CareRoute: Int]]
    /// Baseline per month, summed over practices (one practice when `organisationID` is given).
    func baseline(organisationID: UUID?, from: YearMonth, to: YearMonth) async throws -> [YearMonth: BaselineTotals]
    /// Replaces the given practice-months; all or nothing.
    func importBaseline(_ rows: [BaselineMonth], by: UUID, at: Date, audit: AuditEvent) async throws
    /// The first month with any figure (the default start of the period), nil when empty.
    func firstMonth() async throws -> YearMonth?
    /// Recomputes the summary from the records (repair, after a bulk load).
    func rebuild(now: Date) async throws
    /// Stores closed windows as decided for every client with one (`Measure.settles`); the background
    /// work runs it. Returns how many clients were refreshed.
    func settle(now: Date) async throws -> Int

    // Side sources, read directly as sums per group (decision 0008); never a row per person.
    /// Pulse rounds closed by `closedBy` whose period starts in the months: answers summed per round and
    /// organisation of the respondent, with the round's invited and answered counts.
    func pulseRounds(from: YearMonth, to: YearMonth, closedBy: Date) async throws -> [PulseRoundSums]
    /// The same rounds' partner ratings summed per rated organisation.
    func partnerRatings(from: YearMonth, to: YearMonth, closedBy: Date) async throws -> [PartnerRatingRound]
    /// Casuïstiektafel cases answered in the months (Amsterdam month of the answer), counted per table, whole
    /// days and status, and the cases waiting for an answer now. The slice's organisation is the submitter's,
    /// its wijk the case's; the route does not apply.
    func caseTableCounts(slice: Slice, from: YearMonth, to: YearMonth) async throws -> CaseTableCounts
    /// Adherence to the samenwerkingsafspraken: items whose start falls in the months, counted per
    /// agreement, norm and month as they stand at the start of day `today` (a day number). The slice's
    /// organisation is the responsible one (who must meet the norm).
    func agreementAdherence(slice: Slice, from: YearMonth, to: YearMonth, today: Int) async throws -> [AdherenceMonthCounts]
}

/// Who sees which figures. Everyone who may open the dashboard sees aggregates only, never a person.
public enum DashboardPolicy {
    public enum Scope: Sendable, Equatable {
        /// Coordinators, analysts (also a funder's) and the region's administrator: any slice.
        case region
        /// A professional: the region's figures and their own organisation's beside them.
        case ownOrganisation(UUID)
    }

    public static func scope(_ user: User, _ organisation: Organisation) -> Scope? {
        guard user.isActive else { return nil }
        if user.has(.regiocoordinator) || user.has(.analist) || AdminPolicy(actor: user, actorOrganisation: organisation).isRegionAdministrator {
            return .region
        }
        return ClientAccessPolicy.careRole(of: user) == nil ? nil : .ownOrganisation(organisation.id)
    }

    /// Who may import the practices' baseline: the regional coordinator.
    public static func mayImportBaseline(_ user: User) -> Bool { user.isActive && user.has(.regiocoordinator) }
}
