/// One unit's rectification rows in the four formats that list every action (summary.json,
/// rectifications.csv, summary.md, summary.html), as the parallel stage of `audit run` renders
/// them. A row is mostly its criterion's label, action and have, which never change, so those
/// parts are rendered once per criterion and each row adds only what is its own (the reason, the
/// gain, the due date, the unit). The result is byte for byte what `SummaryJSON.actionEntry`,
/// `SummaryCSV.actionLine`, `SummaryMarkdown.actionLine` and `SummaryHTML.actionRow` give, joined
/// as `RectificationList` joins rows; a row these parts do not fit (another label, a region) is
/// rendered by those functions.
struct ActionTexts: Sendable {
    /// The parts of a row that depend on the criterion alone.
    private struct CriterionParts: Sendable {
        var label: Localized
        var action: Localized
        var have: String
        /// From `{` to the key of the reason: the action and the criterion.
        var jsonHead: [UInt8]
        /// From after the gain to before the unit: the have and the label.
        var jsonTail: [UInt8]
        /// The have, criterion and label cells with the commas around them.
        var csvHead: [UInt8]
        /// The action cell with the commas around it.
        var csvAction: [UInt8]
        /// From the criterion to before the gain.
        var markdown: [UInt8]
        /// From the criterion cell to before the gain.
        var html: [UInt8]
    }

    private let language: Language
    private let criteria: [String: CriterionParts]
    private static let indent3 = JSON.indent(3)

    init(standard: Standard, language: Language) {
        self.language = language
        var criteria: [String: CriterionParts] = [:]
        for have in standard.haves {
            for criterion in have.criteria where criteria[criterion.id] == nil {
                criteria[criterion.id] = Self.parts(criterion, have: have.id, language: language)
            }
        }
        self.criteria = criteria
    }

    private static func parts(_ criterion: Criterion, have: String, language: Language) -> CriterionParts {
        var head = StringOutput()
        head.write("{\n" + indent3 + "\"action\" : ")
        JSON.localized(criterion.action, level: 3, &head)
        head.write(",\n" + indent3 + "\"criterion\" : ")
        JSON.string(criterion.id, &head)
        head.write(",\n" + indent3 + "\"current\" : ")
        var tail = StringOutput()
        tail.write(",\n" + indent3 + "\"have\" : ")
        JSON.string(have, &tail)
        tail.write(",\n" + indent3 + "\"label\" : ")
        JSON.localized(criterion.label, level: 3, &tail)
        let haveCell = language == .zh ? SummaryWords.haveShortZh[have] ?? have : have
        let csvHead = [haveCell, criterion.id, criterion.label.text(language)].map { Escaping.csvField($0) }.joined(separator: ",") + ","
        let markdown = "\(criterion.id) \(Markdown.escaped(criterion.label.text(language))) | \(Markdown.escaped(criterion.action.text(language))) | +"
        let html = SummaryHTML.tag("td", [:], SummaryHTML.tag("span", ["class": "code"], text: criterion.id) + " "
                                   + Escaping.html(criterion.label.text(language)))
            + SummaryHTML.cell(criterion.action.text(language)) + "<td class=\"num\">+"
        return CriterionParts(label: criterion.label, action: criterion.action, have: have, jsonHead: head.bytes, jsonTail: tail.bytes,
                              csvHead: Array(csvHead.utf8), csvAction: Array(("," + Escaping.csvField(criterion.action.text(language)) + ",").utf8),
                              markdown: Array(markdown.utf8), html: Array(html.utf8))
    }

    /// The rows of `actions` (of the unit `unit`) in each `RectificationList.Format`, in its order.
    func render(_ actions: [RectificationAction], unit: SummaryDocument.UnitRow) -> [[UInt8]] {
        var json = StringOutput(), csv = StringOutput(), markdown = StringOutput(), html = StringOutput()
        guard !actions.isEmpty else { return [[], [], [], []] }
        // What is the unit's own, rendered once for all its rows.
        var unitJSON = StringOutput()
        unitJSON.write(",\n" + Self.indent3 + "\"unit_id\" : ")
        JSON.string(unit.unitID, &unitJSON)
        unitJSON.write(",\n" + Self.indent3 + "\"unit_name\" : ")
        JSON.string(unit.name, &unitJSON)
        unitJSON.write("\n" + JSON.indent(2) + "}")
        let unitCSV = Escaping.csvField(unit.unitID) + "," + Escaping.csvField(unit.name) + ","
        let unitMarkdown = "| \(Markdown.escaped(unit.name)) | "
        let unitHTML = "<tr><td>" + Escaping.html(unit.name) + "</td>"
        let recommended = language == .zh ? "建议" : "recommended"
        for (index, action) in actions.enumerated() {
            let row = SummaryBuilder.actionRow(action, unit: unit)
            guard let parts = criteria[row.criterion], parts.have == row.have, parts.label == row.label, parts.action == row.action,
                  row.region == nil else {
                // Not a criterion of the standard as it stands: the general renderers.
                if index > 0 { json.write(",\n" + JSON.indent(2)); html.write("\n") }
                json.write(SummaryJSON.actionEntry(row))
                csv.write(SummaryCSV.actionLine(row, regions: false, language: language))
                markdown.write(SummaryMarkdown.actionLine(row, regions: false, language: language))
                html.write(SummaryHTML.actionRow(row, language: language))
                continue
            }
            let gain = Value.format(row.gain)
            if index > 0 { json.write(",\n" + JSON.indent(2)) }
            json.write(bytes: parts.jsonHead)
            JSON.localized(row.current, level: 3, &json)
            if let due = row.due {
                json.write(",\n" + Self.indent3 + "\"due\" : ")
                JSON.string(due, &json)
            }
            json.write(",\n" + Self.indent3 + "\"gain\" : ")
            JSON.number(row.gain, &json)
            json.write(bytes: parts.jsonTail)
            json.write(bytes: unitJSON.bytes)

            csv.write(unitCSV)
            csv.write(bytes: parts.csvHead)
            csv.write(Escaping.csvField(row.current.text(language)))
            csv.write(bytes: parts.csvAction)
            csv.write(Escaping.csvField(gain, number: true))
            csv.write(",")
            csv.write(Escaping.csvField(row.due ?? recommended))
            csv.write("\r\n")

            markdown.write(unitMarkdown)
            markdown.write(bytes: parts.markdown)
            markdown.write(gain + " | " + (row.due ?? recommended) + " |\n")

            if index > 0 { html.write("\n") }
            html.write(unitHTML)
            html.write(bytes: parts.html)
            html.write(Escaping.html(gain) + "</td>")
            html.write(row.due == nil ? "<td class=\"muted nowrap\">" + Escaping.html(recommended) + "</td></tr>"
                                      : "<td class=\"nowrap\">" + Escaping.html(row.due!) + "</td></tr>")
        }
        return [json.bytes, csv.bytes, markdown.bytes, html.bytes]
    }
}
