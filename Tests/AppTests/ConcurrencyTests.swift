import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// SQLite loses concurrent read-then-write transactions unless they take the write lock up front
/// (STACK-NOTES.md); PostgreSQL needs the audit head row lock. Both are proven here through HTTP.
@Suite struct ConcurrentWriteTests {
    @Test func sixtyConcurrentWritesAreEachStoredExactlyOnce() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.regionAdmin.email)
            try await b.get("/beheer/wijken/nieuw")
            let token = b.csrf, cookies = b.cookies
            let n = 60
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<n {
                    group.addTask {
                        let c = TestBrowser(app)
                        c.cookies = cookies
                        // Each wijk reads (postcode clash check) and then writes several rows plus an audit entry.
                        return try await c.post("/beheer/wijken/nieuw", [("_csrf", token), ("name", "Wijk \(i)"), ("code", "w\(i)"),
                                                                         ("postcodes", "\(5000 + i)")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == n, "\(statuses.map(\.code))")
            let wijken = try await app.repositories.region.wijken()
            #expect(wijken.count == n + 2)
            #expect(Set(wijken.map(\.code)).count == n + 2)
            #expect(wijken.flatMap(\.postcodes).count == n + 3)
            let finding = try await app.repositories.audit.verify()
            guard case .intact(let entries) = finding else { Issue.record("audit chain: \(finding)"); return }
            #expect(entries >= n)
        }
    }

    @Test func concurrentDuplicatesGiveOneRowAndClearErrorsNever500() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.regionAdmin.email)
            try await b.get("/beheer/wijken/nieuw")
            let token = b.csrf, cookies = b.cookies
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let c = TestBrowser(app)
                        c.cookies = cookies
                        return try await c.post("/beheer/wijken/nieuw", [("_csrf", token), ("name", "Dezelfde"), ("code", "zelfde"), ("postcodes", "6000")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 19, "\(statuses.map(\.code))")
            #expect(try await app.repositories.region.wijken().filter { $0.code == "zelfde" }.count == 1)
        }
    }
}
