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

    /// A scorecard written in the parallel stage (the number its temporary file is named by, and
    /// whether it was written under its own name in a new `units/`), or why it could not be.
    struct ScorecardFile: Sendable {
        var serial: Int
        var ownName = false
        var failure: OutputError?
    }

    /// Validates and scores `inputs` in parallel, writing each unit's scorecard under `folder` and
    /// spooling its rectification rows as it goes. `progress`, when given, counts each checklist
    /// done, and then the start of writing the summaries. The caller holds `folder`
    /// (`ReportWriter.FolderHold`) from before this until the reports are written, as
    /// `ReportWriter.write` holds it itself: no other command may write there meanwhile.
    public init(inputs: [InputFile], standard: Standard, language: Language, output folder: String,
                progress: RunProgress? = nil) {
        // Before any scorecard is written: what killed runs left goes first.
        ReportWriter.removeLeftovers(in: folder)
        let spool = TextSpool()
        let writer = ScorecardWriter(folder: folder)
        let codec = SpooledActions(standard: standard)
        var (validation, units) = ValidationRun.validate(inputs, progress: progress) {
            // Everything a lane reads made from its own copy of the standard.
            let standard = standard.privateCopy()
            let reader = ChecklistReader(catalogues: standard.catalogues)
            let scorer = Scorer(standard: standard, onlyLanguage: language)
            let builder = SummaryBuilder(standard: standard)
            let codec = SpooledActions(standard: standard)
            let cardParts = ScorecardMarkdown.Parts(standard: standard, language: language)
            return ValidationRun.Lane(reader: reader) { checklist in
                let card = scorer.score(checklist)
                let facts = builder.facts(card)
                // Room for a whole scorecard (6 to 9 KB) at once, rather than growing a dozen times.
                var scorecard = StringOutput(capacity: 16 << 10)
                ScorecardMarkdown(card: card, standard: standard, language: language, parts: cardParts).write(to: &scorecard)
                return ScoredUnit(facts: facts, texts: spool.append([codec.encode(card.actions)]),
                                  scorecard: scorecard.withBytes { writer.write($0, unit: card.unitID) })
            }
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
            ], startingWith: ["summary.json", "rectifications.csv", "summary.html"]) // the longest first
            if spool.readFailed {
                throw OutputError(path: folder, reason: "a rendered text could not be read back from the temporary folder")
            }
            // The scorecards, already written, in the order of their paths as a report set sorts
            // its files; the first that could not be written is the error.
            let paths = facts.map { "units/\($0.row.unitID).md" }
            // Checklists are named after their units, so these are in order already, as a rule.
            let sorted = paths.sortedIndices(by: <)
            for index in sorted {
                if let failure = scorecards[index].failure { throw failure }
            }
            if let newFolder = writer.newFolder, !sorted.isEmpty {
                try writer.settle(kept: facts.indices.map { (facts[$0].row.unitID, scorecards[$0]) })
                staging.adopt(folder: "units", from: newFolder, files: sorted.map { paths[$0] })
            } else {
                for index in sorted { staging.adopt(paths[index], serial: scorecards[index].serial) }
            }
            return try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }
}

/// Writes scorecards from the parallel stage, each to a file of its own, so that those not put in
/// place can be found and removed.
///
/// When the output folder has no `units/` (a first run, or a new folder), the scorecards are
/// written under their own names into a new folder, `units.partial-PID`, which the commit renames
/// to `units` whole: one rename instead of one per unit, which took a tenth of a 10,000-unit run
/// (a second scorecard of the same unit id goes under a temporary name). Otherwise each is
/// written into `units/` under a temporary name of its own (the unit's, this process's and a
/// serial number), and renamed into place by the commit.
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
    /// The new folder the scorecards are written to when there was no `units/`: set by the first
    /// scorecard, read once the parallel stage is over.
    private(set) var newFolder: String?

    init(folder: String) {
        self.folder = folder
    }

    /// The temporary file of a scorecard.
    func temporary(unit: String, serial: Int) -> String {
        if let newFolder { return newFolder + "/" + unit + suffix + String(serial) }
        return ReportWriter.temporary(folder: folder, path: "units/\(unit).md", serial: serial)
    }

    /// Writes `bytes` as the scorecard of `unit` to a new file.
    func write(_ bytes: UnsafeRawBufferPointer, unit: String) -> SummaryRun.ScorecardFile {
        lock.lock()
        serial += 1
        let number = serial
        if !foundFolder {
            foundFolder = true
            findFolder()
        }
        let (failure, newFolder) = (folderFailure, newFolder)
        lock.unlock()
        if let failure { return SummaryRun.ScorecardFile(serial: number, failure: failure) }
        do throws(OutputError) {
            if let newFolder, try ReportWriter.Staging.writeNew(newFolder + "/" + unit + ".md", bytes: bytes) {
                return SummaryRun.ScorecardFile(serial: number, ownName: true)
            }
            try ReportWriter.Staging.write(temporary(unit: unit, serial: number), bytes: bytes)
            return SummaryRun.ScorecardFile(serial: number)
        } catch {
            return SummaryRun.ScorecardFile(serial: number, failure: error)
        }
    }

    /// Makes the new folder when the output folder has no `units/`, or else `units/` itself.
    /// Called once, under the lock.
    private func findFolder() {
        var info = stat()
        let existed = lstat(folder + "/units", &info) == 0
        if !existed && errno == ENOENT {
            // A folder of this name left by a process that had this id before is not reused:
            // its files would go in place with this run's.
            let staging = folder + "/units.partial-\(ReportWriter.processID)"
            do throws(OutputError) {
                try FileOutput.makeFolder(folder)
                if mkdir(staging, 0o755) == 0 {
                    newFolder = staging
                    return
                }
            } catch {
                folderFailure = error
                return
            }
        }
        do throws(OutputError) {
            try FileOutput.makeSubfolder(folder + "/units")
            madeFolder = !existed
        } catch {
            folderFailure = error
        }
    }

    /// Readies the new folder to be renamed into place: each of the `kept` scorecards under its
    /// own name, and nothing else in it. There is anything to do only when a unit was scored and
    /// then dropped (a duplicated unit id), or scored twice.
    func settle(kept: [(unit: String, file: SummaryRun.ScorecardFile)]) throws(OutputError) {
        guard let newFolder else { return }
        let misplaced = kept.filter { !$0.file.ownName }
        guard serial != kept.count || !misplaced.isEmpty else { return }
        for (unit, file) in misplaced where rename(temporary(unit: unit, serial: file.serial), newFolder + "/" + unit + ".md") != 0 {
            throw OutputError(path: temporary(unit: unit, serial: file.serial), reason: String(cString: strerror(errno)))
        }
        let names = Set(kept.map { $0.unit + ".md" })
        for name in FolderListing.names(newFolder, containing: "") ?? [] where !names.contains(name) {
            unlink(newFolder + "/" + name)
        }
    }

    /// Removes this process's temporary scorecards still in `units/`; with no unit scored, also
    /// `units/` when this run made it, as a run without scorecards makes none. The new folder,
    /// when the commit has not put it in place, is removed with all it holds: only this run wrote
    /// there.
    func removeTemporaries(keepingFolder: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let newFolder {
            FileOutput.removeFolderOfFiles(newFolder)
            return
        }
        // Only the names of this process's temporaries are read: `units/` holds every scorecard.
        guard serial > 0, let names = FolderListing.names(folder + "/units", containing: suffix) else { return }
        for name in names { unlink(folder + "/units/" + name) }
        if madeFolder && !keepingFolder { rmdir(folder + "/units") }
    }
}
