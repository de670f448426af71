#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AuditKit

/// Where the command writes, and what it knows of the terminal and environment.
enum Terminal {
    /// Writes `text` to standard output as is. If it cannot be written (a full disk, or a closed
    /// pipe when SIGPIPE is ignored; by default that signal ends the process at once, as with any
    /// Unix tool), the command says so, in `language` (else the locale's), and ends with exit 2:
    /// cut-off output must not pass for a result.
    static func out(_ text: String, language: Language? = nil) {
        let language = self.language(language)
        do throws(OutputError) {
            try FileOutput.writeAll(text, to: STDOUT_FILENO, name: outputName(language))
        } catch {
            outputFailed(error, language: language)
            exitNow(Exit.io)
        }
    }

    /// Runs `body` with standard output's descriptor and its name, for output written as it is
    /// rendered; a failure to write is reported as `out` reports it.
    static func out(language: Language, _ body: (Int32, String) throws(OutputError) -> Void) throws {
        do throws(OutputError) {
            try body(STDOUT_FILENO, outputName(language))
        } catch {
            outputFailed(error, language: language)
            throw ExitCode(Exit.io)
        }
    }

    private static func outputName(_ language: Language) -> String {
        language == .zh ? "标准输出" : "standard output"
    }

    private static func outputFailed(_ error: OutputError, language: Language) {
        err(language, zh: "audit：无法写出结果：" + error.text(.zh), en: "audit: could not write the results: " + error.text(.en))
    }

    /// Writes `text` to standard error, adding a newline. Its lines are kept, but whatever a line
    /// quotes from the user's files or command line (a region name, a path) cannot send control
    /// sequences to the terminal or reorder the line: see `Escaping.singleLine`.
    static func err(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Escaping.singleLine(String($0)) }
        // Nowhere is left to report a failure to write standard error.
        try? FileOutput.writeAll(lines.joined(separator: "\n") + "\n", to: STDERR_FILENO, name: "standard error")
    }

    /// Writes to standard error the text in `language`, adding a newline.
    static func err(_ language: Language, zh: String, en: String) {
        err(language == .zh ? zh : en)
    }

    /// Ends the process with `code` now. The command's output is written unbuffered, so nothing
    /// is waiting to be flushed.
    static func exitNow(_ code: Int32) -> Never {
        exit(code)
    }

    /// Replaces the current line of standard error with `text` (a progress line), without a
    /// newline; an empty text erases the line.
    static func redraw(_ text: String) {
        try? FileOutput.writeAll("\r\u{1B}[2K" + text, to: STDERR_FILENO, name: "standard error")
    }

    /// The process environment.
    static var environment: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// The language asked for, else the one the locale implies.
    static func language(_ explicit: Language?) -> Language {
        explicit ?? Language.fromEnvironment(environment)
    }

    /// Whether standard output is a terminal that may be coloured (`NO_COLOR` unset).
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Whether standard error is a terminal (for progress lines).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// The exit codes, in one place.
enum Exit {
    /// Findings: an invalid checklist, a warning under `--strict`, or a grade below the bar.
    static let findings: Int32 = 1
    /// The tool could not do its job: a usage error, a path or file that could not be read, or a bad
    /// standard file.
    static let io: Int32 = 2
}

/// Input discovery for the commands: a path that cannot be listed ends the command with exit 2.
enum Inputs {
    /// Where the commands look for checklists when given no path.
    static let defaultFolder = "checklists"

    /// The checklists under `paths`; none at all is an error too, so a CI job pointed at the wrong
    /// folder fails instead of passing on nothing.
    /// With `keepingMissing` (validate), a missing path is reported in the results, not instead of
    /// them; with `none`, finding no checklist is reported there and returns no input, so that the
    /// caller still writes its (empty) results before exiting 2.
    static func discover(_ paths: [String], language: Language, keepingMissing: Bool = false,
                         none: (() -> Void)? = nil) throws -> [InputFile] {
        // Run with no path where there is no checklists/ folder: said plainly, not only as a missing
        // file. Validate still reports it in its results too (FH100), where a CI looks for it.
        var info = stat()
        if paths == [defaultFolder], stat(defaultFolder, &info) != 0, errno == ENOENT {
            Terminal.err(language, zh: "audit：当前文件夹下没有 checklists/：请在含有 checklists/ 的文件夹中运行，或在命令后写出清单所在的文件夹或文件",
                         en: "audit: there is no checklists/ folder here: run this from the folder that holds checklists/, or name the checklists' folder or files after the command")
            if !keepingMissing { throw ExitCode(Exit.io) }
        }
        let files: [InputFile]
        do {
            files = try InputDiscovery.files(in: paths, keepingMissing: keepingMissing)
        } catch {
            Terminal.err(language, zh: "audit：" + error.message.zh, en: "audit: " + error.message.en)
            throw ExitCode(Exit.io)
        }
        if files.isEmpty {
            let list = paths.joined(separator: " ")
            Terminal.err(language, zh: "audit：\(list) 下没有 .yaml 或 .yml 清单", en: "audit: no .yaml or .yml checklist found in \(list)")
            if let none { none(); return [] }
            throw ExitCode(Exit.io)
        }
        return files
    }
}
