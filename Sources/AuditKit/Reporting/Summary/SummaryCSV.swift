/// `summary.csv` and `rectifications.csv`: UTF-8 with a byte-order mark so Excel on Chinese
/// Windows opens them right, CRLF line ends, every cell neutralised against formulas.
struct SummaryCSV {
    let document: SummaryDocument
    let language: Language
    /// The rectifications listed: the document's own, or the spooled ones of `audit run`.
    var actions: RectificationList

    init(document: SummaryDocument, language: Language, actions: RectificationList? = nil) {
        self.document = document
        self.language = language
        self.actions = actions ?? RectificationList(document)
    }

    static let byteOrderMark = "\u{FEFF}"

    /// One cell: text (from a checklist or a label, always neutralised) or a number the tool
    /// computed (left as a number).
    enum Cell {
        case text(String)
        case number(String)
    }

    func units() -> String {
        var out = StringOutput()
        writeUnits(to: &out)
        return out.text
    }

    func rectifications() -> String {
        var out = StringOutput()
        writeRectifications(to: &out)
        return out.text
    }

    func writeUnits(to out: inout some TextOutput) {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        // A rollup's region goes right after the unit, as in the Markdown table and the rectification list.
        var header = [t("排名", "rank"), t("单位编号", "unit_id"), t("单位名称", "name")]
        if !document.byRegion.isEmpty { header.append(t("地区", "region")) }
        header += [t("类别", "category"), t("乡镇", "township"), t("离退休干部", "retirees"), t("要求达标", "required"),
                   t("得分", "score"), t("等级", "grade")]
        for have in document.standard.haves {
            header.append(t("\(w.haveShort(have.id))得分", "\(have.id)_points"))
            header.append(t("\(w.haveShort(have.id))状态", "\(have.id)_status"))
        }
        out.write(Self.byteOrderMark)
        out.write(Self.line(header.map(Cell.text)))
        for unit in document.units {
            var row: [Cell] = [.number(String(unit.rank)), .text(unit.unitID), .text(unit.name)]
            if !document.byRegion.isEmpty { row.append(.text(unit.region ?? "")) }
            row += [.text(w.category(unit.category)), .text(unit.township ?? ""), .number(String(unit.retirees)),
                    .text(w.required(unit.required)), .number(w.number(unit.score)), .text(w.grade(unit.grade))]
            for have in document.standard.haves {
                let cell = unit.haves.first { $0.id == have.id }
                row.append(cell.map { .number(w.number($0.points)) } ?? .text(""))
                row.append(.text(cell.map { w.status($0.status) } ?? ""))
            }
            out.write(Self.line(row))
        }
    }

    func writeRectifications(to out: inout some TextOutput) {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        let regions = !document.byRegion.isEmpty
        var header = [t("单位编号", "unit_id"), t("单位名称", "unit_name")]
        if regions { header.append(t("地区", "region")) }
        header += [t("五有", "have"), t("细则", "criterion"), t("细则名称", "criterion_label"), t("现状", "current"),
                   t("整改措施", "action"), t("可得分", "gain"), t("期限", "due")]
        out.write(Self.byteOrderMark)
        out.write(Self.line(header.map(Cell.text)))
        actions.write(.csv, to: &out, separator: "") { Self.actionLine($0, regions: regions, language: language) }
    }

    /// One row of `rectifications.csv`, with its line end.
    static func actionLine(_ action: SummaryDocument.ActionRow, regions: Bool, language: Language) -> String {
        var row: [Cell] = [.text(action.unitID), .text(action.unitName)]
        if regions { row.append(.text(action.region ?? "")) }
        let recommended = language == .zh ? "建议" : "recommended"
        let have = language == .zh ? SummaryWords.haveShortZh[action.have] ?? action.have : action.have
        row += [.text(have), .text(action.criterion), .text(action.label.text(language)),
                .text(action.current.text(language)), .text(action.action.text(language)),
                .number(Value.format(action.gain)), .text(action.due ?? recommended)]
        return line(row)
    }

    /// One CSV line with its CRLF: every cell neutralised and quoted as needed.
    static func line(_ row: [Cell]) -> String {
        row.map { cell in
            switch cell {
            case .text(let text): return Escaping.csvField(text)
            case .number(let text): return Escaping.csvField(text, number: true)
            }
        }.joined(separator: ",") + "\r\n"
    }
}
