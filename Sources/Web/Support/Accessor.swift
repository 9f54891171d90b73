import Domain
import Vapor

extension Request {
    /// The signed-in user as the client-data path sees them.
    func accessor() throws -> Accessor {
        let me = try currentUser()
        return Accessor(user: me.user, organisation: me.organisation, sourceAddress: sourceAddress, at: now)
    }
}

/// Dates as Dutch people read them.
enum DutchDate {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!

    static func day(_ date: Date) -> String { format(date, "dd-MM-yyyy") }
    static func dayTime(_ date: Date) -> String { format(date, "dd-MM-yyyy HH:mm") }
    static func day(_ d: DateOnly) -> String { String(format: "%02d-%02d-%04d", d.day, d.month, d.year) }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "nl_NL"); f.timeZone = zone; f.dateFormat = pattern
        return f.string(from: date)
    }

    static func month(year: Int, month: Int, locale: Locale.Code) -> String {
        "\(DateOnly.monthNames[locale]![month - 1]) \(year)"
    }

    static func shortMonth(year: Int, month: Int, locale: Locale.Code) -> String {
        "\(DateOnly.monthNames[locale]![month - 1].prefix(3)) \(String(year).suffix(2))"
    }

    static func days(from a: Date, to b: Date) -> Int {
        var c = Calendar(identifier: .gregorian); c.timeZone = zone
        return c.dateComponents([.day], from: c.startOfDay(for: a), to: c.startOfDay(for: b)).day ?? 0
    }
}
