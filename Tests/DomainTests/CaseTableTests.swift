import Domain
import Foundation
import Testing

@Suite struct IdentifierCheckTests {
    func kinds(_ text: String, name: String? = nil) -> [IdentifierCheck.Kind] {
        IdentifierCheck.findings(in: text, about: name.map(IdentifierCheck.Person.init)).map(\.kind)
    }

    /// Each kind of direct identifier, written the ways people write it.
    @Test(arguments: [
        ("BSN 123456782 bekend", IdentifierCheck.Kind.bsn),
        ("bsn: 1234.56.782", .bsn),
        ("nummer 123 456 782", .bsn),
        ("belde 3 keer 123 456 782", .bsn),
        ("bel 06-12345678", .phone),
        ("bel 0612345678", .phone),
        ("bel 06 12 34 56 78", .phone),
        ("bel +31 6 12345678", .phone),
        ("bel +31 (0)6 1234 5678", .phone),
        ("bel 0031 6 12345678", .phone),
        ("bel 010-1234567", .phone),
        ("bel (010) 123 45 67", .phone),
        ("mail jan.modaal@example.nl", .email),
        ("mail jan (at) example.nl", .email),
        ("geboren 07-03-1985", .date),
        ("sinds 7/3/85 in beeld", .date),
        ("op 1985-03-07", .date),
        ("geboren op 7 maart 1985", .date),
        ("born March 7, 1985", .date),
        ("geboren in 1985", .date),
        ("geboortejaar: 1985", .date),
        ("woont op 3011 AB", .address),
        ("woont op 3011ab", .address),
        ("woont Kerkstraat 12", .address),
        ("woont aan de Lindelaan 4b", .address),
    ])
    func findsEachKind(text: String, kind: IdentifierCheck.Kind) {
        #expect(kinds(text) == [kind], "\(text)")
    }

    @Test func findsTheClientsOwnNameIgnoringCaseAccentsAndParticles() {
        #expect(kinds("Jan slaapt slecht", name: "Jan van der Modaal") == [.name])
        #expect(kinds("meneer MODAAL belt", name: "Jan van der Modaal") == [.name])
        #expect(kinds("mevrouw Ozturk", name: "Ayşe Öztürk") == [.name])
        #expect(kinds("ze woont van de zomer bij der vader", name: "Jan van der Modaal").isEmpty, "name particles alone identify no one")
        #expect(kinds("Janssen en Jansen", name: "Jan Modaal").isEmpty, "whole words only")
        #expect(kinds("schulden", name: "Jan Modaal").isEmpty)
    }

    /// Ordinary case text must pass: figures, years, durations, short numbers.
    @Test(arguments: [
        "Twee keer per week naar de inloop, sinds 2023 en in 2024 opnieuw.",
        "Wachttijd 4 weken; score 12 op de vragenlijst; 3 kinderen van 4, 7 en 12.",
        "Gesprekken in maart en april; budget 1500 euro per maand.",
        "De POH-GGZ zag haar 6 keer. Advies: 10 weken wachten is te lang.",
        "Leeftijd 35-44, wijk Centrum.",
        "Schulden van ongeveer 12.000 euro bij 3 schuldeisers.",
    ])
    func passesOrdinaryText(text: String) {
        #expect(kinds(text, name: "Jan Modaal").isEmpty, "\(text)")
    }

    @Test func reportsEveryFindingInOrderWithTheTextAsTyped() {
        let found = IdentifierCheck.findings(in: "Jan: 06-12345678, jan@example.nl, 123456782", about: .init(name: "Jan Modaal"))
        #expect(found.map(\.kind) == [.name, .phone, .email, .bsn])
        #expect(found.map(\.text) == ["Jan", "06-12345678", "jan@example.nl", "123456782"])
    }
}

@Suite struct TableCaseRulesTests {
    let at = Date(timeIntervalSince1970: 1_795_000_000)
    let chair = UUID(), submitter = UUID()

    func newCase() -> TableCase {
        TableCase(tableID: UUID(), submittedBy: submitter, submitterOrganisationID: UUID(), submittedAt: at, ageBand: .from25, wijkID: nil,
                  situation: "Situatie", tried: "", question: "Vraag?", urgency: .regulier)
    }

    @Test func theStateMachineAllowsOnlyItsTransitionsByTheRightParty() throws {
        var c = newCase()
        #expect(throws: CaseTransitionError.notAllowed(from: .submitted)) { try c.apply(.advise(text: "x"), by: .chair, userID: chair, at: at) }
        #expect(throws: CaseTransitionError.wrongParty) { try c.apply(.schedule(sessionID: UUID()), by: .submitter, userID: submitter, at: at) }
        try c.apply(.schedule(sessionID: UUID()), by: .chair, userID: chair, at: at)
        #expect(c.status == .scheduled)
        #expect(throws: CaseTransitionError.textRequired) { try c.apply(.advise(text: "  "), by: .chair, userID: chair, at: at) }
        let org = UUID()
        try c.apply(.proposeTakeover(organisationID: org, text: "Neemt over"), by: .chair, userID: chair, at: at.addingTimeInterval(86400 * 3))
        #expect(c.status == .takeoverProposed && c.takeoverOrganisationID == org && c.daysToAdvice == 3)
        #expect(throws: CaseTransitionError.notAllowed(from: .takeoverProposed)) { try c.apply(.withdraw(reason: "x"), by: .submitter, userID: submitter, at: at) }
        #expect(throws: CaseTransitionError.wrongParty) { try c.apply(.confirmTakeover(handoverID: nil), by: .chair, userID: chair, at: at) }
        try c.apply(.confirmTakeover(handoverID: UUID()), by: .submitter, userID: submitter, at: at)
        #expect(c.status == .takenOver && c.status.isClosed)

        var d = newCase()
        try d.apply(.withdraw(reason: "Elders geholpen"), by: .submitter, userID: submitter, at: at)
        #expect(d.status == .withdrawn)
        #expect(throws: CaseTransitionError.notAllowed(from: .withdrawn)) { try d.apply(.schedule(sessionID: UUID()), by: .chair, userID: chair, at: at) }
    }

    @Test func theFormRefusesIdentifiersPerField() {
        var c = newCase()
        c.situation = "Jan belt met 06-12345678"
        c.question = ""
        let (errors, findings) = c.validate(about: .init(name: "Jan Modaal"))
        #expect(errors["situation"] == "error_ct_identifiers" && errors["question"] == "error_required" && errors["tried"] == nil)
        #expect(findings["situation"]?.map(\.kind) == [.name, .phone])
    }

    @Test func figuresCountAnsweredCasesAndTheShareTakenOver() throws {
        func answered(_ days: Double, takeover: Bool, confirm: Bool) throws -> TableCase {
            var c = newCase()
            try c.apply(.schedule(sessionID: UUID()), by: .chair, userID: chair, at: at)
            let t = at.addingTimeInterval(days * 86400)
            if takeover {
                try c.apply(.proposeTakeover(organisationID: UUID(), text: "x"), by: .chair, userID: chair, at: t)
                if confirm { try c.apply(.confirmTakeover(handoverID: nil), by: .submitter, userID: submitter, at: t) }
            } else {
                try c.apply(.advise(text: "x"), by: .chair, userID: chair, at: t)
            }
            return c
        }
        let cases = [try answered(2, takeover: false, confirm: false), try answered(10, takeover: true, confirm: true),
                     try answered(4, takeover: true, confirm: false), try answered(6, takeover: false, confirm: false), newCase()]
        let f = TableFigures(cases: cases)
        #expect(f.submitted == 5 && f.answered == 4 && f.takenOver == 1 && f.open == 2)
        #expect(f.medianDaysToAdvice == 5)  // 2, 4, 6, 10
        #expect(f.shareTakenOver == 1.0 / 3.0, "a pending take-over is not settled yet")
        #expect(TableFigures(cases: []).medianDaysToAdvice == nil && TableFigures(cases: []).shareTakenOver == nil)
    }

    @Test func ageBandsAndSessionsAndLinks() {
        #expect(AgeBand(age: 17) == .under18 && AgeBand(age: 18) == .from18 && AgeBand(age: 44) == .from35 && AgeBand(age: 90) == .from75)
        let s = TableSession(tableID: UUID(), startsAt: at, durationMinutes: 30, meetingLink: "https://meet.example.nl/x")
        #expect(s.capacity == 3 && s.validate(now: at).isEmpty)
        #expect(TableSession(tableID: UUID(), startsAt: at, durationMinutes: 5, meetingLink: "http://meet.example.nl").validate(now: at).fields.keys.sorted()
                == ["duration", "meeting_link"])
        #expect(MeetingLink.validate("javascript:alert(1)") == nil && MeetingLink.validate("https://localhost") == nil)
        #expect(MeetingLink.validate(" https://teams.microsoft.com/l/meetup-join/abc ") == "https://teams.microsoft.com/l/meetup-join/abc")
    }
}
