import Demo
import Domain
import Foundation

/// The demo region's sociale kaart, written through the same import path a region uses for its own
/// HSDS file, so the demo obeys the import's rules.
enum DemoSocialMapSeeder {
    static func seed(_ repos: Repositories, now: Date, wijken: [Wijk], editor: User) async throws {
        let map = DemoSocialMap.make()
        let wijkByCode = Dictionary(uniqueKeysWithValues: wijken.map { ($0.code, $0.id) })
        func org(_ key: String) -> UUID { DemoRegion.id("org:" + key) }
        func id(_ key: String) -> UUID { DemoRegion.id("sk:" + key) }
        let day: TimeInterval = 86_400
        var dir = SocialMapDirectory()
        dir.providers = map.providers.map {
            MapProvider(id: id($0.key), name: $0.name, description: $0.description, website: $0.website, email: $0.email, phone: $0.phone,
                        organisationID: $0.organisationKey.map(org))
        }
        dir.locations = map.locations.map {
            MapLocation(id: id($0.key), providerID: id($0.providerKey), name: $0.name, street: $0.street, postcode: $0.postcode, city: $0.city,
                        openingHours: (try? OpeningHours.parse($0.openingHours)) ?? OpeningHours())
        }
        for s in map.services {
            let sid = id(s.key)
            let checked = now.addingTimeInterval(-Double(s.lastCheckedDaysAgo) * day)
            dir.services.append(MapService(
                id: sid, providerID: id(s.providerKey), ownerOrganisationID: org(s.ownerOrganisationKey), name: s.name, route: s.route,
                description: s.description, targetGroup: s.targetGroup, eligibility: s.eligibility, referralRequired: s.referralRequired,
                cost: s.cost, languages: s.languages, publicPhone: s.publicPhone, publicEmail: s.publicEmail, website: s.website,
                professionalContact: s.professionalContact, internalNote: s.internalNote, wijkIDs: s.wijkCodes.compactMap { wijkByCode[$0] },
                locationIDs: s.locationKeys.map(id), isSteuncentrum: s.isSteuncentrum, ervaringsdeskundigen: s.ervaringsdeskundigen,
                lastCheckedAt: checked, updatedAt: checked))
            if let a = s.aanmeldWeeks {
                let at = now.addingTimeInterval(-Double(s.waitReportedDaysAgo ?? 14) * day)
                dir.waits[sid] = WaitingTimeReport(id: DerivedID.make(sid, "demo-wait"), serviceID: sid, aanmeldWeeks: a, behandelWeeks: s.behandelWeeks,
                                                   reportedAt: at, reportedBy: nil)
            }
            for (i, a) in s.activities.enumerated() {
                guard let start = ClockTime(a.start), let end = ClockTime(a.end) else { continue }
                dir.activities.append(MapActivity(id: DerivedID.make(sid, "activity/\(i)"), serviceID: sid, title: a.title, description: a.description,
                                                  weekday: a.weekday, date: a.date.flatMap(DateOnly.init), start: start, end: end))
            }
        }
        _ = try await repos.socialMap.importDirectory(dir, by: MapEditor(user: editor, at: now))
    }
}
