import Foundation

/// Count, mean and the share of high answers over integer answers (a pulse item, a rapportcijfer).
/// Show it only for groups `SmallGroups` allows.
public struct Summary: Sendable, Equatable {
    public var count: Int
    /// nil when there are no answers.
    public var mean: Double?
    /// The threshold `percentAtLeast` counts from (e.g. 8 for "rapportcijfer 8 of hoger"); nil if none was asked.
    public var threshold: Int?
    /// Percentage (0–100) of answers ≥ `threshold`; nil without a threshold or without answers.
    public var percentAtLeast: Double?

    public init(_ answers: [Int], atLeast threshold: Int? = nil) {
        count = answers.count
        self.threshold = threshold
        guard !answers.isEmpty else { return }
        mean = Double(answers.reduce(0, +)) / Double(answers.count)
        if let threshold {
            percentAtLeast = 100 * Double(answers.count { $0 >= threshold }) / Double(answers.count)
        }
    }

    /// eNPS on 0–10 answers: % promoters (9–10) − % detractors (0–6), from −100 to 100; nil when empty.
    public static func enps(_ scores: [Int]) -> Double? {
        guard !scores.isEmpty else { return nil }
        let promoters = scores.count { $0 >= 9 }
        let detractors = scores.count { $0 <= 6 }
        return 100 * Double(promoters - detractors) / Double(scores.count)
    }
}
