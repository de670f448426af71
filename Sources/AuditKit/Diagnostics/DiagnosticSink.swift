/// Collects the diagnostics of one file: the funnel every check reports through.
///
/// A file lists at most `limit` problems. A broken or hostile file can hold hundreds of thousands
/// (a megabyte of repeated keys), and listing them all would make reports and memory grow far
/// beyond the file: past the limit, problems are counted, and one last diagnostic says how many
/// more there are and where the first of them is (FH111 when any of them is an error, FH408 when
/// all are warnings), so the file's verdict is the one the full list would give.
public struct DiagnosticSink: Sendable {
    /// The most problems a file lists.
    public static let limit = 100

    /// The file every diagnostic is about.
    public let file: String
    /// The problems listed, in the order they were reported.
    private var listed: [Diagnostic] = []
    /// Problems past the limit: how many, how many of them errors, and the first one's place.
    private var unlisted = 0
    private var unlistedErrors = 0
    private var firstUnlisted: (mark: Mark, path: String)?

    /// A sink for `file`.
    public init(file: String) {
        self.file = file
    }

    /// What was reported, in the order it was reported, and past the limit the diagnostic that
    /// counts the rest.
    public var diagnostics: [Diagnostic] {
        guard let first = firstUnlisted else { return listed }
        let code: DiagnosticCode = unlistedErrors > 0 ? .tooManyProblems : .tooManyWarnings
        return listed + [Diagnostic(code: code, file: file, mark: first.mark, keyPath: first.path,
                                    message: Messages.unlisted(unlisted, errors: unlistedErrors),
                                    hint: Messages.unlistedHint)]
    }

    /// Reports one diagnostic.
    public mutating func report(_ code: DiagnosticCode, at mark: Mark, path: String,
                                _ message: Localized, hint: Localized) {
        guard listed.count < Self.limit else {
            unlisted += 1
            if code.severity == .error { unlistedErrors += 1 }
            if firstUnlisted == nil { firstUnlisted = (mark, path) }
            return
        }
        listed.append(Diagnostic(code: code, file: file, mark: mark, keyPath: path,
                                 message: message, hint: hint))
    }

    /// Whether any error (not warning) was reported.
    public var hasErrors: Bool { unlistedErrors > 0 || listed.contains { $0.severity == .error } }
}

/// Key path spelling shared by every check: `a.b`, `list[0].c`.
enum KeyPath {
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func item(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}
