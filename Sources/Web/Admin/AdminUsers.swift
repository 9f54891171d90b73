import Domain
import Foundation
import Vapor

enum AdminUsers {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminUsers, use: list)
        routes.get(.adminUserNew, use: showNew)
        routes.post(.adminUserNew, use: create)
        routes.get(.adminUser(nil), use: showEdit)
        routes.post(.adminUser(nil), use: update)
    }

    struct ListPage: Encodable { var users: [Row]; var canCreate: Bool; var newPath: String }
    struct Row: Encodable { var name: String; var email: String; var organisation: String; var roles: String; var active: Bool; var path: String }

    @Sendable static func list(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.isOrganisationAdministrator)
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        let users = try await req.repositories.users.list(organisationIDs: me.admin.manageableOrganisationIDs)
            .sorted { (orgs[$0.organisationID]?.name ?? "", $0.name) < (orgs[$1.organisationID]?.name ?? "", $1.name) }
        let rows = users.map {
            Row(name: $0.name, email: $0.email, organisation: orgs[$0.organisationID]?.name ?? "",
                roles: HomeRoutes.roleList($0.roles, req), active: $0.isActive, path: SiteURL.adminUser($0.id).path)
        }
        return try await req.render("admin/users", titleKey: "admin_users", ListPage(users: rows, canCreate: true, newPath: SiteURL.adminUserNew.path))
    }

    struct FormPage: Encodable {
        var isNew: Bool
        var action: String
        var name: FormField
        var email: FormField
        var password: FormField
        var organisation: FormField
        var organisations: [Option]
        var team: FormField
        var teams: [Option]
        var roles: [Option]
        var rolesError: String?
        var active: Bool
        var formError: String?
    }

    @Sendable static func showNew(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.isOrganisationAdministrator)
        let page = try await formPage(req, me, editing: nil, errors: ValidationErrors(), values: nil)
        return try await req.render("admin/user-form", titleKey: "admin_user_new", page)
    }

    @Sendable static func showEdit(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let user = try await manageableUser(req, me)
        let page = try await formPage(req, me, editing: user, errors: ValidationErrors(), values: nil)
        return try await req.render("admin/user-form", titleKey: "admin_user_edit", page)
    }

    /// The user behind `:id`, if this administrator may manage them; otherwise 404.
    static func manageableUser(_ req: Request, _ me: CurrentUser) async throws -> User {
        guard let user = try await req.repositories.users.find(id: try req.idParameter()),
              me.admin.canManagePeople(of: user.organisationID) else { throw Abort(.notFound) }
        return user
    }

    struct Submitted {
        var name: String, email: String, password: String, organisationID: UUID?, teamID: UUID?, roles: Set<Role>, active: Bool
    }

    static func read(_ req: Request) -> Submitted {
        Submitted(name: req.field("name"), email: req.field("email"),
                  password: (try? req.content.get(String.self, at: "password")) ?? "",
                  organisationID: UUID(uuidString: req.field("organisation")), teamID: UUID(uuidString: req.field("team")),
                  roles: Set(req.fieldValues("roles").compactMap(Role.init(rawValue:))), active: req.field("active") == "on")
    }

    /// Checks a submitted user against the rules; returns the organisation it belongs to.
    static func validate(_ s: Submitted, _ req: Request, _ me: CurrentUser, isNew: Bool, editing: User?) async throws -> (ValidationErrors, Organisation?) {
        var errors = ValidationErrors()
        if s.name.isEmpty { errors.add("name", "error_required") } else if s.name.count > 200 { errors.add("name", "error_too_long") }
        if !Email.isValid(s.email) { errors.add("email", "error_email_invalid") }
        if isNew || !s.password.isEmpty, let problem = PasswordPolicy.problem(with: s.password, email: s.email) { errors.add("password", problem) }
        var org: Organisation?
        if let oid = s.organisationID, me.admin.canManagePeople(of: oid) { org = try await req.repositories.organisations.find(id: oid) }
        if org == nil { errors.add("organisation", "error_choose") }
        if let org {
            if s.roles.isEmpty { errors.add("roles", "error_roles_required") }
            // An organisation administrator may keep an existing admin role, not hand out a new one.
            var requested = s.roles
            if let editing, editing.has(.functioneelBeheerder) { requested.remove(.functioneelBeheerder) }
            if !me.admin.disallowedRoles(requested, for: org).isEmpty { errors.add("roles", "error_roles_not_allowed") }
            if let team = s.teamID, !(try await req.repositories.organisations.teams(of: org.id)).contains(where: { $0.id == team }) {
                errors.add("team", "error_choose")
            }
        }
        if let editing, editing.id == me.user.id, !s.active || !s.roles.contains(.functioneelBeheerder) {
            errors.add("roles", "error_cannot_lock_self_out")
        }
        return (errors, org)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.isOrganisationAdministrator)
        let s = read(req)
        var (errors, org) = try await validate(s, req, me, isNew: true, editing: nil)
        if errors.isEmpty, let org {
            let user = User(organisationID: org.id, teamID: s.teamID, name: s.name, email: s.email, roles: s.roles)
            do {
                let hash = try await req.password.async.hash(s.password)
                try await req.repositories.users.create(user, passwordHash: hash,
                                                        audit: me.adminAudit(.create, "user", user.id.uuidString, on: req))
                return req.redirect(to: SiteURL.adminUsers.path + "?melding=flash_saved", redirectType: .normal)
            } catch DomainError.conflict {
                errors.add("email", "error_email_taken")
            }
        }
        let page = try await formPage(req, me, editing: nil, errors: errors, values: s)
        return try await req.render("admin/user-form", titleKey: "admin_user_new", page, status: .unprocessableEntity)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let existing = try await manageableUser(req, me)
        let s = read(req)
        var (errors, org) = try await validate(s, req, me, isNew: false, editing: existing)
        if errors.isEmpty, let org {
            var user = existing
            user.name = s.name; user.email = s.email; user.organisationID = org.id; user.teamID = s.teamID
            user.roles = s.roles; user.isActive = s.active
            do {
                try await req.repositories.users.update(user, audit: me.adminAudit(.update, "user", user.id.uuidString, on: req))
                if !s.password.isEmpty {
                    let hash = try await req.password.async.hash(s.password)
                    try await req.repositories.users.setPassword(userID: user.id, hash: hash, keepSession: nil,
                                                                 audit: me.adminAudit(.update, "user", user.id.uuidString, detail: "password reset", on: req))
                }
                return req.redirect(to: SiteURL.adminUsers.path + "?melding=flash_saved", redirectType: .normal)
            } catch DomainError.conflict {
                errors.add("email", "error_email_taken")
            }
        }
        let page = try await formPage(req, me, editing: existing, errors: errors, values: s)
        return try await req.render("admin/user-form", titleKey: "admin_user_edit", page, status: .unprocessableEntity)
    }

    static func formPage(_ req: Request, _ me: CurrentUser, editing: User?, errors: ValidationErrors, values: Submitted?) async throws -> FormPage {
        let orgs = try await req.repositories.organisations.all().filter { me.admin.canManagePeople(of: $0.id) }
        let orgID = values?.organisationID ?? editing?.organisationID ?? me.user.organisationID
        let teamID = values?.teamID ?? editing?.teamID
        let roles = values?.roles ?? editing?.roles ?? []
        var teams: [Option] = [Option(value: "", label: req.t("admin_no_team"), selected: teamID == nil)]
        for org in orgs where org.type.hasTeams {
            for team in try await req.repositories.organisations.teams(of: org.id) {
                teams.append(Option(value: team.id.uuidString, label: "\(org.name) — \(team.name)", selected: team.id == teamID))
            }
        }
        let f = { (name: String, value: String) in FormField(value, error: errors[name].map { req.t($0) }) }
        return FormPage(
            isNew: editing == nil,
            action: editing.map { SiteURL.adminUser($0.id).path } ?? SiteURL.adminUserNew.path,
            name: f("name", values?.name ?? editing?.name ?? ""),
            email: f("email", values?.email ?? editing?.email ?? ""),
            password: f("password", ""),
            organisation: f("organisation", orgID.uuidString),
            organisations: orgs.map { Option(value: $0.id.uuidString, label: "\($0.name) (\(req.t($0.type.labelKey)))", selected: $0.id == orgID) },
            team: f("team", teamID?.uuidString ?? ""), teams: teams,
            roles: Role.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: roles.contains($0)) },
            rolesError: errors["roles"].map { req.t($0) },
            active: values?.active ?? editing?.isActive ?? true,
            formError: errors.isEmpty ? nil : req.t("error_form"))
    }
}
