/// The four inline SVG charts of `summary.html`: score per unit, share meeting each have, grade
/// distribution, and the units × five-haves grid. Colour is never the only cue: bars carry their
/// values and grades in words, grid cells their status in words.
extension SummaryHTML {
    typealias G = Geometry

    /// Score per unit: horizontal bars in rank order, coloured by grade, with the grade lines.
    func writeScoreChart<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        let units = document.units
        let (rankWidth, plotX) = unitLabelColumns()
        let gradeWidth = Grade.allCases.map { Self.textWidth($0.label(language), size: G.small) }.max() ?? 0
        // The grade words take what the plot gives up, so the chart is as wide in either language
        // and fits beside the grid.
        let plotWidth = 364 - gradeWidth
        let width = plotX + plotWidth + 8 + Self.textWidth("100.0", size: G.font) + 6 + gradeWidth + 4
        let bottom = G.top + Double(units.count) * G.rowHeight
        let ticks = stride(from: 0, through: 100, by: 20).map { (Double($0) / 100, String($0)) }
        let description = t("\(units.count) 个单位按排名列出得分，条形颜色表示等级，虚线为等级分数线。",
                            (units.count == 1 ? "The score of the one unit" : "The score of each of the \(units.count) units in rank order")
                            + "; the colour shows the grade and the dashed lines the grade bars.")
        writeChartFigure(id: "chart-scores", title: t("各单位得分", "Score per unit"), description: description,
                         width: width, height: bottom + 52, to: &out) { out in
            for part in scaleLines(ticks, plotX: plotX, plotWidth: plotWidth, top: G.top, bottom: bottom)
                + gradeLineMarks(w, plotX: plotX, plotWidth: plotWidth, bottom: bottom) {
                out.line("")
                out.write(part)
            }
            out.writeRows(count: units.count) { index, row in
                writeScoreRow(units[index], index: index, w, rankWidth: rankWidth, plotX: plotX, plotWidth: plotWidth, to: &row)
            }
            let items = Grade.allCases.reversed().map { (Self.gradeColour($0.rawValue), $0.label(language)) }
            out.line("")
            out.write(legend(items, x: plotX, y: bottom + 40))
        }
    }

    /// The dashed grade lines with their names above the plot.
    private func gradeLineMarks(_ w: SummaryWords, plotX: Double, plotWidth: Double, bottom: Double) -> [String] {
        let names = [Grade.largelyCompliant, .compliant]
        return drawnGradeLines.enumerated().flatMap { index, score in
            let x = plotX + min(max(score, 0), 100) / 100 * plotWidth
            let name = index < names.count ? names[index].label(language) : ""
            let label = index == 0 ? "\(name) ≥\(w.number(score))" : "≥\(w.number(score)) \(name)"
            return [line(x1: x, y1: G.top - 12, x2: x, y2: bottom, stroke: "#3e4c59", dash: "5 3"),
                    svgText(label, x: index == 0 ? x - 4 : x + 4, y: G.top - 14, size: G.small,
                            anchor: index == 0 ? "end" : "start", fill: "#3e4c59", weight: "bold")]
        }
    }

    /// The units × five-haves grid: one cell per unit and have, coloured by status and worded.
    func writeStatusGrid<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        let haves = document.standard.haves
        let (rankWidth, plotX) = unitLabelColumns()
        let cellWidth = 56.0
        let width = plotX + Double(haves.count) * cellWidth + 4
        let bottom = G.top + Double(document.units.count) * G.rowHeight
        let description = t("每行一个单位（按排名），每列一项“五有”，格内文字为状态：有、不足或无。",
                            "One row per unit in rank order and one column per have; each cell names the status: met, partial or missing.")
        writeChartFigure(id: "chart-grid", title: t("“五有”达标情况", "The five haves by unit"), description: description,
                         width: width, height: bottom + 52, to: &out) { out in
            for (index, have) in haves.enumerated() {
                out.line("")
                out.write(svgText(w.haveShort(have.id), x: plotX + (Double(index) + 0.5) * cellWidth, y: G.top - 10,
                                  anchor: "middle", weight: "bold"))
            }
            let units = document.units
            out.writeRows(count: units.count) { index, row in
                writeGridRow(units[index], index: index, w, haves: haves, rankWidth: rankWidth, plotX: plotX, cellWidth: cellWidth, to: &row)
            }
            let items = HaveStatus.allCases.map { (Self.statusColours($0.rawValue).fill, $0.label(language)) }
            out.line("")
            out.write(legend(items, x: plotX, y: bottom + 40))
        }
    }

    /// The share of units meeting each have: one bar per have with its percentage.
    func haveShareChart(_ w: SummaryWords) -> String {
        let t = w.t
        let rows = document.standard.haves.map { have in
            let share = document.figures.haveMetShare[have.id] ?? 0
            return (label: have.label.text(language), share: share, value: w.percent(share), fill: "#2f6fb3")
        }
        let description = rows.map { "\(Self.oneLine($0.label)) \($0.value)" }.joined(separator: t("；", "; "))
        return shareBars(id: "chart-haves", title: t("达到各项“五有”的单位占比（全部单位）", "Share of all units meeting each have"),
                         description: description, rows: rows)
    }

    /// The grade distribution: a stacked bar for all units and one for the required units, each
    /// segment a grade, worded with its count and share where it fits.
    func gradeChart(_ w: SummaryWords) -> String {
        let t = w.t
        let f = document.figures
        let grades = Array(Grade.allCases.reversed())
        let requiredNon = max(0, f.required - f.compliantRequired - f.largelyCompliantRequired)
        let rows = [(t("全部单位（\(f.units)）", "All units (\(f.units))"), grades.map { f.grades[$0.rawValue] ?? 0 }),
                    (t("要求达标单位（\(f.required)）", "Required units (\(f.required))"), [f.compliantRequired, f.largelyCompliantRequired, requiredNon])]
        let plotX = (rows.map { Self.textWidth($0.0, size: G.font) }.max() ?? 0) + 12
        let plotWidth = 526 - plotX
        let top = 12.0
        let rowHeight = 48.0
        let bottom = top + Double(rows.count) * rowHeight
        let ticks = stride(from: 0, through: 100, by: 25).map { (Double($0) / 100, "\($0)%") }
        var body = scaleLines(ticks, plotX: plotX, plotWidth: plotWidth, top: top, bottom: bottom)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + 8
            body.append(svgText(row.0, x: plotX - 10, y: y + 20, anchor: "end"))
            body.append(rect(x: plotX, y: y, width: plotWidth, height: 30, fill: "#eef2f6", radius: 2))
            body.append(stackedSegments(w, grades: grades, counts: row.1, x: plotX, y: y, width: plotWidth))
        }
        let items = grades.map { (Self.gradeColour($0.rawValue), $0.label(language)) }
        body.append(legend(items, x: plotX, y: bottom + 40))
        let description = rows.map { row in
            row.0 + " " + zip(grades, row.1).map { "\($0.0.label(language)) \($0.1)" }.joined(separator: t("，", ", "))
        }.joined(separator: t("；", "; "))
        return chartFigure(id: "chart-grades", title: t("等级分布（单位数）", "Grade distribution (units)"), description: description,
                           width: plotX + plotWidth + 24, height: bottom + 52, body: body)
    }

    /// The segments of one stacked bar, each labelled when it is wide enough.
    private func stackedSegments(_ w: SummaryWords, grades: [Grade], counts: [Int], x: Double, y: Double, width: Double) -> String {
        let total = counts.reduce(0, +)
        guard total > 0 else { return "" }
        var position = x
        var parts: [String] = []
        for (grade, count) in zip(grades, counts) where count > 0 {
            let share = Double(count) / Double(total)
            let segment = share * width
            let ink = grade == .largelyCompliant ? "#3b2a00" : "#ffffff"
            let full = w.t("\(count)（\(w.percent(share))）", "\(count) (\(w.percent(share)))")
            let label = Self.textWidth(full, size: G.font) + 10 <= segment ? full
                : Self.textWidth(String(count), size: G.font) + 6 <= segment ? String(count) : ""
            var inner = tag("title", [:], text: "\(grade.label(language)): \(full)")
                + rect(x: position, y: y, width: segment, height: 30, fill: Self.gradeColour(grade.rawValue))
            if !label.isEmpty { inner += svgText(label, x: position + segment / 2, y: y + 20, anchor: "middle", fill: ink, weight: "bold") }
            parts.append(tag("g", [:], inner))
            position += segment
        }
        return parts.joined()
    }

    /// Horizontal bars of shares from 0 to 100 %, on light tracks, labelled at their ends.
    private func shareBars(id: String, title: String, description: String,
                           rows: [(label: String, share: Double, value: String, fill: String)]) -> String {
        let labelWidth = min(290, rows.map { Self.textWidth(Self.oneLine($0.label), size: G.font) }.max() ?? 0)
        let plotX = labelWidth + 12
        let valueWidth = rows.map { Self.textWidth($0.value, size: G.font) }.max() ?? 0
        let plotWidth = max(200, 540 - plotX - valueWidth - 10)
        let rowHeight = 30.0
        let top = 12.0
        let bottom = top + Double(rows.count) * rowHeight
        let ticks = stride(from: 0, through: 100, by: 25).map { (Double($0) / 100, "\($0)%") }
        var body = scaleLines(ticks, plotX: plotX, plotWidth: plotWidth, top: top, bottom: bottom)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let end = plotX + min(max(row.share, 0), 1) * plotWidth
            body.append(tag("g", [:], svgText(Self.clipped(row.label, size: G.font, width: labelWidth), x: labelWidth, y: y + 20, anchor: "end")
                + rect(x: plotX, y: y + 7, width: plotWidth, height: 18, fill: "#eef2f6", radius: 2)
                + rect(x: plotX, y: y + 7, width: end - plotX, height: 18, fill: row.fill, radius: 2)
                + svgText(row.value, x: end + 6, y: y + 20, weight: "bold")))
        }
        return chartFigure(id: id, title: title, description: description, width: plotX + plotWidth + valueWidth + 12,
                           height: bottom + 24, body: body)
    }
}
