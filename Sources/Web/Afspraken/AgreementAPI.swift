import Domain
import Foundation
import Vapor

/// The samenwerkingsafspraken as data (`/api/v1/agreements`): what the pages `/afspraken` show, the
/// to-do list a partner's own system can put in its worklist, and, for the coordinator, recording and
/// changing agreements with the same rules and audit entries as the form.
enum AgreementAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("agreements", use: list)
        api.post("agreements", use: create)
        api.get("agreements", "todo", use: todo)
        api.get("agreements", ":id", use: show)
        api.put("agreements", ":id", use: update)
    }

    struct PartyDTO: Content { var organisationId: UUID?; var organisationType: String? }
    struct VersionDTO: Content { var limit: Int?; var validFrom: String }
    struct TotalsDTO: Content {
        var met: Int; var missed: Int; var open: Int; var share: Double?
        init(_ t: AdherenceTotals) { met = t.met; missed = t.missed; open = t.open; share = t.share }
    }
    struct NormDTO: Content {
        var kind: String; var workingDays: Bool; var versions: [VersionDTO]
        /// Items that started in the last 12 months (this month included).
        var last12Months: TotalsDTO
    }
    struct AgreementDTO: Content {
        var id: UUID; var title: String; var parties: [PartyDTO]; var effectiveFrom: String; var endedOn: String?; var norms: [NormDTO]
    }
    struct MonthDTO: Content { var month: String; var totals: TotalsDTO }
    struct OrganisationDTO: Content { var organisationId: UUID; var totals: TotalsDTO; var byMonth: [MonthDTO] }
    struct NormAdherenceDTO: Content { var kind: String; var byMonth: [MonthDTO]; var byOrganisation: [OrganisationDTO] }
    struct DetailDTO: Content { var agreement: AgreementDTO; var adherence: [NormAdherenceDTO] }
    struct TodoDTO: Content {
        var kind: String; var agreementId: UUID; var agreementTitle: String; var limit: Int; var start: Date; var deadline: Date; var overdue: Bool
        var handoverId: UUID?; var caseId: UUID?; var appointmentId: UUID?; var clientId: UUID?
    }
    struct NormInput: Content { var kind: String; var limit: Int?; var validFrom: String? }
    struct AgreementInput: Content {
        var title: String; var parties: [PartyDTO]; var effectiveFrom: String; var endedOn: String?; var norms: [NormInput]
    }

    static func dto(_ a: Agreement, rows: [AdherenceRow], now: Date) -> AgreementDTO {
        let byKind = AdherenceSummary.byKind(rows, months: AgreementRoutes.period(now))
        return AgreementDTO(
            id: a.id, title: a.title,
            parties: a.parties.map { p in
                switch p {
                case .organisation(let id): PartyDTO(organisationId: id, organisationType: nil)
                case .organisationType(let t): PartyDTO(organisationId: nil, organisationType: t.rawValue)
                }
            },
            effectiveFrom: a.effectiveFrom.iso, endedOn: a.endedOn?.iso,
            norms: a.kinds.map { k in
                NormDTO(kind: k.rawValue, workingDays: k.usesWorkingDays, versions: a.versions(of: k).map { VersionDTO(limit: $0.limit, validFrom: $0.validFrom.iso) },
                        last12Months: TotalsDTO(byKind.first { $0.kind == k }?.totals ?? AdherenceTotals()))
            })
    }

    @Sendable static func list(req: Request) async throws -> [AgreementDTO] {
        _ = try req.currentUser()
        let agreements = try await req.repositories.agreements.all()
        let m = try await AgreementRoutes.measure(req)
        return agreements.map { dto($0, rows: Adherence().rows(agreement: $0, items: m.items, organisations: m.types, now: req.now), now: req.now) }
    }

    @Sendable static func show(req: Request) async throws -> DetailDTO {
        _ = try req.currentUser()
        guard let a = try await req.repositories.agreements.find(id: try APIRoutes.uuid(req, "id")) else { throw Abort(.notFound) }
        let m = try await AgreementRoutes.measure(req)
        let rows = Adherence().rows(agreement: a, items: m.items, organisations: m.types, now: req.now)
        let range = AgreementRoutes.period(req.now)
        func months(_ rows: [AdherenceRow]) -> [MonthDTO] {
            AdherenceSummary.byMonth(rows, from: range.lowerBound, to: range.upperBound).map { MonthDTO(month: $0.month.description, totals: TotalsDTO($0.totals)) }
        }
        let adherence = a.kinds.map { k -> NormAdherenceDTO in
            let kindRows = rows.filter { $0.kind == k }
            let byOrg = AdherenceSummary.byOrganisation(kindRows, kind: k, months: range)
            return NormAdherenceDTO(kind: k.rawValue, byMonth: months(kindRows), byOrganisation: byOrg.keys.sorted { $0.uuidString < $1.uuidString }.map { org in
                OrganisationDTO(organisationId: org, totals: TotalsDTO(byOrg[org]!), byMonth: months(kindRows.filter { $0.organisationID == org }))
            })
        }
        return DetailDTO(agreement: dto(a, rows: rows, now: req.now), adherence: adherence)
    }

    /// The caller's organisation's open items that are overdue or due within two working days.
    @Sendable static func todo(req: Request) async throws -> [TodoDTO] {
        let me = try req.currentUser()
        return try await AgreementRoutes.todoEntries(req, organisationID: me.organisation.id).map { e in
            TodoDTO(kind: e.todo.kind.rawValue, agreementId: e.todo.agreementID, agreementTitle: e.todo.agreementTitle, limit: e.todo.limit,
                    start: e.todo.item.start, deadline: e.todo.deadline, overdue: e.todo.overdue,
                    handoverId: e.handoverID, caseId: e.caseID, appointmentId: e.appointmentID, clientId: e.clientID)
        }
    }

    /// Reads the body into `base` with the form's rules (`Agreement.changeNorm`): a norm whose limit
    /// differs from the version in force on its `validFrom` becomes a new version; norms not mentioned
    /// stay as they are. Field errors are named like the body's fields.
    static func read(_ input: AgreementInput, into base: Agreement, organisations: [UUID: Organisation]) -> (Agreement, [String: String]) {
        var a = base, errors: [String: String] = [:]
        a.title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = DateOnly(input.effectiveFrom) { a.effectiveFrom = d } else { errors["effectiveFrom"] = "error_date_invalid" }
        if let raw = input.endedOn, !raw.isEmpty {
            if let d = DateOnly(raw) { a.endedOn = d } else { errors["endedOn"] = "error_date_invalid" }
        } else {
            a.endedOn = nil
        }
        var parties: [AgreementParty] = []
        for p in input.parties {
            switch (p.organisationId, p.organisationType.flatMap(OrganisationType.init(rawValue:))) {
            case (let id?, nil) where organisations[id] != nil: parties.append(.organisation(id))
            case (nil, let type?): parties.append(.organisationType(type))
            default: errors["parties"] = "error_party_invalid"
            }
        }
        a.parties = parties
        for n in input.norms {
            guard let kind = NormKind(rawValue: n.kind) else { errors["norms"] = "error_norm_kind"; continue }
            var from = a.effectiveFrom
            if let raw = n.validFrom, !raw.isEmpty {
                guard let d = DateOnly(raw) else { errors["norms"] = "error_date_invalid"; continue }
                from = d
            }
            if kind.hasLimit && n.limit == nil { errors["norms"] = "error_norm_limit"; continue }
            if !kind.hasLimit && n.limit != nil { errors["norms"] = "error_norm_no_limit"; continue }
            a.changeNorm(kind, limit: n.limit, from: from)
        }
        for (field, key) in a.validate().fields {
            // The domain names a norm's problems by form field (limit_<kind>, validFrom_<kind>); the API has one list.
            let name = field.hasPrefix("limit_") || field.hasPrefix("validFrom_") ? "norms" : field
            if errors[name] == nil { errors[name] = key }
        }
        return (a, errors)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try AgreementRoutes.requireManager(req)
        let input = try req.content.decode(AgreementInput.self)
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        let draft = Agreement(title: "", parties: [], effectiveFrom: DateOnly(req.now, calendar: WorkingDays().calendar), norms: [],
                              createdAt: req.now, createdBy: me.user.id)
        let (a, errors) = read(input, into: draft, organisations: orgs)
        guard errors.isEmpty else { return APIRoutes.invalid(req, errors) }
        try await req.repositories.agreements.save(a, audit: AgreementRoutes.coordinatorAudit(me, .create, a, req))
        return try await APIRoutes.created(req, Created(id: a.id))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let me = try AgreementRoutes.requireManager(req)
        guard let existing = try await req.repositories.agreements.find(id: try APIRoutes.uuid(req, "id")) else { throw Abort(.notFound) }
        let input = try req.content.decode(AgreementInput.self)
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0) })
        let (a, errors) = read(input, into: existing, organisations: orgs)
        guard errors.isEmpty else { return APIRoutes.invalid(req, errors) }
        try await req.repositories.agreements.save(a, audit: AgreementRoutes.coordinatorAudit(me, .update, a, req))
        let m = try await AgreementRoutes.measure(req)
        return try await dto(a, rows: Adherence().rows(agreement: a, items: m.items, organisations: m.types, now: req.now), now: req.now).encodeResponse(for: req)
    }
}
