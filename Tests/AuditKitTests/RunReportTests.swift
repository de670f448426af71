import Foundation
import Testing
@testable import AuditKit

/// The fixed checklist sets of `Fixtures/run` and what `audit run` makes of them.
///
/// `round2` holds a compliant township, a largely compliant department, a non-compliant township, a
/// new non-compliant enterprise, a small encouraged unit, and one invalid checklist; the units sit in
/// two townships. `round1` is the round before: the same units with other scores, plus one unit that
/// is gone by round 2.
enum RunFixtures {
    /// The fixture folder, relative to the package root.
    static let root = "Tests/AuditKitTests/Fixtures/run"
    static let round1 = "\(root)/round1"
    static let round2 = "\(root)/round2"
    static let hostile = "\(root)/hostile"
    /// The invalid checklist of round 2.
    static let invalid = "\(round2)/baishui-township.yaml"

    /// The units scored in round 2, by id.
    static let round2Units = ["county-archives", "county-culture-bureau", "qinghe-town", "shitou-supply-coop", "shitou-township"]
    /// The summary files every run and rollup writes.
    static let summaryFiles = ["rectifications.csv", "summary.csv", "summary.html", "summary.json", "summary.md"]

    /// Every file `audit run` writes for round 2, the list of outputs included.
    static var round2Files: [String] {
        ([ReportWriter.manifestName] + summaryFiles + round2Units.map { "units/\($0).md" }).sorted()
    }

    /// Runs the built binary at the package root (or in `directory`), so paths print as given.
    static func audit(_ arguments: [String], in directory: URL = TestPaths.packageRoot) throws -> AuditBinary.Outcome {
        try AuditBinary.run(arguments, in: directory)
    }

    /// Compares each of `names` (paths inside `files`) with the golden `folder/name`.
    static func expectGoldens(_ files: [String: [UInt8]], _ names: [String], folder: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for name in names {
            guard let bytes = files[name] else {
                Issue.record("\(name) was not written", sourceLocation: sourceLocation)
                continue
            }
            if let difference = ByteGolden.mismatch(bytes, golden: "\(folder)/\(name)") {
                Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
            }
        }
    }

    /// Expects no file of `files` to name a machine path: the package root or the temporary folder.
    static func expectNoMachinePaths(_ files: [String: [UInt8]], temporary: TemporaryFolder,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(TestPaths.packageRoot.path), "\(name) names the package root", sourceLocation: sourceLocation)
            #expect(!text.contains(temporary.path), "\(name) names the temporary folder", sourceLocation: sourceLocation)
        }
    }

    /// Decodes a summary.json.
    static func summary(_ bytes: [UInt8]?, sourceLocation: SourceLocation = #_sourceLocation) throws -> SummaryDocument {
        let bytes = try #require(bytes, "no summary.json", sourceLocation: sourceLocation)
        return try Rollup.decode(bytes, path: "summary.json").document
    }

    /// A copy of `bytes` (a summary.json) scored under another version of the standard.
    static func withStandardVersion(_ version: String, _ bytes: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let original = "\"version\" : \"2022.1\""
        try #require(text.components(separatedBy: original).count == 2, "the standard's version appears once")
        return Array(text.replacingOccurrences(of: original, with: "\"version\" : \"\(version)\"").utf8)
    }
}

/// Goldens for every report `audit run` writes (except `summary.html`, whose rendering is checked
/// only for being there and for escaping), for a baseline comparison and for rollups.
@Suite struct RunReportTests {
    // MARK: - One round

    @Test func roundTwoInEnglishMatchesGoldens() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(outcome.status == 1, "an invalid checklist makes the run exit 1 after writing")
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("\(RunFixtures.invalid):10:12: error[FH205]"))
        #expect(outcome.stderr.contains("\(RunFixtures.invalid):12:9: error[FH208]"))

        let files = try FileTree.files(in: out)
        #expect(files.keys.sorted() == RunFixtures.round2Files)
        let golden = ["rectifications.csv", "summary.csv", "summary.json", "summary.md"] + RunFixtures.round2Units.map { "units/\($0).md" }
        RunFixtures.expectGoldens(files, golden, folder: "run/round2-en")
        #expect(ByteGolden.names(under: "run/round2-en/units") == RunFixtures.round2Units.map { "\($0).md" },
                "no golden scorecard without a unit")
        RunFixtures.expectNoMachinePaths(files, temporary: temporary)
        let html = try #require(files["summary.html"])
        #expect(!html.isEmpty)

        let manifest = String(decoding: try #require(files[ReportWriter.manifestName]), as: UTF8.self)
        #expect(manifest == RunFixtures.round2Files.filter { $0 != ReportWriter.manifestName }.joined(separator: "\n") + "\n")
    }

    @Test func roundTwoInChineseMatchesGoldens() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "zh"])
        #expect(outcome.status == 1)
        let files = try FileTree.files(in: out)
        #expect(files.keys.sorted() == RunFixtures.round2Files)
        RunFixtures.expectGoldens(files, ["summary.csv", "summary.md"], folder: "run/round2-zh")
        RunFixtures.expectNoMachinePaths(files, temporary: temporary)
    }

    @Test func invalidChecklistIsListedAndLeftOutOfTheFigures() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(outcome.status == 1)
        let document = try RunFixtures.summary(try? FileTree.bytes(out + "/summary.json"))

        #expect(document.invalid.map(\.path) == [RunFixtures.invalid])
        #expect(document.invalid.first?.diagnostics.map(\.code) == ["FH205", "FH208"])
        #expect(document.invalid.first?.diagnostics.map(\.line) == [10, 12])
        #expect(document.figures.invalid == 1)
        #expect(document.figures.units == 5)
        #expect(document.units.map(\.unitID).sorted() == RunFixtures.round2Units)
        #expect(!document.units.contains { $0.unitID == "baishui-township" })
        #expect(!document.byTownship.contains { $0.name == "白水乡" }, "the invalid unit's township has no figures")
        let input = try #require(document.inputs.first { $0.path == RunFixtures.invalid })
        #expect(!input.valid)
        #expect(input.unitID == nil)
        #expect(document.inputs.count == 6)
        #expect(document.inputs.filter(\.valid).count == 5)

        let markdown = try FileTree.text(out + "/summary.md")
        #expect(markdown.contains("## Invalid checklists (left out of the figures)\n\n### `\(RunFixtures.invalid)`\n\n- 10:12 error[FH205]"))
        #expect(markdown.contains("| Invalid checklists (left out) | 1 |"))
        #expect(markdown.contains("| Units audited | 5 |"))
    }

    /// With no valid checklist the reports say so, rather than that every unit earns full points,
    /// and show no 0% or 0 average that would read as a finding.
    @Test func noValidChecklistIsSaidSo() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", TestPaths.fixture("schema-invalid"), "--out", out, "--lang", "en"])
        #expect(outcome.status == 1)
        let files = try FileTree.files(in: out)
        for name in ["summary.md", "summary.html"] {
            let text = String(decoding: try #require(files[name]), as: UTF8.self)
            #expect(!text.contains("Every unit earns full points"), "\(name)")
            #expect(!text.contains("Nothing to rectify"), "\(name)")
            #expect(text.components(separatedBy: "No unit could be scored.").count - 1 >= 3, "\(name)")
        }
        let markdown = String(decoding: try #require(files["summary.md"]), as: UTF8.self)
        #expect(markdown.contains("| Compliance rate of required units | – (0/0) |"))
        #expect(markdown.contains("| Average score (all units) | – |"))
        #expect(!markdown.contains("| 0% |"))
    }

    @Test func figuresOfRoundTwo() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        let document = try RunFixtures.summary(try? FileTree.bytes(out + "/summary.json"))
        let figures = document.figures
        // Required units have 20 retirees or more: all but the archives (9).
        #expect(figures.required == 4)
        #expect(figures.compliantRequired == 1)
        #expect(figures.largelyCompliantRequired == 1)
        #expect(figures.complianceRate == 0.25)
        // (100 + 79.7 + 73.7 + 48.9 + 35) / 5 = 67.46
        #expect(figures.averageScore == 67.5)
        #expect(figures.grades == ["compliant": 1, "largely-compliant": 2, "non-compliant": 2])
        #expect(document.asOf == "2023-06-13")
        #expect(document.rounds == ["2023-H1"])
        #expect(document.byTownship.map(\.name) == ["清河镇", "石头乡"])
        #expect(document.byTownship.map(\.units) == [3, 2])
        #expect(document.units.map(\.rank) == [1, 2, 3, 4, 5])
        let archives = try #require(document.units.first { $0.unitID == "county-archives" })
        #expect(!archives.required)
        #expect(archives.grade == "largely-compliant")
    }

    /// Townships read in pinyin order (character code would put 东 before 北), units without a
    /// township last; categories in the format's order.
    @Test func groupsAreInTheOrderAReaderLooksThemUp() {
        let places: [(String?, String)] = [("东关镇", "township"), ("北塬乡", "community"), (nil, "other"), ("南山镇", "department"),
                                           ("城关镇", "enterprise"), ("河西乡", "mystery"), ("北塬乡", "department")]
        let units = places.enumerated().map { index, place in
            SummaryDocument.UnitRow(rank: index + 1, unitID: "u\(index)", name: "u\(index)", category: place.1, township: place.0,
                                    region: nil, retirees: 30, required: true, score: 50, grade: "non-compliant",
                                    inspectionDate: "2023-06-01", haves: [], actions: 0, liftCriteria: [])
        }
        let townships = SummaryBuilder.groups(units, language: .zh) { $0.township }
        #expect(townships.map(\.name) == ["北塬乡", "城关镇", "东关镇", "河西乡", "南山镇", "（未填写）"])
        #expect(townships.map(\.units) == [2, 1, 1, 1, 1, 1])
        let categories = SummaryBuilder.groups(units, language: .en, order: NameOrder.categoryPrecedes) { $0.category }
        #expect(categories.map(\.name) == ["department", "township", "enterprise", "community", "other", "mystery"])
    }

    // MARK: - Baseline

    @Test func baselineComparisonMatchesGoldens() throws {
        let temporary = try TemporaryFolder()
        let before = temporary.path("round1")
        let first = try RunFixtures.audit(["run", RunFixtures.round1, "--out", before, "--lang", "en"])
        #expect(first.status == 0)
        let out = temporary.path("round2")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en",
                                             "--baseline", before + "/summary.json"])
        #expect(outcome.status == 1)
        let files = try FileTree.files(in: out)
        RunFixtures.expectGoldens(files, ["summary.json", "summary.md"], folder: "run/baseline")
        RunFixtures.expectNoMachinePaths(files, temporary: temporary)

        let document = try RunFixtures.summary(files["summary.json"])
        let changes = try #require(document.changes)
        #expect(changes.becameCompliant == ["qinghe-town"])
        #expect(changes.slipped == ["shitou-township"])
        #expect(changes.newUnits == ["shitou-supply-coop"])
        #expect(changes.goneUnits == ["old-grain-depot"])
        #expect(changes.baselineAsOf == "2022-12-14")
        #expect(changes.complianceRate.before == 0)
        #expect(changes.complianceRate.after == 0.25)
        #expect(changes.averageScore.before == 46.4)
        #expect(changes.averageScore.after == 67.5)
        #expect(changes.units.map(\.unitID) == ["qinghe-town", "county-culture-bureau", "county-archives", "shitou-township"])
        #expect(changes.units.map(\.delta) == [19, 45.3, 42.8, -37])
        #expect(changes.haveMetShare["activities"]?.before == 0.2)
        #expect(changes.haveMetShare["activities"]?.after == 0.6)
    }

    /// A unit whose checklist broke since the baseline is not gone: it is listed as invalid and not
    /// compared, so the county does not look better for losing a weak unit's figures unseen.
    @Test func unitWithAnInvalidChecklistIsNotGone() throws {
        let temporary = try TemporaryFolder()
        let before = temporary.path("round1")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", before, "--lang", "en"]).status == 0)
        let round = temporary.path("round2-in")
        try FileManager.default.copyItem(atPath: RunFixtures.round2, toPath: round)
        let archives = round + "/county-archives.yaml"
        let text = try String(contentsOfFile: archives, encoding: .utf8)
        try text.replacingOccurrences(of: "total: 9", with: "total: 九").write(toFile: archives, atomically: true, encoding: .utf8)
        let out = temporary.path("round2")
        let outcome = try RunFixtures.audit(["run", round, "--out", out, "--lang", "en", "--baseline", before + "/summary.json"])
        #expect(outcome.status == 1)
        let files = try FileTree.files(in: out)
        let changes = try #require(try RunFixtures.summary(files["summary.json"]).changes)
        #expect(changes.goneUnits == ["old-grain-depot"])
        #expect(changes.invalidUnits == ["county-archives"])
        for name in ["summary.md", "summary.html"] {
            let report = String(decoding: try #require(files[name]), as: UTF8.self)
            #expect(report.contains("Invalid this round, not compared"), "\(name)")
        }
        // A checklist that no longer parses claims no id: it is known by its file's name.
        try "format: five-haves/1\nunit:\n\tid: county-culture-bureau\n".write(toFile: round + "/county-culture-bureau.yaml",
                                                                               atomically: true, encoding: .utf8)
        let broken = try RunFixtures.audit(["run", round, "--out", out, "--lang", "en", "--baseline", before + "/summary.json"])
        #expect(broken.status == 1)
        let again = try #require(try RunFixtures.summary(try FileTree.files(in: out)["summary.json"]).changes)
        #expect(again.invalidUnits == ["county-culture-bureau", "county-archives"])
        #expect(again.goneUnits == ["old-grain-depot"])
    }

    /// The Chinese comparison speaks of percentage points in Chinese, in Markdown and HTML alike.
    @Test func chineseBaselineComparisonSaysPercentagePoints() throws {
        let temporary = try TemporaryFolder()
        let before = temporary.path("round1")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", before, "--lang", "zh"]).status == 0)
        let out = temporary.path("round2")
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "zh", "--baseline", before + "/summary.json"])
        let files = try FileTree.files(in: out)
        for name in ["summary.md", "summary.html"] {
            let text = String(decoding: try #require(files[name]), as: UTF8.self)
            #expect(text.contains("+25 个百分点"), "\(name)")
            #expect(!text.contains(" pt"), "\(name)")
        }
    }

    @Test func baselineThatIsNotASummaryExitsTwo() throws {
        let temporary = try TemporaryFolder()
        // Another JSON file the tool writes: validation results.
        let validation = try RunFixtures.audit(["validate", RunFixtures.round1, "--format", "json"])
        #expect(validation.status == 0)
        let other = temporary.path("validation.json")
        try FileTree.write(Array(validation.stdout.utf8), to: other)
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", other, "--lang", "en"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "audit: \(other) is not a summary.json written by `audit run`\n")
        // Cut short, it is not JSON at all, and the message says so, in the language asked for.
        try FileTree.write(Array(validation.stdout.utf8.prefix(200)), to: other)
        let cut = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", other, "--lang", "zh"])
        #expect(cut.status == 2)
        // Where the JSON breaks: here, where the file does.
        let lines = String(decoding: validation.stdout.utf8.prefix(200), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(cut.stderr == "audit：\(other) 不是有效的 JSON：第 \(lines.count) 行第 \(lines.last!.count + 1) 列，文件在 JSON 结束前就结束了"
                + "（可能被截断或改动过）；请换用原样保存的副本，或用它所依据的清单以 audit run 重新生成\n")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
    }

    /// A summary edited by hand into figures no run writes is refused, as a baseline (which would
    /// show a rate of -750 % or a change of minus infinity) and in a rollup, and names the figure.
    @Test func summaryWithImpossibleFiguresIsRefused() throws {
        let temporary = try TemporaryFolder()
        let first = try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("round1"), "--lang", "en"])
        #expect(first.status == 0)
        let summary = try RunFixtures.summary(FileTree.bytes(temporary.path("round1/summary.json")))
        var edited = summary
        edited.figures.complianceRate = -7.5
        var scored = summary
        scored.units[0].score = 1e308
        var counted = summary
        counted.figures.grades["compliant"] = -1
        var retirees = summary
        retirees.units[0].retirees = -3
        var graded = summary
        graded.units[0].grade = "excellent"
        var whole = summary
        whole.figures.complianceRate = 5
        var region = summary
        region.byCategory[1].units = -2
        var points = summary
        points.units[1].haves[2].points = points.units[1].haves[2].weight + 1
        let unit = summary.units[0].unitID
        let have = summary.units[1].haves[2]
        // Rows by their place, as the other refusals' key paths are, with the name to find them by;
        // numbers as the JSON writes them.
        for (document, figure) in [(edited, "figures.compliance_rate = -7.5"), (scored, "units[0].score = 1e+308 (\(unit))"),
                                   (counted, "figures.grades.compliant = -1"), (retirees, "units[0].retirees = -3 (\(unit))"),
                                   (graded, "units[0].grade = excellent (\(unit))"), (whole, "figures.compliance_rate = 5"),
                                   (region, "by_category[1].units = -2 (\(summary.byCategory[1].name))"),
                                   (points, "units[1].haves[2].points = \(Value.format(have.weight + 1)) "
                                        + "(\(summary.units[1].unitID), \(have.id), weight \(Value.format(have.weight)))")] {
            let path = temporary.path("edited.json")
            try FileTree.write(Array(JSONOutput.encode(document).utf8), to: path)
            let out = temporary.path("out")
            let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", path, "--lang", "en"])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("\(path) holds \(figure), outside any possible range"), "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
            let rollup = try RunFixtures.audit(["rollup", path, "--out", out, "--lang", "en"])
            #expect(rollup.status == 2)
            #expect(rollup.stderr.contains("holds \(figure), outside any possible range"), "\(rollup.stderr)")
        }
        // In Chinese, what a figure belongs to is Chinese too.
        let path = temporary.path("edited.json")
        try FileTree.write(Array(JSONOutput.encode(points).utf8), to: path)
        let chinese = try RunFixtures.audit(["rollup", path, "--out", temporary.path("out"), "--lang", "zh"])
        #expect(chinese.stderr.hasPrefix("audit：\(path) 中的 units[1].haves[2].points = \(Value.format(have.weight + 1))"
                                         + "（\(summary.units[1].unitID)，\(have.id)，权重 \(Value.format(have.weight))） 超出可能的范围"),
                "\(chinese.stderr)")
        #expect(Rollup.implausibleFigure(summary) == nil)
    }

    /// A baseline round that scored no unit measured no rate, average or share: the comparison
    /// shows a dash before and for the change, and summary.json null, not a rise from 0.
    @Test func baselineThatScoredNoUnitIsNotComparedAsZero() throws {
        let temporary = try TemporaryFolder()
        let invalid = temporary.path("invalid")
        try FileTree.write(Array("format: five-haves/1\n".utf8), to: invalid + "/x.yaml")
        let first = try RunFixtures.audit(["run", invalid, "--out", temporary.path("before"), "--lang", "en"])
        #expect(first.status == 1)
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline",
                                             temporary.path("before/summary.json"), "--lang", "en"])
        #expect(outcome.status == 1, "round 2 holds an invalid checklist")
        let markdown = try FileTree.text(out + "/summary.md")
        #expect(markdown.contains("| Compliance rate | – | 25% | – |"), "\(markdown)")
        #expect(markdown.contains("| Average score | – | 67.5 | – |"))
        #expect(markdown.contains("| A venue for study and activities | – | 80% | – |"))
        let changes = try #require(try RunFixtures.summary(FileTree.bytes(out + "/summary.json")).changes)
        #expect(changes.complianceRate.before == nil && changes.complianceRate.after != nil)
        #expect(changes.averageScore.before == nil && changes.haveMetShare.values.allSatisfy { $0.before == nil })
        #expect(try FileTree.text(out + "/summary.json").contains("\"before\" : null"))
    }

    @Test func baselineUnderAnotherStandardVersionExitsTwo() throws {
        let temporary = try TemporaryFolder()
        let before = temporary.path("round1")
        _ = try RunFixtures.audit(["run", RunFixtures.round1, "--out", before, "--lang", "en"])
        let edited = temporary.path("edited/summary.json")
        try FileTree.write(try RunFixtures.withStandardVersion("2023.9", try FileTree.bytes(before + "/summary.json")), to: edited)
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", edited])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("audit: the baseline \(edited) was scored under five-haves 2023.9, not five-haves 2022.1"))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
    }

    // MARK: - Rollups

    /// Runs round 1 into `west-county/` and round 2 into `east-county/` of `temporary`.
    static func twoCounties(in temporary: TemporaryFolder) throws {
        _ = try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("west-county"), "--lang", "en"])
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("east-county"), "--lang", "en"])
    }

    @Test func rollupOfTwoCountiesMatchesGoldens() throws {
        let temporary = try TemporaryFolder()
        try Self.twoCounties(in: temporary)
        let outcome = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                             "--out", "rollup", "--lang", "en"], in: temporary.url)
        #expect(outcome.status == 0)
        // The counties were run without --region: each goes by its folder's name, and is told so.
        #expect(outcome.stderr == "note: east-county/summary.json has no region (it was written without --region), so its units are listed under \"east-county\"\n"
                + "note: west-county/summary.json has no region (it was written without --region), so its units are listed under \"west-county\"\n"
                + "wrote rollup/: 10 units from 2 summaries\n")
        let zh = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                        "--out", "rollup-zh/", "--lang", "zh"], in: temporary.url)
        // A summary named from inside its folder goes by the folder's own name, not ".".
        let inside = try RunFixtures.audit(["rollup", "./summary.json", "../west-county/summary.json", "--out", "../inside", "--lang", "en"],
                                           in: temporary.url.appendingPathComponent("east-county"))
        #expect(inside.status == 0)
        #expect(inside.stderr.hasPrefix("note: ./summary.json has no region (it was written without --region), so its units are listed under \"east-county\"\n"),
                "\(inside.stderr)")
        #expect(zh.stderr == "注意：east-county/summary.json 没有地区名（生成时未用 --region），其单位记在“east-county”名下\n"
                + "注意：west-county/summary.json 没有地区名（生成时未用 --region），其单位记在“west-county”名下\n"
                + "已写入 rollup-zh/：2 份汇总，共 10 个单位\n")
        let quiet = try RunFixtures.audit(["rollup", "east-county/summary.json", "--out", "quiet", "--quiet"], in: temporary.url)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
        let files = try FileTree.files(in: temporary.path("rollup"))
        #expect(files.keys.sorted() == ([ReportWriter.manifestName] + RunFixtures.summaryFiles).sorted(), "a rollup writes no scorecards")
        RunFixtures.expectGoldens(files, ["rectifications.csv", "summary.csv", "summary.json", "summary.md"], folder: "run/rollup")
        RunFixtures.expectNoMachinePaths(files, temporary: temporary)

        let document = try RunFixtures.summary(files["summary.json"])
        #expect(document.byRegion.map(\.name) == ["east-county", "west-county"])
        #expect(document.byRegion.map(\.units) == [5, 5])
        #expect(document.figures.units == 10)
        #expect(document.figures.required == 8)
        #expect(document.figures.compliantRequired == 1)
        #expect(document.figures.invalid == 1)
        #expect(document.inputs.map(\.path) == ["east-county/summary.json", "west-county/summary.json"])
        #expect(document.rounds == ["2022-H2", "2023-H1"])
        // Every criterion applies to the units of both counties, whether or not one county misses it.
        for row in document.mostMissed where row.criterion != "A2" {
            #expect(row.applicable == 10, "\(row.criterion)")
        }
        #expect(document.mostMissed.first { $0.criterion == "A2" }?.applicable == 4, "party life applies to units with a party branch")
        // Actions follow the combined ranking and say which county they belong to.
        let ranks = Dictionary(document.units.map { (($0.region ?? "") + "/" + $0.unitID, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let actionRanks = try document.rectifications.map { try #require(ranks[($0.region ?? "") + "/" + $0.unitID]) }
        #expect(actionRanks == actionRanks.sorted())
    }

    @Test func rollupOfMixedStandardVersionsExitsTwo() throws {
        let temporary = try TemporaryFolder()
        try Self.twoCounties(in: temporary)
        let edited = try RunFixtures.withStandardVersion("2023.9", try FileTree.bytes(temporary.path("west-county/summary.json")))
        try FileTree.write(edited, to: temporary.path("north-county/summary.json"))
        let outcome = try RunFixtures.audit(["rollup", "east-county/summary.json", "north-county/summary.json",
                                             "--out", "rollup", "--lang", "en"], in: temporary.url)
        #expect(outcome.status == 2)
        // Each standard with the summaries under it: among many counties, the odd one is named.
        #expect(outcome.stderr.hasPrefix("audit: the summaries use different standards "
                                         + "(five-haves 2022.1: east-county/summary.json; five-haves 2023.9: north-county/summary.json)"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("rollup")), "nothing is written")
    }

    /// A summary with a key deleted, a value of the wrong kind, or a unit listed twice is refused
    /// by name, as a baseline and in a rollup, rather than as "not a summary".
    @Test func summaryEditedOutOfShapeIsRefusedByKey() throws {
        let temporary = try TemporaryFolder()
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("round1"), "--lang", "en"]).status == 0)
        let text = try FileTree.text(temporary.path("round1/summary.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var units = try #require(object["units"] as? [[String: Any]])
        func edited(_ change: (inout [String: Any]) -> Void) throws -> String {
            var copy = object
            change(&copy)
            return String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self)
        }
        let unit = try #require(units[0]["unit_id"] as? String)
        units.append(units[0])
        let cases: [(String, String)] = [
            (try edited { $0["figures"] = nil }, "lacks figures, so it is not a whole summary.json"),
            (try edited { $0["version"] = nil }, "lacks version, so it is not a whole summary.json"),
            (try edited { var rows = $0["units"] as! [[String: Any]]; rows[1]["score"] = nil; $0["units"] = rows },
             "lacks units[1].score, so it is not a whole summary.json"),
            (try edited { var rows = $0["units"] as! [[String: Any]]; rows[0]["retirees"] = "many"; $0["units"] = rows },
             "holds the wrong kind of value at units[0].retirees, where `audit run` writes a whole number (edited?); "
                + "use a copy kept as it was written, or write it again with `audit run` from the checklists it came from"),
            // Each kind named for what belongs there.
            (try edited { var rows = $0["units"] as! [[String: Any]]; rows[0]["unit_id"] = 5; $0["units"] = rows },
             "holds the wrong kind of value at units[0].unit_id, where `audit run` writes text (in quotes)"),
            (try edited { var rows = $0["units"] as! [[String: Any]]; rows[0]["score"] = "80"; $0["units"] = rows },
             "holds the wrong kind of value at units[0].score, where `audit run` writes a number"),
            (try edited { $0["units"] = "all" }, "holds the wrong kind of value at units, where `audit run` writes a list ([…])"),
            (try edited { $0["figures"] = 3 }, "holds the wrong kind of value at figures, where `audit run` writes an object ({…})"),
            // A fraction or an overflow where a whole number belongs: Foundation alone names no key.
            (try edited { var rows = $0["units"] as! [[String: Any]]; rows[0]["retirees"] = 2.5; $0["units"] = rows },
             "holds the wrong kind of value at units[0].retirees"),
            (try edited { var figures = $0["figures"] as! [String: Any]; figures["invalid"] = 1e30; $0["figures"] = figures },
             "holds the wrong kind of value at figures.invalid"),
            (try edited { var figures = $0["figures"] as! [String: Any]; figures["grades"] = ["compliant": 0.5]; $0["figures"] = figures },
             "holds the wrong kind of value at figures.grades.compliant"),
            (try edited { var figures = $0["figures"] as! [String: Any]; figures["grades"] = 3; $0["figures"] = figures },
             "holds the wrong kind of value at figures.grades"),
            (try edited { $0["units"] = units }, "lists the unit \(unit) twice"),
            (try edited { $0["version"] = "1" }, "holds the wrong kind of value at version, where `audit run` writes a whole number"),
            (try edited { $0["version"] = NSNull() }, "holds the wrong kind of value at version"),
        ]
        for (json, message) in cases {
            let path = temporary.path("edited.json")
            try FileTree.write(Array(json.utf8), to: path)
            let out = temporary.path("out")
            let baseline = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", path, "--lang", "en"])
            #expect(baseline.status == 2)
            #expect(baseline.stderr.hasPrefix("audit: \(path) \(message)"), "\(baseline.stderr)")
            let rollup = try RunFixtures.audit(["rollup", path, "--out", out, "--lang", "zh"])
            #expect(rollup.status == 2)
            #expect(rollup.stderr.hasPrefix("audit：\(path) "), "\(rollup.stderr)")
            #expect(!rollup.stderr.contains("不是 audit run 生成的 summary.json"), "\(rollup.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
        }
    }

    /// A county whose checklists were all invalid keeps its row in the rollup's regions, with
    /// no unit and dashes, rather than dropping out of the table.
    @Test func rollupKeepsACountyWithNoUnitScored() throws {
        let temporary = try TemporaryFolder()
        try Self.twoCounties(in: temporary)
        try FileTree.write(Array("format: five-haves/1\n".utf8), to: temporary.path("empty/checklists/x.yaml"))
        // The region as typed, with a space: its row is the one its units would be counted in.
        let empty = try RunFixtures.audit(["run", "empty/checklists", "--out", "south-county", "--region", " 南县", "--lang", "en"],
                                          in: temporary.url)
        #expect(empty.status == 1)
        let outcome = try RunFixtures.audit(["rollup", "east-county/summary.json", "south-county/summary.json", "west-county/summary.json",
                                             "--out", "city", "--lang", "en"], in: temporary.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try RunFixtures.summary(FileTree.bytes(temporary.path("city/summary.json")))
        #expect(document.byRegion.map(\.name) == ["南县", "east-county", "west-county"])
        let south = try #require(document.byRegion.first { $0.name == "南县" })
        #expect(south.units == 0 && south.required == 0 && south.compliant == 0)
        #expect(document.byRegion.map(\.units).reduce(0, +) == document.figures.units)
        let markdown = try FileTree.text(temporary.path("city/summary.md"))
        #expect(markdown.contains("| 南县 | 0 | 0 | 0 | – | – |"), "\(markdown)")
        let html = try FileTree.text(temporary.path("city/summary.html"))
        #expect(html.contains("<td>南县</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">–</td><td class=\"num\">–</td>"))
    }

    @Test func rollupOfSomethingElseExitsTwo() throws {
        let temporary = try TemporaryFolder()
        try FileTree.write(Array("{\"format\": \"five-haves-summary\", \"version\": 9}\n".utf8), to: temporary.path("future/summary.json"))
        let outcome = try RunFixtures.audit(["rollup", "future/summary.json", "--out", "rollup"], in: temporary.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("audit: future/summary.json has summary layout version 9; this tool reads version 1"))
    }

    @Test func rollupOfRollups() throws {
        let temporary = try TemporaryFolder()
        try Self.twoCounties(in: temporary)
        let cityA = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                           "--out", "city-a", "--lang", "en"], in: temporary.url)
        // A third county, of the sample checklists, makes the second city.
        _ = try RunFixtures.audit(["run", TestPaths.packageRoot.appendingPathComponent("checklists").path,
                                   "--out", temporary.path("north-county"), "--lang", "en"])
        let cityB = try RunFixtures.audit(["rollup", "north-county/summary.json", "--out", "city-b", "--lang", "en"], in: temporary.url)
        #expect(cityA.status == 0)
        #expect(cityB.status == 0)
        let outcome = try RunFixtures.audit(["rollup", "city-a/summary.json", "city-b/summary.json",
                                             "--out", "province", "--lang", "en"], in: temporary.url)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasSuffix("wrote province/: 28 units from 2 summaries\n"))
        // A rollup given no --region of its own goes by its folder's name in the next one up.
        #expect(outcome.stderr.contains("note: city-a/summary.json has no region"))
        let files = try FileTree.files(in: temporary.path("province"))
        #expect(files.keys.sorted() == ([ReportWriter.manifestName] + RunFixtures.summaryFiles).sorted())
        RunFixtures.expectNoMachinePaths(files, temporary: temporary)

        let document = try RunFixtures.summary(files["summary.json"])
        let a = try RunFixtures.summary(try? FileTree.bytes(temporary.path("city-a/summary.json")))
        let b = try RunFixtures.summary(try? FileTree.bytes(temporary.path("city-b/summary.json")))
        #expect(document.figures.units == a.figures.units + b.figures.units)
        #expect(document.figures.required == a.figures.required + b.figures.required)
        #expect(document.figures.compliantRequired == a.figures.compliantRequired + b.figures.compliantRequired)
        #expect(document.figures.invalid == a.figures.invalid + b.figures.invalid)
        #expect(document.rectifications.count == a.rectifications.count + b.rectifications.count)
        #expect(document.byRegion.map(\.name) == ["city-a", "city-b"])
        #expect(Set(document.units.compactMap(\.region)) == ["city-a / east-county", "city-a / west-county", "city-b / north-county"])
        let v1 = { (summary: SummaryDocument) in summary.mostMissed.first { $0.criterion == "V1" }?.applicable ?? 0 }
        #expect(v1(document) == v1(a) + v1(b))
        let markdown = String(decoding: try #require(files["summary.md"]), as: UTF8.self)
        #expect(markdown.contains("| city-a | 10 | 8 | 1 | 12.5% |"))
        #expect(markdown.contains("| city-b | \(b.figures.units) | \(b.figures.required) |"))
    }

    /// A county passed beside the city that already holds it would count its units twice.
    @Test func rollupRefusesASummaryItAlreadyHolds() throws {
        let temporary = try TemporaryFolder()
        try Self.twoCounties(in: temporary)
        let city = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                          "--out", "city", "--lang", "en"], in: temporary.url)
        #expect(city.status == 0)
        let outcome = try RunFixtures.audit(["rollup", "city/summary.json", "east-county/summary.json",
                                             "--out", "province", "--lang", "zh"], in: temporary.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("city/summary.json 和 east-county/summary.json 包含相同的清单或下级汇总"))
        #expect(outcome.stderr.contains("重复计数"))
        #expect(!outcome.stderr.contains("share"), "only the language asked for")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("province")), "nothing is written")
    }
}

/// The hand-written `docs/summary-json.md` keeps up with the summary: its example is a summary the
/// tool reads, has only keys real summaries have, and every key of a real summary has a row.
@Suite struct SummaryJSONDocTests {
    static let path = "docs/summary-json.md"

    static func doc() throws -> String {
        try FileTree.text(TestPaths.packageRoot.appendingPathComponent(path).path)
    }

    /// The key paths of a JSON value: `figures.units`, `units[].haves[].status`.
    static func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { result, pair in
                let path = prefix.isEmpty ? pair.key : "\(prefix).\(pair.key)"
                result.insert(path)
                result.formUnion(keyPaths(pair.value, prefix: path))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    /// The key paths of real summaries: a run with a baseline, and a rollup.
    static func realKeyPaths() throws -> Set<String> {
        let temporary = try TemporaryFolder()
        try RunReportTests.twoCounties(in: temporary)
        let round2 = TestPaths.packageRoot.appendingPathComponent(RunFixtures.round2).path
        let withBaseline = try RunFixtures.audit(["run", round2, "--out", "compared", "--lang", "en",
                                                  "--baseline", "west-county/summary.json"], in: temporary.url)
        #expect(withBaseline.status == 1)
        let rollup = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                            "--out", "rollup", "--region", "province"], in: temporary.url)
        #expect(rollup.status == 0)
        var paths = Set<String>()
        for file in ["compared/summary.json", "rollup/summary.json"] {
            let data = Data(try FileTree.bytes(temporary.path(file)))
            paths.formUnion(keyPaths(try JSONSerialization.jsonObject(with: data)))
        }
        return paths
    }

    @Test func exampleIsASummaryWithRealKeys() throws {
        let text = try Self.doc()
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        let document = try JSONDecoder().decode(SummaryDocument.self, from: Data(example.utf8))
        #expect(document.changes != nil)
        // It lists one unit of the five its figures count, so its criteria apply to more units than
        // it lists; with the five it is a summary the tool reads.
        var whole = document
        whole.units = Array(repeating: try #require(document.units.first), count: document.figures.units)
        #expect(Rollup.implausibleFigure(whole) == nil)
        #expect(document.format == SummaryDocument.formatName && document.version == SummaryDocument.layoutVersion)
        let paths = Self.keyPaths(try JSONSerialization.jsonObject(with: Data(example.utf8)))
        let real = try Self.realKeyPaths()
        #expect(paths.subtracting(real).isEmpty, "keys no summary has: \(paths.subtracting(real).sorted())")
    }

    /// Every list entry of the example is an entry of the summary its two commands write, with
    /// each list of objects inside it shortened to its first entry as the example's are: the hints, reasons
    /// and figures it shows are the tool's own, and go stale with it.
    @Test func exampleEntriesAreWhatTheCommandsWrite() throws {
        let text = try Self.doc()
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let example = text[start.upperBound..<end.lowerBound]
        // Run from the package, as the example's commands are, so its paths print as they do.
        let temporary = try TemporaryFolder()
        let first = try RunFixtures.audit(["run", RunFixtures.root + "/round1", "--out", temporary.path("round1"), "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("round2"), "--lang", "en",
                                            "--baseline", temporary.path("round1/summary.json")])
        #expect(second.status == 1, "\(second.stderr)")
        let real = try JSONSerialization.jsonObject(with: Data(FileTree.bytes(temporary.path("round2/summary.json"))))
        func entries(_ value: Any) -> [NSDictionary] {
            if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] }.map { NSDictionary(dictionary: shortened($0) as! [String: Any]) } + array.flatMap(entries) }
            if let object = value as? [String: Any] { return object.values.flatMap(entries) }
            return []
        }
        func shortened(_ value: Any) -> Any {
            if let array = value as? [Any], array.first is [String: Any] { return [shortened(array[0])] }
            if let object = value as? [String: Any] { return object.mapValues(shortened) }
            return value
        }
        let written = entries(real)
        var checked = 0
        for line in example.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            var item = line.trimmingCharacters(in: .whitespaces)
            if item.hasSuffix(",") { item.removeLast() }
            guard item.count > 1, item.hasSuffix("}") else { continue }  // the document's own braces
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(item.utf8)) as? [String: Any], "\(item)")
            #expect(written.contains(NSDictionary(dictionary: entry)), "\(Self.path): no such entry in the summary the example's commands write: \(item.prefix(160))")
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test func everyKeyHasARow() throws {
        let text = try Self.doc()
        for path in try Self.realKeyPaths() {
            let name = path.components(separatedBy: "[].").last ?? path
            var parts = name.split(separator: ".").map(String.init)
            // Maps keyed by have id or grade are documented once, by the map's key.
            if let index = parts.firstIndex(where: { $0 == "have_met_share" || $0 == "grades" }), index + 1 < parts.count {
                parts = Array(parts[...index])
            }
            let key = parts.joined(separator: ".")
            let parent = parts.dropLast().joined(separator: ".")
            let documented = text.contains("| `\(key)` |") || text.contains("| `\(parts.last ?? key)` |")
                || (!parent.isEmpty && text.contains("| `\(parent)` |"))
            #expect(documented, "\(Self.path) has no row for \(path)")
        }
    }

    @Test func docHoldsNoMachinePathsAndIsLinked() throws {
        let text = try Self.doc()
        for marker in ["/home/", "/Users/", "/tmp/", "/work/", "C:\\", TestPaths.packageRoot.path] {
            #expect(!text.contains(marker), "\(Self.path) contains \(marker)")
        }
        let readme = try FileTree.text(TestPaths.packageRoot.appendingPathComponent("README.md").path)
        #expect(readme.contains("[docs/summary-json.md](docs/summary-json.md)"))
    }

    /// A baseline or a summary to combine that is itself one of the reports the command would
    /// write is refused before anything is written, however its path is spelt: writing would
    /// replace it, and the next run would measure the round against itself.
    @Test func anInputTheReportsWouldReplaceIsRefused() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("reports")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
        let before = try FileTree.files(in: out)
        try FileManager.default.createSymbolicLink(atPath: temporary.path("link.json"), withDestinationPath: out + "/summary.json")
        for given in [out + "/summary.json", temporary.path("reports/../reports/summary.json"), temporary.path("link.json")] {
            let run = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", given, "--lang", "en"])
            #expect(run.status == 2)
            #expect(run.stderr == "audit: the baseline \(given) is the \(out)/summary.json this command writes, and writing would "
                    + "replace it. Copy it elsewhere first (such as baselines/2022-H2.json) and give the copy, or choose another --out folder\n")
            // An output path through a folder not made yet leads back to the same reports.
            let roundabout = temporary.path("new/../reports")
            let through = try RunFixtures.audit(["run", RunFixtures.round2, "--out", roundabout, "--baseline", given, "--lang", "en"])
            #expect(through.status == 2)
            #expect(through.stderr.contains("is the \(roundabout)/summary.json this command writes"), "\(through.stderr)")
            let rollup = try RunFixtures.audit(["rollup", given, "--out", out + "/", "--lang", "zh"])
            #expect(rollup.status == 2)
            #expect(rollup.stderr == "audit：要汇总的 \(given) 就是要写入的 \(out)/summary.json，写入会替换掉它。"
                    + "请先把它复制到别处再给出那个副本，或用 --out 换一个输出文件夹\n")
        }
        #expect(try FileTree.files(in: out) == before, "the reports, the baseline among them, are as they were")
        // A copy elsewhere is the way: the same run then compares the rounds.
        try FileManager.default.createDirectory(atPath: temporary.path("baselines"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: out + "/summary.json", toPath: temporary.path("baselines/round1.json"))
        let copied = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--baseline", temporary.path("baselines/round1.json")])
        #expect(copied.status == 1)
        #expect(try FileTree.files(in: out) != before)
    }

    /// The same for the standard in force: a tailored standard saved under a report's name in
    /// the output folder is not overwritten by the report.
    @Test func aStandardTheReportsWouldReplaceIsRefused() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("reports")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let standard = try RunFixtures.audit(["standard", "show", "--format", "yaml"])
        try FileTree.write(Array(standard.stdout.utf8), to: out + "/summary.md")
        let before = try FileTree.files(in: out)
        for lang in ["en", "zh"] {
            let run = try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--standard", out + "/summary.md", "--lang", lang])
            #expect(run.status == 2)
            #expect(run.stderr == (lang == "en"
                ? "audit: the standard \(out)/summary.md is the \(out)/summary.md this command writes, and writing would replace it. "
                    + "Copy it elsewhere first (such as my-standard.yaml) and give the copy, or choose another --out folder\n"
                : "audit：标准文件 \(out)/summary.md 就是要写入的 \(out)/summary.md，写入会替换掉它。"
                    + "请先把它复制到别处（如 my-standard.yaml）再给出那个副本，或用 --out 换一个输出文件夹\n"))
        }
        #expect(try FileTree.files(in: out) == before)
    }

    @Test func rollupRefusesTheSameCountyTwice() throws {
        let document = SummaryBuilder(standard: .builtIn).build(run: ValidationRun(reports: []), cards: [], title: "t", language: .en)
        let bytes = Array(JSONOutput.encode(document).utf8)
        let first = try Rollup.decode(bytes, path: "a/summary.json")
        let second = try Rollup.decode(bytes, path: "b/summary.json")
        #expect(throws: RollupError.self) { try Rollup.combine([first, second], title: nil, region: nil, language: .en) }
        var renamed = document
        renamed.title = "other"
        let third = try Rollup.decode(Array(JSONOutput.encode(renamed).utf8), path: "elsewhere/a/summary.json")
        #expect(throws: RollupError.self) { try Rollup.combine([first, third], title: nil, region: nil, language: .en) }
    }
}

/// How the comparison with a baseline is worded and which baselines are refused.
@Suite struct BaselineWordingTests {
    /// A change in percentage points is the difference of the two percentages printed beside it.
    @Test func pointChangeAgreesWithTheShownPercentages() {
        // 10 and 11 of 18: shown 55.6% and 61.1%, so +5.5, not the +5.6 of the exact shares.
        #expect(SummaryWords.pointChange(.init(before: 0.5556, after: 0.6111)) == 5.5)
        #expect(SummaryWords.pointChange(.init(before: 0.9118, after: 0.9444)) == 3.2)
        #expect(SummaryWords.pointChange(.init(before: 0.8333, after: 0.8235)) == -0.9)
    }

    /// A county's round is compared with that county's last summary: not a rollup, not another area.
    @Test func rollupOrAnotherAreaIsRefusedAsABaseline() throws {
        let temporary = try TemporaryFolder()
        let west = temporary.path("west")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", west, "--lang", "en", "--region", "西县"]).status == 0)
        let other = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("east"), "--lang", "en",
                                           "--region", "东县", "--baseline", west + "/summary.json"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("is the summary of 西县, this round is 东县"))
        let city = temporary.path("city")
        #expect(try RunFixtures.audit(["rollup", west + "/summary.json", "--out", city, "--lang", "en"]).status == 0)
        let rollup = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("east2"), "--lang", "zh",
                                            "--baseline", city + "/summary.json"])
        #expect(rollup.status == 2)
        #expect(rollup.stderr.contains("是合并汇总"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("east2")), "nothing is written")
    }
}

/// Two tailored standards under one id and version but with other scoring rules are not mixed:
/// summaries carry the digest of their rules, and rollups and baselines compare it.
@Suite struct ScoringDigestTests {
    static let tailored = StandardTests.tailoredYAML
    /// The same id and version, venue weighing 20 and funding 20 instead of 22 and 18.
    static let reweighed = tailored
        .replacingOccurrences(of: "    weight: 22\n    criteria:\n      - id: V1", with: "    weight: 20\n    criteria:\n      - id: V1")
        .replacingOccurrences(of: "    weight: 18\n    criteria:\n      - id: B1", with: "    weight: 20\n    criteria:\n      - id: B1")

    @Test func wordingLeavesTheDigestAndRulesChangeIt() throws {
        let base = try #require(StandardLoader.load(Array(Self.tailored.utf8), file: "a.yaml").standard)
        let reworded = try #require(StandardLoader.load(Array(Self.tailored.replacingOccurrences(of: "场所面积", with: "活动场所面积").utf8),
                                                        file: "b.yaml").standard)
        let reweighed = try #require(StandardLoader.load(Array(Self.reweighed.utf8), file: "c.yaml").standard)
        #expect(base.scoringDigest == reworded.scoringDigest)
        #expect(base.scoringDigest != reweighed.scoringDigest)
        #expect(base.scoringDigest.count == 64)
    }

    @Test func rollupAndBaselineRefuseOtherRulesUnderOneVersion() throws {
        #expect(Self.reweighed != Self.tailored)
        let temporary = try TemporaryFolder()
        try Self.tailored.write(toFile: temporary.path("a.yaml"), atomically: true, encoding: .utf8)
        try Self.reweighed.write(toFile: temporary.path("b.yaml"), atomically: true, encoding: .utf8)
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("west"), "--standard", temporary.path("a.yaml")]).status == 0)
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("east"), "--standard", temporary.path("b.yaml")]).status == 0)
        let rollup = try RunFixtures.audit(["rollup", "west/summary.json", "east/summary.json", "--out", "city", "--lang", "en"],
                                           in: temporary.url)
        #expect(rollup.status == 2)
        #expect(rollup.stderr.contains("west/summary.json and east/summary.json were both scored under five-haves 2022.1-tailored, but with different scoring rules"))
        let baseline = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("next"), "--lang", "en",
                                              "--standard", temporary.path("b.yaml"), "--baseline", temporary.path("west/summary.json")])
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("but with other scoring rules"))
    }
}
