import Foundation
import Testing
@testable import AuditKit

/// `audit validate` writes its results as it renders them, through a buffer, so a province's
/// 100,000 entries are never held whole; what it writes is what `render` gives, and a result that
/// cannot be written is an error, not a silent cut.
@Suite struct ValidateStreamingTests {
    /// A run of `count` copies of the output fixtures' reports, under other names.
    static func run(copies count: Int) throws -> ValidationRun {
        let reports = try ValidateOutputTests.run().reports
        return ValidationRun(reports: (0..<count).flatMap { copy in
            reports.map { report in
                var report = report
                report.input = InputFile(path: "copy-\(copy)/" + report.path, treeRoot: ".")
                report.diagnostics = report.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.file = "copy-\(copy)/" + diagnostic.file
                    return diagnostic
                }
                return report
            }
        })
    }

    static let contexts = [ValidationRenderContext(language: .en), ValidationRenderContext(language: .zh, strict: true)]

    /// Each format written to a file, in 256 KB pieces at this size, is byte for byte the rendering;
    /// so is one holding a single piece longer than the buffer, which goes past it.
    @Test(arguments: ValidationOutputFormat.allCases)
    func writtenOutputIsTheRendering(_ format: ValidationOutputFormat) throws {
        var run = try Self.run(copies: 300)
        let long = String(repeating: "长", count: 100_000)
        run.reports[0].diagnostics[0].message = Localized(zh: long, en: long)
        run.reports[0].diagnostics[0].hint = Localized(zh: long, en: long)
        try ScratchFolder.with { folder in
            for context in Self.contexts {
                let path = folder.appendingPathComponent("out-\(format.rawValue)").path
                let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                try #require(descriptor >= 0)
                try format.write(run, context: context, descriptor: descriptor, name: path)
                close(descriptor)
                let written = try #require(FileManager.default.contents(atPath: path))
                let rendered = format.render(run, context: context)
                #expect(written.count == rendered.utf8.count)
                let same = written == Data(rendered.utf8)
                #expect(same, "the file differs from the rendering")
                if format != .github { #expect(written.count > 1 << 18, "smaller than one buffer: no flush was tested") }
            }
        }
    }

    /// Standard output left non-blocking by the parent, and read slowly, is waited on: the whole
    /// output arrives, not the first 64 KB the pipe held, and nothing is reported as failed.
    @Test func aNonBlockingOutputIsWaitedOn() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (reader, writer) = (ends[0], ends[1])
        // Neither end leaks into the processes other tests start meanwhile, which would hold the
        // pipe open past this child's exit.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        try #require(fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK) == 0)
        let process = Process()
        process.executableURL = AuditBinary.url
        process.arguments = ["validate", "--format", "json", TestPaths.fixtures.path]
        process.currentDirectoryURL = TestPaths.packageRoot
        process.standardOutput = FileHandle(fileDescriptor: writer, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(writer)
        // The child fills the pipe and finds it full before anything is read.
        Thread.sleep(forTimeInterval: 0.5)
        let output = FileHandle(fileDescriptor: reader, closeOnDealloc: true).readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "the fixtures hold invalid checklists; 2 would mean the write failed")
        let expected = try AuditBinary.run(["validate", "--format", "json", TestPaths.fixtures.path]).stdout
        #expect(output.count > 1 << 16)
        // Compared as a flag: a failure describing two large values would take minutes to print.
        let same = output == Data(expected.utf8)
        #expect(same, "\(output.count) bytes written, \(expected.utf8.count) expected")
    }

    /// Every character a message, hint, path or key path may carry comes back from the JSON and
    /// SARIF output as it went in: quotes, backslashes, slashes, control characters, the line
    /// separators text tools split at, and text beyond the Basic Multilingual Plane.
    @Test func jsonAndSarifKeepEveryCharacter() throws {
        let odd = "a\"b\\c/d\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{85}\u{2028}\u{2029}\u{202E}é中😀"
        let diagnostic = Diagnostic(code: .unknownKey, file: "dir/\(odd).yaml", mark: Mark(line: 3, column: 5),
                                    keyPath: "funding.\(odd)", message: Localized(zh: "消息" + odd, en: "message " + odd),
                                    hint: Localized(zh: "提示" + odd, en: "hint " + odd))
        let run = ValidationRun(reports: [FileReport(input: InputFile(path: "dir/\(odd).yaml", treeRoot: "."), checklist: nil,
                                                     diagnostics: [diagnostic], sha256: "", isUnreadable: false)])
        let json = ValidationOutputFormat.json.render(run, context: ValidationRenderContext(language: .en))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let file = try #require((document["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == "dir/\(odd).yaml")
        #expect(file["sha256"] == nil)
        let entry = try #require((file["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["file"] as? String == "dir/\(odd).yaml")
        #expect(entry["key_path"] as? String == "funding.\(odd)")
        #expect(entry["message"] as? [String: String] == ["en": "message " + odd, "zh": "消息" + odd])
        #expect(entry["hint"] as? [String: String] == ["en": "hint " + odd, "zh": "提示" + odd])
        // One line per key: no raw line break or separator inside a value.
        #expect(!json.unicodeScalars.contains { ["\u{85}", "\u{2028}", "\u{2029}", "\r"].contains($0) })

        let sarif = ValidationOutputFormat.sarif.render(run, context: ValidationRenderContext(language: .zh))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: String])?["text"] == "消息\(odd)\n提示：提示\(odd)")
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "funding.\(odd)")
    }

    /// A result that cannot be written, here to a full disk, is said on standard error and exits
    /// 2, for every format and for the other commands that print.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")),
          arguments: [["validate", "--format", "json"], ["validate", "--format", "sarif"], ["validate", "--format", "junit"],
                      ["validate"], ["score", "checklists"], ["schema"], ["standard", "show"],
                      ["--help"], ["--version"], ["--generate-completion-script", "bash"]])
    func aFullDiskIsExitTwo(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let command = arguments + (arguments == ["validate"] || arguments.count == 3 ? [TestPaths.fixtures.appendingPathComponent("outputs").path] : [])
        let outcome = try AuditBinary.run(command, standardOutput: full)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "audit: could not write the results: standard output: No space left on device\n")
        // In the locale's language, or in the one asked for where a command takes --lang.
        let takesLanguage = ["validate", "score"].contains(arguments[0])
        let chinese = try AuditBinary.run(command, environment: ["LANG": "zh_CN.UTF-8"], standardOutput: full)
        let asked = takesLanguage ? try AuditBinary.run(command + ["--lang", "zh"], standardOutput: full) : chinese
        for outcome in [chinese, asked] {
            #expect(outcome.status == 2)
            #expect(outcome.stderr == "audit：无法写出结果：标准输出：磁盘空间不足\n")
        }
    }
}
