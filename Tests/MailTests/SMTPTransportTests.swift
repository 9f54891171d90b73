import Domain
import Foundation
import Testing

@testable import Mail

// MARK: - Formatting

@Suite("Mail formatting")
struct MailFormatTests {
    let date = Date(timeIntervalSince1970: 1_709_647_629)  // Tue, 05 Mar 2024 14:07:09 UTC

    func mail(subject: String = "Test", body: String = "Hallo", from: String = "MGN <noreply@mgn.example>",
              to: String = "jan@example.nl", id: String = "<1234@mgn.example>") -> OutgoingMail {
        OutgoingMail(messageID: id, from: from, to: to, subject: subject, textBody: body, date: date)
    }

    @Test func dateIsRFC5322InUTC() {
        #expect(MailFormat.rfc5322Date(date) == "Tue, 05 Mar 2024 14:07:09 +0000")
        #expect(MailFormat.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func quotedPrintableEncodesWhatIsNotPlainASCII() {
        #expect(MailFormat.quotedPrintable("één = 1") == "=C3=A9=C3=A9n =3D 1")
        // Trailing white space is encoded (a transport may strip it), inner white space is not.
        #expect(MailFormat.quotedPrintable("a b \nc\t") == "a b=20\r\nc=09")
        // CR, LF and CRLF all become CRLF.
        #expect(MailFormat.quotedPrintable("1\r\n2\n3\r4\n") == "1\r\n2\r\n3\r\n4\r\n")
    }

    @Test func quotedPrintableSoftBreaksStayWithin76() {
        let long = String(repeating: "abcdefghij", count: 20) + String(repeating: "é", count: 40)
        let encoded = MailFormat.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // An escape sequence is never cut by a soft break.
        #expect(lines.allSatisfy { !$0.dropLast().hasSuffix("=") && !$0.hasSuffix("=C") })
        #expect(decodeQuotedPrintable(encoded) == long)
        // Exactly 76 characters fit on one line without a soft break.
        #expect(MailFormat.quotedPrintable(String(repeating: "x", count: 76)) == String(repeating: "x", count: 76))
        #expect(MailFormat.quotedPrintable(String(repeating: "x", count: 77)).contains("=\r\n"))
    }

    @Test func asciiSubjectIsFoldedAtSpaces() {
        let subject = (1...30).map { "woord\($0)" }.joined(separator: " ")
        let header = MailFormat.unstructuredHeader("Subject", subject)
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(header.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + subject)
        #expect(MailFormat.unstructuredHeader("Subject", "Kort") == "Subject: Kort")
    }

    @Test func nonASCIISubjectBecomesEncodedWords() {
        let subject = "Uitnodiging: één vragenlijst over uw behandeling — 5 minuten ✓ 🙂 en nog wat meer tekst"
        let header = MailFormat.unstructuredHeader("Subject", subject)
        #expect(header.hasPrefix("Subject: =?UTF-8?B?"))
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 && $0.unicodeScalars.allSatisfy(\.isASCII) })
        let words = MailFormat.encodedWords(subject)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        #expect(decodeHeaderValue(String(header.dropFirst("Subject: ".count))) == subject)
        // Something that merely looks like an encoded-word is encoded too, so it reads back as written.
        #expect(decodeHeaderValue(String(MailFormat.unstructuredHeader("Subject", "=?x?=").dropFirst(9))) == "=?x?=")
    }

    @Test func ehloExtensions() {
        let reply = SMTPReply(code: 250, lines: ["mail.example.nl greets you", "PIPELINING", "STARTTLS", "auth login Plain", "AUTH=CRAM-MD5", "SIZE 1000"])
        let extensions = Extensions(ehloReply: reply)
        #expect(extensions.has("STARTTLS") && extensions.has("SIZE") && !extensions.has("SMTPUTF8"))
        #expect(extensions.authMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(SMTPReply(code: 550, lines: ["5.1.1 mailbox unavailable"]).summary == "550 5.1.1 mailbox unavailable")
    }

    @Test func dotStuffing() {
        #expect(MailFormat.dotStuffed(".begin\r\nmidden\r\n.\r\n..twee\r\n") == "..begin\r\nmidden\r\n..\r\n...twee\r\n")
        #expect(MailFormat.dotStuffed("geen punt. hier\r\n") == "geen punt. hier\r\n")
    }

    @Test func messageHasTheHeadersAndOnlyCRLF() throws {
        let text = try MailFormat.message(for: mail(subject: "Café", body: "regel 1\nregel 2\n.punt\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.hasSuffix("\r\n"))
        let (headers, body) = splitMessage(text)
        #expect(headers["date"] == "Tue, 05 Mar 2024 14:07:09 +0000")
        #expect(headers["from"] == "MGN <noreply@mgn.example>")
        #expect(headers["to"] == "jan@example.nl")
        #expect(headers["subject"].map(decodeHeaderValue) == "Café")
        #expect(headers["message-id"] == "<1234@mgn.example>")
        #expect(headers["mime-version"] == "1.0")
        #expect(headers["content-type"] == "text/plain; charset=utf-8")
        #expect(headers["content-transfer-encoding"] == "quoted-printable")
        #expect(decodeQuotedPrintable(body) == "regel 1\r\nregel 2\r\n.punt\r\n")

        let payload = try MailFormat.dataPayload(for: mail(body: ".punt"))
        #expect(payload.contains("\r\n..punt\r\n"))
        #expect(payload.hasSuffix("\r\n.\r\n"))
    }

    @Test func displayNames() throws {
        let quoted = try MailFormat.message(for: mail(from: "MGN, regio Noord <noreply@mgn.example>"))
        #expect(splitMessage(quoted).headers["from"] == "\"MGN, regio Noord\" <noreply@mgn.example>")
        let encoded = try MailFormat.message(for: mail(from: "Zorgnetwerk Één <noreply@mgn.example>"))
        let from = try #require(splitMessage(encoded).headers["from"])
        #expect(from.hasPrefix("=?UTF-8?B?") && from.hasSuffix(" <noreply@mgn.example>"))
    }

    @Test(arguments: [
        ("subject", "Hallo\r\nBcc: iedereen@example.nl"),
        ("subject", "Hallo\nBcc: iedereen@example.nl"),
        ("to", "jan@example.nl\r\nBcc: iedereen@example.nl"),
        ("to", "jan@example.nl>\r\nRCPT TO:<iedereen@example.nl"),
        ("to", "jan@example.nl, piet@example.nl"),
        ("to", "geen-adres"),
        ("from", "noreply@mgn.example\nX-Evil: 1"),
        ("id", "<1@x>\r\nBcc: iedereen@example.nl"),
    ])
    func headerInjectionAndBadAddressesAreRefused(field: String, value: String) {
        var m = mail()
        switch field {
        case "subject": m.subject = value
        case "to": m.to = value
        case "from": m.from = value
        default: m.messageID = value
        }
        #expect { try MailFormat.message(for: m) } throws: { error in
            guard case .permanent = error as? MailDeliveryError else { return false }
            return true
        }
    }
}

// MARK: - Configuration

@Suite("SMTP configuration")
struct SMTPConfigurationTests {
    @Test func parsesTheThreeSchemes() throws {
        let plain = try SMTPConfiguration(url: "smtp://relay.internal")
        #expect(plain.security == .plain && plain.port == 25 && plain.username == nil)
        #expect(plain.timeout == .seconds(30))

        let starttls = try SMTPConfiguration(url: "smtp+starttls://mgn%40zorg.nl:p%40ss%3Aw0rd@mail.example.nl?helo=mgn.example.nl&timeout=12.5")
        #expect(starttls.security == .startTLS && starttls.port == 587 && starttls.host == "mail.example.nl")
        #expect(starttls.username == "mgn@zorg.nl" && starttls.password == "p@ss:w0rd")
        #expect(starttls.helo == "mgn.example.nl" && starttls.timeout == .milliseconds(12500))
        #expect(!starttls.description.contains("p@ss") && starttls.description.contains("***"))

        let tls = try SMTPConfiguration(url: "smtps://u:p@[::1]:2465")
        #expect(tls.security == .implicitTLS && tls.port == 2465 && tls.host == "::1")
        #expect(try SMTPConfiguration(url: "smtps://mail.example.nl").port == 465)
    }

    @Test(arguments: [
        "mail.example.nl",
        "http://mail.example.nl",
        "smtp://",
        "smtp://mail.example.nl:99999",
        "smtp://mail.example.nl/pad",
        "smtp://gebruiker@mail.example.nl",
        "smtp://mail.example.nl?tiemout=5",
        "smtp://mail.example.nl?timeout=nul",
        "smtp://mail.example.nl?helo=twee%20woorden",
        "smtp+starttls://mail.example.nl?ca=/bestaat/niet.pem",
    ])
    func refusesBadURLsWithAMessage(url: String) {
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: url) }
    }

    @Test func errorNeverShowsThePassword() {
        do {
            _ = try SMTPConfiguration(url: "smtp://u:geheim@mail.example.nl?onbekend=1")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("geheim"))
            #expect("\(error)".contains("onbekend"))
        }
    }
}

// MARK: - Delivery against smtpsink.py

@Suite("SMTP delivery", .timeLimit(.minutes(2)))
struct SMTPTransportTests {
    func mail(to: String = "jan@example.nl", subject: String = "Test", body: String = "Hallo") -> OutgoingMail {
        OutgoingMail(messageID: "<\(UUID().uuidString.lowercased())@mgn.test>", from: "MGN <noreply@mgn.test>", to: to,
                     subject: subject, textBody: body, date: Date())
    }

    func transport(_ url: String) throws -> SMTPTransport {
        SMTPTransport(configuration: try SMTPConfiguration(url: url))
    }

    func expectFailure(_ expected: (MailDeliveryError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected the delivery to fail", sourceLocation: sourceLocation)
        } catch let error as MailDeliveryError {
            #expect(expected(error), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("not a MailDeliveryError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func messageArrivesIntact() async throws {
        try await SMTPSink.with { sink in
            let subject = "Uitnodiging: vragenlijst over uw behandeling — één minuut ✓ (met een onderwerp dat gevouwen moet worden)"
            let body = """
            Beste cliënt,

            .Deze regel begint met een punt.
            ..En deze met twee.
            .
            \(String(repeating: "Een lange regel met ëigenaardige tekens en = tekens ", count: 12))
            Trailing spaces\("   ")
            Met vriendelijke groet, 🙂
            """
            let m = mail(subject: subject, body: body)
            try await transport("smtp://127.0.0.1:\(sink.port)").send(m)

            let files = sink.storedFiles()
            #expect(files.count == 1)
            let raw = try String(contentsOf: try #require(files.first), encoding: .utf8)
            #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line endings")
            let (headers, encodedBody) = splitMessage(raw)
            #expect(headers["subject"].map(decodeHeaderValue) == subject)
            #expect(headers["message-id"] == m.messageID)
            #expect(headers["return-path"] == "<noreply@mgn.test>")
            #expect(headers["x-envelope-to"] == "jan@example.nl")
            #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
            // The message ends with the CRLF before the terminating "."; the rest is the body as sent.
            let decoded = try #require(decodeQuotedPrintable(encodedBody))
            #expect(decoded == body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
            #expect(sink.output.contains("STORED \(m.messageID) "))
        }
    }

    @Test func refusedRecipientIsPermanent() async throws {
        try await SMTPSink.with { sink in
            await expectFailure({ $0 == .permanent("RCPT TO refused: 550 5.1.1 mailbox unavailable") }) {
                try await transport("smtp://127.0.0.1:\(sink.port)").send(mail(to: "weigeraar@example.nl"))
            }
            #expect(sink.storedFiles().isEmpty)
        }
    }

    @Test func temporaryRefusalIsTransient() async throws {
        try await SMTPSink.with { sink in
            await expectFailure({ $0 == .transient("RCPT TO refused: 451 4.3.0 try again later") }) {
                try await transport("smtp://127.0.0.1:\(sink.port)").send(mail(to: "tijdelijk@example.nl"))
            }
        }
    }

    @Test func nothingListeningIsTransient() async throws {
        // A port that was just free: start a sink and stop it again.
        let port = try await SMTPSink.with { $0.port }
        await expectFailure({ if case .transient(let reason) = $0 { reason.contains("cannot connect") } else { false } }) {
            try await transport("smtp://127.0.0.1:\(port)").send(mail())
        }
    }

    @Test func serverTooSlowIsTransientAndTheMessageIsDiscarded() async throws {
        try await SMTPSink.with(["--slow-seconds", "3"]) { sink in
            let m = mail(to: "langzaam@example.nl")
            let started = Date()
            await expectFailure({ if case .transient(let reason) = $0 { reason.contains("no answer") } else { false } }) {
                try await transport("smtp://127.0.0.1:\(sink.port)?timeout=1").send(m)
            }
            #expect(Date().timeIntervalSince(started) < 2.5)
            #expect(sink.output.contains("DATA-RECEIVED \(m.messageID)"))
            try await sink.waitForOutput("DISCARDED \(m.messageID)")
            #expect(sink.storedFiles().isEmpty)
        }
    }

    @Test func slowButInTimeIsDelivered() async throws {
        try await SMTPSink.with(["--slow-seconds", "1"]) { sink in
            try await transport("smtp://127.0.0.1:\(sink.port)?timeout=10").send(mail(to: "langzaam@example.nl"))
            #expect(sink.storedFiles().count == 1)
        }
    }

    @Test func authPlain() async throws {
        try await SMTPSink.with(["--auth", "mgn:ge heim@1"]) { sink in
            try await transport("smtp://mgn:ge%20heim%401@127.0.0.1:\(sink.port)").send(mail())
            #expect(sink.storedFiles().count == 1)
            await expectFailure({ if case .transient(let reason) = $0 { reason.contains("535") } else { false } }) {
                try await transport("smtp://mgn:fout@127.0.0.1:\(sink.port)").send(mail())
            }
            // Without credentials the server says 530: a configuration matter, so transient.
            await expectFailure({ if case .transient(let reason) = $0 { reason.contains("530") } else { false } }) {
                try await transport("smtp://127.0.0.1:\(sink.port)").send(mail())
            }
            #expect(sink.storedFiles().count == 1)
        }
    }

    @Test func authLoginWhenOnlyThatIsOffered() async throws {
        try await SMTPSink.with(["--auth", "mgn:geheim", "--auth-mechanisms", "LOGIN"]) { sink in
            try await transport("smtp://mgn:geheim@127.0.0.1:\(sink.port)").send(mail())
            #expect(sink.storedFiles().count == 1)
        }
    }

    @Test func startTLSWithAPrivateCA() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        try await SMTPSink.with(["--tls-cert", certificate.certificate, "--tls-key", certificate.key, "--auth", "mgn:geheim"]) { sink in
            let m = mail(subject: "Via TLS")
            try await transport("smtp+starttls://mgn:geheim@localhost:\(sink.port)?ca=\(certificate.certificate)").send(m)
            #expect(sink.storedFiles().count == 1)
            #expect(sink.output.contains("STORED \(m.messageID)"))

            // Without the CA the certificate is not trusted: refused, to be retried, nothing delivered. The reason's
            // text depends on who closes first (the verify error, or the server dropping the failed handshake).
            await expectFailure({ if case .transient = $0 { true } else { false } }) {
                try await transport("smtp+starttls://mgn:geheim@localhost:\(sink.port)").send(mail())
            }
            #expect(sink.storedFiles().count == 1)
        }
    }

    @Test func plaintextInjectedAfterSTARTTLSIsRefused() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        try await SMTPSink.with(["--tls-cert", certificate.certificate, "--tls-key", certificate.key, "--starttls-injection"]) { sink in
            await expectFailure({ if case .transient = $0 { true } else { false } }) {
                try await transport("smtp+starttls://localhost:\(sink.port)?ca=\(certificate.certificate)").send(mail())
            }
            #expect(sink.storedFiles().isEmpty)
        }
    }

    @Test func startTLSRequiredButNotOffered() async throws {
        try await SMTPSink.with { sink in
            await expectFailure({ if case .transient(let reason) = $0 { reason.contains("STARTTLS") } else { false } }) {
                try await transport("smtp+starttls://localhost:\(sink.port)").send(mail())
            }
            #expect(sink.storedFiles().isEmpty)
        }
    }

    @Test func implicitTLS() async throws {
        let certificate = try await SelfSignedCertificate.make()
        defer { certificate.remove() }
        try await SMTPSink.with(["--tls-cert", certificate.certificate, "--tls-key", certificate.key, "--implicit-tls"]) { sink in
            try await transport("smtps://localhost:\(sink.port)?ca=\(certificate.certificate)").send(mail())
            #expect(sink.storedFiles().count == 1)
        }
    }

    @Test func headerInjectionIsRefusedBeforeConnecting() async throws {
        try await SMTPSink.with { sink in
            await expectFailure({ if case .permanent(let reason) = $0 { reason.contains("header injection") } else { false } }) {
                try await transport("smtp://127.0.0.1:\(sink.port)").send(mail(subject: "Hallo\r\nBcc: iedereen@example.nl"))
            }
            #expect(sink.storedFiles().isEmpty)
        }
    }
}

// MARK: - Helpers

/// `Tests/mail/smtpsink.py` as a subprocess with its own directory, stopped when the body ends.
final class SMTPSink: @unchecked Sendable {
    let port: Int
    let directory: URL
    private let process: Process
    private let lock = NSLock()
    private var collected = Data()

    var maildir: URL { directory.appendingPathComponent("mail") }

    /// Everything the sink printed to stdout so far.
    var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    static func with<T>(_ arguments: [String] = [], _ body: (SMTPSink) async throws -> T) async throws -> T {
        let sink = try await SMTPSink(arguments: arguments)
        do {
            let result = try await body(sink)
            await sink.stop()
            return result
        } catch {
            await sink.stop()
            throw error
        }
    }

    private init(arguments: [String]) async throws {
        // (Symlinks resolved: the test folder may be linked into another package.)
        let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail/smtpsink.py")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtpsink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appendingPathComponent("port")

        process = Process()
        let python = ProcessInfo.processInfo.environment["MGN_TEST_SMTP_PYTHON"] ?? "python3"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path, "--maildir", directory.appendingPathComponent("mail").path,
                             "--port-file", portFile.path] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()

        // Wait for the port file: the sink writes it atomically once it listens.
        var port: Int?
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
               let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                port = value
                break
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let port else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw SinkError.notStarted("smtpsink.py did not start (\(python) \(script.path))")
        }
        self.port = port
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collected.append(data) }
        }
    }

    /// SIGTERM, then SIGKILL after five seconds. Polls instead of `waitUntilExit()`, which would block
    /// (and on Linux spin) a thread of the test runner's cooperative pool.
    func stop() async {
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning {
                try? await Task.sleep(for: .milliseconds(50))
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                for _ in 0..<100 where process.isRunning {
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// The stored messages, oldest first (`1.eml`, `2.eml`, …; temporary files start with a dot).
    func storedFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
            .sorted { (Int($0.dropLast(4)) ?? 0) < (Int($1.dropLast(4)) ?? 0) }
            .map { maildir.appendingPathComponent($0) }
    }

    func waitForOutput(_ text: String, seconds: Double = 10) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !output.contains(text) {
            guard Date() < deadline else { throw SinkError.notStarted("smtpsink.py never printed '\(text)'; it printed:\n\(output)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    enum SinkError: Error { case notStarted(String) }
}

/// A throw-away CA-less certificate for `localhost`, made with the openssl command-line tool.
struct SelfSignedCertificate {
    let directory: URL
    var certificate: String { directory.appendingPathComponent("cert.pem").path }
    var key: String { directory.appendingPathComponent("key.pem").path }

    static func make() async throws -> SelfSignedCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtpsink-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let made = SelfSignedCertificate(directory: directory)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                             "-keyout", made.key, "-out", made.certificate, "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        while openssl.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        guard openssl.terminationStatus == 0 else { throw SMTPSink.SinkError.notStarted("openssl req failed") }
        return made
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Headers (lower-cased names, unfolded values) and the body of a CRLF message.
func splitMessage(_ text: String) -> (headers: [String: String], body: String) {
    let parts = text.components(separatedBy: "\r\n\r\n")
    let headerBlock = parts[0].replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
    var headers: [String: String] = [:]
    for line in headerBlock.components(separatedBy: "\r\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
}

/// Undoes quoted-printable: soft breaks go, `=XX` become bytes; the result is read as UTF-8.
func decodeQuotedPrintable(_ text: String) -> String? {
    let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
           let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) {
            out.append(value)
            index += 3
        } else {
            out.append(bytes[index])
            index += 1
        }
    }
    return String(validating: out, as: UTF8.self)
}

/// A header value of RFC 2047 B-words (separated by folding white space) or plain text.
func decodeHeaderValue(_ value: String) -> String {
    let words = value.split(whereSeparator: \.isWhitespace)  // "\r\n" is one Character
    guard !words.isEmpty, words.allSatisfy({ $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") }) else { return value }
    var bytes = Data()
    for word in words {
        bytes += Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data()
    }
    return String(decoding: bytes, as: UTF8.self)
}
