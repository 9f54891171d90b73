import Fluent
import SQLKit

/// Region, wijken with their PC4 postcodes, organisations (and the wijken they serve), GGZ teams.
struct CreateRegionStructure: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("regions")
            .id()
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("wijken")
            .id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_id", "code")
            .create()
        try await db.schema("wijk_postcodes")
            .field("postcode", .string, .identifier(auto: false))
            .field("wijk_id", .uuid, .required, .references("wijken", "id", onDelete: .cascade))
            .create()
        try await db.schema("organisations")
            .id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("agb_code", .string)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_id", "name")
            .create()
        try await db.schema("organisation_wijken")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("wijk_id", .uuid, .required, .references("wijken", "id", onDelete: .cascade))
            .unique(on: "organisation_id", "wijk_id")
            .create()
        try await db.schema("teams")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("echelon", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "name")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "wijk_postcodes_wijk_idx").on("wijk_postcodes").column("wijk_id").run()
        try await sql.create(index: "organisation_wijken_wijk_idx").on("organisation_wijken").column("wijk_id").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["teams", "organisation_wijken", "organisations", "wijk_postcodes", "wijken", "regions"] {
            try await db.schema(table).delete()
        }
    }
}
