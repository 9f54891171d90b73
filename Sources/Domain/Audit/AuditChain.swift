/// Verifies a hash chain of audit entries. Hashing itself (SHA-256) is injected so the domain stays
/// free of crypto libraries.
public struct AuditChain: Sendable {
    public static let genesis = String(repeating: "0", count: 64)

    public struct StoredEntry: Sendable {
        public var sequence: Int64
        public var event: AuditEvent
        public var previousHash: String
        public var hash: String
        public init(sequence: Int64, event: AuditEvent, previousHash: String, hash: String) {
            self.sequence = sequence; self.event = event; self.previousHash = previousHash; self.hash = hash
        }
    }

    public enum Finding: Sendable, Equatable {
        case intact(entries: Int)
        /// The first entry whose hash or link does not match; everything from here on is suspect.
        case broken(atSequence: Int64, reason: String)
    }

    public let hash: @Sendable (String) -> String
    public init(hash: @escaping @Sendable (String) -> String) { self.hash = hash }

    public func hashFor(_ event: AuditEvent, previousHash: String) -> String {
        hash(event.canonicalText(previousHash: previousHash))
    }

    /// `entries` in sequence order. By default they start at the first entry ever written; to check a
    /// later stretch, pass the hash and sequence of the entry before it.
    public func verify(_ entries: [StoredEntry], after previousHash: String = genesis, sequence: Int64 = 0) -> Finding {
        var previous = previousHash
        var expectedSequence: Int64? = sequence + 1
        for e in entries {
            if let exp = expectedSequence, e.sequence != exp {
                return .broken(atSequence: e.sequence, reason: "gap before entry (expected \(exp))")
            }
            if e.previousHash != previous { return .broken(atSequence: e.sequence, reason: "link to previous entry broken") }
            if hashFor(e.event, previousHash: previous) != e.hash { return .broken(atSequence: e.sequence, reason: "entry altered") }
            previous = e.hash
            expectedSequence = e.sequence + 1
        }
        return .intact(entries: entries.count)
    }
}
