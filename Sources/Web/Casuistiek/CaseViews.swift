import Domain
import Foundation
import Vapor

/// What the casuïstiektafel pages share: names to show, and a case as the pages show it.
enum CaseViews {
    static func userNames(_ req: Request) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await req.repositories.users.list(organisationIDs: nil).map { ($0.id, $0.name) })
    }

    static func organisationNames(_ req: Request) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id, $0.name) })
    }

    static func wijkNames(_ req: Request) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await req.repositories.region.wijken().map { ($0.id, $0.name) })
    }

    static func title(_ req: Request, _ c: TableCase) -> String { req.t("ct_case_number", ["n": "\(c.number)"]) }

    static func waitingRow(_ req: Request, _ c: TableCase, wijken: [UUID: String]) -> CaseTableRoutes.WaitingRow {
        CaseTableRoutes.WaitingRow(title: title(req, c), path: SiteURL.tableCase(c.id).path, ageBand: c.ageBand.label,
                                   wijk: c.wijkID.flatMap { wijken[$0] } ?? req.t("ct_wijk_not_given"), urgency: req.t(c.urgency.labelKey),
                                   urgencyValue: c.urgency.rawValue, question: String(c.question.prefix(200)), submitted: DutchDate.day(c.submittedAt))
    }

    /// A case with its advice, as the case page, the session page and the minutes show it.
    struct CaseView: Encodable {
        var id: String, title: String, path: String, ageBand: String, wijk: String, urgency: String, urgencyValue: String
        var situation: String, tried: String, question: String, status: String, statusValue: String, submitted: String
        var outcome: String?, takeoverOrganisation: String?, adviceAt: String?, position: Int?
        var advice: [AdviceView], adviceCount: Int
        var isCurrent: Bool, isOpen: Bool
    }
    struct AdviceView: Encodable { var author: String; var organisation: String; var at: String; var text: String; var duringSession: Bool }

    static func caseView(_ req: Request, _ c: TableCase, advice: [CaseAdvice], current: UUID? = nil, users: [UUID: String],
                         organisations: [UUID: String], wijken: [UUID: String]) -> CaseView {
        CaseView(
            id: c.id.uuidString.lowercased(), title: title(req, c), path: SiteURL.tableCase(c.id).path, ageBand: c.ageBand.label,
            wijk: c.wijkID.flatMap { wijken[$0] } ?? req.t("ct_wijk_not_given"), urgency: req.t(c.urgency.labelKey), urgencyValue: c.urgency.rawValue,
            situation: c.situation, tried: c.tried, question: c.question, status: req.t(c.status.labelKey), statusValue: c.status.rawValue,
            submitted: DutchDate.dayTime(c.submittedAt), outcome: c.outcomeText, takeoverOrganisation: c.takeoverOrganisationID.flatMap { organisations[$0] },
            adviceAt: c.adviceAt.map(DutchDate.dayTime), position: c.agendaPosition,
            advice: advice.map { AdviceView(author: users[$0.authorUserID] ?? "—", organisation: organisations[$0.authorOrganisationID] ?? "—",
                                            at: DutchDate.dayTime($0.writtenAt), text: $0.text, duringSession: $0.duringSession) },
            adviceCount: advice.count,
            isCurrent: c.id == current, isOpen: c.status.isOpen)
    }

    /// The problems the identifier check found in one field, in words: "telefoonnummer „06 1234 5678”".
    static func findingsText(_ req: Request, _ findings: [IdentifierCheck.Finding]) -> String {
        findings.map { "\(req.t($0.kind.labelKey)) „\($0.text)”" }.joined(separator: "; ")
    }
}
