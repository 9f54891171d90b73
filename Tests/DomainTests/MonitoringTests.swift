import Domain
import Foundation
import Testing

@Suite struct FigureSuppressionTests {
    @Test func countsOfOneToFourShowAsLessThanFive() {
        #expect(FigureSuppression.countText(0) == "0" && FigureSuppression.countText(4) == "<5" && FigureSuppression.countText(5) == "5")
    }

    @Test func aHiddenCellCannotBeDerivedFromTheTotal() {
        // One small month among large ones: a second month is hidden with it.
        #expect(FigureSuppression.hiddenRates([40, 3, 25, 30]) == [1, 2])
        #expect(FigureSuppression.hiddenCounts([12, 0, 7, 2]) == [1, 3, 2] || FigureSuppression.hiddenCounts([12, 0, 7, 2]).count >= 2)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let cells = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Int.random(in: 0...30, using: &rng) }
            let hidden = FigureSuppression.hiddenRates(cells)
            let primary = cells.indices.filter { (1..<10).contains(cells[$0]) }
            #expect(Set(primary).isSubset(of: hidden))
            if !hidden.isEmpty {
                // Subtracting the shown cells from the total leaves the sum of at least two hidden cells of ≥ 10 together.
                let sum = hidden.reduce(0) { $0 + cells[$1] }
                // …unless the total itself is under 10, and then the total is not shown either.
                #expect(hidden.count == cells.count || (hidden.count >= 2 && sum >= 10) || cells.reduce(0, +) < 10, "\(cells) → \(hidden)")
            }
        }
    }
}

@Suite struct ContributionTests {
    let wd = WorkingDays()
    func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 10) -> Date { wd.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))! }

    @Test func aHandComputedClient() {
        let practice = UUID(), ggzOrg = UUID(), social = UUID(), ggzUser = UUID(), socialUser = UUID(), wijk = UUID(), client = UUID()
        let first = Aanmelding(clientID: client, referrerUserID: UUID(), referrerOrganisationID: practice, helpQuestion: "x", urgency: .regulier, receivedAt: at(2026, 3, 2), completeAt: at(2026, 3, 3))
        let second = Aanmelding(clientID: client, referrerUserID: UUID(), referrerOrganisationID: practice, helpQuestion: "y", urgency: .regulier, receivedAt: at(2026, 5, 4), completeAt: at(2026, 5, 4))  // no VG yet: waiting since 4 May
        var vg = VGAppointment(aanmeldingID: first.id, clientID: client, ggzUserID: ggzUser, sociaalDomeinUserID: socialUser,
                               plannedFor: at(2026, 3, 13), end: at(2026, 3, 13, 11), plannedAt: at(2026, 3, 4), plannedBy: ggzUser)
        vg.heldAt = at(2026, 3, 13)  // 10 days after complete
        // Plan on Friday 13 March: shared Monday 16, advice Tuesday 17 = 2 working days: in time.
        let plan = ActionPlan(clientID: client, aanmeldingID: first.id, createdAt: at(2026, 3, 13), createdBy: ggzUser, primaryRoute: .sociaalDomein,
                              adviceText: "a", sharedWithClientAt: at(2026, 3, 16), adviceToGPAt: at(2026, 3, 17))
        let input = MonitorInput(clientID: client, wijkID: wijk, aanmeldingen: [first, second], appointments: [vg], conversations: [], plans: [plan],
                                 handovers: [], invitations: [], answers: [:])
        let ctx = MonitorContext(organisationTypes: [ggzOrg: .ggzAanbieder, social: .sociaalWijkteam], userOrganisations: [ggzUser: ggzOrg, socialUser: social])
        let c = input.contributions(ctx)
        func values(_ m: Measure) -> [Int] { c.filter { $0.measure == m }.map(\.value) }
        #expect(values(.vgWait) == [10])
        #expect(values(.vgWaiting) == [DayNumber.of(year: 2026, month: 5, day: 4)])
        #expect(values(.vgCompleteDuo) == [1])
        #expect(values(.planOutsideGGZ) == [1])
        #expect(values(.planInTimeMet) == values(.planInTimeDue) && values(.planInTimeDue) == [DayNumber.of(year: 2026, month: 3, day: 17)])
        // Re-registered 52 days after the outside-GGZ plan: a hit for both windows.
        #expect(values(.reRegistration90Hit).count == 1 && values(.reRegistration365Hit).count == 1)
        #expect(c.first { $0.measure == .vgWait }!.organisations == [practice, ggzOrg, social])
        #expect(c.first { $0.measure == .vgWait }!.month == YearMonth(year: 2026, month: 3)!)
        // Every contribution is counted in 2 (wijk) × (1 + orgs) × (1 or 2 routes) cells.
        #expect(c.first { $0.measure == .vgWait }!.cells.count == 2 * 4 * 2)

        // Refreshed on 1 July 2026: the plan window (closed 17 March) and the 90-day window (closed 11 June)
        // are stored as decided; the 365-day window (March 2027) and the waiting start keep their day.
        var later = ctx; later.today = DayNumber.of(year: 2026, month: 7, day: 1)
        let s = input.contributions(later)
        func settled(_ m: Measure) -> [Int] { s.filter { $0.measure == m }.map(\.value) }
        #expect(settled(.planInTimeDue) == [0] && settled(.planInTimeMet) == [0])
        #expect(settled(.reRegistration90Due) == [0] && settled(.reRegistration90Hit) == [0])
        #expect(settled(.reRegistration365Due) == values(.reRegistration365Due) && values(.reRegistration365Due) != [0])
        #expect(settled(.vgWaiting) == values(.vgWaiting) && settled(.vgWait) == [10])
        // Read as on that day, the stored days and the settled zeros are the same summary.
        #expect(SummaryDelta.settled(SummaryDelta.total(c), today: later.today!) == SummaryDelta.total(s))
        #expect(SummaryDelta.total(c) != SummaryDelta.total(s))

        // A POH-GGZ of the practice with a social worker is a complete duo; the practice alone brings no GGZ expertise.
        let poh = MonitorContext(organisationTypes: [practice: .huisartsenpraktijk, social: .sociaalWijkteam],
                                 userOrganisations: [ggzUser: practice, socialUser: social], ggzProfessionals: [ggzUser])
        #expect(input.contributions(poh).first { $0.measure == .vgCompleteDuo }?.value == 1)
        var noRole = poh; noRole.ggzProfessionals = []
        #expect(input.contributions(noRole).first { $0.measure == .vgCompleteDuo }?.value == 0)
    }

    @Test func dayNumbersRoundTrip() {
        for n in [0, 1, 20_000, 20_517, 19_000] { #expect(DayNumber.of(year: DayNumber.date(n).year, month: DayNumber.date(n).month, day: DayNumber.date(n).day) == n) }
        #expect(DayNumber.of(year: 1970, month: 1, day: 1) == 0)
    }
}

@Suite struct QuarterTests {
    @Test func quartersAreReadInDutchAndEnglishAndNothingElse() {
        #expect(Quarter(key: "2026-K3") == Quarter(year: 2026, number: 3))
        #expect(Quarter(key: "2026-q3") == Quarter(year: 2026, number: 3) && Quarter(key: " 2026-k1 ")?.key == "2026-K1")
        for bad in ["2026-K5", "2026-K0", "2026-3", "26-K3", "2026K3", "2026-K3-1", "2026-KK", "+202-K3", "0999-K1", "2026-K٣", ""] {
            #expect(Quarter(key: bad) == nil, "\(bad)")
        }
    }

    @Test func aQuarterHasItsThreeMonthsAndTheDefaultIsTheLastOneEnded() {
        let q3 = Quarter(year: 2026, number: 3)!
        #expect(q3.months.map(\.key) == ["2026-07", "2026-08", "2026-09"])
        #expect(Quarter(YearMonth(year: 2026, month: 9)!) == q3 && Quarter(YearMonth(year: 2026, month: 10)!) != q3)
        #expect(q3.adding(quarters: -4).key == "2025-K3" && q3.adding(quarters: 2).key == "2027-K1")
        #expect(Quarter.lastComplete(before: YearMonth(year: 2026, month: 10)!) == q3)
        #expect(Quarter.lastComplete(before: YearMonth(year: 2026, month: 12)!) == q3)
        #expect(Quarter.lastComplete(before: YearMonth(year: 2026, month: 1)!).key == "2025-K4")
    }
}
