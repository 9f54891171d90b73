import Domain
import Vapor

/// One form field as a view shows it: what the user typed (kept on error) and the problem, in words.
struct FormField: Encodable, Sendable {
    var value: String = ""
    var error: String?
    var invalid: Bool { error != nil }

    init(_ value: String = "", error: String? = nil) { self.value = value; self.error = error }

    enum CodingKeys: String, CodingKey { case value, error, invalid }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encode(invalid, forKey: .invalid)
    }
}

/// A choice in a select or checkbox list.
struct Option: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension Request {
    /// A form value, trimmed; missing is empty.
    func field(_ name: String) -> String {
        ((try? content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// All values of a repeated field: checkboxes named `roles[]` in the form are read as `fieldValues("roles")`
    /// (the form decoder drops the brackets; asking for "roles[]" would silently find nothing).
    func fieldValues(_ name: String) -> [String] {
        precondition(!name.hasSuffix("[]"), "fieldValues takes the name without []")
        return (try? content.get([String].self, at: name)) ?? []
    }

    func field(_ name: String, _ errors: ValidationErrors) -> FormField {
        FormField(field(name), error: errors[name].map { t($0) })
    }
}
