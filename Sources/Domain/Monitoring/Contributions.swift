import Foundation

/// What a client's record adds to the dashboard's figures. Every indicator is a count over these
/// contributions, so the dashboard never reads a person: the database keeps, per measure, month, wijk,
/// organisation and route, how many contributions had each whole-number value (a histogram). Means,
/// proportions, exact medians and Kaplan–Meier curves all come from such histograms.
///
/// Values are whole days, working days, scores, 0/1 flags — or a *day number* (days since 1970-01-01,
/// Amsterdam time) for facts whose outcome depends on today's date: "waiting since day d" or "decided on
/// day d". Those are read against today at query time, so a stored row never goes stale by itself; a
/// window that has closed is stored as 0 once the client is refreshed (`Measure.settles`).
public struct MonitorContribution: Sendable, Hashable {
    public var measure: Measure
    /// The month the figure belongs to (see each measure's definition).
    public var month: YearMonth
    public var wijkID: UUID?
    /// The organisations involved; the figure counts for the region and for each of them.
    public var organisations: Set<UUID>
    public var route: CareRoute?
    public var value: Int

    public init(_ measure: Measure, _ month: YearMonth, wijkID: UUID?, organisations: Set<UUID>, route: CareRoute?, value: Int) {
        self.measure = measure; self.month = month; self.wijkID = wijkID; self.organisations = organisations
        self.route = route; self.value = value
    }
}

/// The measures kept in the summary. Raw values are stored: never rename them.
public enum Measure: String, Sendable, CaseIterable, Codable {
    /// Calendar days from complete registration to the first VG held; month of the VG.
    case vgWait = "vg_wait"
    /// Complete registrations without a VG held and not closed: value = day number of completion.
    case vgWaiting = "vg_waiting"
    /// Days from registration to first contact by the receiver of the first handover (event).
    case contactEvent = "contact_event"
    /// …the first handover ended without contact: censored at that many days.
    case contactCensored = "contact_censored"
    /// …still open: value = day number of the registration (censored at today).
    case contactOpen = "contact_open"
    /// A VG feedback invitation: 1 answered, 0 not; month of the invitation.
    case feedbackInvited = "fb_invited"
    case feedbackRating = "fb_rating"
    case feedbackRelationship = "fb_relatie"
    case feedbackGoals = "fb_doelen"
    case feedbackApproach = "fb_aanpak"
    case feedbackOverall = "fb_algemeen"
    /// A follow-up invitation: 1 answered, 0 not.
    case followUpInvited = "fu_invited"
    /// "Is uw hulpvraag beantwoord?": 0 ja, 1 deels, 2 nee.
    case followUpAnswered = "fu_answer"
    /// Plan shared and advice to the GP, both within 2 working days of the VG: due day number / met.
    case planInTimeDue = "plan2wd_due"
    case planInTimeMet = "plan2wd_met"
    /// One per actieplan: 1 when the primary route is outside GGZ; route = the primary route.
    case planOutsideGGZ = "plan_outside"
    /// One per actieplan: the number of domains its actions combine.
    case planDomains = "plan_domains"
    /// One per VG held: 1 when held by a GGZ professional and one from the social domain.
    case vgCompleteDuo = "vg_duo"
    /// One per VG record: 1 when an ervaringsdeskundige was present.
    case vgPeerExpert = "vg_peer"
    /// Re-registration after an outside-GGZ outcome: day number the window closes / re-registered within it.
    case reRegistration90Due = "rereg90_due"
    case reRegistration90Hit = "rereg90_hit"
    case reRegistration365Due = "rereg365_due"
    case reRegistration365Hit = "rereg365_hit"
    /// GGZ treatment starts (day number the 90-day window closes) and internal referrals within it (one each).
    case ggzStartDue = "ggzstart_due"
    case internalReferralHit = "intref_hit"
    /// GGZ referrals accepted (day number the 30-day window closes) and those returned to the GP without treatment.
    case returnDue = "return_due"
    case returnHit = "return_hit"
    /// Handovers answered: working days from request to accept/reject; month of the request.
    case handoverAnswer = "ho_answer"
    /// Handovers waiting for an answer: value = day number of the request.
    case handoverOpen = "ho_open"
    /// GGZ referrals through MGN, by echelon (value 0 basis, 1 specialistisch); month of the request.
    case ggzReferral = "ggz_referral"
    /// Data completeness: due day number (14 days after the VG) / every required timestamp present.
    case completeDue = "complete_due"
    case completeHit = "complete_hit"
}

extension Measure {
    /// Measures whose value is the day a window closes, read only as "closed before today?". Once that
    /// day has passed the exact day no longer matters, so a refresh stores 0 ("decided") instead: a
    /// compaction that keeps the summary small (one cell instead of one per day) and that queries cannot
    /// tell apart, since 0 is before every today. A stored day that has since passed reads the same.
    public var settles: Bool {
        switch self {
        case .planInTimeDue, .planInTimeMet, .completeDue, .completeHit, .reRegistration90Due, .reRegistration90Hit,
             .reRegistration365Due, .reRegistration365Hit, .ggzStartDue, .internalReferralHit, .returnDue, .returnHit: true
        default: false
        }
    }

    /// The value as a refresh on day `today` stores it.
    public func settled(_ value: Int, today: Int?) -> Int {
        guard settles, let today, value < today else { return value }
        return 0
    }
}

/// What contributions need to know besides the record.
public struct MonitorContext: Sendable {
    public var workingDays: WorkingDays
    public var organisationTypes: [UUID: OrganisationType]
    /// The organisation of each professional who held a VG.
    public var userOrganisations: [UUID: UUID]
    /// The echelon of GGZ teams (a referral's echelon comes from its team, else from its route).
    public var teamEchelons: [UUID: Echelon]
    /// Professionals with a GGZ role (POH-GGZ, GGZ-behandelaar): GGZ expertise in a duo even when their
    /// employer is a practice rather than a GGZ provider.
    public var ggzProfessionals: Set<UUID>
    /// The day number of the refresh: windows closed before it are stored as decided (`Measure.settles`).
    /// Nil keeps every day.
    public var today: Int?

    public init(workingDays: WorkingDays = WorkingDays(), organisationTypes: [UUID: OrganisationType], userOrganisations: [UUID: UUID],
                teamEchelons: [UUID: Echelon] = [:], ggzProfessionals: Set<UUID> = [], today: Int? = nil) {
        self.workingDays = workingDays; self.organisationTypes = organisationTypes
        self.userOrganisations = userOrganisations; self.teamEchelons = teamEchelons; self.ggzProfessionals = ggzProfessionals; self.today = today
    }

    var calendar: Calendar { workingDays.calendar }
    public func month(_ d: Date) -> YearMonth { YearMonth(d, calendar: calendar) }
    public func day(_ d: Date) -> Int { DayNumber.of(d, calendar: calendar) }
    /// Whole calendar days between the two dates' days (Amsterdam time).
    public func days(_ from: Date, _ to: Date) -> Int { max(0, day(to) - day(from)) }
}

/// Days since 1970-01-01 of a date's day in the given calendar: how "today" is compared in SQL.
public enum DayNumber {
    public static func of(_ date: Date, calendar: Calendar) -> Int {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return of(year: c.year!, month: c.month!, day: c.day!)
    }
    /// Days from civil date (Howard Hinnant's algorithm): no calendar object, so fast in bulk.
    public static func of(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    public static func date(_ n: Int) -> DateOnly {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return DateOnly(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }
}

/// Everything MGN holds about one client that the figures read. Feedback answers are included (they
/// are part of the client's record) but leave only as counts.
public struct MonitorInput: Sendable {
    public var clientID: UUID
    public var wijkID: UUID?
    public var aanmeldingen: [Aanmelding]
    public var appointments: [VGAppointment]
    public var conversations: [VGRecord]
    public var plans: [ActionPlan]
    public var handovers: [Handover]
    public var invitations: [FeedbackInvitation]
    public var answers: [UUID: [QuestionnaireAnswer]]

    public init(clientID: UUID, wijkID: UUID?, aanmeldingen: [Aanmelding], appointments: [VGAppointment], conversations: [VGRecord],
                plans: [ActionPlan], handovers: [Handover], invitations: [FeedbackInvitation], answers: [UUID: [QuestionnaireAnswer]]) {
        self.clientID = clientID; self.wijkID = wijkID; self.aanmeldingen = aanmeldingen; self.appointments = appointments
        self.conversations = conversations; self.plans = plans; self.handovers = handovers; self.invitations = invitations
        self.answers = answers
    }
}

extension MonitorInput {
    /// The contributions of this client, in a stable order. The definitions are in `IndicatorCatalogue`.
    public func contributions(_ ctx: MonitorContext) -> [MonitorContribution] {
        var out: [MonitorContribution] = []
        func add(_ m: Measure, _ at: Date, _ orgs: Set<UUID>, _ route: CareRoute?, _ value: Int) {
            out.append(MonitorContribution(m, ctx.month(at), wijkID: wijkID, organisations: orgs, route: route, value: m.settled(value, today: ctx.today)))
        }
        let registrations = aanmeldingen.sorted { $0.receivedAt < $1.receivedAt }
        let referrals = handovers.filter { $0.kind != .internalReferral }.sorted { $0.requestedAt < $1.requestedAt }

        for (i, a) in registrations.enumerated() {
            let nextReceived = i + 1 < registrations.count ? registrations[i + 1].receivedAt : nil
            let held = appointments.filter { $0.aanmeldingID == a.id && $0.heldAt != nil }.min { $0.heldAt! < $1.heldAt! }
            let plan = plans.first { $0.aanmeldingID == a.id }
            var duo: Set<UUID> = [a.referrerOrganisationID]
            if let held {
                for u in [held.ggzUserID, held.sociaalDomeinUserID] { if let o = ctx.userOrganisations[u] { duo.insert(o) } }
            }
            let route = plan?.primaryRoute

            // Snel geholpen: the wait for the VG (closed registrations without a VG are excluded).
            if let complete = a.completeAt {
                if let h = held?.heldAt {
                    add(.vgWait, h, duo, route, ctx.days(complete, h))
                } else if a.closedAt == nil {
                    add(.vgWaiting, complete, duo, nil, ctx.day(complete))
                }
            }

            // First contact by the receiver of the first handover made for this registration.
            if let first = referrals.first(where: { $0.requestedAt >= a.receivedAt && (nextReceived == nil || $0.requestedAt < nextReceived!) }) {
                let orgs: Set<UUID> = [first.fromOrganisationID, first.toOrganisationID]
                if let c = first.firstContactAt {
                    add(.contactEvent, a.receivedAt, orgs, first.route, ctx.days(a.receivedAt, c))
                } else if let end = first.rejectedAt ?? first.cancelledAt ?? first.completedAt {
                    add(.contactCensored, a.receivedAt, orgs, first.route, ctx.days(a.receivedAt, end))
                } else {
                    add(.contactOpen, a.receivedAt, orgs, first.route, ctx.day(a.receivedAt))
                }
            }

            guard let held, let heldAt = held.heldAt else { continue }
            // Gecombineerd aanbod: who held it.
            // Complete: GGZ expertise (a GGZ provider's professional, or a POH-GGZ of the practice) and the social domain.
            let pair = [held.ggzUserID, held.sociaalDomeinUserID]
            let types = pair.compactMap { ctx.userOrganisations[$0] }.compactMap { ctx.organisationTypes[$0] }
            let social: Set<OrganisationType> = [.sociaalWijkteam, .steuncentrum, .gemeente]
            let ggz = types.contains(.ggzAanbieder) || pair.contains { ctx.ggzProfessionals.contains($0) }
            add(.vgCompleteDuo, heldAt, duo, route, ggz && types.contains { social.contains($0) } ? 1 : 0)
            if let record = conversations.first(where: { $0.appointmentID == held.id }) {
                add(.vgPeerExpert, heldAt, duo, route, record.peerExpertPresent ? 1 : 0)
            }

            // Plan shared and advice to the GP within 2 working days; decided once the deadline passed.
            let deadline = ctx.workingDays.adding(2, to: heldAt)
            let dueDay = ctx.day(deadline)
            add(.planInTimeDue, heldAt, duo, route, dueDay)
            if let p = plan, let s = p.sharedWithClientAt, let g = p.adviceToGPAt, s <= deadline, g <= deadline {
                add(.planInTimeMet, heldAt, duo, route, dueDay)
            }
            // Data completeness: every timestamp the figures need, 14 days after the VG.
            let completeDay = ctx.day(heldAt) + 14
            add(.completeDue, heldAt, duo, route, completeDay)
            if a.completeAt != nil, a.firstContactAt != nil, plan?.sharedWithClientAt != nil, plan?.adviceToGPAt != nil {
                add(.completeHit, heldAt, duo, route, completeDay)
            }

            guard let plan else { continue }
            add(.planOutsideGGZ, plan.createdAt, duo, plan.primaryRoute, plan.primaryRoute.isGGZ ? 0 : 1)
            add(.planDomains, plan.createdAt, duo, plan.primaryRoute, plan.domains.count)
            // The balancing measure: does someone helped outside GGZ come back?
            if !plan.primaryRoute.isGGZ {
                let outcome = ctx.day(plan.createdAt)
                let back = nextReceived.map { ctx.day($0) - outcome }
                for (window, due, hit) in [(90, Measure.reRegistration90Due, Measure.reRegistration90Hit),
                                           (365, .reRegistration365Due, .reRegistration365Hit)] {
                    add(due, plan.createdAt, duo, plan.primaryRoute, outcome + window)
                    if let back, back <= window { add(hit, plan.createdAt, duo, plan.primaryRoute, outcome + window) }
                }
            }
        }

        // Handovers: answer times, GGZ referrals by echelon, internal referrals and returns.
        for h in handovers {
            let orgs: Set<UUID> = [h.fromOrganisationID, h.toOrganisationID]
            if let answered = h.acceptedAt ?? h.rejectedAt {
                add(.handoverAnswer, h.requestedAt, orgs, h.route, ctx.workingDays.count(from: h.requestedAt, to: answered))
            } else if h.status == .requested {
                add(.handoverOpen, h.requestedAt, orgs, h.route, ctx.day(h.requestedAt))
            }
            guard h.kind == .referral, h.route.isGGZ else { continue }
            let echelon = h.toTeamID.flatMap { ctx.teamEchelons[$0] }.flatMap { $0 == .none ? nil : $0 }
                ?? (h.route == .basisGGZ ? .basisGGZ : .specialistischeGGZ)
            add(.ggzReferral, h.requestedAt, orgs, h.route, echelon == .basisGGZ ? 0 : 1)
            if let start = h.treatmentStartAt {
                let due = ctx.day(start) + 90
                add(.ggzStartDue, start, orgs, h.route, due)
                for r in handovers where r.kind == .internalReferral && r.fromOrganisationID == h.toOrganisationID
                    && r.requestedAt >= start && ctx.days(start, r.requestedAt) <= 90 {
                    add(.internalReferralHit, start, orgs, h.route, due)
                }
            }
            if let accepted = h.acceptedAt {
                let due = ctx.day(accepted) + 30
                add(.returnDue, accepted, orgs, h.route, due)
                let returned = handovers.contains { r in
                    r.kind == .terugverwijzing && r.fromOrganisationID == h.toOrganisationID && r.requestedAt >= accepted
                        && ctx.days(accepted, r.requestedAt) <= 30
                }
                if returned && h.treatmentStartAt == nil { add(.returnHit, accepted, orgs, h.route, due) }
            }
        }

        // Feedback: counts only, per invitation month, for the duo's organisations.
        for inv in invitations {
            let orgs: Set<UUID> = [inv.ggzOrganisationID, inv.socialOrganisationID]
            let answers = inv.answeredAt == nil ? [] : (self.answers[inv.id] ?? [])
            func int(_ id: String) -> Int? { answers.first { $0.linkId == id }?.integer }
            switch inv.kind {
            case .conversation:
                add(.feedbackInvited, inv.createdAt, orgs, nil, inv.answeredAt == nil ? 0 : 1)
                for (id, m) in [("rapportcijfer", Measure.feedbackRating), ("relatie", .feedbackRelationship), ("doelen", .feedbackGoals),
                                ("aanpak", .feedbackApproach), ("algemeen", .feedbackOverall)] {
                    if let v = int(id) { add(m, inv.createdAt, orgs, nil, v) }
                }
            case .followUp:
                add(.followUpInvited, inv.createdAt, orgs, nil, inv.answeredAt == nil ? 0 : 1)
                if let t = answers.first(where: { $0.linkId == "hulpvraag_beantwoord" })?.text, let v = ["ja", "deels", "nee"].firstIndex(of: t) {
                    add(.followUpAnswered, inv.createdAt, orgs, nil, v)
                }
            }
        }
        return out
    }
}
