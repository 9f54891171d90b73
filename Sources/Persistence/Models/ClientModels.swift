import Domain
import Fluent
import Foundation

final class ClientModel: Model, @unchecked Sendable {
    static let schema = "clients"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "date_of_birth") var dateOfBirth: String
    @OptionalField(key: "bsn") var bsn: String?
    @OptionalField(key: "postcode") var postcode: String?
    @OptionalField(key: "wijk_id") var wijkID: UUID?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ c: Client) {
        self.init()
        id = c.id; regionID = c.regionID; apply(c); createdAt = c.createdAt
    }

    func apply(_ c: Client) {
        name = c.name; nameKey = DuplicateCheck.normalisedName(c.name); dateOfBirth = c.dateOfBirth.iso
        bsn = c.bsn?.value; postcode = c.postcode?.value; wijkID = c.wijkID; phone = c.phone; email = c.email
    }

    var domain: Client {
        Client(id: id!, regionID: regionID, name: name, dateOfBirth: DateOnly(dateOfBirth) ?? DateOnly(year: 1900, month: 1, day: 1)!,
               bsn: bsn.flatMap(BSN.init), postcode: postcode.flatMap(PC4.init), wijkID: wijkID, phone: phone, email: email,
               createdAt: createdAt)
    }
}

final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "consents"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "given_at") var givenAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoked_by") var revokedBy: UUID?
    init() {}

    convenience init(_ c: Consent) {
        self.init()
        id = c.id; clientID = c.clientID; purpose = c.purpose.rawValue; organisationID = c.organisationID
        givenAt = c.givenAt; recordedBy = c.recordedBy; revokedAt = c.revokedAt
    }

    var domain: Consent {
        Consent(id: id!, clientID: clientID, purpose: ConsentPurpose(rawValue: purpose) ?? .verkennendGesprek,
                organisationID: organisationID, givenAt: givenAt, recordedBy: recordedBy, revokedAt: revokedAt)
    }
}

final class AanmeldingModel: Model, @unchecked Sendable {
    static let schema = "aanmeldingen"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "referrer_user_id") var referrerUserID: UUID
    @Field(key: "referrer_organisation_id") var referrerOrganisationID: UUID
    @Field(key: "help_question") var helpQuestion: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "complete_at") var completeAt: Date?
    @OptionalField(key: "first_contact_at") var firstContactAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "closed_reason") var closedReason: String?
    init() {}

    convenience init(_ a: Aanmelding) {
        self.init()
        id = a.id; clientID = a.clientID; referrerUserID = a.referrerUserID; referrerOrganisationID = a.referrerOrganisationID
        helpQuestion = a.helpQuestion; urgency = a.urgency.rawValue; receivedAt = a.receivedAt; completeAt = a.completeAt
        firstContactAt = a.firstContactAt; closedAt = a.closedAt; closedReason = a.closedReason
    }

    var domain: Aanmelding {
        Aanmelding(id: id!, clientID: clientID, referrerUserID: referrerUserID, referrerOrganisationID: referrerOrganisationID,
                   helpQuestion: helpQuestion, urgency: Urgency(rawValue: urgency) ?? .regulier, receivedAt: receivedAt,
                   completeAt: completeAt, firstContactAt: firstContactAt, closedAt: closedAt, closedReason: closedReason)
    }
}

final class ContactMomentModel: Model, @unchecked Sendable {
    static let schema = "contact_moments"
    @ID(key: .id) var id: UUID?
    @Field(key: "aanmelding_id") var aanmeldingID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "channel") var channel: String
    @Field(key: "reached") var reached: Bool
    @Field(key: "note") var note: String
    init() {}

    convenience init(_ c: ContactMoment) {
        self.init()
        id = c.id; aanmeldingID = c.aanmeldingID; userID = c.userID; at = c.at; channel = c.channel.rawValue; reached = c.reached; note = c.note
    }

    var domain: ContactMoment {
        ContactMoment(id: id!, aanmeldingID: aanmeldingID, userID: userID, at: at,
                      channel: ContactMoment.Channel(rawValue: channel) ?? .telefoon, reached: reached, note: note)
    }
}

final class CareTeamMemberModel: Model, @unchecked Sendable {
    static let schema = "care_team_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "basis") var basis: String
    @Field(key: "added_at") var addedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    init() {}

    convenience init(_ m: CareTeamMember) {
        self.init()
        clientID = m.clientID; userID = m.userID; organisationID = m.organisationID; basis = m.basis.rawValue
        addedAt = m.addedAt; endedAt = m.endedAt
    }

    var domain: CareTeamMember {
        CareTeamMember(clientID: clientID, userID: userID, organisationID: organisationID,
                       basis: CareTeamBasis(rawValue: basis) ?? .registered, addedAt: addedAt, endedAt: endedAt)
    }
}
