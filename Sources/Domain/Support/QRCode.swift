import Foundation

/// A QR Code (Model 2, ISO/IEC 18004:2015) holding UTF-8 text in byte mode.
/// Pure Swift, no dependencies; modules are addressed with (0, 0) at the top left.
public struct QRCode: Sendable, Equatable {
    public enum Correction: Sendable { case low, medium, quartile, high }
    public enum EncodeError: Error, Equatable { case tooLong }

    public let version: Int        // 1...40
    public let size: Int           // 17 + 4 * version
    public let mask: Int           // 0...7
    let modules: [Bool]            // row-major, true = dark

    /// Byte mode (UTF-8) encoding of `text`, smallest version that fits, best mask by ISO/IEC 18004 penalty.
    public static func encode(_ text: String, correction: Correction = .medium) throws -> QRCode {
        try encode(text, correction: correction, version: nil, mask: nil)
    }

    /// Same with version and/or mask forced (for tests against a reference encoder).
    /// A forced version outside 1...40 or mask outside 0...7 is a programming error and traps.
    public static func encode(_ text: String, correction: Correction, version: Int?, mask: Int?) throws -> QRCode {
        precondition(version.map { (1...40).contains($0) } ?? true, "QR version must be 1...40")
        precondition(mask.map { (0...7).contains($0) } ?? true, "QR mask must be 0...7")
        let bytes = Array(text.utf8)
        let e = correction.row
        // Header: mode 0100 (byte) + character count, 8 bits up to version 9, 16 bits from version 10.
        func bitsNeeded(_ v: Int) -> Int { 4 + (v <= 9 ? 8 : 16) + 8 * bytes.count }
        guard let v = (version.map { [$0] } ?? Array(1...40)).first(where: { bitsNeeded($0) <= dataCodewords($0, e) * 8 })
        else { throw EncodeError.tooLong }

        // Bit stream (7.4): header, data, up to 4 terminator zeros, zero-fill to a byte, then pad codewords.
        let capacity = dataCodewords(v, e) * 8
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, v <= 9 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data = stride(from: 0, to: bits.count, by: 8).map { i in bits[i..<i + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) } }
        for pad in [0xEC, 0x11].cycled(upTo: capacity / 8 - data.count) { data.append(pad) }

        var matrix = Matrix(version: v)
        matrix.place(interleave(data, version: v, row: e))
        let scores = mask == nil ? (0..<8).map { matrix.masked($0, correction).penalty } : []
        let chosen = mask ?? scores.firstIndex(of: scores.min()!)!   // ties go to the lower mask number
        let final = matrix.masked(chosen, correction)
        return QRCode(version: v, size: final.size, mask: chosen, modules: final.dark)
    }

    /// Outside the symbol (the quiet zone) every module is light.
    public func isDark(x: Int, y: Int) -> Bool {
        (0..<size).contains(x) && (0..<size).contains(y) && modules[y * size + x]
    }

    /// An SVG document (no XML declaration): a white background and one <path> of all dark modules,
    /// with a 4-module quiet zone, `viewBox` in modules, width/height `pixels`, role="img" and
    /// aria-label `label` (with & < > " escaped).
    public func svg(pixels: Int = 180, label: String) -> String {
        let side = size + 8
        var d = ""
        for y in 0..<size {   // one rectangle per horizontal run keeps the path short
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while isDark(x: x, y: y) { x += 1 }
                d += "M\(start + 4) \(y + 4)h\(x - start)v1h-\(x - start)z"
            }
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(pixels)\" height=\"\(pixels)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(escaped)\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(d)\"/></svg>"
    }

    // MARK: - Capacity tables (ISO/IEC 18004 Table 9), rows L, M, Q, H; index 0 unused.

    static let eccPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]
    static let blockCount: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Modules left for codewords (data + ECC + remainder bits) once all function patterns are drawn.
    static func rawModules(_ v: Int) -> Int {
        var n = (16 * v + 128) * v + 64          // everything minus finders, separators, timing, format
        if v >= 2 {
            let a = v / 7 + 2                    // alignment patterns per row/column
            n -= (25 * a - 10) * a - 55          // 5x5 patterns, minus overlaps with the timing lines
            if v >= 7 { n -= 36 }                // two 6x3 version information blocks
        }
        return n
    }

    static func dataCodewords(_ v: Int, _ e: Int) -> Int { rawModules(v) / 8 - eccPerBlock[e][v] * blockCount[e][v] }

    /// Split into blocks (the short ones first), append Reed–Solomon ECC to each, then interleave column-wise.
    static func interleave(_ data: [Int], version v: Int, row e: Int) -> [Int] {
        let count = blockCount[e][v], eccLen = eccPerBlock[e][v]
        let total = rawModules(v) / 8, shortLen = total / count - eccLen, shortCount = count - total % count
        let divisor = ReedSolomon.divisor(degree: eccLen)
        var blocks: [[Int]] = [], offset = 0
        for i in 0..<count {
            let len = shortLen + (i < shortCount ? 0 : 1)
            blocks.append(Array(data[offset..<offset + len]))
            offset += len
        }
        let ecc = blocks.map { ReedSolomon.remainder($0, divisor) }
        var out: [Int] = []
        for i in 0...shortLen { for b in blocks where i < b.count { out.append(b[i]) } }
        for i in 0..<eccLen { for r in ecc { out.append(r[i]) } }
        return out
    }
}

extension QRCode.Correction {
    var row: Int { switch self { case .low: 0; case .medium: 1; case .quartile: 2; case .high: 3 } }
    /// The 2-bit indicator in the format information is not in L, M, Q, H order.
    var formatBits: Int { switch self { case .low: 1; case .medium: 0; case .quartile: 3; case .high: 2 } }
}

private extension Array where Element == Int {
    func cycled(upTo n: Int) -> [Int] { n <= 0 ? [] : (0..<n).map { self[$0 % count] } }
}

extension QRCode {
    /// Reed–Solomon over GF(256) with the QR field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator root α = 2.
    enum ReedSolomon {
        static func multiply(_ x: Int, _ y: Int) -> Int {
            var z = 0
            for i in stride(from: 7, through: 0, by: -1) {   // Russian-peasant multiply, reducing by 0x11D as we go
                z = (z << 1) ^ ((z >> 7) * 0x11D)
                z ^= ((y >> i) & 1) * x
            }
            return z
        }

        /// Coefficients of ∏(x − αⁱ), i in 0..<degree, highest power first, leading 1 omitted.
        static func divisor(degree: Int) -> [Int] {
            var result = [Int](repeating: 0, count: degree)
            result[degree - 1] = 1
            var root = 1
            for _ in 0..<degree {
                for j in 0..<degree {
                    result[j] = multiply(result[j], root)
                    if j + 1 < degree { result[j] ^= result[j + 1] }
                }
                root = multiply(root, 2)
            }
            return result
        }

        /// Remainder of data(x)·x^degree divided by the generator: the ECC codewords.
        static func remainder(_ data: [Int], _ divisor: [Int]) -> [Int] {
            var r = [Int](repeating: 0, count: divisor.count)
            for b in data {
                let factor = b ^ r.removeFirst()
                r.append(0)
                for i in r.indices { r[i] ^= multiply(divisor[i], factor) }
            }
            return r
        }
    }

    /// The module grid while it is being built; `function` marks modules that data and masks must skip.
    struct Matrix {
        let size: Int
        var dark: [Bool], function: [Bool]

        init(version: Int) {
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            function = dark
            for i in 0..<size { set(6, i, i % 2 == 0); set(i, 6, i % 2 == 0) }          // timing
            for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {                      // finders + separators
                for dy in -4...4 { for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let r = max(abs(dx), abs(dy)); set(x + dx, y + dy, r != 2 && r != 4)
                } }
            }
            let centres = Self.alignmentCentres(version), far = centres.last ?? 0   // not on the finders:
            for cx in centres { for cy in centres where ![(6, 6), (6, far), (far, 6)].contains(where: { $0 == (cx, cy) }) {
                for dy in -2...2 { for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) } }
            } }
            drawFormat(0)                                                                // reserve; redrawn per mask
            if version >= 7 {                                                           // version info, BCH(18,6)
                var rem = version
                for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
                let bits = version << 12 | rem
                for i in 0..<18 {
                    let bit = (bits >> i) & 1 == 1, a = size - 11 + i % 3, b = i / 3
                    set(a, b, bit); set(b, a, bit)
                }
            }
        }

        mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            function[y * size + x] = true
        }

        /// Annex E: centres run from 6 to size − 7; the rest are spaced by one even step, counted back from
        /// the far end so that any odd gap lands between 6 and the next one.
        static func alignmentCentres(_ v: Int) -> [Int] {
            guard v > 1 else { return [] }
            let n = v / 7 + 2, last = 4 * v + 10
            let step = (v * 8 + n * 3 + 5) / (n * 4 - 4) * 2
            return [6] + (0..<(n - 1)).map { last - step * (n - 2 - $0) }
        }

        /// 5 bits (ECC level, mask) + BCH(15,5) remainder, XOR 0x5412 so the result is never all zero.
        mutating func drawFormat(_ formatData: Int) {
            var rem = formatData
            for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
            let bits = (formatData << 10 | rem) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }                      // copy 1, around the top-left finder
            set(8, 7, bit(6)); set(8, 8, bit(7)); set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }           // copy 2, split over the other two finders
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)                                    // the always-dark module
        }

        /// Codewords go MSB first in two-module-wide columns, zigzagging up and down from the bottom right,
        /// hopping over the vertical timing line. Leftover remainder bits stay light (0) before masking.
        mutating func place(_ codewords: [Int]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for vert in 0..<size {
                    for x in [right, right - 1] {
                        let y = upward ? size - 1 - vert : vert
                        guard !function[y * size + x], i < codewords.count * 8 else { continue }
                        dark[y * size + x] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
                        i += 1
                    }
                }
                right -= 2
            }
        }

        /// A copy with data mask `m` applied and its format information drawn: the complete symbol,
        /// which is what 7.8.3.1 says the penalty must be evaluated on.
        func masked(_ m: Int, _ correction: Correction) -> Matrix {
            var copy = self
            for y in 0..<size { for x in 0..<size where !function[y * size + x] {
                let flip: Bool = switch m {   // i = row = y, j = column = x
                case 0: (x + y) % 2 == 0
                case 1: y % 2 == 0
                case 2: x % 3 == 0
                case 3: (x + y) % 3 == 0
                case 4: (x / 3 + y / 2) % 2 == 0
                case 5: x * y % 2 + x * y % 3 == 0
                case 6: (x * y % 2 + x * y % 3) % 2 == 0
                default: ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { copy.dark[y * size + x].toggle() }
            } }
            copy.drawFormat(correction.formatBits << 3 | m)
            return copy
        }

        var penalty: Int { QRCode.penalty(dark, size: size) }
    }

    /// ISO/IEC 18004:2015 §7.8.3.1, Table 11, evaluated on the complete symbol (format bits included).
    /// N2: every 2×2 same-colour block scores 3 (the same as 3·(m−1)·(n−1) per m×n block);
    /// N4: 10 for each full 5 % the dark share is away from 50 %.
    static func penalty(_ m: [Bool], size n: Int) -> Int {
        var score = 0
        for a in 0..<n {
            for line in [(0..<n).map { m[a * n + $0] }, (0..<n).map { m[$0 * n + a] }] {
                score += runPenalty(line) + finderPenalty(line)
            }
        }
        for y in 0..<(n - 1) { for x in 0..<(n - 1) {
            let c = m[y * n + x]
            if m[y * n + x + 1] == c && m[(y + 1) * n + x] == c && m[(y + 1) * n + x + 1] == c { score += 3 }
        } }
        let darkCount = m.filter { $0 }.count, total = n * n
        return score + 10 * (abs(darkCount * 20 - total * 10) / total)
    }

    /// N1: each run of 5 + i same-colour modules scores 3 + i.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0, run = 1
        for i in 1...line.count {
            if i < line.count && line[i] == line[i - 1] { run += 1; continue }
            if run >= 5 { score += run - 2 }
            run = 1
        }
        return score
    }

    /// N3: 40 for every dark-light-dark×3-light-dark look-alike with 4 light modules before or after it.
    /// Outside the symbol counts as light (it is quiet zone). Every occurrence counts, overlapping
    /// ones too (1011101011101 holds two).
    static func finderPenalty(_ line: [Bool]) -> Int {
        let finder = [true, false, true, true, true, false, true], n = line.count
        var score = 0
        for i in 0...(n - 7) where line[i..<i + 7].elementsEqual(finder) {
            let before = (max(0, i - 4)..<i).allSatisfy { !line[$0] }
            let after = ((i + 7)..<min(n, i + 11)).allSatisfy { !line[$0] }
            if before || after { score += 40 }
        }
        return score
    }
}
