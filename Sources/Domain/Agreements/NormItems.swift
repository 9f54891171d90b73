import Foundation

/// What the norms of the samenwerkingsafspraken measure, built from the records' timestamps. One place
/// for the rules, used by the agreements' pages (all items of a period) and by the monitor (one client's
/// or one case's items, kept current with every change).
public enum NormItems {
    /// Whole milliseconds: the monitor stores items as milliseconds, and an item read back must equal the
    /// one built from the records, or a refresh would subtract what was never added.
    public static func rounded(_ d: Date) -> Date { Date(timeIntervalSince1970: (d.timeIntervalSince1970 * 1000).rounded() / 1000) }

    /// A handover's answer, first contact, the GGZ's two reports, and a back-referral's letter.
    /// `types` must hold at least the receiver's type (the closing report is asked of GGZ providers only).
    public static func of(_ h: Handover, wijkID: UUID?, types: [UUID: OrganisationType]) -> [NormItem] {
        var items: [NormItem] = []
        let to = h.toOrganisationID, sender = h.fromOrganisationID
        func add(_ kind: NormKind, _ responsible: UUID, _ counterpart: UUID, _ start: Date, _ end: Date?, satisfied: Bool? = nil) {
            items.append(NormItem(id: h.id, kind: kind, responsibleOrganisationID: responsible, counterpartOrganisationID: counterpart,
                                  start: rounded(start), end: end.map(rounded), satisfied: satisfied, wijkID: wijkID, route: h.route))
        }
        let answer = h.acceptedAt ?? h.rejectedAt
        // A request withdrawn before any answer was never the receiver's to miss.
        if answer != nil || h.cancelledAt == nil { add(.handoverResponse, to, sender, h.requestedAt, answer) }
        if let accepted = h.acceptedAt, h.firstContactAt != nil || h.cancelledAt == nil { add(.firstContact, to, sender, accepted, h.firstContactAt) }
        if let intake = h.intakeAt { add(.intakeReport, to, sender, intake, h.intakeReportAt) }
        if let completed = h.completedAt, types[to] == .ggzAanbieder { add(.closingReport, to, sender, completed, h.closingReportAt) }
        if h.kind == .terugverwijzing {
            let hasLetter = !(h.letter ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            add(.backReferralLetter, sender, to, h.requestedAt, h.requestedAt, satisfied: hasLetter)
        }
        return items
    }

    /// A VG held → the advice reached the GP: the duo's GGZ professional's organisation answers for it to
    /// the referring practice. Nil when the VG was not held or the professional's organisation is unknown.
    /// `adviceAt` and `route`: the plan's advice to the GP and primary route, if there is a plan.
    public static func adviceLetter(_ a: VGAppointment, responsible: UUID?, referrer: UUID?, adviceAt: Date?, route: CareRoute?, wijkID: UUID?) -> NormItem? {
        guard let held = a.heldAt, let responsible else { return nil }
        return NormItem(id: a.id, kind: .adviceLetter, responsibleOrganisationID: responsible, counterpartOrganisationID: referrer,
                        start: rounded(held), end: adviceAt.map(rounded), wijkID: wijkID, route: route)
    }

    /// A casuïstiektafel case → the table's answer, the chair's organisation answering for the table.
    /// Nil when withdrawn before an answer (nothing to measure) or the chair's organisation is unknown.
    public static func caseAdvice(_ c: TableCase, chairOrganisation: UUID?) -> NormItem? {
        guard let chairOrganisation, !(c.adviceAt == nil && c.withdrawnAt != nil) else { return nil }
        return NormItem(id: c.id, kind: .caseAdvice, responsibleOrganisationID: chairOrganisation, start: rounded(c.submittedAt),
                        end: c.adviceAt.map(rounded), wijkID: c.wijkID)
    }
}

/// One cell of the monitor's adherence table: how many items of an agreement's norm started in a month,
/// in a slice, had a value. Like `SummaryCell`, an item counts in every slice it belongs to (its wijk and
/// all wijken, its responsible organisation and all organisations, its route and all routes), so any
/// combination of filters is one lookup.
public struct AdherenceCell: Sendable, Hashable, Comparable {
    public static let all = ""
    /// The norm was met / missed.
    public static let met = 1
    public static let missed = 0
    /// Open without a deadline (a kind without a limit whose outcome is not known): never missed by waiting.
    public static let neverDue = 99_999_999

    public var agreementID: String
    public var kind: String
    public var month: String
    public var wijk: String
    public var organisation: String
    public var route: String
    /// `met`, `missed`, or — still open — the day number of the deadline's day: read on day `today` as
    /// missed when before it, else open. So a stored cell never goes stale by itself.
    public var value: Int

    public init(agreementID: String, kind: String, month: String, wijk: String, organisation: String, route: String, value: Int) {
        self.agreementID = agreementID; self.kind = kind; self.month = month; self.wijk = wijk; self.organisation = organisation
        self.route = route; self.value = value
    }

    public static func < (a: AdherenceCell, b: AdherenceCell) -> Bool {
        let ka = (a.wijk, a.organisation, a.route, a.month, a.agreementID, a.kind), kb = (b.wijk, b.organisation, b.route, b.month, b.agreementID, b.kind)
        return ka == kb ? a.value < b.value : ka < kb
    }

    /// The status a stored value has when read on day `today`.
    public static func status(_ value: Int, today: Int) -> AdherenceStatus {
        switch value {
        case met: .met
        case missed: .missed
        default: value < today ? .missed : .open
        }
    }
}

extension Adherence {
    /// The value an item stores under a version: met or missed once decided, else its deadline's day.
    /// Read on day d this gives `status(item, version, now: start of d)`: the monitor reads adherence
    /// as it stood at the start of today.
    public func storedValue(_ item: NormItem, _ version: NormVersion) -> Int {
        guard let deadline = deadline(item, version) else {
            switch item.satisfied {
            case true?: return AdherenceCell.met
            case false?: return AdherenceCell.missed
            case nil: return item.end == nil ? AdherenceCell.neverDue : AdherenceCell.met
            }
        }
        if let end = item.end { return end <= deadline ? AdherenceCell.met : AdherenceCell.missed }
        return DayNumber.of(deadline, calendar: calendar.calendar)
    }

    /// The cells of items under every agreement that measures them. Built for bulk (an agreement change
    /// rebuilds every cell): the start day and the slice keys are worked out once per item.
    public func cells(_ items: some Sequence<NormItem>, agreements: [Agreement], organisations: [UUID: OrganisationType]) -> [AdherenceCell: Int] {
        var out: [AdherenceCell: Int] = [:]
        add(items, agreements: agreements, organisations: organisations, into: &out)
        return out
    }

    /// Adds the cells of `items` to `out`.
    public func add(_ items: some Sequence<NormItem>, agreements: [Agreement], organisations: [UUID: OrganisationType], into out: inout [AdherenceCell: Int]) {
        let ids = agreements.map(\.id.uuidString)
        for item in items {
            let day = startDay(item)
            var keys: (month: String, wijken: [String], orgs: [String], routes: [String])? = nil
            for (i, agreement) in agreements.enumerated() {
                guard let v = version(of: item, under: agreement, organisations: organisations, startDay: day) else { continue }
                if keys == nil {
                    keys = (YearMonth(day).key, [AdherenceCell.all] + (item.wijkID.map { [$0.uuidString] } ?? []),
                            [AdherenceCell.all, item.responsibleOrganisationID.uuidString], [AdherenceCell.all] + (item.route.map { [$0.rawValue] } ?? []))
                }
                let value = storedValue(item, v), k = keys!
                for w in k.wijken { for o in k.orgs { for r in k.routes {
                    out[AdherenceCell(agreementID: ids[i], kind: item.kind.rawValue, month: k.month, wijk: w, organisation: o, route: r, value: value), default: 0] += 1
                } } }
            }
        }
    }

    /// The change in cell counts when items go from `old` to `new`; zero changes left out.
    public func delta(old: [NormItem], new: [NormItem], agreements: [Agreement], organisations: [UUID: OrganisationType]) -> [AdherenceCell: Int] {
        var d = cells(new, agreements: agreements, organisations: organisations)
        for (c, n) in cells(old, agreements: agreements, organisations: organisations) { d[c, default: 0] -= n }
        return d.filter { $0.value != 0 }
    }
}

/// Items of one agreement's norm started in one month, as the monitor reads them on a day.
public struct AdherenceMonthCounts: Sendable, Equatable {
    public var agreementID: UUID
    public var kind: NormKind
    public var month: YearMonth
    public var totals: AdherenceTotals
    public init(agreementID: UUID, kind: NormKind, month: YearMonth, totals: AdherenceTotals) {
        self.agreementID = agreementID; self.kind = kind; self.month = month; self.totals = totals
    }
}

extension MonitorInput {
    /// The client's norm items: every handover's, and the advice letter of every VG held. `ctx` must know
    /// the organisations of the professionals who held a VG and the types of the handovers' receivers.
    public func normItems(_ ctx: MonitorContext) -> [NormItem] {
        var items = handovers.flatMap { NormItems.of($0, wijkID: wijkID, types: ctx.organisationTypes) }
        for a in appointments {
            let plan = plans.first { $0.aanmeldingID == a.aanmeldingID }
            let item = NormItems.adviceLetter(a, responsible: ctx.userOrganisations[a.ggzUserID],
                                              referrer: aanmeldingen.first { $0.id == a.aanmeldingID }?.referrerOrganisationID,
                                              adviceAt: plan?.adviceToGPAt, route: plan?.primaryRoute, wijkID: wijkID)
            if let item { items.append(item) }
        }
        return items
    }
}
