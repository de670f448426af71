import Dispatch
import Foundation
import Synchronization

/// The result of validating a set of checklists together.
public struct ValidationRun: Sendable {
    /// One report per file, in path order.
    public var reports: [FileReport]

    /// Creates a run from reports already made.
    public init(reports: [FileReport]) {
        self.reports = reports
    }

    /// Every diagnostic of every file, in file, line, column, code order.
    public var diagnostics: [Diagnostic] { reports.flatMap(\.diagnostics) }
    /// The number of errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    /// The reports of the files with errors, in order. (Looked at in place: walking the reports
    /// themselves would copy each, with all it holds, a province's hundred thousand of them.)
    public var invalidReports: [FileReport] {
        reports.indices.filter { FileReport.hasErrors(reports[$0].diagnostics) }.map { reports[$0] }
    }
    /// Whether some file could not be read at all.
    public var hasUnreadableFiles: Bool { reports.contains(where: \.isUnreadable) }

    /// Validates every file of `inputs` in parallel, then the checks across files (duplicate unit
    /// ids). The result is in a stable order whatever the scheduling.
    public static func validate(_ inputs: [InputFile], reader: ChecklistReader) -> ValidationRun {
        validate(inputs, keepingChecklists: true) { Lane(reader: reader.privateCopy()) { _ in () } }.run
    }

    /// Validates every file of `inputs` in parallel and runs `keep` on each valid checklist in the
    /// same parallel stage; the reports then hold no checklist trees (only `unitID`), so memory
    /// stays small however many files there are. `kept[i]` belongs to `run.reports[i]`, and is nil
    /// when that file is invalid, including when its unit id turns out to be duplicated.
    /// `progress`, when given, counts each file as it is done.
    public static func validate<Kept: Sendable>(
        _ inputs: [InputFile], reader: ChecklistReader, progress: RunProgress? = nil, keep: @escaping @Sendable (Checklist) -> Kept
    ) -> (run: ValidationRun, kept: [Kept?]) {
        validate(inputs, keepingChecklists: false, progress: progress) { Lane(reader: reader.privateCopy(), keep: keep) }
    }

    /// What one lane of the parallel stage reads the files with and keeps of each valid checklist.
    /// Each lane makes its own, once, and uses it on its own thread: a reader and a scorer made
    /// from private copies of the standard share no counted object with another lane's
    /// (`Standard.privateCopy()`).
    struct Lane<Kept> {
        var reader: ChecklistReader
        var keep: (Checklist) -> Kept
    }

    /// As `validate(_:reader:progress:keep:)`, with each lane made by `lane`; the reports keep
    /// their checklist trees only when `keepingChecklists` is set.
    static func validate<Kept: Sendable>(
        _ inputs: [InputFile], keepingChecklists: Bool = false, progress: RunProgress? = nil, lane makeLane: @Sendable () -> Lane<Kept>
    ) -> (run: ValidationRun, kept: [Kept?]) {
        // Found files come in path order already, as a rule; in that order, each result is born in
        // its place, and a province's results are never copied into a second array.
        let order = inputs.sortedIndices { $0.path < $1.path }
        let inputs = order.indices.elementsEqual(order) ? inputs : order.map { inputs[$0] }
        var slots = [FileReport?](repeating: nil, count: inputs.count)
        var kept = [Kept?](repeating: nil, count: inputs.count)
        // One lane per core, each taking the next file as it finishes one, so a slow file holds up
        // only its own lane. Each writes only its files' indices of the two preallocated arrays:
        // no lock, and no thread ever touches another's element.
        let lanes = Swift.min(ProcessInfo.processInfo.activeProcessorCount, inputs.count)
        let dealer = IndexDealer()
        slots.withUnsafeMutableBufferPointer { reportBuffer in
            kept.withUnsafeMutableBufferPointer { keptBuffer in
                nonisolated(unsafe) let reportBuffer = reportBuffer
                nonisolated(unsafe) let keptBuffer = keptBuffer
                DispatchQueue.concurrentPerform(iterations: lanes) { _ in
                    let lane = makeLane()
                    while case let index = dealer.next(), index < inputs.count {
                        var report = lane.reader.read(inputs[index])
                        if let checklist = report.checklist {
                            keptBuffer[index] = lane.keep(checklist)
                            if !keepingChecklists { report.checklist = nil }
                        }
                        reportBuffer[index] = report
                        progress?.finishedOne()
                    }
                }
            }
        }
        // Moved out of the slots, not copied: a large run holds each report once.
        var reports: [FileReport] = []
        reports.reserveCapacity(inputs.count)
        for index in slots.indices { reports.append(slots[index].take()!) }
        slots = []
        for index in markDuplicateUnitIDs(&reports) { kept[index] = nil }
        return (ValidationRun(reports: reports), kept)
    }

    /// Reports every checklist whose `unit.id` another checklist also uses, naming the others.
    /// Returns the indices of those reports.
    @discardableResult
    static func markDuplicateUnitIDs(_ reports: inout [FileReport]) -> [Int] {
        // The first file of each id, and the ids more than one file claims with all their files:
        // no list per id, and no report copied, for the many ids only one file claims.
        var first: [String: Int] = [:]
        first.reserveCapacity(reports.count)
        var byID: [String: [Int]] = [:]
        for index in reports.indices {
            guard let id = reports[index].claimedUnitID else { continue }
            if let earlier = first[id] {
                byID[id, default: [earlier]].append(index)
            } else {
                first[id] = index
            }
        }
        var marked: [Int] = []
        for (id, indices) in byID {
            for index in indices {
                // A few paths, then how many more: 2,000 copies of one file must not write each
                // of them 2,000 times.
                let otherPaths = indices.filter { $0 != index }.map { reports[$0].path }
                let shown = Array(otherPaths.prefix(3))
                let more = otherPaths.count - shown.count
                let others = Localized(zh: shown.joined(separator: "、") + (more == 0 ? "" : " 等 \(otherPaths.count) 份清单"),
                                       en: shown.joined(separator: ", ") + (more == 0 ? "" : " and \(more) more"))
                // Through the file's own limit: listed among its first 100 problems, or counted.
                var sink = DiagnosticSink(file: reports[index].path, continuing: reports[index].diagnostics,
                                          unlisted: reports[index].unlisted)
                sink.report(.duplicateUnitID, at: reports[index].unitIDMark, path: "unit.id",
                            .init(zh: "单位编号 \(id) 也用于 \(others.zh)", en: "unit id \(id) is also used by \(others.en)"),
                            hint: .init(zh: "每个单位的编号必须唯一：改正其中一个", en: "each unit needs its own id: change one of them"))
                reports[index].diagnostics = sink.diagnostics
                reports[index].unlisted = sink.unlistedProblems
                // Renaming the file after an id another checklist holds could overwrite that one.
                for position in reports[index].diagnostics.indices where reports[index].diagnostics[position].code == .fileNameMismatch {
                    reports[index].diagnostics[position].hint = .init(zh: "先改正重复的单位编号（FH305），再按编号给文件命名",
                                                                      en: "first fix the repeated unit id (FH305), then name the file after its id")
                }
                reports[index].diagnostics.sort(by: Diagnostic.ordered)
                reports[index].checklist = nil
                marked.append(index)
            }
        }
        return marked
    }
}

/// Hands out 0, 1, 2, … to whichever thread asks, each number once.
private final class IndexDealer: Sendable {
    private let counter = Atomic<Int>(0)

    func next() -> Int {
        counter.add(1, ordering: .relaxed).oldValue
    }
}
