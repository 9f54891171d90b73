import Domain
import Foundation
import Testing

/// Reference values computed independently with scipy 1.17 (stats.norm/chi2/t/binom, numpy lstsq and
/// percentile) and from published examples (Newcombe 1998 table II; Freireich's 6-MP data).
@Suite struct StatisticsTests {
    func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-7) -> Bool { a.map { abs($0 - b) <= tol } ?? false }

    @Test func wilsonMatchesScipy() throws {
        for (x, n, lo, hi) in [(81, 263, 0.2552885199, 0.3662095770), (0, 10, 0.0, 0.2775327999), (10, 10, 0.7224672001, 1.0), (5, 10, 0.2365930905, 0.7634069095)] {
            let i = try #require(Proportion.wilson(successes: x, trials: n))
            #expect(close(i.lower, lo) && close(i.upper, hi), "\(x)/\(n)")
        }
        #expect(Proportion.wilson(successes: 0, trials: 0) == nil)
    }

    @Test func newcombeMatchesThePublishedExamples() throws {
        let a = try #require(Proportion.newcombeDifference(x1: 56, n1: 70, x2: 48, n2: 80))
        #expect(close(a.difference, 0.2) && close(a.interval.lower, 0.0524, 5e-5) && close(a.interval.upper, 0.3339, 5e-5))
        let b = try #require(Proportion.newcombeDifference(x1: 9, n1: 10, x2: 3, n2: 10))
        #expect(close(b.interval.lower, 0.1705, 5e-5) && close(b.interval.upper, 0.8090, 5e-5))
    }

    @Test func exactPoissonMatchesChiSquare() {
        for (k, lo, hi) in [(0, 0.0, 3.6888794541), (1, 0.0253178080, 5.5716433909), (10, 4.7953886961, 18.3903560420), (37, 26.0514145671, 50.9996261419)] {
            let r = PoissonRate.exact(count: k, exposure: 1)
            #expect(close(r.interval.lower, lo, 1e-8) && close(r.interval.upper, hi, 1e-8), "k=\(k)")
        }
        // A rate per 1,000 scales the same interval.
        let r = PoissonRate.exact(count: 10, exposure: 2000, per: 1000)
        #expect(close(r.rate, 5) && close(r.interval.upper, 18.3903560420 / 2, 1e-8))
    }

    @Test func studentTQuantilesMatchScipy() {
        for (df, q) in [(1.0, 12.7062047362), (5, 2.5705818356), (10, 2.2281388520), (29, 2.0452296421)] {
            #expect(close(SpecialFunctions.tQuantile(0.975, df: df), q, 1e-8), "df=\(df)")
        }
    }

    @Test func quantilesFollowRType7() {
        let q = Quantiles([(1, 1), (2, 2), (3, 3), (4, 1), (9, 1), (10, 1)])
        #expect(close(q.quantile(0.5), 3) && close(q.quantile(0.8), 6) && close(q.quantile(0.9), 9.2))
        #expect(Quantiles([]).quantile(0.5) == nil)
    }

    @Test func kaplanMeierOnTheLeukaemiaData() {
        // 6-MP arm of Freireich et al. (1963): a negative time marks a censored remission.
        let times = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35]
        let km = KaplanMeier(grouped: Dictionary(grouping: times, by: abs).map { t, xs in (time: t, events: xs.filter { $0 > 0 }.count, censored: xs.filter { $0 < 0 }.count) })
        #expect(close(km.survival(at: 13), 0.6902, 5e-5))  // published to three decimals as 0.690
        #expect(close(km.survival(at: 6), 0.8571, 5e-5))
        #expect(km.median == 23)
        // All censored: no median, nothing happened.
        let open = KaplanMeier(grouped: [(time: 5, events: 0, censored: 3)])
        #expect(open.median == nil && open.probabilityEventBy(100) == 0)
    }

    @Test func anhoejLimitsMatchTheBinomial() {
        for (n, run, crossings) in [(10, 6, 2), (20, 7, 6), (30, 8, 10), (11, 6, 2)] {
            let r = RunsAnalysis(values: (0..<n).map { Double($0 % 2) }, centre: 0.5)
            #expect(r.longestRunLimit == run && r.minimumCrossings == crossings, "n=\(n)")
        }
        // Ten points above, then ten below: a long run and one crossing.
        let shift = RunsAnalysis(values: Array(repeating: 2.0, count: 10) + Array(repeating: 0.0, count: 10), centre: 1)
        #expect(shift.signal && shift.longRun && shift.fewCrossings && shift.crossings == 1)
        // Alternating: no signal.
        #expect(!RunsAnalysis(values: (0..<20).map { Double($0 % 2) }, centre: 0.5).signal)
    }

    @Test func pChartLimits() {
        let c = PChart(points: [(numerator: 10, denominator: 100), (numerator: 30, denominator: 100), (numerator: 20, denominator: 100)])
        #expect(close(c.centre, 0.2))
        let half = 3 * (0.2 * 0.8 / 100).squareRoot()
        #expect(close(c.points[0].lowerLimit, 0.2 - half) && close(c.points[0].upperLimit, 0.2 + half))
        #expect(!c.points[1].outside)
        let wide = PChart(points: [(numerator: 0, denominator: 100), (numerator: 40, denominator: 100)])
        #expect(wide.points[0].outside && wide.points[1].outside)
    }

    @Test func segmentedRegressionMatchesNumpy() throws {
        let y = [10, 10.4, 9.8, 10.9, 11.2, 10.7, 11.5, 11.9, 9.1, 9.0, 8.6, 8.9, 8.2, 8.4, 7.9, 7.7]
        let s = try #require(SegmentedRegression.fit(y.enumerated().map { (Double($0), $1) }, interruption: 8))
        let ref: [(SegmentedRegression.Coefficient, Double, Double, Double, Double)] = [
            (s.baselineLevel, 9.8916666667, 0.1941820792, 9.4685802611, 10.3147530722),
            (s.baselineSlope, 0.2595238095, 0.0464183953, 0.1583868143, 0.3606608047),
            (s.levelChange, -2.8011904762, 0.3043857736, -3.4643901049, -2.1379908475),
            (s.slopeChange, -0.4571428571, 0.0656455242, -0.6001721674, -0.3141135468)]
        for (c, b, se, lo, hi) in ref {
            #expect(close(c.estimate, b, 1e-8) && close(c.standardError, se, 1e-8) && close(c.interval.lower, lo, 1e-7) && close(c.interval.upper, hi, 1e-7))
        }
        #expect(SegmentedRegression.fit([(0, 1), (1, 2), (2, 3), (3, 4)], interruption: 2) == nil)
    }
}

@Suite struct FigureSuppressionTests {
    @Test func countsOfOneToFourShowAsLessThanFive() {
        #expect(FigureSuppression.countText(0) == "0" && FigureSuppression.countText(4) == "<5" && FigureSuppression.countText(5) == "5")
    }

    @Test func aHiddenCellCannotBeDerivedFromTheTotal() {
        // One small month among large ones: a second month is hidden with it.
        #expect(FigureSuppression.hiddenRates([40, 3, 25, 30]) == [1, 2])
        #expect(FigureSuppression.hiddenCounts([12, 0, 7, 2]) == [1, 3, 2] || FigureSuppression.hiddenCounts([12, 0, 7, 2]).count >= 2)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let cells = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Int.random(in: 0...30, using: &rng) }
            let hidden = FigureSuppression.hiddenRates(cells)
            let primary = cells.indices.filter { (1..<10).contains(cells[$0]) }
            #expect(Set(primary).isSubset(of: hidden))
            if !hidden.isEmpty {
                // Subtracting the shown cells from the total leaves the sum of at least two hidden cells of ≥ 10 together.
                let sum = hidden.reduce(0) { $0 + cells[$1] }
                // …unless the total itself is under 10, and then the total is not shown either.
                #expect(hidden.count == cells.count || (hidden.count >= 2 && sum >= 10) || cells.reduce(0, +) < 10, "\(cells) → \(hidden)")
            }
        }
    }
}

@Suite struct ContributionTests {
    let wd = WorkingDays()
    func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 10) -> Date { wd.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))! }

    @Test func aHandComputedClient() {
        let practice = UUID(), ggzOrg = UUID(), social = UUID(), ggzUser = UUID(), socialUser = UUID(), wijk = UUID(), client = UUID()
        let first = Aanmelding(clientID: client, referrerUserID: UUID(), referrerOrganisationID: practice, helpQuestion: "x", urgency: .regulier, receivedAt: at(2026, 3, 2), completeAt: at(2026, 3, 3))
        let second = Aanmelding(clientID: client, referrerUserID: UUID(), referrerOrganisationID: practice, helpQuestion: "y", urgency: .regulier, receivedAt: at(2026, 5, 4), completeAt: at(2026, 5, 4))  // no VG yet: waiting since 4 May
        var vg = VGAppointment(aanmeldingID: first.id, clientID: client, ggzUserID: ggzUser, sociaalDomeinUserID: socialUser,
                               plannedFor: at(2026, 3, 13), end: at(2026, 3, 13, 11), plannedAt: at(2026, 3, 4), plannedBy: ggzUser)
        vg.heldAt = at(2026, 3, 13)  // 10 days after complete
        // Plan on Friday 13 March: shared Monday 16, advice Tuesday 17 = 2 working days: in time.
        let plan = ActionPlan(clientID: client, aanmeldingID: first.id, createdAt: at(2026, 3, 13), createdBy: ggzUser, primaryRoute: .sociaalDomein,
                              adviceText: "a", sharedWithClientAt: at(2026, 3, 16), adviceToGPAt: at(2026, 3, 17))
        let input = MonitorInput(clientID: client, wijkID: wijk, aanmeldingen: [first, second], appointments: [vg], conversations: [], plans: [plan],
                                 handovers: [], invitations: [], answers: [:])
        let ctx = MonitorContext(organisationTypes: [ggzOrg: .ggzAanbieder, social: .sociaalWijkteam], userOrganisations: [ggzUser: ggzOrg, socialUser: social])
        let c = input.contributions(ctx)
        func values(_ m: Measure) -> [Int] { c.filter { $0.measure == m }.map(\.value) }
        #expect(values(.vgWait) == [10])
        #expect(values(.vgWaiting) == [DayNumber.of(year: 2026, month: 5, day: 4)])
        #expect(values(.vgCompleteDuo) == [1])
        #expect(values(.planOutsideGGZ) == [1])
        #expect(values(.planInTimeMet) == values(.planInTimeDue) && values(.planInTimeDue) == [DayNumber.of(year: 2026, month: 3, day: 17)])
        // Re-registered 52 days after the outside-GGZ plan: a hit for both windows.
        #expect(values(.reRegistration90Hit).count == 1 && values(.reRegistration365Hit).count == 1)
        #expect(c.first { $0.measure == .vgWait }!.organisations == [practice, ggzOrg, social])
        #expect(c.first { $0.measure == .vgWait }!.month == YearMonth(year: 2026, month: 3)!)
        // Every contribution is counted in 2 (wijk) × (1 + orgs) × (1 or 2 routes) cells.
        #expect(c.first { $0.measure == .vgWait }!.cells.count == 2 * 4 * 2)
    }

    @Test func dayNumbersRoundTrip() {
        for n in [0, 1, 20_000, 20_517, 19_000] { #expect(DayNumber.of(year: DayNumber.date(n).year, month: DayNumber.date(n).month, day: DayNumber.date(n).day) == n) }
        #expect(DayNumber.of(year: 1970, month: 1, day: 1) == 0)
    }
}
