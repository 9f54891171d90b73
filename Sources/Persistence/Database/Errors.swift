import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Domain

/// Unique-constraint violations become a `DomainError.conflict` (a 409 or a form error), never a 500.
/// PostgreSQL reports them as 23505; SQLite as a constraint error whose message names the columns.
func mapConflicts<T>(_ field: String, _ work: () async throws -> T) async throws -> T {
    do { return try await work() } catch let error as any DatabaseError where error.isConstraintFailure {
        throw DomainError.conflict(field)
    }
}
