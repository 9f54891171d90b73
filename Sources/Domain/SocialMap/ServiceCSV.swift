import Foundation

/// Services from a spreadsheet: one row per service, Dutch column names, all rows valid or nothing.
public enum ServiceCSV {
    public enum Column: String, CaseIterable, Sendable {
        case naam, aanbieder, route, omschrijving, doelgroep, voorwaarden
        case verwijzingNodig = "verwijzing_nodig"
        case kosten, talen, telefoon, email, website, wijken, eigenaar
        case aanmeldwachttijdWeken = "aanmeldwachttijd_weken"
        case behandelwachttijdWeken = "behandelwachttijd_weken"
        case steuncentrum, ervaringsdeskundigen
        case contactProfessionals = "contact_professionals"
        case interneNotitie = "interne_notitie"

        public static let required: [Column] = [.naam, .aanbieder, .route, .omschrijving, .verwijzingNodig]
    }

    /// One valid row, ready to store. `existingServiceID` is set when the provider already offers a
    /// service with this name: the row updates it instead of adding a second one.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var providerName: String
        public var providerID: UUID?
        public var existingServiceID: UUID?
        public var service: MapService
        public var wait: (aanmeld: Int, behandel: Int?)?
        public static func == (a: Row, b: Row) -> Bool {
            a.line == b.line && a.service == b.service && a.providerName == b.providerName && a.wait?.aanmeld == b.wait?.aanmeld
                && a.wait?.behandel == b.wait?.behandel
        }
    }

    /// What the rows are checked against.
    public struct Context: Sendable {
        public var wijken: [Wijk]
        public var organisations: [Organisation]
        public var providers: [MapProvider]
        /// (provider id, folded service name) → service id.
        public var existingServices: [String: UUID]
        public var defaultOwner: UUID
        public var now: Date
        public init(wijken: [Wijk], organisations: [Organisation], providers: [MapProvider], existingServices: [(providerID: UUID, name: String, id: UUID)],
                    defaultOwner: UUID, now: Date) {
            self.wijken = wijken; self.organisations = organisations; self.providers = providers; self.defaultOwner = defaultOwner; self.now = now
            var map: [String: UUID] = [:]
            for e in existingServices { map[e.providerID.uuidString + "|" + SearchText.fold(e.name)] = e.id }
            self.existingServices = map
        }
    }

    public static func route(_ text: String) -> CareRoute? {
        let key = SearchText.words(text).joined()
        return CareRoute.allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == key }
    }

    static func yesNo(_ text: String) -> Bool? {
        switch SearchText.fold(text.trimmingCharacters(in: .whitespaces)) {
        case "ja", "j", "yes", "y", "1", "waar", "true": true
        case "nee", "n", "no", "0", "onwaar", "false": false
        default: nil
        }
    }

    public static func read(_ text: String, context: Context) -> Result<[Row], ImportRejected> {
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            if case .unterminatedQuote(let line) = error {
                return .failure(ImportRejected([ImportProblem(line: line, message: "aanhalingsteken wordt niet gesloten")]))
            }
            return .failure(ImportRejected([ImportProblem(message: "bestand niet leesbaar")]))
        }
        guard let header = records.first else { return .failure(ImportRejected([ImportProblem(message: "het bestand is leeg")])) }
        var index: [Column: Int] = [:]
        var problems: [ImportProblem] = []
        for (i, name) in header.fields.enumerated() {
            let key = SearchText.words(name).joined(separator: "_")
            if let c = Column(rawValue: key) { index[c] = i }
            else if !key.isEmpty { problems.append(ImportProblem(line: header.line, message: "onbekende kolom \"\(name)\"")) }
        }
        for c in Column.required where index[c] == nil { problems.append(ImportProblem(line: header.line, message: "kolom \"\(c.rawValue)\" ontbreekt")) }
        guard problems.isEmpty else { return .failure(ImportRejected(problems)) }
        if records.count == 1 { return .failure(ImportRejected([ImportProblem(message: "het bestand heeft geen regels onder de kopregel")])) }

        let wijkByKey: [String: Wijk] = Dictionary(context.wijken.flatMap { w in [(SearchText.fold(w.name), w), (SearchText.fold(w.code), w)] },
                                                   uniquingKeysWith: { a, _ in a })
        let orgByName = Dictionary(context.organisations.map { (SearchText.fold($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        let providerByName = Dictionary(context.providers.map { (SearchText.fold($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        var seenInFile: [String: Int] = [:]
        var rows: [Row] = []

        for record in records.dropFirst() {
            let line = record.line
            func value(_ c: Column) -> String {
                guard let i = index[c], i < record.fields.count else { return "" }
                return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var rowProblems: [String] = []
            for c in Column.required where value(c).isEmpty { rowProblems.append("\(c.rawValue) is leeg") }
            let route = value(.route).isEmpty ? nil : Self.route(value(.route))
            if !value(.route).isEmpty && route == nil { rowProblems.append("onbekende route \"\(value(.route))\"") }
            let referral = value(.verwijzingNodig).isEmpty ? nil : yesNo(value(.verwijzingNodig))
            if !value(.verwijzingNodig).isEmpty && referral == nil { rowProblems.append("verwijzing_nodig moet ja of nee zijn") }
            var flags: [Column: Bool] = [:]
            for c in [Column.steuncentrum, .ervaringsdeskundigen] where !value(c).isEmpty {
                if let b = yesNo(value(c)) { flags[c] = b } else { rowProblems.append("\(c.rawValue) moet ja of nee zijn") }
            }
            var wijkIDs: [UUID] = []
            let wijkText = value(.wijken)
            if !wijkText.isEmpty && !["hele regio", "regio", "alle"].contains(SearchText.fold(wijkText)) {
                for part in wijkText.split(whereSeparator: { $0 == "," || $0 == "|" }) {
                    let k = SearchText.fold(part.trimmingCharacters(in: .whitespaces))
                    if let w = wijkByKey[k] { wijkIDs.append(w.id) } else { rowProblems.append("onbekende wijk \"\(part.trimmingCharacters(in: .whitespaces))\"") }
                }
            }
            var owner = context.defaultOwner
            if !value(.eigenaar).isEmpty {
                if let o = orgByName[SearchText.fold(value(.eigenaar))] { owner = o.id } else { rowProblems.append("onbekende eigenaar \"\(value(.eigenaar))\"") }
            }
            let languages = value(.talen).isEmpty ? ["nl"] : LanguageCode.parseList(value(.talen))
            if languages.contains(where: { !LanguageCode.isValid($0) }) { rowProblems.append("talen: gebruik tweeletterige codes zoals nl, en, ar") }
            var wait: (Int, Int?)? = nil
            let aText = value(.aanmeldwachttijdWeken), bText = value(.behandelwachttijdWeken)
            if !aText.isEmpty || !bText.isEmpty {
                let a = Int(aText), b = bText.isEmpty ? nil : Int(bText)
                if a == nil || (!bText.isEmpty && b == nil) || !WaitingTimeReport.validate(aanmeld: a, behandel: b).isEmpty {
                    rowProblems.append("wachttijd moet een heel aantal weken zijn (0–\(WaitingTimeReport.maximumWeeks)), aanmeldwachttijd verplicht als er een behandelwachttijd is")
                } else { wait = (a!, b) }
            }
            let provider = providerByName[SearchText.fold(value(.aanbieder))]
            let dupKey = SearchText.fold(value(.aanbieder)) + "|" + SearchText.fold(value(.naam))
            if let first = seenInFile[dupKey], !value(.naam).isEmpty {
                rowProblems.append("deze dienst staat ook op regel \(first)")
            } else { seenInFile[dupKey] = line }

            let existing = provider.flatMap { context.existingServices[$0.id.uuidString + "|" + SearchText.fold(value(.naam))] }
            let service = MapService(id: existing ?? UUID(), providerID: provider?.id ?? UUID(), ownerOrganisationID: owner, name: value(.naam),
                                     route: route ?? .sociaalDomein, description: value(.omschrijving), targetGroup: value(.doelgroep),
                                     eligibility: value(.voorwaarden), referralRequired: referral ?? false, cost: value(.kosten), languages: languages,
                                     publicPhone: value(.telefoon).isEmpty ? nil : value(.telefoon), publicEmail: value(.email).isEmpty ? nil : value(.email),
                                     website: value(.website).isEmpty ? nil : value(.website),
                                     professionalContact: value(.contactProfessionals).isEmpty ? nil : value(.contactProfessionals),
                                     internalNote: value(.interneNotitie).isEmpty ? nil : value(.interneNotitie), wijkIDs: wijkIDs,
                                     isSteuncentrum: flags[.steuncentrum] ?? (route == .steuncentrum),
                                     ervaringsdeskundigen: flags[.ervaringsdeskundigen] ?? false,
                                     lastCheckedAt: context.now, updatedAt: context.now)
            let v = service.validate()
            if v["name"] == "error_too_long" { rowProblems.append("naam is langer dan 200 tekens") }
            if v["description"] == "error_too_long" { rowProblems.append("omschrijving is langer dan 4000 tekens") }
            if v["publicEmail"] != nil { rowProblems.append("e-mailadres \"\(value(.email))\" is ongeldig") }
            if v["website"] != nil { rowProblems.append("website moet met https:// beginnen") }
            if rowProblems.isEmpty {
                rows.append(Row(line: line, providerName: value(.aanbieder), providerID: provider?.id, existingServiceID: existing, service: service, wait: wait))
            } else {
                problems.append(contentsOf: rowProblems.map { ImportProblem(line: line, message: $0) })
            }
        }
        return problems.isEmpty ? .success(rows) : .failure(ImportRejected(problems))
    }

    /// A file with the header and one example row, to start from.
    public static var template: String {
        Column.allCases.map(\.rawValue).joined(separator: ";") + "\n"
            + "Budgetcoaching Voorbeeld;Stichting Voorbeeld;sociaal domein;Samen grip krijgen op uw geld.;Volwassenen;Woont in de regio;nee;Gratis;nl, en;010-1234567;info@voorbeeld.example;https://voorbeeld.example;Centrum;;1;;nee;ja;;\n"
    }
}
