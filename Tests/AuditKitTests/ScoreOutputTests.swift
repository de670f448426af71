import Foundation
import Testing
@testable import AuditKit

/// `audit score` as a user or CI runs it: golden scorecards for three sample units in every format,
/// and the exit codes. The binary runs in the package root with relative paths, so the goldens
/// hold no machine-specific paths.
@Suite struct ScoreOutputTests {
    /// One compliant, one largely compliant and one non-compliant sample unit.
    static let units = ["xinhua-community", "county-agriculture-bureau", "beiyuan-township"]

    struct Case: Sendable, CustomTestStringConvertible {
        var unit: String
        var format: ScorecardFormat
        var language: Language
        var golden: String

        var testDescription: String { golden }
    }

    static let cases: [Case] = units.flatMap { unit in
        [
            Case(unit: unit, format: .text, language: .en, golden: "score/\(unit).en.txt"),
            Case(unit: unit, format: .text, language: .zh, golden: "score/\(unit).zh.txt"),
            Case(unit: unit, format: .markdown, language: .zh, golden: "score/\(unit).zh.md"),
            Case(unit: unit, format: .json, language: .en, golden: "score/\(unit).json"),
        ]
    }

    @Test func samplesCoverEveryGrade() throws {
        let grades = try Self.units.map { unit in
            let outcome = try AuditBinary.run(["score", "--format", "json", "checklists/\(unit).yaml"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let cards = try #require(document["scorecards"] as? [[String: Any]])
            return try #require(cards.first?["grade"] as? String)
        }
        #expect(grades == ["compliant", "largely-compliant", "non-compliant"])
    }

    @Test(arguments: cases)
    func goldenScorecard(_ test: Case) throws {
        let outcome = try AuditBinary.run(["score", "--format", test.format.rawValue, "--lang", test.language.rawValue,
                                           "checklists/\(test.unit).yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(!outcome.stdout.contains(TestPaths.packageRoot.path))
        if let mismatch = Golden.mismatch(outcome.stdout, golden: test.golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func jsonScorecardIsValidJSON() throws {
        let outcome = try AuditBinary.run(["score", "--format", "json", "checklists"])
        #expect(outcome.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let standard = try #require(document["standard"] as? [String: Any])
        #expect(standard["id"] as? String == "five-haves")
        #expect(standard["version"] as? String == "2022.1")
        let cards = try #require(document["scorecards"] as? [[String: Any]])
        #expect(cards.count == (try ScoringTests.bundledCards().count))
    }

    @Test func separateRunsPrintTheSame() throws {
        // Each process hashes with its own seed, so this catches output that follows dictionary order.
        let runs = try (0..<3).map { _ in try AuditBinary.run(["score", "--format", "json", "checklists"]).stdout }
        #expect(Set(runs).count == 1)
        let text = try (0..<3).map { _ in try AuditBinary.run(["score", "--lang", "zh", "checklists"]).stdout }
        #expect(Set(text).count == 1)
    }

    // MARK: - Exit codes

    @Test func failBelowCompliantFailsOnTheSamples() throws {
        let outcome = try AuditBinary.run(["score", "--lang", "en", "--fail-below", "compliant", "checklists"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "")
        // Every unit is still scored.
        #expect(outcome.stdout.contains("(beiyuan-township) — checklists/beiyuan-township.yaml"))
        #expect(outcome.stdout.contains("(yingbin-community) — checklists/yingbin-community.yaml"))
    }

    @Test func failBelowNonCompliantNeverFails() throws {
        let outcome = try AuditBinary.run(["score", "--fail-below", "non-compliant", "checklists"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
    }

    @Test func failBelowAGradeThatIsMetPasses() throws {
        let largely = "checklists/county-agriculture-bureau.yaml"
        #expect(try AuditBinary.run(["score", "--fail-below", "largely-compliant", largely]).status == 0)
        #expect(try AuditBinary.run(["score", "--fail-below", "compliant", largely]).status == 1)
        #expect(try AuditBinary.run(["score", "--fail-below", "largely-compliant", "checklists"]).status == 1)
    }

    @Test func invalidChecklistIsReportedAndTheOthersAreScored() throws {
        let folder = CommandLineTests.outputs
        let outcome = try AuditBinary.run(["score", "--lang", "en", folder])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(CommandLineTests.invalid):6:13: error[FH209]: \"institutoin\" is not an allowed value\n"))
        #expect(!outcome.stdout.contains("hillside-clinic"))
        #expect(outcome.stdout.contains("XX县图书馆 (river-valley-library) — \(CommandLineTests.valid)\n"))
        #expect(outcome.stdout.contains("(lakeside-cannery) — \(CommandLineTests.warningsOnly)\n"))
        // A valid checklist's own warnings do not stop it being scored, nor appear on standard error.
        #expect(!outcome.stderr.contains("warnings-only.yaml"))
    }

    /// Each error on standard error is followed by its hint, the last one too.
    @Test(arguments: Language.allCases)
    func everyErrorKeepsItsHint(_ language: Language) throws {
        let fixture = TestPaths.fixture("diagnostics/fh201-dedented-keys.yaml")
        let outcome = try AuditBinary.run(["score", "--lang", language.rawValue, fixture])
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let label = language == .zh ? "    提示：" : "    hint: "
        #expect(lines.count == 7 && lines.last == "")
        for (index, line) in lines.dropLast().enumerated() {
            #expect(line.hasPrefix(index % 2 == 0 ? fixture + ":" : label), "\(line)")
        }
        #expect(lines[5].contains("area_m2"))
    }

    @Test func missingPathExitsTwo() throws {
        let outcome = try AuditBinary.run(["score", "no-such-folder"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "audit: no such file or folder: no-such-folder\n")
    }
}
