import Domain
import Foundation
import Vapor

/// Registering a citizen, shared by the form and the JSON API: the records an aanmelding consists of,
/// and what to do about possible duplicates given the user's answer to an earlier warning.
enum Registration {
    enum Outcome {
        case registered(clientID: UUID, aanmeldingID: UUID)
        /// Nothing stored: the user must choose. `allowNew` is false when a BSN matched (a BSN is one person).
        case duplicates([DuplicateHit], allowNew: Bool)
    }

    /// The client, the aanmelding and the consents from validated input, all stamped `now` by `me`.
    static func records(_ s: AanmeldingRoutes.Submitted, dateOfBirth: DateOnly, wijk: Wijk, me: CurrentUser, now: Date)
        -> (Domain.Client, Aanmelding, [Consent]) {
        let raw = s.raw
        let client = Domain.Client(regionID: me.organisation.regionID, name: raw["name"]!, dateOfBirth: dateOfBirth, bsn: s.bsn, postcode: s.postcode,
                            wijkID: wijk.id, phone: raw["phone"]!.isEmpty ? nil : raw["phone"],
                            email: raw["email"]!.isEmpty ? nil : Email.normalised(raw["email"]!), createdAt: now)
        let aanmelding = Aanmelding(clientID: client.id, referrerUserID: me.user.id, referrerOrganisationID: me.organisation.id,
                                    helpQuestion: raw["help_question"]!, urgency: s.urgency, receivedAt: now, completeAt: now)
        let pairs = s.consentVG.map { (ConsentPurpose.verkennendGesprek, $0) } + s.consentOverdracht.map { (ConsentPurpose.overdracht, $0) } + s.otherConsents
            + (s.feedbackByEmail ? [(ConsentPurpose.feedback, me.organisation.id)] : [])
        let consents = pairs.map { Consent(clientID: client.id, purpose: $0.0, organisationID: $0.1, givenAt: now, recordedBy: me.user.id) }
        return (client, aanmelding, consents)
    }

    /// Stores the registration unless a possible duplicate needs the user's decision first:
    /// `decision` is "" (not asked yet), "new" (someone else), or "existing:<client id>".
    static func register(_ req: Request, client: Domain.Client, aanmelding: Aanmelding, consents: [Consent], decision: String) async throws -> Outcome {
        let repos = req.repositories
        let accessor = try req.accessor()
        let key = client.personKey
        let hits = try await repos.clients.possibleDuplicates(of: key, by: accessor)
        if decision.hasPrefix("existing:"), let id = UUID(uuidString: String(decision.dropFirst("existing:".count))),
           hits.contains(where: { $0.clientID == id }) {
            try await repos.clients.registerForKnownClient(id, matching: key, aanmelding: aanmelding, consents: consents, by: accessor)
            return .registered(clientID: id, aanmeldingID: aanmelding.id)
        }
        let bsnMatch = hits.contains { $0.match == .sameBSN }
        guard hits.isEmpty || (decision == "new" && !bsnMatch) else { return .duplicates(hits, allowNew: !bsnMatch) }
        do {
            try await repos.clients.register(client, aanmelding: aanmelding, consents: consents, by: accessor)
            return .registered(clientID: client.id, aanmeldingID: aanmelding.id)
        } catch DomainError.conflict {
            // Someone registered the same BSN a moment ago: show it as a duplicate.
            return .duplicates(try await repos.clients.possibleDuplicates(of: key, by: accessor), allowNew: false)
        }
    }
}
