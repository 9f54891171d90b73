import Domain
import Foundation
import Vapor

/// Sign in, sign out, change password, switch language.
enum LoginRoutes {
    static func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        routes.get(.login, use: showLogin)
        routes.post(.login, use: login)
        routes.get(.language(nil), use: switchLanguage)
        signedIn.post(.logout, use: logout)
        signedIn.get(.password, use: showPassword)
        signedIn.post(.password, use: changePassword)
    }

    struct LoginPage: Encodable {
        var email: FormField
        var password: FormField
        var error: String?
        var returnTo: String
        var demoLogins: [DemoLogin]
    }

    @Sendable static func showLogin(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: .home) }
        return try await renderLogin(req, LoginPage(email: FormField(), password: FormField(), error: nil,
                                                    returnTo: safeReturnPath(req.query["terug"]) ?? "/",
                                                    demoLogins: req.config.demoLogins))
    }

    private static func renderLogin(_ req: Request, _ page: LoginPage, status: HTTPStatus = .ok) async throws -> Response {
        try await req.render("login/login", titleKey: "login_title", page, status: status)
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let email = Email.normalised(req.field("email"))
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        let returnTo = safeReturnPath(req.field("terug")) ?? "/"
        var page = LoginPage(email: FormField(email), password: FormField(), error: nil, returnTo: returnTo,
                             demoLogins: req.config.demoLogins)
        var errors = ValidationErrors()
        if email.isEmpty { errors.add("email", "error_required") }
        if password.isEmpty { errors.add("password", "error_required") }
        if !errors.isEmpty {
            page.email = req.field("email", errors); page.password = FormField(error: errors["password"].map { req.t($0) })
            return try await renderLogin(req, page, status: .unprocessableEntity)
        }

        let repos = req.repositories
        let now = req.now
        let since = now.addingTimeInterval(-req.config.throttle.window)
        let decision = req.config.throttle.decide(
            accountFailures: try await repos.loginAttempts.failures(email: email, since: since),
            addressFailures: try await repos.loginAttempts.failures(sourceAddress: req.sourceAddress, since: since), now: now)
        if case .locked(let until) = decision {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            page.error = req.t("login_locked", ["minutes": String(minutes)])
            return try await renderLogin(req, page, status: .tooManyRequests)
        }

        let credentials = try await repos.users.credentials(email: email)
        // Verify against a fixed hash when the account is unknown, so timing does not reveal which addresses exist.
        let hash = credentials?.passwordHash ?? req.application.web.dummyPasswordHash
        let matches = try await req.password.async.verify(password, created: hash)
        guard let credentials, matches, credentials.user.isActive,
              let org = try await repos.organisations.find(id: credentials.user.organisationID), org.isActive else {
            try await repos.loginAttempts.record(email: email, sourceAddress: req.sourceAddress, succeeded: false, at: now)
            try await repos.audit.append(AuditEvent(at: now, userID: credentials?.user.id, organisationID: credentials?.user.organisationID,
                                                    role: nil, action: .loginFailed, objectType: "session", objectID: nil,
                                                    sourceAddress: req.sourceAddress, basis: .authentication))
            WebMetrics.loginFailures.increment()
            page.error = req.t("login_failed")
            return try await renderLogin(req, page, status: .unauthorized)
        }

        // A new session id at every login: a token planted before login is worthless after it.
        let token = SessionCookie.newToken()
        let session = LoginSession(tokenHash: SessionCookie.hash(token), userID: credentials.user.id, csrfToken: randomToken(),
                              createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(req.config.sessionLifetime),
                              sourceAddress: req.sourceAddress, userAgent: req.headers.first(name: .userAgent).map { String($0.prefix(300)) })
        try await repos.sessions.create(session)
        try await repos.loginAttempts.record(email: email, sourceAddress: req.sourceAddress, succeeded: true, at: now)
        try await repos.audit.append(AuditEvent(at: now, userID: credentials.user.id, organisationID: org.id, role: nil,
                                                action: .login, objectType: "session", objectID: nil,
                                                sourceAddress: req.sourceAddress, basis: .authentication))
        WebMetrics.logins.increment()
        let res = req.redirect(to: returnTo, redirectType: .normal)
        res.cookies[SessionCookie.name] = SessionCookie.cookie(token, maxAge: Int(req.config.sessionLifetime), secure: req.config.secureCookies)
        return res
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        let current = try req.currentUser()
        if let session = current.session { try await req.repositories.sessions.delete(tokenHash: session.tokenHash) }
        try await req.repositories.audit.append(current.audit(.logout, "session", nil, role: nil, basis: .authentication, on: req))
        req.auth.logout(CurrentUser.self)
        let res = req.redirect(to: SiteURL.login.path + "?melding=flash_logged_out", redirectType: .normal)
        res.cookies[SessionCookie.name] = SessionCookie.cookie("", maxAge: 0, secure: req.config.secureCookies)
        return res
    }

    struct PasswordPage: Encodable {
        var current: FormField
        var new: FormField
        var repeat_: FormField
        enum CodingKeys: String, CodingKey { case current, new, repeat_ = "repeat" }
    }

    @Sendable static func showPassword(req: Request) async throws -> Response {
        try await req.render("login/password", titleKey: "password_title",
                             PasswordPage(current: FormField(), new: FormField(), repeat_: FormField()))
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let current = (try? req.content.get(String.self, at: "current")) ?? ""
        let new = (try? req.content.get(String.self, at: "new")) ?? ""
        let again = (try? req.content.get(String.self, at: "repeat")) ?? ""
        var errors = ValidationErrors()
        guard let creds = try await req.repositories.users.credentials(id: me.user.id) else { throw Abort(.unauthorized) }
        if !(try await req.password.async.verify(current, created: creds.passwordHash)) { errors.add("current", "error_password_wrong") }
        if let problem = PasswordPolicy.problem(with: new, email: me.user.email) { errors.add("new", problem) }
        if new != again { errors.add("repeat", "error_password_mismatch") }
        if !errors.isEmpty {
            // Passwords are never echoed back into the form.
            let f = { (name: String) in FormField(error: errors[name].map { req.t($0) }) }
            return try await req.render("login/password", titleKey: "password_title",
                                        PasswordPage(current: f("current"), new: f("new"), repeat_: f("repeat")), status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(new)
        try await req.repositories.users.setPassword(
            userID: me.user.id, hash: hash, keepSession: me.session?.tokenHash,
            audit: me.audit(.passwordChanged, "user", me.user.id.uuidString, role: nil, basis: .authentication, on: req))
        return req.redirect(to: SiteURL.home.path + "?melding=flash_password_changed", redirectType: .normal)
    }

    /// GET is safe here: it only sets the language cookie, then returns to a local page.
    @Sendable static func switchLanguage(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code").flatMap(Locale.Code.init(rawValue:)) else { throw Abort(.notFound) }
        let res = req.redirect(to: safeReturnPath(req.query["terug"]) ?? "/", redirectType: .normal)
        res.cookies["mgn_lang"] = HTTPCookies.Value(string: code.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                    isSecure: req.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return res
    }
}
