/// A burgerservicenummer: nine digits passing the elfproef
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not all zeros).
public struct BSN: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    /// Accepts spaces and dots as people type them ("1234.56.782"); eight digits get the leading zero back.
    public init?(_ raw: String) {
        var digits = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        if digits.count == 8 { digits = "0" + digits }
        guard digits.count == 9, Self.passesElfproef(digits) else { return nil }
        value = digits
    }

    static func passesElfproef(_ digits: String) -> Bool {
        let d = digits.compactMap(\.wholeNumberValue)
        guard d.count == 9, d.contains(where: { $0 != 0 }) else { return false }
        let sum = (0..<8).reduce(0) { $0 + (9 - $1) * d[$1] } - d[8]
        return sum % 11 == 0
    }

    public var description: String { value }
    /// For screens that show only enough to recognise it: "*****6782".
    public var masked: String { String(repeating: "•", count: 5) + value.suffix(4) }
}
