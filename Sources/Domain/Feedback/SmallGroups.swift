import Foundation

/// Small-group suppression for anonymous figures (staff pulse, client feedback).
///
/// A figure is shown only for a group of at least `minimum` answers. Smaller groups roll up into a
/// "rest" row of their parent ("overige organisaties samen"), and when that rest would itself be too
/// small, the smallest shown siblings join it — so no hidden group can be recovered by subtracting
/// shown figures from each other (parent − Σ shown children is always 0 or ≥ `minimum`).
public enum SmallGroups {
    public static let minimum = 5

    /// A node of a hierarchy (region → organisation type → organisation, or all partners → partner).
    /// `path` runs from just below the root down to the leaf key, e.g. `["type:ggz_aanbieder", "org:<uuid>"]`;
    /// its last element is the leaf's key. Keys should be unique in the whole tree (they become `Row.key`
    /// and `Row.parentKey`). Leaves with the same path are added up; an empty path counts towards the root.
    /// A leaf whose path is a prefix of another's ("answers attached to the type itself") is allowed: those
    /// answers are never shown on their own and always go into the node's rest row.
    public struct Leaf: Sendable, Equatable {
        public var path: [String]
        public var count: Int
        public init(path: [String], count: Int) {
            self.path = path
            self.count = count
        }
    }

    public struct Row: Sendable, Equatable {
        /// The node's key, or `"rest:<parentKey>"` for a combined group.
        public var key: String
        /// nil for the root.
        public var parentKey: String?
        /// 0 = root; a rest row has its parent's depth + 1.
        public var depth: Int
        public var count: Int
        /// The combined suppressed children of a parent ("overige organisaties samen").
        public var isRest: Bool
        /// The leaves whose answers make up this row (the caller computes means over them), depth-first by key.
        /// A rest row may contain its parent's own key: the answers attached directly to the parent.
        public var leafKeys: [String]
        public init(key: String, parentKey: String?, depth: Int, count: Int, isRest: Bool, leafKeys: [String]) {
            self.key = key
            self.parentKey = parentKey
            self.depth = depth
            self.count = count
            self.isRest = isRest
            self.leafKeys = leafKeys
        }
    }

    /// Rows that may be shown, parents before children (depth-first, children by key, a parent's rest row after
    /// its shown children). The root is shown only if its total ≥ minimum (otherwise `[]`). For every shown node,
    /// its children with count < minimum are hidden; if the hidden children together have fewer than `minimum`
    /// answers (but more than 0), the smallest shown siblings (ties: by key) are hidden too until they reach
    /// `minimum`. The hidden children of a node become one rest row (never recursed into); there is no rest row
    /// when the hidden children hold 0 answers. So for every shown parent, parent − Σ shown children is 0 or
    /// ≥ minimum, and every shown number is ≥ minimum. When all children of a node are hidden its rest row
    /// equals the node's own count. Negative counts are treated as 0; a `minimum` below 1 is treated as 1.
    public static func rows(root: String, leaves: [Leaf], minimum: Int = minimum) -> [Row] {
        let minimum = max(1, minimum)
        let tree = Node.build(key: root, entries: leaves.map { (path: $0.path[...], count: max(0, $0.count)) })
        guard tree.count >= minimum else { return [] }
        var out: [Row] = []
        emit(tree, parentKey: nil, depth: 0, minimum: minimum, into: &out)
        return out
    }

    /// Whether a part may be shown next to its whole (a duo beside its organisation, an organisation beside the
    /// region): part ≥ minimum and whole − part is 0 or ≥ minimum.
    public static func showable(part: Int, whole: Int, minimum: Int = minimum) -> Bool {
        let remainder = whole - part
        return part >= minimum && (remainder == 0 || remainder >= minimum)
    }

    // MARK: - Tree

    private struct Node {
        var key: String
        /// Answers attached to this node itself (leaves whose path ends here).
        var own: Int
        /// Whether any leaf ends at this node (even with 0 answers).
        var isLeaf: Bool
        var children: [Node]   // sorted by key
        var count: Int
        var leafKeys: [String]

        static func build(key: String, entries: [(path: ArraySlice<String>, count: Int)]) -> Node {
            var own = 0
            var isLeaf = false
            var groups: [String: [(path: ArraySlice<String>, count: Int)]] = [:]
            for entry in entries {
                if let first = entry.path.first {
                    groups[first, default: []].append((entry.path.dropFirst(), entry.count))
                } else {
                    own += entry.count
                    isLeaf = true
                }
            }
            let children = groups.keys.sorted().map { build(key: $0, entries: groups[$0]!) }
            return Node(key: key, own: own, isLeaf: isLeaf, children: children,
                        count: own + children.reduce(0) { $0 + $1.count },
                        leafKeys: (isLeaf ? [key] : []) + children.flatMap(\.leafKeys))
        }
    }

    private static func emit(_ node: Node, parentKey: String?, depth: Int, minimum: Int, into out: inout [Row]) {
        out.append(Row(key: node.key, parentKey: parentKey, depth: depth, count: node.count, isRest: false, leafKeys: node.leafKeys))
        guard !node.children.isEmpty else { return }   // a leaf: nothing below it to show or to hide

        var hidden = Set<String>()
        var hiddenCount = node.own
        for child in node.children where child.count < minimum {
            hidden.insert(child.key)
            hiddenCount += child.count
        }
        if hiddenCount > 0 && hiddenCount < minimum {
            // The node is shown, so node.count ≥ minimum and hiding every child is always enough.
            let candidates = node.children
                .filter { !hidden.contains($0.key) }
                .sorted { ($0.count, $0.key) < ($1.count, $1.key) }
            for child in candidates where hiddenCount < minimum {
                hidden.insert(child.key)
                hiddenCount += child.count
            }
        }

        for child in node.children where !hidden.contains(child.key) {
            emit(child, parentKey: node.key, depth: depth + 1, minimum: minimum, into: &out)
        }
        if hiddenCount > 0 {
            let leafKeys = (node.isLeaf ? [node.key] : []) + node.children.filter { hidden.contains($0.key) }.flatMap(\.leafKeys)
            out.append(Row(key: "rest:\(node.key)", parentKey: node.key, depth: depth + 1, count: hiddenCount,
                           isRest: true, leafKeys: leafKeys))
        }
    }
}
