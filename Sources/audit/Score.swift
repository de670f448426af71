import ArgumentParser
import AuditKit

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score units against the five-haves standard and list what each must rectify.",
        discussion: "Exit codes: 0 scored, 1 a checklist is invalid (its diagnostics are shown, it is not scored) or a grade is below --fail-below, 2 a path or the standard cannot be read.")

    @Argument(help: "Checklist files or folders.")
    var paths: [String] = [Inputs.defaultFolder]

    @Option(help: "Output format: text, json or markdown.")
    var format: ScorecardFormat = .text

    @Option(help: "Language: zh or en (default from LC_ALL/LANG).")
    var lang: Language?

    @Option(help: "Exit 1 when a unit's grade is below this: compliant, largely-compliant or non-compliant.")
    var failBelow: Grade?

    @OptionGroup var standardOption: StandardOption

    func run() throws {
        let language = Terminal.language(lang)
        let standard = try standardOption.load(language: language)
        let inputs = try Inputs.discover(paths, language: language)
        let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: standard.catalogues))
        let invalid = run.invalidReports
        if !invalid.isEmpty {
            Terminal.err(TextDiagnosticsRendering.lines(invalid.flatMap(\.diagnostics), language: language))
        }
        let scorer = Scorer(standard: standard)
        let cards = run.reports.compactMap(\.checklist).map(scorer.score)
        Terminal.out(format.render(cards, standard: standard, language: language), language: language)
        if run.hasUnreadableFiles { throw ExitCode(Exit.io) }
        if !invalid.isEmpty { throw ExitCode(Exit.findings) }
        if let failBelow, cards.contains(where: { $0.grade < failBelow }) { throw ExitCode(Exit.findings) }
    }
}

struct StandardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard",
        abstract: "Show the standard in force, or check a tailored one.",
        subcommands: [Show.self, Check.self])

    /// `audit standard` alone: a usage error, like `audit` alone.
    func run() throws {
        try Audit.missingSubcommand(Self.self)
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the standard in force.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, markdown }

        @Option(help: "yaml (the file itself, ready to tailor) or markdown (readable).")
        var format: Format = .markdown

        @OptionGroup var standardOption: StandardOption

        func run() throws {
            let standard = try standardOption.load(language: Terminal.language(nil))
            switch format {
            case .markdown:
                Terminal.out(StandardMarkdown.render(standard))
            case .yaml:
                if let path = standardOption.path, case .success(let bytes) = SourceFile.read(path, limit: ChecklistReader.sizeLimit) {
                    Terminal.out(String(decoding: bytes, as: UTF8.self))
                } else {
                    Terminal.out(Standard.builtInYAML + "\n")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a tailored standard file.",
            discussion: "Exit codes: 0 sound, 1 the standard has errors, 2 it cannot be read.")

        @Argument(help: "The standard file.")
        var file: String

        @Option(help: "Output format: text, json, github, sarif or junit.")
        var format: ValidationOutputFormat = .text

        @Option(help: "Language: zh or en.")
        var lang: Language?

        func run() throws {
            let result = StandardLoader.load(path: file)
            let report = FileReport(input: InputFile(path: file, treeRoot: "."), checklist: nil,
                                    diagnostics: result.diagnostics, sha256: "",
                                    isUnreadable: result.diagnostics.contains { $0.code == .unreadable })
            var context = ValidationRenderContext(language: Terminal.language(lang), color: format == .text && Terminal.colorAllowed)
            context.subject = .standard
            Terminal.out(format.render(ValidationRun(reports: [report]), context: context), language: context.language)
            if report.isUnreadable { throw ExitCode(Exit.io) }
            if result.standard == nil { throw ExitCode(Exit.findings) }
        }
    }
}

extension ScorecardFormat: ExpressibleByArgument {}
extension Grade: ExpressibleByArgument {}
