import Domain
import Fluent
import Foundation
import Persistence
import Vapor
import Web

/// `mgn user create`: the first administrator, without a browser.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "email", help: "E-mail address (login name)") var email: String?
        @Option(name: "name", help: "Full name") var name: String?
        @Option(name: "organisation", help: "Organisation name; created as netwerkbureau if it does not exist") var organisation: String?
        @Option(name: "region", help: "Region name, used when the region does not exist yet") var region: String?
        @Option(name: "role", help: "Comma-separated roles (default: functioneel_beheerder)") var roles: String?
    }
    var help: String { "Create a user (the first administrator). The password is asked, or read from MGN_NEW_USER_PASSWORD." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw CommandError("unknown action '\(signature.action)'; use: mgn user create") }
        let app = context.application
        try await DatabaseSetup.prepareConnections(app)
        try await app.autoMigrate()
        guard let email = signature.email, Email.isValid(email) else { throw CommandError("--email with a valid address is required") }
        guard let name = signature.name, !name.isEmpty else { throw CommandError("--name is required") }
        let roleNames = (signature.roles ?? Role.functioneelBeheerder.rawValue).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let roles = Set(roleNames.compactMap(Role.init(rawValue:)))
        guard roles.count == roleNames.count, !roles.isEmpty else {
            throw CommandError("unknown role in --role; choose from: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let password = ProcessInfo.processInfo.environment["MGN_NEW_USER_PASSWORD"] ?? context.console.ask("Wachtwoord / password:", isSecure: true)
        if let problem = PasswordPolicy.problem(with: password, email: email) {
            let catalogue = try? Catalogue.load(from: WebResources.defaultDirectory)
            throw CommandError("wachtwoord niet geaccepteerd: \(catalogue?.text(problem, .nl) ?? problem)")
        }
        let repos = app.repositories
        let now = Date()
        func audit(_ type: String, _ id: UUID) -> AuditEvent {
            AuditEvent(at: now, userID: nil, organisationID: nil, role: nil, action: .create, objectType: type,
                       objectID: id.uuidString, sourceAddress: "mgn user create", basis: .administration)
        }
        let regionName = signature.region ?? "Regio"
        let region: Region
        if let existing = try await repos.region.regions().first { region = existing } else {
            region = Region(name: regionName, code: regionName.lowercased().filter { $0.isLetter || $0.isNumber })
            try await repos.region.saveRegion(region, audit: audit("region", region.id))
        }
        let orgName = signature.organisation ?? "Netwerkbureau \(region.name)"
        let org: Organisation
        if let existing = try await repos.organisations.all().first(where: { $0.name == orgName }) { org = existing } else {
            org = Organisation(regionID: region.id, name: orgName, type: .netwerkbureau)
            try await repos.organisations.save(org, audit: audit("organisation", org.id))
        }
        let bad = roles.subtracting(org.type.allowedRoles)
        guard bad.isEmpty else { throw CommandError("roles \(bad.map(\.rawValue)) are not possible at a \(org.type.rawValue)") }
        let user = User(organisationID: org.id, name: name, email: Email.normalised(email), roles: roles)
        let hash = try await app.password.async.hash(password)
        do {
            try await repos.users.create(user, passwordHash: hash, audit: audit("user", user.id))
        } catch DomainError.conflict {
            throw CommandError("a user with e-mail \(email) already exists")
        }
        context.console.print("Created \(user.email) at \(org.name) with roles \(roles.map(\.rawValue).sorted().joined(separator: ", ")).")
    }
}

/// `mgn backup FILE`: a consistent copy of the SQLite database while the server keeps running.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy (must not exist)") var file: String
    }
    var help: String { "Write a consistent copy of the SQLite database (for PostgreSQL use pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.prepareConnections(app)
        try await DatabaseSetup.backupSQLite(app.db, to: signature.file)
        context.console.print("Backup written to \(signature.file)")
    }
}

/// `mgn demo`: fill an empty database with the fictional demo region.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let password: String
    var help: String { "Fill an empty database with the fictional demo region (password from --demo-password)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.prepareConnections(app)
        try await app.autoMigrate()
        if try await DemoSeeder.seedIfEmpty(app, password: password) {
            MGN.printDemoLogins(app, password: password)
        } else {
            context.console.print("The database already has data; the demo region was not added.")
        }
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
