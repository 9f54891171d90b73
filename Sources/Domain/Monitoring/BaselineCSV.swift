import Foundation

/// One GP practice's month of GGZ referrals: before go-live the baseline the network is measured
/// against, after go-live the referrals that still go outside MGN. Counts only, no client data.
public struct BaselineMonth: Sendable, Equatable, Hashable {
    public var organisationID: UUID
    public var month: YearMonth
    /// Patients registered with the practice (the denominator of every rate), at least 1.
    public var registeredPatients: Int
    /// Referrals to basis GGZ.
    public var referralsBasic: Int
    /// Referrals to specialistische GGZ.
    public var referralsSpecialised: Int
    /// The line in the file it came from, for messages; not stored.
    public var line: Int

    public init(organisationID: UUID, month: YearMonth, registeredPatients: Int, referralsBasic: Int, referralsSpecialised: Int, line: Int) {
        self.organisationID = organisationID; self.month = month; self.registeredPatients = registeredPatients
        self.referralsBasic = referralsBasic; self.referralsSpecialised = referralsSpecialised; self.line = line
    }

    public var referralsTotal: Int { referralsBasic + referralsSpecialised }
}

/// The coordinator's spreadsheet of practice months: one row per practice per month, Dutch or English
/// column names, `;` or `,`. All rows valid or nothing, every problem with its line (the shape of
/// `ServiceCSV`). Storing replaces what is already stored for the same practice and month — that is
/// the repository's job, so correcting a month is uploading it again.
///
/// Problems are message keys with arguments rather than Dutch sentences, so the page can show them
/// in the reader's language (`Rejected.localized`).
public enum BaselineCSV {
    public enum Column: String, CaseIterable, Sendable {
        case agb, maand
        case ingeschrevenPatienten = "ingeschreven_patienten"
        case verwijzingenBasisGGZ = "verwijzingen_basis_ggz"
        case verwijzingenSpecialistischeGGZ = "verwijzingen_specialistische_ggz"
        /// The practice's name: only to make messages recognisable; the AGB code decides.
        case praktijk

        public static let required: [Column] = [.agb, .maand, .ingeschrevenPatienten, .verwijzingenBasisGGZ, .verwijzingenSpecialistischeGGZ]

        /// The accepted English header.
        public var english: String {
            switch self {
            case .agb: "agb"
            case .maand: "month"
            case .ingeschrevenPatienten: "registered_patients"
            case .verwijzingenBasisGGZ: "referrals_basic"
            case .verwijzingenSpecialistischeGGZ: "referrals_specialised"
            case .praktijk: "practice"
            }
        }

        /// A header cell as typed: any case, accents ("patiënten"), spaces or hyphens for underscores.
        public static func named(_ header: String) -> Column? {
            let key = header.trimmingCharacters(in: .whitespacesAndNewlines)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            if key == "referrals_specialized" { return .verwijzingenSpecialistischeGGZ }
            return allCases.first { $0.rawValue == key || $0.english == key }
        }
    }

    /// What the rows are checked against.
    public struct Context: Sendable {
        /// Practices known in MGN by AGB code (normalised with `agbCode`).
        public var practicesByAGB: [String: UUID]
        /// Later months are refused: nobody can have counted them yet.
        public var currentMonth: YearMonth

        public init(practicesByAGB: [String: UUID], currentMonth: YearMonth) {
            var map: [String: UUID] = [:]
            for (code, id) in practicesByAGB { if let c = BaselineCSV.agbCode(code) { map[c] = id } }
            self.practicesByAGB = map; self.currentMonth = currentMonth
        }

        /// The current month in Europe/Amsterdam, unless told otherwise.
        public init(practicesByAGB: [String: UUID], now: Date, calendar: Calendar = WorkingDays().calendar) {
            self.init(practicesByAGB: practicesByAGB, currentMonth: YearMonth(now, calendar: calendar))
        }
    }

    /// Why a file or a line is refused. `key` and `arguments` are for the locale files.
    public enum Issue: Sendable, Equatable {
        case unterminatedQuote
        case emptyFile
        case noRows
        case unknownColumn(String)
        case duplicateColumn(String)
        case missingColumn(Column)
        /// `column` as the file's header names it.
        case emptyValue(column: String)
        case malformedAGB(String)
        case unknownAGB(String, practice: String)
        case malformedMonth(String)
        case futureMonth(YearMonth)
        case notAWholeNumber(column: String, value: String)
        case negative(column: String, value: String)
        case noPatients
        case referralsExceedPatients(referrals: Int, patients: Int)
        /// The same practice and month on an earlier line.
        case duplicate(agb: String, month: YearMonth, firstLine: Int)

        public var key: String {
            switch self {
            case .unterminatedQuote: "bl_import_unterminated_quote"
            case .emptyFile: "bl_import_empty_file"
            case .noRows: "bl_import_no_rows"
            case .unknownColumn: "bl_import_unknown_column"
            case .duplicateColumn: "bl_import_duplicate_column"
            case .missingColumn: "bl_import_missing_column"
            case .emptyValue: "bl_import_empty_value"
            case .malformedAGB: "bl_import_malformed_agb"
            case .unknownAGB(_, let practice): practice.isEmpty ? "bl_import_unknown_agb" : "bl_import_unknown_agb_named"
            case .malformedMonth: "bl_import_malformed_month"
            case .futureMonth: "bl_import_future_month"
            case .notAWholeNumber: "bl_import_not_whole_number"
            case .negative: "bl_import_negative"
            case .noPatients: "bl_import_no_patients"
            case .referralsExceedPatients: "bl_import_referrals_exceed_patients"
            case .duplicate: "bl_import_duplicate"
            }
        }

        public var arguments: [String: String] {
            switch self {
            case .unterminatedQuote, .emptyFile, .noRows, .noPatients: [:]
            case .unknownColumn(let c), .duplicateColumn(let c): ["column": c]
            case .missingColumn(let c): ["column": c.rawValue, "english": c.english]
            case .emptyValue(let c): ["column": c]
            case .malformedAGB(let v), .malformedMonth(let v): ["value": v]
            case .unknownAGB(let agb, let practice): ["agb": agb, "practice": practice]
            case .futureMonth(let m): ["month": m.description]
            case .notAWholeNumber(let c, let v), .negative(let c, let v): ["column": c, "value": v]
            case .referralsExceedPatients(let r, let p): ["referrals": String(r), "patients": String(p)]
            case .duplicate(let agb, let m, let first): ["agb": agb, "month": m.description, "first": String(first)]
            }
        }
    }

    public struct Problem: Sendable, Equatable {
        /// Nil when the problem is with the whole file.
        public var line: Int?
        public var issue: Issue
        public init(line: Int?, _ issue: Issue) { self.line = line; self.issue = issue }
    }

    /// The "not at all" of an all-or-nothing import, with every reason.
    public struct Rejected: Error, Sendable, Equatable {
        public var problems: [Problem]
        public init(_ problems: [Problem]) { self.problems = problems }
        public var issues: [Issue] { problems.map(\.issue) }

        /// In words, for the page that already lists `ImportRejected` (pass the request's translator).
        public func localized(_ translate: (_ key: String, _ arguments: [String: String]) -> String) -> ImportRejected {
            ImportRejected(problems.map { ImportProblem(line: $0.line, message: translate($0.issue.key, $0.issue.arguments)) })
        }
    }

    public static func read(_ text: String, context: Context) -> Result<[BaselineMonth], Rejected> {
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            switch error { case .unterminatedQuote(let line): return .failure(Rejected([Problem(line: line, .unterminatedQuote)])) }
        }
        // Spreadsheets export empty rows as ";;;;": they are not rows.
        let nonBlank = records.filter { $0.fields.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
        guard let header = nonBlank.first else { return .failure(Rejected([Problem(line: nil, .emptyFile)])) }

        var index: [Column: Int] = [:]
        var names: [Column: String] = [:]
        var problems: [Problem] = []
        for (i, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            guard let c = Column.named(name) else { problems.append(Problem(line: header.line, .unknownColumn(name))); continue }
            if index[c] != nil { problems.append(Problem(line: header.line, .duplicateColumn(name))); continue }
            index[c] = i; names[c] = name
        }
        for c in Column.required where index[c] == nil { problems.append(Problem(line: header.line, .missingColumn(c))) }
        guard problems.isEmpty else { return .failure(Rejected(problems)) }
        guard nonBlank.count > 1 else { return .failure(Rejected([Problem(line: nil, .noRows)])) }

        var firstLine: [String: Int] = [:]
        var rows: [BaselineMonth] = []
        for record in nonBlank.dropFirst() {
            let line = record.line
            var issues: [Issue] = []
            func value(_ c: Column) -> String {
                guard let i = index[c], i < record.fields.count else { return "" }
                return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func present(_ c: Column) -> String? {
                let v = value(c)
                if v.isEmpty { issues.append(.emptyValue(column: names[c] ?? c.rawValue)) }
                return v.isEmpty ? nil : v
            }
            func count(_ c: Column) -> Int? {
                guard let v = present(c) else { return nil }
                guard let n = wholeNumber(v) else { issues.append(.notAWholeNumber(column: names[c] ?? c.rawValue, value: v)); return nil }
                if n < 0 { issues.append(.negative(column: names[c] ?? c.rawValue, value: v)); return nil }
                return n
            }

            var organisation: UUID?, agb: String?
            if let v = present(.agb) {
                agb = agbCode(v)
                if let agb {
                    organisation = context.practicesByAGB[agb]
                    if organisation == nil { issues.append(.unknownAGB(agb, practice: value(.praktijk))) }
                } else { issues.append(.malformedAGB(v)) }
            }
            var month: YearMonth?
            if let v = present(.maand) {
                month = yearMonth(v)
                if month == nil { issues.append(.malformedMonth(v)) }
                else if let m = month, m > context.currentMonth { issues.append(.futureMonth(m)); month = nil }
            }
            let patients = count(.ingeschrevenPatienten)
            let basic = count(.verwijzingenBasisGGZ), specialised = count(.verwijzingenSpecialistischeGGZ)
            if patients == 0 { issues.append(.noPatients) }
            if let patients, patients > 0, let basic, let specialised, basic + specialised > patients {
                issues.append(.referralsExceedPatients(referrals: basic + specialised, patients: patients))
            }
            // Keyed by organisation, not by code: two codes of one practice would overwrite each other.
            if let organisation, let month, let agb {
                let key = "\(organisation.uuidString)|\(month)"
                if let first = firstLine[key] { issues.append(.duplicate(agb: agb, month: month, firstLine: first)) } else { firstLine[key] = line }
            }

            if issues.isEmpty, let organisation, let month, let patients, let basic, let specialised {
                rows.append(BaselineMonth(organisationID: organisation, month: month, registeredPatients: patients,
                                          referralsBasic: basic, referralsSpecialised: specialised, line: line))
            } else {
                problems.append(contentsOf: issues.map { Problem(line: line, $0) })
            }
        }
        return problems.isEmpty ? .success(rows) : .failure(Rejected(problems))
    }

    /// An AGB code as 8 digits, or nil. Spaces, dots and hyphens ("01-234567") are dropped. Seven digits
    /// get their leading zero back: GP codes start with "01" and spreadsheets eat the zero; a wrong
    /// guess cannot slip through, since the code must still be a known practice.
    public static func agbCode(_ text: String) -> String? {
        let digits = text.filter { !" .-\u{00A0}".contains($0) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch digits.count {
        case 8: return digits
        case 7: return "0" + digits
        default: return nil
        }
    }

    /// "2025-03" (or "2025-3"). Spreadsheets that turned it into a date are refused, not guessed at.
    static func yearMonth(_ text: String) -> YearMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return YearMonth(year: y, month: m)
    }

    /// A whole number, allowing Dutch thousands dots ("12.345"): in a count a dot can't be a decimal.
    static func wholeNumber(_ text: String) -> Int? {
        var t = Substring(text)
        let negative = t.first == "-"
        if negative { t = t.dropFirst() }
        let groups = t.split(separator: ".", omittingEmptySubsequences: false)
        guard !t.isEmpty, t.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
              groups.count == 1 || (groups[0].count <= 3 && !groups[0].isEmpty && groups.dropFirst().allSatisfy { $0.count == 3 }),
              let n = Int(groups.joined()) else { return nil }
        return negative ? -n : n
    }

    /// A file with the header and one example row, to start from.
    public static var template: String {
        "agb;maand;praktijk;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz\n"
            + "01012345;2025-01;Huisartsenpraktijk Voorbeeld;2350;6;3\n"
    }
}
