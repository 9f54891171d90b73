import Foundation

/// The seven goals of PRODUCT.md, in the order the overview shows them.
public enum NetworkGoal: String, Sendable, CaseIterable, Codable {
    case snelGeholpen = "snel_geholpen"
    case hulpvraagBeantwoord = "hulpvraag_beantwoord"
    case minderGGZInstroom = "minder_ggz_instroom"
    case minderInterneVerwijzingen = "minder_interne_verwijzingen"
    case collegasTevreden = "collegas_tevreden"
    case gecombineerdAanbod = "gecombineerd_aanbod"
    case ketensamenwerking
    public var labelKey: String { "goal_\(rawValue)" }
}

public enum Direction: String, Sendable, Codable { case lowerIsBetter = "lower", higherIsBetter = "higher", neither }

/// How an indicator is computed from the summary's histograms. Every case names the measures it reads.
public enum Computation: Sendable, Equatable {
    /// Whole days (or working days) until something happened: median, P80, P90 and the share within each limit.
    case duration(Measure, within: [Int])
    /// Open items, value = the day number they started: how many now, and how many longer than `over` days.
    case waitingNow(Measure, over: Int)
    /// Time to an event with open and ended cases censored (Kaplan–Meier): median and share within `within` days.
    case survival(event: Measure, censored: Measure, open: Measure, within: Int)
    /// Share of contributions whose value is in `success`.
    case share(Measure, success: Set<Int>)
    /// Mean score with its 95% CI, and the share at or above `atLeast`.
    case mean(Measure, atLeast: Int?)
    /// Share of decided items (due day number before today) that were met.
    case decided(due: Measure, hit: Measure)
    /// Events per 100 decided items, with an exact Poisson interval.
    case perHundred(due: Measure, hit: Measure)
    /// Shares of categories (value = index of the label key).
    case categories(Measure, labelKeys: [String])
    /// GGZ referrals per 1,000 registered patients of the practices with a baseline, per month:
    /// the imported referrals plus those made through MGN. `specialised`: that echelon only.
    case referralRate(specialised: Bool)
    /// Plans per primary route (the summary's route slices of `planOutsideGGZ`).
    case routeMix
    // Side sources: their own tables, read as sums per group (decision 0008), not the summary.
    /// A staff-pulse item per closed round, with the pulse's small-group rule.
    case pulse(PulseItem)
    /// Partner ratings in the staff pulse per closed round, per rated organisation.
    case partnerRatings
    /// Casuïstiektafel: whole days from submission to the table's answer (median, P80, P90, share within each limit).
    case caseAdviceDays(within: [Int])
    /// Casuïstiektafel: share of settled outcomes that were a take-over.
    case caseTakenOver
    /// Days to the third free duo slot per wijk, now.
    case currentVGWait
    /// Share of decided norm items that met the norm, per samenwerkingsafspraak and norm (`monitor_adherence`).
    case agreementAdherence
}

/// One indicator: what it is, exactly how it is computed, and what counts as better.
public struct Indicator: Sendable, Identifiable {
    public var id: String
    public var goal: NetworkGoal
    public var nameNL: String
    public var nameEN: String
    public var computation: Computation
    /// Numerator, denominator, window, timestamps, exclusions — exact, in Dutch and English.
    public var definitionNL: String
    public var definitionEN: String
    /// Plain words for the indicator page.
    public var explanationNL: String
    public var explanationEN: String
    public var unit: Unit
    public var better: Direction
    /// Norms and benchmarks drawn beside the figure (value in the indicator's unit).
    public var benchmarks: [Benchmark]

    public enum Unit: String, Sendable { case days, workingDays = "working_days", percent, score, count, perThousand = "per_1000", perHundred = "per_100" }

    public struct Benchmark: Sendable {
        public var value: Double
        public var labelNL: String
        public var labelEN: String
    }
}

extension Indicator {
    /// Which organisation's involvement makes a figure "theirs" (the organisation filter).
    public var organisationMeaningNL: String {
        switch computation {
        case .survival, .perHundred: "zender of ontvanger van de overdracht"
        case .duration(let m, _) where m == .handoverAnswer: "zender of ontvanger van de overdracht"
        case .waitingNow(let m, _) where m == .handoverOpen: "zender of ontvanger van de overdracht"
        case .share(let m, _) where m == .ggzReferral: "zender of ontvanger van de overdracht"
        case .mean, .categories: "organisaties van het duo"
        case .share(let m, _) where m == .feedbackInvited || m == .followUpInvited: "organisaties van het duo"
        case .referralRate: "de huisartspraktijk"
        case .pulse: "de organisatie van wie antwoordde, zoals de puls die bij het antwoord bewaart"
        case .partnerRatings: "de beoordeelde organisatie"
        case .caseAdviceDays, .caseTakenOver: "de organisatie van de indiener van de casus"
        case .currentVGWait: "de wijken die de organisatie bedient, met duo's met minstens één professional van de organisatie"
        case .agreementAdherence: "de organisatie die de norm moet halen"
        default: "verwijzende praktijk en organisaties van het duo"
        }
    }

    public var organisationMeaningEN: String {
        switch computation {
        case .survival, .perHundred: "sender or receiver of the handover"
        case .duration(let m, _) where m == .handoverAnswer: "sender or receiver of the handover"
        case .waitingNow(let m, _) where m == .handoverOpen: "sender or receiver of the handover"
        case .share(let m, _) where m == .ggzReferral: "sender or receiver of the handover"
        case .mean, .categories: "the duo's organisations"
        case .share(let m, _) where m == .feedbackInvited || m == .followUpInvited: "the duo's organisations"
        case .referralRate: "the GP practice"
        case .pulse: "the organisation of whoever answered, as the pulse stores it with the answer"
        case .partnerRatings: "the organisation rated"
        case .caseAdviceDays, .caseTakenOver: "the organisation of whoever submitted the case"
        case .currentVGWait: "the wijken the organisation serves, with duos with at least one professional of the organisation"
        case .agreementAdherence: "the organisation that must meet the norm"
        default: "the referring practice and the duo's organisations"
        }
    }
}

/// The catalogue. Ids are stable (they are in URLs and exports).
public enum IndicatorCatalogue {
    public static func indicator(_ id: String) -> Indicator? { all.first { $0.id == id } }
    public static func indicators(for goal: NetworkGoal) -> [Indicator] { all.filter { $0.goal == goal } }

    public static let all: [Indicator] = [
        Indicator(
            id: "wachttijd-vg", goal: .snelGeholpen, nameNL: "Wachttijd tot het verkennend gesprek", nameEN: "Wait for the exploratory conversation",
            computation: .duration(.vgWait, within: [7, 28]),
            definitionNL: "Per aanmelding: kalenderdagen van het moment dat de aanmelding compleet is (complete_at) tot het eerste gehouden verkennend gesprek (held_at) van die aanmelding. Maand = maand van het gesprek. Mediaan, P80 en P90 (R type 7) en het aandeel binnen 7 en binnen 28 dagen. Niet meegeteld: aanmeldingen die nooit compleet werden, en aanmeldingen die zonder gesprek zijn afgesloten. Nog wachtenden staan in ‘Wachtend nu’.",
            definitionEN: "Per registration: calendar days from the moment it was complete (complete_at) to its first conversation held (held_at). Month = month of the conversation. Median, P80 and P90 (R type 7) and the share within 7 and within 28 days. Excluded: registrations never complete, and those closed without a conversation. People still waiting are in ‘Waiting now’.",
            explanationNL: "Hoe lang iemand na een complete aanmelding wacht op het eerste gesprek met het duo. Korter is beter: het netwerk wil dat mensen snel geholpen worden.",
            explanationEN: "How long someone waits for the first conversation with the duo once the registration is complete. Shorter is better.",
            unit: .days, better: .lowerIsBetter,
            benchmarks: [Indicator.Benchmark(value: 28, labelNL: "Treeknorm aanmelding (4 weken)", labelEN: "Treeknorm registration (4 weeks)")]),
        Indicator(
            id: "wachtend-nu", goal: .snelGeholpen, nameNL: "Wachtend op een verkennend gesprek", nameEN: "Waiting for a conversation now",
            computation: .waitingNow(.vgWaiting, over: 28),
            definitionNL: "Aanmeldingen die compleet zijn, nog geen gehouden gesprek hebben en niet zijn afgesloten, op de dag van vandaag; en hoeveel daarvan langer dan 28 kalenderdagen wachten. Maand = maand waarin de aanmelding compleet werd.",
            definitionEN: "Registrations that are complete, have no conversation held and are not closed, today; and how many of them have waited more than 28 calendar days. Month = month the registration became complete.",
            explanationNL: "Hoeveel mensen nu wachten, en hoeveel al langer dan vier weken.", explanationEN: "How many people are waiting now, and how many for more than four weeks.",
            unit: .count, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "eerste-contact", goal: .snelGeholpen, nameNL: "Tot eerste contact na overdracht", nameEN: "Until first contact after handover",
            computation: .survival(event: .contactEvent, censored: .contactCensored, open: .contactOpen, within: 98),
            definitionNL: "Per aanmelding met een overdracht: kalenderdagen van de aanmelding (received_at) tot het eerste contact (first_contact_at) door de ontvanger van de eerste overdracht na die aanmelding (interne verwijzingen niet meegeteld). Nog open overdrachten tellen als ‘nog wachtend’ tot vandaag; een overdracht die zonder contact eindigde (afgewezen, geannuleerd) telt als wachtend tot dat moment (gecensureerd). Kaplan–Meier: mediaan en het aandeel binnen 14 weken (98 dagen). Maand = maand van de aanmelding.",
            definitionEN: "Per registration with a handover: calendar days from registration (received_at) to first contact (first_contact_at) by the receiver of the first handover after it (internal referrals not counted). Open handovers count as still waiting until today; one that ended without contact (declined, cancelled) counts as waiting until then (censored). Kaplan–Meier: median and share within 14 weeks (98 days). Month = month of registration.",
            explanationNL: "Hoe lang het duurt voordat de organisatie waarnaar iemand is overgedragen contact opneemt. Wie nog wacht, telt mee als wachtend — anders zou het cijfer mooier lijken dan het is.",
            explanationEN: "How long until the organisation someone was handed over to makes contact. People still waiting count as waiting — otherwise the figure would look better than it is.",
            unit: .days, better: .lowerIsBetter,
            benchmarks: [Indicator.Benchmark(value: 28, labelNL: "Treeknorm 4 weken", labelEN: "Treeknorm 4 weeks"),
                         Indicator.Benchmark(value: 70, labelNL: "Treeknorm 10 weken", labelEN: "Treeknorm 10 weeks"),
                         Indicator.Benchmark(value: 98, labelNL: "Treeknorm 14 weken", labelEN: "Treeknorm 14 weeks")]),
        Indicator(
            id: "wachttijd-vg-wijk", goal: .snelGeholpen, nameNL: "Actuele wachttijd voor een verkennend gesprek per wijk", nameEN: "Current wait for an exploratory conversation per wijk",
            computation: .currentVGWait,
            definitionNL: "Per wijk, nu: kalenderdagen van vandaag tot de dag van de derde vrije plek waarop een duo (een GGZ-professional en een van het sociaal domein, van actieve organisaties die de wijk bedienen) samen vrij is — uit de beschikbaarheid die professionals publiceren min de al geboekte gesprekken, dezelfde voorstellen als de planning doet (NZa: de derde vrije plek, zodat één toevallige annulering geen wachttijd wegpoetst). Alleen de komende 8 weken; een wijk met minder dan drie vrije plekken daarin heeft geen bekende wachttijd. Regiocijfer: de mediaan over de wijken, elke wijk even zwaar; een wijk zonder bekende wachttijd telt als langer dan elke bekende (valt de mediaan daarop, dan is er geen regiocijfer). Geen verloop per maand en de periode telt niet: het cijfer gaat over nu. Wijkfilter: die ene wijk; organisatiefilter: de wijken die de organisatie bedient, met alleen duo's met minstens één professional van die organisatie; de route telt niet. Geen onderdrukking van kleine aantallen: het gaat over gepubliceerde vrije tijd, niet over personen.",
            definitionEN: "Per wijk, now: calendar days from today to the day of the third free slot at which a duo (a GGZ professional and one of the social domain, of active organisations serving the wijk) is free together — from the availability professionals publish minus the conversations already booked, the same proposals the planning makes (NZa: the third free slot, so one lucky cancellation does not hide a wait). The next 8 weeks only; a wijk with fewer than three free slots in them has no known wait. Region figure: the median over the wijken, each wijk weighing the same; a wijk without a known wait counts as longer than any known one (if the median falls on it, there is no region figure). No series per month and the period does not apply: the figure is about now. Wijk filter: that one wijk; organisation filter: the wijken the organisation serves, with only duos with at least one professional of that organisation; the route does not apply. No small-number suppression: it is about published free time, not about persons.",
            explanationNL: "Hoe lang iemand die zich vandaag aanmeldt ongeveer wacht op een verkennend gesprek, per wijk. ‘Wachttijd tot het verkennend gesprek’ laat zien hoe lang het achteraf duurde.",
            explanationEN: "Roughly how long someone who registers today waits for an exploratory conversation, per wijk. ‘Wait for the exploratory conversation’ shows how long it took afterwards.",
            unit: .days, better: .lowerIsBetter,
            benchmarks: [Indicator.Benchmark(value: 28, labelNL: "Treeknorm aanmelding (4 weken)", labelEN: "Treeknorm registration (4 weeks)")]),
        Indicator(
            id: "rapportcijfer-vg", goal: .hulpvraagBeantwoord, nameNL: "Rapportcijfer verkennend gesprek", nameEN: "Rating of the conversation",
            computation: .mean(.feedbackRating, atLeast: 8),
            definitionNL: "Gemiddeld rapportcijfer (1–10) dat cliënten het verkennend gesprek geven, met 95%-betrouwbaarheidsinterval (t-verdeling), en het aandeel cijfers 8 of hoger (Wilson-interval). Maand = maand van de uitnodiging. Alleen beantwoorde uitnodigingen; de respons staat in ‘Respons feedback’.",
            definitionEN: "Mean rating (1–10) clients give the conversation, with a 95% confidence interval (t distribution), and the share of 8 or higher (Wilson interval). Month = month of the invitation. Answered invitations only; see ‘Feedback response’.",
            explanationNL: "Wat cliënten van het gesprek vinden. Pilots haalden 8,2 tot 8,7.", explanationEN: "What clients think of the conversation. Pilots reached 8.2 to 8.7.",
            unit: .score, better: .higherIsBetter,
            benchmarks: [Indicator.Benchmark(value: 8.2, labelNL: "Pilots 8,2", labelEN: "Pilots 8.2"),
                         Indicator.Benchmark(value: 8.7, labelNL: "Pilots 8,7", labelEN: "Pilots 8.7")]),
        Indicator(
            id: "respons-feedback", goal: .hulpvraagBeantwoord, nameNL: "Respons feedback na het gesprek", nameEN: "Feedback response after the conversation",
            computation: .share(.feedbackInvited, success: [1]),
            definitionNL: "Beantwoorde uitnodigingen gedeeld door alle uitnodigingen na een gehouden gesprek, per maand van de uitnodiging. Een uitnodiging is 30 dagen geldig: de laatste maand kan nog stijgen.",
            definitionEN: "Answered invitations divided by all invitations after a conversation held, per month of the invitation. An invitation is valid for 30 days: the latest month may still rise.",
            explanationNL: "Hoeveel cliënten de korte vragenlijst invullen. Bij een lage respons zeggen de cijfers minder.", explanationEN: "How many clients answer the short questionnaire. With a low response the figures say less.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "gesprek-relatie", goal: .hulpvraagBeantwoord, nameNL: "Gesprek: de relatie", nameEN: "Conversation: the relationship",
            computation: .mean(.feedbackRelationship, atLeast: 8),
            definitionNL: "Gemiddelde score (0–10) op ‘Ik voelde me gehoord, begrepen en gerespecteerd’ met 95%-interval; maand van de uitnodiging.", definitionEN: "Mean score (0–10) on the relationship item with a 95% interval; month of the invitation.",
            explanationNL: "Eén van de vier vragen over het gesprek.", explanationEN: "One of the four questions about the conversation.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "gesprek-doelen", goal: .hulpvraagBeantwoord, nameNL: "Gesprek: doelen en onderwerpen", nameEN: "Conversation: goals and topics",
            computation: .mean(.feedbackGoals, atLeast: 8),
            definitionNL: "Gemiddelde score (0–10) op ‘We spraken over wat ik belangrijk vind’ met 95%-interval; maand van de uitnodiging.", definitionEN: "Mean score (0–10) on the goals-and-topics item with a 95% interval; month of the invitation.",
            explanationNL: "Eén van de vier vragen over het gesprek.", explanationEN: "One of the four questions about the conversation.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "gesprek-aanpak", goal: .hulpvraagBeantwoord, nameNL: "Gesprek: de aanpak", nameEN: "Conversation: the approach",
            computation: .mean(.feedbackApproach, atLeast: 8),
            definitionNL: "Gemiddelde score (0–10) op ‘De aanpak paste bij mij’ met 95%-interval; maand van de uitnodiging.", definitionEN: "Mean score (0–10) on the approach item with a 95% interval; month of the invitation.",
            explanationNL: "Eén van de vier vragen over het gesprek.", explanationEN: "One of the four questions about the conversation.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "gesprek-algemeen", goal: .hulpvraagBeantwoord, nameNL: "Gesprek: algemeen", nameEN: "Conversation: overall",
            computation: .mean(.feedbackOverall, atLeast: 8),
            definitionNL: "Gemiddelde score (0–10) op ‘Het gesprek was goed voor mij’ met 95%-interval; maand van de uitnodiging.", definitionEN: "Mean score (0–10) on the overall item with a 95% interval; month of the invitation.",
            explanationNL: "Eén van de vier vragen over het gesprek.", explanationEN: "One of the four questions about the conversation.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "hulpvraag-beantwoord", goal: .hulpvraagBeantwoord, nameNL: "Hulpvraag beantwoord na 3 maanden", nameEN: "Question answered after 3 months",
            computation: .categories(.followUpAnswered, labelKeys: ["answer_ja", "answer_deels", "answer_nee"]),
            definitionNL: "Antwoorden op ‘Is uw hulpvraag beantwoord?’ (ja / deels / nee) in de vervolgvragenlijst 12 weken nadat het plan is gedeeld; aandeel per antwoord met Wilson-interval. Maand = maand van de uitnodiging.",
            definitionEN: "Answers to ‘Has your question been answered?’ (yes / partly / no) in the follow-up 12 weeks after the plan was shared; share per answer with a Wilson interval. Month = month of the invitation.",
            explanationNL: "Het doel van het netwerk in de woorden van de cliënt zelf.", explanationEN: "The network's aim in the client's own words.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "plan-en-advies-op-tijd", goal: .hulpvraagBeantwoord, nameNL: "Plan gedeeld en advies bij de huisarts binnen 2 werkdagen", nameEN: "Plan shared and GP advised within 2 working days",
            computation: .decided(due: .planInTimeDue, hit: .planInTimeMet),
            definitionNL: "Per gehouden verkennend gesprek: het actieplan is met de cliënt gedeeld (shared_with_client_at) én het advies is bij de huisarts (advice_to_gp_at), beide binnen 2 werkdagen na het gesprek (weekend en feestdagen tellen niet). Alleen gesprekken waarvan de termijn voorbij is. Maand = maand van het gesprek.",
            definitionEN: "Per conversation held: the plan was shared with the client (shared_with_client_at) and the advice reached the GP (advice_to_gp_at), both within 2 working days after the conversation (weekends and holidays do not count). Only conversations whose term has passed. Month = month of the conversation.",
            explanationNL: "Krijgen cliënt en huisarts snel wat er is afgesproken?", explanationEN: "Do client and GP quickly get what was agreed?",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "buiten-ggz", goal: .minderGGZInstroom, nameNL: "Geholpen buiten de GGZ", nameEN: "Helped outside GGZ",
            computation: .share(.planOutsideGGZ, success: [1]),
            definitionNL: "Aandeel actieplannen waarvan de hoofdroute buiten de GGZ ligt (zelfhulp, sociaal domein, huisartsenzorg, steuncentrum, casuïstiektafel), per maand waarin het plan is gemaakt. Wilson-interval; p-kaart met Anhøj-regels.",
            definitionEN: "Share of action plans whose primary route is outside GGZ (self-help, social domain, GP care, support centre, case table), per month the plan was made. Wilson interval; p-chart with Anhøj rules.",
            explanationNL: "Hoeveel mensen na het gesprek verder kunnen zonder GGZ. Pilots haalden ongeveer 25%.", explanationEN: "How many people can go on without GGZ after the conversation. Pilots reached about 25%.",
            unit: .percent, better: .higherIsBetter,
            benchmarks: [Indicator.Benchmark(value: 25, labelNL: "Pilots ±25%", labelEN: "Pilots ±25%")]),
        Indicator(
            id: "verwijzingen-ggz", goal: .minderGGZInstroom, nameNL: "GGZ-verwijzingen per 1.000 patiënten", nameEN: "GGZ referrals per 1,000 patients",
            computation: .referralRate(specialised: false),
            definitionNL: "Per maand: verwijzingen naar de basis- en specialistische GGZ (geïmporteerd per praktijk, plus overdrachten naar de GGZ via MGN) gedeeld door het aantal ingeschreven patiënten van de praktijken met een geïmporteerde maand, × 1.000. Exact Poisson-interval; onderbroken tijdreeks (segmented regression) met sprong en trendbreuk bij de start van MGN. Alleen praktijken met cijfers voor die maand.",
            definitionEN: "Per month: referrals to basic and specialised GGZ (imported per practice, plus handovers to GGZ through MGN) divided by the registered patients of the practices with that month imported, × 1,000. Exact Poisson interval; interrupted time series (segmented regression) with change in level and slope at go-live. Practices with figures for that month only.",
            explanationNL: "Gaan er minder mensen naar de GGZ dan vóór MGN?", explanationEN: "Do fewer people go to GGZ than before MGN?",
            unit: .perThousand, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "verwijzingen-sggz", goal: .minderGGZInstroom, nameNL: "Verwijzingen specialistische GGZ per 1.000 patiënten", nameEN: "Specialised GGZ referrals per 1,000 patients",
            computation: .referralRate(specialised: true),
            definitionNL: "Als ‘GGZ-verwijzingen per 1.000 patiënten’, alleen de specialistische GGZ. Landelijk doel: 30% minder verwijzingen naar de specialistische GGZ in 2027 (ten opzichte van de nulmeting).",
            definitionEN: "As ‘GGZ referrals per 1,000 patients’, specialised GGZ only. National aim: 30% fewer specialised-GGZ referrals by 2027 (against the baseline).",
            explanationNL: "De landelijke ambitie is 30% minder verwijzingen naar de specialistische GGZ in 2027.", explanationEN: "The national aim is 30% fewer specialised-GGZ referrals by 2027.",
            unit: .perThousand, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "heraanmelding-90", goal: .minderGGZInstroom, nameNL: "Heraanmelding binnen 90 dagen na uitkomst buiten GGZ", nameEN: "Re-registration within 90 days after an outside-GGZ outcome",
            computation: .decided(due: .reRegistration90Due, hit: .reRegistration90Hit),
            definitionNL: "Balansmaat. Per actieplan met hoofdroute buiten de GGZ: is dezelfde persoon binnen 90 dagen na het plan opnieuw aangemeld? Alleen plannen waarvan de 90 dagen voorbij zijn. Maand = maand van het plan.",
            definitionEN: "Balancing measure. Per plan with a primary route outside GGZ: was the same person registered again within 90 days of the plan? Only plans whose 90 days have passed. Month = month of the plan.",
            explanationNL: "Als minder GGZ ertoe leidt dat mensen terugkomen, is er niets gewonnen.", explanationEN: "If less GGZ makes people come back, nothing is gained.",
            unit: .percent, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "heraanmelding-365", goal: .minderGGZInstroom, nameNL: "Heraanmelding binnen 365 dagen na uitkomst buiten GGZ", nameEN: "Re-registration within 365 days after an outside-GGZ outcome",
            computation: .decided(due: .reRegistration365Due, hit: .reRegistration365Hit),
            definitionNL: "Als de 90-dagenmaat, met een venster van 365 dagen.", definitionEN: "As the 90-day measure, with a 365-day window.",
            explanationNL: "De balansmaat over een jaar.", explanationEN: "The balancing measure over a year.",
            unit: .percent, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "interne-verwijzingen", goal: .minderInterneVerwijzingen, nameNL: "Interne verwijzingen per 100 GGZ-starts", nameEN: "Internal referrals per 100 GGZ starts",
            computation: .perHundred(due: .ggzStartDue, hit: .internalReferralHit),
            definitionNL: "Interne verwijzingen (tussen teams van de ontvangende GGZ-aanbieder) binnen 90 dagen na de start van de behandeling (treatment_start_at), per 100 starts. Alleen starts waarvan de 90 dagen voorbij zijn. Exact Poisson-interval. Maand = maand van de start.",
            definitionEN: "Internal referrals (between teams of the receiving GGZ provider) within 90 days after treatment start (treatment_start_at), per 100 starts. Only starts whose 90 days have passed. Exact Poisson interval. Month = month of the start.",
            explanationNL: "Komt iemand meteen op de juiste plek, of gaat hij binnen de GGZ nog van team naar team?", explanationEN: "Does someone land in the right place at once, or move from team to team inside GGZ?",
            unit: .perHundred, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "terug-zonder-behandeling", goal: .minderInterneVerwijzingen, nameNL: "Terug naar de huisarts zonder behandeling binnen 30 dagen", nameEN: "Back to the GP without treatment within 30 days",
            computation: .decided(due: .returnDue, hit: .returnHit),
            definitionNL: "Per geaccepteerde overdracht naar de GGZ: een terugverwijzing van die GGZ-aanbieder binnen 30 dagen na acceptatie, zonder dat de behandeling is gestart. Alleen overdrachten waarvan de 30 dagen voorbij zijn. Maand = maand van acceptatie.",
            definitionEN: "Per accepted handover to GGZ: a referral back from that provider within 30 days after acceptance, without treatment having started. Only handovers whose 30 days have passed. Month = month of acceptance.",
            explanationNL: "Een snelle terugverwijzing zonder behandeling wijst op een verwijzing naar de verkeerde plek.", explanationEN: "A quick return without treatment points to a referral to the wrong place.",
            unit: .percent, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "puls-bevlogenheid", goal: .collegasTevreden, nameNL: "Bevlogenheid (collegapuls)", nameEN: "Work engagement (staff pulse)",
            computation: .pulse(.engagement),
            definitionNL: "Per afgesloten ronde van de collegapuls waarvan de periode in de gekozen maanden begint (uitkomsten pas na sluiting): het gemiddelde over de antwoorden van de bevlogenheid — per antwoord het gemiddelde van energie, toewijding en opgaan in het werk (UWES-3, elk 0 = nooit … 6 = dagelijks) — met 95%-interval (t-verdeling). Kleine groepen zoals op de pulspagina: een groep (de regio, een soort organisatie, een organisatie) telt in een ronde alleen mee als die groep daar minstens 5 antwoorden heeft; kleinere groepen gaan op in ‘overige, samen’ van het niveau erboven, zo dat ze ook niet door aftrekken terug te rekenen zijn, en een ronde met minder dan 5 antwoorden telt nergens mee. Gemiddelden over minder dan 10 antwoorden staan er niet. Organisatie = de organisatie van wie antwoordde, zoals de puls die bij het antwoord bewaart (niets koppelt een antwoord aan een persoon); wijk en route bestaan hier niet en tellen niet. Respons (alleen voor de regio): ingevuld gedeeld door uitgenodigd, over dezelfde rondes.",
            definitionEN: "Per closed round of the staff pulse whose period starts in the chosen months (results only after closing): the mean over the answers of work engagement — per answer the mean of vigour, dedication and absorption (UWES-3, each 0 = never … 6 = daily) — with a 95% interval (t distribution). Small groups as on the pulse page: a group (the region, a type of organisation, an organisation) counts in a round only if it has at least 5 answers there; smaller groups go into ‘others, together’ of the level above, so that they cannot be recovered by subtraction either, and a round with fewer than 5 answers counts nowhere. Means over fewer than 10 answers are not shown. Organisation = the organisation of whoever answered, as the pulse stores it with the answer (nothing links an answer to a person); wijk and route do not exist here and do not apply. Response (region only): answered divided by invited, over the same rounds.",
            explanationNL: "Hoe collega's hun werk beleven: energie, toewijding en opgaan in het werk. Collega's die graag in het netwerk werken zijn een doel op zich.",
            explanationEN: "How colleagues experience their work: vigour, dedication and absorption. Colleagues who like working in the network are an aim in itself.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "puls-enps", goal: .collegasTevreden, nameNL: "Werken in het netwerk aanraden (eNPS)", nameEN: "Recommending the network as a workplace (eNPS)",
            computation: .pulse(.enps),
            definitionNL: "Per afgesloten ronde van de collegapuls: het percentage promotors (9–10) min het percentage criticasters (0–6) op ‘Hoe waarschijnlijk is het dat u werken in dit netwerk aanraadt aan een collega?’ (0–10), van −100 tot +100. 95%-interval: het t-interval van het gemiddelde met promotors als +100, passieven (7–8) als 0 en criticasters als −100. Rondes, kleine groepen, onderdrukking en filters als bij ‘Bevlogenheid (collegapuls)’.",
            definitionEN: "Per closed round of the staff pulse: the percentage of promoters (9–10) minus the percentage of detractors (0–6) on ‘How likely are you to recommend working in this network to a colleague?’ (0–10), from −100 to +100. 95% interval: the t interval of the mean scoring promoters +100, passives (7–8) 0 and detractors −100. Rounds, small groups, suppression and filters as for ‘Work engagement (staff pulse)’.",
            explanationNL: "Zouden collega's werken in dit netwerk aanraden? Boven 0 zijn er meer aanbevelers dan criticasters.",
            explanationEN: "Would colleagues recommend working in this network? Above 0 there are more promoters than detractors.",
            unit: .score, better: .higherIsBetter,
            benchmarks: [Indicator.Benchmark(value: 0, labelNL: "0: evenveel promotors als criticasters", labelEN: "0: as many promoters as detractors")]),
        Indicator(
            id: "puls-mgn-item", goal: .collegasTevreden, nameNL: "Cliënten naar de juiste plek kunnen helpen", nameEN: "Able to help clients to the right place",
            computation: .pulse(.rightPlace),
            definitionNL: "Per afgesloten ronde van de collegapuls: de gemiddelde score (1 = helemaal niet … 10 = helemaal wel) op ‘Deze maand kon ik cliënten naar de juiste plek helpen’, met 95%-interval (t-verdeling). Rondes, kleine groepen, onderdrukking en filters als bij ‘Bevlogenheid (collegapuls)’.",
            definitionEN: "Per closed round of the staff pulse: the mean score (1 = not at all … 10 = completely) on ‘This month I could help clients to the right place’, with a 95% interval (t distribution). Rounds, small groups, suppression and filters as for ‘Work engagement (staff pulse)’.",
            explanationNL: "De vraag die MGN zelf aan de puls toevoegt: lukt het collega's om cliënten op de juiste plek te krijgen?",
            explanationEN: "The question MGN adds to the pulse: do colleagues manage to get clients to the right place?",
            unit: .score, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "routemix", goal: .gecombineerdAanbod, nameNL: "Routes van de actieplannen", nameEN: "Routes of the action plans",
            computation: .routeMix,
            definitionNL: "Per maand waarin het plan is gemaakt: het aantal actieplannen per hoofdroute (zeven routes), elk als aandeel van alle plannen met een Wilson-interval. Kopcijfer en grafiek: het aandeel plannen met een hoofdroute buiten de GGZ.", definitionEN: "Per month the plan was made: the number of action plans per primary route (seven routes), each as a share of all plans with a Wilson interval. Headline and chart: the share of plans whose primary route is outside GGZ.",
            explanationNL: "Welke kant mensen op gaan na het gesprek.", explanationEN: "Where people go after the conversation.",
            unit: .percent, better: .neither, benchmarks: []),
        Indicator(
            id: "meerdere-domeinen", goal: .gecombineerdAanbod, nameNL: "Plannen met acties in twee of meer domeinen", nameEN: "Plans with actions in two or more domains",
            computation: .share(.planDomains, success: Set(2...20)),
            definitionNL: "Aandeel actieplannen met (niet-geannuleerde) acties in twee of meer domeinen (GGZ telt als één domein), per maand van het plan.", definitionEN: "Share of plans with (not cancelled) actions in two or more domains (GGZ counts as one), per month of the plan.",
            explanationNL: "Gecombineerd aanbod: zorg en sociaal domein samen.", explanationEN: "Combined offer: care and social domain together.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "compleet-duo", goal: .gecombineerdAanbod, nameNL: "Gesprek door een compleet duo", nameEN: "Conversation held by a complete duo",
            computation: .share(.vgCompleteDuo, success: [1]),
            definitionNL: "Aandeel gehouden verkennende gesprekken met GGZ-deskundigheid (een professional van een GGZ-aanbieder, of een POH-GGZ of GGZ-behandelaar) én een professional van het sociaal domein (sociaal wijkteam, steuncentrum of gemeente), per maand van het gesprek.", definitionEN: "Share of conversations held with GGZ expertise (a professional of a GGZ provider, or a POH-GGZ or GGZ practitioner) and a professional of the social domain (social team, support centre or municipality), per month of the conversation.",
            explanationNL: "Het verkennend gesprek is bedoeld voor een duo uit beide werelden.", explanationEN: "The conversation is meant for a duo from both worlds.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "ervaringsdeskundige", goal: .gecombineerdAanbod, nameNL: "Ervaringsdeskundige bij het gesprek", nameEN: "Peer expert at the conversation",
            computation: .share(.vgPeerExpert, success: [1]),
            definitionNL: "Aandeel vastgelegde verkennende gesprekken waarbij een ervaringsdeskundige aanwezig was, per maand van het gesprek.", definitionEN: "Share of recorded conversations with a peer expert present, per month of the conversation.",
            explanationNL: "Ervaringskennis aan tafel.", explanationEN: "Lived experience at the table.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "afspraken-nakoming", goal: .ketensamenwerking, nameNL: "Nakoming van de samenwerkingsafspraken", nameEN: "Adherence to the collaboration agreements",
            computation: .agreementAdherence,
            definitionNL: "Per norm van elke samenwerkingsafspraak (reactie op een overdracht, eerste contact na acceptatie, adviesbrief aan de huisarts na het gesprek, verslag na intake en na afsluiting, advies van de casuïstiektafel, brief bij een terugverwijzing): het aandeel items dat de norm haalde, van de items waarvan de uitkomst vaststaat. Een item telt bij een afspraak als de afspraak op de startdag van kracht is, zowel de verantwoordelijke organisatie als de andere partij onder de partijen valt (als organisatie of als soort organisatie), en met de termijn van de normversie die op de startdag gold. Gehaald: gedaan binnen de termijn (werkdagen: zonder weekend en Nederlandse feestdagen, zelfde kloktijd). Gemist: later gedaan, of nog niet gedaan terwijl de termijn vóór vandaag verliep. Open items (termijn loopt nog) tellen niet in het aandeel; het aantal staat erbij. Maand = maand van de startdag. Een item onder twee afspraken telt bij elk. Kopcijfer en grafiek: alle afspraken en normen samen, met Wilson-interval en p-kaart met Anhøj-regels; de tabel geeft elke afspraak en norm apart. Organisatie = de organisatie die de norm moet halen; wijk = de wijk van de cliënt (of van de casus); route = de route van de overdracht of de hoofdroute van het plan.",
            definitionEN: "Per norm of each collaboration agreement (answer to a handover, first contact after acceptance, advice letter to the GP after the conversation, report after intake and after closing, the case table's advice, a letter with a back-referral): the share of items that met the norm, of the items whose outcome is settled. An item counts under an agreement when the agreement is in force on its start day and both the responsible organisation and the other party are among the parties (as an organisation or as a type of organisation), with the term of the norm version that applied on the start day. Met: done within the term (working days: without weekends and Dutch public holidays, same clock time). Missed: done later, or not done while the term ended before today. Open items (term still running) are not in the share; their number is given. Month = month of the start day. An item under two agreements counts under each. Headline and chart: all agreements and norms together, with a Wilson interval and a p-chart with Anhøj rules; the table gives each agreement and norm apart. Organisation = the organisation that must meet the norm; wijk = the client's wijk (or the case's); route = the route of the handover or the plan's primary route.",
            explanationNL: "Houden de partners zich aan wat ze met elkaar hebben afgesproken? Elke afspraak en norm staat apart in de tabel; op de pagina Samenwerkingsafspraken staan de open items per organisatie.",
            explanationEN: "Do partners keep what they agreed with each other? Each agreement and norm is listed apart in the table; the Agreements page lists the open items per organisation.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "reactietijd-overdracht", goal: .ketensamenwerking, nameNL: "Reactietijd op een overdracht", nameEN: "Response time to a handover",
            computation: .duration(.handoverAnswer, within: [2, 5]),
            definitionNL: "Per overdracht: werkdagen van het verzoek (requested_at) tot acceptatie of afwijzing; weekend en feestdagen tellen niet. Maand = maand van het verzoek. Overdrachten zonder antwoord staan in ‘Overdrachten zonder antwoord’.",
            definitionEN: "Per handover: working days from the request (requested_at) to acceptance or refusal; weekends and holidays do not count. Month = month of the request. Unanswered handovers are in ‘Handovers without an answer’.",
            explanationNL: "Hoe snel partners op elkaar reageren.", explanationEN: "How quickly partners answer each other.",
            unit: .workingDays, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "overdracht-open", goal: .ketensamenwerking, nameNL: "Overdrachten zonder antwoord", nameEN: "Handovers without an answer",
            computation: .waitingNow(.handoverOpen, over: 7),
            definitionNL: "Overdrachten die vandaag nog op acceptatie of afwijzing wachten, en hoeveel daarvan langer dan 7 kalenderdagen.", definitionEN: "Handovers still waiting for acceptance or refusal today, and how many for more than 7 calendar days.",
            explanationNL: "Wat er nu blijft liggen.", explanationEN: "What is waiting now.",
            unit: .count, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "volledigheid", goal: .ketensamenwerking, nameNL: "Volledigheid van de gegevens", nameEN: "Data completeness",
            computation: .decided(due: .completeDue, hit: .completeHit),
            definitionNL: "Per gehouden gesprek, 14 dagen erna: zijn alle tijdstippen vastgelegd die de cijfers nodig hebben (aanmelding compleet, eerste contact, plan gedeeld met de cliënt, advies aan de huisarts)? Maand = maand van het gesprek.",
            definitionEN: "Per conversation held, 14 days after it: are all timestamps the figures need recorded (registration complete, first contact, plan shared with the client, advice to the GP)? Month = month of the conversation.",
            explanationNL: "Cijfers zijn zo goed als wat er wordt vastgelegd.", explanationEN: "Figures are as good as what is recorded.",
            unit: .percent, better: .higherIsBetter, benchmarks: []),
        Indicator(
            id: "casus-advies-dagen", goal: .ketensamenwerking, nameNL: "Casuïstiektafel: tijd tot advies", nameEN: "Case table: time to advice",
            computation: .caseAdviceDays(within: [14, 28]),
            definitionNL: "Per casus waarop een casuïstiektafel antwoord gaf (een advies, of een voorstel tot overname): hele dagen (periodes van 24 uur, naar beneden afgerond) van het indienen (submitted_at) tot het antwoord van de tafel (advice_at). Maand = maand van het antwoord. Mediaan, P80 en P90 (R type 7) en het aandeel binnen 14 en binnen 28 dagen. Niet meegeteld: ingetrokken casussen en casussen zonder antwoord; die laatste staan bij ‘Nu wachtend op de tafel’ (ingediend of geagendeerd, vandaag). Organisatie = de organisatie van de indiener; wijk = de wijk die bij de casus is opgegeven (een casus zonder wijk telt alleen bij alle wijken); de route telt niet.",
            definitionEN: "Per case a case table answered (advice, or a proposal to take the client over): whole days (periods of 24 hours, rounded down) from submission (submitted_at) to the table's answer (advice_at). Month = month of the answer. Median, P80 and P90 (R type 7) and the share within 14 and within 28 days. Excluded: withdrawn cases and cases without an answer; the latter are in ‘Waiting for the table now’ (submitted or on an agenda, today). Organisation = the submitter's organisation; wijk = the wijk given with the case (a case without one counts for all wijken only); the route does not apply.",
            explanationNL: "Hoe snel een casuïstiektafel antwoord geeft op een situatie die vastloopt.", explanationEN: "How quickly a case table answers a situation that is stuck.",
            unit: .days, better: .lowerIsBetter, benchmarks: []),
        Indicator(
            id: "casus-overgenomen", goal: .ketensamenwerking, nameNL: "Casuïstiektafel: cliënt overgenomen", nameEN: "Case table: client taken over",
            computation: .caseTakenOver,
            definitionNL: "Per casus waarvan de uitkomst vaststaat — een advies van de tafel, of een overname die de indiener met toestemming van de cliënt bevestigde: het aandeel dat een organisatie van de tafel overnam. Een voorgestelde overname waarop de indiener nog niet heeft geantwoord telt niet mee; een afgewezen overname telt als advies. Maand = maand van het antwoord van de tafel (advice_at). Wilson-interval; p-kaart met Anhøj-regels. Organisatie = de organisatie van de indiener; wijk = de wijk bij de casus; de route telt niet.",
            definitionEN: "Per case whose outcome is settled — the table's advice, or a take-over the submitter confirmed with the client's consent: the share an organisation of the table took over. A proposed take-over the submitter has not answered yet does not count; a declined take-over counts as advice. Month = month of the table's answer (advice_at). Wilson interval; p-chart with Anhøj rules. Organisation = the submitter's organisation; wijk = the wijk given with the case; the route does not apply.",
            explanationNL: "Hoe vaak een tafel uitkomt op een overname door een andere organisatie. Geen richting: een goed advies is even waardevol.",
            explanationEN: "How often a table ends in another organisation taking the client over. No direction: good advice is as valuable.",
            unit: .percent, better: .neither, benchmarks: []),
        Indicator(
            id: "partner-waardering", goal: .ketensamenwerking, nameNL: "Waardering van de samenwerking met partners", nameEN: "Rating of working with partners",
            computation: .partnerRatings,
            definitionNL: "Per afgesloten ronde van de collegapuls: het gemiddelde cijfer (1–10) op ‘Hoe verliep de samenwerking met …?’, met 95%-interval (t-verdeling). Gevraagd over organisaties waarmee de eigen organisatie in de drie maanden ervoor cliënten overdroeg of een gesprek voerde, nooit over de eigen organisatie; één cijfer per collega per partner. Een partner telt in een ronde alleen mee met minstens 5 cijfers; kleinere gaan op in ‘overige partners, samen’, zoals op de pulspagina, en een ronde met minder dan 5 cijfers telt niet. Gemiddelden over minder dan 10 cijfers staan er niet. Organisatie = de beoordeelde organisatie; wijk en route tellen niet.",
            definitionEN: "Per closed round of the staff pulse: the mean mark (1–10) on ‘How did working with … go?’, with a 95% interval (t distribution). Asked about organisations the own organisation handed clients over to or held a conversation with in the three months before, never the own organisation; one mark per colleague per partner. A partner counts in a round only with at least 5 marks; smaller ones go into ‘other partners, together’, as on the pulse page, and a round with fewer than 5 marks does not count. Means over fewer than 10 marks are not shown. Organisation = the organisation rated; wijk and route do not apply.",
            explanationNL: "Hoe collega's de samenwerking met partnerorganisaties ervaren.", explanationEN: "How colleagues experience working with partner organisations.",
            unit: .score, better: .higherIsBetter, benchmarks: []),
    ]
}
