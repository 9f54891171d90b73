import Foundation

/// The texts of MGN's messages, Dutch first with English below, rendered at delivery from the stored
/// parameters. Plain language (B1); no client data beyond what the recipient already knows.
public struct MessageComposer: Sendable {
    /// Where people open MGN, e.g. `https://mgn.regio.nl` (links in messages are built on it).
    public var publicURL: String
    public var from: String
    public var messageIDHost: String

    public init(publicURL: String, from: String) {
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url; self.from = from
        messageIDHost = URL(string: url)?.host ?? "mgn.local"
    }

    public func mail(for m: OutboxMessage) -> OutgoingMail {
        let (subject, body) = text(m)
        return OutgoingMail(messageID: m.messageID(host: messageIDHost), from: from, to: m.recipient, subject: subject, textBody: body,
                            date: m.createdAt)
    }

    /// The feedback form of an invitation.
    public func feedbackLink(token: String) -> String { "\(publicURL)/f/\(token)" }

    func p(_ m: OutboxMessage, _ key: String) -> String { m.parameters[key] ?? "" }

    func text(_ m: OutboxMessage) -> (String, String) {
        let link = feedbackLink(token: p(m, "token"))
        let until = p(m, "expires")
        switch m.kind {
        case .feedbackInvitation:
            return ("Hoe was uw gesprek? / How was your conversation?", """
            Beste meneer, mevrouw,

            Op \(p(m, "date")) had u een verkennend gesprek. Wij willen graag weten hoe u dat gesprek vond. \
            Het invullen duurt ongeveer 2 minuten. De hulpverleners zien nooit uw eigen antwoorden, alleen \
            de cijfers van veel mensen samen.

            \(link)

            De link werkt één keer, tot en met \(until). Wilt u niet meedoen? Dan hoeft u niets te doen.

            ---

            On \(p(m, "date")) you had a first conversation with us. Please tell us how it went; it takes about \
            2 minutes. Professionals never see your own answers, only figures of many people together. \
            The link works once, until \(until).
            """)
        case .followUpInvitation, .followUpReminder:
            let reminder = m.kind == .followUpReminder
            return (reminder ? "Herinnering: hoe gaat het nu met u? / Reminder: how are you doing now?" : "Hoe gaat het nu met u? / How are you doing now?", """
            Beste meneer, mevrouw,

            \(reminder ? "Een week geleden vroegen wij u om een paar vragen te beantwoorden. Misschien bent u er nog niet aan toegekomen. " : "")\
            Ongeveer drie maanden geleden maakte u met ons een actieplan. Wij willen graag weten of uw \
            hulpvraag is beantwoord en hoe het nu met u gaat. Het invullen duurt ongeveer 3 minuten.

            \(link)

            De link werkt één keer, tot en met \(until). Wilt u niet meedoen? Dan hoeft u niets te doen.

            ---

            About three months ago you made an action plan with us. Please tell us whether your question was \
            answered and how you are doing now; it takes about 3 minutes. The link works once, until \(until).
            """)
        case .handoverNotice:
            return ("Nieuwe overdracht in MGN / New handover in MGN", """
            Er staat een nieuwe overdracht voor uw organisatie klaar in MGN (\(p(m, "organisation"))). \
            Wilt u deze beoordelen? Volgens de afspraak binnen \(p(m, "norm")) werkdagen.

            \(publicURL)/overdrachten

            Om privacyredenen staan er in dit bericht geen gegevens van de cliënt.

            ---

            A new handover for your organisation is waiting in MGN. This message contains no client data.
            """)
        case .handoverDeclined:
            return ("Overdracht afgewezen / Handover declined", """
            Een overdracht die u verstuurde is afgewezen door \(p(m, "organisation")). De reden staat in MGN.

            \(publicURL)/overdrachten

            Om privacyredenen staan er in dit bericht geen gegevens van de cliënt.

            ---

            A handover you sent was declined. The reason is in MGN. This message contains no client data.
            """)
        case .pulseInvitation:
            return ("Collegapuls \(p(m, "round")): hoe gaat het met uw werk? / How is your work going?", """
            De collegapuls \(p(m, "round")) staat open tot en met \(until). Vijf minuten, anoniem: \
            uw antwoorden worden opgeslagen zonder uw naam, en uitkomsten worden alleen getoond voor groepen \
            van minstens vijf collega's.

            \(publicURL)/puls

            ---

            The staff pulse \(p(m, "round")) is open until \(until). Five minutes, anonymous: your answers are \
            stored without your name, and results are shown only for groups of at least five colleagues.
            """)
        case .test:
            return ("Testbericht van MGN / Test message from MGN", """
            Dit is een testbericht. Als u dit leest, kan MGN e-mail versturen.

            This is a test message. If you can read it, MGN can send e-mail.
            """)
        }
    }
}
