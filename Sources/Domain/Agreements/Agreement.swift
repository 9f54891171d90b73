import Foundation

/// A measurable norm of a *samenwerkingsafspraak*. Each is measured from timestamps MGN already
/// records; the persistence layer turns them into `NormItem`s. Raw values are stored: never rename them.
public enum NormKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Handover requested → accepted or rejected. Responsible: the receiver; counterpart: the sender.
    case handoverResponse = "handover_response"
    /// Handover accepted → first contact with the client. Responsible: the receiver.
    case firstContact = "first_contact"
    /// Verkennend gesprek held → advice reached the GP. Responsible: the duo's organisation; counterpart: the GP practice.
    case adviceLetter = "advice_letter"
    /// GGZ intake → intake report to the GP. Responsible: the receiver (GGZ).
    case intakeReport = "intake_report"
    /// Handover completed → closing report to the GP.
    case closingReport = "closing_report"
    /// Case submitted to a casuïstiektafel → advice. Calendar days. Responsible: the table chair's organisation.
    case caseAdvice = "case_advice"
    /// A terugverwijzing comes with a handover letter. No term: met if and only if the letter exists.
    case backReferralLetter = "back_referral_letter"

    /// The limit counts Dutch working days (`WorkingDays`); otherwise calendar days.
    public var usesWorkingDays: Bool {
        switch self {
        case .handoverResponse, .firstContact, .adviceLetter, .intakeReport, .closingReport: true
        case .caseAdvice, .backReferralLetter: false
        }
    }

    /// The norm has a term of N days; without one it is met or missed as a whole (`NormItem.satisfied`).
    public var hasLimit: Bool { self != .backReferralLetter }

    public var labelKey: String { "norm_\(rawValue)" }
}

/// A party to an agreement: one organisation, or every organisation of a type.
public enum AgreementParty: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case organisation(UUID)
    case organisationType(OrganisationType)

    /// The stored form: "org:<uuid>" (lowercase) or "type:<OrganisationType raw value>".
    public var stored: String {
        switch self {
        case .organisation(let id): "org:\(id.uuidString.lowercased())"
        case .organisationType(let type): "type:\(type.rawValue)"
        }
    }

    public init?(stored: String) {
        if stored.hasPrefix("org:"), let id = UUID(uuidString: String(stored.dropFirst(4))) {
            self = .organisation(id)
        } else if stored.hasPrefix("type:"), let type = OrganisationType(rawValue: String(stored.dropFirst(5))) {
            self = .organisationType(type)
        } else {
            return nil
        }
    }

    public var description: String { stored }

    /// The organisation is this party, or of this party's type. An unknown type only matches by id.
    public func includes(_ organisation: UUID, type: OrganisationType?) -> Bool {
        switch self {
        case .organisation(let id): id == organisation
        case .organisationType(let t): t == type
        }
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let party = AgreementParty(stored: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an agreement party: \(raw)"))
        }
        self = party
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(stored)
    }
}

/// One version of a norm: from `validFrom` on, items of `kind` must be done within `limit` days.
/// A change is a new version; items that started earlier keep the version of their start day.
public struct NormVersion: Sendable, Equatable, Hashable, Codable {
    public var kind: NormKind
    /// Days (working or calendar, per `kind.usesWorkingDays`); nil for kinds without a limit.
    public var limit: Int?
    public var validFrom: DateOnly

    public init(kind: NormKind, limit: Int?, validFrom: DateOnly) {
        self.kind = kind; self.limit = limit; self.validFrom = validFrom
    }
}

/// A *samenwerkingsafspraak* of the network: who agreed, from when, and which norms.
public struct Agreement: Sendable, Equatable, Identifiable {
    /// Allowed term of a norm, in days.
    public static let limitRange = 1...90
    public static let maximumTitleLength = 200

    public var id: UUID
    public var title: String
    public var parties: [AgreementParty]
    public var effectiveFrom: DateOnly
    public var norms: [NormVersion]
    public var createdAt: Date
    public var createdBy: UUID
    /// The first day the agreement no longer applies (items starting on or after it are not measured).
    public var endedOn: DateOnly?

    public init(id: UUID = UUID(), title: String, parties: [AgreementParty], effectiveFrom: DateOnly, norms: [NormVersion],
                createdAt: Date, createdBy: UUID, endedOn: DateOnly? = nil) {
        self.id = id; self.title = title; self.parties = parties; self.effectiveFrom = effectiveFrom; self.norms = norms
        self.createdAt = createdAt; self.createdBy = createdBy; self.endedOn = endedOn
    }

    /// The agreement applies to items that start on `day`: on or after `effectiveFrom`, before `endedOn`.
    public func isInForce(on day: DateOnly) -> Bool {
        day >= effectiveFrom && (endedOn.map { day < $0 } ?? true)
    }

    /// The version of `kind` that applies to an item that started on `day` (the latest `validFrom` <= day),
    /// or nil when the agreement is not in force that day or has no such version yet.
    public func norm(_ kind: NormKind, on day: DateOnly) -> NormVersion? {
        guard isInForce(on: day) else { return nil }
        return norms.filter { $0.kind == kind && $0.validFrom <= day }.max { $0.validFrom < $1.validFrom }
    }

    /// The versions of `kind`, oldest first.
    public func versions(of kind: NormKind) -> [NormVersion] {
        norms.filter { $0.kind == kind }.sorted { $0.validFrom < $1.validFrom }
    }

    /// The kinds this agreement has a norm for, in `NormKind.allCases` order.
    public var kinds: [NormKind] {
        NormKind.allCases.filter { k in norms.contains { $0.kind == k } }
    }

    /// Changes a norm from `day` on: replaces the version of that date, or adds one. Earlier periods keep theirs.
    public mutating func setNorm(_ kind: NormKind, limit: Int?, from day: DateOnly) {
        norms.removeAll { $0.kind == kind && $0.validFrom == day }
        norms.append(NormVersion(kind: kind, limit: limit, validFrom: day))
        norms.sort { ($0.validFrom, NormKind.allCases.firstIndex(of: $0.kind)!) < ($1.validFrom, NormKind.allCases.firstIndex(of: $1.kind)!) }
    }

    /// What a coordinator's edit of a norm means (form and API alike): a limit that differs from the
    /// version in force on `day` becomes a new version from `day`; the same limit changes nothing. A
    /// norm without a term is added once. Earlier periods keep theirs.
    public mutating func changeNorm(_ kind: NormKind, limit: Int?, from day: DateOnly) {
        if kind.hasLimit {
            guard let limit else { return }
            if norm(kind, on: day)?.limit != limit || versions(of: kind).isEmpty { setNorm(kind, limit: limit, from: day) }
        } else if versions(of: kind).isEmpty {
            setNorm(kind, limit: nil, from: day)
        }
    }

    /// The organisation is a party, by id or by type.
    public func covers(_ organisation: UUID, type: OrganisationType?) -> Bool {
        parties.contains { $0.includes(organisation, type: type) }
    }

    /// Form field of a norm's limit, and of its start date (one row per kind in the form).
    public static func limitField(_ kind: NormKind) -> String { "limit_\(kind.rawValue)" }
    public static func validFromField(_ kind: NormKind) -> String { "validFrom_\(kind.rawValue)" }

    /// Checks what a coordinator can get wrong; keys are form fields, values text-catalogue keys.
    public func validate() -> ValidationErrors {
        var e = ValidationErrors()
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { e.add("title", "error_required") }
        if t.count > Self.maximumTitleLength { e.add("title", "error_too_long") }
        if parties.isEmpty { e.add("parties", "error_required") }
        if Set(parties).count != parties.count { e.add("parties", "error_duplicate") }
        if norms.isEmpty { e.add("norms", "error_required") }
        if let endedOn, endedOn <= effectiveFrom { e.add("endedOn", "error_end_before_start") }
        var seen = Set<[String]>()
        for v in norms {
            if v.kind.hasLimit {
                if let l = v.limit { if !Self.limitRange.contains(l) { e.add(Self.limitField(v.kind), "error_norm_limit") } }
                else { e.add(Self.limitField(v.kind), "error_required") }
            } else if v.limit != nil {
                e.add(Self.limitField(v.kind), "error_norm_no_limit")
            }
            if v.validFrom < effectiveFrom { e.add(Self.validFromField(v.kind), "error_norm_before_effective") }
            if !seen.insert([v.kind.rawValue, v.validFrom.iso]).inserted { e.add(Self.validFromField(v.kind), "error_norm_same_date") }
        }
        return e
    }
}
