import Foundation

/// One cell of the dashboard's summary table: how many contributions of a measure in a month had a value,
/// for one slice. A contribution is counted in every slice it belongs to — its wijk and "all wijken", each
/// involved organisation and "all organisations", its route and "all routes" — so that any combination of
/// filters is one exact lookup instead of a sum over rows, and an organisation involved twice is not
/// counted twice in the region.
public struct SummaryCell: Sendable, Hashable, Comparable {
    public static let all = ""
    public var measure: String
    public var month: String  // "2026-03": sorts and compares as text in both databases
    public var wijk: String
    public var organisation: String
    public var route: String
    public var value: Int

    public init(measure: String, month: String, wijk: String, organisation: String, route: String, value: Int) {
        self.measure = measure; self.month = month; self.wijk = wijk; self.organisation = organisation; self.route = route; self.value = value
    }

    public static func < (a: SummaryCell, b: SummaryCell) -> Bool {
        (a.measure, a.month, a.wijk, a.organisation, a.route, a.value) < (b.measure, b.month, b.wijk, b.organisation, b.route, b.value)
    }
}

extension YearMonth {
    /// "2026-03".
    public var key: String { String(format: "%04d-%02d", year, month) }
    public init?(key: String) {
        let p = key.split(separator: "-")
        guard p.count == 2, p[0].count == 4, p[1].count == 2, let y = Int(p[0]), let m = Int(p[1]) else { return nil }
        self.init(year: y, month: m)
    }
}

extension MonitorContribution {
    public var cells: [SummaryCell] {
        let wijken = [SummaryCell.all] + (wijkID.map { [$0.uuidString] } ?? [])
        let orgs = [SummaryCell.all] + organisations.map(\.uuidString).sorted()
        let routes = [SummaryCell.all] + (route.map { [$0.rawValue] } ?? [])
        var out: [SummaryCell] = []
        out.reserveCapacity(wijken.count * orgs.count * routes.count)
        for w in wijken { for o in orgs { for r in routes {
            out.append(SummaryCell(measure: measure.rawValue, month: month.key, wijk: w, organisation: o, route: r, value: value))
        } } }
        return out
    }
}

public enum SummaryDelta {
    /// The change in cell counts when a client's contributions go from `old` to `new`; zero changes left out.
    public static func between(old: [MonitorContribution], new: [MonitorContribution]) -> [SummaryCell: Int] {
        var delta: [SummaryCell: Int] = [:]
        for c in old { for cell in c.cells { delta[cell, default: 0] -= 1 } }
        for c in new { for cell in c.cells { delta[cell, default: 0] += 1 } }
        return delta.filter { $0.value != 0 }
    }

    /// The summary as queries on day `today` read it: closed windows of settling measures as 0. Two
    /// summaries that agree here give the same figures on that day and after.
    public static func settled(_ cells: [SummaryCell: Int], today: Int) -> [SummaryCell: Int] {
        var out: [SummaryCell: Int] = [:]
        for (c, n) in cells {
            var cell = c
            if let m = Measure(rawValue: c.measure) { cell.value = m.settled(c.value, today: today) }
            out[cell, default: 0] += n
        }
        return out.filter { $0.value != 0 }
    }

    /// The full summary of many clients' contributions (the recomputation the incremental table must equal).
    public static func total(_ contributions: some Sequence<MonitorContribution>) -> [SummaryCell: Int] {
        var out: [SummaryCell: Int] = [:]
        for c in contributions { for cell in c.cells { out[cell, default: 0] += 1 } }
        return out
    }
}
