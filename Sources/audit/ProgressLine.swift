import AuditKit
import Dispatch

/// A line on standard error that shows how far a long run has got, redrawn five times a second
/// while the work goes on and erased when it ends, so what follows starts on a clean line.
enum ProgressLine {
    /// Runs `work`, showing `progress` meanwhile when `enabled` (a terminal, not `--quiet`).
    @discardableResult
    static func showing<Result>(_ progress: RunProgress, language: Language, enabled: Bool,
                                _ work: () throws -> Result) rethrows -> Result {
        guard enabled else { return try work() }
        let queue = DispatchQueue(label: "audit.progress")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { Terminal.redraw(progress.line(language)) }
        timer.resume()
        defer {
            timer.cancel()
            // A redraw under way finishes before the line is erased.
            queue.sync {}
            Terminal.redraw("")
        }
        return try work()
    }
}
