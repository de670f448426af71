/// The formats `audit validate` can write. The switch in `render` is exhaustive, so a format
/// without a renderer does not compile.
public enum ValidationOutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
    case sarif
    case junit

    /// Renders `run` in this format.
    public func render(_ run: ValidationRun, context: ValidationRenderContext) -> String {
        switch self {
        case .text: return TextDiagnosticsRenderer(context: context).render(run)
        case .json: return JSONDiagnosticsRenderer().render(run)
        case .github: return GitHubDiagnosticsRenderer(context: context).render(run)
        case .sarif: return SARIFRenderer(context: context).render(run)
        case .junit: return JUnitRenderer(context: context).render(run)
        }
    }
}

/// What a renderer needs besides the run itself.
public struct ValidationRenderContext: Sendable {
    /// The language of messages.
    public var language: Language
    /// Whether to colour the text output with ANSI escapes.
    public var color: Bool
    /// Whether warnings count as failures (`--strict`).
    public var strict: Bool
    /// Whether to leave out everything but the problems (`--quiet`).
    public var quiet: Bool
    /// What the files are: checklists, or a standard file (`audit standard check`).
    public var subject: Subject = .checklists
    /// Whether the run found no checklist at all to check (it exits 2 as for an unreadable file).
    public var foundNone = false

    /// What kind of file was checked.
    public enum Subject: Sendable {
        case checklists
        case standard
    }

    /// Creates a context.
    public init(language: Language, color: Bool = false, strict: Bool = false, quiet: Bool = false) {
        self.language = language
        self.color = color
        self.strict = strict
        self.quiet = quiet
    }

    /// Whether `diagnostic` fails the run under this context.
    public func fails(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || strict
    }
}
