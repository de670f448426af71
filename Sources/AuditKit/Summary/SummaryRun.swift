/// `audit run` at any scale: validate, score and summarise a county's (or a province's) checklists
/// and write the reports.
///
/// The parallel stage does all the work that concerns one unit alone: it validates the checklist,
/// scores it, and renders the unit's scorecard and its rows of the rectification list in each
/// report's format into a spool. Of each unit it keeps only what the summary adds up (`UnitFacts`),
/// so no checklist tree or scorecard outlives its file. The reports are then streamed to disk in
/// rank order, copying the spooled rows through; memory grows by a few hundred bytes per unit, not
/// with the size of the reports. The output is byte for byte that of `SummaryBuilder.build` and
/// `ReportSet`.
public struct SummaryRun {
    /// Every file's validation; the reports hold no checklist trees.
    public let validation: ValidationRun
    /// How many units were scored.
    public let unitCount: Int
    private let standard: Standard
    private let language: Language
    /// Per report of `validation`, the unit's facts and spooled texts when it was scored.
    private let units: [ScoredUnit?]
    private let spool: TextSpool

    /// What the parallel stage keeps of one unit.
    private struct ScoredUnit: Sendable {
        var facts: UnitFacts
        var texts: TextSpool.Entry
    }

    /// The parts of a unit's spool entry after its rectification rows (which take the parts
    /// numbered by `RectificationList.Format`).
    private static let scorecardPart = RectificationList.Format.allCases.count

    /// Validates and scores `inputs` in parallel, rendering each unit's texts as it goes.
    public init(inputs: [InputFile], standard: Standard, language: Language) {
        let spool = TextSpool()
        let reader = ChecklistReader(catalogues: standard.catalogues)
        let scorer = Scorer(standard: standard)
        let builder = SummaryBuilder(standard: standard)
        let actionTexts = ActionTexts(standard: standard, language: language)
        let (validation, units) = ValidationRun.validate(inputs, reader: reader) { checklist in
            let card = scorer.score(checklist)
            let facts = builder.facts(card)
            var texts = actionTexts.render(card.actions, unit: facts.row)
            var scorecard = StringOutput()
            ScorecardMarkdown(card: card, standard: standard, language: language).write(to: &scorecard)
            texts.append(scorecard.bytes)
            return ScoredUnit(facts: facts, texts: spool.append(texts))
        }
        self.validation = validation
        self.units = units
        self.unitCount = units.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        self.standard = standard
        self.language = language
        self.spool = spool
    }

    /// Writes the reports into `folder` as `ReportWriter` writes a `ReportSet`: every file to a
    /// temporary sibling first, all renamed into place only once all are written. Returns the
    /// paths removed because this run no longer produces them.
    @discardableResult
    public func writeReports(to folder: String, title: String?, region: String?,
                             baseline: SummaryDocument?) throws(OutputError) -> [String] {
        var facts: [UnitFacts] = []
        var entries: [TextSpool.Entry] = []
        facts.reserveCapacity(unitCount)
        entries.reserveCapacity(unitCount)
        for unit in units {
            guard let unit else { continue }
            facts.append(unit.facts)
            entries.append(unit.texts)
        }
        let order = SummaryBuilder.rankOrder(facts.map(\.row))
        let document = SummaryBuilder(standard: standard).build(
            run: validation, units: facts, order: order, rectifications: [], title: title, region: region,
            language: language, baseline: baseline)
        let actions = RectificationList(spool: spool, entries: order.map { entries[$0] },
                                        count: facts.reduce(0) { $0 + $1.row.actions })
        let gradeLines = [standard.largelyCompliant.minScoreTenths, standard.compliant.minScoreTenths].map { Double($0) / 10 }
        let language = language
        var staging = try ReportWriter.Staging(folder: folder)
        do throws(OutputError) {
            // The five summary files are independent streams: written side by side.
            try staging.stage([
                ("rectifications.csv", { SummaryCSV(document: document, language: language, actions: actions).writeRectifications(to: &$0) }),
                ("summary.csv", { SummaryCSV(document: document, language: language, actions: actions).writeUnits(to: &$0) }),
                ("summary.html", {
                    SummaryHTML(document: document, language: language, gradeLines: gradeLines, spooledActions: actions).write(to: &$0)
                }),
                ("summary.json", { SummaryJSON(document: document, rectifications: actions).write(to: &$0) }),
                ("summary.md", { SummaryMarkdown(document: document, language: language, rectifications: actions).write(to: &$0) }),
            ])
            // The scorecards, in the order of their paths, as a report set sorts its files.
            let paths = facts.map { "units/\($0.row.unitID).md" }
            let byPath = paths.indices.sorted { paths[$0] < paths[$1] }
            let spool = self.spool
            let sortedEntries = byPath.map { entries[$0] }
            try staging.stageAll(byPath.map { paths[$0] }) { index in
                spool.read(sortedEntries[index], part: Self.scorecardPart)
            }
            if spool.readFailed {
                throw OutputError(path: folder, reason: "a rendered text could not be read back from the temporary folder")
            }
            return try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }
}
