import Domain
import Foundation

/// All interface texts, per language, loaded from `Locales/nl.json` and `Locales/en.json`.
/// Views read them as `#(t.key)`; no text is written into a template.
public struct Catalogue: Sendable {
    public let texts: [Locale.Code: [String: String]]

    public init(texts: [Locale.Code: [String: String]]) { self.texts = texts }

    public static func load(from directory: String) throws -> Catalogue {
        var texts: [Locale.Code: [String: String]] = [:]
        for code in Locale.Code.allCases {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("Locales/\(code.rawValue).json")
            texts[code] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Catalogue(texts: texts)
    }

    public func table(_ locale: Locale.Code) -> [String: String] { texts[locale] ?? [:] }

    /// A text with `{name}` placeholders filled in. Falls back to Dutch, then to the key itself,
    /// so a missing translation is visible but never breaks a page.
    public func text(_ key: String, _ locale: Locale.Code, _ values: [String: String] = [:]) -> String {
        var s = texts[locale]?[key] ?? texts[.nl]?[key] ?? key
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }
}
