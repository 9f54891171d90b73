import Domain
import Foundation
import Vapor

/// Registering a citizen for a verkennend gesprek (GP, POH-GGZ, sociaal werker). A possible duplicate is
/// shown before a second record is made; the person registering chooses.
enum AanmeldingRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.aanmeldingNew, use: showNew)
        routes.post(.aanmeldingNew, use: submit)
    }

    struct FormPage: Encodable {
        var name: FormField, dateOfBirth: FormField, bsn: FormField, postcode: FormField, phone: FormField, email: FormField
        var helpQuestion: FormField
        var urgencies: [Option]
        var consentVG: [Option], consentOverdracht: [Option]
        /// The client agrees to be asked for feedback by e-mail (else only on paper, with the QR code).
        var consentFeedback: Bool
        var consentError: String?
        var formError: String?
        var duplicates: [Duplicate]
        var allowNew: Bool
    }

    struct Duplicate: Encodable { var value: String; var text: String; var link: String?; var selected: Bool }

    /// What was submitted, parsed.
    struct Submitted {
        var raw: [String: String]
        var urgency: Urgency
        var consentVG: Set<UUID>, consentOverdracht: Set<UUID>
        /// Consents for other purposes (the API may send them; the form does not ask).
        var otherConsents: [(ConsentPurpose, UUID)] = []
        /// The form's "feedback per e-mail": a `feedback` consent to the registering organisation.
        var feedbackByEmail = false
        var decision: String
        var dateOfBirth: DateOnly?, bsn: BSN?, postcode: PC4?
    }

    static func read(_ req: Request) -> Submitted {
        var raw: [String: String] = [:]
        for f in ["name", "date_of_birth", "bsn", "postcode", "phone", "email", "help_question"] { raw[f] = req.field(f) }
        return Submitted(raw: raw, urgency: Urgency(rawValue: req.field("urgency")) ?? .regulier,
                         consentVG: Set(req.fieldValues("consent_vg").compactMap(UUID.init(uuidString:))),
                         consentOverdracht: Set(req.fieldValues("consent_overdracht").compactMap(UUID.init(uuidString:))),
                         feedbackByEmail: req.field("consent_feedback") == "ja",
                         decision: req.field("duplicate_decision"),
                         dateOfBirth: DateOnly(raw["date_of_birth"]!), bsn: BSN(raw["bsn"]!), postcode: PC4(raw["postcode"]!))
    }

    static func validate(_ s: Submitted, now: Date, wijk: Wijk?) -> ValidationErrors {
        var e = ValidationErrors()
        let name = s.raw["name"]!
        if name.isEmpty { e.add("name", "error_required") } else if name.count > 200 { e.add("name", "error_too_long") }
        if s.raw["date_of_birth"]!.isEmpty { e.add("date_of_birth", "error_required") }
        else if let d = s.dateOfBirth {
            let age = d.age(on: now)
            if age < 0 { e.add("date_of_birth", "error_date_in_future") } else if age > 120 { e.add("date_of_birth", "error_date_invalid") }
        } else { e.add("date_of_birth", "error_date_invalid") }
        if !s.raw["bsn"]!.isEmpty && s.bsn == nil { e.add("bsn", "error_bsn_invalid") }
        if s.raw["postcode"]!.isEmpty { e.add("postcode", "error_required") }
        else if s.postcode == nil { e.add("postcode", "error_postcode_invalid") }
        else if wijk == nil { e.add("postcode", "error_postcode_outside_region") }
        let phone = s.raw["phone"]!
        if !phone.isEmpty && (phone.filter(\.isNumber).count < 10 || phone.contains(where: { !$0.isNumber && !" +-()".contains($0) })) {
            e.add("phone", "error_phone_invalid")
        }
        if !s.raw["email"]!.isEmpty && !Email.isValid(s.raw["email"]!) { e.add("email", "error_email_invalid") }
        if s.feedbackByEmail && s.raw["email"]!.isEmpty { e.add("email", "error_feedback_needs_email") }
        let q = s.raw["help_question"]!
        if q.isEmpty { e.add("help_question", "error_required") } else if q.count > 4000 { e.add("help_question", "error_too_long") }
        if s.consentVG.isEmpty { e.add("consent", "error_consent_vg_required") }
        return e
    }

    @Sendable static func showNew(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(ClientAccessPolicy.mayRegister(me.user))
        let empty = Submitted(raw: ["name": "", "date_of_birth": "", "bsn": "", "postcode": "", "phone": "", "email": "", "help_question": ""],
                              urgency: .regulier, consentVG: [me.organisation.id], consentOverdracht: [], decision: "",
                              dateOfBirth: nil, bsn: nil, postcode: nil)
        return try await req.render("aanmelding/new", titleKey: "aanmelding_new_title",
                                    try await formPage(req, empty, errors: .init(), duplicates: [], allowNew: true))
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(ClientAccessPolicy.mayRegister(me.user))
        let s = read(req)
        let wijk = try await s.postcode.asyncMap { try await req.repositories.region.wijk(for: $0) } ?? nil
        let careOrgs = Set(try await careOrganisations(req).map(\.id))
        var errors = validate(s, now: req.now, wijk: wijk)
        if !s.consentVG.isSubset(of: careOrgs) || !s.consentOverdracht.isSubset(of: careOrgs) { errors.add("consent", "error_choose") }
        guard errors.isEmpty, let dob = s.dateOfBirth, let wijk else {
            return try await req.render("aanmelding/new", titleKey: "aanmelding_new_title",
                                        try await formPage(req, s, errors: errors, duplicates: [], allowNew: true), status: .unprocessableEntity)
        }
        let (client, aanmelding, consents) = Registration.records(s, dateOfBirth: dob, wijk: wijk, me: me, now: req.now)
        switch try await Registration.register(req, client: client, aanmelding: aanmelding, consents: consents, decision: s.decision) {
        case .registered(let clientID, _):
            return req.redirect(to: SiteURL.client(clientID).path + "?melding=flash_registered", redirectType: .normal)
        case .duplicates(let hits, let allowNew):
            let page = try await formPage(req, s, errors: .init(), duplicates: hits, allowNew: allowNew)
            return try await req.render("aanmelding/new", titleKey: "aanmelding_new_title", page, status: .conflict)
        }
    }

    /// Organisations that can take part in care (and so can receive a consent).
    static func careOrganisations(_ req: Request) async throws -> [Organisation] {
        let careTypes: [OrganisationType] = [.huisartsenpraktijk, .sociaalWijkteam, .ggzAanbieder, .steuncentrum]
        return try await req.repositories.organisations.all()
            .filter { $0.isActive && careTypes.contains($0.type) }
            .sorted { (careTypes.firstIndex(of: $0.type)!, $0.name) < (careTypes.firstIndex(of: $1.type)!, $1.name) }
    }

    static func formPage(_ req: Request, _ s: Submitted, errors: ValidationErrors, duplicates: [DuplicateHit], allowNew: Bool) async throws -> FormPage {
        let orgs = try await careOrganisations(req)
        let f = { (name: String) in FormField(s.raw[name] ?? "", error: errors[name].map { req.t($0) }) }
        let options = { (chosen: Set<UUID>) in
            orgs.map { Option(value: $0.id.uuidString, label: "\($0.name) (\(req.t($0.type.labelKey)))", selected: chosen.contains($0.id)) }
        }
        return FormPage(
            name: f("name"), dateOfBirth: f("date_of_birth"), bsn: f("bsn"), postcode: f("postcode"), phone: f("phone"), email: f("email"),
            helpQuestion: f("help_question"),
            urgencies: Urgency.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == s.urgency) },
            consentVG: options(s.consentVG), consentOverdracht: options(s.consentOverdracht), consentFeedback: s.feedbackByEmail,
            consentError: errors["consent"].map { req.t($0) },
            formError: errors.isEmpty ? nil : req.t("error_form"),
            duplicates: duplicates.map { hit in
                Duplicate(value: "existing:\(hit.clientID.uuidString)",
                          text: req.t(hit.match == .sameBSN ? "duplicate_same_bsn" : "duplicate_same_person"),
                          link: hit.inCareTeam ? SiteURL.client(hit.clientID).path : nil, selected: false)
            },
            allowNew: allowNew)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self { case .some(let w): try await f(w); case .none: nil }
    }
}
