import Domain
import Foundation
import Vapor

/// Settings the web layer needs, filled in by the composition root.
public struct WebConfiguration: Sendable {
    /// Mark cookies `Secure`. Browsers accept Secure cookies on http://localhost, so this stays on
    /// except for a plain-HTTP deployment on another host.
    public var secureCookies: Bool = true
    public var bcryptCost: Int = 12
    /// A session ends after this long without a request…
    public var sessionIdleTimeout: TimeInterval = 60 * 60
    /// …and in any case this long after login.
    public var sessionLifetime: TimeInterval = 12 * 60 * 60
    public var throttle = LoginThrottle()
    public var clock: Clock = .system
    /// Folder with `Views/`, `Public/` and `Locales/` (the Web target's resources by default).
    public var resourcesDirectory: String
    /// Shown on the login page of a demo installation, so a newcomer can click through every role.
    public var demoLogins: [DemoLogin] = []
    /// How often a live casuïstiektafel page asks the database whether the session changed.
    public var liveInterval: Duration = .milliseconds(700)
    /// Where people reach MGN (`MGN_PUBLIC_URL`), for links in messages and QR codes; without it, the
    /// address of the request is used.
    public var publicURL: String?
    /// Whether a mail path is configured; without one, the outbox page says messages wait there.
    public var mailConfigured = false
    /// How often the staff pulse runs.
    public var pulseCalendar = PulseCalendar()
    /// The month MGN went live in the region: the dashboard's baseline ends before it (`MGN_GO_LIVE`).
    public var goLive: YearMonth?

    public init(resourcesDirectory: String = WebResources.defaultDirectory) {
        self.resourcesDirectory = resourcesDirectory
    }
}

public struct DemoLogin: Sendable, Encodable {
    public var email: String
    public var name: String
    public var organisation: String
    public var roles: String
    public init(email: String, name: String, organisation: String, roles: String) {
        self.email = email; self.name = name; self.organisation = organisation; self.roles = roles
    }
}

public enum WebResources {
    /// The resources copied next to the executable by SwiftPM (views, locales, CSS).
    public static var defaultDirectory: String { Bundle.module.resourcePath ?? "." }
}

/// Everything the web layer gets from the composition root.
public struct WebServices: Sendable {
    public var configuration: WebConfiguration
    public var catalogue: Catalogue
    /// The instruments of the verkennend gesprek, every version.
    public var instruments: InstrumentCatalogue
    /// The client-feedback questionnaires (conversation and follow-up), every version.
    public var questionnaires: FeedbackQuestionnaires
    /// Repositories on the request's database handle.
    public var repositories: @Sendable (Request) -> Repositories
    /// bcrypt of a random string at the configured cost: checked against when an account is unknown,
    /// so a failed login takes as long whether or not the address exists.
    public var dummyPasswordHash: String = ""

    public init(configuration: WebConfiguration, catalogue: Catalogue, instruments: InstrumentCatalogue, questionnaires: FeedbackQuestionnaires,
                repositories: @escaping @Sendable (Request) -> Repositories) {
        self.configuration = configuration; self.catalogue = catalogue; self.instruments = instruments; self.repositories = repositories
        self.questionnaires = questionnaires
    }
}

extension Application {
    private struct WebServicesKey: StorageKey { typealias Value = WebServices }
    public var web: WebServices {
        get {
            guard let s = storage[WebServicesKey.self] else { fatalError("Web.configure(app, services:) was not called") }
            return s
        }
        set { storage[WebServicesKey.self] = newValue }
    }
}

extension Request {
    var repositories: Repositories { application.web.repositories(self) }
    var config: WebConfiguration { application.web.configuration }
    var now: Date { application.web.configuration.clock.now() }
    /// The client's address as seen by this server (NEN 7513's "from where").
    var sourceAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
