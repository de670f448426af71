/// The tables of `summary.html`: units ranked, groups, most-missed criteria and the rectification list.
extension SummaryHTML {
    func writeUnitTable<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        let haves = document.standard.haves
        let hasRegion = !document.byRegion.isEmpty
        var head: [(String, String)] = [("#", "num"), (t("单位", "Unit"), "")]
        if hasRegion { head.append((t("地区", "Region"), "")) }
        head += [(t("类别", "Category"), ""), (t("乡镇", "Township"), ""), (t("离退休", "Retirees"), "num"),
                 (t("要求", "Required"), ""), (t("得分", "Score"), "num"), (t("等级", "Grade"), "")]
        head += haves.map { (w.haveShort($0.id), "center") }
        // A row is appended piece by piece; the cells that take one of a few values (grade,
        // statuses, category, required) are made once for the page.
        let gradeCells = Dictionary(uniqueKeysWithValues: Grade.allCases.map { ($0.rawValue, tag("td", [:], gradePill($0.rawValue, w))) })
        let statusCells = Dictionary(uniqueKeysWithValues: HaveStatus.allCases.map {
            ($0.rawValue, tag("td", ["class": "center"], statusPill($0.rawValue, w)))
        })
        let noStatusCell = tag("td", ["class": "center"], text("–"))
        let categoryCells = Dictionary(ChecklistFormat.categories.map { ($0.id, cell(w.category($0.id), "short")) }) { first, _ in first }
        let requiredCells = [cell(w.required(false), "nowrap"), cell(w.required(true), "nowrap")]
        let html = self
        @Sendable func writeUnitRow(_ unit: SummaryDocument.UnitRow, to out: inout StringOutput) {
            out.write("<tr><td class=\"num\">")
            out.write(String(unit.rank))
            out.write("</td><td>")
            out.write(html.text(unit.name))
            out.write("<span class=\"unit-id\">")
            out.write(html.text(unit.unitID))
            out.write("</span></td>")
            if hasRegion { out.write(html.cell(unit.region ?? "–")) }
            out.write(categoryCells[unit.category] ?? html.cell(w.category(unit.category), "short"))
            out.write(html.cell(unit.township ?? "–", "short"))
            out.write("<td class=\"num\">")
            out.write(String(unit.retirees))
            out.write("</td>")
            out.write(requiredCells[unit.required ? 1 : 0])
            out.write(html.cell(w.number(unit.score), "num strong"))
            out.write(gradeCells[unit.grade] ?? html.tag("td", [:], html.gradePill(unit.grade, w)))
            for have in haves {
                if let index = unit.haves.firstIndex(where: { $0.id == have.id }) {
                    let status = unit.haves[index].status
                    out.write(statusCells[status] ?? html.tag("td", ["class": "center"], html.statusPill(status, w)))
                } else {
                    out.write(noStatusCell)
                }
            }
            out.write("</tr>")
        }
        writeSection("units", t("单位排名", "Units ranked"), to: &out) { out in
            out.line("")
            guard !document.units.isEmpty else {
                out.write(tag("p", ["class": "empty"], text: w.noUnit))
                return
            }
            let units = document.units
            writeTable(labelledBy: "units-h", className: "data units", head: head, to: &out) { out in
                out.writeRows(count: units.count, separator: "\n") { index, text in writeUnitRow(units[index], to: &text) }
            }
        }
    }

    func groupSections(_ w: SummaryWords) -> [String] {
        let t = w.t
        var sections: [String] = []
        if !document.byRegion.isEmpty {
            sections.append(groupTable(w, id: "regions", title: t("按地区", "By region"), rows: document.byRegion))
        }
        var pair: [String] = []
        if !document.byTownship.isEmpty {
            pair.append(groupTable(w, id: "townships", title: t("按乡镇", "By township"), rows: document.byTownship))
        }
        let categories = document.byCategory.map { row in
            var copy = row
            copy.name = w.category(row.name)
            return copy
        }
        if !categories.isEmpty {
            pair.append(groupTable(w, id: "categories", title: t("按单位类别", "By category"), rows: categories))
        }
        if !pair.isEmpty { sections.append(tag("div", ["class": "two-col"], "\n" + pair.joined(separator: "\n") + "\n")) }
        return sections
    }

    private func groupTable(_ w: SummaryWords, id: String, title: String, rows: [SummaryDocument.GroupRow]) -> String {
        let t = w.t
        let head = [(t("名称", "Name"), ""), (t("单位", "Units"), "num"), (t("要求", "Required"), "num"),
                    (t("达标", "Compliant"), "num"), (t("达标率", "Rate"), "num"), (t("平均分", "Average"), "num")]
        let body = rows.map { group in
            row([cell(group.name), cell(String(group.units), "num"), cell(String(group.required), "num"),
                 cell(String(group.compliant), "num"), cell(w.percent(group.complianceRate, of: group.required), "num"),
                 cell(w.average(group), "num")])
        }
        return section(id, title, [table(labelledBy: "\(id)-h", head: head, rows: body)])
    }

    func missed(_ w: SummaryWords) -> String {
        let t = w.t
        let title = t("最常未达标的细则", "Criteria most often missed")
        guard !document.units.isEmpty else { return section("missed", title, [tag("p", ["class": "empty"], text: w.noUnit)]) }
        // As in summary.md: the first ten that some unit misses.
        let missedRows = document.mostMissed.filter { $0.units > 0 }
        guard !missedRows.isEmpty else {
            return section("missed", title, [tag("p", [:], text: t("所有单位各项细则均得满分。", "Every unit earns full points on every criterion."))])
        }
        let head = [(t("细则", "Criterion"), ""), (t("所属", "Have"), ""), (t("未得满分单位", "Units short"), "num"),
                    (t("占比", "Share"), "bar-head")]
        let rows = missedRows.prefix(10).map { missed in
            let share = missed.applicable == 0 ? 0 : Double(missed.units) / Double(missed.applicable)
            let bar = tag("span", ["class": "bar"], tag("span", ["style": "width: \(fixed(share * 100))%"]))
            return row([tag("td", [:], tag("span", ["class": "code"], text: missed.criterion) + " " + text(missed.label.text(language))),
                        cell(w.have(missed.have)), cell("\(missed.units)/\(missed.applicable)", "num"),
                        tag("td", ["class": "bar-cell"], bar + tag("span", ["class": "bar-label"], text: w.percent(share)))])
        }
        return section("missed", title, [table(labelledBy: "missed-h", head: head, rows: rows)])
    }

    func writeRectifications<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        let title = t("整改清单", "Rectification list")
        let actions = self.actions
        guard !document.units.isEmpty else {
            out.write(section("rectifications", title, [tag("p", ["class": "empty"], text: w.noUnit)]))
            return
        }
        guard !actions.isEmpty else {
            out.write(section("rectifications", title, [tag("p", [:], text: t("无需整改。", "Nothing to rectify."))]))
            return
        }
        let regions = !document.byRegion.isEmpty
        let excerpt = actions.excerpt(limit: limits.listedActions)
        let note = tag("p", ["class": "note-text"],
                       text: w.rectificationNote(count: actions.count, excerpt: excerpt, limit: limits.listedActions, regions: regions))
        // A rollup's units come from several counties, whose names and ids may repeat: each row
        // says which.
        let head = [(t("单位", "Unit"), "")] + (regions ? [(t("地区", "Region"), "")] : [])
            + [(t("细则", "Criterion"), ""), (t("整改措施", "Action"), ""), (t("可得分", "Gain"), "num"), (t("期限", "Due"), "")]
        writeSection("rectifications", title, to: &out) { out in
            out.line("")
            out.write(note)
            out.line("")
            writeTable(labelledBy: "rectifications-h", className: "data actions", head: head, to: &out) { out in
                actions.write(.html, to: &out, separator: "\n", excerpt: excerpt) {
                    Self.actionRow($0, language: language, regions: regions)
                }
            }
        }
    }

    /// One row of the rectification table; with `regions` (a rollup), the unit's region after it.
    static func actionRow(_ action: SummaryDocument.ActionRow, language: Language, regions: Bool = false) -> String {
        let recommended = language == .zh ? "建议" : "recommended"
        // The unit's id under its name, as in the ranked table: two units may share a name.
        let unit = tag("td", [:], Escaping.html(action.unitName) + tag("span", ["class": "unit-id"], text: action.unitID))
        return row([unit] + (regions ? [cell(action.region ?? "–")] : []) + [
                    tag("td", [:], tag("span", ["class": "code"], text: action.criterion) + " " + Escaping.html(action.label.text(language))),
                    cell(action.action.text(language)), cell("+" + Value.format(action.gain), "num"),
                    cell(action.due ?? recommended, action.due == nil ? "muted nowrap" : "nowrap")])
    }
}
