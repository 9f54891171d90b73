/// Errors of a form or API request, per field, as keys into the text catalogue.
/// Both the HTML forms and the JSON problem bodies are built from this one type.
public struct ValidationErrors: Error, Sendable, Equatable {
    public private(set) var fields: [String: String] = [:]
    public init() {}
    public init(_ field: String, _ messageKey: String) { add(field, messageKey) }

    public mutating func add(_ field: String, _ messageKey: String) {
        if fields[field] == nil { fields[field] = messageKey }  // first problem per field is the one to fix
    }
    public var isEmpty: Bool { fields.isEmpty }
    public subscript(field: String) -> String? { fields[field] }
    public func throwIfAny() throws { if !isEmpty { throw self } }
}

/// A domain action refused by a rule (not by bad input): the caller maps it to 403/404/409.
public enum DomainError: Error, Sendable, Equatable {
    case notFound
    case forbidden
    case conflict(String)
}
