/// A scorecard as Markdown, ready to send to the unit.
struct ScorecardMarkdown {
    let card: Scorecard
    let standard: Standard
    let language: Language

    func render() -> String {
        let words = ScorecardWords(language: language)
        let t = words.t
        let md = Markdown.escaped
        var lines: [String] = []
        lines.append("# \(md(card.name)) (`\(card.unitID)`)")
        lines.append("")
        lines.append("- \(t("标准", "Standard")): \(md(standard.title.text(language))) (`\(standard.label)`)")
        lines.append("- \(t("检查日期", "Inspected")): \(card.inspectionDate)" + (card.round.map { " · \(t("轮次", "round")) \(md($0))" } ?? ""))
        lines.append("- \(t("清单", "Checklist")): `\(card.file)`")
        lines.append("- \(t("得分", "Score")): **\(Score.format(tenths: card.scoreTenths))** / 100 · **\(card.grade.label(language))** · \(words.requirement(card, standard: standard))")
        lines.append("")
        lines.append("| \(t("五有", "Have")) | \(t("得分", "Points")) | \(t("状态", "Status")) |")
        lines.append("|---|---:|---|")
        for have in card.haves {
            lines.append("| \(md(have.label.text(language))) | \(Score.format(tenths: have.pointsTenths)) / \(Score.format(tenths: have.weightTenths)) | \(have.status.label(language)) |")
        }
        for have in card.haves {
            lines.append("")
            lines.append("## \(md(have.label.text(language))) — \(Score.format(tenths: have.pointsTenths)) / \(Score.format(tenths: have.weightTenths)) · \(have.status.label(language))")
            lines.append("")
            lines.append("| | \(t("细则", "Criterion")) | \(t("得分", "Points")) | \(t("依据与说明", "Reason")) |")
            lines.append("|---|---|---:|---|")
            for criterion in have.criteria {
                let points = criterion.attainment == .notApplicable ? "–" : "\(Score.format(tenths: criterion.earnedTenths)) / \(Score.format(tenths: criterion.maxTenths))"
                let essential = criterion.essential ? t("（必备）", " (essential)") : ""
                lines.append("| \(words.symbol(criterion.attainment)) | \(criterion.id) \(md(criterion.label.text(language)))\(essential) | \(points) | \(md(criterion.reason.text(language))) |")
            }
        }
        lines.append("")
        lines.append("## \(t("整改", "Rectification"))")
        lines.append("")
        if card.actions.isEmpty {
            lines.append(t("无需整改。", "Nothing to rectify."))
        } else {
            if let plan = card.planDue { lines.append(t("整改方案须于 \(plan) 前报送。", "A rectification plan is due by \(plan).") + "\n") }
            lines.append("| # | \(t("细则", "Criterion")) | \(t("现状", "Now")) | \(t("整改措施", "Action")) | \(t("可得分", "Gain")) | \(t("期限", "Due")) |")
            lines.append("|---:|---|---|---|---:|---|")
            for (index, action) in card.actions.enumerated() {
                lines.append("| \(index + 1) | \(action.criterionID) \(md(action.label.text(language))) | \(md(action.current.text(language))) | \(md(action.action.text(language))) | +\(Score.format(tenths: action.gainTenths)) | \(action.due?.description ?? t("建议", "recommended")) |")
            }
        }
        if let lift = words.lift(card) {
            lines.append("")
            lines.append(md(lift))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

