/// `summary.csv` and `rectifications.csv`: UTF-8 with a byte-order mark so Excel on Chinese
/// Windows opens them right, CRLF line ends, every cell neutralised against formulas.
struct SummaryCSV {
    let document: SummaryDocument
    let language: Language

    static let byteOrderMark = "\u{FEFF}"

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
        var rows = [header]
        for unit in document.units {
            var row = [String(unit.rank), unit.unitID, unit.name, unit.category, unit.township ?? ""]
            if !document.byRegion.isEmpty { row.append(unit.region ?? "") }
            row += [String(unit.retirees), unit.required ? "true" : "false", w.number(unit.score), unit.grade]
            for have in document.standard.haves {
                let cell = unit.haves.first { $0.id == have.id }
                row.append(cell.map { w.number($0.points) } ?? "")
                row.append(cell?.status ?? "")
            }
            rows.append(row)
        }
        return Self.table(rows)
    }

    func rectifications() -> String {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        var rows = [[t("单位编号", "unit_id"), t("单位名称", "unit_name"), t("五有", "have"), t("细则", "criterion"),
                     t("细则名称", "criterion_label"), t("现状", "current"), t("整改措施", "action"),
                     t("可得分", "gain"), t("期限", "due")]]
        for action in document.rectifications {
            rows.append([action.unitID, action.unitName, action.have, action.criterion, action.label.text(language),
                         action.current.text(language), action.action.text(language), w.number(action.gain), action.due ?? ""])
        }
        return Self.table(rows)
    }

    static func table(_ rows: [[String]]) -> String {
        byteOrderMark + rows.map { $0.map(Escaping.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
