/// A scorecard for the terminal.
struct ScorecardText {
    let card: Scorecard
    let standard: Standard
    let language: Language

    func render() -> String {
        let words = ScorecardWords(language: language)
        let t = words.t
        var lines: [String] = []
        lines.append("\(card.name)" + t("（\(card.unitID)）", " (\(card.unitID))") + " — \(card.file)")
        lines.append(t("标准 \(standard.label) · 检查日期 \(card.inspectionDate)", "standard \(standard.label) · inspected \(card.inspectionDate)")
                     + (card.round.map { t(" · 轮次 \($0)", " · round \($0)") } ?? ""))
        lines.append(t("得分 \(Score.format(tenths: card.scoreTenths))/100 · \(card.grade.label(.zh)) · ", "score \(Score.format(tenths: card.scoreTenths))/100 · \(card.grade.label(.en)) · ")
                     + words.requirement(card, standard: standard))
        for have in card.haves {
            lines.append("")
            lines.append("  \(have.label.text(language))  \(Score.format(tenths: have.pointsTenths))/\(Score.format(tenths: have.weightTenths))  \(have.status.label(language))")
            for criterion in have.criteria {
                let points = criterion.attainment == .notApplicable ? "-" : "\(Score.format(tenths: criterion.earnedTenths))/\(Score.format(tenths: criterion.maxTenths))"
                let essential = criterion.essential ? t(" [必备]", " [essential]") : ""
                lines.append("    \(words.symbol(criterion.attainment)) \(criterion.id) \(criterion.label.text(language))\(essential) \(points)")
                lines.append("        \(criterion.reason.text(language))")
            }
            var rescaling = StringOutput()
            words.writeRescaling(have, to: &rescaling, markdown: false, before: "    ")
            if !rescaling.text.isEmpty { lines.append(rescaling.text) }
        }
        lines.append("")
        if card.actions.isEmpty {
            lines.append(t("整改：无", "rectification: none"))
        } else {
            lines.append(t("整改（按可得分从高到低）：", "rectification (largest gain first):"))
            if let plan = card.planDue { lines.append(t("  整改方案报送期限 \(plan)", "  rectification plan due \(plan)")) }
            for (index, action) in card.actions.enumerated() {
                lines.append("  \(index + 1). +\(Score.format(tenths: action.gainTenths)) \(action.criterionID) \(action.label.text(language))"
                             + t("：\(action.action.text(language))（\(words.due(action))）", ": \(action.action.text(language)) (\(words.due(action)))"))
            }
        }
        if let lift = words.lift(card) { lines.append(lift) }
        // Names, paths and reasons quote the checklist: each stays on its line and shows any
        // control or bidirectional character as an escape, as diagnostics do.
        return lines.map(Escaping.singleLine).joined(separator: "\n") + "\n"
    }
}
