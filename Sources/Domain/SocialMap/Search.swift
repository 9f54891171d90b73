import Foundation

/// Dutch search text: case- and diacritic-insensitive words, query words reduced to a stem that is
/// matched as a prefix ("schulden" → "schuld" finds "schuldhulpverlening"; "eenzaamheid" → "eenzaam").
/// The same folding feeds the index on both databases, so SQLite and PostgreSQL match the same words.
public enum SearchText {
    /// Lowercase without accents ("Cliënt" → "client").
    public static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "nl_NL"))
            .lowercased()
    }

    /// The folded words of a text, in order (letters and digits only).
    public static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Folded text with every non-word character turned into a space: what the index stores.
    public static func indexText(_ parts: [String]) -> String {
        parts.map { words($0).joined(separator: " ") }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Words that say nothing about the help someone looks for.
    public static let stopWords: Set<String> = [
        "de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "bij", "te", "is", "ik", "mijn", "naar", "om",
        "aan", "die", "dat", "er", "zijn", "wat", "hoe", "wie", "waar", "ook", "als", "door", "over", "tot", "uit", "je",
        "u", "uw", "we", "wij", "the", "a", "an", "and", "or", "for", "with", "to", "of", "help", "hulp",
    ]

    /// The terms a query looks for: folded, stop words dropped, each word stemmed; at most eight.
    /// "hulp" is a stop word only when it is the only word ("hulp bij schulden" → schuld).
    public static func queryTerms(_ query: String) -> [SearchTerm] {
        let all = words(query).filter { $0.count >= 2 }
        var kept = all.filter { !stopWords.contains($0) }
        if kept.isEmpty { kept = all.filter { $0 == "hulp" || $0 == "help" } }
        var seen = Set<String>(); var out: [SearchTerm] = []
        for w in kept {
            let term = SearchTerm(word: w)
            if seen.insert(term.alternatives[0]).inserted { out.append(term) }
            if out.count == 8 { break }
        }
        return out
    }

    /// Whether a folded word matches one of the terms (as a prefix).
    public static func matches(_ word: String, terms: [String]) -> Bool {
        terms.contains { word.hasPrefix($0) }
    }
}

/// One query word as the prefixes that may match it: its stem, and the stem with a doubled vowel when
/// removing an ending opened the syllable ("slapen" → slap, slaap; "problemen" → problem, probleem).
public struct SearchTerm: Sendable, Equatable {
    public var alternatives: [String]
    public init(alternatives: [String]) { self.alternatives = alternatives }
    public init(word: String) {
        let stem = DutchStemmer.stem(word)
        var alts = [stem]
        if stem != word, let doubled = DutchStemmer.doubledVowel(stem) { alts.append(doubled) }
        alternatives = alts
    }
}

/// A light Dutch stemmer for query words: it removes inflection (plural -en/-s, -e, -heid/-heden,
/// -ingen) and undoubles the final consonant, so the stem works as a prefix for every form.
/// It deliberately under-stems: a prefix that is too short would drown the results.
public enum DutchStemmer {
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    public static func stem(_ word: String) -> String {
        var w = word
        guard w.count > 4 else { return w }
        if w.hasSuffix("heden") { w = String(w.dropLast(5)) + "heid" }
        if w.hasSuffix("heid"), w.count >= 8 { return String(w.dropLast(4)) }
        if w.hasSuffix("ingen") { return String(w.dropLast(2)) }
        if w.hasSuffix("en"), w.count >= 5 {
            let base = String(w.dropLast(2))
            if let last = base.last, !vowels.contains(last) { return undouble(base) }
            return base
        }
        if w.hasSuffix("s"), w.count >= 5, !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            return String(w.dropLast())
        }
        if w.hasSuffix("e"), w.count >= 5, let prev = w.dropLast().last, !vowels.contains(prev) {
            return undouble(String(w.dropLast()))
        }
        return w
    }

    /// "slap" → "slaap": a consonant, a single a/e/o/u and a final consonant.
    static func doubledVowel(_ s: String) -> String? {
        let c = Array(s)
        guard c.count >= 3 else { return nil }
        let v = c[c.count - 2], last = c[c.count - 1], before = c[c.count - 3]
        guard "aeou".contains(v), !vowels.contains(last), !vowels.contains(before) else { return nil }
        return String(c.dropLast()) + String(v) + String(last)
    }

    private static func undouble(_ s: String) -> String {
        let chars = Array(s)
        guard chars.count >= 4, let last = chars.last, chars[chars.count - 2] == last, !vowels.contains(last) else { return s }
        return String(chars.dropLast())
    }
}

/// A piece of text with the words that matched marked, for highlighting without HTML in the data.
public struct Snippet: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool
        public init(text: String, isMatch: Bool) { self.text = text; self.isMatch = isMatch }
    }
    public var parts: [Part]
    public var leadingEllipsis: Bool
    public var trailingEllipsis: Bool
    public init(parts: [Part], leadingEllipsis: Bool = false, trailingEllipsis: Bool = false) {
        self.parts = parts; self.leadingEllipsis = leadingEllipsis; self.trailingEllipsis = trailingEllipsis
    }

    /// Splits `text` into matching and non-matching parts; with `window`, keeps about that many words
    /// around the first match (or the start when nothing matches).
    public static func make(_ text: String, terms: [SearchTerm], window: Int? = nil) -> Snippet {
        make(text, prefixes: terms.flatMap(\.alternatives), window: window)
    }

    public static func make(_ text: String, prefixes terms: [String], window: Int? = nil) -> Snippet {
        // Tokens keep the original spelling and spacing; a token is a word or the gap before the next one.
        var tokens: [(text: String, isWord: Bool)] = []
        var current = ""; var inWord = false
        for ch in text {
            let isWordChar = ch.isLetter || ch.isNumber
            if current.isEmpty { inWord = isWordChar }
            if isWordChar != inWord { tokens.append((current, inWord)); current = ""; inWord = isWordChar }
            current.append(ch)
        }
        if !current.isEmpty { tokens.append((current, inWord)) }

        let matchFlags = tokens.map { $0.isWord && !terms.isEmpty && SearchText.matches(SearchText.fold($0.text), terms: terms) }
        var from = 0, to = tokens.count
        if let window {
            let wordIndices = tokens.indices.filter { tokens[$0].isWord }
            if wordIndices.count > window {
                let first = tokens.indices.first { matchFlags[$0] } ?? 0
                let pos = wordIndices.firstIndex { $0 >= first } ?? 0
                let startWord = max(0, min(pos - window / 3, wordIndices.count - window))
                from = wordIndices[startWord]
                let endWord = min(wordIndices.count - 1, startWord + window - 1)
                to = wordIndices[endWord] + 1
                if to < tokens.count, !tokens[to].isWord, tokens[to].text.trimmingCharacters(in: .whitespaces) == "." { to += 1 }
            }
        }
        var parts: [Part] = []
        for i in from..<to {
            let t = tokens[i].text, m = matchFlags[i]
            if let last = parts.last, last.isMatch == m { parts[parts.count - 1].text += t } else { parts.append(Part(text: t, isMatch: m)) }
        }
        return Snippet(parts: parts, leadingEllipsis: from > 0, trailingEllipsis: to < tokens.count)
    }

    public var hasMatch: Bool { parts.contains(where: \.isMatch) }
    public var plainText: String { parts.map(\.text).joined() }
}

/// What a person searches for on the map.
public struct ServiceSearch: Sendable, Equatable {
    public var text: String
    public var route: CareRoute?
    public var wijkID: UUID?
    public var noReferralOnly: Bool
    public var maxWaitWeeks: Int?
    public var page: Int
    public static let pageSize = 20

    public init(text: String = "", route: CareRoute? = nil, wijkID: UUID? = nil, noReferralOnly: Bool = false,
                maxWaitWeeks: Int? = nil, page: Int = 1) {
        self.text = text; self.route = route; self.wijkID = wijkID; self.noReferralOnly = noReferralOnly
        self.maxWaitWeeks = maxWaitWeeks; self.page = max(1, page)
    }

    public var terms: [SearchTerm] { SearchText.queryTerms(text) }
}

/// Who is looking: the public view never carries internal notes or professional-only contacts.
public enum MapAudience: Sendable, Equatable { case publicView, professional }

/// One found service with what the result list shows.
public struct ServiceHit: Sendable, Equatable {
    public var service: MapService
    public var providerName: String
    public var currentWait: WaitingTimeReport?
    public var snippet: Snippet
    public var nameParts: Snippet
    public init(service: MapService, providerName: String, currentWait: WaitingTimeReport?, snippet: Snippet, nameParts: Snippet) {
        self.service = service; self.providerName = providerName; self.currentWait = currentWait; self.snippet = snippet; self.nameParts = nameParts
    }
}

public struct ServiceSearchResult: Sendable, Equatable {
    public var hits: [ServiceHit]
    public var total: Int
    /// True when no service had every word, and the list shows services with any of them.
    public var matchedAnyWord: Bool
    public init(hits: [ServiceHit], total: Int, matchedAnyWord: Bool) { self.hits = hits; self.total = total; self.matchedAnyWord = matchedAnyWord }
}
