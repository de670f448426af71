import ArgumentParser
import AuditKit

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate and score every checklist and write the county summary under reports/.",
        discussion: """
        Writes summary.md, summary.html, summary.csv, rectifications.csv, summary.json and units/<unit-id>.md. \
        Invalid checklists are listed in the summary with their diagnostics and left out of the figures.
        Exit codes: 0 written, 1 written but some checklists are invalid, 2 a path, the standard, the baseline or the output folder could not be used.
        """)

    @Argument(help: "Checklist files or folders.")
    var paths: [String] = [Inputs.defaultFolder]

    @Option(help: "The output folder.")
    var out: String = "reports"

    @Option(help: "An earlier summary.json to compare against.")
    var baseline: String?

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var standardOption: StandardOption

    func run() throws {
        let language = Terminal.language(report.lang)
        let standard = try standardOption.load(language: language)
        let previous = try baseline.map { path in try Self.readBaseline(path, standard: standard, region: report.region, language: language) }
        try Self.refuseToReplace(baseline.map { [$0] } ?? [], in: out, as: .baseline, language: language)
        try Self.refuseToReplace(standardOption.path.map { [$0] } ?? [], in: out, as: .standard, language: language)
        let inputs = try Inputs.discover(paths, language: language)
        // Held to the end of the process: no other command writes into the folder meanwhile.
        let hold: ReportWriter.FolderHold
        do {
            hold = try ReportWriter.FolderHold(out)
        } catch {
            throw Self.cannotWrite(error, language: language)
        }
        let showsProgress = !quiet && Terminal.stderrIsTerminal
        let progress = RunProgress(total: inputs.count)
        // Validation, scoring and each unit's own texts (its scorecard, its rectification rows)
        // happen in one parallel stage; the summaries are then streamed, so memory stays small
        // however many checklists there are.
        let summary = ProgressLine.showing(progress, language: language, enabled: showsProgress) {
            SummaryRun(inputs: inputs, standard: standard, language: language, output: out, progress: progress)
        }
        let validation = summary.validation
        let invalid = validation.invalidReports
        if !invalid.isEmpty {
            Terminal.err(TextDiagnosticsRendering.lines(invalid.flatMap { $0.diagnostics.filter { $0.severity == .error } }, language: language))
        }
        do {
            try ProgressLine.showing(progress, language: language, enabled: showsProgress) {
                try summary.writeReports(title: report.title, region: report.region, baseline: previous)
            }
        } catch let error as OutputError {
            throw Self.cannotWrite(error, language: language)
        }
        // Where the reports went, unless told to be quiet: also in a CI log, not only on a terminal.
        // Warnings leave a unit in the figures, so the run does not print them; it says how many
        // there are and where to read them, as an evidence path that leaves the tree is one.
        if !quiet {
            let warnings = validation.warningCount
            Self.wrote(out, language: language,
                       zh: "\(summary.unitCount) 个单位，\(invalid.count) 份无效清单" + (warnings == 0 ? "" : "，\(warnings) 条警告（对同样的清单运行 audit validate 查看）"),
                       en: "\(English.count(summary.unitCount, "unit")), \(English.count(invalid.count, "invalid checklist"))"
                           + (warnings == 0 ? "" : ", \(English.count(warnings, "warning")) (see them with audit validate on the same checklists)"))
        }
        let code = validation.hasUnreadableFiles ? Exit.io : invalid.isEmpty ? 0 : Exit.findings
        // The run's results (a province's hundred thousand units) would be freed one object at a
        // time on the way out, on one core, after the reports are in place: the process ends here
        // instead, with them, as its memory goes back to the system at once.
        withExtendedLifetime((summary, inputs, invalid, hold)) { Terminal.exitNow(code) }
    }

    /// Says where the reports went, and what they hold: `wrote reports/: 18 units, …`.
    static func wrote(_ out: String, language: Language, zh: String, en: String) {
        // `--out reports/` is still one folder: its name with one slash.
        var folder = out
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        Terminal.err(language == .zh ? "已写入 \(folder)/：\(zh)" : "wrote \(folder)/: \(en)")
    }

    /// Says that the reports could not be written, and why; the exit that ends the command.
    static func cannotWrite(_ error: OutputError, language: Language) -> ExitCode {
        Terminal.err(language, zh: "audit：无法写入报告：\(error.text(.zh))", en: "audit: cannot write the reports: \(error.text(.en))")
        return ExitCode(Exit.io)
    }

    /// What a command reads that writing its reports could replace.
    enum Input {
        case baseline, summary, standard
    }

    /// Ends the command (exit 2) before anything is written if one of `inputs` (the baseline, the
    /// summaries a rollup combines, or the standard in force) is a report that writing into
    /// `folder` would replace: an input is never modified.
    static func refuseToReplace(_ inputs: [String], in folder: String, as kind: Input, language: Language) throws {
        guard let clash = ReportWriter.inputsInTheWay(inputs, of: folder).first else { return }
        let (what, example): (Localized, Localized) = switch kind {
        case .baseline: (.init(zh: "基线", en: "baseline"), .init(zh: "（如 baselines/2022-H2.json）", en: " (such as baselines/2022-H2.json)"))
        case .summary: (.init(zh: "要汇总的", en: "summary"), .init(zh: "", en: ""))
        case .standard: (.init(zh: "标准文件", en: "standard"), .init(zh: "（如 my-standard.yaml）", en: " (such as my-standard.yaml)"))
        }
        Terminal.err(language,
                     zh: "audit：\(what.zh) \(clash.input) 就是要写入的 \(clash.report)，写入会替换掉它。"
                         + "请先把它复制到别处\(example.zh)再给出那个副本，或用 --out 换一个输出文件夹",
                     en: "audit: the \(what.en) \(clash.input) is the \(clash.report) this command writes, "
                         + "and writing would replace it. Copy it elsewhere first\(example.en) "
                         + "and give the copy, or choose another --out folder")
        throw ExitCode(Exit.io)
    }

    static func readBaseline(_ path: String, standard: Standard, region: String?, language: Language) throws -> SummaryDocument {
        do {
            return try Rollup.baseline(path, standard: standard, region: region)
        } catch {
            Terminal.err(language, zh: "audit：\(error.text(.zh))", en: "audit: \(error.text(.en))")
            throw ExitCode(Exit.io)
        }
    }
}

struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Combine several counties' summary.json files into a higher-level summary.",
        discussion: "Every summary must use the same standard id and version. Exit codes: 0 written, 2 a summary cannot be read, the standards differ, or the output folder cannot be written or holds one of the summaries, which writing would replace.")

    @Argument(help: "The summary.json files to combine.")
    var summaries: [String]

    @Option(help: "The output folder.")
    var out: String = "rollup"

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let language = Terminal.language(report.lang)
        var inputs: [Rollup.Input] = []
        do {
            for path in summaries { inputs.append(try Rollup.read(path)) }
            try Run.refuseToReplace(summaries, in: out, as: .summary, language: language)
            let document = try Rollup.combine(inputs, title: report.title, region: report.region, language: language)
            try ReportWriter.write(ReportSet(rollup: document, language: language), to: out)
            if !quiet {
                // A county's summary made without --region goes by its folder's name, which may be
                // only `reports`: said, so that the county can be run again with its name.
                for input in inputs where (input.document.region ?? "").isEmpty {
                    let name = Rollup.regionName(input)
                    Terminal.err(language,
                                 zh: Escaping.singleLine("注意：\(input.path) 没有地区名（生成时未用 --region），其单位记在“\(name)”名下"),
                                 en: Escaping.singleLine("note: \(input.path) has no region (it was written without --region), so its units are listed under \"\(name)\""))
                }
                Run.wrote(out, language: language, zh: "\(inputs.count) 份汇总，共 \(document.units.count) 个单位",
                          en: "\(English.count(document.units.count, "unit")) from \(English.count(inputs.count, "summary", "summaries"))")
            }
        } catch let error as RollupError {
            Terminal.err(language, zh: "audit：\(error.text(.zh))", en: "audit: \(error.text(.en))")
            throw ExitCode(Exit.io)
        } catch let error as OutputError {
            throw Run.cannotWrite(error, language: language)
        }
    }
}

/// The options every command that writes summary reports shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Language of the reports: zh or en (default from LC_ALL/LANG).")
    var lang: Language?

    @Option(help: "The report title (default: from the standard and the inspection rounds).")
    var title: String?

    @Option(help: "The area the summary covers, e.g. a county's or city's name; rollups label it so.")
    var region: String?
}
