import Testing
@testable import AuditKit

/// The per-unit chart rows are appended piece by piece; they must be byte for byte what composing
/// them from `tag`, `rect` and `svgText` gives (the composition below is the reference), for names
/// that need escaping, clipping or joining onto one line, and for a unit with a have unscored.
@Suite struct SummaryHTMLRowTests {
    typealias G = SummaryHTML.Geometry

    private static func label(_ html: SummaryHTML, _ unit: SummaryDocument.UnitRow, rankWidth: Double, y: Double) -> String {
        html.svgText(String(unit.rank), x: rankWidth, y: y, anchor: "end", fill: G.muted)
            + html.svgText(SummaryHTML.clipped(unit.name, size: G.font, width: G.nameWidth), x: rankWidth + 8, y: y)
    }

    @Test(arguments: Language.allCases)
    func rowsMatchTheComposedMarkup(_ language: Language) throws {
        var document = try SummaryHTMLTests.document(language: language)
        document.units[0].name = "一个名字很长很长很长很长很长很长很长很长很长很长的单位 <b>&</b>\n第二行"
        document.units[0].haves.removeLast()
        document.units[1].score = -3
        let html = SummaryHTML(document: document, language: language)
        let w = SummaryWords(language: language, document: document)
        let (rankWidth, plotX) = html.unitLabelColumns()
        for (index, unit) in document.units.enumerated() {
            let y = G.top + Double(index) * G.rowHeight
            let plotWidth = 300.0
            let end = plotX + min(max(unit.score, 0), 100) / 100 * plotWidth
            let tip = "\(unit.rank). \(SummaryHTML.oneLine(unit.name)): \(w.number(unit.score)) (\(w.grade(unit.grade)))"
            let score = "\n" + SummaryHTML.tag("g", [:], SummaryHTML.tag("title", [:], text: tip) + Self.label(html, unit, rankWidth: rankWidth, y: y + 16)
                + html.rect(x: plotX, y: y + 5, width: end - plotX, height: 14, fill: SummaryHTML.gradeColour(unit.grade), radius: 2)
                + SummaryHTML.tag("g", ["class": "halo"], html.svgText(w.number(unit.score), x: end + 6, y: y + 16, weight: "bold")
                    + html.svgText(w.grade(unit.grade), x: end + 12 + SummaryHTML.textWidth(w.number(unit.score), size: G.font), y: y + 16,
                                   size: G.small, fill: G.muted)))
            var written = StringOutput()
            html.writeScoreRow(unit, index: index, w, rankWidth: rankWidth, plotX: plotX, plotWidth: plotWidth, to: &written)
            #expect(written.text == score)

            let cellWidth = 56.0
            var cells = Self.label(html, unit, rankWidth: rankWidth, y: y + 16)
            for (column, have) in document.standard.haves.enumerated() {
                let status = unit.haves.first { $0.id == have.id }?.status ?? ""
                let colours = SummaryHTML.statusColours(status)
                let x = plotX + Double(column) * cellWidth
                let word = status.isEmpty ? "–" : w.status(status)
                cells += SummaryHTML.tag("g", [:], SummaryHTML.tag("title", [:], text: "\(SummaryHTML.oneLine(unit.name)) · \(w.have(have.id)): \(word)")
                    + html.rect(x: x + 2, y: y + 2, width: cellWidth - 4, height: G.rowHeight - 4, fill: colours.fill, radius: 3)
                    + html.svgText(word, x: x + cellWidth / 2, y: y + 16, size: G.small, anchor: "middle", fill: colours.ink, weight: "bold"))
            }
            var grid = StringOutput()
            html.writeGridRow(unit, index: index, w, haves: document.standard.haves, rankWidth: rankWidth, plotX: plotX,
                              cellWidth: cellWidth, to: &grid)
            #expect(grid.text == "\n" + SummaryHTML.tag("g", [:], cells))
        }
    }
}
