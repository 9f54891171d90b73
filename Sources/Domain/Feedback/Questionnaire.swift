import Foundation

/// A short questionnaire a person fills in themselves (feedback on the conversation, the follow-up),
/// loaded as data: a FHIR R4 Questionnaire with items of type `integer` (bounded by the minValue /
/// maxValue extensions), `choice` (answerOption codings; `repeats` for several answers) and `string`,
/// with English texts in the standard translation extension. A region replaces a file to use its own.
public struct Questionnaire: Sendable, Equatable {
    public var url: String
    public var version: String
    public var title: Text
    public var items: [Item]

    /// A text in Dutch with an optional English translation.
    public struct Text: Sendable, Equatable {
        public var nl: String
        public var en: String?
        public init(nl: String, en: String? = nil) { self.nl = nl; self.en = en }
        public func `in`(_ locale: Locale.Code) -> String { locale == .en ? (en ?? nl) : nl }
    }

    public struct Option: Sendable, Equatable {
        public var code: String
        public var display: Text
    }

    public enum Kind: Sendable, Equatable {
        case integer(min: Int, max: Int)
        case choice([Option], multiple: Bool)
        case text(maxLength: Int)
    }

    public struct Item: Sendable, Equatable {
        public var linkId: String
        public var text: Text
        /// The scale's anchors or a short explanation.
        public var help: Text?
        public var kind: Kind
        public var required: Bool
    }

    public var key: String { "\(url)|\(version)" }

    public func item(_ linkId: String) -> Item? { items.first { $0.linkId == linkId } }
}

/// One answer to one item: a number, a chosen code (several rows for several codes), or text.
public struct QuestionnaireAnswer: Sendable, Equatable {
    public var linkId: String
    public var integer: Int?
    public var text: String?
    public init(linkId: String, integer: Int? = nil, text: String? = nil) { self.linkId = linkId; self.integer = integer; self.text = text }
}

extension Questionnaire {
    /// Checks what a person filled in. Returns the answers and, per item, an error key
    /// ("error_required", "error_out_of_range", "error_too_long", "error_unknown_option").
    public func answers(from raw: [String: [String]]) -> ([QuestionnaireAnswer], [String: String]) {
        var out: [QuestionnaireAnswer] = [], errors: [String: String] = [:]
        for item in items {
            let values = (raw[item.linkId] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if values.isEmpty { if item.required { errors[item.linkId] = "error_required" }; continue }
            switch item.kind {
            case .integer(let lo, let hi):
                guard values.count == 1, let n = Int(values[0]), (lo...hi).contains(n) else { errors[item.linkId] = "error_out_of_range"; continue }
                out.append(QuestionnaireAnswer(linkId: item.linkId, integer: n))
            case .choice(let options, let multiple):
                let codes = Set(options.map(\.code))
                guard values.allSatisfy(codes.contains), multiple || values.count == 1 else { errors[item.linkId] = "error_unknown_option"; continue }
                for code in options.map(\.code) where values.contains(code) { out.append(QuestionnaireAnswer(linkId: item.linkId, text: code)) }
            case .text(let max):
                guard values[0].count <= max else { errors[item.linkId] = "error_too_long"; continue }
                out.append(QuestionnaireAnswer(linkId: item.linkId, text: values[0]))
            }
        }
        return (out, errors)
    }

    // MARK: loading

    /// The same problems as with a conversation instrument, named the same way.
    public typealias LoadError = Instrument.LoadError

    static let translationURL = "http://hl7.org/fhir/StructureDefinition/translation"

    /// The English translation in a FHIR primitive's extension (`_text`, `_title`, `_display`).
    static func english(_ element: Any?) -> String? {
        let ext = (element as? [String: Any])?["extension"] as? [[String: Any]] ?? []
        for e in ext where e["url"] as? String == translationURL {
            let parts = e["extension"] as? [[String: Any]] ?? []
            let lang = parts.first { $0["url"] as? String == "lang" }?["valueCode"] as? String
            if lang?.hasPrefix("en") == true { return parts.first { $0["url"] as? String == "content" }?["valueString"] as? String }
        }
        return nil
    }

    public static func parse(_ data: Data, file: String) throws -> Questionnaire {
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              json["resourceType"] as? String == "Questionnaire" else { throw LoadError.notAQuestionnaire(file) }
        guard let url = json["url"] as? String else { throw LoadError.missing(file, "url") }
        guard let version = json["version"] as? String else { throw LoadError.missing(file, "version") }
        let title = Text(nl: json["title"] as? String ?? url, en: english(json["_title"]))
        var items: [Item] = []
        for raw in json["item"] as? [[String: Any]] ?? [] {
            guard let linkId = raw["linkId"] as? String, let text = raw["text"] as? String else { throw LoadError.missing(file, "item.linkId/text") }
            let helpItem = (raw["item"] as? [[String: Any]])?.first { $0["type"] as? String == "display" }
            let help = (helpItem?["text"] as? String).map { Text(nl: $0, en: english(helpItem?["_text"])) }
            let required = raw["required"] as? Bool ?? false
            let kind: Kind
            switch raw["type"] as? String {
            case "integer":
                let ext = raw["extension"] as? [[String: Any]] ?? []
                let bound = { (u: String) in ext.first { $0["url"] as? String == u }?["valueInteger"] as? Int }
                guard let lo = bound(Instrument.minURL), let hi = bound(Instrument.maxURL), lo < hi else { throw LoadError.badItem(file, linkId) }
                kind = .integer(min: lo, max: hi)
            case "choice", "coding":
                let options: [Option] = (raw["answerOption"] as? [[String: Any]] ?? []).compactMap { o in
                    guard let c = o["valueCoding"] as? [String: Any], let code = c["code"] as? String else { return nil }
                    return Option(code: code, display: Text(nl: c["display"] as? String ?? code, en: english(c["_display"])))
                }
                guard !options.isEmpty else { throw LoadError.badItem(file, linkId) }
                kind = .choice(options, multiple: raw["repeats"] as? Bool ?? false)
            case "string", "text":
                kind = .text(maxLength: raw["maxLength"] as? Int ?? 2000)
            default: throw LoadError.badItem(file, linkId)
            }
            items.append(Item(linkId: linkId, text: Text(nl: text, en: english(raw["_text"])), help: help, kind: kind, required: required))
        }
        if items.isEmpty { throw LoadError.missing(file, "item") }
        return Questionnaire(url: url, version: version, title: title, items: items)
    }
}

/// The two questionnaires of client feedback. MGN's figures read a few items by linkId, so a region's
/// own file must keep those (checked at start).
public struct FeedbackQuestionnaires: Sendable {
    public var conversation: Questionnaire
    public var followUp: Questionnaire
    /// Every version ever loaded, to show an old answer in its own terms.
    public var all: [Questionnaire]

    /// Items of the conversation questionnaire the dashboard reads: the rapportcijfer and the four conversation items.
    public static let conversationItems = ["rapportcijfer", "relatie", "doelen", "aanpak", "algemeen"]
    /// Items of the follow-up the dashboard reads: whether the question was answered, and where the person got help.
    public static let followUpItems = ["hulpvraag_beantwoord", "routes"]

    public init(conversation: Questionnaire, followUp: Questionnaire, all: [Questionnaire]) {
        self.conversation = conversation; self.followUp = followUp; self.all = all
    }

    public enum Problem: Error, CustomStringConvertible {
        case missingItem(String, String), missingQuestionnaire(String)
        public var description: String {
            switch self {
            case .missingItem(let q, let item): "feedback questionnaire \(q) lacks the item \(item) that MGN's figures read"
            case .missingQuestionnaire(let name): "no feedback questionnaire named \(name)*.json"
            }
        }
    }

    /// Loads `conversation*.json` and `follow-up*.json` from the folders (later folders add newer versions);
    /// the newest version of each is used for new invitations.
    public static func load(from directories: [String]) throws -> FeedbackQuestionnaires {
        var all: [Questionnaire] = [], conversation: [Questionnaire] = [], followUp: [Questionnaire] = []
        for dir in directories {
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where file.hasSuffix(".json") {
                let q = try Questionnaire.parse(try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(file)), file: file)
                if all.contains(where: { $0.key == q.key }) { continue }
                all.append(q)
                if file.hasPrefix("conversation") { conversation.append(q) } else if file.hasPrefix("follow-up") { followUp.append(q) }
            }
        }
        func newest(_ list: [Questionnaire], _ name: String) throws -> Questionnaire {
            guard let q = list.max(by: { InstrumentCatalogue.versionLess($0.version, $1.version) }) else { throw Problem.missingQuestionnaire(name) }
            return q
        }
        let c = try newest(conversation, "conversation"), f = try newest(followUp, "follow-up")
        for id in conversationItems where c.item(id) == nil { throw Problem.missingItem(c.url, id) }
        for id in followUpItems where f.item(id) == nil { throw Problem.missingItem(f.url, id) }
        return FeedbackQuestionnaires(conversation: c, followUp: f, all: all)
    }

    public func questionnaire(url: String, version: String) -> Questionnaire? { all.first { $0.url == url && $0.version == version } }
    public func current(_ kind: FeedbackKind) -> Questionnaire { kind == .conversation ? conversation : followUp }
}
