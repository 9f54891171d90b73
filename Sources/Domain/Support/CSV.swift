import Foundation

/// RFC 4180 CSV with the habits of Dutch spreadsheets: `;` or `,` as separator (whichever the header
/// uses), quoted fields with doubled quotes and line breaks, a byte-order mark, CRLF. Every record
/// keeps the line number it starts on, so an import can say where a bad row is.
public enum CSV {
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public enum ParseError: Error, Equatable {
        /// A quote opened on this line was never closed.
        case unterminatedQuote(line: Int)
    }

    public static func parse(_ text: String) throws(ParseError) -> [Record] {
        var s = Substring(text)
        if s.first == "\u{FEFF}" { s = s.dropFirst() }
        let firstLine = s.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","

        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, quoteLine = 0, fieldWasQuoted = false
        var it = s.makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return it.next() }

        func endRecord() {
            fields.append(field); field = ""; fieldWasQuoted = false
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1; field.append("\n") } else { field.append(ch) }
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true; fieldWasQuoted = true; quoteLine = line
            case separator:
                fields.append(field); field = ""; fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord(); line += 1; recordLine = line
            default:
                field.append(ch)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// One field for writing: quoted when it holds the separator, a quote or a line break.
    public static func escape(_ value: String, separator: Character = ";") -> String {
        guard value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r") else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A problem with one line of an import, in words for the person who made the file.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The line in the file (CSV), or nil when the problem is with the whole file.
    public var line: Int?
    /// Where in a structured file (HSDS: "organizations[2].services[0]").
    public var path: String?
    public var message: String
    public init(line: Int? = nil, path: String? = nil, message: String) { self.line = line; self.path = path; self.message = message }
    public var description: String {
        if let line { return "regel \(line): \(message)" }
        if let path { return "\(path): \(message)" }
        return message
    }
}

/// An import applies completely or not at all; this is the "not at all" with every reason.
public struct ImportRejected: Error, Sendable, Equatable {
    public var problems: [ImportProblem]
    public init(_ problems: [ImportProblem]) { self.problems = problems }
}
