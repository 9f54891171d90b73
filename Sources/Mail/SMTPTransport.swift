import Domain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers each message over its own SMTP connection (RFC 5321): greeting, EHLO (HELO for an old
/// server), STARTTLS when configured, AUTH when credentials are given, MAIL FROM, RCPT TO, DATA, QUIT.
///
/// Errors are `MailDeliveryError`:
/// - `.transient`: the server could not be reached, the connection broke, the time ran out, a 4xx
///   reply, or a failure of the session itself (TLS, STARTTLS not offered, AUTH refused or required
///   (530), a greeting or EHLO refusal) — these say nothing about this message and can be repaired on the server or in the
///   configuration, and the outbox gives up after its maximum number of attempts anyway;
/// - `.permanent`: a 5xx reply to MAIL FROM, RCPT TO, DATA or the message itself, or a message that
///   cannot be formatted safely.
///
/// A connection that breaks after the final "." but before the server's reply is reported as transient,
/// so the message may arrive twice; its Message-ID stays the same on every attempt so a mail client can
/// tell (RFC 5321 §4.1.1.4 describes that window).
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    /// Built once: loading the trust store for every message would be wasted work. A failure is kept
    /// and reported by each `send` (the initialiser cannot throw).
    private let tlsContext: Result<NIOSSLContext, any Error>?

    public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        if configuration.security == .plain {
            tlsContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()  // system trust store, full verification
            tls.minimumTLSVersion = .tlsv12
            if !configuration.additionalTrustRoots.isEmpty {
                tls.additionalTrustRoots = [.certificates(configuration.additionalTrustRoots)]
            }
            tlsContext = Result { try NIOSSLContext(configuration: tls) }
        }
    }

    public func send(_ mail: OutgoingMail) async throws {
        // Formatting first: a message that cannot be sent fails before any connection is made.
        let from = try MailFormat.address(mail.from, role: "sender")
        let to = try MailFormat.address(mail.to, role: "recipient")
        let payload = try MailFormat.dataPayload(for: mail)

        let config = configuration
        let server = "\(config.host):\(config.port)"
        let timeout = TimeAmount(config.timeout)
        let deadline = NIODeadline.now() + timeout

        var context: NIOSSLContext?
        if let tlsContext {
            do { context = try tlsContext.get() } catch { throw MailDeliveryError.transient("TLS set-up failed: \(error)") }
        }

        let channel: NIOAsyncChannel<InboundChunk, ByteBuffer>
        do {
            let implicitTLS = config.security == .implicitTLS ? context : nil
            let serverName = Self.sniName(config.host)
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: config.host, port: config.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHandler(TLSBoundaryTagger(encrypted: implicitTLS != nil))
                        return try NIOAsyncChannel<InboundChunk, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw MailDeliveryError.transient("cannot connect to \(server): \(Self.describe(error))")
        }

        // One deadline for the whole dialogue: closing the channel ends any read or write in progress,
        // which is simpler and more certain than cancelling the awaiting task.
        // (Whether a failure was the timeout is told afterwards by the clock: no shared flag needed.)
        let timer = channel.channel.eventLoop.scheduleTask(deadline: deadline) {
            channel.channel.close(promise: nil)
        }
        defer { timer.cancel() }

        var session = Session(configuration: config, channel: channel, tlsContext: context)
        do {
            try await withTaskCancellationHandler {
                try await channel.executeThenClose { inbound, outbound in
                    try await session.run(inbound: inbound, outbound: outbound, from: from.addrSpec, to: to.addrSpec, payload: payload)
                }
            } onCancel: {
                channel.channel.close(promise: nil)
            }
        } catch {
            // Once the server has accepted the message, nothing that goes wrong (QUIT, closing) matters.
            if session.delivered { return }
            if NIODeadline.now() >= deadline {
                throw MailDeliveryError.transient("no answer from \(server) within \(config.timeout) (\(session.step))")
            }
            if let error = error as? MailDeliveryError { throw error }
            if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
                throw MailDeliveryError.transient("TLS with \(server) failed (\(session.step)): \(Self.describe(error))")
            }
            throw MailDeliveryError.transient("connection to \(server) failed (\(session.step)): \(Self.describe(error))")
        }
        if !session.delivered {  // cannot happen: run() returns only after the 250
            throw MailDeliveryError.transient("the dialogue with \(server) ended before the message was accepted")
        }
    }

    /// SNI and host-name verification take a name; for an IP address NIOSSL checks the certificate
    /// against the connected address instead.
    static func sniName(_ host: String) -> String? {
        let isIPv4 = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIPv4 || host.contains(":") ? nil : host
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            // One line per address tried ("connection refused" for 127.0.0.1 and ::1 …).
            var parts = error.connectionErrors.map { "\($0.target.ipAddress ?? "\($0.target)"): \(describe($0.error))" }
            if let dns = error.dnsAError ?? error.dnsAAAAError, parts.isEmpty { parts.append("host name lookup failed: \(dns)") }
            return parts.isEmpty ? "\(error)" : parts.joined(separator: "; ")
        }
        // "connection refused" rather than NIO's "connection reset (error set): Connection refused) (errno: 111)".
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if case ChannelError.connectTimeout = error { return "connect timed out" }
        return "\(error)"
    }
}

/// One reply: the three-digit code and the text of every line (continuation lines `250-…` included).
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " / ") }
    /// `550 5.1.1 mailbox unavailable`, as it goes into the error's reason.
    var summary: String { "\(code) \(text)".trimmingCharacters(in: .whitespaces) }
}

/// Reads CRLF-terminated lines and assembles multi-line replies from the inbound byte stream.
struct ReplyReader {
    /// A server line longer than this is not SMTP (RFC 5321 allows 512 octets for a reply line).
    static let maximumLineLength = 8192
    private var iterator: NIOAsyncChannelInboundStream<InboundChunk>.AsyncIterator
    private var buffer = ByteBuffer()
    /// Set after STARTTLS: from then on a chunk that did not come through TLS is an attack.
    var requireEncrypted = false

    init(_ inbound: NIOAsyncChannelInboundStream<InboundChunk>) {
        iterator = inbound.makeAsyncIterator()
    }

    /// Bytes received but not yet read as a reply. Must be empty when TLS starts: anything the server
    /// sent before the handshake was not protected by it (STARTTLS response injection).
    var hasBufferedBytes: Bool { buffer.readableBytes > 0 }

    mutating func readReply() async throws -> SMTPReply {
        var lines: [String] = []
        var code: Int?
        while true {
            guard let line = try await readLine() else {
                throw MailDeliveryError.transient("the server closed the connection" + (lines.isEmpty ? "" : " in the middle of a reply"))
            }
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let lineCode = Int(digits),
                  (200...599).contains(lineCode) else {
                throw MailDeliveryError.transient("unexpected reply from the server: '\(line.prefix(200))'")
            }
            if let code, code != lineCode {
                throw MailDeliveryError.transient("inconsistent multi-line reply from the server: '\(line.prefix(200))'")
            }
            code = lineCode
            let separator = line.dropFirst(3).first
            lines.append(String(line.dropFirst(4)))
            // "250-text" continues, "250 text" (or a bare "250") ends the reply.
            if separator != "-" { return SMTPReply(code: lineCode, lines: lines) }
        }
    }

    /// The next line without its line ending (a bare LF is tolerated), or nil at the end of the stream.
    private mutating func readLine() async throws -> String? {
        while true {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - view.startIndex + 1
                var bytes = buffer.readBytes(length: length)!
                bytes.removeLast()
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard buffer.readableBytes <= Self.maximumLineLength else {
                throw MailDeliveryError.transient("the server sent a line longer than \(Self.maximumLineLength) bytes")
            }
            guard var chunk = try await iterator.next() else { return nil }
            if requireEncrypted && !chunk.encrypted {
                throw MailDeliveryError.transient("the server sent unencrypted data after STARTTLS; refused")
            }
            buffer.writeBuffer(&chunk.bytes)
        }
    }
}

/// The dialogue on one connection. `step` and `delivered` are read after a failure to explain it.
struct Session {
    let configuration: SMTPConfiguration
    let channel: NIOAsyncChannel<InboundChunk, ByteBuffer>
    let tlsContext: NIOSSLContext?
    private(set) var step = "connecting"
    private(set) var delivered = false

    init(configuration: SMTPConfiguration, channel: NIOAsyncChannel<InboundChunk, ByteBuffer>, tlsContext: NIOSSLContext?) {
        self.configuration = configuration; self.channel = channel; self.tlsContext = tlsContext
    }

    mutating func run(inbound: NIOAsyncChannelInboundStream<InboundChunk>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                      from: String, to: String, payload: String) async throws {
        var reader = ReplyReader(inbound)
        func send(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }

        do {
            step = "waiting for the greeting"
            try expect(try await reader.readReply(), 220, session: true)

            var extensions = try await hello(&reader, send: send)

            if configuration.security == .startTLS {
                guard extensions.has("STARTTLS") else {
                    throw MailDeliveryError.transient("the server does not offer STARTTLS, which the configuration requires")
                }
                step = "STARTTLS"
                try await send("STARTTLS")
                try expect(try await reader.readReply(), 220, session: true)
                guard !reader.hasBufferedBytes else {
                    throw MailDeliveryError.transient("the server sent data before the TLS handshake; refused")
                }
                step = "TLS handshake"
                try await startTLS()
                reader.requireEncrypted = true
                // What the server said before TLS is forgotten (RFC 3207 §4.2); ask again.
                extensions = try await hello(&reader, send: send, afterTLS: true)
            }

            if let user = configuration.username, let password = configuration.password {
                try await authenticate(&reader, send: send, extensions: extensions, user: user, password: password)
            }

            step = "MAIL FROM"
            try await send("MAIL FROM:<\(from)>")
            try expect(try await reader.readReply(), 250)

            step = "RCPT TO"
            try await send("RCPT TO:<\(to)>")
            try expect(try await reader.readReply(), 250, 251)

            step = "DATA"
            try await send("DATA")
            try expect(try await reader.readReply(), 354)

            step = "sending the message"
            try await outbound.write(ByteBuffer(string: payload))
            step = "waiting for the reply to the message"
            try expect(try await reader.readReply(), 250)
            delivered = true
        } catch let error as MailDeliveryError {
            // Say goodbye politely; the connection is closed right after whatever happens.
            try? await send("QUIT")
            throw error
        }

        step = "QUIT"
        try await send("QUIT")
        _ = try? await reader.readReply()
    }

    /// EHLO, or HELO for a server that does not know EHLO; returns the offered extensions.
    private mutating func hello(_ reader: inout ReplyReader, send: (String) async throws -> Void,
                                afterTLS: Bool = false) async throws -> Extensions {
        // A failed handshake shows up at the first read after it: name both.
        step = afterTLS ? "TLS handshake or EHLO after it" : "EHLO"
        try await send("EHLO \(configuration.helo)")
        let reply = try await reader.readReply()
        if reply.code == 250 { return Extensions(ehloReply: reply) }
        guard (500...599).contains(reply.code) else { try expect(reply, 250, session: true); return Extensions() }
        step = "HELO"
        try await send("HELO \(configuration.helo)")
        try expect(try await reader.readReply(), 250, session: true)
        return Extensions()
    }

    private func startTLS() async throws {
        guard let tlsContext else { throw MailDeliveryError.transient("TLS is not configured") }
        let serverName = SMTPTransport.sniName(configuration.host)
        let channel = channel.channel
        // The TLS handler goes in front of the others, so every byte written or read from here on passes
        // through it. Writes wait in it until the handshake is done; a handshake failure (an untrusted
        // certificate, a wrong host name) arrives as an error on the next read. In the same event-loop
        // turn the tagger starts marking chunks as encrypted: anything read before is marked plaintext.
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: tlsContext, serverHostname: serverName), position: .first)
            try channel.pipeline.syncOperations.handler(type: TLSBoundaryTagger.self).encrypted = true
        }.get()
    }

    private mutating func authenticate(_ reader: inout ReplyReader, send: (String) async throws -> Void,
                                       extensions: Extensions, user: String, password: String) async throws {
        step = "AUTH"
        let mechanisms = extensions.authMechanisms
        func base64(_ text: String) -> String { Array(text.utf8).base64 }
        if mechanisms.contains("PLAIN") {
            // RFC 4616: authorisation identity (empty) NUL user NUL password, as the initial response.
            try await send("AUTH PLAIN " + ([0] + Array(user.utf8) + [0] + Array(password.utf8)).base64)
            var reply = try await reader.readReply()
            if reply.code == 334 {  // a server that wants the response on its own line
                try await send(([0] + Array(user.utf8) + [0] + Array(password.utf8)).base64)
                reply = try await reader.readReply()
            }
            try expect(reply, 235, session: true)
        } else if mechanisms.contains("LOGIN") {
            try await send("AUTH LOGIN")
            try expect(try await reader.readReply(), 334, session: true)
            try await send(base64(user))
            try expect(try await reader.readReply(), 334, session: true)
            try await send(base64(password))
            try expect(try await reader.readReply(), 235, session: true)
        } else if mechanisms.isEmpty {
            throw MailDeliveryError.transient("credentials are configured but the server offers no AUTH"
                + (configuration.security == .plain ? " (many servers offer it only over TLS: use smtp+starttls:// or smtps://)" : ""))
        } else {
            throw MailDeliveryError.transient("the server offers no supported AUTH mechanism (offered: \(mechanisms.sorted().joined(separator: " ")); supported: PLAIN, LOGIN)")
        }
    }

    /// Anything but the expected codes fails: 4xx transient; 5xx permanent, except for the session's
    /// own steps (`session: true`), which are always transient (see `SMTPTransport`).
    private func expect(_ reply: SMTPReply, _ expected: Int..., session: Bool = false) throws {
        if expected.contains(reply.code) { return }
        let reason = "\(step) refused: \(reply.summary)"
        // 530 "authentication required" is about the configuration, not this message.
        if (500...599).contains(reply.code) && reply.code != 530 && !session { throw MailDeliveryError.permanent(reason) }
        throw MailDeliveryError.transient(reason)
    }
}

/// What the session reads: the bytes and whether they came through TLS.
struct InboundChunk: Sendable {
    var bytes: ByteBuffer
    var encrypted: Bool
}

/// Sits just before the async channel's handlers and tags every chunk read. Its flag is switched on the
/// event loop together with adding the TLS handler, so the boundary is exact: plaintext that a man in
/// the middle slipped in after the server's "220 ready to start TLS" (read before the switch, still
/// waiting in the async stream) stays marked as plaintext and is refused (RFC 3207 §5, the
/// "STARTTLS response injection" attacks).
final class TLSBoundaryTagger: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = InboundChunk
    var encrypted: Bool

    init(encrypted: Bool) { self.encrypted = encrypted }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(InboundChunk(bytes: unwrapInboundIn(data), encrypted: encrypted)))
    }
}

/// The keywords of an EHLO reply (`250-STARTTLS`, `250-AUTH PLAIN LOGIN`, …), upper-cased.
struct Extensions {
    private var keywords: [String: [String]] = [:]

    init() {}

    init(ehloReply reply: SMTPReply) {
        // The first line is the server's greeting, the others one extension each.
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            // Old servers announce "AUTH=LOGIN" besides (or instead of) "AUTH LOGIN".
            keywords[keyword, default: []] += words.dropFirst()
        }
    }

    func has(_ keyword: String) -> Bool { keywords[keyword] != nil }
    var authMechanisms: Set<String> { Set(keywords["AUTH"] ?? []) }
}

extension Array where Element == UInt8 {
    var base64: String { Data(self).base64EncodedString() }
}
