/// The changes since the baseline and the invalid checklists of `summary.html`.
extension SummaryHTML {
    func changes(_ w: SummaryWords) -> String? {
        guard let changes = document.changes else { return nil }
        let t = w.t
        let baseline = changes.baselineTitle + (changes.baselineAsOf.map { t("，", ", ") + $0 } ?? "")
        let intro = tag("p", ["class": "note-text"], text: t("上一轮：", "Baseline: ") + baseline)
        let head = [(t("指标", "Figure"), ""), (t("上一轮", "Before"), "num"), (t("本轮", "Now"), "num"), (t("变化", "Change"), "num")]
        var rows = [rateRow(t("达标率", "Compliance rate"), changes.complianceRate, w)]
        let average = changes.averageScore
        rows.append(row([cell(t("平均得分", "Average score")), cell(w.number(average.before), "num"), cell(w.number(average.after), "num"),
                         deltaCell(SummaryWords.change(average), unit: "", w)]))
        for have in document.standard.haves {
            guard let value = changes.haveMetShare[have.id] else { continue }
            rows.append(rateRow(have.label.text(language), value, w))
        }
        var items = [
            changeList(t("新达标：", "Became compliant: "), changes.becameCompliant),
            changeList(t("等级下降：", "Slipped: "), changes.slipped),
            changeList(t("新增单位：", "New units: "), changes.newUnits),
            changeList(t("不再列入：", "Gone units: "), changes.goneUnits),
        ]
        if let invalid = changes.invalidUnits, !invalid.isEmpty {
            items.append(changeList(t("本轮清单无效、未作比较（上一轮的数字含这些单位，本轮的不含）：", "Invalid this round, not compared (in the figures before, not in those now): "), invalid))
        }
        let lists = tag("ul", ["class": "change-lists"], items.joined())
        return section("changes", t("与上一轮相比", "Changes since the baseline"), [
            intro, table(labelledBy: "changes-h", head: head, rows: rows), lists, unitChanges(changes, w),
        ])
    }

    private func rateRow(_ label: String, _ value: SummaryDocument.BeforeAfter, _ w: SummaryWords) -> String {
        row([cell(label), cell(w.percent(value.before), "num"), cell(w.percent(value.after), "num"),
             deltaCell(SummaryWords.pointChange(value), unit: w.t(" 个百分点", " pt"), w)])
    }

    /// A change with its sign written out, tinted green when up and red when down.
    private func deltaCell(_ delta: Double?, unit: String, _ w: SummaryWords) -> String {
        let className = (delta ?? 0) > 0 ? "num up" : (delta ?? 0) < 0 ? "num down" : "num"
        return cell(w.signed(delta, unit: unit), className)
    }

    private func changeList(_ label: String, _ ids: [String]) -> String {
        let items = ids.isEmpty ? text("–") : ids.map { tag("code", [:], text: $0) }.joined(separator: " ")
        return tag("li", [:], tag("span", ["class": "key"], text: label) + items)
    }

    private func unitChanges(_ changes: SummaryDocument.Changes, _ w: SummaryWords) -> String {
        let t = w.t
        guard !changes.units.isEmpty else { return "" }
        let head = [(t("单位", "Unit"), ""), (t("上一轮", "Before"), "num"), (t("本轮", "Now"), "num"),
                    (t("变化", "Change"), "num"), (t("等级", "Grade"), "")]
        let rows = changes.units.map { unit in
            row([tag("td", [:], text(unit.name) + tag("span", ["class": "unit-id"], text: unit.unitID)),
                 cell(w.number(unit.scoreBefore), "num"), cell(w.number(unit.scoreAfter), "num"), deltaCell(unit.delta, unit: "", w),
                 tag("td", [:], gradePill(unit.gradeBefore, w) + text(" → ") + gradePill(unit.gradeAfter, w))])
        }
        return tag("h3", ["id": "unit-changes-h"], text: t("各单位得分变化", "Each unit's change"))
            + "\n" + table(labelledBy: "unit-changes-h", head: head, rows: rows)
    }

    /// The invalid checklists with their diagnostics, written file by file.
    func writeInvalid<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        let count = document.invalid.count
        let intro = tag("p", ["class": "note-text"], text: t(
            "以下 \(count) 份清单有错误，未计入上面的统计。请按提示修改后重新运行。",
            count == 1 ? "This checklist has errors and is left out of the figures above. Fix it and run again."
                : "These \(count) checklists have errors and are left out of the figures above. Fix them and run again."))
        writeSection("invalid", t("无效清单（未计入统计）", "Invalid checklists (left out of the figures)"), to: &out) { out in
            out.line("")
            out.write(intro)
            for (index, file) in document.invalid.enumerated() {
                let items = file.diagnostics.map { diagnostic in
                    tag("li", ["class": diagnostic.severity],
                        tag("span", ["class": "where"], text: "\(diagnostic.line):\(diagnostic.column)") + " "
                        + tag("span", ["class": "severity"], text: "\(w.severity(diagnostic.severity))[\(diagnostic.code)]") + " "
                        // As written, as every other output shows it: the values a message quotes
                        // are the checklist's, so no backtick in it is taken for markup.
                        + text(diagnostic.message.text(language))
                        + (diagnostic.hint.text(language).isEmpty ? "" : tag("span", ["class": "hint"], text(" — " + diagnostic.hint.text(language)))))
                }
                out.line("")
                out.write(tag("div", ["class": "invalid-file"],
                              "\n" + tag("h3", ["id": "invalid-\(index + 1)"], tag("code", [:], text: file.path)) + "\n"
                              + tag("ul", ["class": "diagnostics", "aria-labelledby": "invalid-\(index + 1)"], items.joined()) + "\n"))
            }
        }
    }
}
