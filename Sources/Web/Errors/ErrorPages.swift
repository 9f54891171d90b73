import Domain
import Foundation
import Vapor

/// Turns every error into an answer that helps the user and leaks nothing:
/// - not signed in: any page that is not public (existing or not) sends you to the login page;
///   on the public sociale kaart an unknown entry is a 404;
/// - signed in: a page you may not see looks exactly like a page that does not exist (404);
/// - `/api/` and `/health`: RFC 9457 problem details in JSON;
/// - anything unexpected: a 500 page with the request id; the real error goes to the log only.
struct ErrorPages: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return await handle(error, req)
        }
    }

    private func handle(_ error: any Error, _ req: Request) async -> Response {
        let signedIn = req.auth.has(CurrentUser.self)
        let status: HTTPStatus
        let key: String
        switch error {
        case is CSRFError:
            status = .forbidden; key = "error_csrf"
        case let abort as any AbortError where abort.status == .unauthorized || (abort.status == .notFound && !signedIn && !isPublic(req)):
            if req.method == .GET && !isAPI(req) {
                let back = safeReturnPath(req.url.string).map { "?terug=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
                return req.redirect(to: SiteURL.login.path + back, redirectType: .normal)
            }
            status = .unauthorized; key = "error_unauthorized"
        case let abort as any AbortError where [.notFound, .forbidden].contains(abort.status):
            status = .notFound; key = "error_not_found"
        case let abort as any AbortError where abort.status.code < 500:
            status = abort.status; key = abort.status == .payloadTooLarge ? "error_too_large" : "error_bad_request"
        case DomainError.notFound, DomainError.forbidden:
            status = .notFound; key = "error_not_found"
        case DomainError.conflict:
            status = .conflict; key = "error_conflict"
        default:
            status = .internalServerError; key = "error_internal"
            req.logger.error("unexpected error: \(String(reflecting: error))")
        }
        if isAPI(req) { return problem(status, key, req) }
        do {
            return try await req.render("errors/error", titleKey: key + "_title",
                                        ErrorPage(message: req.t(key), requestID: req.id, signedIn: signedIn), status: status)
        } catch {
            req.logger.error("error page failed: \(String(reflecting: error))")
            let res = Response(status: status, body: .init(string: req.t(key) + "\n" + req.t("error_reference") + ": " + req.id))
            res.headers.contentType = .plainText
            return res
        }
    }

    /// The public sociale kaart: an unknown entry there is a plain "not found", not a login.
    private func isPublic(_ req: Request) -> Bool { req.url.path.hasPrefix(SiteURL.publicMap.path + "/") }

    private func isAPI(_ req: Request) -> Bool {
        req.url.path.hasPrefix("/api/") || req.url.path == SiteURL.health.path
    }

    private func problem(_ status: HTTPStatus, _ key: String, _ req: Request) -> Response {
        let body = Problem(type: "about:blank", title: req.t(key + "_title"), status: Int(status.code), detail: req.t(key),
                           instance: req.id, errors: nil)
        return Problem.response(body, status: status)
    }
}

struct ErrorPage: Encodable {
    var message: String
    var requestID: String
    var signedIn: Bool
}

/// RFC 9457 problem details; `errors` lists field problems for 422 answers.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var errors: [String: String]?

    static func response(_ p: Problem, status: HTTPStatus) -> Response {
        let res = Response(status: status)
        try? res.content.encode(p, as: .json)
        res.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return res
    }
}
