import Synchronization

/// How far a long run has got, for a progress line on a terminal: the parallel stage counts each
/// checklist as it finishes with it, from any thread, and the command reads the count on a timer.
public final class RunProgress: Sendable {
    /// How many checklists there are.
    public let total: Int
    private let done = Atomic<Int>(0)
    private let writing = Atomic<Bool>(false)

    /// A progress over `total` checklists.
    public init(total: Int) {
        self.total = total
    }

    /// How many checklists have been read (validated and, in `audit run`, scored).
    public var checked: Int { done.load(ordering: .relaxed) }

    /// Whether the run has moved on to writing the summaries.
    public var isWriting: Bool { writing.load(ordering: .relaxed) }

    /// Counts one more checklist done.
    func finishedOne() {
        done.add(1, ordering: .relaxed)
    }

    /// Marks the start of writing the summaries.
    func startedWriting() {
        writing.store(true, ordering: .relaxed)
    }

    /// The progress line as a terminal shows it: `checked 4,000 of 10,000 checklists (40%)`, then
    /// `writing the reports…`.
    public func line(_ language: Language) -> String {
        if isWriting {
            return language == .zh ? "已检查 \(Self.grouped(total)) 份清单，正在写入报告…" : "checked \(Self.grouped(total)) checklists, writing the reports…"
        }
        let count = min(checked, total)
        let percent = total == 0 ? 100 : count * 100 / total
        return language == .zh
            ? "正在检查清单：\(Self.grouped(count)) / \(Self.grouped(total))（\(percent)%）"
            : "checking checklists: \(Self.grouped(count)) of \(Self.grouped(total)) (\(percent)%)"
    }

    /// `12,345`: thousands separated as both languages' readers expect in figures.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}
