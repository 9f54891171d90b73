import Foundation

// The sociale kaart: who offers what, where, for whom, and how long the wait is.
// The map is not client data; it is versioned (who changed what, when) instead of audited.

/// An organisation on the map. Many providers are not MGN participants (a buurthuis, a sports club);
/// when one is, `organisationID` links it.
public struct MapProvider: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var name: String
    public var description: String
    public var website: String?
    public var email: String?
    public var phone: String?
    public var organisationID: UUID?
    public init(id: UUID = UUID(), name: String, description: String, website: String? = nil, email: String? = nil,
                phone: String? = nil, organisationID: UUID? = nil) {
        self.id = id; self.name = name; self.description = description; self.website = website; self.email = email
        self.phone = phone; self.organisationID = organisationID
    }
}

/// A place where services are given, with its weekly opening hours.
public struct MapLocation: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var providerID: UUID
    public var name: String
    public var street: String
    public var postcode: String
    public var city: String
    public var openingHours: OpeningHours
    public init(id: UUID = UUID(), providerID: UUID, name: String, street: String, postcode: String, city: String,
                openingHours: OpeningHours = OpeningHours()) {
        self.id = id; self.providerID = providerID; self.name = name; self.street = street; self.postcode = postcode
        self.city = city; self.openingHours = openingHours
    }
    public var pc4: PC4? { PC4(String(postcode.prefix(4))) }
}

public enum ServiceStatus: String, Sendable, Codable, CaseIterable {
    case active, inactive
}

/// One entry of the map: a service with everything a professional or citizen needs to choose it.
/// `internalNote` and `professionalContact` never leave the professional view.
public struct MapService: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var providerID: UUID
    /// The MGN organisation that keeps this entry current (its to-do list shows it when it gets stale).
    public var ownerOrganisationID: UUID
    public var name: String
    public var route: CareRoute
    public var description: String
    public var targetGroup: String
    public var eligibility: String
    public var referralRequired: Bool
    public var cost: String
    /// ISO 639-1 codes.
    public var languages: [String]
    public var publicPhone: String?
    public var publicEmail: String?
    public var website: String?
    public var professionalContact: String?
    public var internalNote: String?
    /// Wijken served; empty means the whole region.
    public var wijkIDs: [UUID]
    public var locationIDs: [UUID]
    public var isSteuncentrum: Bool
    public var ervaringsdeskundigen: Bool
    public var status: ServiceStatus
    public var lastCheckedAt: Date
    public var updatedAt: Date
    /// Increases with every change; the history keeps each version.
    public var version: Int

    public init(id: UUID = UUID(), providerID: UUID, ownerOrganisationID: UUID, name: String, route: CareRoute,
                description: String, targetGroup: String = "", eligibility: String = "", referralRequired: Bool = false,
                cost: String = "", languages: [String] = ["nl"], publicPhone: String? = nil, publicEmail: String? = nil,
                website: String? = nil, professionalContact: String? = nil, internalNote: String? = nil,
                wijkIDs: [UUID] = [], locationIDs: [UUID] = [], isSteuncentrum: Bool = false, ervaringsdeskundigen: Bool = false,
                status: ServiceStatus = .active, lastCheckedAt: Date, updatedAt: Date, version: Int = 1) {
        self.id = id; self.providerID = providerID; self.ownerOrganisationID = ownerOrganisationID; self.name = name
        self.route = route; self.description = description; self.targetGroup = targetGroup; self.eligibility = eligibility
        self.referralRequired = referralRequired; self.cost = cost; self.languages = languages; self.publicPhone = publicPhone
        self.publicEmail = publicEmail; self.website = website; self.professionalContact = professionalContact
        self.internalNote = internalNote; self.wijkIDs = wijkIDs; self.locationIDs = locationIDs
        self.isSteuncentrum = isSteuncentrum; self.ervaringsdeskundigen = ervaringsdeskundigen; self.status = status
        self.lastCheckedAt = lastCheckedAt; self.updatedAt = updatedAt; self.version = version
    }

    /// Checks what a person can type wrong; keys are form field names.
    public func validate() -> ValidationErrors {
        var e = ValidationErrors()
        if name.trimmingCharacters(in: .whitespaces).isEmpty { e.add("name", "error_required") }
        if name.count > 200 { e.add("name", "error_too_long") }
        if description.trimmingCharacters(in: .whitespaces).isEmpty { e.add("description", "error_required") }
        if description.count > 4000 { e.add("description", "error_too_long") }
        for l in languages where !LanguageCode.isValid(l) { e.add("languages", "error_language"); break }
        if let m = publicEmail, !m.isEmpty, !m.contains("@") { e.add("publicEmail", "error_email") }
        if let w = website, !w.isEmpty, !(w.hasPrefix("https://") || w.hasPrefix("http://")) { e.add("website", "error_url") }
        return e
    }

    /// Serves the wijk (or the whole region).
    public func serves(_ wijkID: UUID) -> Bool { wijkIDs.isEmpty || wijkIDs.contains(wijkID) }
}

public enum LanguageCode {
    /// Two lowercase letters, as ISO 639-1.
    public static func isValid(_ code: String) -> Bool {
        code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLowercase && $0.isLetter }
    }
    /// Parses "nl, en ar" into codes, keeping order and dropping duplicates.
    public static func parseList(_ text: String) -> [String] {
        var seen = Set<String>(); var out: [String] = []
        for part in text.lowercased().split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            let c = String(part)
            if seen.insert(c).inserted { out.append(c) }
        }
        return out
    }
}

/// A provider's report of the current waits for one service. Old reports stay in the history;
/// the map shows the newest and says how old it is.
public struct WaitingTimeReport: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var serviceID: UUID
    public var aanmeldWeeks: Int
    public var behandelWeeks: Int?
    public var reportedAt: Date
    public var reportedBy: UUID?
    public init(id: UUID = UUID(), serviceID: UUID, aanmeldWeeks: Int, behandelWeeks: Int?, reportedAt: Date, reportedBy: UUID?) {
        self.id = id; self.serviceID = serviceID; self.aanmeldWeeks = aanmeldWeeks; self.behandelWeeks = behandelWeeks
        self.reportedAt = reportedAt; self.reportedBy = reportedBy
    }

    /// A report older than this is shown as old and no longer counts for "maximum wait".
    public static let currentForDays = 90
    public static let maximumWeeks = 156

    public func isCurrent(at now: Date) -> Bool {
        now.timeIntervalSince(reportedAt) <= Double(Self.currentForDays) * 86_400
    }

    /// Over the Treeknorm: more than 4 weeks to registration, 10 to treatment, or 14 in total.
    public var exceedsTreeknorm: Bool {
        aanmeldWeeks > Treeknorm.aanmeldWeeks || (behandelWeeks ?? 0) > Treeknorm.behandelWeeks
            || aanmeldWeeks + (behandelWeeks ?? 0) > Treeknorm.totalWeeks
    }

    public static func validate(aanmeld: Int?, behandel: Int?) -> ValidationErrors {
        var e = ValidationErrors()
        if let a = aanmeld { if a < 0 || a > maximumWeeks { e.add("aanmeldWeeks", "error_weeks") } } else { e.add("aanmeldWeeks", "error_required") }
        if let b = behandel, b < 0 || b > maximumWeeks { e.add("behandelWeeks", "error_weeks") }
        return e
    }
}

/// How current an entry is. Social maps fail because nobody checks them; MGN flags entries nobody
/// checked for six months and puts them on the owner's to-do list.
public enum Freshness {
    public static let staleAfterMonths = 6

    public static func staleBefore(_ now: Date, calendar: Calendar) -> Date {
        calendar.date(byAdding: .month, value: -staleAfterMonths, to: now)!
    }
    public static func isStale(lastChecked: Date, now: Date, calendar: Calendar) -> Bool {
        lastChecked < staleBefore(now, calendar: calendar)
    }
}

/// Something that happens at a steuncentrum: weekly, or once on a date.
public struct MapActivity: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var serviceID: UUID
    public var title: String
    public var description: String
    /// 1 = Monday … 7 = Sunday for a weekly activity.
    public var weekday: Int?
    /// A one-off activity's date.
    public var date: DateOnly?
    public var start: ClockTime
    public var end: ClockTime
    public init(id: UUID = UUID(), serviceID: UUID, title: String, description: String = "", weekday: Int?, date: DateOnly?,
                start: ClockTime, end: ClockTime) {
        self.id = id; self.serviceID = serviceID; self.title = title; self.description = description
        self.weekday = weekday; self.date = date; self.start = start; self.end = end
    }

    public func validate() -> ValidationErrors {
        var e = ValidationErrors()
        if title.trimmingCharacters(in: .whitespaces).isEmpty { e.add("title", "error_required") }
        if (weekday == nil) == (date == nil) { e.add("when", "error_activity_when") }
        if let w = weekday, !(1...7).contains(w) { e.add("when", "error_activity_when") }
        if end <= start { e.add("end", "error_end_before_start") }
        return e
    }

    /// The dates this activity happens on within `days` days from `from` (inclusive), in order.
    public func occurrences(from: DateOnly, days: Int, calendar: Calendar) -> [DateOnly] {
        guard let startDate = from.date(in: calendar) else { return [] }
        var out: [DateOnly] = []
        for offset in 0..<days {
            guard let d = calendar.date(byAdding: .day, value: offset, to: startDate) else { continue }
            let day = DateOnly(d, calendar: calendar)
            if let date, date == day { out.append(day) }
            if let weekday, ClockTime.isoWeekday(d, calendar: calendar) == weekday { out.append(day) }
        }
        return out
    }
}
