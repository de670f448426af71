/// The formats `audit validate` can write. The switch in `write` is exhaustive, so a format
/// without a renderer does not compile.
public enum ValidationOutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
    case sarif
    case junit

    /// Renders `run` in this format.
    public func render(_ run: ValidationRun, context: ValidationRenderContext) -> String {
        var out = StringOutput()
        write(run, context: context, to: &out)
        return out.text
    }

    /// Writes `run` in this format to the open file `descriptor` (standard output, for the
    /// command) as it is rendered, through a buffer: at a province's scale the output is not held
    /// in memory first. `name` names the file in the error, if writing fails.
    public func write(_ run: ValidationRun, context: ValidationRenderContext, descriptor: Int32, name: String) throws(OutputError) {
        var out = FileTextOutput(descriptor: descriptor, path: name)
        write(run, context: context, to: &out)
        if let failure = out.finish() { throw failure }
    }

    func write(_ run: ValidationRun, context: ValidationRenderContext, to out: inout some TextOutput) {
        switch self {
        case .text: TextDiagnosticsRenderer(context: context).write(run, to: &out)
        case .json: JSONDiagnosticsRenderer().write(run, to: &out)
        case .github: GitHubDiagnosticsRenderer(context: context).write(run, to: &out)
        case .sarif: SARIFRenderer(context: context).write(run, to: &out)
        case .junit: JUnitRenderer(context: context).write(run, to: &out)
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
