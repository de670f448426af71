/// One unit's rectification rows in the four formats that list every action (summary.json,
/// rectifications.csv, summary.md, summary.html), as the parallel stage of `audit run` renders
/// them. A row is mostly its criterion's label, action and have, which never change, so those
/// parts are rendered once per criterion and each row adds only what is its own (the reason, the
/// gain, the due date, the unit). The result is byte for byte what `SummaryJSON.actionEntry`,
/// `SummaryCSV.actionLine`, `SummaryMarkdown.actionLine` and `SummaryHTML.actionRow` give, joined
/// as `RectificationList` joins rows; a row these parts do not fit (another label, a region) is
/// rendered by those functions. Rows are rendered from the spool's compact form
/// (`SpooledActions`), the reasons copied from it as bytes, not made strings again.
struct ActionTexts: Sendable {
    /// The parts of a row that depend on the criterion alone. A class, so that a row takes its
    /// criterion's parts as one reference rather than retaining six arrays.
    private final class CriterionParts: Sendable {
        /// From `{` to the key of the reason: the action and the criterion.
        let jsonHead: [UInt8]
        /// From after the gain to before the unit: the have and the label.
        let jsonTail: [UInt8]
        /// The have, criterion and label cells with the commas around them.
        let csvHead: [UInt8]
        /// The action cell with the commas around it.
        let csvAction: [UInt8]
        /// From the criterion to before the gain.
        let markdown: [UInt8]
        /// From the criterion cell to before the gain.
        let html: [UInt8]

        init(jsonHead: [UInt8], jsonTail: [UInt8], csvHead: [UInt8], csvAction: [UInt8], markdown: [UInt8], html: [UInt8]) {
            self.jsonHead = jsonHead
            self.jsonTail = jsonTail
            self.csvHead = csvHead
            self.csvAction = csvAction
            self.markdown = markdown
            self.html = html
        }
    }

    private let language: Language
    /// How the actions are spooled, and the parts of each criterion in the spool's order of them.
    let codec: SpooledActions
    private let parts: [CriterionParts]

    /// The rows of actions spooled by `codec`, in `language`.
    init(codec: SpooledActions, language: Language) {
        self.language = language
        self.codec = codec
        parts = codec.criteria.map { Self.parts($0.criterion, have: $0.have, language: language) }
    }

    /// The rows of actions spooled under `standard`, in `language`.
    init(standard: Standard, language: Language) {
        self.init(codec: SpooledActions(standard: standard), language: language)
    }

    private static func parts(_ criterion: Criterion, have: String, language: Language) -> CriterionParts {
        var head = StringOutput()
        head.write("{\"action\":")
        JSON.localized(criterion.action, &head)
        head.write(",\"criterion\":")
        JSON.string(criterion.id, &head)
        head.write(",\"current\":")
        var tail = StringOutput()
        tail.write(",\"have\":")
        JSON.string(have, &tail)
        tail.write(",\"label\":")
        JSON.localized(criterion.label, &tail)
        let haveCell = language == .zh ? SummaryWords.haveShortZh[have] ?? have : have
        let csvHead = [haveCell, criterion.id, criterion.label.text(language)].map { Escaping.csvField($0) }.joined(separator: ",") + ","
        let markdown = "\(Markdown.escaped(criterion.id)) \(Markdown.escaped(criterion.label.text(language))) | \(Markdown.escaped(criterion.action.text(language))) | +"
        let html = SummaryHTML.tag("td", [:], SummaryHTML.tag("span", ["class": "code"], text: criterion.id) + " "
                                   + Escaping.html(criterion.label.text(language)))
            + SummaryHTML.cell(criterion.action.text(language)) + "<td class=\"num\">+"
        return CriterionParts(jsonHead: head.bytes, jsonTail: tail.bytes,
                              csvHead: Array(csvHead.utf8), csvAction: Array(("," + Escaping.csvField(criterion.action.text(language)) + ",").utf8),
                              markdown: Array(markdown.utf8), html: Array(html.utf8))
    }

    /// The rows of `actions` (of the unit `unit`) in each `RectificationList.Format`, in its order,
    /// as a run renders them from its spool; the tests hold them against the general renderers.
    func render(_ actions: [RectificationAction], unit: SummaryDocument.UnitRow) -> [[UInt8]] {
        let spooled = codec.encode(actions)
        return RectificationList.Format.allCases.map { format in
            var out = StringOutput()
            write(spooled: spooled, units: [unit], at: 0, format: format, to: &out)
            return out.bytes
        }
    }

    /// Writes the rows of the actions `spooled` (as `codec` encodes them, of the unit
    /// `units[unit]`) in `format` to `out`, joined as `RectificationList` joins rows. The unit is
    /// passed by its place: its row is read where it is, not copied for each unit.
    func write(spooled: [UInt8], units: [SummaryDocument.UnitRow], at unit: Int, format: RectificationList.Format,
               to out: inout StringOutput) {
        var unitText: [UInt8] = []
        var index = 0
        let recommended = language == .zh ? "建议" : "recommended"
        var lastDue: (date: CalendarDate, text: String)?
        spooled.withUnsafeBufferPointer { bytes in
            codec.forEach(in: bytes) { item in
                if index == 0 {
                    unitText = Self.unitText(units[unit], format: format)
                } else {
                    switch format {
                    case .json: out.write(JSON.recordSeparator)
                    case .html: out.write("\n")
                    case .csv, .markdown: break
                    }
                }
                index += 1
                guard let place = item.place else {
                    // Not a criterion of the standard as it stands: the general renderers.
                    let row = SummaryBuilder.actionRow(codec.action(item), unit: units[unit])
                    switch format {
                    case .json: out.write(SummaryJSON.actionEntry(row))
                    case .csv: out.write(SummaryCSV.actionLine(row, regions: false, language: language))
                    case .markdown: out.write(SummaryMarkdown.actionLine(row, regions: false, language: language))
                    case .html: out.write(SummaryHTML.actionRow(row, language: language))
                    }
                    return
                }
                let parts = parts[place]
                // The gain as tenths, written as `Value.format` and JSON write `gainTenths / 10`.
                let gain = item.gainTenths
                var due: String?
                if let date = item.due {
                    if let last = lastDue, last.date == date {
                        due = last.text
                    } else {
                        due = date.description
                        lastDue = (date, due!)
                    }
                }
                switch format {
                case .json:
                    out.write(bytes: parts.jsonHead)
                    JSON.localized(en: item.currentEn, zh: item.currentZh, &out)
                    if let due {
                        out.write(",\"due\":")
                        JSON.string(due, &out)
                    }
                    out.write(",\"gain\":")
                    out.write(tenths: gain)
                    out.write(bytes: parts.jsonTail)
                    out.write(bytes: unitText)
                case .csv:
                    out.write(bytes: unitText)
                    out.write(bytes: parts.csvHead)
                    out.write(csvField: language == .zh ? item.currentZh : item.currentEn)
                    out.write(bytes: parts.csvAction)
                    out.write(tenths: gain)
                    out.write(",")
                    out.write(csvField: due ?? recommended)
                    out.write("\r\n")
                case .markdown:
                    out.write(bytes: unitText)
                    out.write(bytes: parts.markdown)
                    out.write(tenths: gain)
                    out.write(" | " + (due ?? recommended) + " |\n")
                case .html:
                    out.write(bytes: unitText)
                    out.write(bytes: parts.html)
                    out.write(tenths: gain)
                    out.write("</td>")
                    out.write(due.map { "<td class=\"nowrap\">" + Escaping.html($0) + "</td></tr>" }
                              ?? "<td class=\"muted nowrap\">" + Escaping.html(recommended) + "</td></tr>")
                }
            }
        }
    }

    /// What is the unit's own in `format`, rendered once for all its rows.
    private static func unitText(_ unit: SummaryDocument.UnitRow, format: RectificationList.Format) -> [UInt8] {
        switch format {
        case .json:
            var text = StringOutput()
            text.write(",\"unit_id\":")
            JSON.string(unit.unitID, &text)
            text.write(",\"unit_name\":")
            JSON.string(unit.name, &text)
            text.write("}")
            return text.bytes
        case .csv: return Array((Escaping.csvField(unit.unitID) + "," + Escaping.csvField(unit.name) + ",").utf8)
        case .markdown: return Array("| \(Markdown.escaped(unit.name)) (\(Markdown.code(unit.unitID))) | ".utf8)
        case .html:
            return Array(("<tr><td>" + Escaping.html(unit.name) + "<span class=\"unit-id\">" + Escaping.html(unit.unitID) + "</span></td>").utf8)
        }
    }
}
