import Foundation

/// A time window in which a professional can hold verkennende gesprekken (published by them).
public struct Availability: Sendable, Equatable {
    public var userID: UUID
    public var start: Date
    public var end: Date
    public init(userID: UUID, start: Date, end: Date) { self.userID = userID; self.start = start; self.end = end }
}

/// Time a professional is already taken (a booked VG).
public struct BusyPeriod: Sendable, Equatable {
    public var userID: UUID
    public var start: Date
    public var end: Date
    public init(userID: UUID, start: Date, end: Date) { self.userID = userID; self.start = start; self.end = end }
}

/// A proposal: this duo is free together from `start` for the length of a conversation.
public struct DuoSlot: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var ggzUserID: UUID
    public var sociaalDomeinUserID: UUID
}

/// Finds the earliest times at which one GGZ professional and one from the social domain are both free.
/// Within one pair's shared free time, slots follow each other without overlap, so "the third available
/// slot" counts conversations that could really all be booked.
public struct DuoPlanner: Sendable {
    public var duration: TimeInterval
    public init(duration: TimeInterval = 60 * 60) { self.duration = duration }

    public func slots(ggz: [UUID], sociaalDomein: [UUID], availability: [Availability], busy: [BusyPeriod],
                      after now: Date, limit: Int = 10) -> [DuoSlot] {
        let free = Dictionary(grouping: availability, by: \.userID).mapValues { windows in
            windows.map { ($0.start, $0.end) }
        }
        let taken = Dictionary(grouping: busy, by: \.userID).mapValues { $0.map { ($0.start, $0.end) } }
        var result: [DuoSlot] = []
        for g in ggz {
            for s in sociaalDomein where s != g {
                let a = subtract(free[g] ?? [], taken[g] ?? []), b = subtract(free[s] ?? [], taken[s] ?? [])
                for (start, end) in intersect(a, b) {
                    var t = max(start, now)
                    while t.addingTimeInterval(duration) <= end {
                        result.append(DuoSlot(start: t, end: t.addingTimeInterval(duration), ggzUserID: g, sociaalDomeinUserID: s))
                        t = t.addingTimeInterval(duration)
                    }
                }
            }
        }
        // One proposal per start time: the earliest times first, then a stable choice of duo.
        var seen = Set<Date>()
        return result.sorted { ($0.start, $0.ggzUserID.uuidString, $0.sociaalDomeinUserID.uuidString) < ($1.start, $1.ggzUserID.uuidString, $1.sociaalDomeinUserID.uuidString) }
            .filter { seen.insert($0.start).inserted }
            .prefix(limit).map { $0 }
    }

    /// How far ahead the planning page looks for free time (and so the wijk's current wait).
    public static let horizon: TimeInterval = 8 * 7 * 86400

    /// Free slots of duos serving a wijk: one professional of each side from an active organisation serving
    /// it, availability within `horizon`. The planning page and the monitor's current wait both read this,
    /// so they cannot disagree. `withMemberOf`: only duos with at least one professional of that organisation.
    public func slots(forWijk wijkID: UUID, users: [User], organisations: [Organisation], availability: [Availability],
                      busy: [BusyPeriod], after now: Date, limit: Int, withMemberOf organisationID: UUID? = nil) -> [DuoSlot] {
        let (ggz, sociaal) = DuoCandidates.split(users: users, organisations: organisations, wijkID: wijkID)
        let windows = availability.filter { $0.start < now.addingTimeInterval(Self.horizon) }
        func run(_ g: [User], _ s: [User]) -> [DuoSlot] {
            slots(ggz: g.map(\.id), sociaalDomein: s.map(\.id), availability: windows, busy: busy, after: now, limit: limit)
        }
        guard let organisationID else { return run(ggz, sociaal) }
        // A duo with a member of the organisation on either side; one proposal per start time, as above.
        var seen = Set<Date>()
        return (run(ggz.filter { $0.organisationID == organisationID }, sociaal) + run(ggz, sociaal.filter { $0.organisationID == organisationID }))
            .sorted { ($0.start, $0.ggzUserID.uuidString, $0.sociaalDomeinUserID.uuidString) < ($1.start, $1.ggzUserID.uuidString, $1.sociaalDomeinUserID.uuidString) }
            .filter { seen.insert($0.start).inserted }
            .prefix(limit).map { $0 }
    }

    func subtract(_ windows: [(Date, Date)], _ busy: [(Date, Date)]) -> [(Date, Date)] {
        var out = windows
        for (bs, be) in busy {
            out = out.flatMap { (s, e) -> [(Date, Date)] in
                if be <= s || bs >= e { return [(s, e)] }
                var parts: [(Date, Date)] = []
                if bs > s { parts.append((s, bs)) }
                if be < e { parts.append((be, e)) }
                return parts
            }
        }
        return out
    }

    func intersect(_ a: [(Date, Date)], _ b: [(Date, Date)]) -> [(Date, Date)] {
        var out: [(Date, Date)] = []
        for (s1, e1) in a { for (s2, e2) in b {
            let s = max(s1, s2), e = min(e1, e2)
            if s < e { out.append((s, e)) }
        } }
        return out.sorted { $0.0 < $1.0 }
    }
}
