import Domain
import Foundation
import Testing

/// Samenwerkingsafspraken: norms, versions, adherence and the to-do list, on a fixture in spring 2026
/// that crosses Goede Vrijdag (Fri 3 Apr), Tweede Paasdag (Mon 6 Apr), Koningsdag (Mon 27 Apr),
/// Bevrijdingsdag (Tue 5 May), Hemelvaart (Thu 14 May) and Tweede Pinksterdag (Mon 25 May), with the
/// handover-response norm going from 5 to 3 working days on Fri 1 May.
@Suite struct AgreementTests {
    static let wd = WorkingDays()
    static let adherence = Adherence(calendar: wd)

    /// A moment in Europe/Amsterdam.
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
        wd.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }
    static func day(_ y: Int, _ m: Int, _ d: Int) -> DateOnly { DateOnly(year: y, month: m, day: d)! }
    static func month(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }
    static func uuid(_ tail: String) -> UUID { UUID(uuidString: "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - tail.count) + tail)! }

    // Organisations. ggz1 sorts before ggz2.
    static let ggz1 = uuid("A1"), ggz2 = uuid("A2"), gp1 = uuid("B1"), gp2 = uuid("B2"), swt = uuid("C1")
    static let organisations: [UUID: OrganisationType] = [
        ggz1: .ggzAanbieder, ggz2: .ggzAanbieder, gp1: .huisartsenpraktijk, gp2: .huisartsenpraktijk, swt: .sociaalWijkteam,
    ]
    static let names: [UUID: String] = [ggz1: "ggz1", ggz2: "ggz2", gp1: "gp1", gp2: "gp2", swt: "swt"]

    /// A: GPs and GGZ, from Wed 1 Apr 2026. Handover response 5 working days, 3 from 1 May;
    /// case advice 14 calendar days; back-referral letter. No first-contact norm.
    static let agreementA = Agreement(
        id: uuid("AA"), title: "Huisarts en GGZ",
        parties: [.organisationType(.huisartsenpraktijk), .organisationType(.ggzAanbieder)],
        effectiveFrom: day(2026, 4, 1),
        norms: [
            NormVersion(kind: .handoverResponse, limit: 5, validFrom: day(2026, 4, 1)),
            NormVersion(kind: .caseAdvice, limit: 14, validFrom: day(2026, 4, 1)),
            NormVersion(kind: .backReferralLetter, limit: nil, validFrom: day(2026, 4, 1)),
            NormVersion(kind: .handoverResponse, limit: 3, validFrom: day(2026, 5, 1)),
        ],
        createdAt: at(2026, 3, 15, 9), createdBy: uuid("FF"))

    /// B: a shorter line between ggz1 and gp1 only, from Fri 1 May 2026: handover response 2 working days.
    static let agreementB = Agreement(
        id: uuid("BB"), title: "Korte lijn ggz1–gp1",
        parties: [.organisation(ggz1), .organisation(gp1)],
        effectiveFrom: day(2026, 5, 1),
        norms: [NormVersion(kind: .handoverResponse, limit: 2, validFrom: day(2026, 5, 1))],
        createdAt: at(2026, 4, 20, 9), createdBy: uuid("FF"))

    /// Wed 20 May 2026, 12:00.
    static let now = at(2026, 5, 20, 12)

    static func item(_ id: String, _ kind: NormKind, _ responsible: UUID, _ counterpart: UUID?, _ start: Date,
                     _ end: Date? = nil, satisfied: Bool? = nil) -> NormItem {
        NormItem(id: uuid(id), kind: kind, responsibleOrganisationID: responsible, counterpartOrganisationID: counterpart,
                 start: start, end: end, satisfied: satisfied)
    }

    // Deadlines below were counted by hand on the 2026 calendar (holidays in brackets are skipped).
    static let h1 = item("1", .handoverResponse, ggz1, gp1, at(2026, 4, 2, 10), at(2026, 4, 13, 10))
    // Thu 2 Apr 10:00, 5 wd: [Fri 3 GV] [Mon 6 Paas] Tue 7, Wed 8, Thu 9, Fri 10, Mon 13 → Mon 13 Apr 10:00.
    // Answered Mon 13 Apr 10:00, exactly at the deadline → met.
    static let h2 = item("2", .handoverResponse, ggz1, gp1, at(2026, 4, 24, 16), at(2026, 5, 4, 16, 1))
    // Fri 24 Apr 16:00, 5 wd: [Mon 27 Koningsdag] Tue 28, Wed 29, Thu 30, Fri 1 May, Mon 4 May → Mon 4 May 16:00.
    // Answered 16:01, a minute late → missed.
    static let h3 = item("3", .handoverResponse, ggz2, gp2, at(2026, 4, 30, 9), at(2026, 5, 7, 15))
    // Thu 30 Apr 09:00 keeps 5 wd: Fri 1 May, Mon 4, [Tue 5 Bevrijdingsdag] Wed 6, Thu 7, Fri 8 → Fri 8 May 09:00.
    // Answered Thu 7 May 15:00 → met (under 3 wd it would have been Wed 6 May: missed).
    static let h4 = item("4", .handoverResponse, ggz2, gp1, at(2026, 5, 1, 9), at(2026, 5, 8, 9))
    // Fri 1 May 09:00 gets 3 wd: Mon 4, [Tue 5] Wed 6, Thu 7 → Thu 7 May 09:00.
    // Answered Fri 8 May 09:00 → missed (under 5 wd it would have been Mon 11 May: met).
    static let h5 = item("5", .handoverResponse, ggz1, gp1, at(2026, 5, 12, 11))
    // Tue 12 May 11:00, 3 wd: Wed 13, [Thu 14 Hemelvaart] Fri 15, Mon 18 → Mon 18 May 11:00.
    // Still open at now (Wed 20 May 12:00), deadline passed → missed.
    // Under B (2 wd): Wed 13, [Thu 14] Fri 15 → Fri 15 May 11:00.
    static let h6 = item("6", .handoverResponse, ggz1, gp1, at(2026, 5, 19, 10))
    // Tue 19 May 10:00, 3 wd: Wed 20, Thu 21, Fri 22 → Fri 22 May 10:00. Open, deadline ahead → open.
    // Under B (2 wd): Wed 20, Thu 21 → Thu 21 May 10:00.
    static let h7 = item("7", .handoverResponse, ggz1, gp2, at(2026, 5, 20, 9))
    // Wed 20 May 09:00, 3 wd: Thu 21, Fri 22, [Mon 25 Pinksteren] Tue 26 → Tue 26 May 09:00 → open.
    // gp2 is no party of B, so A only.
    static let h8 = item("8", .handoverResponse, ggz1, swt, at(2026, 4, 15, 9))
    // Sender is a sociaal wijkteam: no party of A → excluded (would be missed and overdue).
    static let h9 = item("9", .handoverResponse, swt, gp1, at(2026, 4, 15, 9), at(2026, 4, 16, 9))
    // Responsible is a sociaal wijkteam → excluded.
    static let h10 = item("10", .handoverResponse, ggz1, gp1, at(2026, 3, 31, 9), at(2026, 4, 1, 9))
    // Tue 31 Mar, before A's effectiveFrom → excluded.
    static let f1 = item("11", .firstContact, ggz1, nil, at(2026, 4, 14, 9))
    // A has no first-contact norm → excluded.
    static let c1 = item("21", .caseAdvice, ggz2, nil, at(2026, 4, 20, 10), at(2026, 5, 5, 9))
    // Mon 20 Apr 10:00 + 14 calendar days (holidays count) → Mon 4 May 10:00. Advice Tue 5 May 09:00 → missed.
    static let c2 = item("22", .caseAdvice, ggz2, nil, at(2026, 5, 4, 15), at(2026, 5, 13, 10))
    // Mon 4 May 15:00 + 14 days → Mon 18 May 15:00. Advice Wed 13 May → met.
    static let b1 = item("31", .backReferralLetter, ggz1, gp1, at(2026, 4, 9, 11), satisfied: true)   // letter → met
    static let b2 = item("32", .backReferralLetter, ggz1, gp2, at(2026, 4, 21, 11), satisfied: false)  // no letter → missed
    static let b3 = item("33", .backReferralLetter, ggz2, gp1, at(2026, 5, 11, 11))                     // not known yet → open

    static let items = [h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, f1, c1, c2, b1, b2, b3]

    struct Line: Equatable, CustomStringConvertible {
        var month: String, kind: NormKind, org: String, limit: Int?, met: Int, missed: Int, open: Int
        init(_ month: String, _ kind: NormKind, _ org: String, _ limit: Int?, _ met: Int, _ missed: Int, _ open: Int) {
            self.month = month; self.kind = kind; self.org = org; self.limit = limit; self.met = met; self.missed = missed; self.open = open
        }
        var description: String { "\(month) \(kind.rawValue) \(org) \(limit.map(String.init) ?? "-"): \(met)/\(missed)/\(open)" }
    }
    static func lines(_ rows: [AdherenceRow]) -> [Line] {
        rows.map { Line($0.month.description, $0.kind, names[$0.organisationID]!, $0.limit, $0.met, $0.missed, $0.open) }
    }

    @Test func handComputedDeadlines() {
        let a = Self.agreementA
        func deadline(_ i: NormItem) -> Date? { Self.adherence.deadline(i, a.norm(i.kind, on: Self.adherence.startDay(i))!) }
        #expect(deadline(Self.h1) == Self.at(2026, 4, 13, 10))
        #expect(deadline(Self.h2) == Self.at(2026, 5, 4, 16))
        #expect(deadline(Self.h3) == Self.at(2026, 5, 8, 9))
        #expect(deadline(Self.h4) == Self.at(2026, 5, 7, 9))
        #expect(deadline(Self.h5) == Self.at(2026, 5, 18, 11))
        #expect(deadline(Self.h6) == Self.at(2026, 5, 22, 10))
        #expect(deadline(Self.h7) == Self.at(2026, 5, 26, 9))
        #expect(deadline(Self.c1) == Self.at(2026, 5, 4, 10))
        #expect(deadline(Self.c2) == Self.at(2026, 5, 18, 15))
        #expect(deadline(Self.b1) == nil)
    }

    /// The key table: per month, kind, responsible organisation and limit that applied (met/missed/open).
    @Test func adherenceTableOfAgreementA() {
        let rows = Self.adherence.rows(agreement: Self.agreementA, items: Self.items, organisations: Self.organisations, now: Self.now)
        let expected: [Line] = [
            //    month      kind                 org   limit met missed open
            Line("2026-04", .handoverResponse, "ggz1", 5, 1, 1, 0),    // h1 met (at deadline), h2 missed (a minute late)
            Line("2026-04", .handoverResponse, "ggz2", 5, 1, 0, 0),    // h3 met: started 30 Apr, keeps 5
            Line("2026-04", .caseAdvice, "ggz2", 14, 0, 1, 0),         // c1 missed (calendar days)
            Line("2026-04", .backReferralLetter, "ggz1", nil, 1, 1, 0), // b1 letter, b2 none
            Line("2026-05", .handoverResponse, "ggz1", 3, 0, 1, 2),    // h5 open past deadline = missed; h6, h7 open
            Line("2026-05", .handoverResponse, "ggz2", 3, 0, 1, 0),    // h4 missed: started 1 May, gets 3
            Line("2026-05", .caseAdvice, "ggz2", 14, 1, 0, 0),         // c2 met
            Line("2026-05", .backReferralLetter, "ggz2", nil, 0, 0, 1), // b3 not known yet
            // Excluded: h8 (counterpart swt), h9 (responsible swt), h10 (before 1 Apr), f1 (no first-contact norm).
            // June 2026: no items.
        ]
        #expect(Self.lines(rows) == expected)
        #expect(rows.allSatisfy { $0.agreementID == Self.agreementA.id })
        #expect(rows[0].share == 0.5)
        #expect(rows[7].share == nil)
        #expect(rows[6].share == 1)
    }

    @Test func adherenceTableOfAgreementB() {
        let rows = Self.adherence.rows(agreement: Self.agreementB, items: Self.items, organisations: Self.organisations, now: Self.now)
        // Only h5 and h6 (ggz1 ← gp1, from 1 May): h5 deadline Fri 15 May 11:00 passed → missed; h6 Thu 21 May 10:00 → open.
        // h4 is ggz2 (no party), h7's sender gp2 is no party; April items are before B took effect.
        #expect(Self.lines(rows) == [Line("2026-05", .handoverResponse, "ggz1", 2, 0, 1, 1)])
    }

    @Test func summaries() {
        let rows = Self.adherence.rows(agreement: Self.agreementA, items: Self.items, organisations: Self.organisations, now: Self.now)
        // A month list April–June 2026: June has no items and still gets a zero row.
        let months = AdherenceSummary.byMonth(rows, from: Self.month(2026, 4), to: Self.month(2026, 6))
        #expect(months.map(\.month.description) == ["2026-04", "2026-05", "2026-06"])
        #expect(months.map(\.totals) == [
            AdherenceTotals(met: 3, missed: 3, open: 0),
            AdherenceTotals(met: 1, missed: 2, open: 3),
            AdherenceTotals(met: 0, missed: 0, open: 0),
        ])
        #expect(months[2].totals.share == nil)

        // Per kind over the whole period (both handover limits together), and over May only.
        #expect(AdherenceSummary.byKind(rows) == [
            KindTotals(kind: .handoverResponse, totals: AdherenceTotals(met: 2, missed: 3, open: 2)),
            KindTotals(kind: .caseAdvice, totals: AdherenceTotals(met: 1, missed: 1, open: 0)),
            KindTotals(kind: .backReferralLetter, totals: AdherenceTotals(met: 1, missed: 1, open: 1)),
        ])
        let may = Self.month(2026, 5)...Self.month(2026, 5)
        #expect(AdherenceSummary.byKind(rows, months: may).first == KindTotals(kind: .handoverResponse, totals: AdherenceTotals(met: 0, missed: 2, open: 2)))

        // Per organisation: ggz1 = h1, b1 met; h2, b2, h5 missed; h6, h7 open. ggz2 = h3, c2 met; c1, h4 missed; b3 open.
        let perOrg = AdherenceSummary.byOrganisation(rows)
        #expect(perOrg[Self.ggz1] == AdherenceTotals(met: 2, missed: 3, open: 2))
        #expect(perOrg[Self.ggz1]?.share == 0.4)
        #expect(perOrg[Self.ggz2] == AdherenceTotals(met: 2, missed: 2, open: 1))
        #expect(perOrg[Self.ggz2]?.share == 0.5)
        #expect(AdherenceSummary.byOrganisation(rows, kind: .handoverResponse)[Self.ggz2] == AdherenceTotals(met: 1, missed: 1, open: 0))
        #expect(AdherenceSummary.total(rows) == AdherenceTotals(met: 4, missed: 5, open: 3))

        // Overview of both agreements, April–June.
        let overview = Self.adherence.overview(agreements: [Self.agreementA, Self.agreementB], items: Self.items,
                                               organisations: Self.organisations, now: Self.now,
                                               months: Self.month(2026, 4)...Self.month(2026, 6))
        #expect(overview.map { "\($0.title) \($0.kind.rawValue) \($0.totals.met)/\($0.totals.missed)/\($0.totals.open)" } == [
            "Huisarts en GGZ handover_response 2/3/2",
            "Huisarts en GGZ case_advice 1/1/0",
            "Huisarts en GGZ back_referral_letter 1/1/1",
            "Korte lijn ggz1–gp1 handover_response 0/1/1",
        ])
        #expect(YearMonth.months(from: Self.month(2025, 11), to: Self.month(2026, 2)).map(\.description) == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(YearMonth.months(from: Self.month(2026, 2), to: Self.month(2026, 1)).isEmpty)
    }

    /// The monitor's cells, read on a day, give what `rows` gives at the start of that day — for every
    /// agreement, kind, month and organisation, and on days around each deadline.
    @Test func monitorCellsReadAsTheAgreementsRowsAtTheStartOfADay() {
        let agreements = [Self.agreementA, Self.agreementB]
        let cells = Self.adherence.cells(Self.items, agreements: agreements, organisations: Self.organisations)
        for day in [Self.day(2026, 5, 15), Self.day(2026, 5, 18), Self.day(2026, 5, 19), Self.day(2026, 5, 20), Self.day(2026, 5, 22), Self.day(2026, 5, 27)] {
            let today = DayNumber.of(year: day.year, month: day.month, day: day.day)
            let start = Self.wd.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
            for a in agreements {
                for row in Self.adherence.rows(agreement: a, items: Self.items, organisations: Self.organisations, now: start) {
                    var t = AdherenceTotals()
                    for (c, n) in cells where c.agreementID == a.id.uuidString && c.kind == row.kind.rawValue && c.month == row.month.key
                        && c.organisation == row.organisationID.uuidString && c.wijk == AdherenceCell.all && c.route == AdherenceCell.all {
                        for _ in 0..<n { t.add(AdherenceCell.status(c.value, today: today)) }
                    }
                    // A month with two limits has two rows: compare the month's sum.
                    let month = Self.adherence.rows(agreement: a, items: Self.items, organisations: Self.organisations, now: start)
                        .filter { $0.kind == row.kind && $0.month == row.month && $0.organisationID == row.organisationID }
                        .reduce(AdherenceTotals()) { $0 + $1.totals }
                    #expect(t == month, "\(a.title) \(row.kind) \(row.month) on \(day.iso)")
                }
            }
        }
        // Region cells: each item once per agreement that measures it (A: 12 items, B: 2), in the "all" slice.
        let region = cells.filter { $0.key.organisation == AdherenceCell.all && $0.key.wijk == AdherenceCell.all && $0.key.route == AdherenceCell.all }
        #expect(region.filter { $0.key.agreementID == Self.agreementA.id.uuidString }.values.reduce(0, +) == 12)
        #expect(region.filter { $0.key.agreementID == Self.agreementB.id.uuidString }.values.reduce(0, +) == 2)
        // h5 under B is stored with its deadline day (Fri 15 May); b3 (letter not known) never becomes missed by waiting.
        #expect(Self.adherence.storedValue(Self.h5, Self.agreementB.norms[0]) == DayNumber.of(year: 2026, month: 5, day: 15))
        #expect(Self.adherence.storedValue(Self.b3, Self.agreementA.norms[2]) == AdherenceCell.neverDue)
        #expect(AdherenceCell.status(AdherenceCell.neverDue, today: DayNumber.of(year: 2030, month: 1, day: 1)) == .open)
        // Nothing changes, nothing to apply; an answer moves one item from its deadline cell to "met".
        #expect(Self.adherence.delta(old: Self.items, new: Self.items, agreements: agreements, organisations: Self.organisations).isEmpty)
        var answered = Self.h6
        answered.end = Self.at(2026, 5, 20, 9)
        let d = Self.adherence.delta(old: [Self.h6], new: [answered], agreements: agreements, organisations: Self.organisations)
        #expect(d.values.reduce(0, +) == 0 && d.filter { $0.value > 0 }.allSatisfy { $0.key.value == AdherenceCell.met })
    }

    @Test func statusRelativeToNow() {
        let v3 = NormVersion(kind: .handoverResponse, limit: 3, validFrom: Self.day(2026, 5, 1))
        // h6: deadline Fri 22 May 10:00.
        #expect(Self.adherence.status(Self.h6, v3, now: Self.at(2026, 5, 22, 10)) == .open)
        #expect(Self.adherence.status(Self.h6, v3, now: Self.at(2026, 5, 22, 10, 1)) == .missed)
        var done = Self.h6; done.end = Self.at(2026, 5, 22, 10)
        #expect(Self.adherence.status(done, v3, now: Self.at(2026, 6, 1, 9)) == .met)
        // Back-referral letter: no deadline, so time never makes it missed.
        let letter = NormVersion(kind: .backReferralLetter, limit: nil, validFrom: Self.day(2026, 4, 1))
        #expect(Self.adherence.status(Self.b3, letter, now: Self.at(2027, 1, 1, 9)) == .open)
        var sent = Self.b3; sent.end = Self.at(2026, 5, 12, 9)
        #expect(Self.adherence.status(sent, letter, now: Self.now) == .met)
    }

    @Test func normVersionsPickTheStartDayInAmsterdam() {
        let a = Self.agreementA
        #expect(a.norm(.handoverResponse, on: Self.day(2026, 3, 31)) == nil)
        #expect(a.norm(.handoverResponse, on: Self.day(2026, 4, 30))?.limit == 5)
        #expect(a.norm(.handoverResponse, on: Self.day(2026, 5, 1))?.limit == 3)
        #expect(a.norm(.handoverResponse, on: Self.day(2030, 1, 1))?.limit == 3)
        #expect(a.norm(.firstContact, on: Self.day(2026, 5, 1)) == nil)
        // 1 May 00:30 in Amsterdam is still 30 April in UTC; the Amsterdam day decides.
        let early = Self.item("40", .handoverResponse, Self.ggz1, Self.gp1, Self.at(2026, 5, 1, 0, 30))
        #expect(Self.adherence.startDay(early) == Self.day(2026, 5, 1))
        #expect(Self.adherence.version(of: early, under: a, organisations: Self.organisations)?.limit == 3)
        let late = Self.item("41", .handoverResponse, Self.ggz1, Self.gp1, Self.at(2026, 4, 30, 23, 30))
        #expect(Self.adherence.version(of: late, under: a, organisations: Self.organisations)?.limit == 5)
        #expect(YearMonth(late.start, calendar: Self.wd.calendar) == Self.month(2026, 4))
        // An ended agreement measures nothing that starts on or after its end.
        var ended = a; ended.endedOn = Self.day(2026, 6, 1)
        #expect(ended.norm(.handoverResponse, on: Self.day(2026, 5, 31))?.limit == 3)
        #expect(ended.norm(.handoverResponse, on: Self.day(2026, 6, 1)) == nil)
        // Changing a norm from a date adds a version; the same date replaces it.
        var changed = a
        changed.setNorm(.handoverResponse, limit: 4, from: Self.day(2026, 6, 1))
        changed.setNorm(.handoverResponse, limit: 2, from: Self.day(2026, 6, 1))
        #expect(changed.versions(of: .handoverResponse).map(\.limit) == [5, 3, 2])
        #expect(changed.norm(.handoverResponse, on: Self.day(2026, 5, 31))?.limit == 3)
        #expect(changed.validate().isEmpty)
    }

    @Test func otherDeadlines() {
        let a = Self.adherence
        func wd(_ n: Int, _ start: Date) -> Date? {
            a.deadline(NormItem(id: UUID(), kind: .firstContact, responsibleOrganisationID: Self.ggz1, start: start),
                       NormVersion(kind: .firstContact, limit: n, validFrom: Self.day(2000, 1, 1)))
        }
        // 2025: Goede Vrijdag Fri 18 Apr, Tweede Paasdag Mon 21 Apr. Thu 17 Apr + 1 wd → Tue 22 Apr.
        #expect(wd(1, Self.at(2025, 4, 17, 14)) == Self.at(2025, 4, 22, 14))
        // 2025: the 27th is a Sunday, so Koningsdag is Saturday 26 April; Monday 28 April is a working day.
        #expect(wd(1, Self.at(2025, 4, 25, 10)) == Self.at(2025, 4, 28, 10))
        // 2026: Fri 22 May + 1 wd skips the weekend and Tweede Pinksterdag → Tue 26 May.
        #expect(wd(1, Self.at(2026, 5, 22, 17)) == Self.at(2026, 5, 26, 17))
        // Calendar days keep the clock time across the change to summer time (Sun 29 Mar 2026).
        let start = Self.at(2026, 3, 20, 10)
        let d = a.deadline(NormItem(id: UUID(), kind: .caseAdvice, responsibleOrganisationID: Self.ggz1, start: start),
                           NormVersion(kind: .caseAdvice, limit: 14, validFrom: Self.day(2000, 1, 1)))
        #expect(d == Self.at(2026, 4, 3, 10))
        #expect(abs((d ?? start).timeIntervalSince(start) - (14 * 86400 - 3600)) < 0.001)  // one hour shorter
    }

    @Test func todoList() {
        let agreements = [Self.agreementA, Self.agreementB]
        let list = Self.adherence.todo(agreements: agreements, items: Self.items, organisations: Self.organisations,
                                       organisationID: Self.ggz1, now: Self.now)
        // Horizon: now (Wed 20 May 12:00) + 2 wd = Fri 22 May 12:00.
        // h5: A Mon 18 May 11:00, B Fri 15 May 11:00 → once, B, overdue.
        // h6: A Fri 22 May 10:00, B Thu 21 May 10:00 → once, B, not overdue.
        // h7: A only, Tue 26 May 09:00 → beyond the horizon. h8 (outside the parties) never; done items never;
        // ggz2's items are not ggz1's.
        #expect(list.map(\.item.id) == [Self.h5.id, Self.h6.id])
        #expect(list.map(\.deadline) == [Self.at(2026, 5, 15, 11), Self.at(2026, 5, 21, 10)])
        #expect(list.map(\.overdue) == [true, false])
        #expect(list.map(\.agreementID) == [Self.agreementB.id, Self.agreementB.id])
        #expect(list.map(\.agreementTitle) == ["Korte lijn ggz1–gp1", "Korte lijn ggz1–gp1"])
        #expect(list.map(\.limit) == [2, 2])
        #expect(list.allSatisfy { $0.kind == .handoverResponse })
        // The order of the agreements does not matter.
        #expect(Self.adherence.todo(agreements: agreements.reversed(), items: Self.items, organisations: Self.organisations,
                                    organisationID: Self.ggz1, now: Self.now) == list)
        // With A alone, A's deadlines.
        let onlyA = Self.adherence.todo(agreements: [Self.agreementA], items: Self.items, organisations: Self.organisations,
                                        organisationID: Self.ggz1, now: Self.now)
        #expect(onlyA.map(\.deadline) == [Self.at(2026, 5, 18, 11), Self.at(2026, 5, 22, 10)])
        // A wider horizon: 4 wd = Thu 21, Fri 22, [Mon 25] Tue 26, Wed 27 May 12:00 → h7 comes in, last.
        let wide = Self.adherence.todo(agreements: agreements, items: Self.items, organisations: Self.organisations,
                                       organisationID: Self.ggz1, now: Self.now, horizonWorkingDays: 4)
        #expect(wide.map(\.item.id) == [Self.h5.id, Self.h6.id, Self.h7.id])
        #expect(wide.last?.deadline == Self.at(2026, 5, 26, 9))
        // ggz2's only open item is a back-referral letter: no deadline, so nothing to do.
        #expect(Self.adherence.todo(agreements: agreements, items: Self.items, organisations: Self.organisations,
                                    organisationID: Self.ggz2, now: Self.now).isEmpty)
    }

    @Test func coverage() {
        let b = Self.agreementB
        #expect(b.covers(Self.ggz1, type: .ggzAanbieder))
        #expect(!b.covers(Self.ggz2, type: .ggzAanbieder))
        #expect(Self.agreementA.covers(Self.ggz2, type: .ggzAanbieder))
        #expect(!Self.agreementA.covers(Self.swt, type: .sociaalWijkteam))
        #expect(!Self.agreementA.covers(UUID(), type: nil))
    }

    @Test func partyStoredForm() throws {
        let id = UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!
        #expect(AgreementParty.organisation(id).stored == "org:3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        #expect(AgreementParty.organisationType(.ggzAanbieder).stored == "type:ggz_aanbieder")
        for p in [AgreementParty.organisation(id)] + OrganisationType.allCases.map(AgreementParty.organisationType) {
            #expect(AgreementParty(stored: p.stored) == p)
        }
        #expect(AgreementParty(stored: "org:3F2504E0-4F89-11D3-9A0C-0305E82C3301") == .organisation(id))
        for bad in ["", "org:", "org:nope", "type:", "type:apotheek", "ggz_aanbieder", "ORG:3f2504e0-4f89-11d3-9a0c-0305e82c3301"] {
            #expect(AgreementParty(stored: bad) == nil, "\(bad)")
        }
        let json = try JSONEncoder().encode([AgreementParty.organisationType(.steuncentrum), .organisation(id)])
        #expect(String(decoding: json, as: UTF8.self) == #"["type:steuncentrum","org:3f2504e0-4f89-11d3-9a0c-0305e82c3301"]"#)
        #expect(try JSONDecoder().decode([AgreementParty].self, from: json) == [.organisationType(.steuncentrum), .organisation(id)])
    }

    @Test func normKinds() {
        #expect(NormKind.allCases.filter(\.usesWorkingDays) == [.handoverResponse, .firstContact, .adviceLetter, .intakeReport, .closingReport])
        #expect(NormKind.allCases.filter { !$0.hasLimit } == [.backReferralLetter])
        #expect(NormKind.caseAdvice.labelKey == "norm_case_advice")
    }

    @Test func validation() {
        #expect(Self.agreementA.validate().isEmpty)
        #expect(Self.agreementB.validate().isEmpty)

        var empty = Self.agreementA
        empty.title = "  "; empty.parties = []; empty.norms = []
        #expect(empty.validate().fields == ["title": "error_required", "parties": "error_required", "norms": "error_required"])

        var a = Self.agreementA
        a.title = String(repeating: "x", count: 201)
        a.parties = [.organisation(Self.ggz1), .organisation(Self.ggz1)]
        a.endedOn = Self.day(2026, 4, 1)
        a.norms = [
            NormVersion(kind: .handoverResponse, limit: 0, validFrom: Self.day(2026, 4, 1)),
            NormVersion(kind: .firstContact, limit: 91, validFrom: Self.day(2026, 4, 1)),
            NormVersion(kind: .intakeReport, limit: nil, validFrom: Self.day(2026, 4, 1)),
            NormVersion(kind: .backReferralLetter, limit: 5, validFrom: Self.day(2026, 4, 1)),
            NormVersion(kind: .caseAdvice, limit: 14, validFrom: Self.day(2026, 3, 31)),
            NormVersion(kind: .closingReport, limit: 10, validFrom: Self.day(2026, 5, 1)),
            NormVersion(kind: .closingReport, limit: 8, validFrom: Self.day(2026, 5, 1)),
        ]
        #expect(a.validate().fields == [
            "title": "error_too_long",
            "parties": "error_duplicate",
            "endedOn": "error_end_before_start",
            "limit_handover_response": "error_norm_limit",
            "limit_first_contact": "error_norm_limit",
            "limit_intake_report": "error_required",
            "limit_back_referral_letter": "error_norm_no_limit",
            "validFrom_case_advice": "error_norm_before_effective",
            "validFrom_closing_report": "error_norm_same_date",
        ])

        var bounds = Self.agreementB
        bounds.norms = [NormVersion(kind: .handoverResponse, limit: 1, validFrom: Self.day(2026, 5, 1)),
                        NormVersion(kind: .firstContact, limit: 90, validFrom: Self.day(2026, 6, 1))]
        #expect(bounds.validate().isEmpty)
    }
}
