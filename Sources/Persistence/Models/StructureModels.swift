import Fluent
import Foundation

// Fluent models stay inside Persistence; repositories convert them to Domain values.
// `@unchecked Sendable` is the accepted Swift 6 idiom for Fluent models (see STACK-NOTES.md).

final class RegionModel: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

final class WijkModel: Model, @unchecked Sendable {
    static let schema = "wijken"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
}

/// A PC4 belongs to exactly one wijk of the region (primary key on the postcode).
final class WijkPostcodeModel: Model, @unchecked Sendable {
    static let schema = "wijk_postcodes"
    @ID(custom: "postcode", generatedBy: .user) var id: String?
    @Field(key: "wijk_id") var wijkID: UUID
    init() {}
    init(postcode: String, wijkID: UUID) { self.id = postcode; self.wijkID = wijkID }
}

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "type") var type: String
    @OptionalField(key: "agb_code") var agbCode: String?
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
}

final class OrganisationWijkModel: Model, @unchecked Sendable {
    static let schema = "organisation_wijken"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "wijk_id") var wijkID: UUID
    init() {}
    init(organisationID: UUID, wijkID: UUID) { self.organisationID = organisationID; self.wijkID = wijkID }
}

final class TeamModel: Model, @unchecked Sendable {
    static let schema = "teams"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "echelon") var echelon: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
