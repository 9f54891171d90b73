import Foundation

// Server-rendered charts for the monitoring dashboard: plain value types in, an SVG string out, to be
// inlined in a Leaf page (unescaped). No JavaScript and no web fonts, so the page works under the strict
// CSP, on old browsers and in print. Accessible by construction: `role="img"` named by a <title> and a
// <desc>; series told apart by dash pattern and marker shape, not by colour (everything is black and
// grey); signals drawn as a large hollow diamond *and* described in words in the <desc>. A screen
// reader hears only title and desc, so pair a chart with a table of its figures on the page.
// Pure Foundation: no Vapor here, so this file can be built and tested on its own.

/// Helpers shared by the charts.
public enum Chart {
    public typealias NumberFormat = @Sendable (Double) -> String

    /// A horizontal line across the plot: a norm, a benchmark, a regional average.
    public struct Reference: Sendable, Equatable {
        public var value: Double
        /// Drawn beside the line; include the value if the reader should see it ("Landelijk 12%").
        public var label: String
        public init(value: Double, label: String) { self.value = value; self.label = label }
    }

    /// Text for element content and attribute values. Characters XML 1.0 forbids (most control
    /// characters) are dropped rather than escaped: no escape makes them legal.
    public static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// "1.234,5", "12,25", "−3": Dutch decimal comma and thousands dot, at most two decimals, no trailing zeros.
    public static func dutchNumber(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let parts = String(format: "%.2f", abs(value)).split(separator: ".")
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var grouped = ""
        while integer.count > 3 { grouped = "." + integer.suffix(3) + grouped; integer.removeLast(3) }
        let text = integer + grouped + (fraction.isEmpty ? "" : "," + fraction)
        return value < 0 && text != "0" ? "−" + text : text
    }

    /// Four to six evenly spaced round values (steps of 1, 2 or 5 times a power of ten) covering
    /// `low...high`: the "nice numbers" of Heckbert (Graphics Gems, 1990), choosing the finest step
    /// that needs at most six ticks. 0…87 gives 0, 20, …, 100.
    public static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 { let pad = lo == 0 ? 1 : abs(lo) * 0.1; lo -= lo == 0 ? 0 : pad; hi += pad }
        let exponent = Int(floor(log10((hi - lo) / 6)))
        // A step is mantissa × 10^e; ticks are k × step, computed with integers so 3 × 0.1 stays 0.3.
        func ticks(_ mantissa: Double, _ e: Int) -> [Double] {
            let scale = pow(10, Double(abs(e)))
            let step = e >= 0 ? mantissa * scale : mantissa / scale
            guard max(abs(lo), abs(hi)) / step < 1e12 else { return [] }  // absurd data: no Int overflow
            let first = Int(floor(lo / step + 1e-9)), last = Int(ceil(hi / step - 1e-9))
            return (first...max(first, last)).map { k in
                let v = e >= 0 ? Double(k) * mantissa * scale : Double(k) * mantissa / scale
                return v == 0 ? 0 : v
            }
        }
        for e in exponent...(exponent + 3) {
            for m in [1.0, 2, 5] {
                let t = ticks(m, e)
                guard !t.isEmpty, t.count <= 6 else { continue }
                // From 2 to 5 the step grows 2.5-fold and may leave three ticks when the range does not
                // start at a multiple: then 2.5 in between. (From 1 to 2 and 5 to 10 it cannot happen.)
                if t.count < 4, m == 5 { let between = ticks(2.5, e); if between.count <= 6 { return between } }
                return t
            }
        }
        return [lo, hi]
    }

    /// Which of `count` category labels to print: every k-th from the first, at most `max`.
    public static func labelIndices(count: Int, max: Int = 12) -> [Int] {
        guard count > 0 else { return [] }
        let max = Swift.max(max, 1), stride = (count + max - 1) / max
        return Array(Swift.stride(from: 0, to: count, by: stride))
    }

    // MARK: Drawing

    /// A coordinate with one decimal, "." as separator whatever the server's locale.
    static func c(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Letters, digits, "-" and "_", starting with a letter: safe as an XML id and in `aria-labelledby`.
    static func safeID(_ prefix: String) -> String {
        let kept = String(prefix.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") })
        return kept.first?.isLetter == true ? kept : "chart-" + kept
    }

    /// Rough width of text at `size` in a sans-serif, by kind of character: enough to leave room
    /// (the server cannot measure the reader's font), erring on the wide side.
    static func textWidth(_ text: String, size: Double = 12) -> Double {
        text.reduce(0.0) { w, ch in
            let em: Double = " .,:;'!|il1".contains(ch) ? 0.32 : "%MWmw—@".contains(ch) ? 0.95 : ch.isUppercase ? 0.7 : 0.6
            return w + em * size
        }
    }

    static func open(_ idPrefix: String, title: String, description: String, width: Double, height: Double, kind: String) -> String {
        let id = safeID(idPrefix)
        return ##"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-\##(kind)" viewBox="0 0 \##(c(width)) \##(c(height))" width="100%" "##
            + ##"role="img" aria-labelledby="\##(id)-title \##(id)-desc" font-family="system-ui, sans-serif" font-size="12" fill="#000">"##
            + ##"<title id="\##(id)-title">\##(escapeXML(title))</title><desc id="\##(id)-desc">\##(escapeXML(description))</desc>"##
    }

    /// Text with a white halo, so it stays readable where it crosses a line.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", attributes: String = "") -> String {
        ##"<text x="\##(c(x))" y="\##(c(y))" text-anchor="\##(anchor)" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round"\##(attributes)>\##(escapeXML(text))</text>"##
    }

    /// One path through the points; a nil starts a new segment, so a gap stays a gap.
    static func path(_ points: [(x: Double, y: Double)?]) -> String {
        var d = "", pen = false
        for p in points {
            guard let p else { pen = false; continue }
            d += (d.isEmpty ? "" : " ") + (pen ? "L" : "M") + "\(c(p.x)) \(c(p.y))"
            pen = true
        }
        return d
    }

    /// The shapes that tell series apart without colour.
    enum Shape: Sendable { case circle, square, triangle, none }

    static func shape(_ s: Shape, x: Double, y: Double) -> String {
        switch s {
        case .circle: ##"<circle cx="\##(c(x))" cy="\##(c(y))" r="3.5"/>"##
        case .square: ##"<rect x="\##(c(x - 3.2))" y="\##(c(y - 3.2))" width="6.4" height="6.4"/>"##
        case .triangle: ##"<path d="M\##(c(x)) \##(c(y - 4.5))L\##(c(x + 4.5)) \##(c(y + 3.5))L\##(c(x - 4.5)) \##(c(y + 3.5))Z"/>"##
        case .none: ""
        }
    }

    /// A signal: larger than any series marker and hollow, so it reads on top of one, in black and white.
    static func diamond(x: Double, y: Double, note: String) -> String {
        ##"<path class="signal" d="M\##(c(x)) \##(c(y - 8))L\##(c(x + 8)) \##(c(y))L\##(c(x)) \##(c(y + 8))L\##(c(x - 8)) \##(c(y))Z" fill="none" stroke="#000" stroke-width="2"><title>\##(escapeXML(note))</title></path>"##
    }

    enum Key { case line(stroke: String, dash: String?, width: Double, shape: Shape), swatch(String), diamond }

    /// A legend laid out in rows from the top left; returns the markup and the height it takes.
    static func legend(_ items: [(key: Key, text: String)], width: Double, x0: Double = 8) -> (svg: String, height: Double) {
        guard !items.isEmpty else { return ("", 0) }
        var svg = ##"<g class="legend" font-size="11">"##, x = x0, y = 14.0
        for (key, text) in items {
            let w = 30 + textWidth(text, size: 11) + 14
            if x > x0 && x + w > width - 8 { x = x0; y += 18 }
            switch key {
            case .line(let stroke, let dash, let sw, let s):
                svg += ##"<line x1="\##(c(x))" y1="\##(c(y - 4))" x2="\##(c(x + 24))" y2="\##(c(y - 4))" stroke="\##(stroke)" stroke-width="\##(c(sw))"\##(dash.map { ##" stroke-dasharray="\##($0)""## } ?? "")/>"##
                svg += ##"<g fill="\##(stroke)">\##(shape(s, x: x + 12, y: y - 4))</g>"##
            case .swatch(let fill):
                svg += ##"<rect x="\##(c(x + 6))" y="\##(c(y - 10))" width="12" height="12" fill="\##(fill)" stroke="#000" stroke-width="0.75"/>"##
            case .diamond:
                svg += ##"<path d="M\##(c(x + 12)) \##(c(y - 11))L\##(c(x + 19)) \##(c(y - 4))L\##(c(x + 12)) \##(c(y + 3))L\##(c(x + 5)) \##(c(y - 4))Z" fill="none" stroke="#000" stroke-width="2"/>"##
            }
            svg += ##"<text x="\##(c(x + 30))" y="\##(c(y))">\##(escapeXML(text))</text>"##
            x += w
        }
        return (svg + "</g>", y + 10)
    }

    /// Horizontal grid lines with their values at the left.
    static func yGrid(_ ticks: [Double], left: Double, right: Double, y: (Double) -> Double, text: (Double) -> String) -> String {
        var svg = ##"<g class="y-axis" font-size="11">"##
        for t in ticks {
            svg += ##"<line x1="\##(c(left))" y1="\##(c(y(t)))" x2="\##(c(right))" y2="\##(c(y(t)))" stroke="#d0d0d0" stroke-width="1"/>"##
            svg += ##"<text x="\##(c(left - 6))" y="\##(c(y(t) + 4))" text-anchor="end">\##(escapeXML(text(t)))</text>"##
        }
        return svg + "</g>"
    }

    /// Category labels under a plot, thinned to at most twelve.
    static func xLabels(_ labels: [String], x: (Int) -> Double, y: Double) -> String {
        var svg = ##"<g class="x-axis" font-size="11">"##
        for i in labelIndices(count: labels.count) {
            svg += ##"<text class="x-label" x="\##(c(x(i)))" y="\##(c(y))" text-anchor="middle">\##(escapeXML(labels[i]))</text>"##
        }
        return svg + "</g>"
    }
}

/// A line chart over categories (months): up to three series, with what a run or control chart needs.
public struct LineChart: Sendable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// One value per x label; nil is a gap (a suppressed or missing month), never a zero.
        public var values: [Double?]
        public init(name: String, values: [Double?]) { self.name = name; self.values = values }
    }

    /// Per-point lower and upper limits (a confidence interval, control limits), drawn as dashed lines.
    public struct Band: Sendable, Equatable {
        public var label: String
        public var lower: [Double?]
        public var upper: [Double?]
        public init(label: String, lower: [Double?], upper: [Double?]) { self.label = label; self.lower = lower; self.upper = upper }
    }

    /// A per-point line such as the centre line of a control chart (it may shift after go-live).
    public struct Guide: Sendable, Equatable {
        public var label: String
        public var values: [Double?]
        public init(label: String, values: [Double?]) { self.label = label; self.values = values }
    }

    /// A vertical line just before the point at `index` (go-live: "from this month on").
    public struct Marker: Sendable, Equatable {
        public var index: Int
        public var label: String
        public init(index: Int, label: String) { self.index = index; self.label = label }
    }

    /// A point to draw attention to (a signal). `note` says in words what it is and goes in the <desc>.
    public struct Highlight: Sendable, Equatable {
        public var series: Int
        public var index: Int
        public var note: String
        public init(series: Int = 0, index: Int, note: String) { self.series = series; self.index = index; self.note = note }
    }

    public var idPrefix: String
    public var title: String
    public var description: String
    public var xLabels: [String]
    /// The first three are drawn; more could not be told apart in print.
    public var series: [Series]
    public var band: Band?
    public var centre: Guide?
    public var marker: Marker?
    public var references: [Chart.Reference]
    public var highlights: [Highlight]
    /// Legend text for the diamond ("Signaal"); no legend entry when nil.
    public var signalLegend: String?
    /// After every axis value: "%", " d".
    public var unit: String
    /// The y range to cover at least; by default the data's, from zero.
    public var yDomain: ClosedRange<Double>?
    public var width: Double
    public var height: Double
    public var formatNumber: Chart.NumberFormat

    public init(idPrefix: String, title: String, description: String, xLabels: [String], series: [Series], band: Band? = nil,
                centre: Guide? = nil, marker: Marker? = nil, references: [Chart.Reference] = [], highlights: [Highlight] = [],
                signalLegend: String? = nil, unit: String = "", yDomain: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 300,
                formatNumber: @escaping Chart.NumberFormat = Chart.dutchNumber) {
        self.idPrefix = idPrefix; self.title = title; self.description = description; self.xLabels = xLabels; self.series = series
        self.band = band; self.centre = centre; self.marker = marker; self.references = references; self.highlights = highlights
        self.signalLegend = signalLegend; self.unit = unit; self.yDomain = yDomain; self.width = width; self.height = height
        self.formatNumber = formatNumber
    }

    static let styles: [(stroke: String, dash: String?, shape: Chart.Shape)] = [("#000", nil, .circle), ("#444", "7 4", .square), ("#666", "2 3", .triangle)]
    static let bandStyle = (stroke: "#555", dash: "4 4"), centreStroke = "#555", referenceDash = "10 3 2 3"

    public var svg: String {
        let drawn = Array(series.prefix(3))
        let n = max(xLabels.count, drawn.map(\.values.count).max() ?? 0, 1)
        let notes = highlights.filter { $0.series < drawn.count }.map(\.note)
        var out = Chart.open(idPrefix, title: title, description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                             width: width, height: height, kind: "line")

        var keys: [(key: Chart.Key, text: String)] = []
        if drawn.count > 1 || band != nil || centre != nil || (signalLegend != nil && !notes.isEmpty) {
            for (i, s) in drawn.enumerated() { let st = Self.styles[i]; keys.append((.line(stroke: st.stroke, dash: st.dash, width: 2, shape: st.shape), s.name)) }
        }
        if let band { keys.append((.line(stroke: Self.bandStyle.stroke, dash: Self.bandStyle.dash, width: 1, shape: .none), band.label)) }
        if let centre { keys.append((.line(stroke: Self.centreStroke, dash: nil, width: 1, shape: .none), centre.label)) }
        if let signalLegend, !notes.isEmpty { keys.append((.diamond, signalLegend)) }
        let legend = Chart.legend(keys, width: width)
        out += legend.svg

        // The y range: everything drawn, from zero unless told otherwise.
        var values = drawn.flatMap { $0.values.compactMap { $0 } } + references.map(\.value)
        values += (band.map { $0.lower + $0.upper } ?? []).compactMap { $0 } + (centre?.values ?? []).compactMap { $0 }
        values = values.filter(\.isFinite)
        let lowData = min(values.min() ?? 0, 0), highData = values.max() ?? 1
        let ticks = Chart.niceTicks(min(yDomain?.lowerBound ?? lowData, lowData), max(yDomain?.upperBound ?? highData, highData))
        let tickText = { (t: Double) in formatNumber(t) + unit }

        let top = legend.height + 12, bottom = height - 28
        let left = 12 + (ticks.map { Chart.textWidth(tickText($0), size: 11) }.max() ?? 20), right = width - 12
        let step = (right - left) / Double(n)
        let lo = ticks.first!, hi = ticks.last!
        func x(_ i: Int) -> Double { left + (Double(i) + 0.5) * step }
        func y(_ v: Double) -> Double { bottom - (v - lo) / (hi - lo) * (bottom - top) }
        func points(_ vs: [Double?]) -> [(x: Double, y: Double)?] { vs.enumerated().map { i, v in v.flatMap { $0.isFinite ? (x(i), y($0)) : nil } } }

        out += Chart.yGrid(ticks, left: left, right: right, y: y, text: tickText)
        out += ##"<line class="baseline" x1="\##(Chart.c(left))" y1="\##(Chart.c(y(lo)))" x2="\##(Chart.c(right))" y2="\##(Chart.c(y(lo)))" stroke="#000" stroke-width="1"/>"##
        out += Chart.xLabels(xLabels, x: x, y: bottom + 18)

        if let band {
            out += ##"<g class="band" fill="none" stroke="\##(Self.bandStyle.stroke)" stroke-width="1" stroke-dasharray="\##(Self.bandStyle.dash)">"##
            for side in [band.lower, band.upper] { out += ##"<path d="\##(Chart.path(points(side)))"/>"## }
            out += "</g>"
        }
        if let centre {
            out += ##"<path class="centre" d="\##(Chart.path(points(centre.values)))" fill="none" stroke="\##(Self.centreStroke)" stroke-width="1"/>"##
        }
        // Two norms close together (8,2 and 8,7) would print their labels over each other: a later label
        // moves to the left end of its line, or else below it.
        var placed: [(x: Double, y: Double)] = []
        for r in references where r.value.isFinite {
            out += ##"<g class="reference"><line x1="\##(Chart.c(left))" y1="\##(Chart.c(y(r.value)))" x2="\##(Chart.c(right))" y2="\##(Chart.c(y(r.value)))" stroke="#333" stroke-width="1.25" stroke-dasharray="\##(Self.referenceDash)"/>"##
            let spots = [(x: right - 4, y: y(r.value) - 5, anchor: "end"), (x: left + 4, y: y(r.value) - 5, anchor: "start"), (x: right - 4, y: y(r.value) + 14, anchor: "end")]
            let spot = spots.first { s in !placed.contains { $0.x == s.x && abs($0.y - s.y) < 12 } } ?? spots[0]
            placed.append((spot.x, spot.y))
            out += Chart.label(r.label, x: spot.x, y: spot.y, anchor: spot.anchor, attributes: ##" font-size="11""##) + "</g>"
        }
        if let marker, (0..<n).contains(marker.index) {
            let mx = left + Double(marker.index) * step
            let nearRight = mx > left + (right - left) * 0.7
            out += ##"<g class="marker"><line x1="\##(Chart.c(mx))" y1="\##(Chart.c(top))" x2="\##(Chart.c(mx))" y2="\##(Chart.c(bottom))" stroke="#000" stroke-width="1.5"/>"##
            out += Chart.label(marker.label, x: nearRight ? mx - 5 : mx + 5, y: top + 12, anchor: nearRight ? "end" : "start", attributes: ##" font-size="11""##) + "</g>"
        }
        for (i, s) in drawn.enumerated() {
            let st = Self.styles[i], ps = points(s.values)
            out += ##"<g class="series series-\##(i + 1)" fill="\##(st.stroke)"><path d="\##(Chart.path(ps))" fill="none" stroke="\##(st.stroke)" stroke-width="2" stroke-linejoin="round"\##(st.dash.map { ##" stroke-dasharray="\##($0)""## } ?? "")/>"##
            for p in ps.compactMap({ $0 }) { out += Chart.shape(st.shape, x: p.x, y: p.y) }
            out += "</g>"
        }
        for h in highlights where h.series < drawn.count {
            let ps = points(drawn[h.series].values)
            if ps.indices.contains(h.index), let p = ps[h.index] { out += Chart.diamond(x: p.x, y: p.y, note: h.note) }
        }
        return out + "</svg>"
    }
}

/// Horizontal bars, one per category (route, wijk), with optional interval whiskers. A suppressed
/// value (small numbers) shows `missingText` where its bar would be, and in the <desc>.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double?
        /// A confidence interval, drawn as a whisker.
        public var interval: ClosedRange<Double>?
        public init(label: String, value: Double?, interval: ClosedRange<Double>? = nil) { self.label = label; self.value = value; self.interval = interval }
    }

    public var idPrefix: String
    public var title: String
    public var description: String
    public var bars: [Bar]
    public var references: [Chart.Reference]
    /// Shown for a nil value: "<5" when suppressed for privacy, "—" when there is nothing.
    public var missingText: String
    public var unit: String
    public var domain: ClosedRange<Double>?
    public var width: Double
    public var formatNumber: Chart.NumberFormat

    public init(idPrefix: String, title: String, description: String, bars: [Bar], references: [Chart.Reference] = [], missingText: String = "—",
                unit: String = "", domain: ClosedRange<Double>? = nil, width: Double = 640, formatNumber: @escaping Chart.NumberFormat = Chart.dutchNumber) {
        self.idPrefix = idPrefix; self.title = title; self.description = description; self.bars = bars; self.references = references
        self.missingText = missingText; self.unit = unit; self.domain = domain; self.width = width; self.formatNumber = formatNumber
    }

    /// What a bar says in words, for the <desc> ("Noord: 12,5% (10–15%)").
    func spoken(_ b: Bar) -> String {
        guard let v = b.value else { return "\(b.label): \(missingText)" }
        let interval = b.interval.map { " (\(formatNumber($0.lowerBound))–\(formatNumber($0.upperBound))\(unit))" } ?? ""
        return "\(b.label): \(formatNumber(v))\(unit)\(interval)"
    }

    public var svg: String {
        let rowHeight = 30.0, barHeight = 18.0, top = 26.0
        let plotBottom = top + Double(max(bars.count, 1)) * rowHeight + 4
        let height = plotBottom + (references.isEmpty ? 4 : 22)
        let desc = ([description] + [bars.map(spoken).joined(separator: "; ")]).filter { !$0.isEmpty }.joined(separator: " ")
        var out = Chart.open(idPrefix, title: title, description: desc, width: width, height: height, kind: "bar")

        var values = bars.compactMap(\.value) + bars.compactMap(\.interval).flatMap { [$0.lowerBound, $0.upperBound] } + references.map(\.value)
        values = values.filter(\.isFinite)
        let lowData = min(values.min() ?? 0, 0), highData = values.max() ?? 1
        let ticks = Chart.niceTicks(min(domain?.lowerBound ?? lowData, lowData), max(domain?.upperBound ?? highData, highData))
        let lo = ticks.first!, hi = ticks.last!

        // Labels get up to 40% of the width; a longer one is cut with "…" (the <desc> has it whole).
        let shown = bars.map { bar in
            var label = bar.label
            while Chart.textWidth(label) > width * 0.4, label.count > 1 { label = String(label.dropLast(label.hasSuffix("…") ? 2 : 1)) + "…" }
            return label
        }
        let left = 12 + (shown.map { Chart.textWidth($0) }.max() ?? 0)
        let right = width - 14 - max(Chart.textWidth(formatNumber(hi) + unit), Chart.textWidth(missingText)) - 8
        func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * (right - left) }

        out += ##"<g class="x-axis" font-size="11">"##
        for t in ticks {
            out += ##"<line x1="\##(Chart.c(x(t)))" y1="\##(Chart.c(top - 6))" x2="\##(Chart.c(x(t)))" y2="\##(Chart.c(plotBottom))" stroke="#d0d0d0" stroke-width="1"/>"##
            out += ##"<text x="\##(Chart.c(x(t)))" y="\##(Chart.c(top - 10))" text-anchor="middle">\##(Chart.escapeXML(formatNumber(t) + unit))</text>"##
        }
        out += "</g>"
        for (i, b) in bars.enumerated() {
            let yMid = top + Double(i) * rowHeight + rowHeight / 2, zero = x(max(lo, 0))
            out += ##"<g class="bar">"##
            out += ##"<text x="\##(Chart.c(left - 8))" y="\##(Chart.c(yMid + 4))" text-anchor="end">\##(Chart.escapeXML(shown[i]))</text>"##
            guard let v = b.value, v.isFinite else {
                out += ##"<text class="missing" x="\##(Chart.c(zero + 4))" y="\##(Chart.c(yMid + 4))" font-style="italic">\##(Chart.escapeXML(missingText))</text></g>"##
                continue
            }
            let x0 = min(zero, x(v)), x1 = max(zero, x(v))
            out += ##"<rect x="\##(Chart.c(x0))" y="\##(Chart.c(yMid - barHeight / 2))" width="\##(Chart.c(max(x1 - x0, 0.5)))" height="\##(Chart.c(barHeight))" fill="#a6a6a6" stroke="#000" stroke-width="0.75"/>"##
            var end = x1
            if let iv = b.interval, iv.lowerBound.isFinite, iv.upperBound.isFinite {
                let a = x(iv.lowerBound), z = x(iv.upperBound)
                out += ##"<path class="whisker" d="M\##(Chart.c(a)) \##(Chart.c(yMid))H\##(Chart.c(z))M\##(Chart.c(a)) \##(Chart.c(yMid - 5))V\##(Chart.c(yMid + 5))M\##(Chart.c(z)) \##(Chart.c(yMid - 5))V\##(Chart.c(yMid + 5))" stroke="#000" stroke-width="1.5" fill="none"/>"##
                end = max(end, z)
            }
            out += ##"<text x="\##(Chart.c(end + 6))" y="\##(Chart.c(yMid + 4))">\##(Chart.escapeXML(formatNumber(v) + unit))</text></g>"##
        }
        for r in references where r.value.isFinite {
            out += ##"<g class="reference"><line x1="\##(Chart.c(x(r.value)))" y1="\##(Chart.c(top - 4))" x2="\##(Chart.c(x(r.value)))" y2="\##(Chart.c(plotBottom))" stroke="#000" stroke-width="1.25" stroke-dasharray="\##(LineChart.referenceDash)"/>"##
                + Chart.label(r.label, x: x(r.value), y: plotBottom + 15, anchor: "middle", attributes: ##" font-size="11""##) + "</g>"
        }
        return out + "</svg>"
    }
}

/// A mix per column (route mix per month): stacked shares of 0–1, in grey fills from dark to light
/// with the share printed inside each segment that has room, so it reads without telling greys apart.
public struct StackedBars: Sendable {
    public struct Column: Sendable, Equatable {
        public var label: String
        /// One share per category, in the order of `categories`; nil when the column is suppressed.
        public var shares: [Double]?
        public init(label: String, shares: [Double]?) { self.label = label; self.shares = shares }
    }

    public var idPrefix: String
    public var title: String
    public var description: String
    public var categories: [String]
    public var columns: [Column]
    public var missingText: String
    public var width: Double
    public var height: Double
    public var formatNumber: Chart.NumberFormat

    public init(idPrefix: String, title: String, description: String, categories: [String], columns: [Column], missingText: String = "<5",
                width: Double = 640, height: Double = 300, formatNumber: @escaping Chart.NumberFormat = Chart.dutchNumber) {
        self.idPrefix = idPrefix; self.title = title; self.description = description; self.categories = categories; self.columns = columns
        self.missingText = missingText; self.width = width; self.height = height; self.formatNumber = formatNumber
    }

    /// Far enough apart to tell in print; after five the greys repeat (the printed shares still tell).
    static let fills = ["#1a1a1a", "#595959", "#8c8c8c", "#bfbfbf", "#ececec"]

    public var svg: String {
        var out = Chart.open(idPrefix, title: title, description: description, width: width, height: height, kind: "stacked")
        let legend = Chart.legend(categories.enumerated().map { (.swatch(Self.fills[$0.offset % Self.fills.count]), $0.element) }, width: width)
        out += legend.svg
        let percent = { (v: Double) in formatNumber(v) + "%" }
        let top = legend.height + 12, bottom = height - 28
        let left = 12 + Chart.textWidth(percent(100), size: 11), right = width - 12
        let step = (right - left) / Double(max(columns.count, 1)), barWidth = min(step * 0.7, 48)
        func x(_ i: Int) -> Double { left + (Double(i) + 0.5) * step }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }

        out += Chart.yGrid([0, 25, 50, 75, 100], left: left, right: right, y: { y($0 / 100) }, text: percent)
        out += Chart.xLabels(columns.map(\.label), x: x, y: bottom + 18)
        for (i, column) in columns.enumerated() {
            out += ##"<g class="column">"##
            guard let shares = column.shares else {
                out += ##"<text class="missing" x="\##(Chart.c(x(i)))" y="\##(Chart.c(bottom - 6))" text-anchor="middle" font-style="italic">\##(Chart.escapeXML(missingText))</text></g>"##
                continue
            }
            var base = 0.0
            for (k, raw) in shares.enumerated() where k < categories.count {
                let share = min(max(raw.isFinite ? raw : 0, 0), 1 - base)
                guard share > 0 else { continue }
                let y0 = y(base + share), h = y(base) - y0, fill = Self.fills[k % Self.fills.count]
                out += ##"<rect x="\##(Chart.c(x(i) - barWidth / 2))" y="\##(Chart.c(y0))" width="\##(Chart.c(barWidth))" height="\##(Chart.c(h))" fill="\##(fill)" stroke="#fff" stroke-width="1"><title>\##(Chart.escapeXML("\(categories[k]): \(percent((share * 100).rounded()))"))</title></rect>"##
                if h >= 14 && barWidth >= 26 {
                    let ink = k % Self.fills.count < 2 ? "#fff" : "#000"
                    out += ##"<text x="\##(Chart.c(x(i)))" y="\##(Chart.c(y0 + h / 2 + 4))" text-anchor="middle" font-size="10" fill="\##(ink)">\##(Chart.escapeXML(percent((share * 100).rounded())))</text>"##
                }
                base += share
            }
            out += ##"<rect x="\##(Chart.c(x(i) - barWidth / 2))" y="\##(Chart.c(y(base)))" width="\##(Chart.c(barWidth))" height="\##(Chart.c(y(0) - y(base)))" fill="none" stroke="#000" stroke-width="0.75"/></g>"##
        }
        out += ##"<line class="baseline" x1="\##(Chart.c(left))" y1="\##(Chart.c(bottom))" x2="\##(Chart.c(right))" y2="\##(Chart.c(bottom))" stroke="#000" stroke-width="1"/>"##
        return out + "</svg>"
    }
}
