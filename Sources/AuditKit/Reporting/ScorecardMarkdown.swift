/// A scorecard as Markdown, ready to send to the unit.
struct ScorecardMarkdown {
    let card: Scorecard
    let standard: Standard
    let language: Language

    func render() -> String {
        var out = StringOutput()
        write(to: &out)
        return out.text
    }

    /// The scorecard, written line by line.
    func write(to out: inout some TextOutput) {
        let words = ScorecardWords(language: language)
        let t = words.t
        let md = Markdown.escaped
        out.line("# \(md(card.name)) (`\(card.unitID)`)")
        out.line("")
        out.line("- \(t("标准", "Standard")): \(md(standard.title.text(language))) (`\(standard.label)`)")
        out.line("- \(t("检查日期", "Inspected")): \(card.inspectionDate)" + (card.round.map { " · \(t("轮次", "round")) \(md($0))" } ?? ""))
        out.line("- \(t("清单", "Checklist")): `\(card.file)`")
        out.line("- \(t("得分", "Score")): **\(Score.format(tenths: card.scoreTenths))** / 100 · **\(card.grade.label(language))** · \(words.requirement(card, standard: standard))")
        out.line("")
        out.line("| \(t("五有", "Have")) | \(t("得分", "Points")) | \(t("状态", "Status")) |")
        out.line("|---|---:|---|")
        for have in card.haves {
            out.line("| \(md(have.label.text(language))) | \(Score.format(tenths: have.pointsTenths)) / \(Score.format(tenths: have.weightTenths)) | \(have.status.label(language)) |")
        }
        for have in card.haves {
            out.line("")
            out.line("## \(md(have.label.text(language))) — \(Score.format(tenths: have.pointsTenths)) / \(Score.format(tenths: have.weightTenths)) · \(have.status.label(language))")
            out.line("")
            out.line("| | \(t("细则", "Criterion")) | \(t("得分", "Points")) | \(t("依据与说明", "Reason")) |")
            out.line("|---|---|---:|---|")
            for criterion in have.criteria {
                let points = criterion.attainment == .notApplicable ? "–" : "\(Score.format(tenths: criterion.earnedTenths)) / \(Score.format(tenths: criterion.maxTenths))"
                let essential = criterion.essential ? t("（必备）", " (essential)") : ""
                out.line("| \(words.symbol(criterion.attainment)) | \(criterion.id) \(md(criterion.label.text(language)))\(essential) | \(points) | \(md(criterion.reason.text(language))) |")
            }
        }
        out.line("")
        out.line("## \(t("整改", "Rectification"))")
        out.line("")
        if card.actions.isEmpty {
            out.line(t("无需整改。", "Nothing to rectify."))
        } else {
            if let plan = card.planDue { out.line(t("整改方案须于 \(plan) 前报送。", "A rectification plan is due by \(plan).") + "\n") }
            out.line("| # | \(t("细则", "Criterion")) | \(t("现状", "Now")) | \(t("整改措施", "Action")) | \(t("可得分", "Gain")) | \(t("期限", "Due")) |")
            out.line("|---:|---|---|---|---:|---|")
            for (index, action) in card.actions.enumerated() {
                out.line("| \(index + 1) | \(action.criterionID) \(md(action.label.text(language))) | \(md(action.current.text(language))) | \(md(action.action.text(language))) | +\(Score.format(tenths: action.gainTenths)) | \(action.due?.description ?? t("建议", "recommended")) |")
            }
        }
        if let lift = words.lift(card) {
            out.line("")
            out.line(md(lift))
        }
    }
}

