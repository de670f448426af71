/// The formats `audit score` can write; the switch is exhaustive.
public enum ScorecardFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown

    /// Renders the scorecards.
    public func render(_ cards: [Scorecard], standard: Standard, language: Language) -> String {
        switch self {
        case .text: return cards.map { ScorecardText(card: $0, standard: standard, language: language).render() }.joined(separator: "\n")
        case .json: return JSONOutput.encode(ScorecardJSON.Document(cards: cards, standard: standard))
        case .markdown: return cards.map { ScorecardMarkdown(card: $0, standard: standard, language: language).render() }.joined(separator: "\n")
        }
    }
}

/// Words shared by the scorecard renderers.
struct ScorecardWords {
    let language: Language

    /// The text in the scorecard's language; only that one is built.
    func t(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { language == .zh ? zh() : en() }

    func requirement(_ card: Scorecard, standard: Standard) -> String {
        var out = StringOutput()
        writeRequirement(card, standard: standard, to: &out)
        return out.text
    }

    /// Whether the unit must reach the standard, `required (29 retirees ≥ 20)`, written piece by
    /// piece: the Markdown scorecards write one per unit.
    func writeRequirement(_ card: Scorecard, standard: Standard, to out: inout some TextOutput) {
        let (retirees, bar) = (card.retirees, standard.minRetirees)
        if language == .zh {
            out.write(card.required ? "要求达标（离退休干部 " : "鼓励达标（离退休干部 ")
            out.write(retirees)
            out.write(card.required ? " 人 ≥ " : " 人 < ")
            out.write(bar)
            out.write(card.required ? "）" : "，不计入达标率）")
        } else {
            out.write(card.required ? "required (" : "encouraged (")
            out.write(retirees)
            out.write(retirees == 1 ? " retiree" : " retirees")
            out.write(card.required ? " ≥ " : " < ")
            out.write(bar)
            out.write(card.required ? ")" : "; not in compliance rates)")
        }
    }

    /// Why a have's points are not the sum of its criteria's: they are scaled to its weight when
    /// some criteria do not apply, or when a tailored standard's criteria add up to another total.
    /// `Without A2, which does not apply, this have's other criteria earned 11 of their 17 points;
    /// scaled to its weight of 22, that is 11 ÷ 17 × 22 ≈ 14.2.` Written piece by piece, the ids
    /// escaped for Markdown with `markdown` (never first on the line, where `1.` would start a
    /// list), between `before` and `after`; nothing at all when the points that apply are the weight.
    func writeRescaling(_ have: HaveResult, to out: inout some TextOutput, markdown: Bool, before: String = "", after: String = "") {
        var (applicable, earned) = (0, 0)
        for criterion in have.criteria where criterion.attainment != .notApplicable {
            applicable += criterion.maxTenths
            earned += criterion.earnedTenths
        }
        guard applicable != have.weightTenths else { return }
        out.write(before)
        defer { out.write(after) }
        let zh = language == .zh
        let left = have.criteria.filter { $0.attainment == .notApplicable }
        func ids() {
            for (index, criterion) in left.enumerated() {
                if index > 0 { out.write(zh ? "、" : index == left.count - 1 ? " and " : ", ") }
                if markdown { out.write(markdown: criterion.id) } else { out.write(criterion.id) }
            }
        }
        if applicable == 0 {
            out.write(zh ? "本项细则（" : "None of this have's criteria applies (")
            ids()
            out.write(zh ? "）都不适用，按满分 " : "), so it counts at its full ")
            out.write(tenths: have.weightTenths)
            out.write(zh ? " 分计。" : " points.")
            return
        }
        // In English, one criterion left to count is "its", several "their".
        let several = have.criteria.count - left.count > 1
        if left.isEmpty {
            out.write(zh ? "本项细则" : several ? "This have's criteria earned " : "This have's criterion earned ")
        } else {
            out.write(zh ? "因 " : "Without ")
            ids()
            out.write(zh ? " 不适用，本项按其余细则计分，" : left.count == 1 ? ", which does not apply, " : ", which do not apply, ")
            if !zh { out.write(several ? "this have's other criteria earned " : "this have's other criterion earned ") }
        }
        out.write(zh ? "得 " : "")
        out.write(tenths: earned)
        out.write(zh ? " 分（满分 " : several ? " of their " : " of its ")
        out.write(tenths: applicable)
        out.write(zh ? " 分）" : applicable == 10 ? " point" : " points")
        out.write(zh ? "，折算到 " : "; scaled to its weight of ")
        out.write(tenths: have.weightTenths)
        out.write(zh ? " 分为 " : ", that is ")
        out.write(tenths: earned)
        out.write(" ÷ ")
        out.write(tenths: applicable)
        out.write(" × ")
        out.write(tenths: have.weightTenths)
        // The points are rounded to a tenth: "=" only when nothing was rounded away.
        out.write(earned * have.weightTenths == have.pointsTenths * applicable ? " = " : " ≈ ")
        out.write(tenths: have.pointsTenths)
        out.write(zh ? "。" : ".")
        if earned < applicable {
            out.write(zh ? "各项整改的可得分，是整改后本项折算得分的增加值。"
                         : " Each action's gain here is how much the have's scaled points would rise.")
        }
    }

    func symbol(_ attainment: Attainment) -> String {
        switch attainment {
        case .full: return "✓"
        case .half: return "½"
        case .none: return "✗"
        case .notApplicable: return "–"
        }
    }

    func due(_ action: RectificationAction) -> String {
        action.due.map { t("期限 \($0)", "due \($0)") } ?? t("建议", "recommended")
    }

    func lift(_ card: Scorecard) -> String? {
        guard card.nextGrade != nil else { return nil }
        var out = StringOutput()
        writeLift(card, to: &out, markdown: false)
        return out.text
    }

    /// The fewest criteria that lift the unit a grade, or that none does, written piece by piece;
    /// with `markdown`, the grade's label and the ids escaped for Markdown (the words around them
    /// need no escaping). Nothing for a compliant unit.
    func writeLift(_ card: Scorecard, to out: inout some TextOutput, markdown: Bool) {
        guard let next = card.nextGrade else { return }
        func variable(_ text: String) {
            if markdown { out.write(markdown: text) } else { out.write(text) }
        }
        let zh = language == .zh
        let lifts = !card.liftCriteria.isEmpty
        // 达标 is itself a verb: 要达标, not 要达到达标.
        out.write(zh ? (lifts ? "要" : "仅靠整改现有细则无法") : (lifts ? "fewest actions to reach " : "no set of criteria alone lifts the unit to "))
        variable(zh ? (next == .compliant ? "达标" : "达到" + next.label(.zh)) : next.label(language))
        guard lifts else { return }
        out.write(zh ? "，最少需整改 " : " (")
        out.write(card.liftCriteria.count)
        out.write(zh ? " 项：" : "): ")
        for (index, id) in card.liftCriteria.enumerated() {
            if index > 0 { out.write(zh ? "、" : ", ") }
            variable(id)
        }
    }
}
