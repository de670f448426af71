/// One thing the user must look at: where it is, what is wrong, and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// The stable code, e.g. `FH201`.
    public var code: DiagnosticCode
    /// Error or warning.
    public var severity: Severity
    /// The file, as the user named it (relative paths stay relative).
    public var file: String
    /// The 1-based position in the file.
    public var mark: Mark
    /// The key path inside the document, e.g. `venue.area_m2` or `activities[3].date`; empty for the
    /// file as a whole.
    public var keyPath: String
    /// What is wrong.
    public var message: Localized
    /// How to fix it.
    public var hint: Localized

    /// Creates a diagnostic whose severity is the code's own.
    public init(code: DiagnosticCode, file: String, mark: Mark, keyPath: String,
                message: Localized, hint: Localized) {
        self.code = code
        self.severity = code.severity
        self.file = file
        self.mark = mark
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    /// The 1-based line.
    public var line: Int { mark.line }
    /// The 1-based column.
    public var column: Int { mark.column }

    /// The order every output uses: file, line, column, code.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.mark != rhs.mark { return lhs.mark < rhs.mark }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.keyPath < rhs.keyPath
    }
}
