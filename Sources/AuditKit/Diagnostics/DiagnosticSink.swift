/// Collects the diagnostics of one file: the funnel every check reports through.
///
/// A file lists at most `limit` problems, the first ones in the file. A broken or hostile file can
/// hold hundreds of thousands (a megabyte of repeated keys), and listing them all would make the
/// reports far larger than the file: past the limit, problems are counted, and one more
/// diagnostic says how many more there are and where the first of them is (FH111 when any of them
/// is an error, FH408 when all are warnings), so the file's verdict is the one the full list
/// would give.
public struct DiagnosticSink: Sendable {
    /// The most problems a file lists.
    public static let limit = 100

    /// The file every diagnostic is about.
    public let file: String
    /// The problems listed: the earliest in the file (in the order reported until the limit is
    /// reached; past it, an earlier problem takes the place of the latest).
    private var listed: [Diagnostic] = []
    /// Where in `listed` the latest in the file is, once the list is full.
    private var latest = 0
    /// Problems past the limit: how many, how many of them errors, and the earliest.
    private var unlisted = 0
    private var unlistedErrors = 0
    private var earliestUnlisted: Diagnostic?

    /// A sink for `file`.
    public init(file: String) {
        self.file = file
    }

    /// The problems past the limit of a file: how many, how many of them errors, and the earliest.
    /// (A reference, so that the report of every file, nearly all without any, stays small.)
    final class Unlisted: Sendable {
        let count: Int
        let errors: Int
        let earliest: Diagnostic

        init(count: Int, errors: Int, earliest: Diagnostic) {
            self.count = count
            self.errors = errors
            self.earliest = earliest
        }
    }

    /// What this sink left out, if it reached the limit.
    var unlistedProblems: Unlisted? {
        earliestUnlisted.map { Unlisted(count: unlisted, errors: unlistedErrors, earliest: $0) }
    }

    /// A sink that goes on from the `diagnostics` another sink gave and what it left out, so that
    /// a problem found later (across files) is listed or counted as if reported with the others.
    init(file: String, continuing diagnostics: [Diagnostic], unlisted: Unlisted?) {
        self.file = file
        listed = diagnostics.filter { $0.code != .tooManyProblems && $0.code != .tooManyWarnings }
        if listed.count >= Self.limit { findLatest() }
        if let unlisted {
            self.unlisted = unlisted.count
            unlistedErrors = unlisted.errors
            earliestUnlisted = unlisted.earliest
        }
    }

    /// What was reported, in the order it was reported; past the limit, the problems listed in
    /// order of place, then the diagnostic that counts the rest.
    public var diagnostics: [Diagnostic] {
        guard let first = earliestUnlisted else { return listed }
        let listed = listed.sorted(by: Diagnostic.ordered)
        let code: DiagnosticCode = unlistedErrors > 0 ? .tooManyProblems : .tooManyWarnings
        return listed + [Diagnostic(code: code, file: file, mark: first.mark, keyPath: first.keyPath,
                                    message: Messages.unlisted(unlisted, errors: unlistedErrors),
                                    hint: Messages.unlistedHint)]
    }

    /// Reports one diagnostic.
    public mutating func report(_ code: DiagnosticCode, at mark: Mark, path: String,
                                _ message: Localized, hint: Localized) {
        var diagnostic = Diagnostic(code: code, file: file, mark: mark, keyPath: path, message: message, hint: hint)
        guard listed.count == Self.limit else {
            listed.append(diagnostic)
            if listed.count == Self.limit { findLatest() }
            return
        }
        // Full: an earlier problem takes the place of the latest listed, which is left out.
        if Diagnostic.ordered(diagnostic, listed[latest]) {
            swap(&diagnostic, &listed[latest])
            findLatest()
        }
        unlisted += 1
        if diagnostic.severity == .error { unlistedErrors += 1 }
        if earliestUnlisted.map({ Diagnostic.ordered(diagnostic, $0) }) ?? true { earliestUnlisted = diagnostic }
    }

    private mutating func findLatest() {
        latest = listed.indices.dropFirst().reduce(0) { Diagnostic.ordered(listed[$0], listed[$1]) ? $1 : $0 }
    }

    /// Whether any error (not warning) was reported.
    public var hasErrors: Bool { unlistedErrors > 0 || listed.contains { $0.severity == .error } }
}

/// Key path spelling shared by every check: `a.b`, `list[0].c`.
enum KeyPath {
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func item(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}
