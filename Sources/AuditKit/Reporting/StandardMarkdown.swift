/// A standard as readable Markdown: what `audit standard show --format markdown` prints and what
/// `docs/rules.md` embeds for the default standard.
public enum StandardMarkdown {
    /// Renders `standard`, both languages side by side. A tailored standard's every text, ids and
    /// version included, is escaped: none of it is the tool's own.
    public static func render(_ standard: Standard) -> String {
        let (md, code) = (Markdown.escaped, Markdown.code)
        var lines: [String] = []
        lines.append("# \(md(standard.title.zh)) / \(md(standard.title.en))")
        lines.append("")
        lines.append("- id / version: \(code(standard.id)) \(code(standard.version))")
        if let source = standard.source { lines.append("- 依据 source: \(md(source.zh)) / \(md(source.en))") }
        let compliant = standard.compliant
        let largely = standard.largelyCompliant
        let deadlines = standard.deadlines
        let points = (Score.format(tenths: compliant.minScoreTenths), Score.format(tenths: largely.minScoreTenths))
        lines.append("- 适用 required units: 离退休干部不少于 \(standard.minRetirees) 人（`unit.retirees.total`）的单位要求达标，"
                     + "人数较少的单位鼓励达标、不计入达标率 / `unit.retirees.total` ≥ \(standard.minRetirees); "
                     + "smaller units are scored as encouraged and left out of compliance rates")
        lines.append("- 有 met: 得分不低于该项权重的 \(standard.metPercent)%，且必备细则全部通过；无 missing: 0 分或有必备细则未通过；其余为不足 partial"
                     + " / ≥ \(standard.metPercent)% of the have's weight with every essential criterion passed; "
                     + "missing: 0 points or an essential criterion failed; partial otherwise")
        lines.append("- 达标 compliant: 不低于 \(points.0) 分，不足不超过 \(compliant.maxPartial) 项、无不超过 \(compliant.maxMissing) 项"
                     + " / ≥ \(points.0) points, at most \(compliant.maxPartial) partial and \(compliant.maxMissing) missing")
        lines.append("- 基本达标 largely compliant: 不低于 \(points.1) 分，不足不超过 \(largely.maxPartial) 项、无不超过 \(largely.maxMissing) 项；"
                     + "其余为不达标 / ≥ \(points.1) points, at most \(largely.maxPartial) partial and \(largely.maxMissing) missing; "
                     + "non-compliant otherwise")
        lines.append("- 整改 rectification: 基本达标单位 \(deadlines.largelyCompliantFixDays) 天内整改；不达标单位 "
                     + "\(deadlines.nonCompliantPlanDays) 天内报送整改方案、\(deadlines.nonCompliantFixDays) 天内整改到位"
                     + " / largely compliant units fix within \(deadlines.largelyCompliantFixDays) days; non-compliant units hand in "
                     + "a plan within \(deadlines.nonCompliantPlanDays) days and fix within \(deadlines.nonCompliantFixDays)")
        for have in standard.haves {
            lines.append("")
            lines.append("## \(md(have.label.zh)) / \(md(have.label.en)) — \(Score.format(tenths: have.weightTenths))")
            lines.append("")
            lines.append("| id | 细则 criterion | points | measure | 依据 source | 整改 action |")
            lines.append("|---|---|---:|---|---|---|")
            for criterion in have.criteria {
                var flags: [String] = []
                if criterion.essential {
                    flags.append(criterion.essentialAbove.map { "essential (> \(Value.format($0)))" } ?? "essential")
                }
                if let condition = criterion.appliesWhen { flags.append("only when \(code(condition.field)) = \(code(condition.equals))") }
                let label = "\(md(criterion.label.zh)) / \(md(criterion.label.en))" + (flags.isEmpty ? "" : " — " + flags.joined(separator: "; "))
                lines.append("| \(md(criterion.id)) | \(label) | \(Score.format(tenths: criterion.pointsTenths)) | \(describe(criterion.measure)) | \(md(criterion.source.zh)) / \(md(criterion.source.en)) | \(md(criterion.action.zh)) / \(md(criterion.action.en)) |")
            }
        }
        lines.append("")
        lines.append("## 目录 Catalogues")
        lines.append("")
        lines.append("| equipment | 设施 | label |")
        lines.append("|---|---|---|")
        for entry in standard.catalogues.equipment { lines.append("| \(code(entry.id)) | \(md(entry.label.zh)) | \(md(entry.label.en)) |") }
        lines.append("")
        lines.append("| rules | 制度 | label |")
        lines.append("|---|---|---|")
        for entry in standard.catalogues.rules { lines.append("| \(code(entry.id)) | \(md(entry.label.zh)) | \(md(entry.label.en)) |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line describing a measure and its marks, its fields and ids escaped.
    static func describe(_ measure: Measure) -> String {
        let code = Markdown.code
        func list(_ ids: [String], _ separator: String = ", ") -> String { ids.map(Markdown.escaped).joined(separator: separator) }
        func half(_ value: Double?) -> String { value.map { ", half ≥ \(Value.format($0))" } ?? "" }
        func halfCount(_ value: Int?) -> String { value.map { ", half ≥ \($0)" } ?? "" }
        switch measure {
        case .flag(let field, let values):
            return values.map { "flag \(code(field)) ∈ {\(list($0))}" } ?? "flag \(code(field)) is true"
        case .threshold(let field, let full, let halfMark):
            return "threshold \(code(field)): full ≥ \(Value.format(full))\(half(halfMark))"
        case .equipment(let slots, let full, let halfMark):
            return "equipment [\(slots.map { list($0, " or ") }.joined(separator: "; "))]: full ≥ \(full)\(halfCount(halfMark))"
        case .rules(let kinds, let full, let halfMark, let posted, let years):
            var text = "rules [\(list(kinds))]: full ≥ \(full)\(halfCount(halfMark))"
            if posted { text += "; posted for full" }
            if let years { text += "; adopted or reviewed within \(years) years" }
            return text
        case .activities(let kinds, let months, let full, let halfMark):
            return "activities [\(list(kinds))] in \(months) months: full ≥ \(full)\(halfCount(halfMark))"
        case .attendance(let kinds, let months, let full, let halfMark):
            let which = kinds.map { "[\(list($0))]" } ?? "all kinds"
            return "attendance of \(which) in \(months) months ÷ retirees: full ≥ \(Value.format(full * 100))%" + (halfMark.map { ", half ≥ \(Value.format($0 * 100))%" } ?? "")
        case .perCapita(let field, let full, let halfMark):
            return "per_capita \(code(field)) ÷ retirees: full ≥ \(Value.format(full))\(half(halfMark))"
        }
    }
}
