import Testing
@testable import Domain

/// Compares the encoder against an independent one, module by module. The tables below were generated
/// once, by hand, with Python's segno 1.6.6, so the suite needs no Python:
///     segno.make_qr(text.encode(), error=…, version=…, mask=…, mode='byte', boost_error=False).matrix
/// Two things about that reference:
/// - `text.encode()`: segno is handed the UTF-8 bytes; given a str it would use ISO-8859-1 for "é".
/// - segno's `write_padding_bits` was patched as proposed in heuer/segno#148: unpatched it appends a whole
///   0x00 codeword when the bit stream already ends on a byte boundary, which in byte mode it always does,
///   where ISO/IEC 18004 §7.4.10 wants the 0xEC/0x11 pad codewords straight away.
/// The same symbols, and 880 random ones (every version 1…40 at all four levels, plus automatic version
/// and mask), also matched Nayuki's qrcodegen (no patch needed there) when this was written.
/// Each row is hex, leftmost module in the high bit, zero-padded to whole nibbles.
@Suite struct QRCodeTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        let text: String, correction: QRCode.Correction, forcedVersion: Int?, mask: Int, version: Int, rows: String
        var testDescription: String { "v\(version) \(correction) mask \(mask) \"\(text.prefix(24))\"" }

        var modules: [[Bool]] {
            rows.split(whereSeparator: \.isWhitespace).map { row in
                row.flatMap { hex in (0..<4).reversed().map { (Int(String(hex), radix: 16)! >> $0) & 1 == 1 } }
            }
        }
    }

    /// `segnoPenalties` are segno's own Table 11 scores (`segno.encoder.mask_scores`) of the complete symbol
    /// for masks 0…7. Two differences from segno, both per ISO/IEC 18004:2015 §7.8.3.1:
    /// - N3 counts every 1:1:3:1:1 look-alike. segno's scan resumes 7 modules past a hit and so misses the
    ///   second of two overlapping ones (1011101011101 + 0000); `skippedOverlaps` counts those, 40 points each.
    /// - "The area to be evaluated is the complete symbol", format bits included, but segno's built-in choice
    ///   scores the symbol before they are drawn. For the 60-character URL it therefore picks mask 7 (by one
    ///   point), where the complete symbol favours mask 3. For the others its pick is `mask` too.
    /// The last input has a dark share more than 5 % off 50 % under mask 4, so N4 is exercised.
    struct MaskChoice: Sendable, CustomTestStringConvertible {
        let text: String, segnoPenalties: [Int], skippedOverlaps: [Int], mask: Int
        var penalties: [Int] { zip(segnoPenalties, skippedOverlaps).map { $0 + 40 * $1 } }
        var testDescription: String { "\(text.count) characters" }
    }

    static let symbols: [Reference] = [
        .init(text: "MGN", correction: .high, forcedVersion: nil, mask: 1, version: 1, rows: """
            fe1bf8 82d208 bac2e8 ba92e8 badae8 82e208 feabf8 006800 27c5f0 58b340 731388 d17350 8f3de0 00e860 feea48 82ca98
            ba4a78 ba1360 bacbd8 826f60 fe6de8
            """),
        .init(text: "Zoë: https://mgn.example", correction: .low, forcedVersion: nil, mask: 0, version: 2, rows: """
            fe4fbf8 823b208 baeb2e8 ba722e8 ba232e8 8247a08 feaabf8 00ee800 efb4e20 20b2a50 9a422d0 4915c68 6e0df10 301ca78
            967a2d8 6deea58 ab1dfc0 00f18e0 fec1a98 829f8c0 ba8cf80 ba0ecc0 ba8b5a8 829df10 febc818
            """),
        .init(text: "https://mgn.example/f/AbC123xyz-_", correction: .medium, forcedVersion: nil, mask: 2, version: 3, rows: """
            fe69abf8 82382a08 ba929ae8 ba88d2e8 bad732e8 8287e208 feaaabf8 00c53800 be1303e0 f9a9bf88 3b906800 0d229950
            1b507060 c5271288 47ffae60 b05c8d10 2e92e060 b8b99fa8 8e91e520 804ba990 8b307fb8 008e08f8 fe5f7ae0 82f41880
            baf2cfb0 ba90c078 baafa7f0 822b3bd0 fe92d120
            """),
        .init(text: "https://mgn.example/f/AbC123xyz-_", correction: .quartile, forcedVersion: nil, mask: 3, version: 4, rows: """
            fe64b73f8 82c6c9a08 bac728ae8 ba25a4ae8 ba4e27ae8 827ee3208 feaaaabf8 004a70800 7612a5030 4476f9378 cafea71c8
            3cc7cff48 faaa9f0c0 250e09150 ba473abc0 b886c6fa0 faefaf6a0 c9c5836d0 cfefccfb0 1d7e82e80 269493170 dd7e6a428
            3fac3a478 696009800 b79d33fc0 00ef778c0 fe5975a80 8293898f0 ba1b93fa8 bac433918 bab64db40 82fba9588 fe7cb42e0
            """),
        .init(text: "https://mgn.example/f/AbC123xyz-_?bron=verwijzing&regio=oost", correction: .quartile, forcedVersion: nil, mask: 4, version: 5, rows: """
            fe74452bf8 8246560a08 bae7e6a2e8 ba0650eae8 ba949172e8 82894c0a08 feaaaaabf8 006077a000 4affc415a0 41a60bb9b0
            ca6fc3f5c0 1db33f3520 0ee0268620 6c90affda0 8e7c6119e0 1424e4a9a0 2348cf8368 b4f23b30e0 cbcd9dfa20 dc8dcd83b0
            7b8757a670 c49f8b10b0 c2a7031840 658a74af78 efd66e1720 8d586bbcb0 0f3f29bca0 1d49ec2bb0 dbccae8fa0 00b3f178c0
            fe58fbcae0 8269b488b0 baee0e4fe0 ba253faa90 ba70a7bb70 82b6ccb330 fe1fbf1438
            """),
        .init(text: "Crème brûlée — é", correction: .high, forcedVersion: 6, mask: 5, version: 6, rows: """
            fecb9c71bf8 82415714a08 badf71ae2e8 ba6b27b0ae8 baf0f9b2ae8 826d876f208 feaaaaaabf8 00be86c7800 062abf31aa8
            6984d2fb6a8 63d250aa3e8 e83a15912c8 5b86deff100 35f1898c090 aa4a22c4a90 f57c74b6fd8 0e6e39e8030 7c3dc562be8
            6350ff76fd8 71c5ff81870 163c8fd3380 3119af40aa8 06723e26bc0 04d1497c288 eee02b4a9a8 3084314d910 a630efe4430
            91981466f58 8695f048590 c5cfbb42c00 eb9a1cb6bc0 9cace4a1ca8 b2625b33f88 00a172e58a0 fe2464c4ac0 82fc54fe890
            ba6097a5fb0 ba244207070 ba4e89fe630 82058e08348 fe64a294a80
            """),
        .init(text: "https://mgn.example/aanmelding/bevestig?client=AbC123xyz-_&organisatie=ggz-oost&team=fact-noord&token=Zx81kQ0pL7mN2vB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX", correction: .low, forcedVersion: nil, mask: 6, version: 7, rows: """
            feaa9fa30bf8 821d51d81208 ba58ca01d2e8 ba0638addae8 ba505ffbbae8 823ca8aa4208 feaaaaaaabf8 00d508ff5800
            da147fbc2208 95a59373ba70 372fab8478f8 3dbcd38fe520 7ae6290bf6c8 55c9022bcfa0 0e20dbcdcfa0 11eacfc45c60
            1aaea5a1b018 49d6abda6d38 e7c992d4dca8 7873493a68f8 1fd97fcb0f80 98c9c8a6f8a0 6afefad06a88 3886e8a6b8e0
            4fcaefacbf88 f08b47a7db20 d2983ce8c0e0 d92c89f310e8 4b56b497b7c0 954bd442f5d8 4744df4742c8 7c16b3bf11a0
            5bec6e8e2310 0133d477f1c0 0bd72c11efb8 78c681c963e8 9af32faebf88 00b918b2d8c0 fe1b3ac4cac0 821178d648b0
            baecaf85ffd0 ba98bfdb7210 ba4d748c4eb0 82ac612e73f8 fec560ed5600
            """),
        .init(text: "https://mgn.example/aanmelding/bevestig?client=AbC123xyz-_&organisatie=ggz-oost&team=fact-noord&token=Zx81kQ0pL7mN2vB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX", correction: .medium, forcedVersion: nil, mask: 7, version: 8, rows: """
            fe48866e64bf8 823c1d7f57a08 ba27deb6d1ae8 ba28c000012e8 ba54bbefc02e8 82e6ae3abe208 feaaaaaaaabf8 000ba222c8800
            96f127f92c500 0c7c840188528 bbb56dccec4e8 98d6857f2bb18 a2a2edddd81d8 b8f4bad924c28 6b79a93c1bd08 d0128deae8990
            f6c5d7e5e8680 4c8ee97d0a498 7e68364f23838 a805338bfe1b8 0eae2cfd2a258 e5f6d281840b8 5f9df3f8b5ff8 98fb72397f898
            2a86b2b8e9a90 b889f231bc8f8 5fbf3ff5d9fc8 f074f49fbc700 e7fa9914fa7e0 597d1d5402ac8 ae268c7140718 5421ed2c12e78
            065f991f281c8 7872740445a08 b6181fa461b08 a406c60f28288 bf23d40ea8c50 8068961035778 46d67d950aa48 700ca4386ca80
            e3d4a7f4a8fb0 00a34a24d6888 fe213ea90dab8 82bef630e88f0 ba4c77fa0ff88 ba8d678001480 ba1400f0b9680 82716deb0e580
            fe86efdbbb898
            """),
        .init(text: "https://mgn.example/f/AbC123xyz-_?bron=verwijzing&regio=oost", correction: .high, forcedVersion: 9, mask: 0, version: 9, rows: """
            fe874532e7a3f8 826e16fed0f208 ba19acbfd812e8 baf3a25b102ae8 ba7b3af81f62e8 8249328ed6e208 feaaaaaaaaabf8
            0033608853f000 2eced8fff7b448 b03b62e9b89450 1f9793c5915698 7d7de64ec21318 a304e76ec8e908 d52bf1cdc20bb8
            7bb35bdcaac318 842f64208d0898 766614b39f5b90 2086d9db2d91b8 5fcb1cceef1d98 cda049bbd254b0 d30c1d7e70eeb0
            dc26da0a7a49c0 dfa0c7b9b2e168 a130b412a2acc0 affcc1fb0e8fe8 c89ce98bc0a8b0 baa66da8893a90 3890858871d8b8
            9f9468fe11ffb0 f53ee3aa3cdf70 6f7fab6671eba8 b03ff23e2beb10 d229e8fb9c8c58 a06a186a4dc818 a7e6f55a5406f8
            05d1b8b51fab80 82241336b8a340 5d1b5acb580648 26462dd7c586d8 ac42c7311bee58 de3fe17cfce3c8 e8e4708dc89938
            df6b021e9153d8 60205dded54900 13f8fafe7f0f88 00bb87884d9898 fe16aaaf774ac8 82ebf48d3a78d8 baf727ffb8ef90
            ba526f56ea0348 bad557ccba8968 824b6581c523d0 fe5f14a04f0b78
            """),
        .init(text: "https://mgn.example/f/AbC123xyz-_", correction: .medium, forcedVersion: 10, mask: 5, version: 10, rows: """
            fe3cce176eeb3f8 82cee018cc61208 badf19042f4b2e8 baeba3e9151d2e8 ba7548bea5c52e8 820fd7a393aa208 feaaaaaaaaaabf8
            00f3faa31137000 828a5afe0d61e70 21a52b5db3bebd8 7a1a5c320d67d00 618aa5620e46e50 2eb976e22445c78 55266c8a86cf6a8
            3b06d5cfb0bc0f0 458570bdba3b3b8 0f0ac4d00d61f60 fd63ab751970950 178d435fbada9d8 7c8f4b63ee46fd0 5aa2258f729e220
            655a70a3c445c88 fe4e73ced0bd138 98ee8e951d39168 273457bbbdaab80 bd23bf771930950 bfe5a87e0b71f80 18c5d922ccce8d8
            facdd5ebfa9aaa0 38da8ae2e6cc8a0 7ff9aefe7e65fa0 69f9e8871930428 af0a08926d61f78 719fd117bbbb140 5e7aac1a2d61780
            dd2ed37e6ec69c0 63bd188844a56f8 389800c0e66ec20 27ca29a5d0dc878 543da4ab3bba6a0 b7680a930d61b78 55277b3e19313f0
            939ccd773bbaf78 0966397e6e4fbf0 8fe3ede5f6960c0 153afee846457a8 a74c49a5d0bd978 f8bb7e830136528 039bb9ffabbcfa0
            00f7632319308d0 fe23d86a0d67a80 8252d722accd8d8 ba750bbfb29ffa0 ba1b50c4c6cfe20 ba3892800667c38 823afeab18b1ea0
            feee68ea0c208f0
            """),
    ]

    static let maskChoices: [MaskChoice] = [
        .init(text: "https://mgn.example/f/AbC123xyz-_",
              segnoPenalties: [1326, 1359, 1355, 1292, 1444, 1267, 1345, 1355], skippedOverlaps: [0, 0, 0, 0, 0, 0, 0, 0], mask: 5),  // segno's own pick: 5
        .init(text: "https://mgn.example/f/AbC123xyz-_?bron=verwijzing&regio=oost",
              segnoPenalties: [1520, 1660, 1513, 1512, 1552, 1542, 1648, 1537], skippedOverlaps: [1, 1, 0, 0, 0, 1, 1, 0], mask: 3),  // segno's own pick: 7
        .init(text: "https://mgn.example/aanmelding/bevestig?client=AbC123xyz-_&organisatie=ggz-oost&team=fact-noord&token=Zx81kQ0pL7mN2vB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX",
              segnoPenalties: [2599, 2431, 2492, 2433, 2541, 2489, 2429, 2537], skippedOverlaps: [0, 0, 0, 0, 0, 0, 0, 0], mask: 6),  // segno's own pick: 6
        .init(text: "https://mgn.example/f/--------",
              segnoPenalties: [1359, 1322, 1401, 1295, 1491, 1375, 1389, 1333], skippedOverlaps: [0, 0, 0, 0, 0, 0, 0, 0], mask: 3),  // segno's own pick: 3
    ]

    @Test(arguments: symbols) func matchesReferenceModuleByModule(_ reference: Reference) throws {
        let code = try QRCode.encode(reference.text, correction: reference.correction,
                                     version: reference.forcedVersion, mask: reference.mask)
        #expect(code.version == reference.version)
        #expect(code.size == 17 + 4 * reference.version)
        #expect(code.mask == reference.mask)
        let expected = reference.modules
        try #require(expected.count == code.size)
        var wrong: [String] = []
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) != expected[y][x] { wrong.append("(\(x),\(y))") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) modules differ: \(wrong.prefix(16).joined(separator: " "))")
    }

    @Test(arguments: maskChoices) func scoresMasksLikeTheReference(_ reference: MaskChoice) throws {
        let chosen = try QRCode.encode(reference.text)
        let scores = try (0..<8).map { mask in
            let code = try QRCode.encode(reference.text, correction: .medium, version: chosen.version, mask: mask)
            return QRCode.penalty(code.modules, size: code.size)
        }
        #expect(scores == reference.penalties)
        #expect(chosen.mask == reference.mask)
        #expect(try chosen == QRCode.encode(reference.text, correction: .medium, version: nil, mask: reference.mask))
    }

    /// N3 counts each 1:1:3:1:1 look-alike once, with 4 light modules on either side, the edge counting as
    /// light, and overlapping look-alikes separately (segno skips the second one of 1011101011101).
    @Test func finderLookAlikePenalty() {
        func line(_ s: String) -> [Bool] { s.map { $0 == "1" } }
        #expect(QRCode.finderPenalty(line("0000101110100001")) == 40)
        #expect(QRCode.finderPenalty(line("10111010111010000")) == 80)
        #expect(QRCode.finderPenalty(line("1001011101001")) == 0)
        #expect(QRCode.runPenalty(line("000001111111")) == 3 + 5)
    }

    @Test func tooLongInputThrows() throws {
        #expect(try QRCode.encode(String(repeating: "a", count: 2953), correction: .low).version == 40)
        #expect(throws: QRCode.EncodeError.tooLong) { try QRCode.encode(String(repeating: "a", count: 2954), correction: .low) }
        #expect(throws: QRCode.EncodeError.tooLong) { try QRCode.encode(String(repeating: "é", count: 1477), correction: .low) }
        #expect(throws: QRCode.EncodeError.tooLong) { try QRCode.encode(String(repeating: "a", count: 1274), correction: .high) }
        #expect(throws: QRCode.EncodeError.tooLong) {
            try QRCode.encode("https://mgn.example/f/AbC123xyz-_", correction: .high, version: 1, mask: nil)
        }
    }

    @Test func svgDrawsExactlyTheDarkModules() throws {
        let code = try QRCode.encode("https://mgn.example/f/AbC123xyz-_")
        let svg = code.svg(label: "Scan \"mij\" & <ga>")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\" width=\"180\" height=\"180\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"Scan &quot;mij&quot; &amp; &lt;ga&gt;\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(code.svg(pixels: 300, label: "x").contains("width=\"300\" height=\"300\""))

        // Each run is "M{x} {y}h{w}v1h-{w}z" in modules, offset by the 4-module quiet zone.
        let d = try #require(svg.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
        var drawn = Set<[Int]>()
        for run in d.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let (x, y, width) = (numbers[0] - 4, numbers[1] - 4, numbers[2])
            for i in 0..<width { drawn.insert([x + i, y]) }
        }
        let dark = Set((0..<code.size).flatMap { y in (0..<code.size).filter { code.isDark(x: $0, y: y) }.map { [$0, y] } })
        #expect(drawn == dark)
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: code.size, y: 0))
    }
}
