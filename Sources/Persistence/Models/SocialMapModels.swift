import Domain
import Fluent
import Foundation

final class MapProviderModel: Model, @unchecked Sendable {
    static let schema = "sk_providers"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    init() {}
    func apply(_ p: MapProvider) {
        id = p.id; name = p.name; description = p.description; website = p.website; email = p.email; phone = p.phone; organisationID = p.organisationID
    }
    var domain: MapProvider {
        MapProvider(id: id!, name: name, description: description, website: website, email: email, phone: phone, organisationID: organisationID)
    }
}

final class MapLocationModel: Model, @unchecked Sendable {
    static let schema = "sk_locations"
    @ID(key: .id) var id: UUID?
    @Field(key: "provider_id") var providerID: UUID
    @Field(key: "name") var name: String
    @Field(key: "street") var street: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "city") var city: String
    @Field(key: "opening_hours") var openingHours: String
    init() {}
    func apply(_ l: MapLocation) {
        id = l.id; providerID = l.providerID; name = l.name; street = l.street; postcode = l.postcode; city = l.city; openingHours = l.openingHours.text
    }
    var domain: MapLocation {
        MapLocation(id: id!, providerID: providerID, name: name, street: street, postcode: postcode, city: city,
                    openingHours: (try? OpeningHours.parse(openingHours)) ?? OpeningHours())
    }
}

final class MapServiceModel: Model, @unchecked Sendable {
    static let schema = "sk_services"
    @ID(key: .id) var id: UUID?
    @Field(key: "provider_id") var providerID: UUID
    @Field(key: "owner_organisation_id") var ownerOrganisationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "route") var route: String
    @Field(key: "description") var description: String
    @Field(key: "target_group") var targetGroup: String
    @Field(key: "eligibility") var eligibility: String
    @Field(key: "referral_required") var referralRequired: Bool
    @Field(key: "cost") var cost: String
    @Field(key: "languages") var languages: String
    @OptionalField(key: "public_phone") var publicPhone: String?
    @OptionalField(key: "public_email") var publicEmail: String?
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "professional_contact") var professionalContact: String?
    @OptionalField(key: "internal_note") var internalNote: String?
    @Field(key: "whole_region") var wholeRegion: Bool
    @Field(key: "is_steuncentrum") var isSteuncentrum: Bool
    @Field(key: "ervaringsdeskundigen") var ervaringsdeskundigen: Bool
    @Field(key: "status") var status: String
    @Field(key: "last_checked_at") var lastCheckedAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int
    @OptionalField(key: "wait_aanmeld_weeks") var waitAanmeldWeeks: Int?
    @OptionalField(key: "wait_behandel_weeks") var waitBehandelWeeks: Int?
    @OptionalField(key: "wait_reported_at") var waitReportedAt: Date?
    @Field(key: "sort_name") var sortName: String
    @Field(key: "search_name") var searchName: String
    @Field(key: "search_keywords") var searchKeywords: String
    @Field(key: "search_body") var searchBody: String
    init() {}

    func apply(_ s: MapService, providerName: String) {
        id = s.id; providerID = s.providerID; ownerOrganisationID = s.ownerOrganisationID; name = s.name; route = s.route.rawValue
        description = s.description; targetGroup = s.targetGroup; eligibility = s.eligibility; referralRequired = s.referralRequired
        cost = s.cost; languages = s.languages.joined(separator: ","); publicPhone = s.publicPhone; publicEmail = s.publicEmail
        website = s.website; professionalContact = s.professionalContact; internalNote = s.internalNote; wholeRegion = s.wijkIDs.isEmpty
        isSteuncentrum = s.isSteuncentrum; ervaringsdeskundigen = s.ervaringsdeskundigen; status = s.status.rawValue
        lastCheckedAt = s.lastCheckedAt; updatedAt = s.updatedAt; version = s.version
        let index = SearchIndexText(s, providerName: providerName)
        sortName = index.sortName; searchName = index.name; searchKeywords = index.keywords; searchBody = index.body
    }

    func domain(wijkIDs: [UUID], locationIDs: [UUID]) -> MapService {
        MapService(id: id!, providerID: providerID, ownerOrganisationID: ownerOrganisationID, name: name, route: CareRoute(rawValue: route) ?? .sociaalDomein,
                   description: description, targetGroup: targetGroup, eligibility: eligibility, referralRequired: referralRequired, cost: cost,
                   languages: languages.split(separator: ",").map(String.init), publicPhone: publicPhone, publicEmail: publicEmail, website: website,
                   professionalContact: professionalContact, internalNote: internalNote, wijkIDs: wijkIDs, locationIDs: locationIDs,
                   isSteuncentrum: isSteuncentrum, ervaringsdeskundigen: ervaringsdeskundigen, status: ServiceStatus(rawValue: status) ?? .active,
                   lastCheckedAt: lastCheckedAt, updatedAt: updatedAt, version: version)
    }

    var currentWait: WaitingTimeReport? {
        guard let a = waitAanmeldWeeks, let at = waitReportedAt else { return nil }
        return WaitingTimeReport(id: UUID(), serviceID: id!, aanmeldWeeks: a, behandelWeeks: waitBehandelWeeks, reportedAt: at, reportedBy: nil)
    }
}

/// The folded text the index holds. Internal notes and professional contacts are never indexed: a
/// public search must not find an entry by words the public cannot see.
struct SearchIndexText {
    var sortName: String, name: String, keywords: String, body: String
    init(_ s: MapService, providerName: String) {
        sortName = SearchText.fold(s.name)
        name = SearchText.indexText([s.name])
        keywords = SearchText.indexText([s.targetGroup, providerName, s.route.searchWords, s.isSteuncentrum ? "steuncentrum inloop herstel" : ""])
        body = SearchText.indexText([s.description, s.eligibility, s.cost])
    }
}

final class WaitingTimeModel: Model, @unchecked Sendable {
    static let schema = "sk_waiting_times"
    @ID(key: .id) var id: UUID?
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "aanmeld_weeks") var aanmeldWeeks: Int
    @OptionalField(key: "behandel_weeks") var behandelWeeks: Int?
    @Field(key: "reported_at") var reportedAt: Date
    @OptionalField(key: "reported_by") var reportedBy: UUID?
    init() {}
    var domain: WaitingTimeReport {
        WaitingTimeReport(id: id!, serviceID: serviceID, aanmeldWeeks: aanmeldWeeks, behandelWeeks: behandelWeeks, reportedAt: reportedAt, reportedBy: reportedBy)
    }
}

final class ActivityModel: Model, @unchecked Sendable {
    static let schema = "sk_activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "weekday") var weekday: Int?
    @OptionalField(key: "date") var date: String?
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    init() {}
    func apply(_ a: MapActivity) {
        id = a.id; serviceID = a.serviceID; title = a.title; description = a.description; weekday = a.weekday; date = a.date?.iso
        startMinute = a.start.minutes; endMinute = a.end.minutes
    }
    var domain: MapActivity {
        MapActivity(id: id!, serviceID: serviceID, title: title, description: description, weekday: weekday, date: date.flatMap(DateOnly.init),
                    start: ClockTime(minutes: startMinute)!, end: ClockTime(minutes: endMinute)!)
    }
}

final class ServiceVersionModel: Model, @unchecked Sendable {
    static let schema = "sk_service_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_name") var userName: String
    @Field(key: "changes") var changes: String
    init() {}
    var domain: ServiceVersion {
        ServiceVersion(serviceID: serviceID, version: version, kind: VersionKind(rawValue: kind) ?? .changed, at: at, userID: userID, userName: userName,
                       changes: (try? JSONDecoder().decode([FieldChange].self, from: Data(changes.utf8))) ?? [])
    }
}
