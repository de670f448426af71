import Testing
@testable import AuditKit

/// The progress line a terminal shows during a long `audit run` or `audit validate`.
@Suite struct RunProgressTests {
    @Test func theLineCountsInBothLanguages() {
        let progress = RunProgress(total: 12_500)
        for _ in 0..<5_000 { progress.finishedOne() }
        #expect(progress.line(.en) == "checking checklists: 5,000 of 12,500 (40%)")
        #expect(progress.line(.zh) == "正在检查清单：5,000 / 12,500（40%）")
        progress.startedWriting()
        #expect(progress.line(.en) == "checked 12,500 checklists, writing the reports…")
        #expect(progress.line(.zh) == "已检查 12,500 份清单，正在写入报告…")
    }

    @Test func anEmptyRunIsComplete() {
        #expect(RunProgress(total: 0).line(.en) == "checking checklists: 0 of 0 (100%)")
    }

    @Test func thousandsAreGrouped() {
        #expect(RunProgress.grouped(0) == "0")
        #expect(RunProgress.grouped(999) == "999")
        #expect(RunProgress.grouped(1_000) == "1,000")
        #expect(RunProgress.grouped(100_000) == "100,000")
        #expect(RunProgress.grouped(1_234_567) == "1,234,567")
        #expect(RunProgress.grouped(-4_321) == "-4,321")
    }

    /// Counted from many threads at once, no file is lost.
    @Test func countingFromEveryCoreLosesNothing() async {
        let progress = RunProgress(total: 40_000)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { for _ in 0..<5_000 { progress.finishedOne() } } }
        }
        #expect(progress.checked == 40_000)
    }
}
