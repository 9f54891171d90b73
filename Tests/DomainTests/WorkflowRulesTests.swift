import Foundation
import Testing
@testable import Domain

@Suite struct BSNTests {
    // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66 = 6·11; 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    @Test(arguments: ["111222333", "123456782", "1234.56.782", " 123 456 782 "])
    func passesTheElfproef(_ raw: String) { #expect(BSN(raw) != nil) }

    // …−9 = 147, not a multiple of 11; wrong lengths; letters; all zeros
    @Test(arguments: ["123456789", "12345678", "1234567820", "12345678a", "000000000", ""])
    func failsTheElfproef(_ raw: String) { #expect(BSN(raw) == nil) }

    @Test func eightDigitsGetTheirLeadingZero() {
        // 0·9+1·8+1·7+1·6+2·5+2·4+2·3+3·2 = 51; 51 − 7 = 44 = 4·11
        #expect(BSN("11122237")?.value == "011122237")
        #expect(BSN("123456782")?.masked == "•••••6782")
    }
}

@Suite struct WorkingDaysTests {
    let wd = WorkingDays()
    func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 12) -> Date {
        wd.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))!
    }

    @Test(arguments: [(2000, 4, 23), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25)])
    func easterMatchesTheTables(_ y: Int, _ m: Int, _ d: Int) {
        #expect(WorkingDays.easter(y) == (m, d))
    }

    @Test func koningsdagMovesToSaturdayWhenThe27thIsASunday() {
        #expect(wd.holidays(in: 2025)[.koningsdag]?.day == 26)  // 27 April 2025 is a Sunday
        #expect(wd.holidays(in: 2014)[.koningsdag]?.day == 26)
        #expect(wd.holidays(in: 2026)[.koningsdag]?.day == 27)
    }

    /// The arithmetic holiday days agree with the calendar-computed holidays, and `adding` with a
    /// day-by-day count through the calendar (the way it was first written), over many years and starts.
    @Test func dayNumberHolidaysAndDeadlinesAgreeWithTheCalendar() {
        for year in 2000...2040 {
            let byCalendar = Set(wd.holidays(in: year).values.map { DayNumber.of(year: $0.year!, month: $0.month!, day: $0.day!) })
            #expect(Set(WorkingDays.holidayDays(in: year)) == byCalendar, "\(year)")
        }
        // Days are checked at noon through the calendar; the clock time is then kept in one step, so a
        // start at 02:30 keeps 02:30 even when the days in between cross the night the clocks go forward.
        func reference(_ n: Int, _ start: Date) -> Date {
            let noon = wd.calendar.date(bySettingHour: 12, minute: 0, second: 0, of: start)!
            var k = 0, left = n
            while left > 0 {
                k += 1
                let date = wd.calendar.date(byAdding: .day, value: k, to: noon)!
                let weekday = wd.calendar.component(.weekday, from: date)
                let c = wd.calendar.dateComponents([.year, .month, .day], from: date)
                let holiday = wd.holidays(in: c.year!).values.contains { $0.month == c.month && $0.day == c.day }
                if weekday != 1 && weekday != 7 && !holiday { left -= 1 }
            }
            return wd.calendar.date(byAdding: .day, value: k, to: start)!
        }
        var start = date(2025, 12, 20, 9)
        while start < date(2027, 1, 10, 9) {
            for n in [1, 2, 3, 5, 10] { #expect(wd.adding(n, to: start) == reference(n, start), "\(n) after \(start)") }
            start = start.addingTimeInterval(86_400 + 3_917)  // every day, at a drifting time (DST changes included)
        }
    }

    @Test func movableFeastsOf2026() {
        let h = wd.holidays(in: 2026)
        #expect(h[.goedeVrijdag]?.day == 3 && h[.goedeVrijdag]?.month == 4)
        #expect(h[.hemelvaartsdag]?.day == 14 && h[.hemelvaartsdag]?.month == 5)
        #expect(h[.tweedePinksterdag]?.day == 25 && h[.tweedePinksterdag]?.month == 5)
    }

    @Test func fiveWorkingDaysOverEaster() {
        // Thursday 2 April 2026; Good Friday 3 April and Easter Monday 6 April are not working days.
        let start = date(2026, 4, 2, 10)
        #expect(wd.adding(5, to: start) == date(2026, 4, 13, 10))
        #expect(wd.count(from: start, to: date(2026, 4, 13, 9)) == 5)
        #expect(!wd.isWorkingDay(date(2026, 4, 3)) && !wd.isWorkingDay(date(2026, 4, 4)) && wd.isWorkingDay(date(2026, 4, 7)))
    }

    @Test func aFridayRequestIsDueTheNextFriday() {
        #expect(wd.adding(5, to: date(2026, 11, 20, 16)) == date(2026, 11, 27, 16))
        #expect(wd.count(from: date(2026, 11, 20, 16), to: date(2026, 11, 20, 17)) == 0)
    }
}

@Suite struct HandoverStateMachineTests {
    typealias SM = HandoverStateMachine

    @Test func theClosedLoopPath() throws {
        var s = HandoverStatus.requested
        s = try SM.next(s, .accept, by: .receiver); #expect(s == .accepted)
        s = try SM.next(s, .firstContact, by: .receiver); #expect(s == .inProgress)
        s = try SM.next(s, .complete, by: .receiver); #expect(s == .completed)
    }

    @Test func onlyTheReceiverAnswersAndOnlyTheSenderCancels() {
        #expect(throws: HandoverTransitionError.wrongParty(event: "accept")) { try SM.next(.requested, .accept, by: .sender) }
        #expect(throws: HandoverTransitionError.wrongParty(event: "reject")) { try SM.next(.requested, .reject(reason: "vol"), by: .sender) }
        #expect(throws: HandoverTransitionError.wrongParty(event: "cancel")) { try SM.next(.accepted, .cancel(reason: "x"), by: .receiver) }
    }

    @Test func aRejectionOrCancellationNeedsAReason() {
        #expect(throws: HandoverTransitionError.reasonRequired) { try SM.next(.requested, .reject(reason: "  "), by: .receiver) }
        #expect(throws: HandoverTransitionError.reasonRequired) { try SM.next(.requested, .cancel(reason: ""), by: .sender) }
    }

    static let events: [HandoverEvent] = [.accept, .reject(reason: "r"), .firstContact, .complete, .cancel(reason: "r")]
    static let legal: Set<String> = ["requested accept receiver", "requested reject receiver", "accepted firstContact receiver",
                                     "in-progress complete receiver", "requested cancel sender", "accepted cancel sender",
                                     "in-progress cancel sender"]

    /// Every combination of state, event and party: exactly the legal ones pass.
    @Test(arguments: HandoverStatus.allCases)
    func everyIllegalTransitionIsRefused(_ status: HandoverStatus) {
        for event in Self.events {
            for party in [HandoverParty.sender, .receiver] {
                let name = "\(status.rawValue) \(String("\(event)".prefix { $0 != "(" })) \(party)"
                let result = Result { try SM.next(status, event, by: party) }
                switch result {
                case .success: #expect(Self.legal.contains(name), "allowed but should not be: \(name)")
                case .failure: #expect(!Self.legal.contains(name), "refused but should be allowed: \(name)")
                }
            }
        }
    }

    @Test func closedStatesAreFinal() {
        for s in HandoverStatus.allCases where s.isClosed {
            for e in Self.events { #expect(throws: HandoverTransitionError.self) { try SM.next(s, e, by: .sender) } }
        }
    }

    @Test func anUnansweredHandoverIsOverdueAfterFiveWorkingDays() {
        let wd = WorkingDays()
        let requested = wd.calendar.date(from: DateComponents(year: 2026, month: 4, day: 2, hour: 10))!
        let norm = ResponseNorm.default
        #expect(!norm.isOverdue(status: .requested, requestedAt: requested, now: wd.calendar.date(from: DateComponents(year: 2026, month: 4, day: 10, hour: 10))!, calendar: wd))
        #expect(norm.isOverdue(status: .requested, requestedAt: requested, now: wd.calendar.date(from: DateComponents(year: 2026, month: 4, day: 13, hour: 11))!, calendar: wd))
        #expect(!norm.isOverdue(status: .accepted, requestedAt: requested, now: .distantFuture, calendar: wd))
    }
}

@Suite struct ConsentAndDuplicateTests {
    let client = UUID(), org = UUID(), other = UUID(), pro = UUID()
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func consentCoversOnlyItsPurposeOrganisationAndTime() {
        var c = Consent(clientID: client, purpose: .overdracht, organisationID: org, givenAt: t0, recordedBy: pro)
        #expect(ConsentPolicy.covers([c], purpose: .overdracht, organisationID: org, at: t0.addingTimeInterval(10)))
        #expect(!ConsentPolicy.covers([c], purpose: .overdracht, organisationID: other, at: t0.addingTimeInterval(10)))
        #expect(!ConsentPolicy.covers([c], purpose: .feedback, organisationID: org, at: t0.addingTimeInterval(10)))
        #expect(!ConsentPolicy.covers([c], purpose: .overdracht, organisationID: org, at: t0.addingTimeInterval(-10)))
        c.revokedAt = t0.addingTimeInterval(100)
        #expect(!ConsentPolicy.covers([c], purpose: .overdracht, organisationID: org, at: t0.addingTimeInterval(100)))
    }

    @Test func duplicatesBySameBSNOrSameNameBirthDateAndPostcode() {
        let dob = DateOnly(year: 1985, month: 6, day: 1)!
        let a = PersonKey(name: "Émile de Vries", dateOfBirth: dob, postcode: PC4("3011"), bsn: nil)
        #expect(DuplicateCheck.match(PersonKey(name: "emile devries", dateOfBirth: dob, postcode: PC4("3011 AB"), bsn: nil), a) == .sameNameBirthDatePostcode)
        #expect(DuplicateCheck.match(PersonKey(name: "Emile de Vries", dateOfBirth: dob, postcode: PC4("3012"), bsn: nil), a) == nil)
        let withBSN = PersonKey(name: "Iemand Anders", dateOfBirth: DateOnly(year: 1990, month: 1, day: 1)!, postcode: nil, bsn: BSN("123456782"))
        var b = a; b.bsn = BSN("123456782")
        #expect(DuplicateCheck.match(withBSN, b) == .sameBSN)
    }

    @Test func datesAsDutchPeopleWriteThem() {
        #expect(DateOnly("7-3-1985") == DateOnly(year: 1985, month: 3, day: 7))
        #expect(DateOnly("1985-03-07") == DateOnly(year: 1985, month: 3, day: 7))
        #expect(DateOnly("31-02-1985") == nil && DateOnly("1985") == nil)
        #expect(DateOnly(year: 1985, month: 3, day: 7)!.age(on: Date(timeIntervalSince1970: 1_795_000_000)) == 41)
    }
}

@Suite struct PlanningTests {
    let cal: Calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!; return c }()
    func at(_ d: Int, _ h: Int, _ m: Int = 0) -> Date { cal.date(from: DateComponents(year: 2026, month: 11, day: d, hour: h, minute: m))! }

    @Test func theCurrentWaitIsTheThirdFreeSlot() {
        let now = at(23, 9)
        #expect(CurrentWaitingTime.days(slotStarts: [at(24, 10), at(30, 9), at(25, 14), at(20, 9)], now: now, calendar: cal) == 7)
        #expect(CurrentWaitingTime.days(slotStarts: [at(24, 10), at(25, 9)], now: now, calendar: cal) == nil)
    }

    @Test func theDuoMeetsWhereBothAreFree() {
        let g = UUID(), s = UUID()
        let slots = DuoPlanner().slots(
            ggz: [g], sociaalDomein: [s],
            availability: [Availability(userID: g, start: at(24, 9), end: at(24, 12)), Availability(userID: s, start: at(24, 10), end: at(24, 14))],
            busy: [BusyPeriod(userID: s, start: at(24, 10), end: at(24, 11))], after: at(23, 9))
        #expect(slots.map(\.start) == [at(24, 11)])
        #expect(slots.first?.ggzUserID == g && slots.first?.sociaalDomeinUserID == s)
    }

    @Test func slotsFollowEachOtherAndStartAfterNow() {
        let g = UUID(), s = UUID()
        let slots = DuoPlanner(duration: 3600).slots(
            ggz: [g], sociaalDomein: [s],
            availability: [Availability(userID: g, start: at(24, 9), end: at(24, 13)), Availability(userID: s, start: at(24, 9), end: at(24, 13))],
            busy: [], after: at(24, 9, 30))
        #expect(slots.map(\.start) == [at(24, 9, 30), at(24, 10, 30), at(24, 11, 30)])
    }
}

@Suite struct HandoverKindTests {
    let region = UUID()
    @Test func kindsFollowTheOrganisations() {
        let ggz = Organisation(regionID: region, name: "G", type: .ggzAanbieder)
        let gp = Organisation(regionID: region, name: "H", type: .huisartsenpraktijk)
        let wt = Organisation(regionID: region, name: "W", type: .sociaalWijkteam)
        let a = UUID(), b = UUID()
        #expect(HandoverRules.kind(from: gp, fromTeamID: nil, to: ggz, toTeamID: nil) == .referral)
        #expect(HandoverRules.kind(from: ggz, fromTeamID: a, to: gp, toTeamID: nil) == .terugverwijzing)
        #expect(HandoverRules.kind(from: ggz, fromTeamID: a, to: ggz, toTeamID: b) == .internalReferral)
        #expect(HandoverRules.kind(from: ggz, fromTeamID: a, to: ggz, toTeamID: a) == nil, "same team: no handover")
        #expect(HandoverRules.kind(from: wt, fromTeamID: nil, to: wt, toTeamID: nil) == nil, "own work is no handover")
    }

    @Test func applyingEventsRecordsTheirTimes() throws {
        let t0 = Date(timeIntervalSince1970: 1_000)
        var h = Handover(clientID: UUID(), actionID: nil, kind: .referral, route: .basisGGZ, fromOrganisationID: UUID(), fromUserID: UUID(),
                         toOrganisationID: UUID(), toTeamID: nil, request: "?", letter: nil, requestedAt: t0)
        let u = UUID()
        try h.apply(.accept, by: .receiver, userID: u, at: t0.addingTimeInterval(10))
        try h.apply(.firstContact, by: .receiver, userID: u, at: t0.addingTimeInterval(20))
        try h.apply(.complete, by: .receiver, userID: u, at: t0.addingTimeInterval(30))
        #expect(h.acceptedBy == u && h.acceptedAt == t0.addingTimeInterval(10) && h.firstContactAt == t0.addingTimeInterval(20))
        #expect(h.status == .completed && h.completedAt == t0.addingTimeInterval(30))
    }
}
