import Domain
import Foundation
import Testing

/// The monitor's indicators over the pulse, the casuïstiektafel and the duos' free time, against hand-computed values.
@Suite struct SideSourceFiguresTests {
    let april = YearMonth(year: 2026, month: 4)!, july = YearMonth(year: 2026, month: 7)!
    let a = UUID(), g = UUID(), w = UUID()  // a practice, a GGZ provider, a wijkteam

    func ctx(months: [YearMonth], organisation: UUID? = nil) -> FigureContext {
        var c = FigureContext(months: months, today: 0, goLive: nil)
        c.slice = Slice(organisationID: organisation)
        c.organisationTypes = [a: .huisartsenpraktijk, g: .ggzAanbieder, w: .sociaalWijkteam]
        c.names = ["org:\(a.uuidString)": "Praktijk A", "org:\(g.uuidString)": "GGZ", "org:\(w.uuidString)": "Wijkteam"]
        return c
    }

    /// `count` answers of one organisation, all the same.
    func answers(_ count: Int, items: Int, recommend: Int, rightPlace: Int) -> PulseSums {
        var s = PulseSums()
        s.count = count; s.engagement = count * 3 * items; s.engagementSquares = count * 9 * items * items
        s.rightPlace = count * rightPlace; s.rightPlaceSquares = count * rightPlace * rightPlace
        if recommend >= 9 { s.promoters = count } else if recommend <= 6 { s.detractors = count }
        return s
    }

    /// Round K2: 10 answers of the practice (4,4,4; recommend 9 ×6, 7 ×4; right place 8), 10 of the GGZ (3,3,3; 5; 6) and
    /// 3 of the wijkteam (6,6,6; 10; 10). Round K3: 4 answers of the practice only — too few to count anywhere.
    var rounds: [PulseRoundSums] {
        var practice = answers(6, items: 4, recommend: 9, rightPlace: 8)
        practice.add(answers(4, items: 4, recommend: 7, rightPlace: 8))
        return [
            PulseRoundSums(roundID: UUID(), label: "2026 K3", month: july, invited: 40, answered: 4,
                           byOrganisation: [a: answers(4, items: 0, recommend: 0, rightPlace: 1)]),
            PulseRoundSums(roundID: UUID(), label: "2026 K2", month: april, invited: 40, answered: 23,
                           byOrganisation: [a: practice, g: answers(10, items: 3, recommend: 5, rightPlace: 6), w: answers(3, items: 6, recommend: 10, rightPlace: 10)]),
        ]
    }

    func pulse(_ id: String, organisation: UUID? = nil) -> IndicatorFigures {
        var c = ctx(months: april.through(july), organisation: organisation)
        c.pulseRounds = rounds
        return IndicatorFigures.compute(IndicatorCatalogue.indicator(id)!, Histograms(), c)
    }

    @Test func thePulseMeansPerRoundWithTheSmallGroupsOfThePulsePage() {
        let f = pulse("puls-bevlogenheid")
        // Region: 23 answers of K2 (per answer 4 ×10, 3 ×10, 6 ×3); K3's 4 answers count nowhere.
        #expect(f.n == 23 && !f.headlineHidden)
        #expect(abs((f.headline ?? 0) - 88.0 / 23) < 1e-9)
        #expect(abs((f.lower ?? 0) - 3.4005463) < 1e-6 && abs((f.upper ?? 0) - 4.2516276) < 1e-6)
        #expect(f.months.map(\.label) == ["2026 K2", "2026 K3"])
        #expect(f.months[0].n == 23 && !f.months[0].hidden)
        #expect(f.months[1].n == 4 && f.months[1].hidden && f.months[1].value == nil && !f.months[1].countHidden)
        // Response over the closed rounds: 27 of 80.
        #expect(f.details.first?.key == "response" && abs((f.details.first?.value ?? 0) - 33.75) < 1e-9)

        // The wijkteam's 3 answers are hidden; the GGZ (smaller key of two equal types) joins them, so region − shown = the rest row.
        #expect(f.categoriesAreGroups)
        #expect(f.categories.map(\.key) == ["pulse_region", OrganisationType.huisartsenpraktijk.labelKey, "org:\(a.uuidString)", "pulse_rest_types"])
        #expect(f.categories.map(\.count) == [23, 10, 10, 13])
        #expect(f.categories.map(\.depth) == [0, 1, 2, 1])
        #expect(f.categories[2].name == "Praktijk A" && f.categories[2].organisationID == a)
        #expect(abs((f.categories[3].share ?? 0) - 48.0 / 13) < 1e-9)
        #expect(f.categories.allSatisfy { !$0.hidden && $0.unit == .score })
        #expect(!f.categories.contains { $0.organisationID == g || $0.organisationID == w })

        let enps = pulse("puls-enps")
        #expect(abs((enps.headline ?? 0) - (-100.0 / 23)) < 1e-9)   // 9 promoters, 10 detractors of 23
        #expect(abs((enps.lower ?? 0) - (-44.488646)) < 1e-5 && abs((enps.upper ?? 0) - 35.792994) < 1e-5)
        #expect(abs((enps.categories[1].share ?? 0) - 60) < 1e-9)   // the practice: 6 promoters of 10
        let item = pulse("puls-mgn-item")
        #expect(abs((item.headline ?? 0) - 170.0 / 23) < 1e-9)
        #expect(abs((item.lower ?? 0) - 6.7833892) < 1e-6 && abs((item.upper ?? 0) - 7.9992195) < 1e-6)
    }

    @Test func anOrganisationSeesOnlyRoundsWhereItsOwnGroupShows() {
        // The practice: K2 only (its 4 answers in K3 were never shown, and no count says how many).
        let own = pulse("puls-bevlogenheid", organisation: a)
        #expect(own.n == 10 && own.headline == 4 && own.months[0].n == 10 && own.months[1].hidden && own.months[1].countHidden)
        #expect(own.details.isEmpty, "response is known for the region only")
        // The GGZ was rolled up in K2: nothing, not even a count.
        let ggz = pulse("puls-bevlogenheid", organisation: g)
        #expect(ggz.n == 0 && ggz.headlineHidden && ggz.headline == nil && ggz.months.allSatisfy { $0.hidden && $0.countHidden })
    }

    @Test func meansOverFewerThanTenAreHiddenWithTheirComplement() {
        // 7 answers in one round, 20 in the other: the 7's mean would follow from the headline and the 20's.
        var c = ctx(months: april.through(july))
        c.pulseRounds = [
            PulseRoundSums(roundID: UUID(), label: "K2", month: april, invited: 30, answered: 7, byOrganisation: [a: answers(7, items: 2, recommend: 8, rightPlace: 5)]),
            PulseRoundSums(roundID: UUID(), label: "K3", month: july, invited: 30, answered: 20, byOrganisation: [a: answers(20, items: 5, recommend: 8, rightPlace: 5)]),
        ]
        let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("puls-bevlogenheid")!, Histograms(), c)
        #expect(f.n == 27 && f.headline != nil)
        #expect(f.months.allSatisfy { $0.hidden && $0.value == nil })
        #expect(f.months.map(\.n) == [7, 20])
    }

    @Test func anIntervalStaysWithinTheScale() {
        // 11 promoters and 1 passive: eNPS 91.7, and the t interval would reach 110.
        var c = ctx(months: [april])
        var s = answers(11, items: 6, recommend: 10, rightPlace: 10)
        s.add(answers(1, items: 6, recommend: 8, rightPlace: 10))
        c.pulseRounds = [PulseRoundSums(roundID: UUID(), label: "K2", month: april, invited: 12, answered: 12, byOrganisation: [a: s])]
        let enps = IndicatorFigures.compute(IndicatorCatalogue.indicator("puls-enps")!, Histograms(), c)
        #expect(abs((enps.headline ?? 0) - 1100.0 / 12) < 1e-9 && enps.upper == 100 && (enps.lower ?? 100) < 91)
        let engagement = IndicatorFigures.compute(IndicatorCatalogue.indicator("puls-bevlogenheid")!, Histograms(), c)
        #expect(engagement.headline == 6 && engagement.lower == 6 && engagement.upper == 6)
    }

    @Test func nothingBelowAHiddenMeanIsShown() {
        // Two practices of 3 (rolled into their type's rest, 6) and a GGZ of 20: the type of 6 is hidden, the GGZ type
        // with it (or the region's mean would give the 6 away), and so the GGZ's own row, which is its type's twin.
        let b = UUID()
        var c = ctx(months: [april])
        c.organisationTypes[b] = .huisartsenpraktijk
        c.pulseRounds = [PulseRoundSums(roundID: UUID(), label: "K2", month: april, invited: 30, answered: 26, byOrganisation: [
            a: answers(3, items: 2, recommend: 8, rightPlace: 5), b: answers(3, items: 3, recommend: 8, rightPlace: 5), g: answers(20, items: 5, recommend: 8, rightPlace: 5)])]
        let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("puls-bevlogenheid")!, Histograms(), c)
        #expect(f.categories.map(\.count) == [26, 20, 20, 6, 6])
        #expect(f.categories.map(\.hidden) == [false, true, true, true, true])
        #expect(f.categories.dropFirst().allSatisfy { $0.share == nil && $0.lower == nil })
    }

    @Test func noShownPulseFigureLetsAHiddenGroupBeRecovered() {
        var rng = SystemRandomNumberGenerator()
        let orgs = (0..<7).map { _ in UUID() }
        let types: [OrganisationType] = [.huisartsenpraktijk, .ggzAanbieder, .sociaalWijkteam]
        for _ in 0..<300 {
            var c = FigureContext(months: april.through(july), today: 0, goLive: nil)
            for (i, o) in orgs.enumerated() { c.organisationTypes[o] = types[i % 3] }
            c.pulseRounds = [april, july].map { m in
                var by: [UUID: PulseSums] = [:]
                for o in orgs where Bool.random(using: &rng) { by[o] = answers(Int.random(in: 1...12, using: &rng), items: 3, recommend: 8, rightPlace: 7) }
                return PulseRoundSums(roundID: UUID(), label: m.key, month: m, invited: 100, answered: 0, byOrganisation: by)
            }
            let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("puls-bevlogenheid")!, Histograms(), c)
            // Every category holds ≥ 5; each parent is exactly the sum of the rows shown below it (the rest row included).
            #expect(f.categories.allSatisfy { $0.count >= SmallGroups.minimum })
            for (i, parent) in f.categories.enumerated() {
                let below = f.categories[(i + 1)...].prefix { $0.depth > parent.depth }
                let children = below.filter { $0.depth == parent.depth + 1 }
                if !children.isEmpty { #expect(children.reduce(0) { $0 + $1.count } == parent.count) }
                // A hidden mean has no shown mean below it; a shown parent's hidden children are two or more, together ≥ 10.
                if parent.hidden { #expect(below.allSatisfy { $0.hidden }) }
                let hiddenChildren = children.filter(\.hidden)
                if !parent.hidden && !hiddenChildren.isEmpty {
                    #expect(hiddenChildren.count >= 2 && hiddenChildren.reduce(0) { $0 + $1.count } >= 10)
                }
            }
            // The headline counts the rounds the pulse page shows, no more.
            let shown = c.pulseRounds.map { $0.byOrganisation.values.reduce(0) { $0 + $1.count } }.filter { $0 >= SmallGroups.minimum }
            #expect(f.n == shown.reduce(0, +))
        }
    }

    @Test func partnerRatingsRollUpSmallPartners() {
        var c = ctx(months: [april])
        let p = UUID()  // a partner rated 3 times
        c.names["org:\(p.uuidString)"] = "Praktijk B"
        c.partnerRounds = [PartnerRatingRound(roundID: UUID(), label: "2026 K2", month: april, byPartner: [
            g: ScoreSums(count: 13, sum: 10 * 8 + 3 * 7, squares: 10 * 64 + 3 * 49),
            a: ScoreSums(count: 10, sum: 60, squares: 360),
            p: ScoreSums(count: 3, sum: 27, squares: 243)])]
        let ind = IndicatorCatalogue.indicator("partner-waardering")!
        let f = IndicatorFigures.compute(ind, Histograms(), c)
        #expect(f.n == 26 && abs((f.headline ?? 0) - 188.0 / 26) < 1e-9)
        #expect(abs((f.lower ?? 0) - 6.7837944) < 1e-6 && abs((f.upper ?? 0) - 7.6777441) < 1e-6)
        // Praktijk B (3) is hidden and the smallest shown partner, the practice (10), joins it.
        #expect(f.categories.map(\.key) == ["pulse_all_partners", "org:\(g.uuidString)", "pulse_rest_partners"])
        #expect(f.categories.map(\.count) == [26, 13, 13])
        #expect(abs((f.categories[2].share ?? 0) - 87.0 / 13) < 1e-9)
        c.slice = Slice(organisationID: g)
        let rated = IndicatorFigures.compute(ind, Histograms(), c)
        #expect(rated.n == 13 && abs((rated.headline ?? 0) - 101.0 / 13) < 1e-9)
        #expect(abs((rated.lower ?? 0) - 7.5042303) < 1e-6)
        c.slice = Slice(organisationID: a)
        #expect(IndicatorFigures.compute(ind, Histograms(), c).headline == nil)
    }

    var cases: CaseTableCounts {
        let march = YearMonth(year: 2026, month: 3)!
        let t1 = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, t2 = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
        return CaseTableCounts(answered: [
            CaseAnswerCell(month: march, tableID: t1, days: 5, status: .advised, count: 4),
            CaseAnswerCell(month: march, tableID: t1, days: 12, status: .advised, count: 3),
            CaseAnswerCell(month: march, tableID: t1, days: 20, status: .takenOver, count: 2),
            CaseAnswerCell(month: march, tableID: t1, days: 30, status: .takeoverProposed, count: 1),
            CaseAnswerCell(month: april, tableID: t1, days: 7, status: .advised, count: 2),
            CaseAnswerCell(month: april, tableID: t2, days: 40, status: .takenOver, count: 1),
            CaseAnswerCell(month: april, tableID: t2, days: 3, status: .advised, count: 9),
        ], waitingNow: 3, tableNames: [t1: "Tafel Noord", t2: "Tafel Zuid"])
    }

    @Test func timeToAdviceAtTheCaseTable() {
        var c = FigureContext(months: YearMonth(year: 2026, month: 3)!.through(april), today: 0, goLive: nil)
        c.cases = cases
        let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("casus-advies-dagen")!, Histograms(), c)
        // 22 answers: 3 ×9, 5 ×4, 7 ×2, 12 ×3, 20 ×2, 30, 40 → median 5, P80 12, P90 20 (R type 7).
        #expect(f.n == 22 && f.headline == 5)
        let d: [String: Double] = Dictionary(uniqueKeysWithValues: f.details.compactMap { x in x.value.map { (x.key, $0) } })
        #expect(d["p80"] == 12 && d["p90"] == 20)
        let within14 = d["within_14"] ?? 0, within28 = d["within_28"] ?? 0
        #expect(abs(within14 - 1800.0 / 22) < 1e-9 && abs(within28 - 2000.0 / 22) < 1e-9)
        #expect(f.details.contains { $0.key == "cases_waiting" } && d["cases_waiting"] == nil, "3 waiting is a count under 5")
        #expect(f.months.map(\.n) == [10, 12] && f.months.map(\.value) == [12, 3])
        #expect(f.categories.map(\.name) == ["Tafel Noord", "Tafel Zuid"] && f.categories.map(\.share) == [9.5, 3] && f.categories.map(\.count) == [12, 10])
    }

    @Test func shareTakenOverCountsSettledOutcomesOnly() {
        var c = FigureContext(months: YearMonth(year: 2026, month: 3)!.through(april), today: 0, goLive: nil)
        c.cases = cases
        let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("casus-overgenomen")!, Histograms(), c)
        // 3 taken over of 21 settled (the proposal without an answer is neither).
        #expect(f.n == 21 && abs((f.headline ?? 0) - 300.0 / 21) < 1e-9)
        #expect(abs((f.lower ?? 0) - 4.9810125) < 1e-6 && abs((f.upper ?? 0) - 34.6360603) < 1e-6)
        // March has 9: hidden, and April with it, or April and the total would give March away.
        #expect(f.months.map(\.n) == [9, 12] && f.months.allSatisfy { $0.hidden && $0.value == nil })
        // Per table (11 and 10 settled): each over 10, so shown.
        #expect(f.categories.map(\.count) == [11, 10] && f.categories.map(\.share) == [200.0 / 11, 10] && !f.categories.contains { $0.hidden })
    }

    @Test func theCurrentWaitPerWijkIsTheThirdFreeDuoSlot() {
        let calendar = WorkingDays().calendar
        let now = calendar.date(from: DateComponents(year: 2026, month: 11, day: 16, hour: 12))!  // a Monday
        func at(_ days: Int, _ hour: Int) -> Date { calendar.date(byAdding: .day, value: days, to: calendar.date(from: DateComponents(year: 2026, month: 11, day: 16, hour: hour))!)! }
        let region = UUID(), w1 = UUID(), w2 = UUID(), w3 = UUID()
        let ggz = Organisation(regionID: region, name: "GGZ", type: .ggzAanbieder, wijkIDs: [w1, w2, w3])
        let team1 = Organisation(regionID: region, name: "Wijkteam 1", type: .sociaalWijkteam, wijkIDs: [w1])
        let team2 = Organisation(regionID: region, name: "Wijkteam 2", type: .sociaalWijkteam, wijkIDs: [w2])
        let g1 = User(organisationID: ggz.id, name: "G", email: "g@x", roles: [.pohGGZ])
        let s1 = User(organisationID: team1.id, name: "S1", email: "s1@x", roles: [.sociaalWerker])
        let s2 = User(organisationID: team2.id, name: "S2", email: "s2@x", roles: [.sociaalWerker])
        let availability = [Availability(userID: g1.id, start: at(1, 9), end: at(1, 12)), Availability(userID: s1.id, start: at(1, 9), end: at(1, 12)),
                            Availability(userID: g1.id, start: at(10, 9), end: at(10, 13)), Availability(userID: s2.id, start: at(10, 9), end: at(10, 13))]
        // One hour of the second morning is booked: three free hours are left.
        let busy = [BusyPeriod(userID: g1.id, start: at(10, 9), end: at(10, 10))]
        func waits(_ org: UUID?) -> [WijkWait] {
            CurrentWaitingTime.perWijk([w1, w2, w3], users: [g1, s1, s2], organisations: [ggz, team1, team2], availability: availability, busy: busy,
                                       now: now, calendar: calendar, withMemberOf: org)
        }
        #expect(waits(nil).map(\.days) == [1, 10, nil])
        #expect(waits(team2.id).map(\.days) == [nil, 10, nil], "only duos with someone of Wijkteam 2")

        var c = FigureContext(months: [], today: 0, goLive: nil)
        c.wijkWaits = waits(nil)
        c.names = ["wijk:\(w1.uuidString)": "Oost", "wijk:\(w2.uuidString)": "West", "wijk:\(w3.uuidString)": "Zuid"]
        let f = IndicatorFigures.compute(IndicatorCatalogue.indicator("wachttijd-vg-wijk")!, Histograms(), c)
        // 1, 10 and "longer than any": the median is 10.
        #expect(f.n == 3 && f.headline == 10 && !f.headlineHidden && f.months.isEmpty)
        #expect(f.details.map(\.value) == [10, 1])
        #expect(f.categories.map(\.name) == ["Oost", "West", "Zuid"] && f.categories.map(\.share) == [1, 10, nil])
        c.wijkWaits = waits(team2.id)
        #expect(IndicatorFigures.compute(IndicatorCatalogue.indicator("wachttijd-vg-wijk")!, Histograms(), c).headline == nil,
                "the median falls on a wijk without a known wait")
        c.wijkWaits = [WijkWait(wijkID: w1, days: 1), WijkWait(wijkID: w2, days: 10)]
        #expect(IndicatorFigures.compute(IndicatorCatalogue.indicator("wachttijd-vg-wijk")!, Histograms(), c).headline == 5.5)
    }

    @Test func theCatalogueHasEveryGoalAndSideSourcesLeaveTheSummaryAlone() {
        for goal in NetworkGoal.allCases { #expect(!IndicatorCatalogue.indicators(for: goal).isEmpty, "\(goal)") }
        #expect(Set(IndicatorCatalogue.all.map(\.id)).count == IndicatorCatalogue.all.count)
        for i in IndicatorCatalogue.all {
            #expect(i.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && i.id.allSatisfy(\.isASCII), "\(i.id)")
            #expect(!i.organisationMeaningEN.isEmpty && i.organisationMeaningEN != i.organisationMeaningNL, "\(i.id)")
        }
        for id in ["puls-bevlogenheid", "puls-enps", "puls-mgn-item", "partner-waardering", "casus-advies-dagen", "casus-overgenomen", "wachttijd-vg-wijk"] {
            #expect(IndicatorCatalogue.indicator(id)?.computation.measures == [], "\(id)")
        }
    }
}
