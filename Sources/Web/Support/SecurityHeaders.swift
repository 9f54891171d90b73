import Vapor

/// Headers on every response. The CSP allows only this site's own files: no inline script or style,
/// so an injected tag cannot run even if escaping were ever missed.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Outermost middleware: error pages are already responses here, so they get the headers too.
        let res = try await next.respond(to: req)
        let h = \Response.headers
        res[keyPath: h].replaceOrAdd(name: "Content-Security-Policy", value:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        res[keyPath: h].replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res[keyPath: h].replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res[keyPath: h].replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        res[keyPath: h].replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()")
        res[keyPath: h].replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        if req.config.secureCookies && req.headers.first(name: "X-Forwarded-Proto") == "https" {
            res[keyPath: h].replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        res[keyPath: h].replaceOrAdd(name: "X-Request-Id", value: req.id)
        return res
    }
}
