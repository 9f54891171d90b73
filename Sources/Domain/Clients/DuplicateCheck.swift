import Foundation

/// The identifying data of a person, as compared when a new aanmelding might be someone already known.
public struct PersonKey: Sendable, Equatable {
    public var name: String
    public var dateOfBirth: DateOnly
    public var postcode: PC4?
    public var bsn: BSN?
    public init(name: String, dateOfBirth: DateOnly, postcode: PC4?, bsn: BSN?) {
        self.name = name; self.dateOfBirth = dateOfBirth; self.postcode = postcode; self.bsn = bsn
    }
}

public enum DuplicateCheck {
    public enum Match: Sendable, Equatable { case sameBSN, sameNameBirthDatePostcode }

    /// Same BSN, or the same name (ignoring case, accents, spaces and punctuation) with the same date of
    /// birth and PC4. A match is shown to the user before a second record is made; it never merges by itself.
    public static func match(_ new: PersonKey, _ existing: PersonKey) -> Match? {
        if let a = new.bsn, let b = existing.bsn, a == b { return .sameBSN }
        if normalisedName(new.name) == normalisedName(existing.name), new.dateOfBirth == existing.dateOfBirth,
           let p = new.postcode, p == existing.postcode { return .sameNameBirthDatePostcode }
        return nil
    }

    public static func normalisedName(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
            .filter { $0.isLetter }
    }
}

/// A calendar date without time or zone (a date of birth, a due date).
public struct DateOnly: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!
        guard (1...12).contains(month), (1...31).contains(day),
              let d = c.date(from: DateComponents(year: year, month: month, day: day)),
              c.component(.day, from: d) == day else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// "2024-03-07" (ISO) or "7-3-2024" / "07-03-2024" (as Dutch people write it).
    public init?(_ raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces)
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if s.prefix(4).allSatisfy(\.isNumber) && s.count >= 8 { self.init(year: parts[0], month: parts[1], day: parts[2]) }
        else { self.init(year: parts[2], month: parts[1], day: parts[0]) }
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }
    public static func < (a: DateOnly, b: DateOnly) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public func age(on date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> Int {
        var c = Calendar(identifier: .gregorian); c.timeZone = timeZone
        let t = c.dateComponents([.year, .month, .day], from: date)
        var age = t.year! - year
        if (t.month!, t.day!) < (month, day) { age -= 1 }
        return age
    }
}
