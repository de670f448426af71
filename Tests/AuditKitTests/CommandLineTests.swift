import Foundation
import Testing
@testable import AuditKit

/// The `audit` commands as a user or CI runs them: the built binary, its exit codes, what it prints
/// on standard output and standard error, and the files it writes.
@Suite struct CommandLineTests {
    static let outputs = "Tests/AuditKitTests/Fixtures/outputs"
    static let invalid = "\(outputs)/hillside-clinic.yaml"
    static let warningsOnly = "\(outputs)/warnings-only.yaml"
    static let valid = "\(outputs)/river-valley-library.yaml"

    /// The exit code of a usage error: 2, as for any run that could not do its job.
    static let usageError: Int32 = 2

    // MARK: - Exit codes

    @Test func bundledChecklistsExitZero() throws {
        let outcome = try AuditBinary.run(["validate"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(" 0 invalid, 0 errors"))
        #expect(outcome.stderr == "")
    }

    @Test func folderWithAnInvalidChecklistExitsOne() throws {
        let outcome = try AuditBinary.run(["validate", Self.outputs])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("\(Self.invalid):6:13: error[FH209]: "))
        #expect(outcome.stdout.hasSuffix("4 checklists checked: 2 invalid, 6 errors, 3 warnings\n"))
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let lenient = try AuditBinary.run(["validate", Self.warningsOnly])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning[FH403]"))
        let strict = try AuditBinary.run(["validate", "--strict", Self.warningsOnly])
        #expect(strict.status == 1)
        #expect(strict.stdout == lenient.stdout)
        let clean = try AuditBinary.run(["validate", "--strict", Self.valid])
        #expect(clean.status == 0)
    }

    /// validate reports a missing path with the other files' results, in every format, and exits 2;
    /// run refuses before writing anything.
    @Test func missingPathExitsTwoWithAMessage() throws {
        let outcome = try AuditBinary.run(["validate", Self.valid, "no-such-folder"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("no-such-folder:1:1: error[FH100]: the file does not exist"))
        #expect(outcome.stdout.contains("2 checklists checked: 1 invalid, 1 error"))
        let sarif = try AuditBinary.run(["validate", Self.valid, "no-such-folder", "--format", "sarif"])
        #expect(sarif.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["FH100"])
        let run = try AuditBinary.run(["run", Self.valid, "no-such-folder", "--out", NSTemporaryDirectory() + "/never-written"])
        #expect(run.status == 2)
        #expect(run.stderr == "audit: no such file or folder: no-such-folder\n")
        // A name given in GBK reaches the program with � for its bytes: the message says why.
        let gbk = DiscoveryError.missing("\u{FFFD}\u{FFFD}.yaml").message
        #expect(gbk.en == "no such file or folder: \u{FFFD}\u{FFFD}.yaml (the name is not UTF-8, perhaps GBK: give it a UTF-8 name, "
                + "e.g. convmv -f gbk -t utf8 --notest, and run again)")
        #expect(gbk.zh.contains("名字不是 UTF-8 编码"))
    }

    /// A file that could not be read is an error of the run, not a failed check: JUnit counts it
    /// under errors, SARIF says the invocation did not succeed.
    @Test func unreadableFileIsAnErrorOfTheRun() throws {
        let junit = try AuditBinary.run(["validate", Self.valid, "no-such-file.yaml", "--format", "junit"])
        #expect(junit.status == 2)
        #expect(junit.stdout.contains("<testsuite name=\"audit validate\" tests=\"2\" failures=\"0\" errors=\"1\" skipped=\"0\">"))
        #expect(junit.stdout.contains("<error message=") && !junit.stdout.contains("<failure"))
        let sarif = try AuditBinary.run(["validate", Self.valid, "no-such-file.yaml", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == false)
    }

    /// `audit run` over a folder with an unreadable checklist still writes the reports of the
    /// others, lists that file under `invalid`, names it on standard error, and exits with 2.
    @Test func runWithAnUnreadableChecklistWritesTheOthersAndExitsTwo() throws {
        let temporary = try TemporaryFolder()
        let input = temporary.path("checklists")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Self.valid, toPath: input + "/river-valley-library.yaml")
        try FileManager.default.createSymbolicLink(atPath: input + "/loop.yaml", withDestinationPath: "loop.yaml")
        let out = temporary.path("reports")
        let outcome = try AuditBinary.run(["run", input, "--out", out, "--lang", "en", "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("loop.yaml:1:1: error[FH100]"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        #expect((summary["units"] as? [[String: Any]])?.map { $0["unit_id"] as? String } == ["river-valley-library"])
        let invalid = try #require(summary["invalid"] as? [[String: Any]])
        #expect(invalid.map { $0["path"] as? String } == [input + "/loop.yaml"])
        #expect(((invalid.first?["diagnostics"] as? [[String: Any]])?.first?["code"] as? String) == "FH100")
    }

    /// `audit score` quotes the checklist on the terminal: a control or bidirectional character
    /// in a unit's name is shown as an escape, not sent to the terminal.
    @Test func scoreEscapesWhatItQuotes() throws {
        let temporary = try TemporaryFolder()
        let text = try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
        let name = try #require(text.split(separator: "\n").first { $0.hasPrefix("  name: ") })
        try text.replacingOccurrences(of: String(name), with: "  name: \"北苑\\u202E乡\\e[31m政府\"")
            .write(toFile: temporary.path("beiyuan-township.yaml"), atomically: true, encoding: .utf8)
        let outcome = try AuditBinary.run(["score", temporary.path("beiyuan-township.yaml"), "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix(#"北苑\u202E乡\x1B[31m政府 (beiyuan-township)"#), "\(outcome.stdout.prefix(200))")
        #expect(!outcome.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B })
    }

    /// SARIF places files relative to the working directory, with `.` and `..` folded away.
    @Test(arguments: [("./checklists/../checklists/a b.yaml", "checklists/a%20b.yaml"), ("/repo/checklists/x.yaml", "checklists/x.yaml"),
                      ("/elsewhere/x.yaml", "file:///elsewhere/x.yaml"), ("../up/x.yaml", "file:///up/x.yaml"),
                      ("..names/x.yaml", "..names/x.yaml")])
    func sarifURIsAreRelative(_ path: String, _ uri: String) {
        #expect(SARIFRenderer.uri(path, in: "/repo") == uri)
    }

    /// A symbolic link loop named on the command line is one more FH100 in the results, and the
    /// other files are still checked; a folder with no checklist still gets results a CI step can
    /// upload, and exit 2.
    @Test func loopOrEmptyFolderStillWritesTheResults() throws {
        let temporary = try TemporaryFolder()
        let loop = temporary.path("loop1")
        try FileManager.default.createSymbolicLink(atPath: temporary.path("loop2"), withDestinationPath: loop)
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: temporary.path("loop2"))
        let outcome = try AuditBinary.run(["validate", loop, Self.valid, "--format", "sarif"])
        #expect(outcome.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["FH100"])

        let empty = temporary.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let none = try AuditBinary.run(["validate", empty, "--format", "json", "--lang", "en"])
        #expect(none.status == 2)
        #expect(none.stderr == "audit: no .yaml or .yml checklist found in \(empty)\n")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any])
        #expect((document["files"] as? [Any])?.isEmpty == true)
        let noneSARIF = try AuditBinary.run(["validate", empty, "--format", "sarif"])
        let sarifLog = try #require(try JSONSerialization.jsonObject(with: Data(noneSARIF.stdout.utf8)) as? [String: Any])
        let invocation = ((sarifLog["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first
        #expect(invocation?["executionSuccessful"] as? Bool == false)
    }

    /// A copy of a checklist under another name is told to fix the repeated id, not to take the
    /// name of the file it was copied from.
    @Test func copiedChecklistIsNotToldToTakeTheOriginalsName() throws {
        let temporary = try TemporaryFolder()
        let original = "checklists/beiyuan-township.yaml"
        try FileManager.default.copyItem(atPath: original, toPath: temporary.path("beiyuan-township.yaml"))
        try FileManager.default.copyItem(atPath: original, toPath: temporary.path("beiyuan-copy.yaml"))
        let outcome = try AuditBinary.run(["validate", temporary.path(""), "--lang", "en"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("error[FH305]"))
        #expect(outcome.stdout.contains("warning[FH405]: file name beiyuan-copy.yaml does not match unit.id beiyuan-township\n"
                                        + "    hint: first fix the repeated unit id (FH305), then name the file after its id\n"))
        #expect(!outcome.stdout.contains("rename the file to beiyuan-township.yaml"))
    }

    /// Many copies of one checklist name three others each, then how many more, so the output
    /// grows with the copies, not with their square.
    @Test func duplicateIdsNameAFewOthers() throws {
        let temporary = try TemporaryFolder()
        for index in 1...6 {
            try FileManager.default.copyItem(atPath: "checklists/hexi-township.yaml", toPath: temporary.path("h\(index).yaml"))
        }
        let outcome = try AuditBinary.run(["validate", temporary.path(""), "--lang", "en", "--quiet"])
        #expect(outcome.status == 1)
        let first = try #require(outcome.stdout.split(separator: "\n").first { $0.contains("error[FH305]") && $0.contains("h1.yaml:") })
        #expect(first.hasSuffix("h4.yaml and 2 more"))
        #expect(!first.contains("h5.yaml"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let outcome = try AuditBinary.run(["validate", "--format", "nope", Self.valid])
        #expect(outcome.status == Self.usageError)
        #expect(outcome.stderr.contains("nope"))
        #expect(outcome.stderr.contains("Usage:"))
        #expect(outcome.stdout == "")
    }

    /// `audit` or `audit standard` alone names no command: help on standard error, exit 2, while
    /// asking for the help is a success.
    @Test(arguments: [["audit"], ["standard"]])
    func aGroupWithoutItsCommandIsAUsageError(_ words: [String]) throws {
        let arguments = Array(words.dropFirst(words.first == "audit" ? 1 : 0))
        let outcome = try AuditBinary.run(arguments)
        #expect(outcome.status == Self.usageError)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("Error: Missing subcommand.\n"))
        #expect(outcome.stderr.contains("USAGE: audit " + (words == ["standard"] ? "standard <subcommand>" : "<subcommand>")))
        #expect(outcome.stderr.contains("SUBCOMMANDS:"))
        let help = try AuditBinary.run(arguments + ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS:"))
    }

    // MARK: - Language

    @Test func langOptionChoosesChinese() throws {
        let outcome = try AuditBinary.run(["validate", "--lang", "zh", Self.invalid])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("错误[FH209]: “institutoin”不是允许的取值"))
        #expect(outcome.stdout.hasSuffix("检查了 1 个清单：1 个无效，4 个错误，0 个警告\n"))
    }

    @Test func localeChoosesTheLanguage() throws {
        let noOverride = ["LC_ALL": "", "LC_MESSAGES": ""]
        let chinese = try AuditBinary.run(["validate", Self.invalid],
                                          environment: noOverride.merging(["LANG": "zh_CN.UTF-8"]) { $1 })
        #expect(chinese.stdout.contains("错误[FH209]"))
        #expect(chinese.stdout.contains("检查了 1 个清单"))
        let english = try AuditBinary.run(["validate", Self.invalid],
                                          environment: noOverride.merging(["LANG": "C"]) { $1 })
        #expect(english.stdout.contains("error[FH209]: \"institutoin\" is not an allowed value"))
        #expect(english.stdout.contains("1 checklist checked"))
        #expect(!english.stdout.contains("错误"))
        // LC_ALL comes before LANG, and --lang before both.
        let overall = try AuditBinary.run(["validate", Self.invalid], environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"])
        #expect(overall.stdout.contains("错误[FH209]"))
        let explicit = try AuditBinary.run(["validate", "--lang", "en", Self.invalid],
                                           environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(explicit.stdout == english.stdout)
    }

    // MARK: - Colour and quiet

    @Test(arguments: ["1", ""])
    func noColourWithNoColorOrWithoutATerminal(_ noColor: String) throws {
        let outcome = try AuditBinary.run(["validate", Self.outputs], environment: ["NO_COLOR": noColor])
        #expect(outcome.status == 1)
        #expect(!outcome.stdout.isEmpty)
        #expect(!outcome.stdout.contains("\u{1B}"))
        #expect(!outcome.stderr.contains("\u{1B}"))
    }

    @Test func quietOnCleanInputPrintsNothing() throws {
        let outcome = try AuditBinary.run(["validate", "--quiet"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "")
    }

    @Test func quietStillPrintsTheProblems() throws {
        let quiet = try AuditBinary.run(["validate", "--quiet", Self.outputs])
        let full = try AuditBinary.run(["validate", Self.outputs])
        #expect(quiet.status == 1)
        // --quiet prints the problems and hints, and leaves out only the closing count line.
        let fullLines = full.stdout.split(separator: "\n")
        #expect(fullLines.last?.contains("checked") == true)
        #expect(quiet.stdout == fullLines.dropLast().joined(separator: "\n") + "\n")
    }

    // MARK: - audit schema

    @Test func schemaEqualsTheCommittedCopy() throws {
        let outcome = try AuditBinary.run(["schema"])
        #expect(outcome.status == 0)
        let committed = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(ChecklistSchema.committedPath),
                                   encoding: .utf8)
        #expect(outcome.stdout == committed)
    }

    /// Where the validator reads any plain scalar as text (a phone number, a year), the schema
    /// accepts it too, so editors do not flag valid checklists; an id keeps its pattern.
    @Test func schemaTakesBareNumbersAsText() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(AuditBinary.run(["schema"]).stdout.utf8)) as? [String: Any])
        let unit = try #require(((schema["properties"] as? [String: Any])?["unit"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((unit["contact"] as? [String: Any])?["type"] as? [String] == ["string", "number", "boolean"])
        // An id written bare may be a number or a boolean to an editor (410102, true); as text it keeps its pattern.
        let id = try #require((unit["id"] as? [String: Any])?["anyOf"] as? [[String: Any]])
        #expect(id.first?["type"] as? String == "string" && id.first?["pattern"] as? String == StringPattern.identifier.regex)
        #expect(id.dropFirst().map { $0["type"] as? String } == ["number", "boolean"])
        let report = ChecklistReader(catalogues: .builtIn).validate(
            Array(try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
                .replacingOccurrences(of: "  contact: 魏长林", with: "  contact: 13912345678").utf8),
            input: InputFile(path: "beiyuan-township.yaml", treeRoot: "."))
        #expect(!report.hasErrors)
    }

    // MARK: - audit new

    /// The template links the schema relatively wherever it is written inside the repository, so
    /// the link still works once committed; outside it, the path has to be absolute.
    @Test(arguments: [("checklists/a.yaml", "../schema/checklist.schema.json"),
                      ("/repo/checklists/town/a.yaml", "../../schema/checklist.schema.json"),
                      ("/repo/a.yaml", "schema/checklist.schema.json"),
                      ("/elsewhere/a.yaml", "/repo/schema/checklist.schema.json")])
    func templateLinksTheSchemaRelatively(_ destination: String, _ link: String) {
        #expect(ChecklistTemplate.schemaReference(from: destination, repositoryRoot: "/repo") == link)
    }

    @Test func newWritesATemplateAndRefusesToOverwrite() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("some-unit.yaml").path
            let first = try AuditBinary.run(["new", "some-unit", "--output", path])
            #expect(first.status == 0)
            #expect(first.stdout == "")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains("  id: some-unit "))
            #expect(written.hasPrefix("# yaml-language-server: $schema="))
            // Each comment says its Chinese, then its English: the list's note goes with each.
            #expect(written.contains("# 有一些学习娱乐健身等活动；可为空列表；没有时写 [] / study, recreation and fitness activities; "
                                     + "may be an empty list; write [] when there are none\n"))

            let second = try AuditBinary.run(["new", "some-unit", "--name", "别的单位", "--output", path, "--lang", "en"])
            #expect(second.status == 2)
            #expect(second.stderr.contains("refusing to overwrite"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
            // Its messages follow --lang, as every command's do; the template is in both languages.
            let chinese = try AuditBinary.run(["new", "some-unit", "--output", path, "--lang", "zh"])
            #expect(chinese.stderr.contains("已存在，不会覆盖"), "\(chinese.stderr)")
            let other = folder.appendingPathComponent("other-unit.yaml").path
            let wrote = try AuditBinary.run(["new", "other-unit", "--output", other, "--lang", "zh"])
            #expect(wrote.stderr == "已写入 \(other)\n")
        }
    }

    /// A unit id that is no id is a usage error that shows the pattern it must match.
    @Test func newRefusesABadUnitID() throws {
        let outcome = try AuditBinary.run(["new", "County_Weather", "--output", "-"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("unit id 'County_Weather' must match ^[a-z0-9][a-z0-9-]{0,62}$"))
        #expect(!outcome.stderr.contains("Optional"))
        // A name no checklist may hold is refused before a template is written with it.
        let long = try AuditBinary.run(["new", "some-unit", "--name", String(repeating: "名", count: 201), "--output", "-"])
        #expect(long.status == 2)
        #expect(long.stderr.contains("the name is 201 characters long, over the 200 a checklist allows"))
        // In Chinese with --lang zh; a category written by its Chinese name is named back.
        let chinese = try AuditBinary.run(["new", "County_Weather", "--lang", "zh", "--output", "-"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("单位编号“County_Weather”须符合 ^[a-z0-9][a-z0-9-]{0,62}$：只用小写字母、数字和“-”"), "\(chinese.stderr)")
        let category = try AuditBinary.run(["new", "some-unit", "--category", "部门", "--lang", "zh", "--output", "-"])
        #expect(category.status == 2)
        #expect(category.stderr.contains("类别“部门”不在可选之列，是不是 department？可选：department（县直部门）、township（乡镇）"), "\(category.stderr)")
        let english = try AuditBinary.run(["new", "some-unit", "--category", "部门", "--lang", "en", "--output", "-"])
        #expect(english.stderr.contains("category '部门' is not one of: department, township, institution, enterprise, community, other; did you mean department?"))
    }

    @Test func unfilledTemplateReportsEachPlaceholderAtItsLine() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("some-unit.yaml").path
            #expect(try AuditBinary.run(["new", "some-unit", "--output", path]).status == 0)
            let template = try String(contentsOfFile: path, encoding: .utf8)
            let placeholders = Self.placeholders(in: template)
            try #require(placeholders.count >= 10, "too few placeholders found: \(placeholders)")

            let outcome = try AuditBinary.run(["validate", "--format", "json", path])
            #expect(outcome.status == 1)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let files = try #require(document["files"] as? [[String: Any]])
            let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.allSatisfy { $0["code"] as? String == "FH203" })
            let reported = diagnostics.map { diagnostic in
                Placeholder(line: diagnostic["line"] as? Int ?? 0, column: diagnostic["column"] as? Int ?? 0,
                            key: (diagnostic["key_path"] as? String ?? "").split(separator: ".").last.map(String.init) ?? "",
                            section: "")
            }
            #expect(reported.map(\.line) == placeholders.map(\.line))
            #expect(reported.map(\.column) == placeholders.map(\.column))
            #expect(reported.map(\.key) == placeholders.map(\.key))
            for diagnostic in diagnostics {
                let message = try #require(diagnostic["message"] as? [String: String])
                #expect(message["en"]?.hasSuffix("is not filled in") == true)
                #expect(message["zh"]?.hasSuffix("未填写") == true)
            }
        }
    }

    @Test func filledTemplateValidates() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("some-unit.yaml").path
            #expect(try AuditBinary.run(["new", "some-unit", "--output", path]).status == 0)
            let template = try String(contentsOfFile: path, encoding: .utf8)
            var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for placeholder in Self.placeholders(in: template) {
                let value = try #require(Self.goodValues["\(placeholder.section).\(placeholder.key)"],
                                         "no test value for \(placeholder.section).\(placeholder.key)")
                let line = lines[placeholder.line - 1]
                let colon = try #require(line.firstIndex(of: ":"))
                lines[placeholder.line - 1] = String(line[...colon]) + " " + value + String(line[line.index(after: colon)...])
            }
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

            let outcome = try AuditBinary.run(["validate", path])
            #expect(outcome.status == 0, "\(outcome.stdout)")
            #expect(outcome.stdout.hasSuffix("1 checklist checked: 0 invalid, 0 errors, 0 warnings\n"))
        }
    }

    @Test func unknownCategoryIsAUsageError() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("some-unit.yaml").path
            let outcome = try AuditBinary.run(["new", "some-unit", "--category", "nonsense", "--output", path])
            #expect(outcome.status == Self.usageError)
            #expect(outcome.stderr.contains("nonsense"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func knownCategoryAndNameArePrefilled() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("some-unit.yaml").path
            let outcome = try AuditBinary.run(["new", "some-unit", "--name", "XX县档案馆", "--category", "institution", "--output", path])
            #expect(outcome.status == 0)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains("  name: \"XX县档案馆\" "))
            #expect(written.contains("  category: institution "))
            #expect(!Self.placeholders(in: written).contains { $0.key == "name" || $0.key == "category" })
        }
    }

    @Test func namesThatNeedQuotingStayNames() throws {
        try withTemporaryFolder { folder in
            for (index, name) in ["a: b # c", "[A]单位", "\"引号\"单位", "#1医院"].enumerated() {
                let path = folder.appendingPathComponent("unit-\(index).yaml").path
                _ = try AuditBinary.run(["new", "unit-\(index)", "--name", name, "--output", path])
                let outcome = try AuditBinary.run(["validate", "--format", "json", path])
                let data = Data(outcome.stdout.utf8)
                let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let files = try #require(json["files"] as? [[String: Any]])
                let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
                #expect(!diagnostics.contains { ($0["key_path"] as? String) == "unit.name" }, "name \(name) did not survive")
                #expect(!diagnostics.contains { ($0["code"] as? String) == "FH104" }, "name \(name) broke the YAML")
            }
        }
    }

    /// Run with no path in a folder without checklists/, each command says so plainly, and exits
    /// 2; validate still reports the missing folder in its results (FH100), where a CI looks.
    @Test func noChecklistsFolderHereIsSaidPlainly() throws {
        try withTemporaryFolder { folder in
            let message = "audit: there is no checklists/ folder here: run this from the folder that holds checklists/, "
                + "or name the checklists' folder or files after the command\n"
            let validate = try AuditBinary.run(["validate", "--lang", "en"], in: folder)
            #expect(validate.status == 2)
            #expect(validate.stderr == message)
            #expect(validate.stdout.contains("checklists:1:1: error[FH100]"))
            let sarif = try AuditBinary.run(["validate", "--format", "sarif"], in: folder)
            #expect(sarif.status == 2)
            let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            #expect(results.map { $0["ruleId"] as? String } == ["FH100"])
            let run = try AuditBinary.run(["run", "--lang", "zh"], in: folder)
            #expect(run.status == 2)
            #expect(run.stderr == "audit：当前文件夹下没有 checklists/：请在含有 checklists/ 的文件夹中运行，或在命令后写出清单所在的文件夹或文件\n")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports").path))
            let score = try AuditBinary.run(["score", "--lang", "en"], in: folder)
            #expect(score.status == 2)
            #expect(score.stderr == message)
        }
    }

    @Test func anEmptyFolderIsAnError() throws {
        try withTemporaryFolder { folder in
            let outcome = try AuditBinary.run(["validate", folder.path])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("no .yaml or .yml checklist found"))
        }
    }

    // MARK: - Helpers

    /// A required value the template leaves empty.
    struct Placeholder: Equatable {
        /// 1-based line and column of its key.
        var line: Int
        var column: Int
        var key: String
        /// The top-level key it sits under.
        var section: String
    }

    /// The template's empty placeholders: keys with nothing after the colon but a comment, which
    /// are not followed by more deeply indented lines (those are mappings and lists).
    static func placeholders(in template: String) -> [Placeholder] {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pattern = /^( *)(- )?([a-z0-9_]+):[ ]*(#.*)?$/
        var result: [Placeholder] = []
        var section = ""
        for (index, line) in lines.enumerated() {
            guard let match = line.wholeMatch(of: pattern) else { continue }
            let column = match.1.count + (match.2 == nil ? 0 : 2) + 1
            if match.1.isEmpty && match.2 == nil { section = String(match.3) }
            let next = lines[(index + 1)...].first { text in
                let trimmed = text.drop(while: { $0 == " " })
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
            let nextColumn = next.map { $0.prefix(while: { $0 == " " }).count + 1 } ?? 1
            if nextColumn > column { continue }
            result.append(Placeholder(line: index + 1, column: column, key: String(match.3), section: section))
        }
        return result
    }

    /// A good value for each placeholder, by top-level section and key.
    static let goodValues: [String: String] = [
        "unit.name": "XX县档案馆",
        "unit.category": "institution",
        "unit.total": "12",
        "inspection.date": "2022-06-15",
        "inspection.inspector": "李明",
        "venue.status": "dedicated",
        "venue.area_m2": "45",
        "equipment.item": "newspapers",
        "rules.kind": "venue-management",
        "rules.title": "老干部活动室管理制度",
        "activities.date": "2022-05-20",
        "activities.kind": "study",
        "funding.year": "2022",
        "funding.amount_yuan": "3000",
    ]

    /// Runs `body` with a fresh temporary folder, removed afterwards.
    func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }
}
