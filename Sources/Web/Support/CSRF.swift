import Foundation
import Vapor

/// Every state-changing form carries `_csrf`. Signed in, it must equal the token stored with the
/// session (rotated at login); before login it must equal the `mgn_csrf` cookie (double submit).
/// Requests to `/api/` authenticate with a bearer token instead and are not cookie-based.
struct CSRFProtection: AsyncMiddleware {
    static let field = "_csrf"
    static let cookie = "mgn_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let anonymousToken = req.cookies[Self.cookie]?.string

        if ![.GET, .HEAD, .OPTIONS].contains(req.method), !req.url.path.hasPrefix("/api/") {
            // A body larger than one network read arrives as a stream; the token is inside it.
            if req.body.data == nil {
                let limit = Self.uploadPaths.contains(req.url.path) ? Self.uploadLimit : req.application.routes.defaultMaxBodySize.value
                _ = try await req.body.collect(max: limit).get()
            }
            let sent = (try? req.content.get(String.self, at: Self.field)) ?? ""
            let expected = req.auth.get(CurrentUser.self)?.session?.csrfToken ?? anonymousToken ?? ""
            guard !expected.isEmpty, constantTimeEqual(sent, expected) else { throw CSRFError() }
        }
        let res = try await next.respond(to: req)
        // A page that rendered a form for a visitor without the cookie gets one now.
        if let fresh = req.storage[AnonymousTokenKey.self] {
            res.cookies[Self.cookie] = HTTPCookies.Value(string: fresh, path: "/", isSecure: req.config.secureCookies,
                                                         isHTTPOnly: true, sameSite: .lax)
        }
        return res
    }

    /// Forms that upload files (imports) may be larger than the default body limit.
    static let uploadPaths: Set<String> = [SiteURL.mapImportCSV.path, SiteURL.mapImportHSDS.path]
    static let uploadLimit = 20 * 1024 * 1024

    struct AnonymousTokenKey: StorageKey { typealias Value = String }
}

struct CSRFError: Error {}

extension Request {
    /// The token to put in this page's forms. A visitor who is not signed in and has no token cookie
    /// gets a new token, which `CSRFProtection` sets as a cookie on the way out.
    var csrfToken: String {
        if let token = auth.get(CurrentUser.self)?.session?.csrfToken { return token }
        if let token = cookies[CSRFProtection.cookie]?.string, !token.isEmpty { return token }
        if let token = storage[CSRFProtection.AnonymousTokenKey.self] { return token }
        let token = randomToken()
        storage[CSRFProtection.AnonymousTokenKey.self] = token
        return token
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
