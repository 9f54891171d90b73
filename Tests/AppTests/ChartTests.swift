import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Web

/// A parsed SVG: enough of a DOM to count and inspect elements. Parsing also proves well-formedness.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""
    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    func all(_ name: String) -> [SVGNode] { (self.name == name ? [self] : []) + children.flatMap { $0.all(name) } }
    subscript(_ attribute: String) -> String? { attributes[attribute] }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGNode] = [], root: SVGNode?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = SVGNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }

    struct Malformed: Error { var reason: String }

    static func parse(_ svg: String) throws -> SVGNode {
        let parser = XMLParser(data: Data(svg.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { throw Malformed(reason: parser.parserError.map { "\($0)" } ?? "no root") }
        return root
    }
}

@Suite struct ChartTests {
    static let hostile = #"<script>alert("x")</script> & 'quotes' ]]>"#
    let months = (0..<36).map { ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][$0 % 12] + " \(23 + $0 / 12)" }

    var line: LineChart {
        LineChart(idPrefix: "verwijzingen", title: "Verwijzingen per 1.000 patiënten", description: "Per maand, drie jaar.",
                  xLabels: months, series: [.init(name: "Noord", values: months.indices.map { Double($0 % 10) * 8.7 }),
                                            .init(name: "Zuid", values: months.indices.map { $0 == 5 ? nil : 20 })],
                  band: .init(label: "Controlegrenzen", lower: months.map { _ in 10 }, upper: months.map { _ in 70 }),
                  centre: .init(label: "Gemiddelde", values: months.map { _ in 40 }), marker: .init(index: 12, label: "Start MGN"),
                  references: [.init(value: 50, label: "Norm 50%")], highlights: [.init(index: 9, note: "Signaal: okt 23 boven de bovengrens.")],
                  signalLegend: "Signaal", unit: "%")
    }
    var bars: BarChart {
        BarChart(idPrefix: "wijken", title: "Per wijk", description: "Aandeel via MGN.",
                 bars: [.init(label: "Noord", value: 12.5, interval: 10...15), .init(label: "Zuid", value: nil), .init(label: "Oost", value: 30)],
                 references: [.init(value: 20, label: "Regio")], missingText: "<5", unit: "%")
    }
    var stacked: StackedBars {
        StackedBars(idPrefix: "mix", title: "Routemix", description: "Aandeel per route per maand.", categories: ["Basis GGZ", "SGGZ", "Sociaal domein"],
                    columns: [.init(label: "jan", shares: [0.5, 0.3, 0.2]), .init(label: "feb", shares: nil), .init(label: "mrt", shares: [0.2, 0.2, 0.6])])
    }

    @Test func everyChartIsWellFormedAndNamedByTitleAndDesc() throws {
        for (svg, prefix) in [(line.svg, "verwijzingen"), (bars.svg, "wijken"), (stacked.svg, "mix")] {
            let root = try SVGNode.parse(svg)
            #expect(root.name == "svg" && root["role"] == "img" && root["width"] == "100%" && root["viewBox"]?.hasPrefix("0 0 ") == true)
            #expect(root["aria-labelledby"] == "\(prefix)-title \(prefix)-desc")
            #expect(root.children.prefix(2).map(\.name) == ["title", "desc"])
            #expect(root.children[0]["id"] == "\(prefix)-title" && root.children[1]["id"] == "\(prefix)-desc")
            #expect(!root.children[1].text.isEmpty)
            for forbidden in ["<script", "href", "@import", "@font-face", "onload", "url("] { #expect(!svg.contains(forbidden), "\(forbidden)") }
        }
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let h = Self.hostile
        let charts = [
            LineChart(idPrefix: #"x" onload="alert(1)"#, title: h, description: h, xLabels: [h, h], series: [.init(name: h, values: [1, 2]), .init(name: h, values: [2, 1])],
                      marker: .init(index: 1, label: h), references: [.init(value: 1, label: h)], highlights: [.init(index: 0, note: h)], signalLegend: h, unit: h).svg,
            BarChart(idPrefix: "b", title: h, description: h, bars: [.init(label: h, value: 1), .init(label: h, value: nil)], references: [.init(value: 1, label: h)],
                     missingText: h, unit: h).svg,
            StackedBars(idPrefix: "s", title: h, description: h, categories: [h, h], columns: [.init(label: h, shares: [0.5, 0.5]), .init(label: h, shares: nil)],
                        missingText: h).svg,
        ]
        for svg in charts {
            #expect(!svg.contains("<script") && !svg.contains("onload=\""))
            let root = try SVGNode.parse(svg)
            #expect(root.all("title").first?.text == h && root.all("desc").first?.text.hasPrefix(h) == true)
            #expect(root.all("text").contains { $0.text.contains(h) })
        }
        #expect(Chart.escapeXML("a\u{0}b\u{1B}c\td") == "abc\td", "characters XML cannot carry are dropped")
        let id = try SVGNode.parse(charts[0])["aria-labelledby"] ?? ""
        #expect(id.split(separator: " ").allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }

    @Test func aMissingPointIsAGapNotAZero() throws {
        let chart = LineChart(idPrefix: "g", title: "t", description: "d", xLabels: ["a", "b", "c", "d", "e", "f"],
                              series: [.init(name: "s", values: [1, 2, nil, 4, 5, nil])])
        let root = try SVGNode.parse(chart.svg)
        let series = try #require(root.all("g").first { $0["class"] == "series series-1" })
        let d = try #require(series.all("path").first?["d"])
        #expect(d.filter { $0 == "M" }.count == 2 && d.filter { $0 == "L" }.count == 2)
        #expect(series.all("circle").count == 4, "every value has its marker")
    }

    @Test func ticksAreNiceNumbers() {
        #expect(Chart.niceTicks(0, 87) == [0, 20, 40, 60, 80, 100])
        #expect(Chart.niceTicks(0, 0.3) == [0, 0.1, 0.2, 0.3])
        #expect(Chart.niceTicks(0, 12) == [0, 5, 10, 15])
        #expect(Chart.niceTicks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Chart.niceTicks(-3, 7) == [-5, 0, 5, 10])
        #expect(Chart.niceTicks(1e18, 1e18 + 1e4).count == 2 && Chart.niceTicks(.nan, .infinity) == [0, 0.2, 0.4, 0.6, 0.8, 1], "odd data does not crash")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = Double.random(in: -1000...1000, using: &generator), span = pow(10, Double.random(in: -3...5, using: &generator))
            let t = Chart.niceTicks(a, a + span)
            #expect((4...6).contains(t.count), "\(a)…\(a + span): \(t)")
            let step = t[1] - t[0]
            #expect(t.first! <= a + step * 1e-6 && t.last! >= a + span - step * 1e-6)
            let mantissa = step / pow(10, floor(log10(step)))
            #expect([1, 2, 2.5, 5, 10].contains { abs($0 - mantissa) < 1e-6 }, "\(step)")
        }
        let axis = try? SVGNode.parse(LineChart(idPrefix: "n", title: "t", description: "d", xLabels: ["a", "b"], series: [.init(name: "s", values: [3, 87])], unit: "%").svg)
        #expect(axis?.all("g").first { $0["class"] == "y-axis" }?.all("text").map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
    }

    @Test func signalsAreADiamondAndWords() throws {
        let root = try SVGNode.parse(line.svg)
        let signals = root.all("path").filter { $0["class"] == "signal" }
        #expect(signals.count == 1 && signals[0]["fill"] == "none")
        #expect(signals[0].all("title").first?.text == "Signaal: okt 23 boven de bovengrens.")
        #expect(root.all("desc").first?.text == "Per maand, drie jaar. Signaal: okt 23 boven de bovengrens.")
        let legend = try #require(root.all("g").first { $0["class"] == "legend" })
        #expect(legend.all("text").map(\.text) == ["Noord", "Zuid", "Controlegrenzen", "Gemiddelde", "Signaal"])
        #expect(root.all("g").first { $0["class"] == "series series-2" }?.all("path").first?["stroke-dasharray"] != nil, "series differ by dash, not only colour")
        #expect(root.all("g").first { $0["class"] == "marker" }?.all("text").first?.text == "Start MGN")
        #expect(root.all("g").first { $0["class"] == "band" }?.all("path").count == 2)
    }

    @Test func xLabelsAreThinned() throws {
        let root = try SVGNode.parse(line.svg)
        let labels = root.all("text").filter { $0["class"] == "x-label" }
        #expect(labels.count <= 12 && labels.count >= 6 && labels.first?.text == "jan 23")
        #expect(Chart.labelIndices(count: 36) == Array(stride(from: 0, to: 36, by: 3)))
        #expect(Chart.labelIndices(count: 12).count == 12 && Chart.labelIndices(count: 13).count == 7 && Chart.labelIndices(count: 0).isEmpty)
    }

    @Test func numbersUseTheDutchDecimalComma() {
        #expect(Chart.dutchNumber(1234.5) == "1.234,5" && Chart.dutchNumber(12.25) == "12,25" && Chart.dutchNumber(0.1 + 0.2) == "0,3")
        #expect(Chart.dutchNumber(-3) == "−3" && Chart.dutchNumber(-0.001) == "0" && Chart.dutchNumber(1_000_000) == "1.000.000")
        let english = BarChart(idPrefix: "e", title: "t", description: "", bars: [.init(label: "A", value: 2.5)], formatNumber: { String($0) }).svg
        #expect(english.contains(">2.5<"))
    }

    @Test func barsShowSuppressedValuesAndIntervals() throws {
        let root = try SVGNode.parse(bars.svg)
        #expect(root.all("text").filter { $0["class"] == "missing" }.map(\.text) == ["<5"])
        #expect(root.all("path").filter { $0["class"] == "whisker" }.count == 1)
        #expect(root.all("rect").count == 2)
        #expect(root.all("desc").first?.text == "Aandeel via MGN. Noord: 12,5% (10–15%); Zuid: <5; Oost: 30%")
        #expect(root.all("g").first { $0["class"] == "reference" }?.all("text").first?.text == "Regio")
    }

    @Test func closeNormsDoNotPrintTheirLabelsOverEachOther() throws {
        let chart = LineChart(idPrefix: "n", title: "t", description: "", xLabels: ["a", "b"], series: [.init(name: "s", values: [8, 8.1])],
                              references: [.init(value: 8.2, label: "Pilots 8,2"), .init(value: 8.7, label: "Pilots 8,7"), .init(value: 8.5, label: "Landelijk")])
        let labels = try SVGNode.parse(chart.svg).all("g").filter { $0["class"] == "reference" }.compactMap { $0.all("text").first }
        #expect(labels.count == 3)
        let spots = labels.map { (x: $0["x"] ?? "", y: Double($0["y"] ?? "") ?? 0) }
        for i in spots.indices { for j in spots.indices where j > i && spots[i].x == spots[j].x { #expect(abs(spots[i].y - spots[j].y) >= 12, "\(spots)") } }
    }

    @Test func stackedBarsHaveALegendAndPrintedShares() throws {
        let root = try SVGNode.parse(stacked.svg)
        #expect(root.all("g").first { $0["class"] == "legend" }?.all("text").map(\.text) == ["Basis GGZ", "SGGZ", "Sociaal domein"])
        let columns = root.all("g").filter { $0["class"] == "column" }
        #expect(columns.count == 3)
        #expect(columns[0].all("rect").count == 4 && columns[0].all("text").map(\.text) == ["50%", "30%", "20%"])
        #expect(columns[1].all("text").map(\.text) == ["<5"])
        #expect(Set(columns[2].all("rect").compactMap { $0["fill"] }).count == 4, "three greys and the outline")
    }
}
