/// E-mail addresses are compared case-insensitively and without surrounding space.
public enum Email {
    public static func normalised(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one @, something before it, a dot in the domain, no spaces.
    public static func isValid(_ raw: String) -> Bool {
        let e = normalised(raw)
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), e.count <= 254 else { return false }
        return !e.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}

import Foundation
