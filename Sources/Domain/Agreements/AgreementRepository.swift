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
    /// The client of each verkennend-gesprek appointment whose record `by` may open (`ClientAccessPolicy`),
    /// so a to-do item can link to it. Ids only; other colleagues do not learn which client it is.
    func clients(ofAppointments ids: [UUID], by: Accessor) async throws -> [UUID: UUID]
}
