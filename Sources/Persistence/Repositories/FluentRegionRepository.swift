import Domain
import Fluent
import Foundation

struct FluentRegionRepository: RegionRepository {
    let db: any Database
    let gate: WriteGate

    func regions() async throws -> [Region] {
        try await RegionModel.query(on: db).sort(\.$name).all().map { Region(id: $0.id!, name: $0.name, code: $0.code) }
    }

    func saveRegion(_ region: Region, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            try await mapConflicts("code") {
                let m = try await RegionModel.find(region.id, on: conn) ?? RegionModel()
                m.id = region.id; m.name = region.name; m.code = region.code
                try await m.save(on: conn)
            }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    func wijken() async throws -> [Wijk] {
        let wijken = try await WijkModel.query(on: db).sort(\.$name).all()
        let postcodes = Dictionary(grouping: try await WijkPostcodeModel.query(on: db).all(), by: \.wijkID)
        return wijken.map { Self.wijk($0, postcodes: postcodes[$0.id!] ?? []) }
    }

    func wijk(id: UUID) async throws -> Wijk? {
        guard let m = try await WijkModel.find(id, on: db) else { return nil }
        let pcs = try await WijkPostcodeModel.query(on: db).filter(\.$wijkID == id).all()
        return Self.wijk(m, postcodes: pcs)
    }

    func wijk(for postcode: PC4) async throws -> Wijk? {
        guard let pc = try await WijkPostcodeModel.find(postcode.value, on: db) else { return nil }
        return try await wijk(id: pc.wijkID)
    }

    func save(_ wijk: Wijk, audit: AuditEvent) async throws {
        try await gate.write(db) { conn in
            // A postcode that belongs to another wijk is a conflict, not a silent move.
            let taken = try await WijkPostcodeModel.query(on: conn)
                .filter(\.$id ~~ wijk.postcodes.map(\.value)).filter(\.$wijkID != wijk.id).first()
            if let taken { throw DomainError.conflict("postcodes:\(taken.id!)") }
            try await mapConflicts("code") {
                let m = try await WijkModel.find(wijk.id, on: conn) ?? WijkModel()
                m.id = wijk.id; m.regionID = wijk.regionID; m.name = wijk.name; m.code = wijk.code
                try await m.save(on: conn)
            }
            try await WijkPostcodeModel.query(on: conn).filter(\.$wijkID == wijk.id).delete()
            for pc in Set(wijk.postcodes) {
                // Two writers claiming one postcode at once: the primary key decides, the loser gets a conflict.
                try await mapConflicts("postcodes:\(pc.value)") {
                    try await WijkPostcodeModel(postcode: pc.value, wijkID: wijk.id).create(on: conn)
                }
            }
            try await FluentAuditLog.append(audit, on: conn)
        }
    }

    static func wijk(_ m: WijkModel, postcodes: [WijkPostcodeModel]) -> Wijk {
        Wijk(id: m.id!, regionID: m.regionID, name: m.name, code: m.code,
             postcodes: postcodes.compactMap { PC4($0.id!) }.sorted())
    }
}
