import Domain
import Foundation
import Testing
@testable import Web

/// Every text a view or the domain asks for exists in Dutch and in English.
@Suite struct CatalogueTests {
    static let webSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Web")
    let catalogue = try! Catalogue.load(from: WebResources.defaultDirectory)

    @Test func bothLanguagesHaveTheSameKeys() {
        #expect(Set(catalogue.table(.nl).keys) == Set(catalogue.table(.en).keys))
        #expect(catalogue.table(.nl).count > 100)
    }

    @Test func everyTextATemplateUsesExists() throws {
        let files = FileManager.default.enumerator(at: Self.webSources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
        #expect(files.count >= 10)
        let pattern = try NSRegularExpression(pattern: #"#\(t\.([a-z0-9_]+)\)"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                #expect(catalogue.table(.nl)[key] != nil, "\(file.lastPathComponent): \(key)")
            }
        }
    }

    @Test func everyLabelAndDomainMessageExists() {
        var keys = Role.allCases.map(\.labelKey) + OrganisationType.allCases.map(\.labelKey) + Echelon.allCases.map(\.labelKey)
        keys += AuditAction.allCases.map { "audit_action_\($0.rawValue)" } + AuditBasis.allCases.map { "audit_basis_\($0.rawValue)" }
        keys += ["kort", "aaaaaaaaaaaaaaa", String(repeating: "x", count: 80), "welkom123456"].compactMap { PasswordPolicy.problem(with: $0, email: "") }
        keys += ["error_not_found", "error_csrf", "error_internal", "error_conflict", "error_bad_request", "error_unauthorized"].flatMap { [$0, $0 + "_title"] }
        for key in keys { #expect(catalogue.table(.nl)[key] != nil && catalogue.table(.en)[key] != nil, "\(key)") }
    }

    @Test func placeholdersAreFilledIn() {
        #expect(catalogue.text("login_locked", .nl, ["minutes": "7"]).contains("7 minuten"))
        #expect(catalogue.text("does_not_exist", .en) == "does_not_exist")
    }

    @Test func rawOutputIsNeverUsedInTemplates() throws {
        let files = FileManager.default.enumerator(at: Self.webSources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
        for file in files {
            var text = try String(contentsOf: file, encoding: .utf8)
            // The one exception: a chart's SVG, built by `LineChart`, which escapes every text it draws
            // (ChartTests feed it hostile labels). Nothing else may bypass Leaf's escaping.
            if file.lastPathComponent == "indicator.leaf" { text = text.replacingOccurrences(of: "#unsafeHTML(page.chart)", with: "") }
            if file.lastPathComponent == "report.leaf" { text = text.replacingOccurrences(of: "#unsafeHTML(i.chart)", with: "") }
            #expect(!text.contains("unsafeHTML"), "\(file.lastPathComponent)")
        }
    }
}
