import Demo
import Domain
import Fluent
import Foundation
import Logging
import Mail
import Persistence
import Vapor
import Web

/// The composition root: the only place that names live implementations (Fluent repositories,
/// the database driver) and hands them to the web layer.
public enum MGN {
    /// Entry point of the `mgn` executable.
    public static func main() async {
        let config: AppConfiguration
        let vaporArguments: [String]
        do {
            (config, vaporArguments) = try AppConfiguration.parse(arguments: Array(CommandLine.arguments.dropFirst()),
                                                                   environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        do {
            var env = try Environment.detect(arguments: [CommandLine.arguments.first ?? "mgn"] + vaporArguments)
            try bootstrapLogging(config, &env)
            let app = try await Application.make(env)
            do {
                try await configure(app, config)
                let command = vaporArguments.first(where: { !$0.hasPrefix("-") }) ?? "serve"
                if command == "serve" {
                    try await prepareDatabase(app, config)
                    scheduleHousekeeping(app)
                    app.lifecycle.use(try backgroundWork(app, config))
                }
                try await app.execute()
            } catch {
                app.logger.critical("mgn stopped: \(String(reflecting: error))")
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("mgn: \(error)\n".utf8))
            exit(1)
        }
    }

    static func bootstrapLogging(_ config: AppConfiguration, _ env: inout Environment) throws {
        switch config.logFormat {
        case .text: try LoggingSystem.bootstrap(from: &env)
        case .json:
            let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info") ?? .info
            LoggingSystem.bootstrap { label in
                var h = JSONLogHandler(label: label); h.logLevel = level; return h
            }
        }
    }

    /// Wires database, repositories and web layer. Tests call this with their own configuration and clock.
    public static func configure(_ app: Application, _ config: AppConfiguration, clock: Clock = .system) async throws {
        if let h = config.hostname { app.http.server.configuration.hostname = h }
        if let p = config.port { app.http.server.configuration.port = p }
        app.logger.info("database: \(config.database)")
        try DatabaseSetup.configure(app, location: config.database)

        var web = WebConfiguration(resourcesDirectory: config.resourcesDirectory ?? WebResources.defaultDirectory)
        web.secureCookies = config.secureCookies
        web.bcryptCost = config.bcryptCost
        web.clock = clock
        if config.demo { web.demoLogins = DemoRegion.make().logins }
        web.publicURL = config.publicURL
        web.mailConfigured = config.smtpURL != nil
        web.pulseCalendar = PulseCalendar(months: config.pulseMonths)
        web.goLive = config.goLive ?? (config.demo ? YearMonth(clock.now(), calendar: WorkingDays().calendar).adding(months: -11) : nil)
        let catalogue = try Catalogue.load(from: web.resourcesDirectory)
        let instruments = try InstrumentCatalogue.load(from: [Bundle.module.resourcePath.map { $0 + "/Instruments" } ?? ""] + config.instrumentDirectories)
        let questionnaires = try FeedbackQuestionnaires.load(from: [Bundle.module.resourcePath.map { $0 + "/Feedback" } ?? ""] + config.feedbackDirectories)
        try await Web.configure(app, services: WebServices(configuration: web, catalogue: catalogue, instruments: instruments, questionnaires: questionnaires,
                                                           repositories: { req in Repositories.live(on: req.db, gate: req.application.writeGate) }))
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        app.asyncCommands.use(DemoCommand(password: config.demoPassword), as: "demo")
    }

    /// Connection settings, migrations, and (with `--demo`) the demo region in an empty database.
    public static func prepareDatabase(_ app: Application, _ config: AppConfiguration) async throws {
        try await DatabaseSetup.prepareConnections(app)
        try await app.autoMigrate()
        if config.demo {
            let seeded = try await DemoSeeder.seedIfEmpty(app, password: config.demoPassword, clients: config.demoClients)
            if seeded { printDemoLogins(app, password: config.demoPassword) }
            else { app.logger.info("demo: database already has data; nothing added") }
        }
    }

    static func printDemoLogins(_ app: Application, password: String) {
        var lines = ["", "Demoregio geladen. Log in op het adres waarop de server start (standaard http://127.0.0.1:8080)",
                     "met wachtwoord '\(password)' en een van deze accounts:", ""]
        for l in DemoRegion.make().logins {
            lines.append("  \(l.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(l.roles) — \(l.organisation)")
        }
        print(lines.joined(separator: "\n") + "\n")
    }

    /// Follow-ups, pulse rounds and outbox delivery, while the server runs. The SMTP settings are
    /// checked here, at start, so a typo stops the server with a clear message instead of failing later.
    static func backgroundWork(_ app: Application, _ config: AppConfiguration) throws -> BackgroundWork {
        var delivery: OutboxDelivery?
        if let url = config.smtpURL {
            let smtp = try SMTPConfiguration(url: url)
            let timeout = Double(smtp.timeout.components.seconds)
            guard config.outboxLease > timeout + 1 else {
                throw AppConfiguration.Invalid(problems: ["MGN_OUTBOX_LEASE (\(Int(config.outboxLease)) s) must be longer than the SMTP timeout (\(Int(timeout)) s)"])
            }
            app.logger.info("outbox: delivering through \(smtp)")
            let composer = MessageComposer(publicURL: config.publicURL ?? "http://\(config.hostname ?? "127.0.0.1"):\(config.port ?? 8080)", from: config.mailFrom)
            delivery = OutboxDelivery(outbox: app.repositories.outbox, transport: SMTPTransport(configuration: smtp), composer: composer,
                                      lease: config.outboxLease)
        }
        return BackgroundWork(interval: .milliseconds(Int(config.backgroundInterval * 1000)), delivery: delivery, pulse: PulseCalendar(months: config.pulseMonths))
    }

    /// Expired sessions and old login attempts are removed every hour.
    static func scheduleHousekeeping(_ app: Application) {
        let logger = app.logger
        let repositories = app.repositories
        let loop = app.eventLoopGroup.next()
        loop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(1)) { _ in
            loop.makeFutureWithTask {
                do {
                    let n = try await repositories.sessions.deleteExpired(before: Date())
                    if n > 0 { logger.info("housekeeping: removed \(n) expired sessions") }
                } catch {
                    logger.error("housekeeping failed: \(String(reflecting: error))")
                }
            }
        }
    }
}

extension Application {
    private struct WriteGateKey: LockKey, StorageKey { typealias Value = WriteGate }

    /// One write gate per application: every writer of this process queues in it (see `WriteGate`).
    public var writeGate: WriteGate {
        if let gate = storage[WriteGateKey.self] { return gate }
        return locks.lock(for: WriteGateKey.self).withLock {
            if let gate = storage[WriteGateKey.self] { return gate }
            let gate = WriteGate()
            storage[WriteGateKey.self] = gate
            return gate
        }
    }

    /// The live repositories on the application's database (commands, seeding, tests).
    public var repositories: Repositories { Repositories.live(on: db, gate: writeGate) }
}

extension DemoRegion {
    var logins: [DemoLogin] {
        people.map { p in
            let org = organisations.first { $0.key == p.organisationKey }
            return DemoLogin(email: p.email, name: p.name, organisation: org?.name ?? "",
                             roles: p.roles.map(\.rawValue).joined(separator: ", "))
        }
    }
}
