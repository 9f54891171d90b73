import Domain
import Foundation
import Vapor

/// The printable quarterly report: every indicator of the seven goals over one quarter, beside the same
/// quarter a year earlier and with the trend over the twelve months ending at the quarter. Same access,
/// slice filters and privacy rules as the overview; the page itself is what gets printed.
extension DashboardRoutes {
    struct ReportFigureRow: Encodable { var period: String; var value: String; var interval: String?; var n: String; var own: String? }
    struct ReportMonthRow: Encodable { var month: String; var n: String; var value: String; var interval: String?; var own: String? }
    struct ReportIndicator: Encodable {
        var id: String; var name: String; var path: String; var unit: String; var better: String
        var figures: [ReportFigureRow]; var trend: String?; var signal: String?; var chart: String; var months: [ReportMonthRow]
        var definition: String; var benchmarks: [String]
    }
    struct ReportGoal: Encodable { var anchor: String; var link: String; var name: String; var indicators: [ReportIndicator] }
    struct ReportPage: Encodable {
        var heading: String; var quarter: String; var months: String; var generated: String; var provisional: Bool
        var applied: [DetailRow]; var trendPeriod: String; var goals: [ReportGoal]; var filters: FilterView
        var ownName: String?; var overviewPath: String; var pulsePath: String
    }

    /// "K3 2026" (Dutch) or "Q3 2026".
    static func quarterLabel(_ req: Request, _ q: Quarter) -> String { req.t("report_quarter", ["n": String(q.number), "year": String(q.year)]) }

    /// The quarter asked for (`kwartaal=2026-K3` or `2026-Q3`); by default, and after a Dutch message for
    /// a bad or future one, the last quarter that has ended.
    static func reportQuarter(_ req: Request, current: YearMonth) -> (Quarter, error: String?) {
        let fallback = Quarter.lastComplete(before: current)
        guard let raw = req.query[String.self, at: "kwartaal"], !raw.isEmpty else { return (fallback, nil) }
        guard let q = Quarter(key: raw) else { return (fallback, req.t("report_error_quarter")) }
        if q.firstMonth > current { return (fallback, req.t("report_error_future")) }
        return (q, nil)
    }

    /// A trend series with every month hidden that the quarter's figures hide. The report shows the
    /// quarter's total; a month suppressed there (or hidden as its complement) must not reappear in the chart.
    static func masked(_ trend: IndicatorFigures, by quarter: IndicatorFigures) -> IndicatorFigures {
        let hidden = Set(quarter.months.filter(\.hidden).map(\.month))
        var out = trend
        for i in out.months.indices where hidden.contains(out.months[i].month) {
            out.months[i].hidden = true
            out.months[i].value = nil; out.months[i].lower = nil; out.months[i].upper = nil; out.months[i].outsideLimits = false
        }
        return out
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let scope = try scope(req)
        let me = try req.currentUser()
        let current = YearMonth(req.now, calendar: WorkingDays().calendar)
        let (quarter, quarterError) = reportQuarter(req, current: current)
        var f = Filters(from: quarter.firstMonth, to: quarter.lastMonth, slice: Slice(), errors: quarterError.map { [$0] } ?? [])
        readSlice(req, scope: scope, into: &f)
        let earlier = quarter.adding(quarters: -4)
        let lastYear = Filters(from: earlier.firstMonth, to: earlier.lastMonth, slice: f.slice)
        let trendPeriod = Filters(from: quarter.lastMonth.adding(months: -11), to: quarter.lastMonth, slice: f.slice)
        let (regionSlice, own) = slices(f, scope: scope)

        // One `figures` call per period and slice (each reads all measures in one query), never one per indicator.
        let all = IndicatorCatalogue.all
        struct Periods { var quarter: [IndicatorFigures]; var lastYear: [IndicatorFigures]; var trend: [IndicatorFigures] }
        func periods(_ slice: Slice) async throws -> Periods {
            Periods(quarter: try await figures(req, all, f, slice: slice), lastYear: try await figures(req, all, lastYear, slice: slice),
                    trend: try await figures(req, all, trendPeriod, slice: slice))
        }
        let region = try await periods(regionSlice)
        var mine: Periods?
        if let own { mine = try await periods(own) }
        let ownName = mine == nil ? nil : me.organisation.name

        let thisLabel = quarterLabel(req, quarter), earlierLabel = quarterLabel(req, earlier)
        let month = { (m: YearMonth) in DutchDate.shortMonth(year: m.year, month: m.month, locale: req.locale) }
        let goals = NetworkGoal.allCases.map { goal in
            ReportGoal(anchor: "doel-" + goal.rawValue, link: "#doel-" + goal.rawValue, name: req.t(goal.labelKey), indicators: all.indices.filter { all[$0].goal == goal }.map { i in
                let ind = all[i], unit = ind.unit, q = region.quarter[i], before = region.lastYear[i]
                let ownQ = mine?.quarter[i], ownBefore = mine?.lastYear[i]
                var rows = [ReportFigureRow(period: thisLabel, value: headlineText(req, q), interval: intervalText(q.lower, q.upper, unit),
                                            n: FigureSuppression.countText(q.n), own: ownQ.map { headlineText(req, $0) })]
                if before.n > 0 || (ownBefore?.n ?? 0) > 0 {
                    rows.append(ReportFigureRow(period: earlierLabel, value: headlineText(req, before), interval: intervalText(before.lower, before.upper, unit),
                                                n: FigureSuppression.countText(before.n), own: ownBefore.map { headlineText(req, $0) }))
                }
                let series = masked(region.trend[i], by: q)
                let trendText = trend(req, series)
                let ownSeries = mine.map { masked($0.trend[i], by: $0.quarter[i]) }
                let chart = monthChart(req, series, own: ownSeries.map { (me.organisation.name, $0) }, idPrefix: "report-\(ind.id)",
                                       width: 520, height: 220, compact: true)
                let months = q.months.indices.map { k in
                    let m = q.months[k]
                    return ReportMonthRow(month: month(m.month), n: FigureSuppression.countText(m.n), value: monthValue(req, m, unit),
                                          interval: m.hidden ? nil : intervalText(m.lower, m.upper, unit),
                                          own: ownQ.map { monthValue(req, $0.months[k], unit) })
                }
                return ReportIndicator(
                    id: ind.id, name: name(req, ind), path: SiteURL.dashboardIndicator(ind.id).path + "?" + trendPeriod.query,
                    unit: req.t("unit_" + unit.rawValue), better: req.t("better_" + ind.better.rawValue), figures: rows,
                    trend: trendText.isEmpty ? nil : trendText, signal: signalText(req, series), chart: chart, months: months,
                    definition: req.locale == .en ? ind.definitionEN : ind.definitionNL,
                    benchmarks: ind.benchmarks.map { req.locale == .en ? $0.labelEN : $0.labelNL })
            })
        }

        var filters = try await filterView(req, f, scope: scope)
        filters.byQuarter = true
        // The quarters that have ended over the last three years, and the running one (provisional).
        var choices = (0...12).map { Quarter(current).adding(quarters: -$0) }
        if !choices.contains(quarter) { choices.append(quarter) }
        filters.quarters = choices.map { Option(value: $0.key, label: quarterLabel(req, $0), selected: $0 == quarter) }
        let selected = { (options: [Option], chosen: Bool) in
            options.first(where: \.selected)?.label ?? req.t(chosen ? "report_unknown" : "dashboard_all")
        }
        var applied = [DetailRow(label: req.t("report_quarter_label"), value: thisLabel),
                       DetailRow(label: req.t("field_wijk"), value: selected(filters.wijken, f.slice.wijkID != nil))]
        if let ownName {
            applied.append(DetailRow(label: req.t("field_organisation"), value: req.t("report_own_beside_region", ["organisation": ownName])))
        } else {
            applied.append(DetailRow(label: req.t("field_organisation"), value: selected(filters.organisations, f.slice.organisationID != nil)))
        }
        applied.append(DetailRow(label: req.t("dashboard_route"), value: selected(filters.routes, f.slice.route != nil)))

        let regionName = try await req.repositories.region.regions().first?.name ?? "MGN"
        let page = ReportPage(
            heading: req.t("report_heading", ["region": regionName, "quarter": thisLabel]), quarter: quarter.key,
            months: DutchDate.month(year: quarter.firstMonth.year, month: quarter.firstMonth.month, locale: req.locale) + " – "
                + DutchDate.month(year: quarter.lastMonth.year, month: quarter.lastMonth.month, locale: req.locale),
            generated: DutchDate.dayTime(req.now), provisional: quarter.lastMonth >= current, applied: applied,
            trendPeriod: month(trendPeriod.from) + " – " + month(trendPeriod.to), goals: goals, filters: filters, ownName: ownName,
            overviewPath: SiteURL.dashboard.path + "?" + trendPeriod.query, pulsePath: SiteURL.pulse.path)
        return try await req.render("dashboard/report", titleKey: "report_title", page)
    }
}
