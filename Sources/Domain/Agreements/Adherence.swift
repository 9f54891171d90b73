import Foundation

/// One measured thing, built by the persistence layer from recorded timestamps (no client identity).
public struct NormItem: Sendable, Equatable, Hashable {
    /// What the item is about, e.g. the handover id (for the to-do link). One handover may yield items
    /// of several kinds with the same id; (id, kind) identifies an item.
    public var id: UUID
    public var kind: NormKind
    public var responsibleOrganisationID: UUID
    public var counterpartOrganisationID: UUID?
    public var start: Date
    /// When it was done; nil = not yet.
    public var end: Date?
    /// Only for kinds without a limit: whether the thing exists (the letter); nil = not known yet.
    public var satisfied: Bool?
    /// The monitor's slices: the client's (or the case's) wijk, and the route of the handover or plan.
    public var wijkID: UUID?
    public var route: CareRoute?

    public init(id: UUID, kind: NormKind, responsibleOrganisationID: UUID, counterpartOrganisationID: UUID? = nil,
                start: Date, end: Date? = nil, satisfied: Bool? = nil, wijkID: UUID? = nil, route: CareRoute? = nil) {
        self.id = id; self.kind = kind; self.responsibleOrganisationID = responsibleOrganisationID
        self.counterpartOrganisationID = counterpartOrganisationID; self.start = start; self.end = end; self.satisfied = satisfied
        self.wijkID = wijkID; self.route = route
    }
}

public enum AdherenceStatus: String, Sendable, Codable, CaseIterable {
    case met, missed, open
}

/// A calendar month, the unit of the adherence figures.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1…12.
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }
    /// The month of `date`'s day in `calendar` (use `WorkingDays().calendar`: Europe/Amsterdam).
    public init(_ date: Date, calendar: Calendar) {
        let c = calendar.dateComponents([.year, .month], from: date)
        year = c.year!; month = c.month!
    }
    public init(_ day: DateOnly) { year = day.year; month = day.month }

    /// "2026-04".
    public var description: String { String(format: "%04d-%02d", year, month) }
    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)! }
    public var first: DateOnly { DateOnly(year: year, month: month, day: 1)! }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Every month from `from` to `to`, both included; empty when `to` is before `from`.
    public static func months(from: YearMonth, to: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = from
        while m <= to { out.append(m); m = m.next }
        return out
    }
}

/// Counts of items, and the share met of those decided (open items are not yet decided).
public struct AdherenceTotals: Sendable, Equatable, Hashable {
    public var met: Int
    public var missed: Int
    public var open: Int
    public init(met: Int = 0, missed: Int = 0, open: Int = 0) { self.met = met; self.missed = missed; self.open = open }

    public var total: Int { met + missed + open }
    /// met / (met + missed); nil when nothing is decided.
    public var share: Double? { met + missed == 0 ? nil : Double(met) / Double(met + missed) }

    public mutating func add(_ status: AdherenceStatus) {
        switch status { case .met: met += 1; case .missed: missed += 1; case .open: open += 1 }
    }
    public static func + (a: AdherenceTotals, b: AdherenceTotals) -> AdherenceTotals {
        AdherenceTotals(met: a.met + b.met, missed: a.missed + b.missed, open: a.open + b.open)
    }
}

/// Adherence of one agreement's norm, for one responsible organisation, for items started in one month
/// under one limit. When a norm changes mid-month the month has a row per limit.
public struct AdherenceRow: Sendable, Equatable, Hashable {
    public var agreementID: UUID
    public var kind: NormKind
    public var organisationID: UUID
    public var month: YearMonth
    /// The limit that applied to these items (nil for kinds without a limit).
    public var limit: Int?
    public var met: Int
    public var missed: Int
    public var open: Int

    public init(agreementID: UUID, kind: NormKind, organisationID: UUID, month: YearMonth, limit: Int?, met: Int = 0, missed: Int = 0, open: Int = 0) {
        self.agreementID = agreementID; self.kind = kind; self.organisationID = organisationID; self.month = month
        self.limit = limit; self.met = met; self.missed = missed; self.open = open
    }

    public var totals: AdherenceTotals { AdherenceTotals(met: met, missed: missed, open: open) }
    /// met / (met + missed); nil when nothing is decided.
    public var share: Double? { totals.share }
}

/// An open item on the responsible organisation's to-do list.
public struct TodoItem: Sendable, Equatable {
    public var item: NormItem
    /// The agreement whose norm gives the earliest deadline.
    public var agreementID: UUID
    public var agreementTitle: String
    public var kind: NormKind
    public var limit: Int
    public var deadline: Date
    /// The deadline has passed: the norm is already missed, the item still needs doing.
    public var overdue: Bool
    public init(item: NormItem, agreementID: UUID, agreementTitle: String, kind: NormKind, limit: Int, deadline: Date, overdue: Bool) {
        self.item = item; self.agreementID = agreementID; self.agreementTitle = agreementTitle; self.kind = kind
        self.limit = limit; self.deadline = deadline; self.overdue = overdue
    }
}

/// Measures items against agreements. Day boundaries, months and working days are those of
/// `WorkingDays.calendar` (Europe/Amsterdam).
public struct Adherence: Sendable {
    public let calendar: WorkingDays

    public init(calendar: WorkingDays = WorkingDays()) { self.calendar = calendar }

    /// The day an item started, which picks the norm version and the month.
    public func startDay(_ item: NormItem) -> DateOnly { DateOnly(item.start, calendar: calendar.calendar) }

    /// The moment an item must be done by under a version: `limit` working days after the start
    /// (`WorkingDays.adding`, same clock time), or `limit` calendar days. Nil for kinds without a limit.
    public func deadline(_ item: NormItem, _ version: NormVersion) -> Date? {
        guard item.kind.hasLimit, let n = version.limit else { return nil }
        return item.kind.usesWorkingDays
            ? calendar.adding(n, to: item.start)
            : calendar.calendar.date(byAdding: .day, value: n, to: item.start)
    }

    /// Met when done at or before the deadline; missed when done later, or not done and the deadline has
    /// passed (it can no longer be met); open otherwise. Kinds without a limit: met when `satisfied`
    /// (or, if unknown, when done), missed when not `satisfied`, open while unknown.
    public func status(_ item: NormItem, _ version: NormVersion, now: Date) -> AdherenceStatus {
        guard let deadline = deadline(item, version) else {
            switch item.satisfied {
            case true?: return .met
            case false?: return .missed
            case nil: return item.end == nil ? .open : .met
            }
        }
        if let end = item.end { return end <= deadline ? .met : .missed }
        return now > deadline ? .missed : .open
    }

    /// The version that measures `item` under `agreement`, or nil when the item is out of scope: the
    /// agreement must cover the responsible organisation and (if any) the counterpart, and have a version
    /// of the kind on the item's start day.
    public func version(of item: NormItem, under agreement: Agreement, organisations: [UUID: OrganisationType], startDay: DateOnly? = nil) -> NormVersion? {
        guard agreement.covers(item.responsibleOrganisationID, type: organisations[item.responsibleOrganisationID]) else { return nil }
        if let c = item.counterpartOrganisationID, !agreement.covers(c, type: organisations[c]) { return nil }
        return agreement.norm(item.kind, on: startDay ?? self.startDay(item))
    }

    /// Adherence of one agreement per kind, responsible organisation, month of the start day and limit;
    /// ordered by month, kind (`NormKind.allCases`), organisation id, limit.
    public func rows(agreement: Agreement, items: [NormItem], organisations: [UUID: OrganisationType], now: Date) -> [AdherenceRow] {
        struct Key: Hashable { var kind: NormKind; var org: UUID; var month: YearMonth; var limit: Int? }
        var counts: [Key: AdherenceTotals] = [:]
        for item in items {
            guard let v = version(of: item, under: agreement, organisations: organisations) else { continue }
            let key = Key(kind: item.kind, org: item.responsibleOrganisationID, month: YearMonth(startDay(item)), limit: v.limit)
            counts[key, default: AdherenceTotals()].add(status(item, v, now: now))
        }
        return counts.map { k, t in
            AdherenceRow(agreementID: agreement.id, kind: k.kind, organisationID: k.org, month: k.month, limit: k.limit,
                         met: t.met, missed: t.missed, open: t.open)
        }.sorted(by: Self.rowOrder)
    }

    static func rowOrder(_ a: AdherenceRow, _ b: AdherenceRow) -> Bool {
        let ka = NormKind.allCases.firstIndex(of: a.kind)!, kb = NormKind.allCases.firstIndex(of: b.kind)!
        return (a.month, ka, a.organisationID.uuidString, a.limit ?? -1) < (b.month, kb, b.organisationID.uuidString, b.limit ?? -1)
    }

    /// The responsible organisation's open items that are overdue or due within `horizonWorkingDays`
    /// working days from `now`, soonest first. An item under several agreements appears once, with the
    /// earliest deadline. Kinds without a limit have no deadline and never appear.
    public func todo(agreements: [Agreement], items: [NormItem], organisations: [UUID: OrganisationType], organisationID: UUID,
                     now: Date, horizonWorkingDays: Int = 2) -> [TodoItem] {
        let horizon = calendar.adding(horizonWorkingDays, to: now)
        struct Key: Hashable { var id: UUID; var kind: NormKind }
        var best: [Key: TodoItem] = [:]
        for item in items where item.responsibleOrganisationID == organisationID && item.end == nil {
            for agreement in agreements {
                guard let v = version(of: item, under: agreement, organisations: organisations),
                      let limit = v.limit, let d = deadline(item, v), d <= horizon else { continue }
                let key = Key(id: item.id, kind: item.kind)
                if let current = best[key], current.deadline <= d { continue }
                best[key] = TodoItem(item: item, agreementID: agreement.id, agreementTitle: agreement.title, kind: item.kind,
                                     limit: limit, deadline: d, overdue: now > d)
            }
        }
        return best.values.sorted {
            ($0.deadline, NormKind.allCases.firstIndex(of: $0.kind)!, $0.item.id.uuidString)
                < ($1.deadline, NormKind.allCases.firstIndex(of: $1.kind)!, $1.item.id.uuidString)
        }
    }

    /// Totals per agreement and kind over `months` (all when nil), for an overview of all agreements;
    /// in the order of `agreements`, then `NormKind.allCases`. Kinds of an agreement without items give zero totals.
    public func overview(agreements: [Agreement], items: [NormItem], organisations: [UUID: OrganisationType], now: Date,
                         months: ClosedRange<YearMonth>? = nil) -> [AgreementKindTotals] {
        agreements.flatMap { a in
            let byKind = AdherenceSummary.byKind(rows(agreement: a, items: items, organisations: organisations, now: now), months: months)
            return a.kinds.map { k in
                AgreementKindTotals(agreementID: a.id, title: a.title, kind: k,
                                    totals: byKind.first { $0.kind == k }?.totals ?? AdherenceTotals())
            }
        }
    }
}

public struct AgreementKindTotals: Sendable, Equatable {
    public var agreementID: UUID
    public var title: String
    public var kind: NormKind
    public var totals: AdherenceTotals
    public init(agreementID: UUID, title: String, kind: NormKind, totals: AdherenceTotals) {
        self.agreementID = agreementID; self.title = title; self.kind = kind; self.totals = totals
    }
}

public struct KindTotals: Sendable, Equatable {
    public var kind: NormKind
    public var totals: AdherenceTotals
    public init(kind: NormKind, totals: AdherenceTotals) { self.kind = kind; self.totals = totals }
}

public struct MonthTotals: Sendable, Equatable {
    public var month: YearMonth
    public var totals: AdherenceTotals
    public init(month: YearMonth, totals: AdherenceTotals) { self.month = month; self.totals = totals }
}

/// Sums of `AdherenceRow`s for the views. Filter the rows first (one agreement, one kind, one organisation)
/// to get the figure you want.
public enum AdherenceSummary {
    static func within(_ rows: [AdherenceRow], _ months: ClosedRange<YearMonth>?) -> [AdherenceRow] {
        guard let months else { return rows }
        return rows.filter { months.contains($0.month) }
    }

    public static func total(_ rows: [AdherenceRow], months: ClosedRange<YearMonth>? = nil) -> AdherenceTotals {
        within(rows, months).reduce(AdherenceTotals()) { $0 + $1.totals }
    }

    /// Per kind that has rows, in `NormKind.allCases` order (all limits of a kind together).
    public static func byKind(_ rows: [AdherenceRow], months: ClosedRange<YearMonth>? = nil) -> [KindTotals] {
        let r = within(rows, months)
        return NormKind.allCases.compactMap { k in
            let of = r.filter { $0.kind == k }
            return of.isEmpty ? nil : KindTotals(kind: k, totals: total(of))
        }
    }

    /// Per responsible organisation that has rows (optionally of one kind).
    public static func byOrganisation(_ rows: [AdherenceRow], kind: NormKind? = nil, months: ClosedRange<YearMonth>? = nil) -> [UUID: AdherenceTotals] {
        var out: [UUID: AdherenceTotals] = [:]
        for r in within(rows, months) where kind == nil || r.kind == kind {
            out[r.organisationID, default: AdherenceTotals()] = out[r.organisationID, default: AdherenceTotals()] + r.totals
        }
        return out
    }

    /// One entry per month from `from` to `to`, zero where there are no items, so a chart has no gaps.
    public static func byMonth(_ rows: [AdherenceRow], from: YearMonth, to: YearMonth) -> [MonthTotals] {
        YearMonth.months(from: from, to: to).map { m in MonthTotals(month: m, totals: total(rows.filter { $0.month == m })) }
    }
}
