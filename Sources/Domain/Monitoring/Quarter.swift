import Foundation

/// A calendar quarter, the period of the monitor's quarterly report. Written "2026-K3" (Dutch
/// "kwartaal"); "2026-Q3" is read too, since that is what an English speaker types.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1…4.
    public var number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number) else { return nil }
        self.year = year; self.number = number
    }

    /// The quarter `month` falls in.
    public init(_ month: YearMonth) { year = month.year; number = (month.month - 1) / 3 + 1 }

    /// "2026-K3" or "2026-Q3", either letter in either case; a four-digit year from 1000.
    public init?(key: String) {
        let parts = key.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(parts[0]), year >= 1000,
              parts[1].count == 2, parts[1].first == "K" || parts[1].first == "Q",
              let digit = parts[1].last, digit.isASCII, let number = digit.wholeNumberValue else { return nil }
        self.init(year: year, number: number)
    }

    /// "2026-K3".
    public var key: String { String(format: "%04d-K%d", year, number) }
    public var description: String { key }

    public var firstMonth: YearMonth { YearMonth(year: year, month: (number - 1) * 3 + 1)! }
    public var lastMonth: YearMonth { firstMonth.adding(months: 2) }
    public var months: [YearMonth] { firstMonth.through(lastMonth) }

    public func adding(quarters n: Int) -> Quarter { Quarter(firstMonth.adding(months: 3 * n)) }

    /// The last quarter that has ended by the start of `month`: in any month of 2026-K4, 2026-K3.
    public static func lastComplete(before month: YearMonth) -> Quarter { Quarter(month).adding(quarters: -1) }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
