import Testing
import Domain

@Suite struct SmallGroupsTests {
    typealias Leaf = SmallGroups.Leaf
    typealias Row = SmallGroups.Row

    func row(_ key: String, _ parent: String?, _ depth: Int, _ count: Int, _ leafKeys: [String]) -> Row {
        Row(key: key, parentKey: parent, depth: depth, count: count, isRest: false, leafKeys: leafKeys)
    }
    func rest(_ parent: String, _ depth: Int, _ count: Int, _ leafKeys: [String]) -> Row {
        Row(key: "rest:\(parent)", parentKey: parent, depth: depth, count: count, isRest: true, leafKeys: leafKeys)
    }
    func flat(_ counts: [(String, Int)]) -> [Leaf] { counts.map { Leaf(path: [$0.0], count: $0.1) } }

    // MARK: - Hand-written cases

    @Test func oneSmallChildTakesTheSmallestLargeSiblingWithIt() {
        let rows = SmallGroups.rows(root: "regio", leaves: flat([("a", 10), ("b", 6), ("c", 3)]))
        #expect(rows == [
            row("regio", nil, 0, 19, ["a", "b", "c"]),
            row("a", "regio", 1, 10, ["a"]),
            rest("regio", 1, 9, ["b", "c"]),
        ])
    }

    @Test func twoSmallChildrenThatTogetherReachTheMinimum() {
        let rows = SmallGroups.rows(root: "regio", leaves: flat([("c", 3), ("a", 10), ("b", 2)]))
        #expect(rows == [
            row("regio", nil, 0, 15, ["a", "b", "c"]),
            row("a", "regio", 1, 10, ["a"]),
            rest("regio", 1, 5, ["b", "c"]),
        ])
    }

    @Test func allChildrenSmall() {
        let rows = SmallGroups.rows(root: "regio", leaves: flat([("a", 2), ("b", 2), ("c", 2)]))
        #expect(rows == [row("regio", nil, 0, 6, ["a", "b", "c"]), rest("regio", 1, 6, ["a", "b", "c"])])
    }

    @Test func aRootBelowTheMinimumShowsNothing() {
        #expect(SmallGroups.rows(root: "regio", leaves: flat([("a", 2), ("b", 2)])).isEmpty)
        #expect(SmallGroups.rows(root: "regio", leaves: []).isEmpty)
        #expect(SmallGroups.rows(root: "regio", leaves: flat([("a", 0)])).isEmpty)
        #expect(SmallGroups.rows(root: "regio", leaves: flat([("a", 5)])) == [
            row("regio", nil, 0, 5, ["a"]), row("a", "regio", 1, 5, ["a"]),
        ])
    }

    @Test func deeperTreeWithASmallOrganisationInALargeTypeAndASmallType() {
        let leaves = [
            Leaf(path: ["type:ggz", "org:1"], count: 10),
            Leaf(path: ["type:ggz", "org:2"], count: 8),
            Leaf(path: ["type:ggz", "org:3"], count: 2),
            Leaf(path: ["type:huisarts", "org:4"], count: 3),
            Leaf(path: ["type:wijkteam", "org:5"], count: 7),
            Leaf(path: ["type:wijkteam", "org:6"], count: 6),
        ]
        // type:huisarts (3) is small, so the smallest large type (wijkteam, 13) joins it; inside ggz,
        // org:3 (2) is small, so org:2 (8) joins it. Nothing inside a rest is shown.
        #expect(SmallGroups.rows(root: "regio", leaves: leaves.shuffled()) == [
            row("regio", nil, 0, 36, ["org:1", "org:2", "org:3", "org:4", "org:5", "org:6"]),
            row("type:ggz", "regio", 1, 20, ["org:1", "org:2", "org:3"]),
            row("org:1", "type:ggz", 2, 10, ["org:1"]),
            rest("type:ggz", 2, 10, ["org:2", "org:3"]),
            rest("regio", 1, 16, ["org:4", "org:5", "org:6"]),
        ])
    }

    @Test func smallOrganisationsThatAlreadyMakeAFullRest() {
        let leaves = [
            Leaf(path: ["type:ggz", "org:1"], count: 10),
            Leaf(path: ["type:ggz", "org:2"], count: 3),
            Leaf(path: ["type:ggz", "org:3"], count: 3),
            Leaf(path: ["type:wijkteam", "org:4"], count: 5),
        ]
        #expect(SmallGroups.rows(root: "regio", leaves: leaves) == [
            row("regio", nil, 0, 21, ["org:1", "org:2", "org:3", "org:4"]),
            row("type:ggz", "regio", 1, 16, ["org:1", "org:2", "org:3"]),
            row("org:1", "type:ggz", 2, 10, ["org:1"]),
            rest("type:ggz", 2, 6, ["org:2", "org:3"]),
            row("type:wijkteam", "regio", 1, 5, ["org:4"]),
            row("org:4", "type:wijkteam", 2, 5, ["org:4"]),
        ])
    }

    @Test func tiesAreBrokenByKey() {
        // a and b both have 6: a (first by key) is hidden with c.
        #expect(SmallGroups.rows(root: "r", leaves: flat([("b", 6), ("a", 6), ("c", 2)])) == [
            row("r", nil, 0, 14, ["a", "b", "c"]),
            row("b", "r", 1, 6, ["b"]),
            rest("r", 1, 8, ["a", "c"]),
        ])
        // Children are listed by key whatever their counts.
        #expect(SmallGroups.rows(root: "r", leaves: flat([("z", 5), ("m", 9), ("a", 7)])).map(\.key) == ["r", "a", "m", "z"])
    }

    @Test func emptyChildrenMakeNoRestRow() {
        #expect(SmallGroups.rows(root: "r", leaves: flat([("a", 10), ("b", 0)])) == [
            row("r", nil, 0, 10, ["a", "b"]),
            row("a", "r", 1, 10, ["a"]),
        ])
    }

    @Test func answersOnAnInnerNodeGoIntoItsRest() {
        // Two answers on the root itself (empty path) are never shown alone, so they need company.
        #expect(SmallGroups.rows(root: "r", leaves: [Leaf(path: [], count: 2), Leaf(path: ["a"], count: 10)]) == [
            row("r", nil, 0, 12, ["r", "a"]),
            rest("r", 1, 12, ["r", "a"]),
        ])
        #expect(SmallGroups.rows(root: "r", leaves: [Leaf(path: [], count: 6), Leaf(path: ["a"], count: 10)]) == [
            row("r", nil, 0, 16, ["r", "a"]),
            row("a", "r", 1, 10, ["a"]),
            rest("r", 1, 6, ["r"]),
        ])
    }

    @Test func duplicatePathsAreAddedUpAndTheMinimumCanBeChosen() {
        #expect(SmallGroups.rows(root: "r", leaves: flat([("a", 3), ("a", 3), ("b", 2)])) == [
            row("r", nil, 0, 8, ["a", "b"]),
            rest("r", 1, 8, ["a", "b"]),
        ])
        #expect(SmallGroups.rows(root: "r", leaves: flat([("a", 3), ("b", 3)]), minimum: 3) == [
            row("r", nil, 0, 6, ["a", "b"]),
            row("a", "r", 1, 3, ["a"]),
            row("b", "r", 1, 3, ["b"]),
        ])
    }

    // MARK: - Property test

    /// SplitMix64: a small seeded generator, so failures repeat.
    final class Rng {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    func randomLeaves(_ rng: Rng) -> [Leaf] {
        let depth = rng.int(1...3)
        var leaves: [Leaf] = []
        // Small counts often, so suppression is exercised at every level.
        func count() -> Int { rng.int(0...1) == 0 ? rng.int(0...6) : rng.int(0...30) }
        func grow(_ path: [String], level: Int) {
            for i in 0..<rng.int(1...5) {
                let p = path + ["\(path.last ?? "r").\(i)"]
                if level == depth || rng.int(0...4) == 0 {
                    leaves.append(Leaf(path: p, count: count()))
                } else {
                    grow(p, level: level + 1)
                }
            }
            if rng.int(0...9) == 0 { leaves.append(Leaf(path: path, count: count())) }   // answers on an inner node
        }
        grow([], level: 1)
        return leaves
    }

    @Test func randomTreesNeverRevealASmallGroup() {
        let rng = Rng(seed: 20_240_501)
        let minimum = SmallGroups.minimum
        var shownTrees = 0, restRows = 0, deepRests = 0
        for _ in 0..<500 {
            let leaves = randomLeaves(rng)
            let rows = SmallGroups.rows(root: "r", leaves: leaves)

            // The reference: every node's total and leaves, straight from the input.
            var total: [String: Int] = [:], under: [String: Set<String>] = [:], leafCount: [String: Int] = [:]
            for leaf in leaves {
                let leafKey = leaf.path.last ?? "r"
                leafCount[leafKey, default: 0] += leaf.count
                for node in ["r"] + leaf.path {
                    total[node, default: 0] += leaf.count
                    under[node, default: []].insert(leafKey)
                }
            }
            let rootTotal = total["r"] ?? 0
            #expect(rows.isEmpty == (rootTotal < minimum))
            guard !rows.isEmpty else { continue }
            shownTrees += 1
            #expect(rows[0] == Row(key: "r", parentKey: nil, depth: 0, count: rootTotal, isRest: false,
                                   leafKeys: rows[0].leafKeys))

            var position: [String: Int] = [:]
            for (i, r) in rows.enumerated() {
                #expect(position[r.key] == nil, "keys are unique")
                position[r.key] = i
                // (a) every shown number is ≥ minimum.
                #expect(r.count >= minimum)
                #expect(Set(r.leafKeys).count == r.leafKeys.count)
                if let parent = r.parentKey {
                    // Parents come first, are never rests, and sit one level up.
                    let p = position[parent]
                    #expect(p != nil)
                    if let p { #expect(!rows[p].isRest); #expect(rows[p].depth + 1 == r.depth) }
                }
                if !r.isRest {
                    #expect(r.count == total[r.key])
                    #expect(Set(r.leafKeys) == under[r.key])
                } else {
                    #expect(r.key == "rest:\(r.parentKey ?? "")")
                    #expect(r.count == r.leafKeys.reduce(0) { $0 + leafCount[$1]! })
                }
            }

            for parent in rows where !parent.isRest {
                let children = rows.filter { $0.parentKey == parent.key && !$0.isRest }
                let rests = rows.filter { $0.parentKey == parent.key && $0.isRest }
                #expect(rests.count <= 1)
                let hasChildren = parent.depth == 0 ? leaves.contains { !$0.path.isEmpty }
                                                    : leaves.contains { $0.path.dropLast().contains(parent.key) }
                guard hasChildren else {
                    #expect(children.isEmpty && rests.isEmpty, "a leaf has nothing below it")
                    continue
                }
                let shownSum = children.reduce(0) { $0 + $1.count }
                let difference = parent.count - shownSum
                // (b) nothing smaller than the minimum is derivable by subtraction.
                #expect(difference == 0 || difference >= minimum, "\(parent.key): \(parent.count) − \(shownSum)")
                let hiddenLeaves = children.reduce(under[parent.key]!) { $0.subtracting(under[$1.key]!) }
                if let restRow = rests.first {
                    restRows += 1
                    if parent.depth > 0 { deepRests += 1 }
                    // (c) the rest holds exactly the hidden leaves under this parent.
                    #expect(Set(restRow.leafKeys) == hiddenLeaves)
                    // (d) shown children + rest = parent.
                    #expect(shownSum + restRow.count == parent.count)
                } else {
                    #expect(difference == 0)
                    #expect(hiddenLeaves.allSatisfy { leafCount[$0] == 0 })
                }
                // Large children are hidden only when needed: without the largest of them the rest would be too small.
                let childKeys = Set(children.map(\.key))
                let hiddenLarge = leaves.compactMap { leaf -> String? in
                    guard let i = parent.depth == 0 ? 0 : leaf.path.firstIndex(of: parent.key).map({ $0 + 1 }),
                          i < leaf.path.count, i == 0 || leaf.path[i - 1] == parent.key else { return nil }
                    let key = leaf.path[i]
                    return !childKeys.contains(key) && total[key]! >= minimum ? key : nil
                }
                if let largest = hiddenLarge.map({ total[$0]! }).max() {
                    #expect(difference - largest < minimum)
                }
            }
        }
        // The generator really exercised the interesting cases.
        #expect(shownTrees > 300)
        #expect(restRows > 200)
        #expect(deepRests > 50)
    }

    // MARK: - showable

    @Test func showablePartBesideItsWhole() {
        #expect(SmallGroups.showable(part: 5, whole: 5))
        #expect(SmallGroups.showable(part: 5, whole: 10))
        #expect(SmallGroups.showable(part: 12, whole: 30))
        #expect(!SmallGroups.showable(part: 4, whole: 4))
        #expect(!SmallGroups.showable(part: 5, whole: 9))     // the other 4 would be derivable
        #expect(!SmallGroups.showable(part: 10, whole: 11))
        #expect(!SmallGroups.showable(part: 6, whole: 5))     // a part larger than its whole is an error, never shown
        #expect(SmallGroups.showable(part: 3, whole: 6, minimum: 3))
    }
}

@Suite struct SummaryTests {
    @Test func countMeanAndShareAtLeast() {
        let s = Summary([6, 8, 9, 7, 10], atLeast: 8)
        #expect(s.count == 5)
        #expect(s.mean == 8)
        #expect(s.threshold == 8)
        #expect(s.percentAtLeast == 60)
        #expect(Summary([1, 2]).percentAtLeast == nil)
        #expect(Summary([1, 2]).mean == 1.5)
    }

    @Test func anEmptySummary() {
        let s = Summary([], atLeast: 8)
        #expect(s.count == 0)
        #expect(s.mean == nil)
        #expect(s.percentAtLeast == nil)
    }

    @Test func enps() {
        #expect(Summary.enps([]) == nil)
        #expect(Summary.enps([10, 9, 8, 7, 6]) == 20)          // 40 % promoters − 20 % detractors
        #expect(Summary.enps([0, 3, 6, 6]) == -100)
        #expect(Summary.enps([9, 10]) == 100)
        #expect(Summary.enps([7, 8]) == 0)
    }

    // MARK: - Client feedback per month

    /// Own conversations → organisation → region: a month is shown only from 5 answers and when the rest of
    /// the larger group is 0 or ≥ 5, so no group of 1–4 follows from two shown figures.
    @Test func feedbackMonthsAreShownOnlyWhenNoSmallGroupFollowsBySubtraction() {
        func month(_ m: Int, _ answered: Int, _ kind: FeedbackKind = .conversation) -> FeedbackMonth {
            var t = FeedbackTotals(); t.invited = answered * 2; t.answered = answered
            return FeedbackMonth(year: 2026, month: m, kind: kind, totals: t)
        }
        let figures = FeedbackFigures(
            own: [month(1, 4), month(2, 5), month(3, 5), month(4, 6), month(4, 5, .followUp)],
            organisation: [month(1, 8), month(2, 9), month(3, 5), month(4, 11), month(4, 5, .followUp)],
            region: [month(1, 20), month(2, 14), month(3, 7), month(4, 11), month(4, 5, .followUp)])
        let v = figures.visible
        // January: 4 own answers. February: the organisation's other 4 would follow. March: own = organisation.
        // April: own 6 of 11, the rest 5. The follow-ups of April are a group of their own.
        #expect(v.own.map { "\($0.month)\($0.kind.rawValue)" } == ["3vg", "4vg", "4follow_up"])
        #expect(v.hiddenOwn == 2)
        // The organisation: January 8 of 20 (rest 12), February 9 of 14 (rest 5), March 5 of 7 (rest 2: hidden).
        #expect(v.organisation.map { "\($0.month)\($0.kind.rawValue)" } == ["1vg", "2vg", "4vg", "4follow_up"])
        #expect(v.hiddenOrganisation == 1)
        #expect(v.region.count == 5 && v.hiddenRegion == 0)
        #expect(FeedbackFigures(own: [], organisation: [], region: [month(1, 4)]).visible.hiddenRegion == 1)
    }
}
