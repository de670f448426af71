/// `summary.md`: the county summary as Markdown, written line by line to a `TextOutput`.
struct SummaryMarkdown {
    let document: SummaryDocument
    let language: Language
    /// The rectifications listed: the document's own, or the spooled ones of `audit run`.
    var rectifications: RectificationList
    /// How many actions are listed at most.
    var limits: PageLimits

    init(document: SummaryDocument, language: Language, rectifications: RectificationList? = nil, limits: PageLimits = .standard) {
        self.document = document
        self.language = language
        self.rectifications = rectifications ?? RectificationList(document)
        self.limits = limits
    }

    func render() -> String {
        var out = StringOutput()
        write(to: &out)
        return out.text
    }

    func write(to out: inout some TextOutput) {
        let w = SummaryWords(language: language, document: document)
        let t = w.t
        let md = Markdown.escaped
        let f = document.figures
        out.line("# \(md(document.title))")
        out.line("")
        let colon = t("：", ": ")
        out.line("- \(t("标准", "Standard"))\(colon)\(md(document.standard.title.text(language)))" + w.bracketed(Markdown.code("\(document.standard.id) \(document.standard.version)")))
        if let region = document.region { out.line("- \(t("地区", "Area"))\(colon)\(md(region))") }
        if let asOf = document.asOf { out.line("- \(t("截至（最近检查日期）", "As of (latest inspection)"))\(colon)\(md(asOf))") }
        if !document.rounds.isEmpty { out.line("- \(t("检查轮次", "Rounds"))\(colon)\(w.list(document.rounds.map(md)))") }
        out.line("")
        out.line("## \(t("总体情况", "Headline figures"))")
        out.line("")
        out.line("| \(t("指标", "Figure")) | \(t("数值", "Value")) |")
        out.line("|---|---:|")
        out.line("| \(t("检查单位", "Units audited")) | \(f.units) |")
        out.line("| \(t("要求达标单位（老干部人数较多）", "Required units (many retirees)")) | \(f.required) |")
        out.line("| \(t("要求单位达标率", "Compliance rate of required units")) | \(w.percent(f.complianceRate, of: f.required))\(w.bracketed("\(f.compliantRequired)/\(f.required)")) |")
        out.line("| \(t("要求单位基本达标", "Required units largely compliant")) | \(f.largelyCompliantRequired) |")
        out.line("| \(t("平均得分（全部单位）", "Average score (all units)")) | \(w.average(f)) |")
        for have in document.standard.haves {
            let label = t("“\(md(have.label.zh))”的单位占比（全部单位）", "Units with \(md(have.label.en.lowercased())) (all units)")
            out.line("| \(label) | \(w.percent(f.haveMetShare[have.id] ?? 0, of: f.units)) |")
        }
        for grade in Grade.allCases.reversed() {
            out.line("| \(t("等级：", "Grade: "))\(grade.label(language)) | \(f.grades[grade.rawValue] ?? 0) |")
        }
        if f.invalid > 0 { out.line("| \(t("无效清单（未计入）", "Invalid checklists (left out)")) | \(f.invalid) |") }
        unitTable(&out, w)
        groupTable(&out, w, title: t("按地区", "By region"), rows: document.byRegion)
        groupTable(&out, w, title: t("按乡镇", "By township"), rows: document.byTownship)
        groupTable(&out, w, title: t("按单位类别", "By category"), rows: document.byCategory.map { row in
            var copy = row
            copy.name = w.category(row.name)
            return copy
        })
        missed(&out, w)
        rectifications(&out, w)
        changes(&out, w)
        invalid(&out, w)
    }

    private func unitTable(_ out: inout some TextOutput, _ w: SummaryWords) {
        let t = w.t
        let haves = document.standard.haves
        out.line("")
        out.line("## \(t("单位排名", "Units ranked"))")
        out.line("")
        guard !document.units.isEmpty else { out.line(w.noUnit); return }
        let regionHead = document.byRegion.isEmpty ? "" : " \(t("地区", "Region")) |"
        out.line("| # | \(t("单位", "Unit")) |\(regionHead) \(t("类别", "Category")) | \(t("乡镇", "Township")) | \(t("离退休", "Retirees")) | \(t("要求", "Required")) | \(t("得分", "Score")) | \(t("等级", "Grade")) | " + haves.map { Markdown.escaped(w.haveShort($0.id)) }.joined(separator: " | ") + " |")
        out.line("|---:|---|" + (document.byRegion.isEmpty ? "" : "---|") + "---|---|---:|---|---:|---|" + haves.map { _ in ":---:|" }.joined())
        for unit in document.units {
            let cells = haves.map { have in unit.haves.first { $0.id == have.id }.map { Markdown.escaped(w.status($0.status)) } ?? "–" }
            let region = document.byRegion.isEmpty ? "" : " \(Markdown.escaped(unit.region ?? "")) |"
            out.line("| \(unit.rank) | \(Markdown.escaped(unit.name)) (\(Markdown.code(unit.unitID))) |\(region) \(Markdown.escaped(w.category(unit.category))) | \(Markdown.escaped(unit.township ?? "–")) | \(unit.retirees) | \(w.required(unit.required)) | \(w.number(unit.score)) | \(Markdown.escaped(w.grade(unit.grade))) | " + cells.joined(separator: " | ") + " |")
        }
    }

    private func groupTable(_ out: inout some TextOutput, _ w: SummaryWords, title: String, rows: [SummaryDocument.GroupRow]) {
        guard !rows.isEmpty else { return }
        let t = w.t
        out.line("")
        out.line("## \(title)")
        out.line("")
        out.line("| \(t("名称", "Name")) | \(t("单位", "Units")) | \(t("要求", "Required")) | \(t("达标", "Compliant")) | \(t("达标率", "Rate")) | \(t("平均分", "Average")) |")
        out.line("|---|---:|---:|---:|---:|---:|")
        for row in rows {
            out.line("| \(Markdown.escaped(row.name)) | \(row.units) | \(row.required) | \(row.compliant) | \(w.percent(row.complianceRate, of: row.required)) | \(w.average(row)) |")
        }
    }

    private func missed(_ out: inout some TextOutput, _ w: SummaryWords) {
        let t = w.t
        out.line("")
        out.line("## \(t("最常未达标的细则", "Criteria most often missed"))")
        out.line("")
        guard !document.units.isEmpty else { out.line(w.noUnit); return }
        let missed = document.mostMissed.filter { $0.units > 0 }
        if missed.isEmpty { out.line(t("所有单位各项细则均得满分。", "Every unit earns full points on every criterion.")); return }
        out.line("| \(t("细则", "Criterion")) | \(t("所属", "Have")) | \(t("未得满分单位", "Units short")) |")
        out.line("|---|---|---:|")
        for row in missed.prefix(10) {
            out.line("| \(Markdown.escaped(row.criterion)) \(Markdown.escaped(row.label.text(language))) | \(Markdown.escaped(w.have(row.have))) | \(row.units)/\(row.applicable) |")
        }
    }

    private func rectifications(_ out: inout some TextOutput, _ w: SummaryWords) {
        let t = w.t
        out.line("")
        out.line("## \(t("整改清单", "Rectification list"))")
        out.line("")
        guard !document.units.isEmpty else { out.line(w.noUnit); return }
        if rectifications.isEmpty { out.line(t("无需整改。", "Nothing to rectify.")); return }
        let regions = !document.byRegion.isEmpty
        let excerpt = rectifications.excerpt(limit: limits.listedActions)
        out.line(w.rectificationNote(count: rectifications.count, excerpt: excerpt, limit: limits.listedActions, regions: regions))
        out.line("")
        let regionHead = regions ? " \(t("地区", "Region")) |" : ""
        out.line("| \(t("单位", "Unit")) |\(regionHead) \(t("细则", "Criterion")) | \(t("整改措施", "Action")) | \(t("可得分", "Gain")) | \(t("期限", "Due")) |")
        out.line("|---|" + (regions ? "---|" : "") + "---|---|---:|---|")
        rectifications.write(.markdown, to: &out, separator: "", excerpt: excerpt) { Self.actionLine($0, regions: regions, language: language) }
    }

    /// One row of the rectification table, with its line feed.
    static func actionLine(_ row: SummaryDocument.ActionRow, regions: Bool, language: Language) -> String {
        let region = regions ? " \(Markdown.escaped(row.region ?? "")) |" : ""
        let due = row.due.map(Markdown.escaped) ?? (language == .zh ? "建议" : "recommended")
        return "| \(Markdown.escaped(row.unitName)) (\(Markdown.code(row.unitID))) |\(region) \(Markdown.escaped(row.criterion)) \(Markdown.escaped(row.label.text(language))) | \(Markdown.escaped(row.action.text(language))) | +\(Value.format(row.gain)) | \(due) |\n"
    }

    private func changes(_ out: inout some TextOutput, _ w: SummaryWords) {
        guard let changes = document.changes else { return }
        let t = w.t
        out.line("")
        out.line("## \(t("与上一轮相比", "Changes since the baseline"))"
                 + w.bracketed(Markdown.escaped(changes.baselineTitle) + (changes.baselineAsOf.map { t("，", ", ") + Markdown.escaped($0) } ?? "")))
        out.line("")
        out.line("| \(t("指标", "Figure")) | \(t("上一轮", "Before")) | \(t("本轮", "Now")) | \(t("变化", "Change")) |")
        out.line("|---|---:|---:|---:|")
        let rate = changes.complianceRate
        let points = t(" 个百分点", " pt")
        out.line("| \(t("达标率", "Compliance rate")) | \(w.percent(rate.before)) | \(w.percent(rate.after)) | \(w.signed(SummaryWords.pointChange(rate), unit: points)) |")
        let avg = changes.averageScore
        out.line("| \(t("平均得分", "Average score")) | \(w.number(avg.before)) | \(w.number(avg.after)) | \(w.signed(SummaryWords.change(avg))) |")
        for have in document.standard.haves {
            guard let value = changes.haveMetShare[have.id] else { continue }
            out.line("| \(Markdown.escaped(have.label.text(language))) | \(w.percent(value.before)) | \(w.percent(value.after)) | \(w.signed(SummaryWords.pointChange(value), unit: points)) |")
        }
        func list(_ ids: [String]) -> String { ids.isEmpty ? "–" : w.list(ids.map(Markdown.code)) }
        let colon = t("：", ": ")
        out.line("")
        out.line("- \(t("新达标", "Became compliant"))\(colon)\(list(changes.becameCompliant))")
        out.line("- \(t("等级下降", "Slipped"))\(colon)\(list(changes.slipped))")
        out.line("- \(t("新增单位", "New units"))\(colon)\(list(changes.newUnits))")
        out.line("- \(t("不再列入", "Gone units"))\(colon)\(list(changes.goneUnits))")
        if let invalid = changes.invalidUnits, !invalid.isEmpty {
            out.line("- \(t("本轮清单无效、未作比较（上一轮的数字含这些单位，本轮的不含）", "Invalid this round, not compared (in the figures before, not in those now)"))\(colon)\(list(invalid))")
        }
        out.line("")
        out.line("| \(t("单位", "Unit")) | \(t("上一轮", "Before")) | \(t("本轮", "Now")) | \(t("变化", "Change")) | \(t("等级", "Grade")) |")
        out.line("|---|---:|---:|---:|---|")
        for unit in changes.units {
            out.line("| \(Markdown.escaped(unit.name)) | \(w.number(unit.scoreBefore)) | \(w.number(unit.scoreAfter)) | \(w.signed(unit.delta)) | \(Markdown.escaped(w.grade(unit.gradeBefore))) → \(Markdown.escaped(w.grade(unit.gradeAfter))) |")
        }
    }

    private func invalid(_ out: inout some TextOutput, _ w: SummaryWords) {
        guard !document.invalid.isEmpty else { return }
        let t = w.t
        out.line("")
        out.line("## \(t("无效清单（未计入统计）", "Invalid checklists (left out of the figures)"))")
        for row in document.invalid {
            out.line("")
            out.line("### \(Markdown.code(row.path))")
            out.line("")
            for diagnostic in row.diagnostics {
                out.line("- \(diagnostic.line):\(diagnostic.column) \(Markdown.escaped(w.severity(diagnostic.severity)))[\(Markdown.escaped(diagnostic.code))] \(Markdown.escaped(diagnostic.message.text(language))) — \(Markdown.escaped(diagnostic.hint.text(language)))")
            }
        }
    }
}
