import Domain
import Foundation
import Vapor

/// The monitoring dashboard: the seven goals with their indicators, computed from the summary table
/// (aggregates only), with uncertainty and privacy rules applied before anything is shown or exported.
enum DashboardRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.dashboard, use: overview)
        routes.get(.dashboardJSON, use: overviewJSON)
        routes.get(.dashboardIndicator(nil), use: indicator)
        routes.get(.dashboardIndicatorCSV(nil), use: indicatorCSV)
        routes.get(.dashboardReport, use: report)
        routes.get(.dashboardBaseline, use: baselineForm)
        routes.on(.POST, SiteURL.dashboardBaseline.components, body: .collect(maxSize: ByteCount(value: CSRFProtection.uploadLimit)), use: baselineImport)
    }

    // MARK: filters

    /// The period and slice a page shows, read from the query; `errors` holds Dutch messages for bad values.
    struct Filters {
        var from: YearMonth
        var to: YearMonth
        var slice: Slice
        var errors: [String] = []
        var query: String { (["van=\(from.key)", "tot=\(to.key)"] + sliceQuery).joined(separator: "&") }
        /// The wijk, organisation and route only: for a page with its own period (the quarterly report).
        var sliceQuery: [String] {
            var q: [String] = []
            if let w = slice.wijkID { q.append("wijk=\(w.uuidString.lowercased())") }
            if let o = slice.organisationID { q.append("organisatie=\(o.uuidString.lowercased())") }
            if let r = slice.route { q.append("route=\(r.rawValue)") }
            return q
        }
    }

    static func scope(_ req: Request) throws -> DashboardPolicy.Scope {
        let me = try req.currentUser()
        guard let s = DashboardPolicy.scope(me.user, me.organisation) else { throw Abort(.forbidden) }
        return s
    }

    static func filters(_ req: Request, scope: DashboardPolicy.Scope) -> Filters {
        let current = YearMonth(req.now, calendar: WorkingDays().calendar)
        var f = Filters(from: current.adding(months: -11), to: current, slice: Slice())
        func text(_ k: String) -> String? { (req.query[String.self, at: k]).flatMap { $0.isEmpty ? nil : $0 } }
        if let v = text("van") { if let m = YearMonth(key: v) { f.from = m } else { f.errors.append(req.t("dashboard_error_month", ["field": req.t("dashboard_from")])) } }
        if let v = text("tot") { if let m = YearMonth(key: v) { f.to = m } else { f.errors.append(req.t("dashboard_error_month", ["field": req.t("dashboard_to")])) } }
        if f.from > f.to { f.errors.append(req.t("dashboard_error_order")); swap(&f.from, &f.to) }
        if f.from.through(f.to).count > 60 { f.errors.append(req.t("dashboard_error_long")); f.from = f.to.adding(months: -59) }
        readSlice(req, scope: scope, into: &f)
        return f
    }

    /// The wijk, route and organisation filters, with a Dutch message for each bad value.
    static func readSlice(_ req: Request, scope: DashboardPolicy.Scope, into f: inout Filters) {
        func text(_ k: String) -> String? { (req.query[String.self, at: k]).flatMap { $0.isEmpty ? nil : $0 } }
        if let v = text("wijk") { if let id = UUID(uuidString: v) { f.slice.wijkID = id } else { f.errors.append(req.t("dashboard_error_wijk")) } }
        if let v = text("route") { if let r = CareRoute(rawValue: v) { f.slice.route = r } else { f.errors.append(req.t("dashboard_error_route")) } }
        if let v = text("organisatie") {
            if let id = UUID(uuidString: v) {
                // A professional sees their own organisation beside the region, not another's.
                if case .ownOrganisation(let own) = scope, own != id { f.errors.append(req.t("dashboard_error_organisation")) } else { f.slice.organisationID = id }
            } else { f.errors.append(req.t("dashboard_error_organisation")) }
        }
    }

    /// The region's slice (a professional's organisation filter applies to their own column only) and,
    /// for a professional, their own organisation's.
    static func slices(_ f: Filters, scope: DashboardPolicy.Scope) -> (region: Slice, own: Slice?) {
        guard case .ownOrganisation(let id) = scope else { return (f.slice, nil) }
        var region = f.slice, own = f.slice
        region.organisationID = nil; own.organisationID = id
        return (region, own)
    }

    static func goLive(_ req: Request) -> YearMonth? { req.config.goLive }

    /// The figures of some indicators for one slice: one query for all their measures.
    static func figures(_ req: Request, _ indicators: [Indicator], _ f: Filters, slice: Slice) async throws -> [IndicatorFigures] {
        let repo = req.repositories.dashboard
        let measures = Array(Set(indicators.flatMap(\.computation.measures))).sorted { $0.rawValue < $1.rawValue }
        let h = try await repo.histograms(measures, slice: slice, from: f.from, to: f.to)
        let needsBaseline = indicators.contains { if case .referralRate = $0.computation { true } else { false } }
        let needsRoutes = indicators.contains { $0.computation == .routeMix }
        // Baseline figures are per practice: only the practice filter applies to them.
        let baseline = needsBaseline ? try await repo.baseline(organisationID: slice.organisationID, from: f.from, to: f.to) : [:]
        let routes = needsRoutes ? try await repo.routeCounts(slice: slice, from: f.from, to: f.to) : [:]
        var ctx = FigureContext(months: f.from.through(f.to), today: DayNumber.of(req.now, calendar: WorkingDays().calendar),
                                goLive: goLive(req), baseline: baseline, routeCounts: routes)
        ctx.slice = slice
        try await sideSources(req, indicators, f, into: &ctx)
        return indicators.map { IndicatorFigures.compute($0, h, ctx) }
    }

    /// The side sources the indicators need (pulse, casuïstiektafel, the duos' free time), each read only when asked for.
    static func sideSources(_ req: Request, _ indicators: [Indicator], _ f: Filters, into ctx: inout FigureContext) async throws {
        let repo = req.repositories.dashboard
        func needs(_ p: (Computation) -> Bool) -> Bool { indicators.contains { p($0.computation) } }
        let pulse = needs { if case .pulse = $0 { true } else { false } }, partners = needs { $0 == .partnerRatings }
        let cases = needs { if case .caseAdviceDays = $0 { true } else { $0 == .caseTakenOver } }, waits = needs { $0 == .currentVGWait }
        if pulse || partners || waits {
            let organisations = try await Self.organisations(req)
            for o in organisations { ctx.organisationTypes[o.id] = o.type; ctx.names["org:\(o.id.uuidString)"] = o.name }
            // The pulse's rounds are whole: its small groups need every organisation, so the slice is applied after.
            if pulse { ctx.pulseRounds = try await repo.pulseRounds(from: f.from, to: f.to, closedBy: req.now) }
            if partners { ctx.partnerRounds = try await repo.partnerRatings(from: f.from, to: f.to, closedBy: req.now) }
            if waits { ctx.wijkWaits = try await wijkWaits(req, slice: ctx.slice, organisations: organisations, names: &ctx.names) }
        }
        if cases { ctx.cases = try await repo.caseTableCounts(slice: ctx.slice, from: f.from, to: f.to) }
        if needs({ $0 == .agreementAdherence }) {
            ctx.agreements = try await req.repositories.agreements.all()
            for k in NormKind.allCases { ctx.names["norm:\(k.rawValue)"] = req.t(k.labelKey) }
            ctx.adherence = try await repo.agreementAdherence(slice: ctx.slice, from: f.from, to: f.to, today: ctx.today)
        }
    }

    /// The current wait per wijk (in the slice's wijk, or all), from the duo slots the planning page proposes.
    /// For an organisation: the wijken it serves, since its professionals are in no duo elsewhere.
    static func wijkWaits(_ req: Request, slice: Slice, organisations: [Organisation], names: inout [String: String]) async throws -> [WijkWait] {
        let served = slice.organisationID.map { id in Set(organisations.first { $0.id == id }?.wijkIDs ?? []) }
        let wijken = try await Self.wijken(req)
            .filter { (slice.wijkID == nil || $0.id == slice.wijkID) && (served?.contains($0.id) ?? true) }
        for w in wijken { names["wijk:\(w.id.uuidString)"] = w.name }
        let users = try await req.repositories.users.list(organisationIDs: nil)
        var ids = Set<UUID>()
        for w in wijken {
            let (ggz, sociaal) = DuoCandidates.split(users: users, organisations: organisations, wijkID: w.id)
            ids.formUnion((ggz + sociaal).map(\.id))
        }
        guard !ids.isEmpty else { return wijken.map { WijkWait(wijkID: $0.id, days: nil) } }
        let availability = try await req.repositories.planning.availability(userIDs: Array(ids), from: req.now)
        let busy = try await req.repositories.planning.busy(userIDs: Array(ids), from: req.now)
        return CurrentWaitingTime.perWijk(wijken.map(\.id), users: users, organisations: organisations, availability: availability, busy: busy,
                                          now: req.now, calendar: PlanningRoutes.calendar, withMemberOf: slice.organisationID)
    }

    // MARK: formatting

    static func number(_ v: Double?, _ unit: Indicator.Unit) -> String {
        guard let v else { return "—" }
        switch unit {
        case .percent: return Chart.dutchNumber((v * 10).rounded() / 10) + "%"
        case .days, .workingDays, .count: return Chart.dutchNumber(v.rounded())
        case .score, .perHundred: return Chart.dutchNumber((v * 10).rounded() / 10)
        case .perThousand: return Chart.dutchNumber((v * 100).rounded() / 100)
        }
    }

    /// The unit after a figure; "1 dag", not "1 dagen", when the shown figure is one.
    static func unitSuffix(_ req: Request, _ unit: Indicator.Unit, value: Double? = nil) -> String {
        let one = value.map { $0.rounded() == 1 } ?? false
        switch unit {
        case .days: return " " + req.t(one ? "unit_day" : "unit_days")
        case .workingDays: return " " + req.t(one ? "unit_working_day" : "unit_working_days")
        case .perThousand: return " " + req.t("unit_per_1000")
        case .perHundred: return " " + req.t("unit_per_100")
        default: return ""
        }
    }

    static func headlineText(_ req: Request, _ f: IndicatorFigures) -> String {
        if f.headlineHidden { return f.indicator.unit == .count ? "<5" : req.t("dashboard_too_few") }
        guard let v = f.headline else { return "—" }
        return number(v, f.indicator.unit) + unitSuffix(req, f.indicator.unit, value: v)
    }

    /// A month's or round's count: "<5" for 1–4, and nothing at all for a group the pulse rolled up.
    static func countText(_ m: MonthFigure) -> String { m.countHidden ? "—" : FigureSuppression.countText(m.n) }

    static func periodLabel(_ req: Request, _ m: MonthFigure) -> String {
        m.label ?? DutchDate.shortMonth(year: m.month.year, month: m.month.month, locale: req.locale)
    }

    /// A professional sees the region and their own organisation, not another organisation's row.
    static func visibleCategories(_ f: IndicatorFigures, scope: DashboardPolicy.Scope) -> [CategoryFigure] {
        guard case .ownOrganisation(let own) = scope else { return f.categories }
        return f.categories.filter { $0.organisationID == nil || $0.organisationID == own }
    }

    static func intervalText(_ lower: Double?, _ upper: Double?, _ unit: Indicator.Unit) -> String? {
        guard let lower, let upper else { return nil }
        return number(lower, unit) + " – " + number(upper, unit)
    }

    // MARK: views

    struct GoalView: Encodable { var name: String; var indicators: [OverviewRow] }
    struct OverviewRow: Encodable {
        var name: String; var path: String; var headline: String; var interval: String?; var n: String
        var own: String?; var signal: String?; var trend: String
    }
    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct FilterView: Encodable {
        var from: String; var to: String; var wijken: [Option]; var organisations: [Option]; var routes: [Option]; var errors: [String]
        var ownOrganisationOnly: Bool
        /// The quarterly report chooses a quarter instead of a from–to period.
        var byQuarter = false
        var quarters: [Option] = []
    }
    struct OverviewPage: Encodable {
        var goals: [GoalView]; var filters: FilterView; var ownName: String?; var period: String; var jsonPath: String
        var mayImport: Bool; var baselinePath: String; var pulsePath: String; var reportPath: String
    }

    // The organisations and wijken a page needs in several places (filters, side sources), read once per request:
    // at national scale they are thousands of rows.
    private struct OrganisationsKey: StorageKey { typealias Value = [Organisation] }
    private struct WijkenKey: StorageKey { typealias Value = [Wijk] }
    static func organisations(_ req: Request) async throws -> [Organisation] {
        if let o = req.storage[OrganisationsKey.self] { return o }
        let o = try await req.repositories.organisations.all()
        req.storage[OrganisationsKey.self] = o
        return o
    }
    static func wijken(_ req: Request) async throws -> [Wijk] {
        if let w = req.storage[WijkenKey.self] { return w }
        let w = try await req.repositories.region.wijken()
        req.storage[WijkenKey.self] = w
        return w
    }

    static func filterView(_ req: Request, _ f: Filters, scope: DashboardPolicy.Scope) async throws -> FilterView {
        let wijken = try await Self.wijken(req).sorted { $0.name < $1.name }
        var orgs = try await Self.organisations(req).filter { $0.isActive }.sorted { $0.name < $1.name }
        if case .ownOrganisation(let own) = scope { orgs = orgs.filter { $0.id == own } }
        return FilterView(
            from: f.from.key, to: f.to.key,
            wijken: wijken.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == f.slice.wijkID) },
            organisations: orgs.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == f.slice.organisationID) },
            routes: CareRoute.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == f.slice.route) },
            errors: f.errors, ownOrganisationOnly: scope != .region)
    }

    static func trend(_ req: Request, _ f: IndicatorFigures) -> String {
        let shown = f.months.filter { !$0.hidden }.compactMap(\.value)
        guard shown.count >= 2, let first = shown.first, let last = shown.last, first != last else { return "" }
        let up = last > first
        let better: Bool? = f.indicator.better == .neither ? nil : (up == (f.indicator.better == .higherIsBetter))
        return req.t(up ? "trend_up" : "trend_down") + (better.map { " (" + req.t($0 ? "trend_better" : "trend_worse") + ")" } ?? "")
    }

    static func signalText(_ req: Request, _ f: IndicatorFigures) -> String? {
        var parts: [String] = []
        if let r = f.runs {
            if r.longRun { parts.append(req.t("signal_long_run", ["n": String(r.longestRun)])) }
            if r.fewCrossings { parts.append(req.t("signal_few_crossings", ["n": String(r.crossings)])) }
        }
        let outside = f.months.filter(\.outsideLimits).count
        if outside > 0 { parts.append(req.t("signal_outside_limits", ["n": String(outside)])) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        let scope = try scope(req)
        let me = try req.currentUser()
        let f = filters(req, scope: scope)
        let (regionSlice, own) = slices(f, scope: scope)
        let region = try await figures(req, IndicatorCatalogue.all, f, slice: regionSlice)
        var mine: [IndicatorFigures]?
        if let own { mine = try await figures(req, IndicatorCatalogue.all, f, slice: own) }
        let byID = Dictionary(uniqueKeysWithValues: (mine ?? []).map { ($0.indicator.id, $0) })
        let goals = NetworkGoal.allCases.map { goal in
            GoalView(name: req.t(goal.labelKey), indicators: region.filter { $0.indicator.goal == goal }.map { fig in
                OverviewRow(name: name(req, fig.indicator), path: SiteURL.dashboardIndicator(fig.indicator.id).path + "?" + f.query,
                            headline: headlineText(req, fig), interval: intervalText(fig.lower, fig.upper, fig.indicator.unit),
                            n: FigureSuppression.countText(fig.n), own: byID[fig.indicator.id].map { headlineText(req, $0) },
                            signal: signalText(req, fig), trend: trend(req, fig))
            })
        }
        let page = OverviewPage(goals: goals, filters: try await filterView(req, f, scope: scope),
                                ownName: own == nil ? nil : me.organisation.name,
                                period: DutchDate.month(year: f.from.year, month: f.from.month, locale: req.locale) + " – " + DutchDate.month(year: f.to.year, month: f.to.month, locale: req.locale),
                                jsonPath: SiteURL.dashboardJSON.path + "?" + f.query, mayImport: DashboardPolicy.mayImportBaseline(me.user),
                                baselinePath: SiteURL.dashboardBaseline.path, pulsePath: SiteURL.pulse.path,
                                reportPath: SiteURL.dashboardReport.path + "?" + f.sliceQuery.joined(separator: "&"))
        return try await req.render("dashboard/overview", titleKey: "dashboard_title", page)
    }

    static func name(_ req: Request, _ i: Indicator) -> String { req.locale == .en ? i.nameEN : i.nameNL }

    // MARK: one indicator

    struct MonthRow: Encodable { var month: String; var n: String; var value: String; var interval: String?; var limits: String?; var note: String? }
    struct DetailRow: Encodable { var label: String; var value: String; var interval: String? }
    struct CategoryRow: Encodable { var label: String; var count: String; var share: String; var interval: String?; var depth: Int }
    struct IndicatorPage: Encodable {
        var id: String; var name: String; var goal: String; var definition: String; var explanation: String; var unit: String
        var better: String; var organisationMeaning: String; var headline: String; var interval: String?; var n: String
        var details: [DetailRow]; var months: [MonthRow]; var categories: [CategoryRow]
        /// Categories are groups with their own figure; whether they have a count; a series per month or per round at all.
        var groups: Bool; var categoryCounts: Bool; var hasMonths: Bool; var perRound: Bool
        var benchmarks: [String]
        var chart: String; var signal: String?; var change: DetailRow?; var filters: FilterView; var csvPath: String; var overviewPath: String
        var period: String; var own: String?; var ownName: String?
    }

    static func detailLabel(_ req: Request, _ key: String) -> String {
        let parts = key.split(separator: "_")
        if let last = parts.last, let n = Int(last), parts.count >= 2 {
            return req.t("detail_" + parts.dropLast().joined(separator: "_"), ["n": String(n)])
        }
        return req.t("detail_" + key)
    }

    /// A month's value as the tables show it: "<5" or "n<10" when the privacy rules leave it out.
    static func monthValue(_ req: Request, _ m: MonthFigure, _ unit: Indicator.Unit) -> String {
        m.hidden ? (unit == .count ? "<5" : req.t("dashboard_too_few_short")) : number(m.value, unit)
    }

    static func monthRows(_ req: Request, _ fig: IndicatorFigures) -> [MonthRow] {
        let unit = fig.indicator.unit
        return fig.months.map { m in
            MonthRow(month: periodLabel(req, m), n: countText(m),
                     value: monthValue(req, m, unit), interval: m.hidden ? nil : intervalText(m.lower, m.upper, unit),
                     limits: m.hidden ? nil : intervalText(m.lowerLimit, m.upperLimit, unit),
                     note: m.outsideLimits ? req.t("signal_outside") : nil)
        }
    }

    /// The month chart of an indicator page and of the quarterly report: the region's line (and a
    /// professional's own organisation's), control limits or intervals, centre line, go-live, benchmarks.
    /// `compact` is for a small chart without a full table beside it: every month's value goes in the
    /// description, and the axis names the year only where it starts or changes ("okt 25", "nov", …).
    static func monthChart(_ req: Request, _ fig: IndicatorFigures, own: (name: String, figures: IndicatorFigures)?, idPrefix: String,
                           width: Double = 640, height: Double = 300, compact: Bool = false) -> String {
        let ind = fig.indicator, unit = ind.unit
        let labels = fig.months.map { periodLabel(req, $0) }
        // Pulse rounds are labelled by round, not by month.
        let perRound = fig.months.contains { $0.label != nil }
        let axis = compact && !perRound ? labels.indices.map { i in fig.months[i].month.month == 1 || i == 0 ? labels[i] : String(labels[i].prefix(3)) } : labels
        let highlights = fig.months.indices.filter { fig.months[$0].outsideLimits }.map {
            LineChart.Highlight(index: $0, note: req.t("signal_point", ["month": labels[$0]]))
        }
        let hasLimits = fig.months.contains { $0.upperLimit != nil }
        var description = req.t(perRound ? "chart_description_rounds" : "chart_description", ["unit": req.t("unit_" + unit.rawValue)]) + (signalText(req, fig).map { " " + $0 } ?? "")
        if compact {
            let spoken = { (f: IndicatorFigures) in zip(labels, f.months).map { "\($0): \(monthValue(req, $1, unit))" }.joined(separator: "; ") }
            description += " " + req.t("chart_values", ["name": req.t("dashboard_region"), "values": spoken(fig)])
            if let own { description += " " + req.t("chart_values", ["name": own.name, "values": spoken(own.figures)]) }
        }
        return LineChart(
            idPrefix: idPrefix, title: name(req, ind), description: description,
            xLabels: axis,
            series: [LineChart.Series(name: req.t("dashboard_region"), values: fig.months.map { $0.hidden ? nil : $0.value })]
                + (own.map { o in [LineChart.Series(name: o.name, values: o.figures.months.map { $0.hidden ? nil : $0.value })] } ?? []),
            band: hasLimits ? LineChart.Band(label: req.t("chart_control_limits"), lower: fig.months.map(\.lowerLimit), upper: fig.months.map(\.upperLimit))
                : (fig.months.contains { $0.lower != nil } ? LineChart.Band(label: req.t("chart_interval"), lower: fig.months.map(\.lower), upper: fig.months.map(\.upper)) : nil),
            centre: fig.centre.map { c in LineChart.Guide(label: req.t(hasLimits ? "chart_centre_p" : "chart_centre_median"), values: fig.months.map { _ in c }) },
            marker: fig.goLiveIndex.map { LineChart.Marker(index: $0, label: req.t("chart_go_live")) },
            references: ind.benchmarks.map { Chart.Reference(value: $0.value, label: req.locale == .en ? $0.labelEN : $0.labelNL) },
            highlights: highlights, signalLegend: req.t("chart_signal"), unit: unit == .percent ? "%" : "", width: width, height: height).svg
    }

    @Sendable static func indicator(req: Request) async throws -> Response {
        let scope = try scope(req)
        let me = try req.currentUser()
        guard let id = req.parameters.get("id"), let ind = IndicatorCatalogue.indicator(id) else { throw Abort(.notFound) }
        let f = filters(req, scope: scope)
        let (regionSlice, own) = slices(f, scope: scope)
        let fig = try await figures(req, [ind], f, slice: regionSlice)[0]
        var ownFig: IndicatorFigures?
        if let own { ownFig = try await figures(req, [ind], f, slice: own)[0] }
        let unit = ind.unit
        let chart = monthChart(req, fig, own: ownFig.map { (me.organisation.name, $0) }, idPrefix: "chart-\(ind.id)")
        let perRound = fig.months.contains { $0.label != nil }
        let page = IndicatorPage(
            id: ind.id, name: name(req, ind), goal: req.t(ind.goal.labelKey),
            definition: req.locale == .en ? ind.definitionEN : ind.definitionNL, explanation: req.locale == .en ? ind.explanationEN : ind.explanationNL,
            unit: req.t("unit_" + unit.rawValue), better: req.t("better_" + ind.better.rawValue), organisationMeaning: req.locale == .en ? ind.organisationMeaningEN : ind.organisationMeaningNL,
            headline: headlineText(req, fig), interval: intervalText(fig.lower, fig.upper, unit), n: FigureSuppression.countText(fig.n),
            details: fig.details.map { d in
                DetailRow(label: detailLabel(req, d.key), value: number(d.value, d.unit) + unitSuffix(req, d.unit, value: d.value), interval: intervalText(d.lower, d.upper, d.unit))
            },
            months: monthRows(req, fig),
            categories: visibleCategories(fig, scope: scope).map { c in
                // Groups have their own figure; answers show their share, with the count hidden along with it.
                let countHidden = fig.categoriesAreGroups ? c.countHidden : c.hidden
                return CategoryRow(label: c.name ?? req.t(c.key), count: countHidden ? (c.count == 0 ? "0" : "<5") : String(c.count),
                                   share: c.hidden ? req.t("dashboard_too_few_short")
                                       : c.share == nil && ind.computation == .currentVGWait ? req.t("dashboard_wait_unknown")
                                       : number(c.share, c.unit) + (fig.categoriesAreGroups ? unitSuffix(req, c.unit, value: c.share) : ""),
                                   interval: c.hidden ? nil : intervalText(c.lower, c.upper, c.unit), depth: c.depth)
            },
            groups: fig.categoriesAreGroups, categoryCounts: ind.computation != .currentVGWait, hasMonths: !fig.months.isEmpty, perRound: perRound,
            benchmarks: ind.benchmarks.map { req.locale == .en ? $0.labelEN : $0.labelNL },
            chart: chart, signal: signalText(req, fig),
            change: fig.change.map { DetailRow(label: req.t("detail_change_last_first"), value: number($0.value, .percent), interval: intervalText($0.lower, $0.upper, .percent)) },
            filters: try await filterView(req, f, scope: scope),
            csvPath: SiteURL.dashboardIndicatorCSV(ind.id).path + "?" + f.query, overviewPath: SiteURL.dashboard.path + "?" + f.query,
            period: DutchDate.month(year: f.from.year, month: f.from.month, locale: req.locale) + " – " + DutchDate.month(year: f.to.year, month: f.to.month, locale: req.locale),
            own: ownFig.map { headlineText(req, $0) }, ownName: ownFig == nil ? nil : me.organisation.name)
        return try await req.render("dashboard/indicator", titleKey: "dashboard_title", page)
    }

    // MARK: exports

    /// The month table as CSV, with the same suppression as the page.
    @Sendable static func indicatorCSV(req: Request) async throws -> Response {
        let scope = try scope(req)
        guard let id = req.parameters.get("id"), let ind = IndicatorCatalogue.indicator(id) else { throw Abort(.notFound) }
        let f = filters(req, scope: scope)
        // `filters` only lets a professional choose their own organisation.
        let fig = try await figures(req, [ind], f, slice: f.slice)[0]
        func cell(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }
        var lines = ["indicator;maand;n;waarde;ondergrens;bovengrens;onderdrukt"]
        for m in fig.months {
            lines.append([ind.id, m.month.key, countText(m), m.hidden ? "" : cell(m.value), m.hidden ? "" : cell(m.lower),
                          m.hidden ? "" : cell(m.upper), m.hidden ? "ja" : "nee"].joined(separator: ";"))
        }
        lines.append([ind.id, "totaal", FigureSuppression.countText(fig.n), cell(fig.headline), cell(fig.lower), cell(fig.upper),
                      fig.headlineHidden ? "ja" : "nee"].joined(separator: ";"))
        let res = Response(status: .ok, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"mgn-\(ind.id)-\(f.from.key)-\(f.to.key).csv\"")
        return res
    }

    struct JSONIndicator: Content {
        var id: String; var goal: String; var name_nl: String; var name_en: String; var definition_nl: String; var definition_en: String
        var unit: String; var better: String; var n: String; var value: Double?; var lower: Double?; var upper: Double?; var suppressed: Bool
        var signal: Bool; var months: [JSONMonth]
    }
    /// `round`: the pulse round a row is about (its `month` is the month the round's period starts).
    struct JSONMonth: Content { var month: String; var round: String?; var n: String; var value: Double?; var lower: Double?; var upper: Double?; var suppressed: Bool }
    struct JSONOverview: Content {
        var generated_at: Date; var period_from: String; var period_to: String; var wijk: String?; var organisation: String?; var route: String?
        var privacy: String; var indicators: [JSONIndicator]
    }

    @Sendable static func overviewJSON(req: Request) async throws -> JSONOverview {
        let scope = try scope(req)
        let f = filters(req, scope: scope)
        let slice = f.slice  // `filters` only lets a professional choose their own organisation
        let all = try await figures(req, IndicatorCatalogue.all, f, slice: slice)
        return JSONOverview(
            generated_at: req.now, period_from: f.from.key, period_to: f.to.key, wijk: slice.wijkID?.uuidString.lowercased(),
            organisation: slice.organisationID?.uuidString.lowercased(), route: slice.route?.rawValue,
            privacy: "Counts of 1–4 are given as \"<5\"; values over fewer than 10 are left out (null, suppressed), also where a hidden value could be derived from totals. Staff pulse: a round or group counts only where the pulse shows it (at least 5 answers, smaller groups rolled up); the count of a group it rolled up is given as \"—\".",
            indicators: all.map { fig in
                JSONIndicator(id: fig.indicator.id, goal: fig.indicator.goal.rawValue, name_nl: fig.indicator.nameNL, name_en: fig.indicator.nameEN,
                              definition_nl: fig.indicator.definitionNL, definition_en: fig.indicator.definitionEN, unit: fig.indicator.unit.rawValue,
                              better: fig.indicator.better.rawValue, n: FigureSuppression.countText(fig.n), value: fig.headline, lower: fig.lower,
                              upper: fig.upper, suppressed: fig.headlineHidden, signal: fig.hasSignal,
                              months: fig.months.map { JSONMonth(month: $0.month.key, round: $0.label, n: countText($0), value: $0.value,
                                                                 lower: $0.lower, upper: $0.upper, suppressed: $0.hidden) })
            })
    }

    // MARK: baseline import

    struct BaselinePage: Encodable { var errors: [String]; var imported: Int?; var text: String; var months: [BaselineRow] }
    struct BaselineRow: Encodable { var month: String; var practices: Int; var patients: Int; var basic: Int; var specialised: Int }

    static func baselinePage(_ req: Request, errors: [String] = [], imported: Int? = nil, text: String = "", status: HTTPStatus = .ok) async throws -> Response {
        let current = YearMonth(req.now, calendar: WorkingDays().calendar)
        let rows = try await req.repositories.dashboard.baseline(organisationID: nil, from: current.adding(months: -35), to: current)
        let months = rows.sorted { $0.key > $1.key }.map { m, t in
            BaselineRow(month: DutchDate.shortMonth(year: m.year, month: m.month, locale: req.locale), practices: t.practices, patients: t.registeredPatients, basic: t.referralsBasic,
                        specialised: t.referralsSpecialised)
        }
        return try await req.render("dashboard/baseline", titleKey: "baseline_title",
                                    BaselinePage(errors: errors, imported: imported, text: text, months: months), status: status)
    }

    @Sendable static func baselineForm(req: Request) async throws -> Response {
        guard DashboardPolicy.mayImportBaseline(try req.currentUser().user) else { throw Abort(.forbidden) }
        return try await baselinePage(req)
    }

    struct BaselineForm: Content { var csv: String?; var file: File? }

    @Sendable static func baselineImport(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard DashboardPolicy.mayImportBaseline(me.user) else { throw Abort(.forbidden) }
        let form = try req.content.decode(BaselineForm.self)
        var text = form.csv ?? ""
        if let file = form.file, file.data.readableBytes > 0 { text = String(buffer: file.data) }
        let practices = try await req.repositories.organisations.all().filter { $0.type == .huisartsenpraktijk }
        var byAGB: [String: UUID] = [:]
        for p in practices { if let agb = p.agbCode { byAGB[agb] = p.id } }
        switch BaselineCSV.read(text, context: BaselineCSV.Context(practicesByAGB: byAGB, now: req.now)) {
        case .failure(let rejected):
            let messages = rejected.problems.map { p in
                let text = req.t(p.issue.key, p.issue.arguments)
                return p.line.map { req.t("sk_import_line", ["line": String($0), "message": text]) } ?? text
            }
            return try await baselinePage(req, errors: messages, text: form.file == nil ? text : "", status: .unprocessableEntity)
        case .success(let rows):
            let audit = AuditEvent(at: req.now, userID: me.user.id, organisationID: me.organisation.id, role: .regiocoordinator, action: .create,
                                   objectType: "baseline", objectID: nil, sourceAddress: req.remoteAddress?.ipAddress, basis: .administration,
                                   detail: "\(rows.count) practice-months")
            try await req.repositories.dashboard.importBaseline(rows, by: me.user.id, at: req.now, audit: audit)
            return try await baselinePage(req, imported: rows.count)
        }
    }
}
