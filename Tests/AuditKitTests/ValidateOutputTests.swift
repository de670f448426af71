import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AuditKit

/// Golden files for every output format of `audit validate`, rendered from the fixed fixture set in
/// `Fixtures/outputs` (a valid checklist, one with several errors, one with only warnings, and one
/// whose file name and values need escaping in every format). Paths are relative to the package
/// root, as when the command runs there, so the goldens hold no machine-specific paths.
@Suite struct ValidateOutputTests {
    /// The fixture folder, relative to the package root.
    static let folder = "Tests/AuditKitTests/Fixtures/outputs"

    /// One rendering that has a golden file.
    struct Case: Sendable, CustomTestStringConvertible {
        var format: ValidationOutputFormat
        var language: Language
        var strict: Bool
        var golden: String

        var arguments: [String] {
            var arguments = ["validate", ValidateOutputTests.folder, "--format", format.rawValue, "--lang", language.rawValue]
            if strict { arguments.append("--strict") }
            return arguments
        }

        var context: ValidationRenderContext { ValidationRenderContext(language: language, strict: strict) }

        var testDescription: String { golden }
    }

    static let cases: [Case] = [
        Case(format: .text, language: .en, strict: false, golden: "validate/text-en.txt"),
        Case(format: .text, language: .zh, strict: false, golden: "validate/text-zh.txt"),
        Case(format: .json, language: .en, strict: false, golden: "validate/json.json"),
        Case(format: .github, language: .en, strict: false, golden: "validate/github.txt"),
        Case(format: .github, language: .en, strict: true, golden: "validate/github-strict.txt"),
        Case(format: .sarif, language: .en, strict: false, golden: "validate/sarif.json"),
        Case(format: .junit, language: .en, strict: false, golden: "validate/junit.xml"),
        Case(format: .junit, language: .en, strict: true, golden: "validate/junit-strict.xml"),
    ]

    /// The fixture files, relative to the package root, in the order the run reports them.
    static let fixtureFiles = [
        "\(folder)/escape 100%, a&b 检查.yaml",
        "\(folder)/hillside-clinic.yaml",
        "\(folder)/river-valley-library.yaml",
        "\(folder)/warnings-only.yaml",
    ]

    /// Validates the fixture set through the ordinary pipeline, then shows every path relative to
    /// the package root, the way it reads when `audit validate` runs there.
    static func run() throws -> ValidationRun {
        let root = TestPaths.packageRoot.path + "/"
        let inputs = try InputDiscovery.files(in: [root + folder])
        var run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
        for index in run.reports.indices {
            run.reports[index].input.path = try #require(relative(run.reports[index].input.path, to: root))
            run.reports[index].input.treeRoot = folder
            for item in run.reports[index].diagnostics.indices {
                let file = run.reports[index].diagnostics[item].file
                run.reports[index].diagnostics[item].file = try #require(relative(file, to: root))
            }
        }
        return run
    }

    private static func relative(_ path: String, to root: String) -> String? {
        path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
    }

    // MARK: - The fixture set itself

    @Test func fixtureSetCoversEveryKindOfFile() throws {
        let run = try Self.run()
        #expect(run.reports.map(\.path) == Self.fixtureFiles)
        let codes = run.reports.map { report in report.diagnostics.map(\.code.rawValue) }
        #expect(codes == [
            ["FH405", "FH209", "FH201"],
            ["FH209", "FH202", "FH208", "FH201"],
            [],
            ["FH405", "FH403"],
        ])
        // The unknown key comes with a "did you mean" suggestion, the bad enum value too.
        let errors = run.reports[1].diagnostics
        #expect(errors.contains { $0.code == .unknownKey && $0.hint.en == "did you mean address?" })
        #expect(errors.contains { $0.code == .notInChoices && $0.hint.en.hasPrefix("did you mean institution?") })
        // The escaping fixture's values carry every character some format must escape.
        let escaped = run.reports[0].diagnostics.map(\.message.en).joined(separator: "\n")
        for needle in ["<", "&", "\"", "'", ">", "%", ",", ":", "\n", "检查"] {
            #expect(escaped.contains(needle), "no \(needle.debugDescription) in the escaping fixture's messages")
        }
    }

    // MARK: - Goldens

    @Test(arguments: cases)
    func matchesGolden(_ testCase: Case) throws {
        let output = testCase.format.render(try Self.run(), context: testCase.context)
        #expect(!output.contains(TestPaths.packageRoot.path), "machine path in the output")
        if let difference = Golden.mismatch(output, golden: testCase.golden) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    /// The built binary, run at the package root, prints exactly what the goldens hold (compared
    /// with the rendering that `matchesGolden` checks, so recording the goldens cannot race).
    @Test(arguments: cases)
    func binaryPrintsGolden(_ testCase: Case) throws {
        let outcome = try AuditBinary.run(testCase.arguments)
        let expected = testCase.format.render(try Self.run(), context: testCase.context)
        #expect(outcome.stdout == expected)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "")
    }

    @Test func goldensHoldNoAbsolutePaths() throws {
        for testCase in Self.cases {
            let text = try String(contentsOf: TestPaths.goldens.appendingPathComponent(testCase.golden), encoding: .utf8)
            #expect(!text.contains(TestPaths.packageRoot.path), "\(testCase.golden)")
            // No path starting at the file-system root: not as a property, an attribute, a JSON
            // value, nor at the start of a line.
            #expect(text.firstMatch(of: /(file=|=\"|: \")\/[^>]|(^|\n)\//) == nil, "\(testCase.golden)")
        }
    }

    // MARK: - Text

    @Test(arguments: [Language.en, .zh])
    func textIsOneLinePerDiagnosticWithHintAndCount(_ language: Language) throws {
        let run = try Self.run()
        let output = ValidationOutputFormat.text.render(run, context: ValidationRenderContext(language: language))
        #expect(output.hasSuffix("\n"))
        let lines = output.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 2 * run.diagnostics.count + 1)
        let pattern = /^(.+):([0-9]+):([0-9]+): (error|warning|错误|警告)\[(FH[0-9]{3})\]: (.+)$/
        for (index, diagnostic) in run.diagnostics.enumerated() {
            let match = try #require(lines[2 * index].wholeMatch(of: pattern), "\(lines[2 * index])")
            #expect(String(match.1) == diagnostic.file)
            #expect(Int(match.2) == diagnostic.line)
            #expect(Int(match.3) == diagnostic.column)
            #expect(String(match.4) == diagnostic.severity.label(language))
            #expect(String(match.5) == diagnostic.code.rawValue)
            #expect(lines[2 * index + 1].hasPrefix(language == .zh ? "    提示：" : "    hint: "))
        }
        let count = try #require(lines.last)
        #expect(count == (language == .zh
            ? "检查了 4 个清单：2 个无效，6 个错误，3 个警告"
            : "4 checklists checked: 2 invalid, 6 errors, 3 warnings"))
        // The line break inside the quoted value is shown, not printed.
        #expect(output.contains(#"a:b\n第二行"#))
    }

    @Test func textShowsControlCharactersAsEscapes() {
        #expect(Escaping.singleLine("plain 中文 <&>") == "plain 中文 <&>")
        #expect(Escaping.singleLine("a\nb\r\tc\u{1B}[31md\u{7F}\u{9B}") == #"a\nb\r\tc\x1B[31md\x7F\x9B"#)
        // A right-to-left override would show the rest of the line reversed; isolates and marks likewise.
        #expect(Escaping.singleLine("XX县\u{202E}lmay.txt\u{2066}a\u{2069}\u{200F}") == #"XX县\u202Elmay.txt\u2066a\u2069\u200F"#)
        #expect(Escaping.githubCommand("a\u{202E}b\u{2028}c") == #"a\u202Eb\u2028c"#)
        #expect(Escaping.singleLine("阿拉伯文 עברית") == "阿拉伯文 עברית")
    }

    @Test func textIsColouredOnlyWhenAsked() throws {
        let run = try Self.run()
        let plain = ValidationOutputFormat.text.render(run, context: ValidationRenderContext(language: .en))
        let coloured = ValidationOutputFormat.text.render(run, context: ValidationRenderContext(language: .en, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;31merror[FH209]\u{1B}[0m"))
        #expect(coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
    }

    @Test func quietTextOnCleanInputIsEmpty() throws {
        let run = try Self.run()
        let clean = ValidationRun(reports: run.reports.filter { $0.diagnostics.isEmpty })
        #expect(clean.reports.count == 1)
        let context = ValidationRenderContext(language: .en, quiet: true)
        #expect(ValidationOutputFormat.text.render(clean, context: context) == "")
        #expect(ValidationOutputFormat.text.render(clean, context: ValidationRenderContext(language: .en))
            == "1 checklist checked: 0 invalid, 0 errors, 0 warnings\n")
    }

    // MARK: - JSON

    @Test func jsonIsVersionedAndCountsAgree() throws {
        let run = try Self.run()
        let output = ValidationOutputFormat.json.render(run, context: ValidationRenderContext(language: .en))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let tool = try #require(document["tool"] as? [String: Any])
        #expect(tool["name"] as? String == ToolInfo.name)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["checklists"] as? Int == 4)
        #expect(summary["invalid"] as? Int == 2)
        #expect(summary["errors"] as? Int == 6)
        #expect(summary["warnings"] as? Int == 3)
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == Self.fixtureFiles)
        #expect(files.compactMap { $0["valid"] as? Bool } == [false, false, true, true])
        for file in files {
            let sha = try #require(file["sha256"] as? String)
            #expect(sha.count == 64)
            let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
            for diagnostic in diagnostics {
                #expect(diagnostic["file"] as? String == file["path"] as? String)
                #expect((diagnostic["line"] as? Int ?? 0) >= 1)
                #expect((diagnostic["column"] as? Int ?? 0) >= 1)
                let message = try #require(diagnostic["message"] as? [String: String])
                #expect(message["zh"]?.isEmpty == false && message["en"]?.isEmpty == false)
                let hint = try #require(diagnostic["hint"] as? [String: String])
                #expect(hint["zh"]?.isEmpty == false && hint["en"]?.isEmpty == false)
            }
        }
        // Values come back exactly as they were written, line break and all.
        let escaping = try #require(files.first?["diagnostics"] as? [[String: Any]])
        let messages = escaping.compactMap { ($0["message"] as? [String: String])?["en"] }
        #expect(messages.contains("\"<&\"'> 100%, a:b\n第二行\" is not an allowed value"))
    }

    // MARK: - SARIF

    @Test(arguments: [false, true])
    func sarifIsValidVersion210(_ strict: Bool) throws {
        let run = try Self.run()
        let output = ValidationOutputFormat.sarif.render(run, context: ValidationRenderContext(language: .en, strict: strict))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let sarifRun = try #require(runs.first)
        let tool = try #require(sarifRun["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == ToolInfo.name)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == DiagnosticCode.allCases.map(\.rawValue))
        for rule in rules {
            let help = try #require(rule["help"] as? [String: Any], "rule \(rule["id"] ?? "?") has no help")
            #expect((help["text"] as? String)?.isEmpty == false)
            let short = try #require(rule["shortDescription"] as? [String: Any])
            #expect((short["text"] as? String)?.isEmpty == false)
            let configuration = try #require(rule["defaultConfiguration"] as? [String: Any])
            #expect(["error", "warning"].contains(configuration["level"] as? String ?? ""))
        }
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == run.diagnostics.count)
        for (result, diagnostic) in zip(results, run.diagnostics) {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.contains(ruleID))
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs.indices.contains(ruleIndex) && ruleIDs[ruleIndex] == ruleID)
            #expect(result["level"] as? String == (strict || diagnostic.severity == .error ? "error" : "warning"))
            let message = try #require(result["message"] as? [String: Any])
            #expect((message["text"] as? String)?.hasPrefix(diagnostic.message.en) == true)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(URL(string: uri) != nil, "\(uri) is not a URI reference")
            #expect(uri.removingPercentEncoding == diagnostic.file)
            let region = try #require(physical["region"] as? [String: Any])
            let line = try #require(region["startLine"] as? Int)
            let column = try #require(region["startColumn"] as? Int)
            #expect(line >= 1 && column >= 1)
            #expect(line == diagnostic.line && column == diagnostic.column)
        }
    }

    // MARK: - GitHub

    @Test(arguments: [false, true])
    func githubCommandsParseBack(_ strict: Bool) throws {
        let run = try Self.run()
        let output = ValidationOutputFormat.github.render(run, context: ValidationRenderContext(language: .en, strict: strict))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == run.diagnostics.count)
        let pattern = /^::(error|warning) ([^:]*)::(.*)$/
        for (line, diagnostic) in zip(lines, run.diagnostics) {
            let match = try #require(line.wholeMatch(of: pattern), "\(line)")
            #expect(String(match.1) == (strict || diagnostic.severity == .error ? "error" : "warning"))
            var properties: [String: String] = [:]
            for property in match.2.split(separator: ",") {
                let pair = property.split(separator: "=", maxSplits: 1).map(String.init)
                try #require(pair.count == 2, "\(property)")
                properties[pair[0]] = Self.githubUnescape(pair[1])
            }
            #expect(properties["file"] == diagnostic.file)
            #expect(properties["line"] == String(diagnostic.line))
            #expect(properties["col"] == String(diagnostic.column))
            #expect(properties["title"]?.hasPrefix(diagnostic.code.rawValue + " ") == true)
            let message = Self.githubUnescape(String(match.3))
            #expect(message == diagnostic.message.en + "\nHint: " + diagnostic.hint.en)
        }
    }

    /// The inverse of the workflow-command escaping, as the Actions runner applies it.
    static func githubUnescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    // MARK: - JUnit

    @Test(arguments: [false, true])
    func junitIsWellFormedWithOneCasePerChecklist(_ strict: Bool) throws {
        let run = try Self.run()
        let output = ValidationOutputFormat.junit.render(run, context: ValidationRenderContext(language: .en, strict: strict))
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(output.utf8))
        parser.delegate = reader
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML: \(String(describing: parser.parserError))")
        let failing = strict ? 3 : 2
        #expect(reader.testcases.map(\.name) == Self.fixtureFiles)
        #expect(reader.testcases.map(\.file) == Self.fixtureFiles)
        #expect(reader.testcases.map(\.failures) == (strict ? [1, 1, 0, 1] : [1, 1, 0, 0]))
        for element in ["testsuites", "testsuite"] {
            let attributes = try #require(reader.attributes[element])
            #expect(attributes["tests"] == "4")
            #expect(attributes["failures"] == String(failing))
            #expect(attributes["errors"] == "0")
        }
        // Failure text and messages come back unescaped, with the quoted line break intact.
        let firstMessage = strict
            ? "2 errors, 1 warning: file name escape 100%, a&b 检查.yaml does not match unit.id escape-test"
            : "2 errors: \"<&\"'> 100%, a:b\n第二行\" is not an allowed value"
        #expect(reader.failureMessages.first == firstMessage)
        #expect(reader.failureTypes == (strict ? ["FH405", "FH209", "FH405"] : ["FH209", "FH209"]))
        #expect(reader.text.contains("unknown key 备注<&>, 50%: x"))
    }
}

/// Collects what the JUnit tests check from an XML parse.
private final class JUnitReader: NSObject, XMLParserDelegate {
    struct TestCase { var name: String; var file: String; var failures: Int }
    var testcases: [TestCase] = []
    var attributes: [String: [String: String]] = [:]
    var failureMessages: [String] = []
    var failureTypes: [String] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "testsuites", "testsuite":
            attributes[elementName] = attributeDict
        case "testcase":
            testcases.append(TestCase(name: attributeDict["name"] ?? "", file: attributeDict["file"] ?? "", failures: 0))
        case "failure":
            if !testcases.isEmpty { testcases[testcases.count - 1].failures += 1 }
            failureMessages.append(attributeDict["message"] ?? "")
            failureTypes.append(attributeDict["type"] ?? "")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

/// A JUnit failure's message counts what it holds by severity, as a CI page shows it.
@Suite struct JUnitCountTests {
    static func diagnostics(_ code: DiagnosticCode, _ count: Int) -> [Diagnostic] {
        (0..<count).map { _ in
            Diagnostic(code: code, file: "a.yaml", mark: Mark(line: 1, column: 1), keyPath: "",
                       message: .init(zh: "消息", en: "message"), hint: .init(zh: "提示", en: "hint"))
        }
    }

    @Test func errorsAndWarningsAreCountedApart() {
        #expect(DiagnosticCode.unknownKey.severity == .error && DiagnosticCode.fileNameMismatch.severity == .warning)
        let both = Self.diagnostics(.unknownKey, 15) + Self.diagnostics(.fileNameMismatch, 7)
        #expect(JUnitRenderer.count(both, .en) == "15 errors, 7 warnings")
        #expect(JUnitRenderer.count(both, .zh) == "15 个错误、7 个警告")
        #expect(JUnitRenderer.count(Self.diagnostics(.unknownKey, 1), .en) == "1 error")
        #expect(JUnitRenderer.count(Self.diagnostics(.fileNameMismatch, 1), .en) == "1 warning")
    }
}
