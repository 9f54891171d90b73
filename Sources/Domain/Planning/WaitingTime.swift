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

/// The current wait in one wijk: days to the third free duo slot; nil when fewer than three are free
/// within the planning horizon.
public struct WijkWait: Sendable, Equatable {
    public var wijkID: UUID
    public var days: Int?
    public init(wijkID: UUID, days: Int?) { self.wijkID = wijkID; self.days = days }
}

extension CurrentWaitingTime {
    /// The current wait of each wijk, from the same duo slots the planning page proposes.
    public static func perWijk(_ wijkIDs: [UUID], users: [User], organisations: [Organisation], availability: [Availability],
                               busy: [BusyPeriod], now: Date, calendar: Calendar, withMemberOf organisationID: UUID? = nil) -> [WijkWait] {
        wijkIDs.map { wijk in
            let slots = DuoPlanner().slots(forWijk: wijk, users: users, organisations: organisations, availability: availability, busy: busy,
                                           after: now, limit: 3, withMemberOf: organisationID)
            return WijkWait(wijkID: wijk, days: days(slotStarts: slots.map(\.start), now: now, calendar: calendar))
        }
    }
}

/// The Treeknorm for GGZ: at most 4 weeks from registration to intake, 10 from intake to treatment,
/// 14 in total.
public enum Treeknorm {
    public static let aanmeldWeeks = 4
    public static let behandelWeeks = 10
    public static let totalWeeks = 14
}
