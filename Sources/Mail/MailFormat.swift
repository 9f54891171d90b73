import Domain
import Foundation

/// Turning an `OutgoingMail` into the bytes of an RFC 5322 message, kept apart from the network code
/// so it can be tested on its own (and used by a transport other than SMTP).
///
/// The result is pure 7-bit ASCII with CRLF line endings: non-ASCII subjects and display names become
/// RFC 2047 encoded-words and the body is quoted-printable, so no server needs 8BITMIME or SMTPUTF8.
public enum MailFormat {
    /// An address as the envelope and the headers need it.
    public struct Address: Sendable, Equatable {
        /// `name@domain`, for `MAIL FROM:<…>` / `RCPT TO:<…>`.
        public var addrSpec: String
        /// The name before `<…>`, if one was given.
        public var displayName: String?
    }

    /// The complete message: headers, an empty line and the quoted-printable body, ending in CRLF.
    /// Throws `MailDeliveryError.permanent` for input that cannot be sent safely (a line break inside a
    /// header value, a malformed address): trying again would not change it.
    public static func message(for mail: OutgoingMail) throws -> String {
        let from = try address(mail.from, role: "sender")
        let to = try address(mail.to, role: "recipient")
        try rejectLineBreaks(mail.subject, field: "Subject")
        let messageID = try messageIDHeaderValue(mail.messageID)

        let headers = [
            "Date: \(rfc5322Date(mail.date))",
            try addressHeader("From", from),
            try addressHeader("To", to),
            unstructuredHeader("Subject", mail.subject),
            "Message-ID: \(messageID)",
            // A notification, not a person writing: asks autoresponders (out-of-office) not to reply (RFC 3834).
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        // The message must end in CRLF (the "." that ends DATA has to start a line); a body that already
        // ends with a line break gets no second one.
        var body = quotedPrintable(mail.textBody)
        if !body.hasSuffix("\r\n") { body += "\r\n" }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// What follows the server's 354 after `DATA`: the dot-stuffed message and the terminating `.` line.
    public static func dataPayload(for mail: OutgoingMail) throws -> String {
        dotStuffed(try message(for: mail)) + ".\r\n"
    }

    // MARK: - Addresses

    /// Accepts `name@domain` or `Display Name <name@domain>`. Only ASCII addresses (no SMTPUTF8), one
    /// address, no comments, no line breaks.
    public static func address(_ text: String, role: String) throws -> Address {
        try rejectLineBreaks(text, field: role)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var displayName: String?
        var addrSpec = trimmed
        if let open = trimmed.lastIndex(of: "<") {
            guard trimmed.hasSuffix(">") else { throw MailDeliveryError.permanent("the \(role) address '\(text)' has an unclosed '<'") }
            addrSpec = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            }
            displayName = name.isEmpty ? nil : name
        }
        // Deliberately narrower than RFC 5321: what MGN's own addresses need, and nothing that can
        // change the meaning of the command line it is put into.
        let parts = addrSpec.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set("<>()[],;:\\\" ")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, addrSpec.utf8.count <= 254,
              addrSpec.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }),
              !addrSpec.contains(where: { forbidden.contains($0) }) else {
            throw MailDeliveryError.permanent("the \(role) address '\(addrSpec)' is not a plain ASCII address (name@domain)")
        }
        return Address(addrSpec: addrSpec, displayName: displayName)
    }

    static func addressHeader(_ name: String, _ address: Address) throws -> String {
        guard let display = address.displayName else { return "\(name): \(address.addrSpec)" }
        // An ASCII name of letters, digits and spaces goes as it is; other ASCII in a quoted string;
        // anything else as encoded-words (which may not appear inside quotes).
        let atext = display.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0))
        }
        let phrase: String
        if atext && !display.contains("=?") {
            phrase = display
        } else if display.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }) && !display.contains("=?") {
            phrase = "\"" + display.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        } else {
            phrase = encodedWords(display).joined(separator: "\r\n ")
        }
        return "\(name): \(phrase) <\(address.addrSpec)>"
    }

    static func messageIDHeaderValue(_ id: String) throws -> String {
        try rejectLineBreaks(id, field: "Message-ID")
        let bare = id.hasPrefix("<") && id.hasSuffix(">") ? String(id.dropFirst().dropLast()) : id
        guard !bare.isEmpty, bare.contains("@"),
              bare.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" }) else {
            throw MailDeliveryError.permanent("the Message-ID '\(id)' is not of the form <id@host>")
        }
        return "<\(bare)>"
    }

    /// Header injection: a CR or LF in a value would end the header and start another (or the body).
    static func rejectLineBreaks(_ value: String, field: String) throws {
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" || $0 == "\u{2028}" || $0 == "\u{85}" }) {
            throw MailDeliveryError.permanent("the \(field) contains a line break; refused (header injection)")
        }
    }

    // MARK: - Unstructured headers (Subject)

    /// `Name: value`, folded with CRLF + space so no line exceeds 78 characters where possible.
    /// A value that is not plain printable ASCII (or that looks like an encoded-word) is written as
    /// RFC 2047 `=?UTF-8?B?…?=` words, one per folded line.
    public static func unstructuredHeader(_ name: String, _ value: String) -> String {
        let printableASCII = value.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && $0.value < 127 }
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        // A word too long for one line (998 is the hard limit) cannot be folded; encoded-words can be split.
        if !printableASCII || value.contains("=?") || words.contains(where: { $0.utf8.count > 900 }) {
            return "\(name): " + encodedWords(value).joined(separator: "\r\n ")
        }
        var lines: [String] = []
        var line = "\(name):"
        for word in words {
            // Fold only before a non-empty word: a folded line consisting of white space only is not allowed.
            if !word.isEmpty, line.utf8.count + 1 + word.utf8.count > 78, line.contains(where: { $0 != " " }) && line != "\(name):" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 B-encoded words of at most 39 UTF-8 bytes each (64 characters with the `=?UTF-8?B?…?=`
    /// around them, so a line with `Subject: ` stays under 78). Never splits a Unicode scalar.
    /// A decoder joins adjacent encoded-words without the white space between them (RFC 2047 §6.2).
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll()
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 39 { flush() }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { flush() }
        return words
    }

    // MARK: - Body

    /// Quoted-printable (RFC 2045 §6.7) of the UTF-8 text, with CRLF line endings (CR, LF and CRLF in the
    /// input all count as a line break) and soft line breaks so no line is longer than 76 characters.
    /// No trailing CRLF is added.
    public static func quotedPrintable(_ text: String) -> String {
        var lines: [[UInt8]] = [[]]
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\r"): lines.append([]); previousWasCR = true
            case UInt8(ascii: "\n"): if !previousWasCR { lines.append([]) }; previousWasCR = false
            default: lines[lines.count - 1].append(byte); previousWasCR = false
            }
        }
        return lines.map(quotedPrintableLine).joined(separator: "\r\n")
    }

    private static func quotedPrintableLine(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var token: [UInt8]
            switch byte {
            // Space and tab are literal, except at the end of a line where transports may strip them.
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                token = isLast ? [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] : [byte]
            case 33...126 where byte != UInt8(ascii: "="):
                token = [byte]
            default:
                token = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
            // A soft break ("=" at the end) needs one column, so a broken line holds at most 75 characters;
            // the last piece of a line may use all 76.
            let fitsAsLast = isLast && lineLength + token.count <= 76
            if lineLength + token.count > 75 && !fitsAsLast {
                out += Array("=\r\n".utf8)
                lineLength = 0
            }
            out += token
            lineLength += token.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SMTP transparency (RFC 5321 §4.5.2): a line starting with "." gets a second one, so no line of the
    /// message can be mistaken for the end-of-data marker. Expects CRLF line endings.
    public static func dotStuffed(_ message: String) -> String {
        var result = message.replacingOccurrences(of: "\r\n.", with: "\r\n..")
        if result.hasPrefix(".") { result = "." + result }
        return result
    }

    // MARK: - Date

    /// `Tue, 05 Mar 2024 14:07:09 +0000` (RFC 5322 §3.3), always in UTC; fixed English names,
    /// independent of the process's locale.
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
