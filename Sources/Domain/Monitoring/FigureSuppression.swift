import Foundation

/// The privacy rules for figures (issue #8): counts of 1–4 are shown as "<5", rates and percentages over
/// fewer than 10 are not shown, and complementary suppression keeps a hidden cell from being derived from
/// a total that is shown: whenever cells of a row are hidden, at least two are, and together they hold at
/// least the threshold — so subtracting the shown cells from the total leaves a sum that names no one.
public enum FigureSuppression {
    public static let minimumCount = 5
    public static let minimumDenominator = 10

    /// "<5" for 1–4; the number otherwise.
    public static func countText(_ n: Int) -> String { (1..<minimumCount).contains(n) ? "<5" : String(n) }

    /// Indexes of cells to hide in a row whose total is shown. `primary` cells must hide; more are added
    /// (smallest first, ties by position) until the hidden ones are at least two and sum to `threshold`.
    public static func hidden(_ cells: [Int], primary: (Int) -> Bool, threshold: Int) -> Set<Int> {
        var hidden = Set(cells.indices.filter { primary(cells[$0]) })
        guard !hidden.isEmpty else { return hidden }
        func safe() -> Bool { hidden.count >= 2 && hidden.reduce(0) { $0 + cells[$1] } >= threshold || hidden.count == cells.count }
        let candidates = cells.indices.filter { !hidden.contains($0) }.sorted { (cells[$0], $0) < (cells[$1], $1) }
        for i in candidates where !safe() {
            // A zero adds nothing to protect with, unless it is the only way to reach two cells.
            if cells[i] == 0 && hidden.count >= 2 { continue }
            hidden.insert(i)
        }
        return hidden
    }

    /// Cells (counts) of a row whose total is shown: which show as "<5" or are hidden by complement.
    public static func hiddenCounts(_ cells: [Int]) -> Set<Int> {
        hidden(cells, primary: { (1..<minimumCount).contains($0) }, threshold: minimumCount)
    }

    /// Rates per cell over `denominators`: which rates to leave out (denominator under 10, and complements).
    public static func hiddenRates(_ denominators: [Int]) -> Set<Int> {
        hidden(denominators, primary: { (1..<minimumDenominator).contains($0) }, threshold: minimumDenominator)
    }
}
