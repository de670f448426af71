import Foundation
import Testing
@testable import AuditKit

/// Tailored and malformed standard files. Each is the built-in YAML with one edit; the expected
/// line and column are found by searching the edited text, so the tests do not depend on the
/// layout of the default standard.
@Suite struct StandardTests {
    /// The built-in YAML with one edit, and where the edit landed.
    struct Edit {
        /// The edited text.
        var text: String
        /// The 1-based line and column of `needle`, searched from where the edit was made.
        var position: (String) throws -> (line: Int, column: Int)

        /// Replaces the single occurrence of `old` in `base` with `new`.
        init(_ old: String, _ new: String, in base: String = StandardTests.tailoredYAML) throws {
            let parts = base.components(separatedBy: old)
            try #require(parts.count == 2, "expected exactly one occurrence of \(old.debugDescription) in the standard")
            let text = parts.joined(separator: new)
            let start = text.index(text.startIndex, offsetBy: parts[0].count)
            self.text = text
            self.position = { needle in
                let range = try #require(text.range(of: needle, range: start..<text.endIndex), "\(needle) is not in the edit")
                return StandardTests.position(of: range.lowerBound, in: text)
            }
        }
    }

    /// The 1-based line and column (in characters) of `index` in `text`.
    static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        let before = text[..<index]
        let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].count + 1)
    }

    /// The position of the top-level `haves:` key, where whole-standard findings are reported.
    static func havesKey(in text: String) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: "\nhaves:\n"))
        let (line, _) = position(of: range.lowerBound, in: text)
        return (line + 1, 1)
    }

    /// The built-in YAML under a version of its own, as a tailored standard must be (FH508).
    static let tailoredYAML = Standard.builtInYAML.replacingOccurrences(of: "version: \"2022.1\"", with: "version: \"2022.1-tailored\"")

    static func load(_ text: String) -> StandardLoadResult {
        StandardLoader.load(Array(text.utf8), file: "tailored.yaml")
    }

    /// An empty `source:` followed by the criterion's own `zh:` is just empty: `zh` is a key of the
    /// criterion too, so nothing tells the author to indent it.
    @Test func anEmptyKeyBeforeASiblingIsNotADedent() throws {
        let moved = try Edit("      - id: V1\n        zh:", "      - id: V1\n        source:\n        zh:")
        let edit = try Edit("        source: {zh: 县老干部局工作要点第十条, en: \"County work plan, item 10\"}\n", "", in: moved.text)
        let notFilled = try #require(Self.load(edit.text).diagnostics.first { $0.code == .notFilled })
        #expect(notFilled.keyPath.hasSuffix("source"))
        #expect(!notFilled.hint.en.contains("indent"))
    }

    /// Hints fit a standard: a criterion's points must be above 0 (not "from 0"), and a have's
    /// empty label is not told to empty the list of haves.
    @Test func hintsFitTheStandard() throws {
        let zero = try Edit("      - id: V1\n        zh: 有专用或共用的学习活动场所\n        en: A dedicated or shared venue exists\n        points: 4",
                            "      - id: V1\n        zh: 有专用或共用的学习活动场所\n        en: A dedicated or shared venue exists\n        points: 0")
        let range = try #require(Self.load(zero.text).diagnostics.first { $0.code == .outOfRange })
        #expect(range.hint.en == "write a number above 0 and at most 100")
        #expect(range.hint.zh == "填写大于 0、不大于 100 的数")
        let label = try Edit("    zh: 有一个学习活动场所\n", "    zh: \"\"\n")
        let empty = try #require(Self.load(label.text).diagnostics.first { $0.code == .notFilled })
        #expect(empty.keyPath == "haves[0].zh")
        #expect(!empty.hint.en.contains("[]"))
    }

    /// A key left out of a standard is explained by what it holds and an example, not by its own
    /// name again ("add `version:` — version").
    @Test func missingKeysSayWhatToWrite() throws {
        let version = try Edit("version: \"2022.1-tailored\"\n", "", in: Self.tailoredYAML)
        let missing = try #require(Self.load(version.text).diagnostics.first { $0.code == .missingKey })
        #expect(missing.hint.en == "add `version:` — version; a tailored standard has its own, e.g. \"2022.1-county\"")
        #expect(missing.hint.zh == "添加 `version:`——版本；改过的标准用自己的版本，如 \"2022.1-本县\"")
        let points = try Edit("        en: A dedicated or shared venue exists\n        points: 4\n", "        en: A dedicated or shared venue exists\n")
        let criterion = try #require(Self.load(points.text).diagnostics.first { $0.code == .missingKey })
        #expect(criterion.keyPath == "haves[0].criteria[0].points")
        #expect(criterion.hint.en == "add `points:` — the criterion's points, e.g. 4 (a have's points are scaled to its weight)")
    }

    /// A checklist checked as a standard is said to be one, once, instead of as a list of every
    /// key a standard lacks or does not know.
    @Test func aChecklistIsNotTakenForABrokenStandard() throws {
        let result = StandardLoader.load(path: "checklists/xinhua-community.yaml")
        #expect(result.standard == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownKey && diagnostic.keyPath == "format" && diagnostic.line == 2)
        #expect(diagnostic.message.en == "this is a checklist (format: five-haves/1), not a standard file")
        #expect(diagnostic.hint.en.hasPrefix("check a checklist with `audit validate`"))
    }

    // MARK: - Tailored standards

    static let v3Measure = "measure: {kind: threshold, field: venue.area_m2, full: 30, half: 20}"

    @Test func raisingV3sFullMarkChangesTheGrade() throws {
        let edit = try Edit(Self.v3Measure, "measure: {kind: threshold, field: venue.area_m2, full: 100, half: 20}")
        let loaded = Self.load(edit.text)
        #expect(loaded.diagnostics.isEmpty)
        let tailored = try #require(loaded.standard)
        let text = try ScoringTests.exactly85()
        // 60 m² is full under the default standard, half under the tailored one.
        let before = try text.card()
        let after = try text.card(standard: tailored)
        #expect(try before.criterion("V3").attainment == .full)
        #expect(try after.criterion("V3").attainment == .half)
        #expect(try after.criterion("V3").reason.en.hasSuffix("reaching the half mark 20 but not the full mark 100"))
        // The venue drops to 12 of 22, under 60%, and the unit from compliant to largely compliant.
        #expect(before.scoreTenths == 850 && before.grade == .compliant)
        #expect(try after.have("venue").status == .partial)
        #expect(after.scoreTenths == 820)
        #expect(after.grade == .largelyCompliant)
    }

    @Test func loweringMinRetireesMakesASmallUnitRequired() throws {
        let edit = try Edit("  min_retirees: 20 ", "  min_retirees: 10 ")
        let tailored = try #require(Self.load(edit.text).standard)
        let text = try ChecklistText.base().replacing("    total: 20", with: "    total: 15")
        #expect(try !text.card().required)
        let card = try text.card(standard: tailored)
        #expect(card.required)
        #expect(ScorecardFormat.text.render([card], standard: tailored, language: .en).contains("required (15 retirees ≥ 10)"))
    }

    @Test func theStandardsIdAndVersionAppearInTheScorecard() throws {
        let edit = try Edit("version: \"2022.1\"", "version: \"2023.1-county\"", in: Standard.builtInYAML)
        let tailored = try #require(Self.load(edit.text).standard)
        let card = try ChecklistText.base().card(standard: tailored)
        #expect(card.standardID == "five-haves")
        #expect(card.standardVersion == "2023.1-county")
        #expect(ScorecardFormat.text.render([card], standard: tailored, language: .en).contains("standard five-haves 2023.1-county"))
        #expect(ScorecardFormat.json.render([card], standard: tailored, language: .en).contains("\"2023.1-county\""))
    }

    // MARK: - Malformed standards

    /// A malformed standard: the edit, the codes it must produce, and where the first is reported.
    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        var codes: [DiagnosticCode]
        /// The text whose position is expected, searched from the edit; nil for the `haves:` key.
        var at: String?
        /// Part of the English message.
        var message: String

        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "weights add up to 101",
                  old: "    en: A venue for study and activities\n    weight: 22",
                  new: "    en: A venue for study and activities\n    weight: 23",
                  codes: [.weightsNotHundred], at: nil, message: "the weights add up to 101, not 100"),
        Malformed(name: "threshold without a field", old: v3Measure,
                  new: "measure: {kind: threshold, full: 30, half: 20}",
                  codes: [.measureParameter], at: "measure", message: "measure threshold needs the parameter field"),
        Malformed(name: "threshold with months",
                  old: "measure: {kind: threshold, field: venue.open_hours_per_week, full: 20, half: 4}",
                  new: "measure: {kind: threshold, field: venue.open_hours_per_week, full: 20, half: 4, months: 12}",
                  codes: [.measureParameter], at: "months", message: "measure threshold does not use the parameter months"),
        Malformed(name: "half above full", old: v3Measure,
                  new: "measure: {kind: threshold, field: venue.area_m2, full: 30, half: 40}",
                  codes: [.markOrder], at: "40", message: "the half mark 40 is above the full mark 30"),
        Malformed(name: "unknown field venue.area", old: v3Measure,
                  new: "measure: {kind: threshold, field: venue.area, full: 30, half: 20}",
                  codes: [.unknownField], at: "venue.area", message: "the checklist format has no field venue.area"),
        Malformed(name: "unknown equipment id", old: "slots: [[tv, projector], [computer]]",
                  new: "slots: [[tv, projecter], [computer]]",
                  codes: [.unknownID], at: "projecter", message: "id projecter is not in its catalogue"),
        Malformed(name: "funding have duplicated as rules", old: "  - id: funding\n", new: "  - id: rules\n",
                  codes: [.haveSet], at: nil, message: "a standard holds each of the five haves once (found: venue, equipment, rules, activities, rules)"),
        Malformed(name: "criterion id repeated", old: "      - id: V2\n", new: "      - id: V1\n",
                  codes: [.haveSet], at: "V1", message: "criterion id V1 repeats the one on line"),
        Malformed(name: "largely compliant bar above compliant", old: "    min_score: 70", new: "    min_score: 90",
                  codes: [.gradeOrder], at: "90", message: "the largely-compliant bar is above the compliant bar"),
        Malformed(name: "unknown key in a criterion",
                  old: "        essential: true\n        measure: {kind: flag, field: venue.status",
                  new: "        esential: true\n        measure: {kind: flag, field: venue.status",
                  codes: [.unknownKey], at: "esential", message: "unknown key esential"),
        Malformed(name: "min_retirees not an integer", old: "  min_retirees: 20 ", new: "  min_retirees: 20.5 ",
                  codes: [.notInteger], at: "20.5", message: "20.5"),
        Malformed(name: "points not a number", old: "        points: 6\n", new: "        points: six\n",
                  codes: [.notNumber], at: "six", message: "six"),
    ]

    @Test(arguments: malformed)
    func malformedStandard(_ test: Malformed) throws {
        let edit = try Edit(test.old, test.new)
        let loaded = Self.load(edit.text)
        #expect(loaded.standard == nil)
        #expect(loaded.diagnostics.map(\.code) == test.codes)
        let first = try #require(loaded.diagnostics.first)
        let expected = try test.at.map(edit.position) ?? Self.havesKey(in: edit.text)
        #expect(first.file == "tailored.yaml")
        #expect(first.line == expected.line)
        #expect(first.column == expected.column)
        #expect(first.severity == .error)
        #expect(first.message.en.contains(test.message), "\(first.message.en)")
        #expect(!first.message.zh.isEmpty && !first.hint.zh.isEmpty && !first.hint.en.isEmpty)
    }

    @Test func missingHaveIsReportedWithItsWeights() throws {
        // Drop the funding have altogether: the set of haves and the weights are both wrong.
        let start = try #require(Standard.builtInYAML.range(of: "  - id: funding\n"))
        let text = String(Standard.builtInYAML[..<start.lowerBound])
        let loaded = Self.load(text)
        #expect(loaded.standard == nil)
        let haves = try Self.havesKey(in: text)
        #expect(loaded.diagnostics.map(\.code) == [.weightsNotHundred, .haveSet])
        #expect(loaded.diagnostics.allSatisfy { $0.line == haves.line && $0.column == haves.column })
        #expect(loaded.diagnostics.last?.message.en == "a standard holds each of the five haves once (found: venue, equipment, rules, activities)")
    }

    @Test func repeatedCriterionNamesTheFirstLine() throws {
        let edit = try Edit("      - id: V2\n", "      - id: V1\n")
        let first = try #require(edit.text.range(of: "      - id: V1\n"))
        let line = Self.position(of: first.lowerBound, in: edit.text).line
        let diagnostic = try #require(Self.load(edit.text).diagnostics.first)
        #expect(diagnostic.message.en == "criterion id V1 repeats the one on line \(line)")
    }

    // MARK: - The command line

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-standard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func standardCheckAcceptsTheBuiltInYAML() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let show = try AuditBinary.run(["standard", "show", "--format", "yaml"])
        #expect(show.status == 0)
        #expect(show.stdout == Standard.builtInYAML + "\n")
        try show.stdout.write(to: directory.appendingPathComponent("five-haves.yaml"), atomically: true, encoding: .utf8)
        let check = try AuditBinary.run(["standard", "check", "five-haves.yaml"], in: directory)
        #expect(check.status == 0)
        #expect(!check.stdout.contains("error["))
        #expect(check.stderr == "")
    }

    @Test func standardCheckRejectsABrokenStandard() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edit = try Edit(Self.v3Measure, "measure: {kind: threshold, field: venue.area_m2, full: 30, half: 40}")
        try edit.text.write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let (line, column) = try edit.position("40")
        let check = try AuditBinary.run(["standard", "check", "broken.yaml"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("broken.yaml:\(line):\(column): error[FH503]: the half mark 40 is above the full mark 30\n"))
        let zh = try AuditBinary.run(["standard", "check", "--lang", "zh", "broken.yaml"], in: directory)
        #expect(zh.status == 1)
        #expect(zh.stdout.contains("broken.yaml:\(line):\(column): 错误[FH503]"))
        // CI lists the results under the command that made them.
        let junit = try AuditBinary.run(["standard", "check", "--format", "junit", "broken.yaml"], in: directory)
        #expect(junit.status == 1)
        #expect(junit.stdout.contains("<testsuites name=\"audit standard check\" tests=\"1\" failures=\"1\" errors=\"0\">"))
        #expect(junit.stdout.contains("<testsuite name=\"audit standard check\""))
    }

    @Test func scoringWithABrokenStandardExitsTwo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edit = try Edit("    min_score: 70", "    min_score: 90")
        let file = directory.appendingPathComponent("broken.yaml")
        try edit.text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try AuditBinary.run(["score", "--standard", file.path, "checklists"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("error[FH507]"))
        #expect(outcome.stderr.hasSuffix("audit: the standard file \(file.path) is not valid\n"))
    }

    /// A standard path that is not a file (a folder, a pipe) says why it cannot be read.
    @Test func aStandardThatIsNoFileSaysWhy() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try AuditBinary.run(["score", "--lang", "en", "--standard", directory.path, "checklists/chengguan-town.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("error[FH100]: the standard file cannot be read: not a regular file (a folder, a device or a pipe?)"))
    }

    @Test func scoringWithATailoredStandard() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edit = try Edit("version: \"2022.1\"", "version: \"2023.1-county\"", in: Standard.builtInYAML)
        let file = directory.appendingPathComponent("tailored.yaml")
        try edit.text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try AuditBinary.run(["score", "--lang", "en", "--standard", file.path, "checklists/chengguan-town.yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("standard five-haves 2023.1-county · inspected "))
        #expect(outcome.stderr == "")
    }
}

/// Tailored standards that would load but score nonsense: each is refused at its value, with the
/// code of its kind of slip.
@Suite struct StandardConsistencyTests {
    @Test(arguments: [
        // A condition no checklist can meet.
        ("applies_when: {field: unit.party_branch, equals: \"true\"}", "applies_when: {field: unit.party_branch, equals: \"yes\"}",
         DiagnosticCode.unknownID, "did you mean true?"),
        ("applies_when: {field: unit.party_branch, equals: \"true\"}", "applies_when: {field: unit.category, equals: townshp}",
         .unknownID, "did you mean township?"),
        // essential_above where no number is measured, or on a criterion that is not essential.
        ("        essential: true\n        measure: {kind: flag, field: venue.status", "        essential: true\n        essential_above: 5\n        measure: {kind: flag, field: venue.status",
         .measureParameter, "gives no number"),
        ("        essential: true\n        essential_above: 0", "        essential_above: 0", .measureParameter, "not essential"),
        // Finer than a tenth, a share written as a percentage, an empty slot.
        ("        points: 4\n        essential: true\n        measure: {kind: flag, field: venue.status",
         "        points: 4.25\n        essential: true\n        measure: {kind: flag, field: venue.status", .measureParameter, "finer than a tenth"),
        ("full: 0.6, half: 0.4}", "full: 60, half: 0.4}", .measureParameter, "write a fraction: 0.6 for 60%"),
        ("slots: [[fitness-equipment]]", "slots: [[fitness-equipment], []]", .measureParameter, "empty slot"),
        ("        essential_above: 0\n", "        essential_above: 5000\n", .measureParameter, "not below the full mark 3000"),
        ("measure: {kind: rules, kinds: [study], full: 1}", "measure: {kind: rules, kinds: [], full: 1}", .measureParameter, "can never be met"),
        // Marks beyond what any checklist can reach, and flag values no field can hold.
        ("field: venue.open_hours_per_week, full: 20, half: 4}", "field: venue.open_hours_per_week, full: 200, half: 4}",
         .markOrder, "above venue.open_hours_per_week's maximum 168"),
        ("kinds: [safety, emergency-plan], full: 2", "kinds: [safety, emergency-plan], full: 3", .markOrder, "only 2 are listed"),
        ("values: [dedicated, shared]}", "values: []}", .measureParameter, "values is empty"),
        ("values: [dedicated, shared]}", "values: [dedicated, shard]}", .unknownID, "did you mean shared?"),
        ("field: venue.signage}", "field: venue.signage, values: [yes]}", .unknownID, "did you mean true?"),
        ("values: [dedicated, shared]}", "}", .measureParameter, "without values the criterion can never be met"),
        ("kinds: [safety, emergency-plan], full: 2", "kinds: [safety, emergency-plan], full: 1.5", .measureParameter, "not a whole number"),
        ("slots: [[tv, projector], [computer]], full: 2, half: 1}", "slots: [[tv, projector], [computer]], full: 2, half: 0.5}",
         .measureParameter, "not a whole number"),
        // The higher grade looser than the lower one; a catalogue id listed twice.
        ("    min_score: 85\n    max_partial: 0", "    min_score: 85\n    max_partial: 2", .gradeOrder, "compliant allows more"),
        ("    - {id: books, zh: 图书, en: books}", "    - {id: books, zh: 图书, en: books}\n    - {id: magazines, zh: 期刊, en: journals}",
         .haveSet, "lists magazines twice"),
    ])
    func refused(_ old: String, _ new: String, _ code: DiagnosticCode, _ says: String) throws {
        let loaded = StandardTests.load(try StandardTests.Edit(old, new).text)
        #expect(loaded.standard == nil)
        let found = loaded.diagnostics.filter { $0.code == code }
        #expect(found.contains { ($0.message.en + " " + $0.hint.en).contains(says) }, "\(loaded.diagnostics.map { "\($0.code.rawValue) \($0.message.en) / \($0.hint.en)" })")
    }

    /// A have with no criteria would earn its weight from nothing. (Funding is the last have: its
    /// criteria run to the end of the file.)
    @Test func aHaveWithNoCriteriaIsRefused() throws {
        let text = StandardTests.tailoredYAML
        let start = try #require(text.range(of: "    weight: 18\n    criteria:\n      - id: B1"))
        let emptied = String(text[..<start.lowerBound]) + "    weight: 18\n    criteria: []\n"
        let loaded = StandardTests.load(emptied)
        #expect(loaded.standard == nil)
        #expect(loaded.diagnostics.contains { $0.code == .haveSet && $0.message.en.contains("no criteria") })
    }
}

/// An item a tailored standard adds to a catalogue reaches the editor schema and the template
/// through --standard, and a checklist using it, checked without the standard, is told so.
@Suite struct TailoredCatalogueTests {
    @Test func addedItemsReachTheSchemaAndTheTemplate() throws {
        let temporary = try TemporaryFolder()
        let text = StandardTests.tailoredYAML.replacingOccurrences(
            of: "    - {id: books, zh: 图书, en: books}\n", with: "    - {id: books, zh: 图书, en: books}\n    - {id: reading-glasses, zh: 老花镜, en: reading glasses}\n")
        let path = temporary.path("county.yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try AuditBinary.run(["schema", "--standard", path]).stdout.contains("\"reading-glasses\""))
        #expect(!(try AuditBinary.run(["schema"]).stdout.contains("reading-glasses")))
        #expect(try AuditBinary.run(["new", "x", "--standard", path, "--output", "-"]).stdout.contains("| reading-glasses |"))

        let checklist = try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  - item: newspapers", with: "  - item: reading-glasses")
        let file = temporary.path("beiyuan-township.yaml")
        try checklist.write(toFile: file, atomically: true, encoding: .utf8)
        let without = try AuditBinary.run(["validate", file, "--lang", "en"])
        #expect(without.status == 1)
        #expect(without.stdout.contains("if your county's standard adds this item, pass it with --standard"))
        #expect(try AuditBinary.run(["validate", file, "--standard", path]).status == 0)
        // Under the tailored standard, an item it does not list is not sent to --standard again.
        try checklist.replacingOccurrences(of: "  - item: reading-glasses", with: "  - item: hearing-aids")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let tailored = try AuditBinary.run(["validate", file, "--standard", path, "--lang", "en"])
        #expect(tailored.status == 1)
        #expect(tailored.stdout.contains("the standard in force does not list this item: check its spelling, or add it to that standard's catalogue"))
        #expect(!tailored.stdout.contains("pass it with --standard"))
        // So too under a tailored standard that keeps the built-in catalogues.
        let same = temporary.path("same-catalogues.yaml")
        try StandardTests.tailoredYAML.write(toFile: same, atomically: true, encoding: .utf8)
        let kept = try AuditBinary.run(["validate", file, "--standard", same, "--lang", "en"])
        #expect(kept.stdout.contains("the standard in force does not list this item"))
    }
}
