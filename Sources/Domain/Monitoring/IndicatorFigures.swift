import Foundation

/// One month of an indicator: the figure, its interval, and whether privacy rules hide it.
public struct MonthFigure: Sendable, Equatable {
    public var month: YearMonth
    /// Items the figure is over (denominator, answers, cases); 0 = no data that month.
    public var n: Int
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
    /// Control limits of a p-chart, when the indicator is a proportion.
    public var lowerLimit: Double?
    public var upperLimit: Double?
    /// Outside the control limits.
    public var outsideLimits: Bool = false
    /// The figure is left out (too few, or a complement); `n` then shows as "<5" or stays.
    public var hidden: Bool = false
    /// A round's label ("2026 K2") where the row is a pulse round rather than a calendar month.
    public var label: String? = nil
    /// Even the count may not be given (a group the pulse's small-group rule rolled up).
    public var countHidden: Bool = false
}

/// A named extra figure on the page (P80, % within 28 days, the ITS coefficients…).
public struct DetailFigure: Sendable, Equatable {
    public var key: String
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
    public var unit: Indicator.Unit
    public init(_ key: String, _ value: Double?, _ interval: Interval? = nil, unit: Indicator.Unit) {
        self.key = key; self.value = value; lower = interval?.lower; upper = interval?.upper; self.unit = unit
    }
}

/// A category's share (ja/deels/nee, or a route), or a group's own figure (an organisation, a table, a wijk).
public struct CategoryFigure: Sendable, Equatable {
    /// A text key, or a structural key ("org:<id>", "table:<id>", "wijk:<id>") when `name` is given.
    public var key: String
    public var count: Int
    /// The share of the total in percent; for a group, its own figure in `unit`.
    public var share: Double?
    public var lower: Double?
    public var upper: Double?
    public var hidden: Bool
    /// A proper name, shown as it is (no translation).
    public var name: String? = nil
    /// The organisation the row is about, so a professional's page can leave out other organisations.
    public var organisationID: UUID? = nil
    /// Level in a hierarchy (region 0, organisation type 1, organisation 2).
    public var depth: Int = 0
    public var unit: Indicator.Unit = .percent
    /// The count shows as "<5" (a count of 1–4, or its complement).
    public var countHidden: Bool = false
}

/// The figures of one indicator over a period, ready for a page, an export or the overview.
public struct IndicatorFigures: Sendable {
    public var indicator: Indicator
    /// The headline over the whole period.
    public var headline: Double?
    public var lower: Double?
    public var upper: Double?
    public var n: Int
    public var headlineHidden: Bool
    public var details: [DetailFigure] = []
    public var months: [MonthFigure] = []
    public var categories: [CategoryFigure] = []
    /// The categories are groups with their own figure (organisations, tables, wijken), not shares of answers.
    public var categoriesAreGroups = false
    /// p-chart centre line (proportions) or the median of the monthly values (run chart).
    public var centre: Double?
    /// Anhøj rules on the monthly series; nil with fewer than 10 useful months.
    public var runs: RunsAnalysis?
    /// Difference between the last three months with data and the first three (Newcombe, proportions only).
    public var change: DetailFigure?
    /// Interrupted time series at go-live (referral rates).
    public var segmented: SegmentedRegression?
    /// Index in `months` of the first month after go-live, for the chart's marker.
    public var goLiveIndex: Int?

    /// A real shift: a long run, too few crossings, or a point outside the p-chart's limits.
    public var hasSignal: Bool { (runs?.signal ?? false) || months.contains { $0.outsideLimits } }
}

/// Inputs besides the histograms.
public struct FigureContext: Sendable {
    public var months: [YearMonth]
    /// Today's day number (Amsterdam), for open and decided items.
    public var today: Int
    public var goLive: YearMonth?
    public var baseline: [YearMonth: BaselineTotals]
    public var routeCounts: [YearMonth: [CareRoute: Int]]
    /// The slice: the pulse's small groups need every organisation's answers, so it picks the organisation's row itself.
    public var slice = Slice()
    /// Side sources, filled only when an indicator needs them.
    public var pulseRounds: [PulseRoundSums] = []
    public var partnerRounds: [PartnerRatingRound] = []
    public var cases: CaseTableCounts?
    public var wijkWaits: [WijkWait] = []
    /// The agreements (their order, titles and norms) and their adherence counts in the slice.
    public var agreements: [Agreement] = []
    public var adherence: [AdherenceMonthCounts] = []
    /// For the pulse's tree: organisation → type.
    public var organisationTypes: [UUID: OrganisationType] = [:]
    /// Proper names of groups: "org:<id>", "wijk:<id>" → name.
    public var names: [String: String] = [:]
    public init(months: [YearMonth], today: Int, goLive: YearMonth?, baseline: [YearMonth: BaselineTotals] = [:],
                routeCounts: [YearMonth: [CareRoute: Int]] = [:]) {
        self.months = months; self.today = today; self.goLive = goLive; self.baseline = baseline; self.routeCounts = routeCounts
    }
}

extension Computation {
    /// The measures to read from the summary.
    public var measures: [Measure] {
        switch self {
        case .duration(let m, _), .waitingNow(let m, _), .share(let m, _), .mean(let m, _), .categories(let m, _): [m]
        case .survival(let e, let c, let o, _): [e, c, o]
        case .decided(let d, let h), .perHundred(let d, let h): [d, h]
        case .referralRate: [.ggzReferral]
        // Side sources read their own tables: the summary query stays as it is.
        case .routeMix, .pulse, .partnerRatings, .caseAdviceDays, .caseTakenOver, .currentVGWait, .agreementAdherence: []
        }
    }

    /// Computations that apply their own privacy rule (the pulse's small groups) or need none (free time).
    var suppressesItself: Bool {
        switch self {
        case .pulse, .partnerRatings, .currentVGWait: true
        default: false
        }
    }
}

extension YearMonth {
    public func adding(months n: Int) -> YearMonth {
        let total = year * 12 + (month - 1) + n
        return YearMonth(year: total / 12, month: total % 12 + 1)!
    }
    /// Every month from `self` through `end`.
    public func through(_ end: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = self
        while m <= end { out.append(m); m = m.adding(months: 1) }
        return out
    }
    public var firstDay: Int { DayNumber.of(year: year, month: month, day: 1) }
}

extension IndicatorFigures {
    /// Computes an indicator from the summary's histograms. Pure: the same inputs give the same figures.
    public static func compute(_ indicator: Indicator, _ h: Histograms, _ ctx: FigureContext) -> IndicatorFigures {
        var f = IndicatorFigures(indicator: indicator, n: 0, headlineHidden: false)
        let range = ctx.months.isEmpty ? nil : ctx.months.first!...ctx.months.last!
        func hist(_ m: Measure, _ month: YearMonth? = nil) -> [Int: Int] {
            if let month { return h.months(m)[month] ?? [:] }
            return h.merged(m, in: range)
        }
        func total(_ d: [Int: Int]) -> Int { d.values.reduce(0, +) }
        func pairs(_ d: [Int: Int]) -> [(value: Int, count: Int)] { d.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

        switch indicator.computation {
        case .duration(let m, let within):
            let all = hist(m)
            f.n = total(all)
            let q = Quantiles(pairs(all))
            f.headline = q.quantile(0.5)
            f.details = [DetailFigure("p80", q.quantile(0.8), unit: indicator.unit), DetailFigure("p90", q.quantile(0.9), unit: indicator.unit)]
            for w in within { f.details.append(share("within_\(w)", all.filter { $0.key <= w }.values.reduce(0, +), of: f.n)) }
            f.months = ctx.months.map { month in
                let d = hist(m, month)
                return MonthFigure(month: month, n: total(d), value: Quantiles(pairs(d)).quantile(0.5))
            }
            f.runChart()
        case .waitingNow(let m, let over):
            let all = hist(m)
            f.n = total(all)
            f.headline = Double(f.n)
            let long = all.filter { ctx.today - $0.key > over }.values.reduce(0, +)
            f.details = [DetailFigure("longer_than_\(over)", Double(long), unit: .count)]
            let waits = pairs(all.reduce(into: [Int: Int]()) { $0[ctx.today - $1.key, default: 0] += $1.value })
            f.details.append(DetailFigure("median_wait", Quantiles(waits).quantile(0.5), unit: .days))
            f.months = ctx.months.map { month in
                let n = total(hist(m, month))
                return MonthFigure(month: month, n: n, value: Double(n))
            }
        case .survival(let e, let c, let o, let within):
            func km(_ month: YearMonth?) -> (KaplanMeier, Int) {
                var groups: [Int: (events: Int, censored: Int)] = [:]
                for (t, n) in hist(e, month) { groups[t, default: (0, 0)].events += n }
                for (t, n) in hist(c, month) { groups[t, default: (0, 0)].censored += n }
                for (start, n) in hist(o, month) { groups[max(0, ctx.today - start), default: (0, 0)].censored += n }
                let obs = groups.sorted { $0.key < $1.key }.map { (time: $0.key, events: $0.value.events, censored: $0.value.censored) }
                return (KaplanMeier(grouped: obs), obs.reduce(0) { $0 + $1.events + $1.censored })
            }
            let (all, n) = km(nil)
            f.n = n
            f.headline = all.median
            f.details = [DetailFigure("within_\(within)", n == 0 ? nil : 100 * all.probabilityEventBy(within), unit: .percent),
                         DetailFigure("open_now", Double(total(hist(o))), unit: .count)]
            for w in [28, 70] where w != within {
                f.details.insert(DetailFigure("within_\(w)", n == 0 ? nil : 100 * all.probabilityEventBy(w), unit: .percent), at: 0)
            }
            f.months = ctx.months.map { month in
                let (k, n) = km(month)
                return MonthFigure(month: month, n: n, value: k.median)
            }
            f.runChart()
        case .share(let m, let success):
            f.proportion(ctx.months.map { month in
                let d = hist(m, month)
                return (month, d.filter { success.contains($0.key) }.values.reduce(0, +), total(d))
            })
        case .decided(let due, let hit):
            // Only items whose window closed before today are decided.
            f.proportion(ctx.months.map { month in
                (month, hist(hit, month).filter { $0.key < ctx.today }.values.reduce(0, +),
                 hist(due, month).filter { $0.key < ctx.today }.values.reduce(0, +))
            })
        case .mean(let m, let atLeast):
            let all = hist(m)
            f.n = total(all)
            let est = MeanEstimate(histogram: pairs(all))
            f.headline = est?.mean; f.lower = est?.interval?.lower; f.upper = est?.interval?.upper
            if let atLeast { f.details = [share("at_least_\(atLeast)", all.filter { $0.key >= atLeast }.values.reduce(0, +), of: f.n)] }
            f.months = ctx.months.map { month in
                let e = MeanEstimate(histogram: pairs(hist(m, month)))
                return MonthFigure(month: month, n: e?.n ?? 0, value: e?.mean, lower: e?.interval?.lower, upper: e?.interval?.upper)
            }
            f.runChart()
        case .perHundred(let due, let hit):
            func rate(_ x: Int, _ n: Int) -> (Double, Interval)? {
                n == 0 ? nil : PoissonRate.exact(count: x, exposure: Double(n), per: 100)
            }
            var xs = 0
            f.months = ctx.months.map { month in
                let n = hist(due, month).filter { $0.key < ctx.today }.values.reduce(0, +)
                let x = hist(hit, month).filter { $0.key < ctx.today }.values.reduce(0, +)
                xs += x; f.n += n
                let r = rate(x, n)
                return MonthFigure(month: month, n: n, value: r?.0, lower: r?.1.lower, upper: r?.1.upper)
            }
            if let r = rate(xs, f.n) { f.headline = r.0; f.lower = r.1.lower; f.upper = r.1.upper }
            f.runChart()
        case .categories(let m, let labels):
            let all = hist(m)
            f.n = total(all)
            f.categories = categories(labels, labels.indices.map { all[$0] ?? 0 })
            f.headline = f.categories.first?.share; f.lower = f.categories.first?.lower; f.upper = f.categories.first?.upper
            f.months = ctx.months.map { month in
                let d = hist(m, month)
                let n = total(d)
                return MonthFigure(month: month, n: n, value: n == 0 ? nil : 100 * Double(d[0] ?? 0) / Double(n))
            }
        case .routeMix:
            var totals: [CareRoute: Int] = [:]
            for (month, routes) in ctx.routeCounts where range?.contains(month) ?? true { for (r, n) in routes { totals[r, default: 0] += n } }
            f.n = totals.values.reduce(0, +)
            f.categories = categories(CareRoute.allCases.map(\.labelKey), CareRoute.allCases.map { totals[$0] ?? 0 })
            let outside = CareRoute.allCases.filter { !$0.isGGZ }
            f.months = ctx.months.map { month in
                let routes = ctx.routeCounts[month] ?? [:]
                let n = routes.values.reduce(0, +)
                return MonthFigure(month: month, n: n, value: n == 0 ? nil : 100 * Double(outside.reduce(0) { $0 + (routes[$1] ?? 0) }) / Double(n))
            }
            f.headline = f.n == 0 ? nil : 100 * Double(outside.reduce(0) { $0 + (totals[$1] ?? 0) }) / Double(f.n)
        case .referralRate(let specialised):
            let mgn = h.months(.ggzReferral)
            var xs = 0, patients = 0
            var points: [(t: Double, y: Double)] = []
            f.months = ctx.months.enumerated().map { i, month in
                guard let b = ctx.baseline[month], b.registeredPatients > 0 else { return MonthFigure(month: month, n: 0) }
                let through = mgn[month] ?? [:]
                let x = (specialised ? b.referralsSpecialised : b.referralsBasic + b.referralsSpecialised)
                    + (specialised ? (through[1] ?? 0) : (through[0] ?? 0) + (through[1] ?? 0))
                xs += x; patients += b.registeredPatients
                let r = PoissonRate.exact(count: x, exposure: Double(b.registeredPatients), per: 1000)
                points.append((Double(i), r.rate))
                return MonthFigure(month: month, n: b.registeredPatients, value: r.rate, lower: r.interval.lower, upper: r.interval.upper)
            }
            f.n = patients
            if patients > 0 {
                let r = PoissonRate.exact(count: xs, exposure: Double(patients), per: 1000)
                f.headline = r.rate; f.lower = r.interval.lower; f.upper = r.interval.upper
            }
            if let goLive = ctx.goLive, let t0 = ctx.months.firstIndex(where: { $0 >= goLive }) {
                f.goLiveIndex = t0
                f.segmented = SegmentedRegression.fit(points, interruption: Double(t0))
                if let s = f.segmented {
                    f.details = [DetailFigure("its_level_change", s.levelChange.estimate, s.levelChange.interval, unit: .perThousand),
                                 DetailFigure("its_slope_change", s.slopeChange.estimate, s.slopeChange.interval, unit: .perThousand)]
                }
                // Before against after, over the months with figures.
                let before = f.months.prefix(t0).filter { $0.n > 0 }, after = f.months.suffix(from: t0).filter { $0.n > 0 }
                let rb = before.compactMap(\.value).reduce(0, +) / Double(max(1, before.count))
                let ra = after.compactMap(\.value).reduce(0, +) / Double(max(1, after.count))
                if !before.isEmpty && !after.isEmpty && rb > 0 { f.details.append(DetailFigure("change_vs_baseline", 100 * (ra - rb) / rb, unit: .percent)) }
            }
            f.runChart()
        case .pulse(let item): f.pulse(item, ctx)
        case .partnerRatings: f.partnerRatings(ctx)
        case .caseAdviceDays(let within): f.caseAdviceDays(within: within, ctx)
        case .caseTakenOver: f.caseTakenOver(ctx)
        case .currentVGWait: f.currentVGWait(ctx)
        case .agreementAdherence: f.agreementAdherence(ctx)
        }
        if !indicator.computation.suppressesItself { f.suppress() }
        return f
    }

    /// A share of `n` in percent with its Wilson interval.
    static func share(_ key: String, _ x: Int, of n: Int) -> DetailFigure {
        DetailFigure(key, n == 0 ? nil : 100 * Double(x) / Double(n), Proportion.wilson(successes: x, trials: n)?.scaled(100), unit: .percent)
    }

    /// Each category's share of the total, with the counts' complementary suppression.
    static func categories(_ keys: [String], _ counts: [Int]) -> [CategoryFigure] {
        let n = counts.reduce(0, +)
        let hidden = FigureSuppression.hiddenCounts(counts)
        return keys.enumerated().map { i, key in
            let s = share(key, counts[i], of: n)
            return CategoryFigure(key: key, count: counts[i], share: s.value, lower: s.lower, upper: s.upper,
                                  hidden: hidden.contains(i) || n < FigureSuppression.minimumDenominator)
        }
    }

    /// Proportion per month with Wilson intervals, a p-chart, Anhøj rules and the change first → last quarter.
    mutating func proportion(_ rows: [(YearMonth, Int, Int)]) {
        let xs = rows.reduce(0) { $0 + $1.1 }
        n = rows.reduce(0) { $0 + $1.2 }
        if n > 0 {
            headline = 100 * Double(xs) / Double(n)
            let ci = Proportion.wilson(successes: xs, trials: n)?.scaled(100)
            lower = ci?.lower; upper = ci?.upper
        }
        let chart = PChart(points: rows.map { (numerator: $0.1, denominator: $0.2) })
        months = rows.enumerated().map { i, r in
            let ci = Proportion.wilson(successes: r.1, trials: r.2)?.scaled(100)
            let p = chart.points[i]
            return MonthFigure(month: r.0, n: r.2, value: r.2 == 0 ? nil : 100 * Double(r.1) / Double(r.2), lower: ci?.lower, upper: ci?.upper,
                               lowerLimit: p.lowerLimit.map { 100 * $0 }, upperLimit: p.upperLimit.map { 100 * $0 }, outsideLimits: p.outside)
        }
        centre = chart.centre.map { 100 * $0 }
        let useful = rows.filter { $0.2 > 0 }
        if useful.count >= 10, let c = chart.centre {
            runs = RunsAnalysis(values: useful.map { Double($0.1) / Double($0.2) }, centre: c)
        }
        // First three months with data against the last three.
        if useful.count >= 6 {
            let first = useful.prefix(3), last = useful.suffix(3)
            let x1 = last.reduce(0) { $0 + $1.1 }, n1 = last.reduce(0) { $0 + $1.2 }
            let x2 = first.reduce(0) { $0 + $1.1 }, n2 = first.reduce(0) { $0 + $1.2 }
            if let d = Proportion.newcombeDifference(x1: x1, n1: n1, x2: x2, n2: n2) {
                change = DetailFigure("change_last_first", 100 * d.difference, d.interval.scaled(100), unit: .percent)
            }
        }
    }

    /// A run chart of the monthly values around their median.
    mutating func runChart() {
        let values = months.compactMap(\.value)
        guard values.count >= 10 else { return }
        let sorted = values.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        centre = median
        runs = RunsAnalysis(values: values, centre: median)
    }

    /// Applies the privacy rules to the months and the headline.
    mutating func suppress() {
        let isRate: Bool = {
            switch indicator.unit { case .percent, .score, .days, .workingDays, .perHundred: true; case .count, .perThousand: false }
        }()
        if isRate {
            let hide = FigureSuppression.hiddenRates(months.map(\.n))
            for i in months.indices where hide.contains(i) {
                months[i].hidden = true
                months[i].value = nil; months[i].lower = nil; months[i].upper = nil; months[i].outsideLimits = false
                months[i].lowerLimit = nil; months[i].upperLimit = nil
            }
            if n < FigureSuppression.minimumDenominator {
                headlineHidden = true; headline = nil; lower = nil; upper = nil
                details = details.map { var d = $0; d.value = nil; d.lower = nil; d.upper = nil; return d }
                change = nil
            }
        } else if indicator.unit == .count {
            let hide = FigureSuppression.hiddenCounts(months.map(\.n))
            for i in months.indices where hide.contains(i) { months[i].hidden = true; months[i].value = nil }
            if (1..<FigureSuppression.minimumCount).contains(n) { headlineHidden = true; headline = nil }
            details = details.map { var d = $0
                if d.unit == .count, let v = d.value, (1..<Double(FigureSuppression.minimumCount)).contains(v) { d.value = nil }
                if d.unit == .days, n < FigureSuppression.minimumDenominator { d.value = nil }
                return d }
        }
    }
}
