import Foundation

/// SARIF 2.1.0, as code-scanning services read it: every diagnostic code is a rule with its help
/// text, and every diagnostic a result located by file, line, column and key path.
struct SARIFRenderer {
    let context: ValidationRenderContext

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
        let columnKind = "unicodeCodePoints"
    }
    /// Whether the run could check every file: false when one could not be read (exit code 2).
    struct Invocation: Encodable { let executionSuccessful: Bool }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        // No informationUri: SARIF wants an absolute URI there, and the tool has no address of
        // its own; each rule carries its help text instead.
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
    }
    struct Location: Encodable {
        let physicalLocation: Physical
        let logicalLocations: [Logical]?
    }
    struct Physical: Encodable {
        let artifactLocation: Artifact
        let region: Region
    }
    struct Artifact: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int; let startColumn: Int }
    struct Logical: Encodable { let fullyQualifiedName: String; let kind = "member" }

    func render(_ run: ValidationRun) -> String {
        let language = context.language
        let directory = FileManager.default.currentDirectoryPath
        let codes = DiagnosticCode.allCases
        let rules = codes.map { code in
            Rule(id: code.rawValue, name: Self.ruleName(code), shortDescription: Text(text: code.title.text(language)),
                 fullDescription: Text(text: code.title.bilingual),
                 help: Text(text: code.explanation.text(language)),
                 defaultConfiguration: Configuration(level: code.severity == .error ? "error" : "warning"))
        }
        let hintLabel = language == .zh ? "提示：" : "Hint: "
        let results = run.diagnostics.map { diagnostic in
            Result(ruleId: diagnostic.code.rawValue, ruleIndex: codes.firstIndex(of: diagnostic.code) ?? 0,
                   level: context.fails(diagnostic) ? "error" : "warning",
                   message: Text(text: diagnostic.message.text(language) + "\n" + hintLabel + diagnostic.hint.text(language)),
                   locations: [Location(
                    physicalLocation: Physical(artifactLocation: Artifact(uri: Self.uri(diagnostic.file, in: directory)),
                                               region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)),
                    logicalLocations: diagnostic.keyPath.isEmpty ? nil : [Logical(fullyQualifiedName: diagnostic.keyPath)])])
        }
        let driver = Driver(name: ToolInfo.name, version: ToolInfo.version, rules: rules)
        let invocation = Invocation(executionSuccessful: !run.hasUnreadableFiles && !context.foundNone)
        return JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: driver), invocations: [invocation], results: results)]))
    }

    /// A file's URI as code scanning places it: relative to the working directory (the
    /// repository's root in CI) when the path is inside it, with `.` and `..` folded away; a path
    /// outside it stays absolute, as a `file://` URI.
    static func uri(_ path: String, in directory: String) -> String {
        let relative = InputDiscovery.folded(path)
        // Inside the working directory: as it is. Above it (../x.yaml): anchored there first.
        guard relative.hasPrefix("/") || relative == ".." || relative.hasPrefix("../") else { return Escaping.uriPath(relative) }
        let folded = relative.hasPrefix("/") ? relative : InputDiscovery.folded(directory + "/" + relative)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if folded.hasPrefix(base) { return Escaping.uriPath(String(folded.dropFirst(base.count))) }
        return "file://" + Escaping.uriPath(folded)
    }

    /// A rule name in SARIF's PascalCase convention, from the code's English title.
    static func ruleName(_ code: DiagnosticCode) -> String {
        code.title.en.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
