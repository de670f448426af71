/// Collects the diagnostics of one file: the funnel every check reports through.
public struct DiagnosticSink: Sendable {
    /// The file every diagnostic is about.
    public let file: String
    /// What was reported, in the order it was reported.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A sink for `file`.
    public init(file: String) {
        self.file = file
    }

    /// Reports one diagnostic.
    public mutating func report(_ code: DiagnosticCode, at mark: Mark, path: String,
                                _ message: Localized, hint: Localized) {
        diagnostics.append(Diagnostic(code: code, file: file, mark: mark, keyPath: path,
                                      message: message, hint: hint))
    }

    /// Whether any error (not warning) was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Key path spelling shared by every check: `a.b`, `list[0].c`.
enum KeyPath {
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func item(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}
