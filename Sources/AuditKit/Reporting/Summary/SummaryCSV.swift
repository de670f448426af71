/// `summary.csv` and `rectifications.csv`: UTF-8 with a byte-order mark so Excel on Chinese
/// Windows opens them right, CRLF line ends, every cell neutralised against formulas.
struct SummaryCSV {
    let document: SummaryDocument
    let language: Language

    static let byteOrderMark = "\u{FEFF}"

    /// One cell: text (from a checklist or a label, always neutralised) or a number the tool
    /// computed (left as a number).
    enum Cell {
        case text(String)
        case number(String)
    }

    func units() -> String {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        var header = [t("排名", "rank"), t("单位编号", "unit_id"), t("单位名称", "name"), t("类别", "category"),
                      t("乡镇", "township")]
        if !document.byRegion.isEmpty { header.append(t("地区", "region")) }
        header += [t("离退休干部", "retirees"), t("要求达标", "required"), t("得分", "score"), t("等级", "grade")]
        for have in document.standard.haves {
            header.append(t("\(w.haveShort(have.id))得分", "\(have.id)_points"))
            header.append(t("\(w.haveShort(have.id))状态", "\(have.id)_status"))
        }
        var rows: [[Cell]] = [header.map(Cell.text)]
        for unit in document.units {
            var row: [Cell] = [.number(String(unit.rank)), .text(unit.unitID), .text(unit.name), .text(unit.category),
                               .text(unit.township ?? "")]
            if !document.byRegion.isEmpty { row.append(.text(unit.region ?? "")) }
            row += [.number(String(unit.retirees)), .text(unit.required ? "true" : "false"), .number(w.number(unit.score)),
                    .text(unit.grade)]
            for have in document.standard.haves {
                let cell = unit.haves.first { $0.id == have.id }
                row.append(cell.map { .number(w.number($0.points)) } ?? .text(""))
                row.append(.text(cell?.status ?? ""))
            }
            rows.append(row)
        }
        return Self.table(rows)
    }

    func rectifications() -> String {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        let regions = !document.byRegion.isEmpty
        var header = [t("单位编号", "unit_id"), t("单位名称", "unit_name")]
        if regions { header.append(t("地区", "region")) }
        header += [t("五有", "have"), t("细则", "criterion"), t("细则名称", "criterion_label"), t("现状", "current"),
                   t("整改措施", "action"), t("可得分", "gain"), t("期限", "due")]
        var rows: [[Cell]] = [header.map(Cell.text)]
        for action in document.rectifications {
            var row: [Cell] = [.text(action.unitID), .text(action.unitName)]
            if regions { row.append(.text(action.region ?? "")) }
            row += [.text(action.have), .text(action.criterion), .text(action.label.text(language)),
                    .text(action.current.text(language)), .text(action.action.text(language)),
                    .number(w.number(action.gain)), .text(action.due ?? "")]
            rows.append(row)
        }
        return Self.table(rows)
    }

    static func table(_ rows: [[Cell]]) -> String {
        let lines = rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let text): return Escaping.csvField(text)
                case .number(let text): return Escaping.csvField(text, number: true)
                }
            }.joined(separator: ",")
        }
        return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }
}
