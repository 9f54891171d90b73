import Domain
import Foundation
import Vapor

/// `GET /api/v1/feedback/figures`: the client-feedback figures of the page `/feedback`, as data. The same
/// groups, months and suppression (`FeedbackFigures.visible`); never a single client's answer.
enum FeedbackAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("feedback", "figures", use: figures)
    }

    struct FiguresDTO: Content { var minimumGroupSize: Int; var months: Int; var groups: [GroupDTO] }
    struct GroupDTO: Content {
        /// own (the conversations this professional held), organisation, or region.
        var scope: String; var organisationId: UUID?; var months: [MonthDTO]; var hiddenMonths: Int
    }
    struct MonthDTO: Content {
        var month: String; var kind: String; var invited: Int; var answered: Int; var responseRate: Double?
        var meanRating: Double?; var shareRatingAtLeast8: Double?; var itemMeans: [String: Double]?
        var helpQuestionAnswered: AnsweredDTO?
    }
    /// Shares of ja / deels / nee among the follow-ups that answered the question.
    struct AnsweredDTO: Content { var yes: Double; var partly: Double; var no: Double }

    @Sendable static func figures(req: Request) async throws -> FiguresDTO {
        let (me, figures) = try await FeedbackRoutes.figures(req)
        let shown = figures.visible
        func dto(_ m: FeedbackMonth) -> MonthDTO {
            let t = m.totals
            var month = MonthDTO(month: String(format: "%04d-%02d", m.year, m.month), kind: m.kind.rawValue, invited: t.invited, answered: t.answered,
                                 responseRate: t.responseRate)
            switch m.kind {
            case .conversation:
                month.meanRating = t.mean("rapportcijfer")
                let rated = t.counts["rapportcijfer"] ?? 0
                month.shareRatingAtLeast8 = rated > 0 ? Double(t.atLeast8) / Double(rated) : nil
                month.itemMeans = Dictionary(uniqueKeysWithValues: FeedbackQuestionnaires.conversationItems.dropFirst().compactMap { id in t.mean(id).map { (id, $0) } })
            case .followUp:
                let answered = t.choices["hulpvraag_beantwoord"] ?? [:]
                let n = Double(answered.values.reduce(0, +))
                if n > 0 {
                    month.helpQuestionAnswered = AnsweredDTO(yes: Double(answered["ja"] ?? 0) / n, partly: Double(answered["deels"] ?? 0) / n,
                                                             no: Double(answered["nee"] ?? 0) / n)
                }
            }
            return month
        }
        var groups: [GroupDTO] = []
        if ClientAccessPolicy.careRole(of: me.user) != nil {
            groups.append(GroupDTO(scope: "own", organisationId: nil, months: shown.own.map(dto), hiddenMonths: shown.hiddenOwn))
            groups.append(GroupDTO(scope: "organisation", organisationId: me.organisation.id, months: shown.organisation.map(dto),
                                   hiddenMonths: shown.hiddenOrganisation))
        }
        groups.append(GroupDTO(scope: "region", organisationId: nil, months: shown.region.map(dto), hiddenMonths: shown.hiddenRegion))
        return FiguresDTO(minimumGroupSize: SmallGroups.minimum, months: FeedbackRoutes.figureMonths, groups: groups)
    }
}
