import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `audit run` at any scale: validate, score and summarise a county's (or a province's) checklists
/// and write the reports.
///
/// The parallel stage does all the work that concerns one unit alone: it validates the checklist,
/// scores it, writes the unit's scorecard to its temporary file, and spools its rectification
/// actions in a compact form (their reasons cannot be rebuilt later without the checklist). Of
/// each unit it keeps only what the summary adds up (`UnitFacts`), so no checklist tree or
/// scorecard outlives its file. The summaries are then streamed in rank order, the rows of the
/// rectification list rendered from the spool as they are written; memory grows by a few hundred
/// bytes per unit, not with the size of the reports. The files written are byte for
/// byte those of `SummaryBuilder.build` and `ReportSet`, put in place as `ReportWriter` puts them.
public struct SummaryRun {
    /// Every file's validation; the reports hold no checklist trees.
    public let validation: ValidationRun
    /// How many units were scored.
    public let unitCount: Int
    private let folder: String
    private let standard: Standard
    private let language: Language
    /// The scored units in the order of their reports: what each adds to the summary, where its
    /// rows are in the spool, and its scorecard's temporary file.
    private let facts: [UnitFacts]
    private let entries: [TextSpool.Entry]
    private let scorecards: [ScorecardFile]
    private let spool: TextSpool
    /// How the actions are spooled, and so read back.
    private let codec: SpooledActions
    private let writer: ScorecardWriter
    private let progress: RunProgress?
    /// How much of the summary the pages people read show.
    var limits = PageLimits.standard

    /// What the parallel stage keeps of one unit.
    private struct ScoredUnit: Sendable {
        var facts: UnitFacts
        var texts: TextSpool.Entry
        var scorecard: ScorecardFile
    }

    /// A scorecard written in the parallel stage (the number its temporary file is named by), or
    /// why it could not be.
    struct ScorecardFile: Sendable {
        var serial: Int
        var failure: OutputError?
    }

    /// Validates and scores `inputs` in parallel, writing each unit's scorecard under `folder` and
    /// spooling its rectification rows as it goes. `progress`, when given, counts each checklist
    /// done, and then the start of writing the summaries.
    public init(inputs: [InputFile], standard: Standard, language: Language, output folder: String,
                progress: RunProgress? = nil) {
        let spool = TextSpool()
        let writer = ScorecardWriter(folder: folder)
        let reader = ChecklistReader(catalogues: standard.catalogues)
        let scorer = Scorer(standard: standard, onlyLanguage: language)
        let builder = SummaryBuilder(standard: standard)
        let codec = SpooledActions(standard: standard)
        let cardParts = ScorecardMarkdown.Parts(standard: standard, language: language)
        var (validation, units) = ValidationRun.validate(inputs, reader: reader, progress: progress) { checklist in
            let card = scorer.score(checklist)
            let facts = builder.facts(card)
            // Room for a whole scorecard (6 to 9 KB) at once, rather than growing a dozen times.
            var scorecard = StringOutput(capacity: 16 << 10)
            ScorecardMarkdown(card: card, standard: standard, language: language, parts: cardParts).write(to: &scorecard)
            return ScoredUnit(facts: facts, texts: spool.append([codec.encode(card.actions)]),
                              scorecard: scorecard.withBytes { writer.write($0, unit: card.unitID) })
        }
        self.validation = validation
        let count = units.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        var facts: [UnitFacts] = []
        var entries: [TextSpool.Entry] = []
        var scorecards: [ScorecardFile] = []
        facts.reserveCapacity(count)
        entries.reserveCapacity(count)
        scorecards.reserveCapacity(count)
        for index in units.indices {
            guard let unit = units[index].take() else { continue }
            facts.append(unit.facts)
            entries.append(unit.texts)
            scorecards.append(unit.scorecard)
        }
        self.facts = facts
        self.entries = entries
        self.scorecards = scorecards
        self.unitCount = facts.count
        self.folder = folder
        self.standard = standard
        self.language = language
        self.spool = spool
        self.codec = codec
        self.writer = writer
        self.progress = progress
    }

    /// Writes the summaries and puts every report in place as `ReportWriter` writes a `ReportSet`:
    /// each file to a temporary sibling first, all renamed into place only once all are written.
    /// Returns the paths removed because this run no longer produces them.
    @discardableResult
    public func writeReports(title: String?, region: String?, baseline: SummaryDocument?) throws(OutputError) -> [String] {
        // Scorecards of units dropped after the parallel stage (a duplicated unit id), and all of
        // them when the reports are abandoned, are removed; renamed ones are gone already.
        defer { writer.removeTemporaries(keepingFolder: unitCount > 0) }
        progress?.startedWriting()
        let order = SummaryBuilder.rankOrder(facts)
        let document = SummaryBuilder(standard: standard).build(
            run: validation, units: facts, order: order, rectifications: [], title: title, region: region,
            language: language, baseline: baseline)
        // The units with actions, in rank order, and where their actions are in the spool.
        let acting = order.indices.filter { facts[order[$0]].row.actions > 0 }
        let actions = RectificationList(spool: spool, entries: acting.map { entries[order[$0]] },
                                        units: document.units, positions: acting,
                                        texts: ActionTexts(codec: codec, language: language),
                                        count: facts.reduce(0) { $0 + $1.row.actions })
        let gradeLines = [standard.largelyCompliant.minScoreTenths, standard.compliant.minScoreTenths].map { Double($0) / 10 }
        let (language, limits) = (language, limits)
        var staging = try ReportWriter.Staging(folder: folder)
        do throws(OutputError) {
            // The five summary files are independent streams: written side by side.
            try staging.stage([
                ("rectifications.csv", { SummaryCSV(document: document, language: language, actions: actions).writeRectifications(to: &$0) }),
                ("summary.csv", { SummaryCSV(document: document, language: language, actions: actions).writeUnits(to: &$0) }),
                ("summary.html", {
                    SummaryHTML(document: document, language: language, gradeLines: gradeLines, spooledActions: actions, limits: limits)
                        .write(to: &$0)
                }),
                ("summary.json", { SummaryJSON(document: document, rectifications: actions).write(to: &$0) }),
                ("summary.md", { SummaryMarkdown(document: document, language: language, rectifications: actions, limits: limits).write(to: &$0) }),
            ])
            if spool.readFailed {
                throw OutputError(path: folder, reason: "a rendered text could not be read back from the temporary folder")
            }
            // The scorecards, already written, in the order of their paths as a report set sorts
            // its files; the first that could not be written is the error.
            let paths = facts.map { "units/\($0.row.unitID).md" }
            for index in paths.indices.sorted(by: { paths[$0] < paths[$1] }) {
                if let failure = scorecards[index].failure { throw failure }
                staging.adopt(paths[index], serial: scorecards[index].serial)
            }
            return try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }
}

/// Writes scorecards into the output folder's `units/` from the parallel stage, each to a
/// temporary file of its own (named by the unit, this process and a serial number), so that those
/// not put in place can be found and removed. `units/` is made when the first scorecard needs it.
private final class ScorecardWriter: @unchecked Sendable {
    private let folder: String
    /// What every name `ReportWriter.temporary` gives a scorecard of this process contains.
    private let suffix = ".md.partial-\(ReportWriter.processID)-"
    private let lock = NSLock()
    private var serial = 0
    /// Whether `units/` has been looked for (and made when missing), and whether this run made it.
    private var foundFolder = false
    private var madeFolder = false
    private var folderFailure: OutputError?

    init(folder: String) {
        self.folder = folder
    }

    /// The temporary file of a scorecard.
    func temporary(unit: String, serial: Int) -> String {
        ReportWriter.temporary(folder: folder, path: "units/\(unit).md", serial: serial)
    }

    /// Writes `bytes` as the scorecard of `unit` to a new temporary file.
    func write(_ bytes: UnsafeRawBufferPointer, unit: String) -> SummaryRun.ScorecardFile {
        lock.lock()
        serial += 1
        let number = serial
        if !foundFolder {
            foundFolder = true
            var info = stat()
            let existed = stat(folder + "/units", &info) == 0
            do throws(OutputError) {
                try FileOutput.makeFolder(folder + "/units")
                madeFolder = !existed
            } catch {
                folderFailure = error
            }
        }
        let failure = folderFailure
        lock.unlock()
        if let failure { return SummaryRun.ScorecardFile(serial: number, failure: failure) }
        do throws(OutputError) {
            try ReportWriter.Staging.write(temporary(unit: unit, serial: number), bytes: bytes)
            return SummaryRun.ScorecardFile(serial: number, failure: nil)
        } catch {
            return SummaryRun.ScorecardFile(serial: number, failure: error)
        }
    }

    /// Removes this process's temporary scorecards still in `units/`; with no unit scored, also
    /// `units/` when this run made it, as a run without scorecards makes none.
    func removeTemporaries(keepingFolder: Bool) {
        lock.lock()
        defer { lock.unlock() }
        // Only the names of this process's temporaries are read: `units/` holds every scorecard.
        guard serial > 0, let names = FolderListing.names(folder + "/units", containing: suffix) else { return }
        for name in names { unlink(folder + "/units/" + name) }
        if madeFolder && !keepingFolder { rmdir(folder + "/units") }
    }
}
