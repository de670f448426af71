/// The per-unit rows of the two per-unit charts, appended piece by piece. A county has hundreds of
/// units and a province tens of thousands, each with a row in the score chart and six cells in the
/// grid; composing every element as nested strings first (as `tag` does for the one-off parts of
/// the page) cost more than the rest of the page. The bytes are those `tag`, `rect` and `svgText`
/// give, which a test checks.
extension SummaryHTML {
    /// One unit's row of the score chart: its tooltip, rank and name, bar, score and grade.
    func writeScoreRow(_ unit: SummaryDocument.UnitRow, index: Int, _ w: SummaryWords, rankWidth: Double, plotX: Double,
                       plotWidth: Double, to out: inout some TextOutput) {
        let y = G.top + Double(index) * G.rowHeight
        let end = plotX + min(max(unit.score, 0), 100) / 100 * plotWidth
        let score = w.number(unit.score)
        let grade = w.grade(unit.grade)
        out.write("\n<g><title>")
        out.write(String(unit.rank))
        out.write(". ")
        out.write(Escaping.html(Self.oneLine(unit.name)))
        out.write(": ")
        out.write(Escaping.html(score))
        out.write(" (")
        out.write(Escaping.html(grade))
        out.write(")</title>")
        writeUnitLabel(unit, rankWidth: rankWidth, y: y + 16, to: &out)
        writeRect(x: plotX, y: y + 5, width: end - plotX, height: 14, fill: Self.gradeColour(unit.grade), radius: 2, to: &out)
        out.write("<g class=\"halo\">")
        writeText(score, x: end + 6, y: y + 16, size: G.font, fill: G.ink, anchor: "start", weight: "bold", to: &out)
        writeText(grade, x: end + 12 + Self.textWidth(score, size: G.font), y: y + 16, size: G.small, fill: G.muted,
                  anchor: "start", weight: "normal", to: &out)
        out.write("</g></g>")
    }

    /// One unit's row of the grid: its rank and name, then a cell per have, coloured and worded by
    /// status.
    func writeGridRow(_ unit: SummaryDocument.UnitRow, index: Int, _ w: SummaryWords, haves: [SummaryDocument.HaveRef], rankWidth: Double,
                      plotX: Double, cellWidth: Double, to out: inout some TextOutput) {
        let y = G.top + Double(index) * G.rowHeight
        let name = Escaping.html(Self.oneLine(unit.name))
        out.write("\n<g>")
        writeUnitLabel(unit, rankWidth: rankWidth, y: y + 16, to: &out)
        for (column, have) in haves.enumerated() {
            let status = unit.haves.first { $0.id == have.id }?.status ?? ""
            let colours = Self.statusColours(status)
            let x = plotX + Double(column) * cellWidth
            let word = status.isEmpty ? "–" : w.status(status)
            out.write("<g><title>")
            out.write(name)
            out.write(" · ")
            out.write(Escaping.html(w.have(have.id)))
            out.write(": ")
            out.write(Escaping.html(word))
            out.write("</title>")
            writeRect(x: x + 2, y: y + 2, width: cellWidth - 4, height: G.rowHeight - 4, fill: colours.fill, radius: 3, to: &out)
            writeText(word, x: x + cellWidth / 2, y: y + 16, size: G.small, fill: colours.ink, anchor: "middle", weight: "bold", to: &out)
            out.write("</g>")
        }
        out.write("</g>")
    }

    /// The rank and name at the start of a unit's row, as `unitLabel` gives them.
    private func writeUnitLabel(_ unit: SummaryDocument.UnitRow, rankWidth: Double, y: Double, to out: inout some TextOutput) {
        writeText(String(unit.rank), x: rankWidth, y: y, size: G.font, fill: G.muted, anchor: "end", weight: "normal", to: &out)
        writeText(Self.clipped(unit.name, size: G.font, width: G.nameWidth), x: rankWidth + 8, y: y, size: G.font, fill: G.ink,
                  anchor: "start", weight: "normal", to: &out)
    }

    /// `<rect …/>` as `rect` gives it.
    private func writeRect(x: Double, y: Double, width: Double, height: Double, fill: String, radius: Double,
                           to out: inout some TextOutput) {
        out.write("<rect")
        for (name, value) in [("x", x), ("y", y), ("width", max(0, width)), ("height", height), ("rx", radius)] {
            writeAttribute(name, fixed: value, to: &out)
        }
        writeAttribute("fill", fill, to: &out)
        out.write("/>")
    }

    /// `<text …>value</text>` as `svgText` gives it.
    private func writeText(_ value: String, x: Double, y: Double, size: Double, fill: String, anchor: String, weight: String,
                           to out: inout some TextOutput) {
        out.write("<text")
        for (name, number) in [("x", x), ("y", y), ("font-size", size)] { writeAttribute(name, fixed: number, to: &out) }
        writeAttribute("fill", fill, to: &out)
        if anchor != "start" { writeAttribute("text-anchor", anchor, to: &out) }
        if weight != "normal" { writeAttribute("font-weight", weight, to: &out) }
        out.write(">")
        out.write(Escaping.html(value))
        out.write("</text>")
    }

    /// ` name="value"`, the value escaped.
    private func writeAttribute(_ name: String, _ value: String, to out: inout some TextOutput) {
        out.write(" " + name + "=\"")
        out.write(Escaping.html(value))
        out.write("\"")
    }

    /// ` name="12.5"`: a number with exactly one decimal, as `fixed` gives it.
    private func writeAttribute(_ name: String, fixed value: Double, to out: inout some TextOutput) {
        out.write(" " + name + "=\"")
        out.write(oneDecimal: value)
        out.write("\"")
    }
}
