import Foundation

/// A casuïstiektafel: a standing online consultation of GGZ, the social domain and primary care, per
/// region or theme, with member organisations, the people who sit at it, and a chair.
public struct CaseTable: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var regionID: UUID
    public var name: String
    /// What the table is for ("jongeren 16–27", "complexe multiproblematiek"); shown to submitters.
    public var theme: String
    public var chairUserID: UUID
    /// Organisations that take part; only they can take a client over.
    public var memberOrganisationIDs: [UUID]
    /// The people who sit at the table and see its cases; each works at a member organisation.
    public var memberUserIDs: [UUID]
    public var defaultMeetingLink: String
    public var isActive: Bool
    public var createdAt: Date

    public init(id: UUID = UUID(), regionID: UUID, name: String, theme: String, chairUserID: UUID, memberOrganisationIDs: [UUID],
                memberUserIDs: [UUID], defaultMeetingLink: String, isActive: Bool = true, createdAt: Date) {
        self.id = id; self.regionID = regionID; self.name = name; self.theme = theme; self.chairUserID = chairUserID
        self.memberOrganisationIDs = memberOrganisationIDs; self.memberUserIDs = memberUserIDs
        self.defaultMeetingLink = defaultMeetingLink; self.isActive = isActive; self.createdAt = createdAt
    }

    /// Checks the table against the people it names: members must be active care professionals of a
    /// member organisation, and the chair is one of the members.
    public func validate(users: [UUID: User]) -> ValidationErrors {
        var e = ValidationErrors()
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { e.add("name", "error_required") } else if trimmed.count > 120 { e.add("name", "error_too_long") }
        if theme.count > 500 { e.add("theme", "error_too_long") }
        if memberOrganisationIDs.isEmpty { e.add("organisations", "error_ct_no_organisations") }
        for id in memberUserIDs {
            guard let u = users[id], u.isActive, ClientAccessPolicy.careRole(of: u) != nil else { e.add("members", "error_ct_member_invalid"); continue }
            if !memberOrganisationIDs.contains(u.organisationID) { e.add("members", "error_ct_member_organisation") }
        }
        if !memberUserIDs.contains(chairUserID) { e.add("chair", "error_ct_chair_member") }
        if !defaultMeetingLink.isEmpty && MeetingLink.validate(defaultMeetingLink) == nil { e.add("meeting_link", "error_ct_meeting_link") }
        return e
    }
}

/// An online meeting address: https only, so a link in MGN cannot start a download or a script.
public enum MeetingLink {
    public static func validate(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.count <= 500, let url = URL(string: s), url.scheme?.lowercased() == "https", let host = url.host, host.contains(".") else { return nil }
        return s
    }
}

public enum TableSessionStatus: String, Sendable, Codable, CaseIterable {
    case planned, live, closed, cancelled
    public var labelKey: String { "ct_session_status_\(rawValue)" }
}

/// One online sitting of a table. `revision` goes up with every change to the session, its agenda or
/// its cases, so open pages can tell that there is something new.
public struct TableSession: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var tableID: UUID
    public var startsAt: Date
    public var durationMinutes: Int
    public var meetingLink: String
    public var status: TableSessionStatus
    public var currentCaseID: UUID?
    public var startedAt: Date?
    public var closedAt: Date?
    public var revision: Int

    public init(id: UUID = UUID(), tableID: UUID, startsAt: Date, durationMinutes: Int, meetingLink: String,
                status: TableSessionStatus = .planned, currentCaseID: UUID? = nil, startedAt: Date? = nil, closedAt: Date? = nil, revision: Int = 0) {
        self.id = id; self.tableID = tableID; self.startsAt = startsAt; self.durationMinutes = durationMinutes; self.meetingLink = meetingLink
        self.status = status; self.currentCaseID = currentCaseID; self.startedAt = startedAt; self.closedAt = closedAt; self.revision = revision
    }

    public var endsAt: Date { startsAt.addingTimeInterval(Double(durationMinutes) * 60) }

    /// A session is usually 30 to 90 minutes; cases take 10 to 15 minutes each.
    public static let durations = 15...240
    public static let minutesPerCase = 10

    /// How many cases fit: 2–4 per 30 minutes, so one per 10 minutes at most.
    public var capacity: Int { max(1, durationMinutes / Self.minutesPerCase) }

    public func validate(now: Date) -> ValidationErrors {
        var e = ValidationErrors()
        if !Self.durations.contains(durationMinutes) { e.add("duration", "error_ct_duration") }
        if MeetingLink.validate(meetingLink) == nil { e.add("meeting_link", "error_ct_meeting_link") }
        if startsAt < now.addingTimeInterval(-3600) { e.add("starts_at", "error_ct_in_past") }
        return e
    }
}

/// Age in bands that identify no one on their own.
public enum AgeBand: String, Sendable, Codable, CaseIterable {
    case under18 = "0-17", from18 = "18-24", from25 = "25-34", from35 = "35-44", from45 = "45-54", from55 = "55-64", from65 = "65-74", from75 = "75+"

    public init(age: Int) {
        switch age {
        case ..<18: self = .under18
        case 18...24: self = .from18
        case 25...34: self = .from25
        case 35...44: self = .from35
        case 45...54: self = .from45
        case 55...64: self = .from55
        case 65...74: self = .from65
        default: self = .from75
        }
    }
    public var label: String { rawValue == "75+" ? "75+" : rawValue.replacingOccurrences(of: "-", with: "–") }
}

public enum CaseUrgency: String, Sendable, Codable, CaseIterable {
    /// The next session with room.
    case regulier
    /// Within two weeks.
    case hoog
    /// The very next session, first on the agenda.
    case spoed
    public var labelKey: String { "ct_urgency_\(rawValue)" }
    public var rank: Int { switch self { case .spoed: 0; case .hoog: 1; case .regulier: 2 } }
}
