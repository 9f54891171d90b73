import Foundation

/// A round of the staff pulse ("collega's tevreden"): every professional is asked once per period.
public struct PulseRound: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// "2026 K4" for quarters, "2026-11" for monthly rounds.
    public var label: String
    public var periodStart: DateOnly
    public var opensAt: Date
    public var closesAt: Date
    public init(id: UUID = UUID(), label: String, periodStart: DateOnly, opensAt: Date, closesAt: Date) {
        self.id = id; self.label = label; self.periodStart = periodStart; self.opensAt = opensAt; self.closesAt = closesAt
    }
    public func isOpen(at now: Date) -> Bool { opensAt <= now && now < closesAt }
    /// Results appear only after the round closed, so a running total never gives away a late answer.
    public func showsResults(at now: Date) -> Bool { now >= closesAt }
}

/// When rounds happen: every `months` months (3 = each quarter), open for `openDays` days from the
/// first working day of the period.
public struct PulseCalendar: Sendable, Equatable {
    public var months: Int
    public var openDays: Int
    public init(months: Int = 3, openDays: Int = 21) { self.months = months; self.openDays = openDays }

    public func round(containing now: Date, calendar wd: WorkingDays = WorkingDays()) -> PulseRound {
        let c = wd.calendar
        let d = c.dateComponents([.year, .month], from: now)
        let startMonth = ((d.month! - 1) / months) * months + 1
        var opens = c.date(from: DateComponents(year: d.year, month: startMonth, day: 1, hour: 8))!
        while !wd.isWorkingDay(opens) { opens = c.date(byAdding: .day, value: 1, to: opens)! }
        let closes = c.date(byAdding: .day, value: openDays, to: c.startOfDay(for: opens))!
        let label = months == 3 ? "\(d.year!) K\((startMonth - 1) / 3 + 1)" : months == 12 ? "\(d.year!)" : String(format: "%04d-%02d", d.year!, startMonth)
        // The round's id is derived from its period, so two app instances creating it at once agree.
        return PulseRound(id: PulseCalendar.roundID(label), label: label, periodStart: DateOnly(year: d.year!, month: startMonth, day: 1)!,
                          opensAt: opens, closesAt: closes)
    }

    static func roundID(_ label: String) -> UUID {
        var bytes = Array(label.utf8.prefix(16)); bytes += Array(repeating: 0, count: 16 - bytes.count)
        bytes[6] = (bytes[6] & 0x0F) | 0x80; bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// One professional's answers. Stored without any link to the person (see `PulseRepository`).
public struct PulseAnswer: Sendable, Equatable {
    /// Work engagement (UWES-3): 0 = nooit … 6 = dagelijks.
    public var vitality: Int
    public var dedication: Int
    public var absorption: Int
    /// eNPS: would you recommend working in this network (0–10).
    public var recommend: Int
    /// "Deze maand kon ik cliënten naar de juiste plek helpen" (1–10).
    public var rightPlace: Int
    /// Partner organisation → rating (1–10), only for partners worked with this period.
    public var partnerRatings: [UUID: Int]
    public var freeText: String?

    public init(vitality: Int, dedication: Int, absorption: Int, recommend: Int, rightPlace: Int, partnerRatings: [UUID: Int], freeText: String?) {
        self.vitality = vitality; self.dedication = dedication; self.absorption = absorption; self.recommend = recommend
        self.rightPlace = rightPlace; self.partnerRatings = partnerRatings; self.freeText = freeText
    }

    public static let freeTextLimit = 1000

    /// Reads the form; field → error key.
    public static func parse(_ raw: [String: String], partners: [UUID]) -> (PulseAnswer?, [String: String]) {
        var errors: [String: String] = [:]
        func int(_ name: String, _ range: ClosedRange<Int>, required: Bool = true) -> Int? {
            let v = raw[name]?.trimmingCharacters(in: .whitespaces) ?? ""
            if v.isEmpty { if required { errors[name] = "error_required" }; return nil }
            guard let n = Int(v), range.contains(n) else { errors[name] = "error_out_of_range"; return nil }
            return n
        }
        let vitality = int("vitality", 0...6), dedication = int("dedication", 0...6), absorption = int("absorption", 0...6)
        let recommend = int("recommend", 0...10), rightPlace = int("right_place", 1...10)
        var ratings: [UUID: Int] = [:]
        for p in partners { if let n = int("partner_\(p.uuidString)", 1...10, required: false) { ratings[p] = n } }
        let text = raw["free_text"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.count > freeTextLimit { errors["free_text"] = "error_too_long" }
        guard errors.isEmpty, let vitality, let dedication, let absorption, let recommend, let rightPlace else { return (nil, errors) }
        return (PulseAnswer(vitality: vitality, dedication: dedication, absorption: absorption, recommend: recommend, rightPlace: rightPlace,
                            partnerRatings: ratings, freeText: text.isEmpty ? nil : text), errors)
    }

    public var engagement: Double { Double(vitality + dedication + absorption) / 3 }
}

/// Sums of one organisation's answers in a round: what results are computed from.
public struct PulseSums: Sendable, Equatable {
    public var count = 0
    public var engagement = 0   // sum of the three items
    public var rightPlace = 0
    public var promoters = 0
    public var detractors = 0
    /// Σ of each answer's engagement sum squared, and of `rightPlace` squared: the monitor's t intervals need them.
    public var engagementSquares = 0
    public var rightPlaceSquares = 0
    public init() {}
    public mutating func add(_ o: PulseSums) {
        count += o.count; engagement += o.engagement; rightPlace += o.rightPlace; promoters += o.promoters; detractors += o.detractors
        engagementSquares += o.engagementSquares; rightPlaceSquares += o.rightPlaceSquares
    }
    public var engagementMean: Double? { count > 0 ? Double(engagement) / Double(count * 3) : nil }
    public var rightPlaceMean: Double? { count > 0 ? Double(rightPlace) / Double(count) : nil }
    /// % promoters (9–10) − % detractors (0–6).
    public var enps: Double? { count > 0 ? Double(promoters - detractors) * 100 / Double(count) : nil }
}

public struct PulseResults: Sendable, Equatable {
    public var round: PulseRound
    /// Professionals asked, and how many answered (region level only).
    public var invited: Int
    public var answered: Int
    public var byOrganisation: [UUID: PulseSums]
    /// Partner organisation → (count, sum of ratings).
    public var partnerRatings: [UUID: (count: Int, sum: Int)]
    /// Organisation → free texts, in no meaningful order; only for coordinators.
    public var freeTexts: [UUID: [String]]
    public init(round: PulseRound, invited: Int, answered: Int, byOrganisation: [UUID: PulseSums], partnerRatings: [UUID: (count: Int, sum: Int)],
                freeTexts: [UUID: [String]]) {
        self.round = round; self.invited = invited; self.answered = answered; self.byOrganisation = byOrganisation
        self.partnerRatings = partnerRatings; self.freeTexts = freeTexts
    }
    public static func == (a: PulseResults, b: PulseResults) -> Bool {
        a.round == b.round && a.invited == b.invited && a.answered == b.answered && a.byOrganisation == b.byOrganisation
            && a.partnerRatings.mapValues { [$0.count, $0.sum] } == b.partnerRatings.mapValues { [$0.count, $0.sum] } && a.freeTexts == b.freeTexts
    }
}

/// The staff pulse. Anonymity by design: who answered a round is kept in one table (to answer once),
/// the answers in another, with nothing to join them — no person, no time, no order.
public protocol PulseRepository: Sendable {
    /// Creates the round if missing, with an invitation in the outbox for every professional when
    /// `invite` (the demo makes past rounds without mailing anyone).
    func ensureRound(_ round: PulseRound, now: Date, invite: Bool) async throws -> Bool
    func rounds() async throws -> [PulseRound]
    func round(id: UUID) async throws -> PulseRound?
    func hasAnswered(roundID: UUID, userID: UUID) async throws -> Bool
    /// Organisations the user's organisation worked with (handovers either way, shared conversations)
    /// between `from` and `to`.
    func partners(of user: User, from: Date, to: Date) async throws -> [Organisation]
    /// Stores the answer and the participation together; `conflict("answered")` for a second answer,
    /// `conflict("closed")` outside the round.
    func submit(_ answer: PulseAnswer, roundID: UUID, by: Accessor) async throws
    func results(roundID: UUID) async throws -> PulseResults?
}
