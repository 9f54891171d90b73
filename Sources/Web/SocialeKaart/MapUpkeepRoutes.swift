import Domain
import Foundation
import Vapor

/// Keeping the map current, the reason social maps fail: each organisation sees its own entries with
/// the stale ones first; coordinators see the region's freshness at a glance.
enum MapUpkeepRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.mapUpkeep, use: upkeep)
    }

    struct EntryRow: Encodable { var name: String, path: String, editPath: String, checkAction: String, lastChecked: String, stale: Bool, route: String }
    struct RegionRow: Encodable { var organisation: String, total: Int, stale: Int, freshPercent: Int, oldestCheck: String, oldWaits: Int }
    struct Page: Encodable {
        var tabs: MapTabs, organisation: String, mine: [EntryRow], staleMine: Int
        var keepsWholeMap: Bool, region: [RegionRow], regionTotal: Int, regionStale: Int, regionFreshPercent: Int, staleAll: [EntryRow]
        var returnPath: String, staleMonths: Int
    }

    static func row(_ req: Request, _ s: MapService, staleBefore: Date) -> EntryRow {
        EntryRow(name: s.name, path: SiteURL.mapService(s.id).path, editPath: SiteURL.mapServiceEdit(s.id).path, checkAction: SiteURL.mapServiceChecked(s.id).path,
                 lastChecked: DutchDate.day(s.lastCheckedAt), stale: s.lastCheckedAt < staleBefore, route: req.t(s.route.labelKey))
    }

    @Sendable static func upkeep(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let policy = try req.mapPolicy()
        let staleBefore = Freshness.staleBefore(req.now, calendar: req.amsterdam)
        let mine = try await req.repositories.socialMap.services(ownerOrganisationID: me.user.organisationID)
        var region: [RegionRow] = [], staleAll: [EntryRow] = []
        var total = 0, stale = 0
        if policy.keepsWholeMap {
            let rows = try await req.repositories.socialMap.freshness(
                staleBefore: staleBefore, waitCurrentAfter: req.now.addingTimeInterval(-Double(WaitingTimeReport.currentForDays) * 86_400))
            region = rows.map { r in
                RegionRow(organisation: r.organisationName, total: r.total, stale: r.stale,
                          freshPercent: r.total == 0 ? 100 : Int((Double(r.total - r.stale) / Double(r.total) * 100).rounded()),
                          oldestCheck: r.oldestCheck.map(DutchDate.day) ?? "—", oldWaits: r.oldWaits)
            }
            total = rows.reduce(0) { $0 + $1.total }; stale = rows.reduce(0) { $0 + $1.stale }
            staleAll = try await req.repositories.socialMap.stale(ownerOrganisationID: nil, before: staleBefore).prefix(100).map { row(req, $0, staleBefore: staleBefore) }
        }
        let page = Page(tabs: MapTabs(req, current: .mapUpkeep), organisation: me.organisation.name,
                        mine: mine.map { row(req, $0, staleBefore: staleBefore) }, staleMine: mine.filter { $0.lastCheckedAt < staleBefore && $0.status == .active }.count,
                        keepsWholeMap: policy.keepsWholeMap, region: region, regionTotal: total, regionStale: stale,
                        regionFreshPercent: total == 0 ? 100 : Int((Double(total - stale) / Double(total) * 100).rounded()), staleAll: staleAll,
                        returnPath: SiteURL.mapUpkeep.path, staleMonths: Freshness.staleAfterMonths)
        return try await req.render("kaart/upkeep", titleKey: "sk_upkeep_title", page)
    }
}
