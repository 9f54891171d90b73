import Foundation

/// A time of day, minutes after midnight ("09:30").
public struct ClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var minutes: Int
    public init?(minutes: Int) { guard (0...(24 * 60)).contains(minutes) else { return nil }; self.minutes = minutes }
    /// "9:30", "09:30" or "24:00".
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        minutes = h * 60 + m
    }
    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }

    /// 1 = Monday … 7 = Sunday, whatever the calendar's first weekday.
    public static func isoWeekday(_ date: Date, calendar: Calendar) -> Int {
        (calendar.component(.weekday, from: date) + 5) % 7 + 1
    }
}

extension DateOnly {
    public init(_ date: Date, calendar: Calendar) {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }
    public func date(in calendar: Calendar) -> Date? {
        calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}

/// Weekly opening hours of a location, written the way Dutch signs write them:
/// "ma-vr 09:00-17:00; za 10:00-13:00", "ma,wo 13:00-16:00". Empty means "op afspraak".
public struct OpeningHours: Sendable, Equatable {
    public struct Period: Sendable, Equatable, Hashable {
        /// 1 = Monday … 7 = Sunday.
        public var weekday: Int
        public var opens: ClockTime
        public var closes: ClockTime
        public init(weekday: Int, opens: ClockTime, closes: ClockTime) { self.weekday = weekday; self.opens = opens; self.closes = closes }
    }
    public var periods: [Period]
    public init(periods: [Period] = []) { self.periods = periods.sorted { ($0.weekday, $0.opens) < ($1.weekday, $1.opens) } }

    public static let dayAbbreviations = ["ma", "di", "wo", "do", "vr", "za", "zo"]

    public enum ParseError: Error, Equatable { case invalid(String) }

    /// Parses the sign notation; the error names the part that could not be read.
    public static func parse(_ text: String) throws(ParseError) -> OpeningHours {
        var periods: [Period] = []
        for group in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let g = group.trimmingCharacters(in: .whitespaces)
            if g.isEmpty { continue }
            let pieces = g.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count >= 2 else { throw .invalid(g) }
            let days = try parseDays(String(pieces[0]).lowercased(), group: g)
            for range in pieces.dropFirst() {
                let times = range.split(separator: "-")
                guard times.count == 2, let o = ClockTime(String(times[0])), let c = ClockTime(String(times[1])), o < c else {
                    throw .invalid(g)
                }
                for d in days { periods.append(Period(weekday: d, opens: o, closes: c)) }
            }
        }
        return OpeningHours(periods: periods)
    }

    private static func parseDays(_ spec: String, group: String) throws(ParseError) -> [Int] {
        var out: [Int] = []
        for item in spec.split(separator: ",") {
            let ends = item.split(separator: "-").map(String.init)
            guard let a = ends.first.flatMap({ dayAbbreviations.firstIndex(of: $0) }) else { throw .invalid(group) }
            if ends.count == 1 { out.append(a + 1); continue }
            guard ends.count == 2, let b = dayAbbreviations.firstIndex(of: ends[1]), b >= a else { throw .invalid(group) }
            out.append(contentsOf: (a...b).map { $0 + 1 })
        }
        return out
    }

    /// Back to the sign notation, grouping consecutive days with equal hours ("ma-vr 09:00-17:00").
    public var text: String {
        var byDay: [[Period]] = Array(repeating: [], count: 7)
        for p in periods { byDay[p.weekday - 1].append(p) }
        func hours(_ ps: [Period]) -> String { ps.map { "\($0.opens)-\($0.closes)" }.joined(separator: " ") }
        var groups: [String] = []
        var i = 0
        while i < 7 {
            guard !byDay[i].isEmpty else { i += 1; continue }
            var j = i
            while j + 1 < 7, !byDay[j + 1].isEmpty, hours(byDay[j + 1]) == hours(byDay[i]) { j += 1 }
            let days = i == j ? Self.dayAbbreviations[i] : "\(Self.dayAbbreviations[i])-\(Self.dayAbbreviations[j])"
            groups.append("\(days) \(hours(byDay[i]))")
            i = j + 1
        }
        return groups.joined(separator: "; ")
    }

    public var isByAppointment: Bool { periods.isEmpty }
}
