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
    var paths: [String] = ["checklists"]

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
        let inputs = try Inputs.discover(paths, language: language)
        let showsProgress = !quiet && Terminal.stderrIsTerminal
        let progress = RunProgress(total: inputs.count)
        // Validation, scoring and each unit's own texts (its scorecard, its rectification rows)
        // happen in one parallel stage; the summaries are then streamed, so memory stays small
        // however many checklists there are.
        let summary = ProgressLine.showing(progress, language: language, enabled: showsProgress) {
            SummaryRun(inputs: inputs, standard: standard, language: language, output: out, progress: progress)
        }
        let validation = summary.validation
        let invalid = validation.reports.filter(\.hasErrors)
        if !invalid.isEmpty {
            Terminal.err(TextDiagnosticsRendering.lines(invalid.flatMap { $0.diagnostics.filter { $0.severity == .error } }, language: language))
        }
        do {
            try ProgressLine.showing(progress, language: language, enabled: showsProgress) {
                try summary.writeReports(title: report.title, region: report.region, baseline: previous)
            }
        } catch {
            let reason = (error as? OutputError)?.text(language) ?? "\(error)"
            Terminal.err(language, zh: "audit：无法写入报告：\(reason)", en: "audit: cannot write the reports: \(reason)")
            throw ExitCode(Exit.io)
        }
        if showsProgress {
            Terminal.err(language == .zh
                ? "已写入 \(out)/：\(summary.unitCount) 个单位，\(invalid.count) 份无效清单"
                : "wrote \(out)/: \(English.count(summary.unitCount, "unit")), \(English.count(invalid.count, "invalid checklist"))")
        }
        if validation.hasUnreadableFiles { throw ExitCode(Exit.io) }
        if !invalid.isEmpty { throw ExitCode(Exit.findings) }
    }

    static func readBaseline(_ path: String, standard: Standard, region: String?, language: Language) throws -> SummaryDocument {
        let bytes: [UInt8]
        switch SourceFile.read(path, limit: 1 << 28) {
        case .success(let read): bytes = read
        case .failure(let failure):
            Terminal.err(language, zh: "audit：无法读取基线 \(path)：\(failure.reason(.zh))", en: "audit: cannot read the baseline \(path): \(failure.reason(.en))")
            throw ExitCode(Exit.io)
        }
        do {
            let input = try Rollup.decode(bytes, path: path)
            let used = input.document.standard
            guard used.id == standard.id, used.version == standard.version else {
                Terminal.err(language, zh: "audit：基线 \(path) 按 \(used.id) \(used.version) 评分，不是 \(standard.label)；只有同一标准下的得分才能比较",
                             en: "audit: the baseline \(path) was scored under \(used.id) \(used.version), not \(standard.label); "
                                + "scores are comparable only under the same standard")
                throw ExitCode(Exit.io)
            }
            if let digest = input.document.standard.sha256, digest != standard.scoringDigest {
                Terminal.err(language, zh: "audit：基线 \(path) 也按 \(standard.label) 评分，但计分规则与本次所用的不同（权重、细则、等级线或期限）；改过的标准须有自己的版本号",
                             en: "audit: the baseline \(path) was scored under \(standard.label) too, but with other scoring rules (weights, criteria, bars or deadlines); "
                                + "a tailored standard needs a version of its own")
                throw ExitCode(Exit.io)
            }
            // A rollup holds many counties' units, which a county's round would all list as gone.
            guard input.document.byRegion.isEmpty, input.document.units.allSatisfy({ $0.region == nil }) else {
                Terminal.err(language, zh: "audit：基线 \(path) 是合并汇总（audit rollup）；一个县的本轮只能与该县上一轮的 summary.json 比较",
                             en: "audit: the baseline \(path) is a rollup (audit rollup); a county's round compares with that county's previous summary.json")
                throw ExitCode(Exit.io)
            }
            if let region, let other = input.document.region, other != region {
                Terminal.err(language, zh: "audit：基线 \(path) 是 \(other) 的汇总，本轮是 \(region)；请用该地区上一轮的 summary.json",
                             en: "audit: the baseline \(path) is the summary of \(other), this round is \(region); use that area's previous summary.json")
                throw ExitCode(Exit.io)
            }
            return input.document
        } catch let error as RollupError {
            Terminal.err(language, zh: "audit：\(error.text(.zh))", en: "audit: \(error.text(.en))")
            throw ExitCode(Exit.io)
        }
    }
}

struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Combine several counties' summary.json files into a higher-level summary.",
        discussion: "Every summary must use the same standard id and version. Exit codes: 0 written, 2 a summary cannot be read or the standards differ.")

    @Argument(help: "The summary.json files to combine.")
    var summaries: [String]

    @Option(help: "The output folder.")
    var out: String = "rollup"

    @OptionGroup var report: ReportOptions

    func run() throws {
        let language = Terminal.language(report.lang)
        var inputs: [Rollup.Input] = []
        do {
            for path in summaries {
                switch SourceFile.read(path, limit: 1 << 28) {
                case .success(let bytes): inputs.append(try Rollup.decode(bytes, path: path))
                case .failure(let failure):
                    Terminal.err(language, zh: "audit：无法读取 \(path)：\(failure.reason(.zh))", en: "audit: cannot read \(path): \(failure.reason(.en))")
                    throw ExitCode(Exit.io)
                }
            }
            let document = try Rollup.combine(inputs, title: report.title, region: report.region, language: language)
            try ReportWriter.write(ReportSet(rollup: document, language: language), to: out)
        } catch let error as RollupError {
            Terminal.err(language, zh: "audit：\(error.text(.zh))", en: "audit: \(error.text(.en))")
            throw ExitCode(Exit.io)
        } catch let error as OutputError {
            Terminal.err(language, zh: "audit：无法写入报告：\(error.text(.zh))", en: "audit: cannot write the reports: \(error)")
            throw ExitCode(Exit.io)
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
