/// The parts the inline SVG charts of `summary.html` are drawn from: colours, the figure frame,
/// text, shapes, legends and scales, all with one-decimal coordinates.
extension SummaryHTML {
    /// Chart geometry shared by the per-unit charts, so their rows line up side by side.
    enum Geometry {
        static let font = 12.0
        static let small = 11.0
        static let top = 34.0
        static let rowHeight = 24.0
        static let nameWidth = 170.0
        static let ink = "#1f2933"
        static let muted = "#52606d"
        static let rule = "#e4e7eb"
    }

    /// A grade's colour: green, amber, red.
    static func gradeColour(_ raw: String) -> String {
        switch Grade(rawValue: raw) {
        case .compliant: return "#2e7d32"
        case .largelyCompliant: return "#f2b233"
        case .nonCompliant: return "#c62828"
        case nil: return "#7b8794"
        }
    }

    /// A status's fill and the ink written on it.
    static func statusColours(_ raw: String) -> (fill: String, ink: String) {
        switch HaveStatus(rawValue: raw) {
        case .met: return ("#2e7d32", "#ffffff")
        case .partial: return ("#f2b233", "#3b2a00")
        case .missing: return ("#c62828", "#ffffff")
        case nil: return ("#cbd2d9", Geometry.ink)
        }
    }

    // MARK: - Frame

    /// A figure holding one SVG chart, labelled by its title and described for screen readers.
    func chartFigure(id: String, title: String, description: String, width: Double, height: Double, body: [String]) -> String {
        var out = StringOutput()
        writeChartFigure(id: id, title: title, description: description, width: width, height: height, to: &out) { out in
            for part in body { out.line(""); out.write(part) }
        }
        return out.text
    }

    /// A chart figure as `chartFigure` makes it, written as it goes: `body` writes each part of the
    /// drawing after a line feed.
    func writeChartFigure<Output: TextOutput>(id: String, title: String, description: String, width: Double, height: Double,
                                              to out: inout Output, body: (inout Output) -> Void) {
        out.write("<figure" + attributeText([("class", "chart"), ("id", id)]) + ">\n")
        out.write(tag("figcaption", [:], text: title) + "\n")
        out.write("<svg" + attributeText([("xmlns", Self.svgNamespace), ("class", "chart-svg"), ("role", "img"),
                                          ("viewBox", "0 0 \(fixed(width)) \(fixed(height))"), ("width", fixed(width)),
                                          ("height", fixed(height)), ("aria-labelledby", "\(id)-title \(id)-desc")]) + ">\n")
        out.write(tag("title", ["id": "\(id)-title"], text: title) + "\n" + tag("desc", ["id": "\(id)-desc"], text: description))
        body(&out)
        out.write("\n</svg>\n</figure>")
    }

    func svgText(_ value: String, x: Double, y: Double, size: Double = Geometry.font, anchor: String = "start",
                 fill: String = Geometry.ink, weight: String = "normal") -> String {
        var attributes = [("x", fixed(x)), ("y", fixed(y)), ("font-size", fixed(size)), ("fill", fill)]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if weight != "normal" { attributes.append(("font-weight", weight)) }
        return tag("text", pairs: attributes, text: value)
    }

    func rect(x: Double, y: Double, width: Double, height: Double, fill: String, radius: Double = 0) -> String {
        empty("rect", ["x": fixed(x), "y": fixed(y), "width": fixed(max(0, width)), "height": fixed(height),
                       "rx": fixed(radius), "fill": fill])
    }

    func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dash: String = "") -> String {
        dash.isEmpty
            ? empty("line", ["x1": fixed(x1), "y1": fixed(y1), "x2": fixed(x2), "y2": fixed(y2), "stroke": stroke, "stroke-width": "1"])
            : empty("line", ["x1": fixed(x1), "y1": fixed(y1), "x2": fixed(x2), "y2": fixed(y2), "stroke": stroke,
                             "stroke-width": "1.5", "stroke-dasharray": dash])
    }

    /// A row of swatches with their words, starting at `x`.
    func legend(_ items: [(fill: String, label: String)], x: Double, y: Double) -> String {
        var position = x
        var parts: [String] = []
        for item in items {
            parts.append(rect(x: position, y: y - 10, width: 12, height: 12, fill: item.fill, radius: 2))
            parts.append(svgText(item.label, x: position + 17, y: y, size: Geometry.small, fill: Geometry.muted))
            position += 17 + Self.textWidth(item.label, size: Geometry.small) + 18
        }
        return tag("g", ["class": "legend"], parts.joined())
    }

    /// Vertical grid lines with their labels under a plot.
    func scaleLines(_ ticks: [(value: Double, label: String)], plotX: Double, plotWidth: Double, top: Double, bottom: Double) -> [String] {
        ticks.flatMap { tick in
            let x = plotX + tick.value * plotWidth
            return [line(x1: x, y1: top - 4, x2: x, y2: bottom, stroke: Geometry.rule),
                    svgText(tick.label, x: x, y: bottom + 15, size: Geometry.small, anchor: "middle", fill: Geometry.muted)]
        }
    }

    /// The width the rank and name columns take.
    func unitLabelColumns() -> (rankWidth: Double, plotX: Double) {
        let rankWidth = Self.textWidth(String(document.units.map(\.rank).max() ?? 0), size: Geometry.font) + 2
        let names = document.units.map { Self.textWidth(Self.clipped($0.name, size: Geometry.font, width: Geometry.nameWidth), size: Geometry.font) }
        return (rankWidth, rankWidth + 8 + max(60, names.max() ?? 0) + 12)
    }
}
