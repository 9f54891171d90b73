import Foundation
import Testing
@testable import Domain

@Suite struct InstrumentTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/MGNApp/Instruments").path

    @Test func theShippedInstrumentsHaveTheirDimensionsAndScales() throws {
        let catalogue = try InstrumentCatalogue.load(from: [Self.shipped])
        let pg = try #require(catalogue.current.first { $0.title == "Positieve Gezondheid" })
        let scores = pg.items.filter { if case .integer(0, 10) = $0.kind { true } else { false } }
        #expect(scores.map(\.text) == ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen", "Dagelijks functioneren"])
        #expect(pg.items.filter { $0.kind == .boolean }.count == 6, "each dimension has 'hier wil ik over praten'")
        let zrm = try #require(catalogue.current.first { $0.url.hasSuffix("zrm-2017") })
        #expect(zrm.items.count == 13 && zrm.items.allSatisfy { $0.kind == .integer(min: 1, max: 5) && !$0.required })
        #expect(zrm.items.map(\.text).contains("Justitie") && zrm.items.map(\.text).contains("Financiën"))
    }

    @Test func answersAreCheckedAgainstTheScale() throws {
        let pg = try #require(try InstrumentCatalogue.load(from: [Self.shipped]).current.first { $0.title == "Positieve Gezondheid" })
        var raw = Dictionary(uniqueKeysWithValues: pg.items.map { ($0.linkId, $0.kind == .boolean ? "" : "7") })
        raw["pg-zingeving"] = "11"; raw["pg-meedoen"] = ""; raw["pg-meedoen-praten"] = "on"
        let (response, errors) = pg.response(from: raw)
        #expect(errors == ["pg-zingeving": "error_out_of_range", "pg-meedoen": "error_required"])
        #expect(response.answers["pg-meedoen-praten"] == 1 && response.answers["pg-lichaamsfuncties"] == 7)
        #expect(response.instrumentVersion == "1.0")
    }

    @Test func aRegionAddsAVersionWithoutLosingTheOldOne() throws {
        let dir = NSTemporaryDirectory() + "instr-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.shipped + "/positieve-gezondheid-1.0.json"))) as! [String: Any]
        json["version"] = "1.1"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/pg-regio.json"))
        let catalogue = try InstrumentCatalogue.load(from: [Self.shipped, dir])
        #expect(catalogue.current.first { $0.title == "Positieve Gezondheid" }?.version == "1.1")
        #expect(catalogue.instrument(url: json["url"] as! String, version: "1.0") != nil, "answers given in 1.0 stay readable")
    }

    @Test func aBrokenFileIsRefusedWithItsName() {
        #expect(throws: Instrument.LoadError.notAQuestionnaire("x.json")) { try Instrument.parse(Data(#"{"resourceType":"Patient"}"#.utf8), file: "x.json") }
        let noBounds = #"{"resourceType":"Questionnaire","url":"u","version":"1","item":[{"linkId":"a","text":"A","type":"integer"}]}"#
        #expect(throws: Instrument.LoadError.badItem("y.json", "a")) { try Instrument.parse(Data(noBounds.utf8), file: "y.json") }
    }

    @Test func changeIsComputedPerItem() throws {
        let pg = try #require(try InstrumentCatalogue.load(from: [Self.shipped]).current.first { $0.title == "Positieve Gezondheid" })
        let a = InstrumentResponse(instrumentURL: pg.url, instrumentVersion: "1.0", answers: ["pg-zingeving": 4, "pg-meedoen": 6])
        let b = InstrumentResponse(instrumentURL: pg.url, instrumentVersion: "1.0", answers: ["pg-zingeving": 7, "pg-meedoen": 5])
        #expect(pg.change(from: a, to: b) == ["pg-zingeving": 3, "pg-meedoen": -1])
    }
}
