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
        card.required
            ? t("要求达标（离退休干部 \(card.retirees) 人 ≥ \(standard.minRetirees)）", "required (\(English.count(card.retirees, "retiree")) ≥ \(standard.minRetirees))")
            : t("鼓励达标（离退休干部 \(card.retirees) 人 < \(standard.minRetirees)，不计入达标率）", "encouraged (\(English.count(card.retirees, "retiree")) < \(standard.minRetirees); not in compliance rates)")
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
        guard let next = card.nextGrade else { return nil }
        if card.liftCriteria.isEmpty {
            return t("无法仅靠整改现有细则达到\(next.label(.zh))", "no set of criteria alone lifts the unit to \(next.label(.en))")
        }
        let list = card.liftCriteria.joined(separator: t("、", ", "))
        return t("达到\(next.label(.zh))最少需整改 \(card.liftCriteria.count) 项：\(list)",
                 "fewest actions to reach \(next.label(.en)) (\(card.liftCriteria.count)): \(list)")
    }
}
