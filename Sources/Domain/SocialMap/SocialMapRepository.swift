import Foundation

/// One entry with everything its page shows.
public struct ServiceDetail: Sendable, Equatable {
    public var service: MapService
    public var provider: MapProvider
    public var locations: [MapLocation]
    public var currentWait: WaitingTimeReport?
    /// Newest first.
    public var waitHistory: [WaitingTimeReport]
    public var activities: [MapActivity]
    public init(service: MapService, provider: MapProvider, locations: [MapLocation], currentWait: WaitingTimeReport?,
                waitHistory: [WaitingTimeReport], activities: [MapActivity]) {
        self.service = service; self.provider = provider; self.locations = locations; self.currentWait = currentWait
        self.waitHistory = waitHistory; self.activities = activities
    }
}

/// Who changes the map, and when.
public struct MapEditor: Sendable {
    public var user: User
    public var at: Date
    public init(user: User, at: Date) { self.user = user; self.at = at }
}

/// One field's change between two versions of an entry.
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: String
    public var old: String
    public var new: String
    public init(field: String, old: String, new: String) { self.field = field; self.old = old; self.new = new }
}

public enum VersionKind: String, Sendable, Codable {
    case created, changed, checked, waitReported = "wait_reported", imported
    public var labelKey: String { "sk_version_\(rawValue)" }
}

/// A version of an entry: who, when, what.
public struct ServiceVersion: Sendable, Equatable {
    public var serviceID: UUID
    public var version: Int
    public var kind: VersionKind
    public var at: Date
    public var userID: UUID?
    public var userName: String
    public var changes: [FieldChange]
    public init(serviceID: UUID, version: Int, kind: VersionKind, at: Date, userID: UUID?, userName: String, changes: [FieldChange]) {
        self.serviceID = serviceID; self.version = version; self.kind = kind; self.at = at; self.userID = userID
        self.userName = userName; self.changes = changes
    }
}

extension MapService {
    /// The fields a person edits, as text, in the order a history lists them.
    public var snapshot: [(field: String, value: String)] {
        [("name", name), ("route", route.rawValue), ("description", description), ("targetGroup", targetGroup),
         ("eligibility", eligibility), ("referralRequired", referralRequired ? "ja" : "nee"), ("cost", cost),
         ("languages", languages.joined(separator: ", ")), ("publicPhone", publicPhone ?? ""), ("publicEmail", publicEmail ?? ""),
         ("website", website ?? ""), ("professionalContact", professionalContact ?? ""), ("internalNote", internalNote ?? ""),
         ("wijken", wijkIDs.map(\.uuidString).sorted().joined(separator: ",")), ("locations", locationIDs.map(\.uuidString).sorted().joined(separator: ",")),
         ("isSteuncentrum", isSteuncentrum ? "ja" : "nee"), ("ervaringsdeskundigen", ervaringsdeskundigen ? "ja" : "nee"),
         ("status", status.rawValue), ("provider", providerID.uuidString), ("owner", ownerOrganisationID.uuidString)]
    }

    /// What changed from `old` to this version (everything, for a new entry).
    public func changes(from old: MapService?) -> [FieldChange] {
        let before = Dictionary(uniqueKeysWithValues: (old?.snapshot ?? []).map { ($0.field, $0.value) })
        return snapshot.compactMap { f in
            let was = before[f.field] ?? ""
            return was == f.value ? nil : FieldChange(field: f.field, old: was, new: f.value)
        }
    }
}

/// How current one organisation's entries are.
public struct FreshnessRow: Sendable, Equatable {
    public var organisationID: UUID
    public var organisationName: String
    public var total: Int
    public var stale: Int
    public var oldestCheck: Date?
    /// Entries whose newest waiting time is older than a report may be to count as current.
    public var oldWaits: Int
    public init(organisationID: UUID, organisationName: String, total: Int, stale: Int, oldestCheck: Date?, oldWaits: Int) {
        self.organisationID = organisationID; self.organisationName = organisationName; self.total = total; self.stale = stale
        self.oldestCheck = oldestCheck; self.oldWaits = oldWaits
    }
}

public struct ImportSummary: Sendable, Equatable {
    public var created: Int
    public var updated: Int
    public init(created: Int, updated: Int) { self.created = created; self.updated = updated }
}

/// The sociale kaart. Searches run in the database (FTS5 on SQLite, tsvector on PostgreSQL) over the
/// same folded text; every change to an entry writes a version in the same transaction.
public protocol SocialMapRepository: Sendable {
    func search(_ query: ServiceSearch, audience: MapAudience, now: Date) async throws -> ServiceSearchResult
    /// An entry; the public view sees active entries only.
    func detail(serviceID: UUID, audience: MapAudience) async throws -> ServiceDetail?
    func providers() async throws -> [MapProvider]
    func provider(id: UUID) async throws -> MapProvider?
    func locations(providerID: UUID?) async throws -> [MapLocation]
    func saveProvider(_ provider: MapProvider) async throws
    func saveLocation(_ location: MapLocation) async throws
    /// Creates or changes an entry; the stored version must still be `expectedVersion`
    /// (`conflict("version")` when someone else saved in between).
    func saveService(_ service: MapService, expectedVersion: Int?, by: MapEditor) async throws -> MapService
    func reportWait(_ report: WaitingTimeReport, by: MapEditor) async throws
    func markChecked(serviceID: UUID, by: MapEditor) async throws
    func saveActivity(_ activity: MapActivity, by: MapEditor) async throws
    func deleteActivity(id: UUID, serviceID: UUID, by: MapEditor) async throws
    func versions(serviceID: UUID) async throws -> [ServiceVersion]
    /// Entries checked before `before`, oldest check first; for one owner or (nil) all.
    func stale(ownerOrganisationID: UUID?, before: Date) async throws -> [MapService]
    /// Every entry of an owner, oldest check first.
    func services(ownerOrganisationID: UUID) async throws -> [MapService]
    /// Every entry of a provider, by name.
    func services(providerID: UUID) async throws -> [MapService]
    func freshness(staleBefore: Date, waitCurrentAfter: Date) async throws -> [FreshnessRow]
    func directory() async throws -> SocialMapDirectory
    /// Applies a whole directory in one transaction (upsert by id).
    func importDirectory(_ directory: SocialMapDirectory, by: MapEditor) async throws -> ImportSummary
    /// Applies validated spreadsheet rows in one transaction.
    func importRows(_ rows: [ServiceCSV.Row], by: MapEditor) async throws -> ImportSummary
    func serviceKeys() async throws -> [(providerID: UUID, name: String, id: UUID)]
    func serviceCount() async throws -> Int
}
