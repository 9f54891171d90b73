import Foundation

/// A structured instrument used in the verkennend gesprek (Positieve Gezondheid, ZRM 2017, or a region's
/// own). Instruments are data: FHIR R4 Questionnaire-shaped JSON files, versioned, loaded at start.
/// MGN ships dimension/domain names and scales only; a region with a licence adds item texts by
/// placing its own file with a new version.
public struct Instrument: Sendable, Equatable {
    public var url: String
    public var version: String
    public var title: String
    public var items: [Item]

    public struct Item: Sendable, Equatable {
        public var linkId: String
        public var text: String
        public var kind: Kind
        public var required: Bool
        /// Extra explanation (a region's licensed item text, or the anchors of the scale).
        public var help: String?
    }

    public enum Kind: Sendable, Equatable {
        case integer(min: Int, max: Int)
        case boolean
    }

    public var key: String { "\(url)|\(version)" }
}

public struct InstrumentResponse: Sendable, Equatable {
    public var instrumentURL: String
    public var instrumentVersion: String
    /// linkId → value (integers as Int, booleans as 0/1).
    public var answers: [String: Int]
    public init(instrumentURL: String, instrumentVersion: String, answers: [String: Int]) {
        self.instrumentURL = instrumentURL; self.instrumentVersion = instrumentVersion; self.answers = answers
    }
}

extension Instrument {
    /// Checks raw form values against the items; returns the response and per-item error keys.
    public func response(from raw: [String: String]) -> (InstrumentResponse, [String: String]) {
        var answers: [String: Int] = [:], errors: [String: String] = [:]
        for item in items {
            let value = raw[item.linkId]?.trimmingCharacters(in: .whitespaces) ?? ""
            switch item.kind {
            case .boolean:
                answers[item.linkId] = (value == "on" || value == "true" || value == "1") ? 1 : 0
            case .integer(let min, let max):
                if value.isEmpty { if item.required { errors[item.linkId] = "error_required" }; continue }
                guard let n = Int(value), (min...max).contains(n) else { errors[item.linkId] = "error_out_of_range"; continue }
                answers[item.linkId] = n
            }
        }
        return (InstrumentResponse(instrumentURL: url, instrumentVersion: version, answers: answers), errors)
    }

    /// Change per integer item against an earlier response (of any version: items are matched by linkId).
    public func change(from earlier: InstrumentResponse, to later: InstrumentResponse) -> [String: Int] {
        var out: [String: Int] = [:]
        for item in items { if case .integer = item.kind, let a = earlier.answers[item.linkId], let b = later.answers[item.linkId] { out[item.linkId] = b - a } }
        return out
    }

    // MARK: loading

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case notAQuestionnaire(String), missing(String, String), badItem(String, String)
        public var description: String {
            switch self {
            case .notAQuestionnaire(let f): "\(f): not a FHIR Questionnaire"
            case .missing(let f, let field): "\(f): missing \(field)"
            case .badItem(let f, let item): "\(f): item \(item) has an unsupported type or range"
            }
        }
    }

    static let minURL = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxURL = "http://hl7.org/fhir/StructureDefinition/maxValue"

    /// Reads the subset of FHIR Questionnaire that MGN uses: url, version, title, and items of type
    /// integer (bounded by the minValue/maxValue extensions) or boolean. An item's help text is the text
    /// of its child item of type `display`.
    public static func parse(_ data: Data, file: String) throws -> Instrument {
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              json["resourceType"] as? String == "Questionnaire" else { throw LoadError.notAQuestionnaire(file) }
        guard let url = json["url"] as? String else { throw LoadError.missing(file, "url") }
        guard let version = json["version"] as? String else { throw LoadError.missing(file, "version") }
        let title = json["title"] as? String ?? url
        var items: [Item] = []
        for raw in json["item"] as? [[String: Any]] ?? [] {
            guard let linkId = raw["linkId"] as? String, let text = raw["text"] as? String else { throw LoadError.missing(file, "item.linkId/text") }
            let help = (raw["item"] as? [[String: Any]])?.first { $0["type"] as? String == "display" }?["text"] as? String
            let required = raw["required"] as? Bool ?? false
            switch raw["type"] as? String {
            case "boolean": items.append(Item(linkId: linkId, text: text, kind: .boolean, required: false, help: help))
            case "integer":
                let ext = raw["extension"] as? [[String: Any]] ?? []
                let bound = { (u: String) in ext.first { $0["url"] as? String == u }?["valueInteger"] as? Int }
                guard let lo = bound(minURL), let hi = bound(maxURL), lo < hi else { throw LoadError.badItem(file, linkId) }
                items.append(Item(linkId: linkId, text: text, kind: .integer(min: lo, max: hi), required: required, help: help))
            default: throw LoadError.badItem(file, linkId)
            }
        }
        if items.isEmpty { throw LoadError.missing(file, "item") }
        return Instrument(url: url, version: version, title: title, items: items)
    }
}

/// All instruments a region uses, every version kept (answers refer to the version they were given in).
public struct InstrumentCatalogue: Sendable {
    public private(set) var all: [Instrument]
    public init(_ all: [Instrument]) { self.all = all }

    /// The newest version of each instrument, for new conversations.
    public var current: [Instrument] {
        Dictionary(grouping: all, by: \.url).values.compactMap { $0.max { Self.versionLess($0.version, $1.version) } }
            .sorted { $0.title < $1.title }
    }

    public func instrument(url: String, version: String) -> Instrument? { all.first { $0.url == url && $0.version == version } }

    static func versionLess(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }, y = b.split(separator: ".").map { Int($0) ?? 0 }
        return x.lexicographicallyPrecedes(y)
    }

    /// Every `*.json` in the folders, in order; later folders may add versions, never replace one.
    public static func load(from directories: [String]) throws -> InstrumentCatalogue {
        var all: [Instrument] = []
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let inst = try Instrument.parse(try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(file)), file: file)
                if all.contains(where: { $0.key == inst.key }) { continue }
                all.append(inst)
            }
        }
        return InstrumentCatalogue(all)
    }
}
