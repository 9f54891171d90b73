import Foundation

// Indicators over data outside the client record — the staff pulse, the casuïstiektafel and the duos'
// free time — read their own tables directly (decision 0008): the database returns sums and counts,
// never a row per person, and the figures are computed here like the summary's.

/// Count, Σx and Σx² of whole-number scores: enough for a mean with its t interval.
public struct ScoreSums: Sendable, Equatable {
    public var count: Int
    public var sum: Int
    public var squares: Int
    public init(count: Int, sum: Int, squares: Int) { self.count = count; self.sum = sum; self.squares = squares }
    public init() { self.init(count: 0, sum: 0, squares: 0) }
    public mutating func add(_ o: ScoreSums) { count += o.count; sum += o.sum; squares += o.squares }
    /// The mean of the scores divided by `scale` (3: the mean of three items), with its t interval.
    public func estimate(scale: Double = 1) -> MeanEstimate? {
        MeanEstimate(n: count, sum: Double(sum) / scale, sumOfSquares: Double(squares) / (scale * scale))
    }
}

/// One closed pulse round: the answers summed per organisation of the respondent, which is all the
/// pulse stores about who answered.
public struct PulseRoundSums: Sendable, Equatable {
    public var roundID: UUID
    public var label: String
    /// The month the round's period starts.
    public var month: YearMonth
    /// Professionals asked, and how many answered (region level only).
    public var invited: Int
    public var answered: Int
    public var byOrganisation: [UUID: PulseSums]
    public init(roundID: UUID, label: String, month: YearMonth, invited: Int, answered: Int, byOrganisation: [UUID: PulseSums]) {
        self.roundID = roundID; self.label = label; self.month = month; self.invited = invited; self.answered = answered
        self.byOrganisation = byOrganisation
    }
}

/// One closed pulse round's partner ratings (1–10), summed per rated organisation.
public struct PartnerRatingRound: Sendable, Equatable {
    public var roundID: UUID
    public var label: String
    public var month: YearMonth
    public var byPartner: [UUID: ScoreSums]
    public init(roundID: UUID, label: String, month: YearMonth, byPartner: [UUID: ScoreSums]) {
        self.roundID = roundID; self.label = label; self.month = month; self.byPartner = byPartner
    }
}

/// Casuïstiektafel cases the table answered, counted per month of the answer, table, days and status.
public struct CaseAnswerCell: Sendable, Equatable {
    public var month: YearMonth
    public var tableID: UUID
    /// Whole days (periods of 24 hours, rounded down) from submission to the table's answer.
    public var days: Int
    /// advised, takeover_proposed or taken_over.
    public var status: CaseStatus
    public var count: Int
    public init(month: YearMonth, tableID: UUID, days: Int, status: CaseStatus, count: Int) {
        self.month = month; self.tableID = tableID; self.days = days; self.status = status; self.count = count
    }
}

public struct CaseTableCounts: Sendable, Equatable {
    public var answered: [CaseAnswerCell]
    /// Cases waiting for the table's answer now (submitted, or on an agenda).
    public var waitingNow: Int
    public var tableNames: [UUID: String]
    public init(answered: [CaseAnswerCell], waitingNow: Int, tableNames: [UUID: String]) {
        self.answered = answered; self.waitingNow = waitingNow; self.tableNames = tableNames
    }
}

/// What the pulse asks, as the monitor shows it.
public enum PulseItem: String, Sendable, Equatable {
    /// UWES-3: the mean of vitality, dedication and absorption (0–6).
    case engagement
    /// % promoters (9–10) − % detractors (0–6) on "would you recommend working in this network".
    case enps
    /// "Deze maand kon ik cliënten naar de juiste plek helpen" (1–10).
    case rightPlace = "right_place"

    func estimate(_ s: PulseSums) -> MeanEstimate? {
        switch self {
        case .engagement: ScoreSums(count: s.count, sum: s.engagement, squares: s.engagementSquares).estimate(scale: 3)?.within(0...6)
        case .rightPlace: ScoreSums(count: s.count, sum: s.rightPlace, squares: s.rightPlaceSquares).estimate()?.within(1...10)
        // Scored +100 / 0 / −100, the mean is the eNPS and the t interval its interval.
        case .enps: MeanEstimate(histogram: [(-100, s.detractors), (0, s.count - s.promoters - s.detractors), (100, s.promoters)])?.within(-100...100)
        }
    }
}

extension MeanEstimate {
    /// The interval cut to the scale's range: a t interval of a small group can pass an end no answer can.
    func within(_ range: ClosedRange<Double>) -> MeanEstimate {
        var e = self
        e.interval = interval.map { Interval(max($0.lower, range.lowerBound), min($0.upper, range.upperBound)) }
        return e
    }
}

/// Sums that small-group suppression can roll up.
protocol GroupSums: Sendable {
    init()
    var count: Int { get }
    mutating func add(_ o: Self)
}
extension PulseSums: GroupSums {}
extension ScoreSums: GroupSums {}

/// One round after `SmallGroups`: the rows it allows, each with its summed answers.
struct ShownRound<S: GroupSums> {
    var label: String
    var month: YearMonth
    /// All answers of the round, shown or not.
    var total: Int
    var rows: [(row: SmallGroups.Row, sums: S)]
}

/// A small-groups row summed over rounds; `order` sorts parents before children, rest rows last.
struct SummedRow<S: GroupSums> { var row: SmallGroups.Row; var sums: S; var order: [String] }

extension IndicatorFigures {
    /// Applies `SmallGroups` to each round exactly as the pulse page does (leaf key = last element of its path).
    static func shownRounds<S: GroupSums>(root: String, _ rounds: [(label: String, month: YearMonth, leaves: [(path: [String], sums: S)])]) -> [ShownRound<S>] {
        rounds.map { r in
            var byLeaf: [String: S] = [:]
            for l in r.leaves { if let key = l.path.last { byLeaf[key, default: S()].add(l.sums) } }
            let rows = SmallGroups.rows(root: root, leaves: r.leaves.map { SmallGroups.Leaf(path: $0.path, count: $0.sums.count) }).map { row in
                var s = S()
                for k in row.leafKeys { if let x = byLeaf[k] { s.add(x) } }
                return (row: row, sums: s)
            }
            return ShownRound(label: r.label, month: r.month, total: r.leaves.reduce(0) { $0 + $1.sums.count }, rows: rows)
        }
    }

    /// A category row of a small-groups table: its text key or proper name, and its organisation (if any).
    struct GroupLabel { var key: String; var name: String?; var organisationID: UUID? }

    /// Figures from rounds of small groups. `focus` is the row followed (the root, or "org:<id>"): a round
    /// counts only where that row is shown, so no figure — not even over a longer period — includes answers
    /// the pulse page hides. Categories add up each shown row over the rounds; means over fewer than 10 are
    /// hidden, with complements among siblings and everything below a hidden row, so no hidden mean follows
    /// from the shown ones.
    mutating func smallGroupFigures<S: GroupSums>(_ rounds: [ShownRound<S>], focus: String, isRoot: Bool, estimate: (S) -> MeanEstimate?,
                                                  label: (SmallGroups.Row) -> GroupLabel) {
        var total = S()
        months = rounds.map { r in
            guard let shown = r.rows.first(where: { $0.row.key == focus }) else {
                // Not shown: the region's count is under 5 anyway; an organisation's may not be given at all.
                return MonthFigure(month: r.month, n: isRoot ? r.total : 0, hidden: true, label: r.label, countHidden: !isRoot)
            }
            total.add(shown.sums)
            let e = estimate(shown.sums)
            return MonthFigure(month: r.month, n: shown.sums.count, value: e?.mean, lower: e?.interval?.lower, upper: e?.interval?.upper, label: r.label)
        }
        n = total.count
        let e = estimate(total)
        headline = e?.mean; lower = e?.interval?.lower; upper = e?.interval?.upper
        let hide = FigureSuppression.hiddenRates(months.map { $0.hidden ? 0 : $0.n })
        for i in months.indices where hide.contains(i) { months[i].hidden = true }
        for i in months.indices where months[i].hidden { months[i].value = nil; months[i].lower = nil; months[i].upper = nil }
        if n < FigureSuppression.minimumDenominator { headlineHidden = true; headline = nil; lower = nil; upper = nil }
        runChart()

        // Categories: every shown row, summed over the rounds, parents before children.
        var acc: [String: SummedRow<S>] = [:]
        for r in rounds {
            var order: [String: [String]] = [:]
            for (row, sums) in r.rows {
                let path = (row.parentKey.flatMap { order[$0] } ?? []) + [row.isRest ? "2" : row.parentKey == nil ? "0" : "1", row.key]
                order[row.key] = path
                if acc[row.key] == nil { acc[row.key] = SummedRow(row: row, sums: S(), order: path) }
                acc[row.key]!.sums.add(sums)
            }
        }
        let rows = acc.values.sorted { $0.order.lexicographicallyPrecedes($1.order) }
        var hidden = Set<String>()
        for (_, siblings) in Dictionary(grouping: rows, by: { $0.row.parentKey ?? "" }) {
            let h = FigureSuppression.hiddenRates(siblings.map(\.sums.count))
            for i in h { hidden.insert(siblings[i].row.key) }
        }
        // Below a hidden row everything is hidden: its shown children would add up to it (a type whose
        // organisations all went into its rest row has that rest row as its twin).
        for a in rows { if let p = a.row.parentKey, hidden.contains(p) { hidden.insert(a.row.key) } }
        categories = rows.map { a in
            let e = estimate(a.sums), l = label(a.row), hide = hidden.contains(a.row.key)
            return CategoryFigure(key: l.key, count: a.sums.count, share: hide ? nil : e?.mean, lower: hide ? nil : e?.interval?.lower,
                                  upper: hide ? nil : e?.interval?.upper, hidden: hide, name: l.name, organisationID: l.organisationID,
                                  depth: a.row.depth, unit: indicator.unit)
        }
        categoriesAreGroups = true
    }

    static func organisation(inKey key: String) -> UUID? { key.hasPrefix("org:") ? UUID(uuidString: String(key.dropFirst(4))) : nil }

    mutating func pulse(_ item: PulseItem, _ ctx: FigureContext) {
        let rounds = Self.shownRounds(root: "region", ctx.pulseRounds.sorted { $0.month < $1.month }.map { r in
            (label: r.label, month: r.month, leaves: r.byOrganisation.map { org, sums -> (path: [String], sums: PulseSums) in
                (path: ["type:\(ctx.organisationTypes[org]?.rawValue ?? "?")", "org:\(org.uuidString)"], sums: sums)
            })
        })
        let focus = ctx.slice.organisationID.map { "org:\($0.uuidString)" } ?? "region"
        smallGroupFigures(rounds, focus: focus, isRoot: ctx.slice.organisationID == nil, estimate: item.estimate) { row in
            if row.isRest { return GroupLabel(key: row.depth == 1 ? "pulse_rest_types" : "pulse_rest_orgs") }
            if row.key == "region" { return GroupLabel(key: "pulse_region") }
            if row.key.hasPrefix("type:") { return GroupLabel(key: OrganisationType(rawValue: String(row.key.dropFirst(5)))?.labelKey ?? "—") }
            let org = Self.organisation(inKey: row.key)
            return GroupLabel(key: row.key, name: ctx.names[row.key] ?? "—", organisationID: org)
        }
        // Response is known for the region only: who took part is kept apart from the answers.
        if ctx.slice.organisationID == nil {
            let invited = ctx.pulseRounds.reduce(0) { $0 + $1.invited }, answered = ctx.pulseRounds.reduce(0) { $0 + $1.answered }
            var response = Self.share("response", min(answered, invited), of: invited)
            if invited < FigureSuppression.minimumDenominator { response.value = nil; response.lower = nil; response.upper = nil }
            details = [response]
        }
    }

    mutating func partnerRatings(_ ctx: FigureContext) {
        let rounds = Self.shownRounds(root: "partners", ctx.partnerRounds.sorted { $0.month < $1.month }.map { r in
            (label: r.label, month: r.month, leaves: r.byPartner.map { p -> (path: [String], sums: ScoreSums) in (path: ["org:\(p.key.uuidString)"], sums: p.value) })
        })
        let focus = ctx.slice.organisationID.map { "org:\($0.uuidString)" } ?? "partners"
        smallGroupFigures(rounds, focus: focus, isRoot: ctx.slice.organisationID == nil, estimate: { $0.estimate()?.within(1...10) }) { row in
            if row.isRest { return GroupLabel(key: "pulse_rest_partners") }
            if row.key == "partners" { return GroupLabel(key: "pulse_all_partners") }
            return GroupLabel(key: row.key, name: ctx.names[row.key] ?? "—", organisationID: Self.organisation(inKey: row.key))
        }
    }

    /// Per group (a table, a wijk): its own rate, hidden under 10 with complements, its count under 5 with complements.
    typealias Group = (key: String, name: String?, n: Int, value: Double?, interval: Interval?)

    static func groupRates(_ groups: [Group], unit: Indicator.Unit) -> [CategoryFigure] {
        let rates = FigureSuppression.hiddenRates(groups.map(\.n)), counts = FigureSuppression.hiddenCounts(groups.map(\.n))
        return groups.enumerated().map { i, g in
            let hide = rates.contains(i) || counts.contains(i)
            return CategoryFigure(key: g.key, count: g.n, share: hide ? nil : g.value, lower: hide ? nil : g.interval?.lower,
                                  upper: hide ? nil : g.interval?.upper, hidden: hide, name: g.name, unit: unit, countHidden: counts.contains(i))
        }
    }

    mutating func caseAdviceDays(within: [Int], _ ctx: FigureContext) {
        let cells = ctx.cases?.answered ?? []
        func histogram(_ cs: [CaseAnswerCell]) -> [(value: Int, count: Int)] {
            Dictionary(grouping: cs, by: \.days).map { (value: $0.key, count: $0.value.reduce(0) { $0 + $1.count }) }.sorted { $0.value < $1.value }
        }
        let all = histogram(cells)
        n = all.reduce(0) { $0 + $1.count }
        let q = Quantiles(all)
        headline = q.quantile(0.5)
        details = [DetailFigure("p80", q.quantile(0.8), unit: .days), DetailFigure("p90", q.quantile(0.9), unit: .days)]
        for w in within { details.append(Self.share("within_\(w)", all.filter { $0.value <= w }.reduce(0) { $0 + $1.count }, of: n)) }
        let waiting = ctx.cases?.waitingNow ?? 0
        details.append(DetailFigure("cases_waiting", (1..<FigureSuppression.minimumCount).contains(waiting) ? nil : Double(waiting), unit: .count))
        let byMonth = Dictionary(grouping: cells, by: \.month)
        months = ctx.months.map { m in
            let h = histogram(byMonth[m] ?? [])
            return MonthFigure(month: m, n: h.reduce(0) { $0 + $1.count }, value: Quantiles(h).quantile(0.5))
        }
        runChart()
        let names = ctx.cases?.tableNames ?? [:]
        categories = Self.groupRates(Dictionary(grouping: cells, by: \.tableID).map { table, cs -> Group in
            let h = histogram(cs)
            return (key: "table:\(table.uuidString)", name: names[table] ?? "—", n: h.reduce(0) { $0 + $1.count }, value: Quantiles(h).quantile(0.5), interval: nil)
        }.sorted { ($0.name ?? "", $0.key) < ($1.name ?? "", $1.key) }, unit: .days)
        categoriesAreGroups = true
    }

    /// Settled outcomes only: a proposed take-over the client has not answered yet is neither.
    mutating func caseTakenOver(_ ctx: FigureContext) {
        let settled = (ctx.cases?.answered ?? []).filter { $0.status == .advised || $0.status == .takenOver }
        func counts(_ cs: [CaseAnswerCell]) -> (x: Int, n: Int) {
            (cs.filter { $0.status == .takenOver }.reduce(0) { $0 + $1.count }, cs.reduce(0) { $0 + $1.count })
        }
        let byMonth = Dictionary(grouping: settled, by: \.month)
        proportion(ctx.months.map { m in let c = counts(byMonth[m] ?? []); return (m, c.x, c.n) })
        let names = ctx.cases?.tableNames ?? [:]
        categories = Self.groupRates(Dictionary(grouping: settled, by: \.tableID).map { table, cs -> Group in
            let c = counts(cs)
            return (key: "table:\(table.uuidString)", name: names[table] ?? "—", n: c.n, value: 100 * Double(c.x) / Double(max(1, c.n)),
                    interval: Proportion.wilson(successes: c.x, trials: c.n)?.scaled(100))
        }.sorted { ($0.name ?? "", $0.key) < ($1.name ?? "", $1.key) }, unit: .percent)
        categoriesAreGroups = true
    }

    /// The median over the wijken, a wijk without three free slots counting as longer than any known
    /// wait (so it can make the median unknown, never shorter). About published free time, not persons:
    /// no small-number suppression.
    mutating func currentVGWait(_ ctx: FigureContext) {
        let waits = ctx.wijkWaits
        n = waits.count
        let known = waits.compactMap(\.days).sorted()
        let unknown = waits.count - known.count
        if n > 0 {
            func at(_ i: Int) -> Double? { i < known.count ? Double(known[i]) : nil }
            headline = n % 2 == 1 ? at(n / 2) : at(n / 2).flatMap { b in at(n / 2 - 1).map { ($0 + b) / 2 } }
        }
        details = [DetailFigure("longest_known_wait", known.last.map(Double.init), unit: .days),
                   DetailFigure("wijken_without_slots", Double(unknown), unit: .count)]
        months = []
        categories = waits.map { w in
            CategoryFigure(key: "wijk:\(w.wijkID.uuidString)", count: 0, share: w.days.map(Double.init), lower: nil, upper: nil, hidden: false,
                           name: ctx.names["wijk:\(w.wijkID.uuidString)"] ?? "—", unit: .days)
        }.sorted { ($0.name ?? "", $0.key) < ($1.name ?? "", $1.key) }
        categoriesAreGroups = true
    }

    /// Met of decided per month over every agreement and norm; each agreement's norm as its own group.
    /// Names: "norm:<kind>" → the norm's label, from the context.
    mutating func agreementAdherence(_ ctx: FigureContext) {
        let byMonth = Dictionary(grouping: ctx.adherence, by: \.month)
        proportion(ctx.months.map { m in
            let t = (byMonth[m] ?? []).reduce(AdherenceTotals()) { $0 + $1.totals }
            return (m, t.met, t.met + t.missed)
        })
        let open = ctx.adherence.reduce(0) { $0 + $1.totals.open }
        details = [DetailFigure("open_items", (1..<FigureSuppression.minimumCount).contains(open) ? nil : Double(open), unit: .count)]
        var groups: [Group] = []
        for a in ctx.agreements {
            for kind in a.kinds {
                let t = ctx.adherence.filter { $0.agreementID == a.id && $0.kind == kind }.reduce(AdherenceTotals()) { $0 + $1.totals }
                let decided = t.met + t.missed
                groups.append((key: "agreement:\(a.id.uuidString):\(kind.rawValue)", name: "\(a.title) — \(ctx.names["norm:\(kind.rawValue)"] ?? kind.rawValue)",
                               n: decided, value: decided == 0 ? nil : 100 * Double(t.met) / Double(decided),
                               interval: Proportion.wilson(successes: t.met, trials: decided)?.scaled(100)))
            }
        }
        categories = Self.groupRates(groups, unit: .percent)
        categoriesAreGroups = true
    }
}
