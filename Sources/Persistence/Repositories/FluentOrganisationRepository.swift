import Domain
import Fluent
import Foundation

struct FluentOrganisationRepository: OrganisationRepository {
    let db: any Database
    let gate: WriteGate

    func all() async throws -> [Organisation] {
        let orgs = try await OrganisationModel.query(on: db).sort(\.$name).all()
        let served = Dictionary(grouping: try await OrganisationWijkModel.query(on: db).all(), by: \.organisationID)
        return orgs.map { Self.organisation($0, wijken: served[$0.id!] ?? []) }
    }

    func find(id: UUID) async throws -> Organisation? {
        guard let m = try await OrganisationModel.find(id, on: db) else { return nil }
        let served = try await OrganisationWijkModel.query(on: db).filter(\.$organisationID == id).all()
        return Self.organisation(m, wijken: served)
    }

    func save(_ o: Organisation, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            try await mapConflicts("name") {
                let m = try await OrganisationModel.find(o.id, on: conn) ?? OrganisationModel()
                m.id = o.id; m.regionID = o.regionID; m.name = o.name; m.type = o.type.rawValue
                m.agbCode = o.agbCode; m.isActive = o.isActive
                try await m.save(on: conn)
            }
            try await OrganisationWijkModel.query(on: conn).filter(\.$organisationID == o.id).delete()
            for w in Set(o.wijkIDs) { try await OrganisationWijkModel(organisationID: o.id, wijkID: w).create(on: conn) }
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
