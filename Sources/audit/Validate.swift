import ArgumentParser
import AuditKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check checklists and report every problem with its line, column and fix.",
        discussion: "Exit codes: 0 when nothing fails, 1 when a checklist has an error (or a warning under --strict), 2 when a path cannot be read."
    )

    @Argument(help: "Checklist files or folders (searched recursively for .yaml and .yml).")
    var paths: [String] = [Inputs.defaultFolder]

    @Option(help: "Output format: text, json, github, sarif or junit.")
    var format: ValidationOutputFormat = .text

    @Option(help: "Language of messages: zh or en (default from LC_ALL/LANG).")
    var lang: Language?

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    @Flag(help: "Print only the problems.")
    var quiet = false

    @OptionGroup var standardOption: StandardOption

    func run() throws {
        let standard = try standardOption.load(language: Terminal.language(lang))
        // In CI a changed-files list may name a file since deleted: it gets its FH100 in the report
        // (and exit 2) instead of taking every other file's findings with it.
        // Finding no checklist at all still writes the (empty) results a CI step expects to upload.
        var foundNone = false
        let inputs = try Inputs.discover(paths, language: Terminal.language(lang), keepingMissing: true) { foundNone = true }
        // Validation needs no checklist trees once each file is checked: they are dropped in the
        // parallel stage.
        let reader = ChecklistReader(catalogues: standard.catalogues, computesDigest: format == .json)
        let progress = RunProgress(total: inputs.count)
        // The problems go to standard output; on a terminal, standard error shows the count.
        let run = ProgressLine.showing(progress, language: Terminal.language(lang), enabled: !quiet && Terminal.stderrIsTerminal) {
            ValidationRun.validate(inputs, reader: reader, progress: progress) { _ in () }.run
        }
        var context = ValidationRenderContext(language: Terminal.language(lang),
                                              color: format == .text && Terminal.colorAllowed,
                                              strict: strict, quiet: quiet)
        context.foundNone = foundNone
        try Terminal.out(language: Terminal.language(lang)) { descriptor, name throws(OutputError) in
            try format.write(run, context: context, descriptor: descriptor, name: name)
        }
        if run.hasUnreadableFiles || foundNone { throw ExitCode(Exit.io) }
        if run.diagnostics.contains(where: context.fails) { throw ExitCode(Exit.findings) }
    }
}
