import Foundation
import Testing
@testable import Domain

@Suite struct AuditChainTests {
    // A stand-in hash keeps the domain test free of crypto; the persistence tests use SHA-256.
    let chain = AuditChain { text in String(text.unicodeScalars.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1.value)) &* 1099511628211 }, radix: 16) }

    func entries(_ n: Int) -> [AuditChain.StoredEntry] {
        var previous = AuditChain.genesis
        return (1...n).map { i in
            let e = AuditEvent(at: Date(timeIntervalSince1970: Double(i)), userID: UUID(), organisationID: UUID(), role: .pohGGZ,
                               clientID: UUID(), action: .read, objectType: "aanmelding", objectID: "\(i)", sourceAddress: "10.0.0.\(i)",
                               basis: .careRelationship)
            let h = chain.hashFor(e, previousHash: previous)
            defer { previous = h }
            return .init(sequence: Int64(i), event: e, previousHash: previous, hash: h)
        }
    }

    @Test func anUntouchedChainIsIntact() { #expect(chain.verify(entries(5)) == .intact(entries: 5)) }

    @Test func anAlteredEntryIsFound() {
        var e = entries(5)
        e[2].event.clientID = UUID()
        #expect(chain.verify(e) == .broken(atSequence: 3, reason: "entry altered"))
    }

    @Test func aRemovedEntryIsFound() {
        var e = entries(5)
        e.remove(at: 1)
        #expect(chain.verify(e) == .broken(atSequence: 3, reason: "gap before entry (expected 2)"))
    }

    @Test func aRewrittenTailIsFound() {
        var e = entries(5)
        // Removing entry 3 and renumbering the rest still breaks the link.
        e.remove(at: 2)
        e[2].sequence = 3; e[3].sequence = 4
        if case .intact = chain.verify(e) { Issue.record("renumbered chain passed") }
    }

    @Test func aStretchCanBeCheckedFromItsPredecessor() {
        let e = entries(6)
        #expect(chain.verify(Array(e[3...]), after: e[2].hash, sequence: 3) == .intact(entries: 3))
    }

    @Test func theCanonicalTextSeparatesFields() {
        let a = AuditEvent(at: Date(timeIntervalSince1970: 0), userID: nil, organisationID: nil, role: nil, action: .read,
                           objectType: "ab", objectID: "c", sourceAddress: nil, basis: .consent)
        var b = a; b.objectType = "a"; b.objectID = "bc"
        #expect(a.canonicalText(previousHash: "x") != b.canonicalText(previousHash: "x"))
    }
}
