/// A Dutch four-digit postcode area ("2312"). Full postcodes ("2312 AB") reduce to their PC4.
public struct PC4: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    /// Accepts "2312", "2312AB", "2312 ab". Dutch postcodes never start with 0.
    public init?(_ raw: String) {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        let digits = compact.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), digits.first != "0" else { return nil }
        let rest = compact.dropFirst(4)
        guard rest.isEmpty || (rest.count == 2 && rest.allSatisfy { $0.isASCII && $0.isLetter }) else { return nil }
        value = String(digits)
    }

    public var description: String { value }
    public static func < (a: PC4, b: PC4) -> Bool { a.value < b.value }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
