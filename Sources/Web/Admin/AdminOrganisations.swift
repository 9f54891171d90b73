import Domain
import Foundation
import Vapor

/// The region's partner organisations and their teams; only the region's administrators manage them.
enum AdminOrganisations {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminOrganisations, use: list)
        routes.get(.adminOrganisationNew, use: showNew)
        routes.post(.adminOrganisationNew, use: create)
        routes.get(.adminOrganisation(nil), use: showEdit)
        routes.post(.adminOrganisation(nil), use: update)
        routes.post(.adminOrganisationTeams(nil), use: addTeam)
    }

    struct ListPage: Encodable { var organisations: [Row]; var newPath: String }
    struct Row: Encodable { var name: String; var type: String; var wijken: Int; var people: Int; var active: Bool; var path: String }

    @Sendable static func list(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        let users = try await req.repositories.users.list(organisationIDs: nil)
        let rows = try await req.repositories.organisations.all().map { o in
            Row(name: o.name, type: req.t(o.type.labelKey), wijken: o.wijkIDs.count,
                people: users.filter { $0.organisationID == o.id && $0.isActive }.count, active: o.isActive,
                path: SiteURL.adminOrganisation(o.id).path)
        }
        return try await req.render("admin/organisations", titleKey: "admin_organisations",
                                    ListPage(organisations: rows, newPath: SiteURL.adminOrganisationNew.path))
    }

    struct FormPage: Encodable {
        var isNew: Bool
        var action: String
        var name: FormField
        var type: FormField
        var types: [Option]
        var agb: FormField
        var wijken: [Option]
        var active: Bool
        var teams: [TeamRow]
        var teamsAction: String?
        var teamName: FormField
        var echelons: [Option]
        var formError: String?
    }
    struct TeamRow: Encodable { var name: String; var echelon: String }

    struct Submitted { var name: String, type: OrganisationType?, agb: String, wijkIDs: [UUID], active: Bool }

    static func read(_ req: Request) -> Submitted {
        Submitted(name: req.field("name"), type: OrganisationType(rawValue: req.field("type")),
                  agb: req.field("agb"), wijkIDs: req.fieldValues("wijken").compactMap(UUID.init(uuidString:)),
                  active: req.field("active") == "on")
    }

    static func validate(_ s: Submitted) -> ValidationErrors {
        var e = ValidationErrors()
        if s.name.isEmpty { e.add("name", "error_required") } else if s.name.count > 200 { e.add("name", "error_too_long") }
        if s.type == nil { e.add("type", "error_choose") }
        // AGB codes are eight digits (Vektis).
        if !s.agb.isEmpty && !(s.agb.count == 8 && s.agb.allSatisfy(\.isNumber)) { e.add("agb", "error_agb_invalid") }
        return e
    }

    @Sendable static func showNew(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        return try await req.render("admin/organisation-form", titleKey: "admin_organisation_new",
                                    try await formPage(req, editing: nil, values: nil, errors: .init(), teamErrors: .init()))
    }

    @Sendable static func showEdit(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        guard let org = try await req.repositories.organisations.find(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await req.render("admin/organisation-form", titleKey: "admin_organisation_edit",
                                    try await formPage(req, editing: org, values: nil, errors: .init(), teamErrors: .init()))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        return try await save(req, me, editing: nil)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        guard let org = try await req.repositories.organisations.find(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await save(req, me, editing: org)
    }

    static func save(_ req: Request, _ me: CurrentUser, editing: Organisation?) async throws -> Response {
        let s = read(req)
        var errors = validate(s)
        let known = Set(try await req.repositories.region.wijken().map(\.id))
        if errors.isEmpty, let type = s.type {
            var org = editing ?? Organisation(regionID: me.organisation.regionID, name: s.name, type: type)
            org.name = s.name; org.type = type; org.agbCode = s.agb.isEmpty ? nil : s.agb
            org.wijkIDs = s.wijkIDs.filter(known.contains); org.isActive = editing == nil ? true : s.active
            // The netwerkbureau cannot be switched off from its own admin page: that would lock the region out.
            if editing?.id == me.organisation.id && !org.isActive { errors.add("name", "error_cannot_lock_self_out") }
            else {
                do {
                    try await req.repositories.organisations.save(org, audit: me.adminAudit(editing == nil ? .create : .update, "organisation", org.id.uuidString, on: req))
                    return req.redirect(to: SiteURL.adminOrganisation(org.id).path + "?melding=flash_saved", redirectType: .normal)
                } catch DomainError.conflict {
                    errors.add("name", "error_name_taken")
                }
            }
        }
        let page = try await formPage(req, editing: editing, values: s, errors: errors, teamErrors: .init())
        return try await req.render("admin/organisation-form", titleKey: editing == nil ? "admin_organisation_new" : "admin_organisation_edit",
                                    page, status: .unprocessableEntity)
    }

    @Sendable static func addTeam(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard let org = try await req.repositories.organisations.find(id: try req.idParameter()),
              me.admin.canManagePeople(of: org.id), me.admin.canManageRegionStructure else { throw Abort(.notFound) }
        var errors = ValidationErrors()
        let name = req.field("team_name")
        let echelon = Echelon(rawValue: req.field("echelon"))
        if name.isEmpty { errors.add("team_name", "error_required") }
        if echelon == nil { errors.add("team_name", "error_choose") }
        if !org.type.hasTeams { errors.add("team_name", "error_no_teams_for_type") }
        if errors.isEmpty, let echelon {
            let team = Team(organisationID: org.id, name: name, echelon: echelon)
            do {
                try await req.repositories.organisations.saveTeam(team, audit: me.adminAudit(.create, "team", team.id.uuidString, on: req))
                return req.redirect(to: SiteURL.adminOrganisation(org.id).path + "?melding=flash_saved", redirectType: .normal)
            } catch DomainError.conflict {
                errors.add("team_name", "error_name_taken")
            }
        }
        let page = try await formPage(req, editing: org, values: nil, errors: .init(), teamErrors: errors)
        return try await req.render("admin/organisation-form", titleKey: "admin_organisation_edit", page, status: .unprocessableEntity)
    }

    static func formPage(_ req: Request, editing: Organisation?, values: Submitted?, errors: ValidationErrors,
                         teamErrors: ValidationErrors) async throws -> FormPage {
        let wijken = try await req.repositories.region.wijken()
        let type = values?.type ?? editing?.type
        let chosen = Set(values?.wijkIDs ?? editing?.wijkIDs ?? [])
        let teams = editing == nil ? [] : try await req.repositories.organisations.teams(of: editing!.id)
        let f = { (name: String, value: String) in FormField(value, error: errors[name].map { req.t($0) }) }
        return FormPage(
            isNew: editing == nil,
            action: editing.map { SiteURL.adminOrganisation($0.id).path } ?? SiteURL.adminOrganisationNew.path,
            name: f("name", values?.name ?? editing?.name ?? ""),
            type: f("type", type?.rawValue ?? ""),
            types: OrganisationType.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == type) },
            agb: f("agb", values?.agb ?? editing?.agbCode ?? ""),
            wijken: wijken.map { Option(value: $0.id.uuidString, label: $0.name, selected: chosen.contains($0.id)) },
            active: values?.active ?? editing?.isActive ?? true,
            teams: teams.map { TeamRow(name: $0.name, echelon: req.t($0.echelon.labelKey)) },
            teamsAction: (editing?.type.hasTeams ?? false) ? editing.map { SiteURL.adminOrganisationTeams($0.id).path } : nil,
            teamName: FormField(req.field("team_name"), error: teamErrors["team_name"].map { req.t($0) }),
            echelons: Echelon.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: false) },
            formError: errors.isEmpty ? nil : req.t("error_form"))
    }
}
