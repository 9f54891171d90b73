import Foundation

/// NZa's *current* waiting time: the time until the third available slot. Taking the third, not the
/// first, keeps one lucky cancellation from making a wijk look as if there were no wait.
public enum CurrentWaitingTime {
    /// Whole days from `now` to the start of the third slot after `now`; nil when fewer than three are known.
    public static func days(slotStarts: [Date], now: Date, calendar: Calendar) -> Int? {
        let upcoming = slotStarts.filter { $0 >= now }.sorted()
        guard upcoming.count >= 3 else { return nil }
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: upcoming[2])).day
    }
}

/// The Treeknorm for GGZ: at most 4 weeks from registration to intake, 10 from intake to treatment,
/// 14 in total.
public enum Treeknorm {
    public static let aanmeldWeeks = 4
    public static let behandelWeeks = 10
    public static let totalWeeks = 14
}
