import Foundation

/// The network's samenwerkingsafspraken and the timestamps their norms are measured on.
public protocol AgreementRepository: Sendable {
    func all() async throws -> [Agreement]
    func find(id: UUID) async throws -> Agreement?
    /// Creates or replaces an agreement with its parties and every norm version, audited.
    func save(_ agreement: Agreement, audit: AuditEvent) async throws
    /// What the norms measure, for items that started in [from, to): handovers, conversations and
    /// their advice letters, GGZ reports, casuïstiektafel cases. No client identity.
    func items(from: Date, to: Date) async throws -> [NormItem]
    /// The client of each verkennend-gesprek appointment, so a to-do item can link to the record. Ids only:
    /// the record itself answers through the access path like any other.
    func clients(ofAppointments ids: [UUID]) async throws -> [UUID: UUID]
}
