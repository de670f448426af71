/// A scorecard as Markdown, ready to send to the unit.
struct ScorecardMarkdown {
    let card: Scorecard
    let standard: Standard
    let language: Language
    /// The cells written the same on every card of the standard, escaped once for a run, or nil
    /// to escape them on each card.
    let parts: Parts?

    /// A scorecard of `card`, scored under `standard`, in `language`; `parts`, when made for the
    /// same language, saves escaping the standard's texts again.
    init(card: Scorecard, standard: Standard, language: Language, parts: Parts? = nil) {
        self.card = card
        self.standard = standard
        self.language = language
        self.parts = parts?.language == language ? parts : nil
    }

    /// The texts of a scorecard that come from the standard alone, escaped for Markdown once:
    /// `audit run` writes a card per unit, and these were most of what each card escaped.
    struct Parts: Sendable {
        let language: Language
        /// Each have's label, by have id.
        fileprivate let haves: [String: (label: Localized, text: [UInt8])]
        /// Each criterion's cell (`V1 场地（必备） | `) and, as an action, its cells up to the reason
        /// (`V1 场地 | `) and from the reason to the gain (` | 落实场地 | +`), by criterion id.
        fileprivate let criteria: [String: CriterionParts]
        /// The same parts, one for each criterion in the standard's order (a repeated id has the
        /// first one's parts at each of its places), which a card scored against it keeps: a
        /// card's criterion is found by its place, and by its id only when that fails.
        fileprivate let ordered: [CriterionParts]

        /// One criterion's texts as the standard gives them, which a card's must equal for the
        /// cells to be used, and its cells. A class: a card looks up each criterion once or twice,
        /// and taking a reference out of the table is one retain, not one per text.
        fileprivate final class CriterionParts: Sendable {
            let id: String
            let label: Localized
            let action: Localized
            let essential: Bool
            let cell: [UInt8]
            let actionHead: [UInt8]
            let actionTail: [UInt8]

            init(id: String, label: Localized, action: Localized, essential: Bool, cell: [UInt8], actionHead: [UInt8],
                 actionTail: [UInt8]) {
                self.id = id
                self.label = label
                self.action = action
                self.essential = essential
                self.cell = cell
                self.actionHead = actionHead
                self.actionTail = actionTail
            }
        }

        /// The cells of `standard`'s haves and criteria in `language`.
        init(standard: Standard, language: Language) {
            self.language = language
            func bytes(_ write: (inout StringOutput) -> Void) -> [UInt8] {
                var out = StringOutput()
                write(&out)
                return out.bytes
            }
            var haves: [String: (label: Localized, text: [UInt8])] = [:]
            var criteria: [String: CriterionParts] = [:]
            var ordered: [CriterionParts] = []
            for have in standard.haves {
                if haves[have.id] == nil { haves[have.id] = (have.label, bytes { $0.write(markdown: have.label.text(language)) }) }
                for criterion in have.criteria {
                    let (id, label, action, essential) = (criterion.id, criterion.label, criterion.action, criterion.essential)
                    let parts = criteria[id] ?? CriterionParts(
                        id: id, label: label, action: action, essential: essential,
                        cell: bytes { ScorecardMarkdown.writeCell(id, label, essential: essential, language, to: &$0) },
                        actionHead: bytes { ScorecardMarkdown.writeActionHead(id, label, language, to: &$0) },
                        actionTail: bytes { ScorecardMarkdown.writeActionTail(action, language, to: &$0) })
                    criteria[id] = parts
                    ordered.append(parts)
                }
            }
            self.haves = haves
            self.criteria = criteria
            self.ordered = ordered
        }

        /// The parts of the criterion `id`, the card's criterion at `place` (from 0, over all its
        /// haves): the standard's criterion at that place when its id is `id`, else the first
        /// with that id.
        fileprivate func criterion(_ id: String, at place: Int) -> CriterionParts? {
            if place < ordered.count, ordered[place].id == id { return ordered[place] }
            return criteria[id]
        }
    }

    func render() -> String {
        var out = StringOutput()
        write(to: &out)
        return out.text
    }

    /// The scorecard, written line by line. Lines are appended piece by piece rather than
    /// interpolated: `audit run` writes one scorecard per unit, and building each line as a string
    /// first cost more than the rest of the scorecard.
    func write(to out: inout some TextOutput) {
        let words = ScorecardWords(language: language)
        let t = words.t
        out.write("# ")
        out.write(markdown: card.name)
        out.write(t("（", " ("))
        out.write(code: card.unitID)
        out.write(t("）\n\n- ", ")\n\n- "))
        // Chinese labels take a full-width colon and brackets.
        let colon = t("：", ": ")
        out.write(t("标准", "Standard"))
        out.write(colon)
        out.write(markdown: standard.title.text(language))
        out.write(t("（", " ("))
        out.write(code: standard.label)
        out.write(t("）\n- ", ")\n- "))
        out.write(t("检查日期", "Inspected"))
        out.write(colon)
        out.write(card.inspectionDate)
        if let round = card.round {
            out.write(" · ")
            out.write(t("轮次", "round"))
            out.write(" ")
            out.write(markdown: round)
        }
        out.write("\n- ")
        out.write(t("清单", "Checklist"))
        out.write(colon)
        out.write(code: card.file)
        out.write("\n- ")
        out.write(t("得分", "Score"))
        out.write(colon)
        out.write("**")
        out.write(tenths: card.scoreTenths)
        out.write("** / 100 · **")
        out.write(card.grade.label(language))
        out.write("** · ")
        words.writeRequirement(card, standard: standard, to: &out)
        out.write(t("\n\n| 五有 | 得分 | 状态 |\n|---|---:|---|\n", "\n\n| Have | Points | Status |\n|---|---:|---|\n"))
        for have in card.haves {
            out.write("| ")
            writeLabel(have, to: &out)
            out.write(" | ")
            writePoints(have, separator: " | ", to: &out)
            out.write(" |\n")
        }
        let criteriaHead = t("\n\n| | 细则 | 得分 | 依据与说明 |\n|---|---|---:|---|\n", "\n\n| | Criterion | Points | Reason |\n|---|---|---:|---|\n")
        // The place of the criterion being written among all the card's criteria.
        var place = 0
        for have in card.haves {
            out.write("\n## ")
            writeLabel(have, to: &out)
            out.write(" — ")
            writePoints(have, separator: " · ", to: &out)
            out.write(criteriaHead)
            for criterion in have.criteria {
                out.write("| ")
                out.write(words.symbol(criterion.attainment))
                out.write(" | ")
                if let known = parts?.criterion(criterion.id, at: place), known.label == criterion.label,
                   known.essential == criterion.essential {
                    out.write(bytes: known.cell)
                } else {
                    Self.writeCell(criterion.id, criterion.label, essential: criterion.essential, language, to: &out)
                }
                if criterion.attainment == .notApplicable {
                    out.write("–")
                } else {
                    out.write(tenths: criterion.earnedTenths)
                    out.write(" / ")
                    out.write(tenths: criterion.maxTenths)
                }
                out.write(" | ")
                out.write(markdown: criterion.reason.text(language))
                out.write(" |\n")
                place += 1
            }
            // Under the table, when the have's points are scaled: how they were reached.
            words.writeRescaling(have, to: &out, markdown: true, before: "\n", after: "\n")
        }
        out.write("\n## ")
        out.write(t("整改", "Rectification"))
        out.write("\n\n")
        if card.actions.isEmpty {
            out.line(t("无需整改。", "Nothing to rectify."))
        } else {
            if let plan = card.planDue {
                out.write(t("整改方案须于 ", "A rectification plan is due by "))
                out.write(plan)
                out.write(t(" 前报送。\n\n", ".\n\n"))
            }
            out.write(t("| # | 细则 | 现状 | 整改措施 | 可得分 | 期限 |\n", "| # | Criterion | Now | Action | Gain | Due |\n"))
            out.write("|---:|---|---|---|---:|---|\n")
            let recommended = t("建议", "recommended")
            for (index, action) in card.actions.enumerated() {
                out.write("| ")
                out.write(index + 1)
                out.write(" | ")
                let known = parts?.criteria[action.criterionID].flatMap { $0.label == action.label && $0.action == action.action ? $0 : nil }
                if let known { out.write(bytes: known.actionHead) } else { Self.writeActionHead(action.criterionID, action.label, language, to: &out) }
                out.write(markdown: action.current.text(language))
                if let known { out.write(bytes: known.actionTail) } else { Self.writeActionTail(action.action, language, to: &out) }
                out.write(tenths: action.gainTenths)
                out.write(" | ")
                // Dates as digits: a date's description is a new string, a dozen per card.
                if let due = action.due { out.write(due) } else { out.write(recommended) }
                out.write(" |\n")
            }
        }
        if card.nextGrade != nil {
            out.write("\n")
            words.writeLift(card, to: &out, markdown: true)
            out.write("\n")
        }
    }

    /// A criterion's cell with the bar after it: `V1 场地（必备） | `.
    private static func writeCell(_ id: String, _ label: Localized, essential: Bool, _ language: Language,
                                  to out: inout some TextOutput) {
        out.write(markdown: id)
        out.write(" ")
        out.write(markdown: label.text(language))
        if essential { out.write(language == .zh ? "（必备）" : " (essential)") }
        out.write(" | ")
    }

    /// An action's row up to its reason: `V1 场地 | `.
    private static func writeActionHead(_ id: String, _ label: Localized, _ language: Language, to out: inout some TextOutput) {
        out.write(markdown: id)
        out.write(" ")
        out.write(markdown: label.text(language))
        out.write(" | ")
    }

    /// An action's row from its reason to its gain: ` | 落实场地 | +`.
    private static func writeActionTail(_ action: Localized, _ language: Language, to out: inout some TextOutput) {
        out.write(" | ")
        out.write(markdown: action.text(language))
        out.write(" | +")
    }

    /// A have's label, escaped.
    private func writeLabel(_ have: HaveResult, to out: inout some TextOutput) {
        if let known = parts?.haves[have.id], known.label == have.label {
            out.write(bytes: known.text)
        } else {
            out.write(markdown: have.label.text(language))
        }
    }

    /// `18 / 22 · 不足`: a have's points, weight and status.
    private func writePoints(_ have: HaveResult, separator: String, to out: inout some TextOutput) {
        out.write(tenths: have.pointsTenths)
        out.write(" / ")
        out.write(tenths: have.weightTenths)
        out.write(separator)
        out.write(have.status.label(language))
    }
}
