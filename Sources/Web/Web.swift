import Domain
import Leaf
import LeafKit
import Vapor

/// Installs the web layer into an application: templates, middleware in a deliberate order, routes.
public enum Web {
    public static func configure(_ app: Application, services: WebServices) async throws {
        var services = services
        services.dummyPasswordHash = try Bcrypt.hash(randomToken(), cost: services.configuration.bcryptCost)
        app.web = services
        app.passwords.use(.bcrypt(cost: services.configuration.bcryptCost))
        MetricsSetup.bootstrapOnce()

        let resources = services.configuration.resourcesDirectory
        app.views.use(.leaf)
        app.leaf.sources = LeafSources.singleSource(NIOLeafFiles(
            // Not `.toVisibleFiles`: a build folder like `.build/` is hidden, and templates live there in development.
            fileio: app.fileio, limits: [.toSandbox, .onlyLeafExtensions], sandboxDirectory: resources, viewDirectory: resources + "/"))
        app.leaf.cache.isEnabled = app.environment.isRelease

        // Order matters: headers on every answer (errors included) → errors as pages → static files →
        // who is signed in → form tokens.
        app.middleware = .init()
        app.middleware.use(SecurityHeaders())
        app.middleware.use(RouteLogging())
        app.middleware.use(ErrorPages())
        app.middleware.use(FileMiddleware(publicDirectory: resources + "/Public/", defaultFile: nil))
        app.middleware.use(SessionAuthenticator())
        app.middleware.use(CSRFProtection())
        app.routes.defaultMaxBodySize = "1mb"
        // The API speaks ISO 8601 dates, as its OpenAPI document says.
        let encoder = JSONEncoder(); encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder(); decoder.dateDecodingStrategy = .iso8601
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        ContentConfiguration.global.use(decoder: decoder, for: .json)

        OperationsRoutes.register(app.routes)
        let signedIn = app.routes.grouped(RequireLogin())
        LoginRoutes.register(public: app.routes, signedIn: signedIn)
        HomeRoutes.register(signedIn)
        AdminRoutes.register(signedIn)
        AanmeldingRoutes.register(signedIn)
        ClientenRoutes.register(signedIn)
        PlanningRoutes.register(signedIn)
        GesprekRoutes.register(signedIn)
        PlanRoutes.register(signedIn)
        OverdrachtenRoutes.register(signedIn)
        APITokenRoutes.register(signedIn)
        MapSearchRoutes.register(public: app.routes, signedIn: signedIn)
        MapEditRoutes.register(signedIn)
        MapUpkeepRoutes.register(signedIn)
        MapProviderRoutes.register(signedIn)
        MapExchangeRoutes.register(public: app.routes, signedIn: signedIn)
        CaseTableRoutes.register(signedIn)
        CaseRoutes.register(signedIn)
        SessionRoutes.register(signedIn)
        FeedbackRoutes.register(public: app.routes, signedIn: signedIn)
        PulseRoutes.register(signedIn)
        AgreementRoutes.register(signedIn)
        DashboardRoutes.register(signedIn)
        APIRoutes.register(app)
    }
}

/// One log line per request with its id, method, path, status and duration; never query strings or bodies.
struct RouteLogging: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let res = try await next.respond(to: req)
        let elapsed = (ContinuousClock.now - start).components
        let ms = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        req.logger.info("request", metadata: [
            "method": .string(req.method.rawValue), "path": .string(req.url.path),
            "status": .stringConvertible(res.status.code), "ms": .stringConvertible(ms),
        ])
        return res
    }
}
