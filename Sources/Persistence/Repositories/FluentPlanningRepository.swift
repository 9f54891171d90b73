import Domain
import Fluent
import Foundation

struct FluentPlanningRepository: PlanningRepository {
    let db: any Database
    let gate: WriteGate

    func availability(userIDs: [UUID], from: Date) async throws -> [Availability] {
        guard !userIDs.isEmpty else { return [] }
        return try await AvailabilityModel.query(on: db).filter(\.$userID ~~ userIDs).filter(\.$end > from).sort(\.$start).all().map(\.domain)
    }

    func windows(userID: UUID, from: Date) async throws -> [AvailabilityWindow] {
        try await AvailabilityModel.query(on: db).filter(\.$userID == userID).filter(\.$end > from).sort(\.$start).all()
            .map { AvailabilityWindow(id: $0.id!, userID: $0.userID, start: $0.start, end: $0.end) }
    }

    func addWindow(_ w: AvailabilityWindow) async throws {
        try await gate.write(db) { conn in
            let overlap = try await AvailabilityModel.query(on: conn).filter(\.$userID == w.userID)
                .filter(\.$start < w.end).filter(\.$end > w.start).first()
            if overlap != nil { throw DomainError.conflict("overlap") }
            let m = AvailabilityModel()
            m.id = w.id; m.userID = w.userID; m.start = w.start; m.end = w.end; m.createdAt = Date()
            try await m.create(on: conn)
        }
    }

    func removeWindow(id: UUID, userID: UUID) async throws {
        try await gate.write(db) { conn in
            guard let m = try await AvailabilityModel.find(id, on: conn), m.userID == userID else { throw DomainError.notFound }
            try await m.delete(on: conn)
        }
    }

    func busy(userIDs: [UUID], from: Date) async throws -> [BusyPeriod] {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await VGAppointmentModel.query(on: db).filter(\.$cancelledAt == nil).filter(\.$end > from)
            .group(.or) { $0.filter(\.$ggzUserID ~~ userIDs).filter(\.$sociaalUserID ~~ userIDs) }.all()
        return rows.flatMap { [BusyPeriod(userID: $0.ggzUserID, start: $0.plannedFor, end: $0.end),
                               BusyPeriod(userID: $0.sociaalUserID, start: $0.plannedFor, end: $0.end)] }
            .filter { userIDs.contains($0.userID) }
    }
}
