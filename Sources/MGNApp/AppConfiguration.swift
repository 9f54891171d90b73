import Foundation
import Domain
import Persistence

/// Configuration, layered: command-line flag → environment variable → default.
/// Unknown or malformed values stop the program with a list of every problem, before anything starts.
public struct AppConfiguration: Sendable {
    public var database: DatabaseLocation = .sqlite(path: "./data/mgn.sqlite")
    public var demo = false
    public var demoPassword = "mgn-demo-2026"
    /// How many fictional clients the demo region gets (tests use fewer).
    public var demoClients = 300
    public var secureCookies = true
    public var bcryptCost = 12
    public var logFormat: LogFormat = .text
    public var resourcesDirectory: String?
    /// A region's own instrument files (FHIR Questionnaire JSON), added to the ones MGN ships.
    public var instrumentDirectories: [String] = []
    public var hostname: String?
    public var port: Int?
    /// Where people reach MGN, for links in e-mails and QR codes (`MGN_PUBLIC_URL`).
    public var publicURL: String?
    /// The mail server (`MGN_SMTP_URL`, e.g. `smtp+starttls://user:pass@mail.example.nl:587`); none: messages wait in the outbox.
    public var smtpURL: String?
    public var mailFrom = "MGN <noreply@mgn.invalid>"
    /// How often the background work runs (follow-ups, pulse rounds, outbox delivery).
    public var backgroundInterval: Double = 15
    /// How long a delivery run holds a message before another run may take it over.
    public var outboxLease: Double = 120
    /// Months per staff-pulse round (3 = each quarter).
    public var pulseMonths = 3
    /// The month MGN went live (`MGN_GO_LIVE`, yyyy-mm); the demo region went live 11 months before today.
    public var goLive: YearMonth?
    /// A region's own feedback questionnaires (FHIR Questionnaire JSON), added to MGN's.
    public var feedbackDirectories: [String] = []

    public enum LogFormat: String, Sendable { case text, json }

    public init() {}

    public struct Invalid: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String { "mgn: configuration problems:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
    }

    /// Reads MGN's own flags and returns the remaining arguments for Vapor's commands.
    public static func parse(arguments: [String], environment: [String: String]) throws -> (AppConfiguration, [String]) {
        var c = AppConfiguration()
        var problems: [String] = []
        var rest: [String] = []
        var flags: [String: String] = [:]
        let valued: Set = ["--database-url", "--sqlite", "--log-format", "--resources", "--bcrypt-cost", "--demo-password", "--instruments", "--demo-clients",
                           "--public-url", "--smtp-url"]
        let switches: Set = ["--demo", "--insecure-cookies"]
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            let (name, inline) = arg.contains("=") && arg.hasPrefix("--")
                ? (String(arg.split(separator: "=", maxSplits: 1)[0]), String(arg.split(separator: "=", maxSplits: 1)[1])) : (arg, nil)
            if valued.contains(name) {
                if let inline { flags[name] = inline }
                else if i + 1 < arguments.count { flags[name] = arguments[i + 1]; i += 1 }
                else { problems.append("\(name) needs a value") }
            } else if switches.contains(name) {
                flags[name] = "true"
            } else {
                rest.append(arg)
            }
            i += 1
        }
        func value(_ flag: String, _ env: String) -> String? { flags[flag] ?? environment[env].flatMap { $0.isEmpty ? nil : $0 } }
        func bool(_ raw: String, _ name: String) -> Bool? {
            switch raw.lowercased() { case "1", "true", "yes", "on": return true; case "0", "false", "no", "off": return false
            default: problems.append("\(name) must be true or false, not '\(raw)'"); return nil }
        }

        if let url = value("--database-url", "DATABASE_URL") {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { c.database = .postgres(url: url) }
            else if url.hasPrefix("sqlite://") { c.database = .sqlite(path: String(url.dropFirst("sqlite://".count))) }
            else { problems.append("--database-url / DATABASE_URL must start with postgres:// or sqlite://") }
        } else if let path = value("--sqlite", "MGN_SQLITE_PATH") {
            c.database = .sqlite(path: path)
        }
        if let d = flags["--demo"] ?? environment["MGN_DEMO"], let b = bool(d, "MGN_DEMO") { c.demo = b }
        if let p = value("--demo-password", "MGN_DEMO_PASSWORD") { c.demoPassword = p }
        if let raw = value("--demo-clients", "MGN_DEMO_CLIENTS") {
            if let n = Int(raw), (0...5000).contains(n) { c.demoClients = n } else { problems.append("demo clients must be a number from 0 to 5000") }
        }
        if flags["--insecure-cookies"] != nil { c.secureCookies = false }
        else if let s = environment["MGN_SECURE_COOKIES"], let b = bool(s, "MGN_SECURE_COOKIES") { c.secureCookies = b }
        if let raw = value("--bcrypt-cost", "MGN_BCRYPT_COST") {
            if let n = Int(raw), (4...31).contains(n) { c.bcryptCost = n } else { problems.append("bcrypt cost must be a number from 4 to 31") }
        }
        if let raw = value("--log-format", "MGN_LOG_FORMAT") {
            if let f = LogFormat(rawValue: raw) { c.logFormat = f } else { problems.append("log format must be text or json") }
        }
        if let r = value("--resources", "MGN_RESOURCES") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: r + "/Locales", isDirectory: &isDir) { c.resourcesDirectory = r }
            else { problems.append("--resources / MGN_RESOURCES: \(r) has no Locales folder") }
        }
        if let dir = value("--instruments", "MGN_INSTRUMENTS") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue { c.instrumentDirectories = [dir] }
            else { problems.append("--instruments / MGN_INSTRUMENTS: \(dir) is not a folder") }
        }
        if let u = value("--public-url", "MGN_PUBLIC_URL") {
            if let url = URL(string: u), ["http", "https"].contains(url.scheme ?? ""), url.host != nil { c.publicURL = u }
            else { problems.append("--public-url / MGN_PUBLIC_URL must be an http(s) address such as https://mgn.regio.nl") }
        }
        if let u = value("--smtp-url", "MGN_SMTP_URL") { c.smtpURL = u }
        if let f = environment["MGN_MAIL_FROM"], !f.isEmpty {
            if f.contains("@") && !f.contains("\n") && !f.contains("\r") { c.mailFrom = f } else { problems.append("MGN_MAIL_FROM must be an e-mail address") }
        }
        if let raw = environment["MGN_BACKGROUND_INTERVAL"], !raw.isEmpty {
            if let n = Double(raw), n >= 0.2, n <= 3600 { c.backgroundInterval = n } else { problems.append("MGN_BACKGROUND_INTERVAL must be seconds from 0.2 to 3600") }
        }
        if let raw = environment["MGN_OUTBOX_LEASE"], !raw.isEmpty {
            if let n = Double(raw), n >= 1, n <= 3600 { c.outboxLease = n } else { problems.append("MGN_OUTBOX_LEASE must be seconds from 1 to 3600") }
        }
        if let raw = environment["MGN_PULSE_MONTHS"], !raw.isEmpty {
            if let n = Int(raw), [1, 2, 3, 4, 6, 12].contains(n) { c.pulseMonths = n } else { problems.append("MGN_PULSE_MONTHS must be 1, 2, 3, 4, 6 or 12") }
        }
        if let raw = environment["MGN_GO_LIVE"], !raw.isEmpty {
            if let m = YearMonth(key: raw) { c.goLive = m } else { problems.append("MGN_GO_LIVE must be a month as yyyy-mm") }
        }
        if let dir = environment["MGN_FEEDBACK_QUESTIONNAIRES"], !dir.isEmpty {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue { c.feedbackDirectories = [dir] }
            else { problems.append("MGN_FEEDBACK_QUESTIONNAIRES: \(dir) is not a folder") }
        }
        if let h = environment["MGN_HOST"], !h.isEmpty { c.hostname = h }
        if let p = environment["MGN_PORT"], !p.isEmpty {
            if let n = Int(p), (1...65535).contains(n) { c.port = n } else { problems.append("MGN_PORT must be a port number") }
        }
        if !problems.isEmpty { throw Invalid(problems: problems) }
        return (c, rest)
    }
}
