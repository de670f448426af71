import Dispatch
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
    /// Whether some file could not be read at all.
    public var hasUnreadableFiles: Bool { reports.contains(where: \.isUnreadable) }

    /// Validates every file of `inputs` in parallel, then the checks across files (duplicate unit
    /// ids). The result is in a stable order whatever the scheduling.
    public static func validate(_ inputs: [InputFile], reader: ChecklistReader) -> ValidationRun {
        let results = Mutex([FileReport?](repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let report = reader.read(inputs[index])
            results.withLock { $0[index] = report }
        }
        var reports = results.withLock { $0.compactMap { $0 } }
        reports.sort { $0.path < $1.path }
        markDuplicateUnitIDs(&reports)
        return ValidationRun(reports: reports)
    }

    /// Reports every checklist whose `unit.id` another checklist also uses, naming the others.
    static func markDuplicateUnitIDs(_ reports: inout [FileReport]) {
        var byID: [String: [Int]] = [:]
        for (index, report) in reports.enumerated() {
            if let id = report.checklist?.unitID { byID[id, default: []].append(index) }
        }
        for (id, indices) in byID where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { reports[$0].path }.joined(separator: ", ")
                let mark = reports[index].checklist?.root.value(at: "unit.id")?.mark ?? .start
                reports[index].diagnostics.append(Diagnostic(
                    code: .duplicateUnitID, file: reports[index].path, mark: mark, keyPath: "unit.id",
                    message: .init(zh: "单位编号 \(id) 也用于 \(others)", en: "unit id \(id) is also used by \(others)"),
                    hint: .init(zh: "每个单位的编号必须唯一：改正其中一个", en: "each unit needs its own id: change one of them")))
                reports[index].diagnostics.sort(by: Diagnostic.ordered)
                reports[index].checklist = nil
            }
        }
    }
}
