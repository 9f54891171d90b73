import Domain
import Foundation
import Vapor

/// All agreed response times, loaded once per request: a list of handovers needs one for every row.
struct NormTable {
    private let days: [String: Int]

    init(_ req: Request) async throws {
        var d: [String: Int] = [:]
        for n in try await req.repositories.handovers.norms() { d["\(n.from)|\(n.to)"] = n.workingDays }
        days = d
    }

    func norm(_ h: Handover) -> ResponseNorm {
        days["\(h.fromOrganisationID)|\(h.toOrganisationID)"].map { ResponseNorm(workingDays: $0) } ?? .default
    }
}
