import Foundation
import NIOSSL

/// Where and how to deliver mail over SMTP, usually read from one URL in the environment:
///
///     smtp://relay.example.nl                      plain, port 25 (a relay on a trusted network)
///     smtp+starttls://user:pass@mail.example.nl    STARTTLS required, port 587
///     smtps://user:pass@mail.example.nl            TLS from the first byte, port 465
///
/// Query options: `helo=name` (the name in EHLO; default this machine's host name), `timeout=seconds`
/// (the whole delivery of one message; default 30) and `ca=/path/ca.pem` (extra trusted CA certificates
/// in PEM, for a relay with a certificate from a private CA; the system's trust store stays in use).
/// User name and password are percent-decoded, so `p%40ss` is `p@ss`.
///
/// TLS always verifies the certificate chain and the host name; there is deliberately no switch to
/// turn that off.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    public enum Security: String, Sendable, Equatable {
        /// No encryption (only for a relay on localhost or a trusted network).
        case plain
        /// Upgrade with STARTTLS after EHLO; the delivery fails when the server does not offer it.
        case startTLS
        /// TLS from the start of the connection ("submissions", port 465).
        case implicitTLS
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name this side gives in EHLO/HELO.
    public var helo: String
    /// The limit for one whole `send`: connecting, the dialogue and the message.
    public var timeout: Duration
    /// CA certificates trusted besides the system's trust store.
    public var additionalTrustRoots: [NIOSSLCertificate]

    public init(host: String, port: Int, security: Security = .plain, username: String? = nil, password: String? = nil,
                helo: String = SMTPConfiguration.defaultHelo, timeout: Duration = .seconds(30),
                additionalTrustRoots: [NIOSSLCertificate] = []) {
        self.host = host; self.port = port; self.security = security; self.username = username; self.password = password
        self.helo = helo; self.timeout = timeout; self.additionalTrustRoots = additionalTrustRoots
    }

    /// This machine's host name when it looks usable in EHLO, else `localhost`.
    public static var defaultHelo: String {
        let name = ProcessInfo.processInfo.hostName
        return isValidHelo(name) ? name : "localhost"
    }

    /// Parses an `smtp://`, `smtp+starttls://` or `smtps://` URL (see the type's documentation).
    /// The error's message never repeats the password.
    public init(url string: String) throws {
        func fail(_ message: String) -> SMTPConfigurationError { SMTPConfigurationError(message: "SMTP URL: \(message)") }

        guard let components = URLComponents(string: string.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased() else {
            throw fail("not a URL; expected e.g. smtp+starttls://user:password@mail.example.nl:587 (percent-encode special characters in user and password)")
        }
        switch scheme {
        case "smtp": security = .plain
        case "smtp+starttls": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw fail("unknown scheme '\(scheme)'; use smtp://, smtp+starttls:// or smtps://")
        }

        var host = components.host ?? ""
        // IPv6 literals come back with their brackets on some platforms.
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw fail("the host name is missing (\(scheme)://host:port)") }
        self.host = host

        if let port = components.port {
            guard (1...65535).contains(port) else { throw fail("port \(port) is out of range") }
            self.port = port
        } else {
            port = switch security { case .plain: 25; case .startTLS: 587; case .implicitTLS: 465 }
        }

        guard components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/" else {
            throw fail("unexpected path '\(components.percentEncodedPath)'; only host, port, user, password and ?helo=&timeout=&ca= are understood")
        }
        guard components.fragment == nil else { throw fail("unexpected '#' part; percent-encode '#' in a password as %23") }

        username = nil; password = nil
        if let encodedUser = components.percentEncodedUser {
            guard let user = encodedUser.removingPercentEncoding, !user.isEmpty else {
                throw fail("the user name is empty or badly percent-encoded")
            }
            guard let encodedPassword = components.percentEncodedPassword,
                  let secret = encodedPassword.removingPercentEncoding else {
                throw fail("a user name is given without a password (user:password@host), or the password is badly percent-encoded")
            }
            username = user; password = secret
        }

        helo = Self.defaultHelo
        timeout = .seconds(30)
        additionalTrustRoots = []
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "helo":
                guard Self.isValidHelo(value) else { throw fail("helo '\(value)' is not a host name or [address]") }
                helo = value
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                    throw fail("timeout '\(value)' is not a number of seconds between 0 and 3600")
                }
                timeout = .milliseconds(Int64((seconds * 1000).rounded()))
            case "ca":
                guard security != .plain else { throw fail("ca= only makes sense with smtp+starttls:// or smtps://") }
                do {
                    additionalTrustRoots = try NIOSSLCertificate.fromPEMFile(value)
                } catch {
                    throw fail("cannot read CA certificates from '\(value)': \(error)")
                }
                guard !additionalTrustRoots.isEmpty else { throw fail("no certificates found in '\(value)'") }
            default:
                throw fail("unknown option '\(item.name)'; known are helo, timeout and ca")
            }
        }
    }

    /// The settings without the password, for the start-up log.
    public var description: String {
        let scheme = switch security { case .plain: "smtp"; case .startTLS: "smtp+starttls"; case .implicitTLS: "smtps" }
        let user = username.map { "\($0):***@" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "\(scheme)://\(user)\(hostPart):\(port) (helo \(helo), timeout \(timeout))"
        if !additionalTrustRoots.isEmpty { text += " with \(additionalTrustRoots.count) extra CA certificate(s)" }
        return text
    }

    /// A domain name or an address literal such as `[192.0.2.1]`: nothing that could break the command line.
    static func isValidHelo(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        if name.hasPrefix("["), name.hasSuffix("]") {
            return name.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == ":" || $0.isLetter) }
        }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
    }
}

/// A mail URL that cannot be used; `message` is meant for the operator starting the service.
public struct SMTPConfigurationError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}
