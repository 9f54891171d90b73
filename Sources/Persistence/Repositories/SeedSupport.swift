import Domain
import Fluent
import Foundation

/// Reads for the demo seeder only: it answers invitations as the simulated clients would, so it needs
/// their tokens. Not part of `Repositories`, never used by the web layer.
public enum SeedSupport {
    public static func feedbackInvitations(on db: any Database) async throws -> [FeedbackInvitation] {
        try await FeedbackInvitationModel.query(on: db).sort(\.$createdAt).all().map(\.domain)
    }
}
