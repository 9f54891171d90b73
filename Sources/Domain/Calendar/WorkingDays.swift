import Foundation

/// Working days in the Netherlands: Monday to Friday, minus the public holidays of the Algemene
/// termijnenwet (with Goede Vrijdag and 5 mei, which agreements in care commonly treat alike).
/// Holidays are computed, never listed by hand, so any year works.
public struct WorkingDays: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        calendar = c
    }

    public enum Holiday: String, Sendable, CaseIterable {
        case nieuwjaarsdag, goedeVrijdag = "goede_vrijdag", eerstePaasdag = "eerste_paasdag", tweedePaasdag = "tweede_paasdag"
        case koningsdag, bevrijdingsdag, hemelvaartsdag, eerstePinksterdag = "eerste_pinksterdag", tweedePinksterdag = "tweede_pinksterdag"
        case eersteKerstdag = "eerste_kerstdag", tweedeKerstdag = "tweede_kerstdag"
    }

    /// Easter Sunday (Gregorian computus, Meeus/Jones/Butcher) as (month, day).
    public static func easter(_ year: Int) -> (month: Int, day: Int) {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }

    public func holidays(in year: Int) -> [Holiday: DateComponents] {
        let e = Self.easter(year)
        let easter = calendar.date(from: DateComponents(year: year, month: e.month, day: e.day))!
        func rel(_ days: Int) -> DateComponents {
            calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: easter)!)
        }
        // Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (since 2014).
        var koningsdag = DateComponents(year: year, month: 4, day: 27)
        if calendar.component(.weekday, from: calendar.date(from: koningsdag)!) == 1 { koningsdag.day = 26 }
        return [
            .nieuwjaarsdag: DateComponents(year: year, month: 1, day: 1), .goedeVrijdag: rel(-2),
            .eerstePaasdag: rel(0), .tweedePaasdag: rel(1), .koningsdag: koningsdag,
            .bevrijdingsdag: DateComponents(year: year, month: 5, day: 5), .hemelvaartsdag: rel(39),
            .eerstePinksterdag: rel(49), .tweedePinksterdag: rel(50),
            .eersteKerstdag: DateComponents(year: year, month: 12, day: 25), .tweedeKerstdag: DateComponents(year: year, month: 12, day: 26),
        ]
    }

    /// The holidays of a year as day numbers (`DayNumber`): arithmetic only, no calendar calls, because
    /// deadlines are counted for every norm item when the monitor's adherence cells are rebuilt.
    public static func holidayDays(in year: Int) -> [Int] {
        let e = easter(year)
        let easter = DayNumber.of(year: year, month: e.month, day: e.day)
        let april27 = DayNumber.of(year: year, month: 4, day: 27)
        // Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (since 2014).
        let koningsdag = weekdayIndex(april27) == 6 ? april27 - 1 : april27
        return [DayNumber.of(year: year, month: 1, day: 1), easter - 2, easter, easter + 1, koningsdag, DayNumber.of(year: year, month: 5, day: 5),
                easter + 39, easter + 49, easter + 50, DayNumber.of(year: year, month: 12, day: 25), DayNumber.of(year: year, month: 12, day: 26)]
    }

    /// Monday 0 … Sunday 6 of a day number (1 January 1970 was a Thursday).
    static func weekdayIndex(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    /// Whether a day (a `DayNumber`) is a working day: not Saturday or Sunday, not a holiday.
    public static func isWorkingDay(day: Int) -> Bool {
        guard weekdayIndex(day) < 5 else { return false }
        return !holidayDays(in: DayNumber.date(day).year).contains(day)
    }

    public func isHoliday(_ date: Date) -> Bool {
        let day = DayNumber.of(date, calendar: calendar)
        return Self.holidayDays(in: DayNumber.date(day).year).contains(day)
    }

    public func isWorkingDay(_ date: Date) -> Bool { Self.isWorkingDay(day: DayNumber.of(date, calendar: calendar)) }

    /// The moment `n` working days after `start`: the same time of day on the n-th working day after
    /// the start's day. "Within 5 working days" of a Friday-afternoon request ends the next Friday afternoon.
    public func adding(_ n: Int, to start: Date) -> Date {
        guard n > 0 else { return start }
        let first = DayNumber.of(start, calendar: calendar)
        var day = first, left = n
        while left > 0 {
            day += 1
            if Self.isWorkingDay(day: day) { left -= 1 }
        }
        return calendar.date(byAdding: .day, value: day - first, to: start)!
    }

    /// Whole working days from `start` to `end` (the days after start's day, up to and including end's day).
    public func count(from start: Date, to end: Date) -> Int {
        guard end > start else { return 0 }
        let first = DayNumber.of(start, calendar: calendar), last = DayNumber.of(end, calendar: calendar)
        guard last > first else { return 0 }
        return (first + 1...last).reduce(0) { $0 + (Self.isWorkingDay(day: $1) ? 1 : 0) }
    }
}
