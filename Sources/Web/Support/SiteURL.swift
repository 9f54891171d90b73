import Domain
import Foundation
import Vapor

/// Every page and form target of the site. Used both to register routes (with `nil` ids, which become
/// `:id` parameters) and to build links, so a renamed path cannot leave a dead link behind.
enum SiteURL: Equatable {
    case home
    case login, logout
    case password
    case apiTokens, apiTokenRevoke
    case language(Locale.Code?)
    case admin
    case adminUsers, adminUserNew, adminUser(UUID?)
    case adminOrganisations, adminOrganisationNew, adminOrganisation(UUID?), adminOrganisationTeams(UUID?)
    case adminWijken, adminWijkNew, adminWijk(UUID?)
    case adminAudit, adminNorms
    case aanmeldingNew
    case clients, client(UUID?), clientAccessLog(UUID?), clientContact(UUID?), clientConsent(UUID?), clientConsentRevoke(UUID?), clientCareTeam(UUID?)
    case clientPlanning(UUID?), clientAppointment(UUID?), clientConversation(UUID?)
    case clientPlan(UUID?), clientPlanEdit(UUID?), clientPlanGoal(UUID?), clientPlanAction(UUID?), clientPlanActionStatus(UUID?),
         clientPlanShared(UUID?), clientPlanPrint(UUID?), clientAdviceLetter(UUID?)
    case handovers, handover(UUID?)
    case clientPlanActionService(UUID?)
    // The sociale kaart: public pages for citizens, the professional map with its upkeep.
    case publicMap, publicService(UUID?), publicHSDS
    case map, mapService(UUID?), mapServiceNew, mapServiceEdit(UUID?), mapServiceWait(UUID?), mapServiceChecked(UUID?),
         mapServiceActivity(UUID?), mapServiceActivityRemove(UUID?), mapServiceVersions(UUID?)
    case mapUpkeep, mapProviders, mapProviderNew, mapProvider(UUID?), mapProviderLocation(UUID?)
    case mapImport, mapImportCSV, mapImportHSDS, mapImportTemplate, mapExportHSDS
    case availability, availabilityRemove
    // The casuïstiektafel: tables, sessions, cases; a case is brought in from the client's record.
    case caseTables, caseTableNew, caseTable(UUID?), caseTableEdit(UUID?), caseTableSession(UUID?)
    case caseSession(UUID?), caseSessionAgenda(UUID?), caseSessionControl(UUID?), caseSessionOutcome(UUID?), caseSessionLive(UUID?),
         caseSessionFragment(UUID?), caseSessionMinutes(UUID?), caseSessionAdvice(UUID?)
    case tableCase(UUID?), tableCaseAdvice(UUID?), tableCaseWithdraw(UUID?), tableCaseTakeover(UUID?), clientTableCase(UUID?)
    // Hearing from clients and colleagues; the network's agreements; the outbox.
    case feedbackForm(String?), feedbackResults, clientFeedbackLetter(UUID?), clientExport(UUID?)
    case pulse, pulseRound(UUID?)
    case agreements, agreementNew, agreement(UUID?), agreementEdit(UUID?), agreementTodo
    case adminOutbox, adminOutboxRetry, adminOutboxTest
    // The monitoring dashboard.
    case dashboard, dashboardJSON, dashboardIndicator(String?), dashboardIndicatorCSV(String?), dashboardReport, dashboardBaseline
    case health, metrics

    var segments: [String] {
        switch self {
        case .home: []
        case .login: ["inloggen"]
        case .logout: ["uitloggen"]
        case .password: ["account", "wachtwoord"]
        case .apiTokens: ["account", "api-sleutels"]
        case .apiTokenRevoke: ["account", "api-sleutels", "intrekken"]
        case .language(let code): ["taal", code?.rawValue ?? ":code"]
        case .admin: ["beheer"]
        case .adminUsers: ["beheer", "gebruikers"]
        case .adminUserNew: ["beheer", "gebruikers", "nieuw"]
        case .adminUser(let id): ["beheer", "gebruikers", Self.param(id)]
        case .adminOrganisations: ["beheer", "organisaties"]
        case .adminOrganisationNew: ["beheer", "organisaties", "nieuw"]
        case .adminOrganisation(let id): ["beheer", "organisaties", Self.param(id)]
        case .adminOrganisationTeams(let id): ["beheer", "organisaties", Self.param(id), "teams"]
        case .adminWijken: ["beheer", "wijken"]
        case .adminWijkNew: ["beheer", "wijken", "nieuw"]
        case .adminWijk(let id): ["beheer", "wijken", Self.param(id)]
        case .adminAudit: ["beheer", "auditlog"]
        case .adminNorms: ["beheer", "reactietermijnen"]
        case .aanmeldingNew: ["aanmeldingen", "nieuw"]
        case .clients: ["clienten"]
        case .client(let id): ["clienten", Self.param(id)]
        case .clientAccessLog(let id): ["clienten", Self.param(id), "inzage"]
        case .clientContact(let id): ["clienten", Self.param(id), "contact"]
        case .clientConsent(let id): ["clienten", Self.param(id), "toestemming"]
        case .clientConsentRevoke(let id): ["clienten", Self.param(id), "toestemming", "intrekken"]
        case .clientCareTeam(let id): ["clienten", Self.param(id), "zorgteam"]
        case .clientPlanning(let id): ["clienten", Self.param(id), "planning"]
        case .clientAppointment(let id): ["clienten", Self.param(id), "afspraak"]
        case .clientConversation(let id): ["clienten", Self.param(id), "gesprek"]
        case .clientPlan(let id): ["clienten", Self.param(id), "plan"]
        case .clientPlanEdit(let id): ["clienten", Self.param(id), "plan", "bewerken"]
        case .clientPlanGoal(let id): ["clienten", Self.param(id), "plan", "doel"]
        case .clientPlanAction(let id): ["clienten", Self.param(id), "plan", "actie"]
        case .clientPlanActionStatus(let id): ["clienten", Self.param(id), "plan", "actie", "status"]
        case .clientPlanShared(let id): ["clienten", Self.param(id), "plan", "gedeeld"]
        case .clientPlanPrint(let id): ["clienten", Self.param(id), "plan", "afdruk"]
        case .clientAdviceLetter(let id): ["clienten", Self.param(id), "advies"]
        case .clientPlanActionService(let id): ["clienten", Self.param(id), "plan", "actie", "dienst"]
        case .publicMap: ["sociale-kaart"]
        case .publicService(let id): ["sociale-kaart", "dienst", Self.param(id)]
        case .publicHSDS: ["sociale-kaart", "hsds.json"]
        case .map: ["kaart"]
        case .mapService(let id): ["kaart", "dienst", Self.param(id)]
        case .mapServiceNew: ["kaart", "dienst", "nieuw"]
        case .mapServiceEdit(let id): ["kaart", "dienst", Self.param(id), "bewerken"]
        case .mapServiceWait(let id): ["kaart", "dienst", Self.param(id), "wachttijd"]
        case .mapServiceChecked(let id): ["kaart", "dienst", Self.param(id), "gecontroleerd"]
        case .mapServiceActivity(let id): ["kaart", "dienst", Self.param(id), "activiteit"]
        case .mapServiceActivityRemove(let id): ["kaart", "dienst", Self.param(id), "activiteit", "verwijderen"]
        case .mapServiceVersions(let id): ["kaart", "dienst", Self.param(id), "versies"]
        case .mapUpkeep: ["kaart", "onderhoud"]
        case .mapProviders: ["kaart", "aanbieders"]
        case .mapProviderNew: ["kaart", "aanbieders", "nieuw"]
        case .mapProvider(let id): ["kaart", "aanbieders", Self.param(id)]
        case .mapProviderLocation(let id): ["kaart", "aanbieders", Self.param(id), "locatie"]
        case .mapImport: ["kaart", "import"]
        case .mapImportCSV: ["kaart", "import", "csv"]
        case .mapImportHSDS: ["kaart", "import", "hsds"]
        case .mapImportTemplate: ["kaart", "import", "sjabloon.csv"]
        case .mapExportHSDS: ["kaart", "export", "hsds.json"]
        case .handovers: ["overdrachten"]
        case .handover(let id): ["overdrachten", Self.param(id)]
        case .availability: ["beschikbaarheid"]
        case .availabilityRemove: ["beschikbaarheid", "verwijderen"]
        case .caseTables: ["casuistiek"]
        case .caseTableNew: ["casuistiek", "tafels", "nieuw"]
        case .caseTable(let id): ["casuistiek", "tafels", Self.param(id)]
        case .caseTableEdit(let id): ["casuistiek", "tafels", Self.param(id), "bewerken"]
        case .caseTableSession(let id): ["casuistiek", "tafels", Self.param(id), "zitting"]
        case .caseSession(let id): ["casuistiek", "zittingen", Self.param(id)]
        case .caseSessionAgenda(let id): ["casuistiek", "zittingen", Self.param(id), "agenda"]
        case .caseSessionControl(let id): ["casuistiek", "zittingen", Self.param(id), "regie"]
        case .caseSessionOutcome(let id): ["casuistiek", "zittingen", Self.param(id), "uitkomst"]
        case .caseSessionLive(let id): ["casuistiek", "zittingen", Self.param(id), "live"]
        case .caseSessionFragment(let id): ["casuistiek", "zittingen", Self.param(id), "actueel"]
        case .caseSessionMinutes(let id): ["casuistiek", "zittingen", Self.param(id), "notulen"]
        case .caseSessionAdvice(let id): ["casuistiek", "zittingen", Self.param(id), "advies"]
        case .tableCase(let id): ["casuistiek", "casus", Self.param(id)]
        case .tableCaseAdvice(let id): ["casuistiek", "casus", Self.param(id), "advies"]
        case .tableCaseWithdraw(let id): ["casuistiek", "casus", Self.param(id), "intrekken"]
        case .tableCaseTakeover(let id): ["casuistiek", "casus", Self.param(id), "overname"]
        case .clientTableCase(let id): ["clienten", Self.param(id), "casuistiek"]
        case .feedbackForm(let token): ["f", token ?? ":token"]
        case .feedbackResults: ["feedback"]
        case .clientFeedbackLetter(let id): ["clienten", Self.param(id), "feedback", "brief"]
        case .clientExport(let id): ["clienten", Self.param(id), "inzage-export.json"]
        case .pulse: ["puls"]
        case .pulseRound(let id): ["puls", Self.param(id)]
        case .agreements: ["afspraken"]
        case .agreementNew: ["afspraken", "nieuw"]
        case .agreement(let id): ["afspraken", Self.param(id)]
        case .agreementEdit(let id): ["afspraken", Self.param(id), "bewerken"]
        case .agreementTodo: ["afspraken", "taken"]
        case .dashboard: ["monitor"]
        case .dashboardJSON: ["monitor", "overzicht.json"]
        case .dashboardIndicator(let id): ["monitor", "indicator", id ?? ":id"]
        case .dashboardIndicatorCSV(let id): ["monitor", "indicator", id ?? ":id", "export.csv"]
        case .dashboardReport: ["monitor", "kwartaalrapport"]
        case .dashboardBaseline: ["monitor", "nulmeting"]
        case .adminOutbox: ["beheer", "berichten"]
        case .adminOutboxRetry: ["beheer", "berichten", "opnieuw"]
        case .adminOutboxTest: ["beheer", "berichten", "test"]
        case .health: ["health"]
        case .metrics: ["metrics"]
        }
    }

    private static func param(_ id: UUID?) -> String { id.map { $0.uuidString.lowercased() } ?? ":id" }

    var path: String { "/" + segments.joined(separator: "/") }
    var components: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
}

extension RoutesBuilder {
    @discardableResult
    func get(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Route {
        get(url.components, use: handler)
    }
    @discardableResult
    func post(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Route {
        post(url.components, use: handler)
    }
}

extension Request {
    /// The `:id` of a route registered with a `nil` id. A malformed id is "not found", like an unknown one.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    func redirect(to url: SiteURL) -> Response { redirect(to: url.path, redirectType: .normal) }
}

/// Only paths on this site are accepted as a place to return to: no open redirects.
func safeReturnPath(_ raw: String?) -> String? {
    guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
          !raw.contains(where: { $0.isNewline }), raw.count < 512 else { return nil }
    return raw
}
