import Foundation

/// Finds direct identifiers in the free text of a case brought to a casuïstiektafel, so the case can go to
/// the table pseudonymised: numbers that look like a BSN, dates (of birth), phone numbers, e-mail addresses,
/// addresses and postcodes, and the client's own name. It errs on the side of caution: a false alarm
/// costs the submitter a rewrite, a miss puts a person's identity in front of a whole table.
public enum IdentifierCheck {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case bsn, date, phone, email, address, name
        public var labelKey: String { "identifier_\(rawValue)" }
    }

    public struct Finding: Sendable, Equatable {
        public var kind: Kind
        /// The text as typed, so the submitter can find it.
        public var text: String
        public init(kind: Kind, text: String) { self.kind = kind; self.text = text }
    }

    /// The client the case is about, as far as the check needs them.
    public struct Person: Sendable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    public static func findings(in text: String, about person: Person?) -> [Finding] {
        var found: [(range: Range<String.Index>, finding: Finding)] = []
        func add(_ kind: Kind, _ range: Range<String.Index>) {
            guard !found.contains(where: { $0.range.overlaps(range) }) else { return }
            found.append((range, Finding(kind: kind, text: String(text[range]))))
        }
        for r in matches(emailPattern, in: text) { add(.email, r) }
        for r in matches(datePatterns, in: text) { add(.date, r) }
        for r in matches(birthYearPattern, in: text) { add(.date, r) }
        for (kind, r) in numbers(in: text) { add(kind, r) }
        for r in matches(addressPatterns, in: text) { add(.address, r) }
        if let person { for r in nameParts(person.name, in: text) { add(.name, r) } }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.finding)
    }

    // MARK: numbers: phone numbers and BSN-like numbers

    /// Runs of digit groups separated by a space, dot, dash, slash or brackets. Every window of whole
    /// groups is tried, longest first, so "belde 3 keer 123 456 782" still finds the nine digits.
    static func numbers(in text: String) -> [(Kind, Range<String.Index>)] {
        var result: [(Kind, Range<String.Index>)] = []
        for run in matches([try! NSRegularExpression(pattern: #"(?<![\w@])\+?[\d(][\d()\s./\-]*\d(?!\d)"#)], in: text) {
            let groups = digitGroups(text, run)
            var used = Set<Int>()
            for length in stride(from: groups.count, through: 1, by: -1) {
                for start in 0...(groups.count - length) {
                    let window = start..<(start + length)
                    guard used.isDisjoint(with: window) else { continue }
                    let digits = groups[window].map(\.digits).joined()
                    let plus = groups[start].plus
                    let kind: Kind?
                    if isPhone(digits, plus: plus) { kind = .phone }
                    else if !plus && digits.count == 9 { kind = .bsn }
                    else { kind = nil }
                    if let kind {
                        used.formUnion(window)
                        result.append((kind, groups[start].range.lowerBound..<groups[window.upperBound - 1].range.upperBound))
                    }
                }
            }
        }
        return result
    }

    private struct Group { var digits: String; var plus: Bool; var range: Range<String.Index> }

    private static func digitGroups(_ text: String, _ run: Range<String.Index>) -> [Group] {
        var groups: [Group] = []
        var i = run.lowerBound
        var plus = false
        while i < run.upperBound {
            let c = text[i]
            if c == "+" { plus = true; i = text.index(after: i); continue }
            if c.isASCIIDigit {
                var j = i
                while j < run.upperBound, text[j].isASCIIDigit { j = text.index(after: j) }
                groups.append(Group(digits: String(text[i..<j]), plus: plus, range: i..<j))
                plus = false
                i = j
            } else { i = text.index(after: i) }
        }
        return groups
    }

    /// Dutch numbers: 0 followed by nine digits; international: + or 00 with a country code, where
    /// +31 and 0031 are followed by nine digits (a "(0)" in between is dropped by people and here).
    static func isPhone(_ digits: String, plus: Bool) -> Bool {
        var d = digits
        if plus { d = "00" + d }
        if d.hasPrefix("0031") {
            var rest = d.dropFirst(4)
            if rest.count == 10, rest.first == "0" { rest = rest.dropFirst() }
            return rest.count == 9
        }
        if d.hasPrefix("00") { return (10...17).contains(d.count) }
        return d.hasPrefix("0") && d.count == 10
    }

    // MARK: patterns

    private static let months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
        + "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
        + "january|february|march|may|june|july|august|october"

    static let datePatterns: [NSRegularExpression] = [
        // 12-06-1994, 12/6/94, 12.06.1994
        #"(?<![\d\w])(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](\d{4}|\d{2})(?!\d)"#,
        // 1994-06-12
        #"(?<![\d\w])(19|20)\d{2}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?!\d)"#,
        // 12 juni 1994, 12 jun. '94
        #"(?<![\d\w])(0?[1-9]|[12]\d|3[01])(e|ste|de)?\s+(\#(months))\.?\s+('?\d{2}|\d{4})(?!\d)"#,
        // juni 12, 1994
        #"\b(\#(months))\.?\s+(0?[1-9]|[12]\d|3[01]),?\s+\d{4}(?!\d)"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// "geboren in 1994", "geb. 1994", "born 1994": a year of birth identifies with the age band and wijk.
    static let birthYearPattern: [NSRegularExpression] = [
        try! NSRegularExpression(pattern: #"\b(geboren|geb\.?|geboortejaar|geboortedatum|born|date of birth|dob)\b[^.\n\d]{0,20}(19|20)\d{2}\b"#,
                                 options: [.caseInsensitive]),
    ]

    static let emailPattern: [NSRegularExpression] = [
        try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+\s?(@|\(at\)|\[at\])\s?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#,
                                 options: [.caseInsensitive]),
    ]

    /// A full postcode ("3011 AB", "3011ab") or a street with a house number ("Kerkstraat 12").
    static let addressPatterns: [NSRegularExpression] = [
        try! NSRegularExpression(pattern: #"(?<![\d\w])[1-9]\d{3}\s?[A-Z]{2}(?![\w])"#),
        try! NSRegularExpression(pattern: #"(?<![\d\w])[1-9]\d{3}[a-z]{2}(?![\w])"#),
        try! NSRegularExpression(pattern: #"\b[A-Za-zÀ-ÿ]+(straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg|dreef|park|markt|kwartier)\s+\d{1,5}\s?[a-zA-Z]?\b"#,
                                 options: [.caseInsensitive]),
    ]

    static func matches(_ patterns: [NSRegularExpression], in text: String) -> [Range<String.Index>] {
        let ns = NSRange(text.startIndex..., in: text)
        return patterns.flatMap { p in p.matches(in: text, range: ns).compactMap { Range($0.range, in: text) } }
    }

    // MARK: the client's name

    /// Name particles (tussenvoegsels) and very short parts are no identifier on their own.
    static let particles: Set<String> = ["van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "el", "al", "la", "le", "du", "da", "di", "von", "dr", "mr", "mevr", "dhr"]

    /// Whole-word occurrences of each part of the name, ignoring case and accents ("Öztürk" = "Ozturk").
    static func nameParts(_ name: String, in text: String) -> [Range<String.Index>] {
        let parts = Set(name.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { SearchText.fold(String($0)) })
            .filter { $0.count >= 2 && !particles.contains($0) }
        guard !parts.isEmpty else { return [] }
        var ranges: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter else { i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, text[j].isLetter || text[j] == "'" { j = text.index(after: j) }
            if parts.contains(SearchText.fold(String(text[i..<j]))) { ranges.append(i..<j) }
            i = j
        }
        return ranges
    }
}
