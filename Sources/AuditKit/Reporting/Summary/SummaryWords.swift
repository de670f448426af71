/// Labels the summary renderers share, in the report's language.
struct SummaryWords {
    let language: Language
    let document: SummaryDocument

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Items of a list in running text: 、 in Chinese, a comma in English.
    func list(_ items: [String]) -> String { items.joined(separator: t("、", ", ")) }

    /// A remark in brackets after a text, with the brackets of the language.
    func bracketed(_ text: String) -> String { t("（\(text)）", " (\(text))") }

    func percent(_ share: Double) -> String { Value.format((share * 1000).rounded() / 10) + "%" }

    /// A share of `count` units, or a dash when there are none: 0% of nothing would read as a
    /// finding.
    func percent(_ share: Double, of count: Int) -> String { count == 0 ? "–" : percent(share) }

    /// The average score, or a dash when no unit was scored.
    func average(_ figures: SummaryDocument.Figures) -> String { figures.units == 0 ? "–" : number(figures.averageScore) }

    /// A group's average score, or a dash when it has no unit scored.
    func average(_ group: SummaryDocument.GroupRow) -> String { group.units == 0 ? "–" : number(group.averageScore) }

    /// Said where a table or list would be when no checklist was valid.
    var noUnit: String { t("没有可计分的单位。", "No unit could be scored.") }

    func number(_ value: Double) -> String { Value.format(value) }

    func signed(_ value: Double) -> String { value > 0 ? "+" + Value.format(value) : Value.format(value) }

    /// A figure of a round compared with the baseline, or a dash when that round did not measure it.
    func percent(_ share: Double?) -> String { share.map { percent($0) } ?? "–" }
    func number(_ value: Double?) -> String { value.map { number($0) } ?? "–" }

    /// The change between two shares in percentage points, as the difference of the percentages
    /// shown beside it, so that the three columns of a row agree; nil when a round did not
    /// measure the share.
    static func pointChange(_ value: SummaryDocument.BeforeAfter) -> Double? {
        guard let before = value.before, let after = value.after else { return nil }
        return ((after * 1000).rounded() - (before * 1000).rounded()) / 10
    }

    /// The change of an average, to one decimal; nil when a round did not measure it.
    static func change(_ value: SummaryDocument.BeforeAfter) -> Double? {
        guard let before = value.before, let after = value.after else { return nil }
        return ((after - before) * 10).rounded() / 10
    }

    /// A change with its sign and `unit`, or a dash when there is none to show.
    func signed(_ value: Double?, unit: String = "") -> String { value.map { signed($0) + unit } ?? "–" }

    func grade(_ raw: String) -> String { Grade(rawValue: raw)?.label(language) ?? raw }

    func status(_ raw: String) -> String { HaveStatus(rawValue: raw)?.label(language) ?? raw }

    /// A diagnostic's severity as the report's language says it (错误, warning).
    func severity(_ raw: String) -> String { Severity(rawValue: raw)?.label(language) ?? raw }

    func have(_ id: String) -> String {
        document.standard.haves.first { $0.id == id }?.label.text(language) ?? id
    }

    /// Short have names for table headers: 场所 设施 制度 活动 经费, or Venue, Equipment… (a tailored
    /// have of another id shows its id).
    func haveShort(_ id: String) -> String {
        (language == .zh ? Self.haveShortZh : Self.haveShortEn)[id] ?? id
    }

    /// 场所 设施 制度 活动 经费, by have id.
    static let haveShortZh = ["venue": "场所", "equipment": "设施", "rules": "制度", "activities": "活动", "funding": "经费"]
    static let haveShortEn = ["venue": "Venue", "equipment": "Equipment", "rules": "Rules", "activities": "Activities", "funding": "Funding"]

    func category(_ id: String) -> String {
        ChecklistFormat.categories.first { $0.id == id }?.label.text(language) ?? id
    }

    func required(_ flag: Bool) -> String { flag ? t("要求", "required") : t("鼓励", "encouraged") }

    /// The note above a page's rectification list of `count` actions: how many, in what order,
    /// what an excerpt leaves out, and where else the list is.
    func rectificationNote(count: Int, excerpt: RectificationList.Excerpt?, limit: Int, regions: Bool) -> String {
        (excerpt.map { self.excerpt($0, of: count, limit: limit) }
            ?? t("共 \(count) 项，按单位排名和可得分（从高到低）排列。", "\(English.count(count, "action")), by unit rank and gain, largest first."))
            + t("", " ") + listElsewhere(regions: regions, excerpt: excerpt != nil)
    }

    /// What the rectification list of a page shows when it is an excerpt of `count` actions.
    private func excerpt(_ excerpt: RectificationList.Excerpt, of count: Int, limit: Int) -> String {
        t("共 \(count) 项，超过 \(limit) 项，此处只列出排名最后的 \(excerpt.units) 个单位的 \(excerpt.rows) 项，按单位排名和可得分（从高到低）排列。",
          "\(English.count(count, "action")), more than \(limit): listed here are only the \(English.count(excerpt.rows, "action")) "
            + "of the \(English.count(excerpt.units, "lowest-ranked unit")), by unit rank and gain, largest first.")
    }

    /// Where else the rectification list is: the CSV, and for a county the scorecards (a rollup
    /// writes none). After an excerpt, the whole list.
    private func listElsewhere(regions: Bool, excerpt: Bool) -> String {
        let csv = excerpt ? t("完整清单见 rectifications.csv", "The whole list is in rectifications.csv")
                          : t("清单另见 rectifications.csv", "The list is also in rectifications.csv")
        return csv + (regions ? t("。", ".") : t("；每个单位的评分表见 units/ 目录。", "; each unit's scorecard is under units/."))
    }
}

/// How much of a province's summary the pages people read (summary.html, summary.md) show: every
/// unit is ranked in their tables, but a chart of every unit and a list of every action stop
/// being readable (and summary.html grows too big to open comfortably) long before a province's
/// 100,000 units and million actions. Beyond these limits the pages say what they leave out and
/// where it is: rectifications.csv and summary.json always hold every action.
struct PageLimits: Sendable {
    /// The most units drawn one by one in summary.html's charts: a county's few hundred.
    var chartedUnits = 500
    /// The most rows of the rectification list in summary.html and summary.md; a longer list is
    /// shown as an excerpt, the actions of the lowest-ranked units.
    var listedActions = 5000

    /// The limits of every report `audit run` and `audit rollup` write.
    static let standard = PageLimits()
}
