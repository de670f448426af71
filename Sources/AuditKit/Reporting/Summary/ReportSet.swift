/// Every file `audit run` writes, by path relative to the output folder, rendered in memory
/// before anything touches the disk.
public struct ReportSet: Sendable {
    /// The files, in path order.
    public private(set) var files: [(path: String, bytes: [UInt8])]

    /// The files a report set has besides its scorecards (`units/<unit-id>.md`).
    static let summaryNames: Set<String> = ["summary.md", "summary.html", "summary.csv", "summary.json", "rectifications.csv"]

    /// Renders the reports of `document`, with a scorecard per unit from `cards`.
    public init(document: SummaryDocument, cards: [Scorecard], standard: Standard, language: Language) {
        self.init(document: document, cards: cards, standard: standard, language: language, limits: .standard)
    }

    /// As above, with the pages showing at most what `limits` allows.
    init(document: SummaryDocument, cards: [Scorecard], standard: Standard, language: Language, limits: PageLimits) {
        let gradeLines = [standard.largelyCompliant.minScoreTenths, standard.compliant.minScoreTenths].map { Double($0) / 10 }
        var files: [(String, [UInt8])] = [
            ("summary.md", Array(SummaryMarkdown(document: document, language: language, limits: limits).render().utf8)),
            ("summary.html", Array(SummaryHTML(document: document, language: language, gradeLines: gradeLines, limits: limits).render().utf8)),
            ("summary.csv", Array(SummaryCSV(document: document, language: language).units().utf8)),
            ("rectifications.csv", Array(SummaryCSV(document: document, language: language).rectifications().utf8)),
            ("summary.json", SummaryJSON(document: document).bytes()),
        ]
        for card in cards {
            let text = ScorecardMarkdown(card: card, standard: standard, language: language).render()
            files.append(("units/\(card.unitID).md", Array(text.utf8)))
        }
        self.files = files.sorted { $0.0 < $1.0 }
    }

    /// The reports of a rollup: the same summary files, without per-unit scorecards.
    public init(rollup document: SummaryDocument, language: Language) {
        self.files = [
            ("summary.md", Array(SummaryMarkdown(document: document, language: language).render().utf8)),
            ("summary.html", Array(SummaryHTML(document: document, language: language).render().utf8)),
            ("summary.csv", Array(SummaryCSV(document: document, language: language).units().utf8)),
            ("rectifications.csv", Array(SummaryCSV(document: document, language: language).rectifications().utf8)),
            ("summary.json", SummaryJSON(document: document).bytes()),
        ].sorted { $0.0 < $1.0 }
    }
}
