import Domain
import Foundation
import Testing

@Suite struct BaselineCSVTests {
    let north = UUID(), south = UUID()
    var context: BaselineCSV.Context {
        BaselineCSV.Context(practicesByAGB: ["01012345": north, "01-067890": south], currentMonth: YearMonth(year: 2025, month: 6)!)
    }
    func issues(_ text: String) -> [BaselineCSV.Problem] {
        guard case .failure(let rejected) = BaselineCSV.read(text, context: context) else { Issue.record("accepted"); return [] }
        return rejected.problems
    }

    @Test func readsDutchHeadersWithSemicolonsAndThousandDots() throws {
        let text = "\u{FEFF}AGB;Maand;Praktijk;Ingeschreven patiënten;verwijzingen_basis_ggz;Verwijzingen-Specialistische-GGZ\r\n"
            + "01012345;2025-01;De Linde;2.350;6;3\r\n"
            + ";;;;;\r\n"
            + "1067890;2025-6;Het Anker;1800;0;0\r\n"
        let rows = try BaselineCSV.read(text, context: context).get()
        #expect(rows == [
            BaselineMonth(organisationID: north, month: YearMonth(year: 2025, month: 1)!, registeredPatients: 2350, referralsBasic: 6, referralsSpecialised: 3, line: 2),
            BaselineMonth(organisationID: south, month: YearMonth(year: 2025, month: 6)!, registeredPatients: 1800, referralsBasic: 0, referralsSpecialised: 0, line: 4),
        ], "blank rows are skipped, a 7-digit code gets its zero back, the current month is allowed")
    }

    @Test func readsEnglishHeadersWithCommasInAnyOrder() throws {
        let text = "registered_patients,month,referrals_specialised,agb,referrals_basic\n2000,2024-12,1,01012345,4\n"
        let rows = try BaselineCSV.read(text, context: context).get()
        #expect(rows.map(\.referralsTotal) == [5] && rows.first?.month == YearMonth(year: 2024, month: 12))
    }

    @Test func everyBadLineIsReportedAndNothingIsAccepted() {
        let text = """
            agb;maand;praktijk;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz
            01012345;2025-01;De Linde;2350;6;3
            99999999;2025-01;Onbekend;100;1;1
            0101;2025-01;;100;1;1
            01012345;jan-25;;100;1;1
            01012345;2025-13;;100;1;1
            01012345;2025-07;;100;1;1
            01067890;2025-02;;100;1,5;-2
            01067890;2025-03;;0;0;0
            01067890;2025-04;;10;6;5
            01067890;2025-05;;;1;1
            01012345;2025-01;De Linde;2350;6;3
            """
        let problems = issues(text)
        let expected: [(Int, BaselineCSV.Issue)] = [
            (3, .unknownAGB("99999999", practice: "Onbekend")),
            (4, .malformedAGB("0101")),
            (5, .malformedMonth("jan-25")),
            (6, .malformedMonth("2025-13")),
            (7, .futureMonth(YearMonth(year: 2025, month: 7)!)),
            (8, .notAWholeNumber(column: "verwijzingen_basis_ggz", value: "1,5")),
            (8, .negative(column: "verwijzingen_specialistische_ggz", value: "-2")),
            (9, .noPatients),
            (10, .referralsExceedPatients(referrals: 11, patients: 10)),
            (11, .emptyValue(column: "ingeschreven_patienten")),
            (12, .duplicate(agb: "01012345", month: YearMonth(year: 2025, month: 1)!, firstLine: 2)),
        ]
        #expect(problems == expected.map { BaselineCSV.Problem(line: $0.0, $0.1) })
    }

    @Test func missingUnknownAndDoubledColumnsStopBeforeTheRows() {
        let problems = issues("agb;month;maand;aantal;registered_patients\n01012345;2025-01;2025-01;1;100\n")
        #expect(problems.map(\.issue) == [.duplicateColumn("maand"), .unknownColumn("aantal"),
                                          .missingColumn(.verwijzingenBasisGGZ), .missingColumn(.verwijzingenSpecialistischeGGZ)])
        #expect(problems.allSatisfy { $0.line == 1 })
    }

    @Test func emptyFilesAndBrokenQuotes() {
        #expect(issues("") == [BaselineCSV.Problem(line: nil, .emptyFile)])
        #expect(issues("\u{FEFF};;\n\n;;\n") == [BaselineCSV.Problem(line: nil, .emptyFile)])
        #expect(issues("agb;maand;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz\n")
                    == [BaselineCSV.Problem(line: nil, .noRows)])
        #expect(issues("agb;maand;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz\n01012345;\"2025-01;1;1;1\n")
                    == [BaselineCSV.Problem(line: 2, .unterminatedQuote)])
    }

    @Test func twoCodesOfOnePracticeCollideOnTheSameMonth() {
        let ctx = BaselineCSV.Context(practicesByAGB: ["01012345": north, "01012346": north], currentMonth: YearMonth(year: 2025, month: 6)!)
        let text = "agb;maand;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz\n01012345;2025-01;10;1;1\n01012346;2025-01;10;1;1\n"
        guard case .failure(let r) = BaselineCSV.read(text, context: ctx) else { Issue.record("accepted"); return }
        #expect(r.issues == [.duplicate(agb: "01012346", month: YearMonth(year: 2025, month: 1)!, firstLine: 2)])
    }

    @Test func problemsBecomeSentencesInTheReadersLanguage() {
        let rejected = BaselineCSV.Rejected([BaselineCSV.Problem(line: 7, .duplicate(agb: "01012345", month: YearMonth(year: 2025, month: 1)!, firstLine: 2))])
        let texts = ["bl_import_duplicate": "AGB-code {agb} met maand {month} staat ook op regel {first}."]
        let localized = rejected.localized { key, args in
            args.reduce(texts[key] ?? key) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        #expect(localized.problems == [ImportProblem(line: 7, message: "AGB-code 01012345 met maand 2025-01 staat ook op regel 2.")])
        #expect(BaselineCSV.Issue.unknownAGB("1", practice: "").key == "bl_import_unknown_agb")
        #expect(BaselineCSV.Issue.missingColumn(.maand).arguments == ["column": "maand", "english": "month"])
    }

    @Test func agbCodesAndTemplate() throws {
        #expect(BaselineCSV.agbCode("01 01 23 45") == "01012345" && BaselineCSV.agbCode("1012345") == "01012345")
        #expect(BaselineCSV.agbCode("123456") == nil && BaselineCSV.agbCode("0101234x") == nil && BaselineCSV.agbCode("010123456") == nil)
        let rows = try BaselineCSV.read(BaselineCSV.template, context: BaselineCSV.Context(practicesByAGB: ["01012345": north], now: Date())).get()
        #expect(rows.count == 1 && rows[0].registeredPatients == 2350)
    }
}
