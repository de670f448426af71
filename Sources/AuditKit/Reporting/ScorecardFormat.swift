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
        guard !card.liftCriteria.isEmpty else {
            out.write(zh ? "无法仅靠整改现有细则达到" : "no set of criteria alone lifts the unit to ")
            variable(next.label(language))
            return
        }
        out.write(zh ? "达到" : "fewest actions to reach ")
        variable(next.label(language))
        out.write(zh ? "最少需整改 " : " (")
        out.write(card.liftCriteria.count)
        out.write(zh ? " 项：" : "): ")
        for (index, id) in card.liftCriteria.enumerated() {
            if index > 0 { out.write(zh ? "、" : ", ") }
            variable(id)
        }
    }
}
