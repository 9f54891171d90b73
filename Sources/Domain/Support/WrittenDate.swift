import Foundation

extension DateOnly {
    /// Month names as a letter writes them, Dutch first.
    public static let monthNames: [Locale.Code: [String]] = [
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    /// "12 november 2026" / "12 November 2026": a date in a letter or message to a client.
    public func written(_ locale: Locale.Code = .nl) -> String {
        "\(day) \(Self.monthNames[locale]![month - 1]) \(year)"
    }
}
