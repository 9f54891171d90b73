import Foundation
import Vapor
import VaporTesting

/// A client that behaves like a browser for request tests: it keeps cookies, reads the form token
/// from the last page, and sends forms URL-encoded.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    private(set) var lastBody = ""
    var headers: HTTPHeaders = [:]

    init(_ app: Application) { self.app = app }

    /// The `_csrf` value of the last page that had a form.
    var csrf: String {
        guard let r = lastBody.range(of: #"name="_csrf" value=""#) else { return "" }
        return String(lastBody[r.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; `_csrf` from the last page is added unless the form sets it.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], withToken: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withToken && !fields.contains(where: { $0.0 == "_csrf" }) { fields.append(("_csrf", csrf)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    func login(_ email: String, _ password: String = Fixture.password) async throws -> TestingHTTPResponse {
        try await get("/inloggen")
        return try await post("/inloggen", [("email", email), ("password", password)])
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var h = headers
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { h.contentType = .urlEncodedForm }
        let req = TestingHTTPRequest(method: method, url: URI(path: path), headers: h,
                                     body: ByteBuffer(string: body ?? ""))
        let res = try await app.testing().performTest(request: req)
        for header in res.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.lowercased().contains("max-age=0") { cookies.removeValue(forKey: name) } else { cookies[name] = value }
        }
        let text = res.body.getString(at: res.body.readerIndex, length: res.body.readableBytes) ?? ""
        if text.contains("_csrf") { lastBody = text }
        return res
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics; allowed.insert(charactersIn: "-._*")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    var location: String? { headers.first(name: .location) }
}
