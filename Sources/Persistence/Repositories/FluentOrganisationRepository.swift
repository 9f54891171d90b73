import Domain
import Fluent
import Foundation
import SQLKit

struct FluentOrganisationRepository: OrganisationRepository {
    let db: any Database
    let gate: WriteGate

    /// Through SQLKit, not Fluent: every dashboard page reads all of them, thousands at national scale,
    /// and Fluent's row decoding costs about 100 ms there (fluent-kit#655).
    func all() async throws -> [Organisation] {
        struct Row: Decodable { var id: UUID, region_id: UUID, name: String, type: String, agb_code: String?, active: Int }
        struct Served: Decodable { var organisation_id: UUID, wijk_id: UUID }
        let sql = db as! any SQLDatabase
        let orgs = try await sql.select().columns("id", "region_id", "name", "type", "agb_code")
            .column(SQLRaw("CASE WHEN is_active THEN 1 ELSE 0 END"), as: "active")
            .from(OrganisationModel.schema).orderBy("name").all(decoding: Row.self)
        let served = Dictionary(grouping: try await sql.select().columns("organisation_id", "wijk_id").from(OrganisationWijkModel.schema)
            .all(decoding: Served.self), by: \.organisation_id)
        return orgs.map { o in
            Organisation(id: o.id, regionID: o.region_id, name: o.name, type: OrganisationType(rawValue: o.type) ?? .gemeente, agbCode: o.agb_code,
                         wijkIDs: (served[o.id] ?? []).map(\.wijk_id), isActive: o.active == 1)
        }
    }

    func find(id: UUID) async throws -> Organisation? {
        guard let m = try await OrganisationModel.find(id, on: db) else { return nil }
        let served = try await OrganisationWijkModel.query(on: db).filter(\.$organisationID == id).all()
        return Self.organisation(m, wijken: served)
    }

    func save(_ o: Organisation, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            var retyped = false
            try await mapConflicts("name") {
                let m = try await OrganisationModel.find(o.id, on: conn) ?? OrganisationModel()
                retyped = m.id != nil && m.type != o.type.rawValue
                m.id = o.id; m.regionID = o.regionID; m.name = o.name; m.type = o.type.rawValue
                m.agbCode = o.agbCode; m.isActive = o.isActive
                try await m.save(on: conn)
            }
            try await OrganisationWijkModel.query(on: conn).filter(\.$organisationID == o.id).delete()
            for w in Set(o.wijkIDs) { try await OrganisationWijkModel(organisationID: o.id, wijkID: w).create(on: conn) }
            // Agreements name parties by type too: another type can put its items under other agreements.
            if retyped { try await AdherenceMaintenance.rebuildCells(on: conn) }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func teams(of organisationID: UUID) async throws -> [Team] {
        try await TeamModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$name).all().map {
            Team(id: $0.id!, organisationID: $0.organisationID, name: $0.name, echelon: Echelon(rawValue: $0.echelon) ?? .none)
        }
    }

    func saveTeam(_ t: Team, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            try await mapConflicts("name") {
                let m = try await TeamModel.find(t.id, on: conn) ?? TeamModel()
                m.id = t.id; m.organisationID = t.organisationID; m.name = t.name; m.echelon = t.echelon.rawValue
                try await m.save(on: conn)
            }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    static func organisation(_ m: OrganisationModel, wijken: [OrganisationWijkModel]) -> Organisation {
        Organisation(id: m.id!, regionID: m.regionID, name: m.name,
                     type: OrganisationType(rawValue: m.type) ?? .gemeente, agbCode: m.agbCode,
                     wijkIDs: wijken.map(\.wijkID), isActive: m.isActive)
    }
}
