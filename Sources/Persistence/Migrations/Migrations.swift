import Fluent

/// The schema's history, in order. Never edit a migration after it has landed: add a new one.
public enum MGNMigrations {
    public static let all: [any Migration] = [
        CreateRegionStructure(),
        CreateAccounts(),
        CreateAuditLog(),
        CreateClientRecords(),
        CreatePlanning(),
        CreateConversationRecords(),
        CreatePlansAndHandovers(),
        CreateAPITokens(),
        CreateSocialMap(),
        AddServiceToPlanActions(),
        CreateCaseTables(),
        CreateFeedbackPulseOutbox(),
        CreateAgreements(),
        CreateMonitoring(),
        AddMonitorSettleIndex(),
        CreateMonitorAdherence(),
    ]
}
