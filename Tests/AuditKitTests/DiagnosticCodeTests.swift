import Foundation
import Testing
@testable import AuditKit

/// The fixtures of `Fixtures/diagnostics`: one small checklist per problem, each marking where its
/// diagnostics must point with `# expect:` comments (see `ExpectationMarkers`).
///
/// - Text files carry their expectations as markers and are read on their own.
/// - Folders are validated together (for the checks across files and the evidence tree); each of
///   their `.yaml` files carries markers.
/// - Files that cannot hold a comment (other encodings, an empty file) and set-ups that need a
///   temporary folder are `SpecialCase`s, with their expectations in the code below.
enum DiagnosticFixtures {
    static let folder = TestPaths.fixtures.appendingPathComponent("diagnostics")

    static let reader = ChecklistReader(catalogues: .builtIn)

    /// Every fixture of the folder (files and folders, not hidden ones or the README), in name order.
    static let entries: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }
        .sorted()

    /// The fixtures whose bytes cannot carry markers; `SpecialCase.all` holds their expectations.
    static let unmarkedFiles: Set<String> = [
        "fh101-utf16-bom.yaml", "fh101-utf16be-no-bom.yaml", "fh101-gbk.yaml", "fh101-latin1.yaml",
        "fh103-zero-bytes.yaml",
    ]

    /// Single-file fixtures with markers.
    static let markedFiles: [String] = entries.filter {
        InputDiscovery.isChecklistName($0) && !isFolder($0) && !unmarkedFiles.contains($0)
    }

    /// Fixture folders, validated as one run each.
    static let folders: [String] = entries.filter(isFolder)

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func isFolder(_ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The expectations written in the file at `path`.
    static func markers(at path: String) throws -> [ExpectedDiagnostic]? {
        try ExpectationMarkers.parse(String(contentsOfFile: path, encoding: .utf8))
    }

    /// The code a fixture is named after (`fh201-unknown-key.yaml` → FH201), or nil for `valid-…`.
    static func namedCode(_ name: String) -> DiagnosticCode? {
        DiagnosticCode(rawValue: String(name.prefix(5)).uppercased())
    }
}

/// A case whose input is not a marked text fixture: a file in another encoding, an empty file, or a
/// file made in a temporary folder (unreadable inputs, a file over the size limit).
struct SpecialCase: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: [ExpectedDiagnostic]
    /// Text every diagnostic's English message must contain.
    var messageContains: String?
    /// Makes the input inside the given scratch folder (or points at a fixture) and returns its path.
    var prepare: @Sendable (URL) throws -> String

    var testDescription: String { name }

    static func fixture(_ name: String, _ expected: [ExpectedDiagnostic], messageContains: String? = nil) -> SpecialCase {
        SpecialCase(name: name, expected: expected, messageContains: messageContains) { _ in DiagnosticFixtures.path(name) }
    }

    static let all: [SpecialCase] = [
        // Other encodings: reported at the first byte that is not UTF-8, or at the start for UTF-16.
        fixture("fh101-utf16-bom.yaml", [ExpectedDiagnostic(.notUTF8, line: 1, column: 1)], messageContains: "UTF-16"),
        fixture("fh101-utf16be-no-bom.yaml", [ExpectedDiagnostic(.notUTF8, line: 1, column: 1)], messageContains: "UTF-16"),
        // `  name: XX县气象局`: 县 is the first GBK character, at column 11 of line 4.
        fixture("fh101-gbk.yaml", [ExpectedDiagnostic(.notUTF8, line: 4, column: 11)], messageContains: "GBK"),
        // `  name: Café Météo` in Latin-1: é at column 12 of line 4; not mistaken for GBK.
        fixture("fh101-latin1.yaml", [ExpectedDiagnostic(.notUTF8, line: 4, column: 12)], messageContains: "not valid UTF-8"),
        fixture("fh103-zero-bytes.yaml", [ExpectedDiagnostic(.empty, line: 1, column: 1)]),
        SpecialCase(name: "whitespace only", expected: [ExpectedDiagnostic(.empty, line: 1, column: 1)]) { folder in
            try write("\n   \n\t\n\r\n", to: folder, as: "blank.yaml")
        },
        // Tests run as root, where a mode of 000 does not stop reading: use inputs that are not
        // regular files, and one that is gone.
        SpecialCase(name: "a folder named like a checklist",
                    expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            let url = folder.appendingPathComponent("x.yaml", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            return url.path
        },
        SpecialCase(name: "a symbolic link loop",
                    expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            let url = folder.appendingPathComponent("a.yaml")
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "a.yaml")
            return url.path
        },
        SpecialCase(name: "a file that does not exist",
                    expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "does not exist") { folder in
            folder.appendingPathComponent("gone.yaml").path
        },
        SpecialCase(name: "one byte over 1 MiB",
                    expected: [ExpectedDiagnostic(.tooLarge, line: 1, column: 1)], messageContains: "1048577 bytes") { folder in
            try write(comments(bytes: ChecklistReader.sizeLimit + 1), to: folder, as: "large.yaml")
        },
        // A key written 150 times: the first 100 problems in the file are listed (the unknown key
        // and the eight missing top-level keys on line 1, reported last, then the repeats up to
        // line 92), and one error counts the other 58 from the first of them, on line 93.
        SpecialCase(name: "more problems than a file lists",
                    expected: [ExpectedDiagnostic(.unknownKey, line: 1, column: 1, keyPath: "a")]
                        + ["activities", "equipment", "format", "funding", "inspection", "rules", "unit", "venue"].map {
                            ExpectedDiagnostic(.missingKey, line: 1, column: 1, keyPath: $0)
                        }
                        + (2...92).map { ExpectedDiagnostic(.duplicateKey, line: $0, column: 1, keyPath: "a") }
                        + [ExpectedDiagnostic(.tooManyProblems, line: 93, column: 1, keyPath: "a")]) { folder in
            try write(String(repeating: "a: \n", count: 150), to: folder, as: "many.yaml")
        },
        // The limit itself is allowed: exactly 1 MiB of comments is read, and is empty.
        SpecialCase(name: "exactly 1 MiB", expected: [ExpectedDiagnostic(.empty, line: 1, column: 1)]) { folder in
            try write(comments(bytes: ChecklistReader.sizeLimit), to: folder, as: "limit.yaml")
        },
    ]

    static func write(_ text: String, to folder: URL, as name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Comment lines of exactly `bytes` bytes in total.
    static func comments(bytes: Int) -> String {
        let line = "# " + String(repeating: "x", count: 61) + "\n"   // 64 bytes
        var text = String(repeating: line, count: bytes / line.utf8.count)
        let rest = bytes - text.utf8.count
        if rest > 0 { text += "#" + String(repeating: "y", count: max(0, rest - 1)) }
        return text
    }
}

@Suite("Every diagnostic code at its place")
struct DiagnosticCodeTests {
    let reader = DiagnosticFixtures.reader

    @Test("A marked fixture reports exactly its expectations", arguments: DiagnosticFixtures.markedFiles)
    func markedFixture(_ name: String) throws {
        let path = DiagnosticFixtures.path(name)
        let expected = try #require(try DiagnosticFixtures.markers(at: path), "\(name) has no `# expect:` marker")
        let report = reader.read(InputFile(path: path, treeRoot: DiagnosticFixtures.folder.path))
        expectAgreement(report.diagnostics, expected, in: name)
        #expect((report.checklist != nil) == !report.hasErrors, "a checklist is kept exactly when there is no error")
        #expect(!report.isUnreadable)
        #expect(report.diagnostics.allSatisfy { $0.file == path })
    }

    @Test("A fixture folder, validated as one run, reports exactly its expectations",
          arguments: DiagnosticFixtures.folders)
    func folderFixture(_ name: String) throws {
        let inputs = try InputDiscovery.files(in: [DiagnosticFixtures.path(name)])
        #expect(!inputs.isEmpty)
        let run = ValidationRun.validate(inputs, reader: reader)
        for report in run.reports {
            let relative = String(report.path.dropFirst(DiagnosticFixtures.folder.path.count + 1))
            let expected = try #require(try DiagnosticFixtures.markers(at: report.path), "\(relative) has no `# expect:` marker")
            expectAgreement(report.diagnostics, expected, in: relative)
        }
    }

    @Test("A special case reports exactly its expectations", arguments: SpecialCase.all)
    func specialCase(_ special: SpecialCase) throws {
        try ScratchFolder.with { folder in
            let path = try special.prepare(folder)
            let treeRoot = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let report = reader.read(InputFile(path: path, treeRoot: treeRoot))
            expectAgreement(report.diagnostics, special.expected, in: special.name)
            #expect(report.isUnreadable == special.expected.contains { $0.code == .unreadable })
            #expect(report.checklist == nil)
            if let text = special.messageContains {
                for diagnostic in report.diagnostics {
                    #expect(diagnostic.message.en.contains(text), "\(special.name): \(diagnostic.message.en)")
                }
            }
        }
    }

    /// The codes the fixtures and special cases exercise.
    static func coveredCodes() throws -> Set<DiagnosticCode> {
        var covered = Set<DiagnosticCode>()
        for name in DiagnosticFixtures.markedFiles {
            covered.formUnion(try DiagnosticFixtures.markers(at: DiagnosticFixtures.path(name))?.map(\.code) ?? [])
        }
        for name in DiagnosticFixtures.folders {
            for input in try InputDiscovery.files(in: [DiagnosticFixtures.path(name)]) {
                covered.formUnion(try DiagnosticFixtures.markers(at: input.path)?.map(\.code) ?? [])
            }
        }
        for special in SpecialCase.all {
            covered.formUnion(special.expected.map(\.code))
        }
        for name in StandardFixtures.names {
            covered.formUnion(try DiagnosticFixtures.markers(at: StandardFixtures.path(name))?.map(\.code) ?? [])
        }
        return covered
    }

    @Test("Every diagnostic code has a fixture or a special case")
    func everyCodeIsCovered() throws {
        let covered = try Self.coveredCodes()
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no fixture exercises \(missing.map(\.rawValue).joined(separator: ", "))")
    }

    @Test("Fixture names match what they expect")
    func fixtureNames() throws {
        for name in DiagnosticFixtures.entries {
            var expected: [ExpectedDiagnostic] = []
            if DiagnosticFixtures.isFolder(name) {
                for input in try InputDiscovery.files(in: [DiagnosticFixtures.path(name)]) {
                    expected += try DiagnosticFixtures.markers(at: input.path) ?? []
                }
            } else if let special = SpecialCase.all.first(where: { $0.name == name }) {
                expected = special.expected
            } else {
                #expect(InputDiscovery.isChecklistName(name), "\(name) is not a checklist fixture")
                expected = try DiagnosticFixtures.markers(at: DiagnosticFixtures.path(name)) ?? []
            }
            if let code = DiagnosticFixtures.namedCode(name) {
                #expect(expected.contains { $0.code == code }, "\(name) is named after \(code.rawValue) but does not expect it")
            } else {
                #expect(name.hasPrefix("valid-") && expected.isEmpty, "\(name) is named after no code")
            }
        }
        for name in DiagnosticFixtures.unmarkedFiles {
            #expect(DiagnosticFixtures.entries.contains(name), "fixture \(name) is missing")
            #expect(SpecialCase.all.contains { $0.name == name }, "fixture \(name) has no expectations")
        }
    }

    @Test("The marker syntax is read strictly")
    func markerSyntax() throws {
        let text = "a: 1  # expect: FH201@3 a, FH110\nb: 2\nc: 3  # expect: FH209 venue.rooms[1]\n"
        let expected = try #require(try ExpectationMarkers.parse(text))
        #expect(expected == [
            ExpectedDiagnostic(.unknownKey, line: 1, column: 3, keyPath: "a"),
            ExpectedDiagnostic(.duplicateKey, line: 1),
            ExpectedDiagnostic(.notInChoices, line: 3, keyPath: "venue.rooms[1]"),
        ])
        #expect(try ExpectationMarkers.parse("a: 1\n") == nil)
        #expect(try ExpectationMarkers.parse("a: 1  # expect: none\n") == [])
        #expect(throws: ExpectationMarkers.SyntaxError.self) { try ExpectationMarkers.parse("a: 1  # expect: FH999\n") }
        #expect(throws: ExpectationMarkers.SyntaxError.self) { try ExpectationMarkers.parse("a: 1  # expect: FH201@0\n") }
        #expect(throws: ExpectationMarkers.SyntaxError.self) { try ExpectationMarkers.parse("# expect: none\na: 1  # expect: FH201\n") }
    }

    /// A message or hint that must say something specific.
    struct TextCase: Sendable, CustomTestStringConvertible {
        var fixture: String
        var code: DiagnosticCode
        var en: String
        var zh: String
        var testDescription: String { "\(fixture): \(code.rawValue) mentions \(en)" }
    }

    static let textCases: [TextCase] = [
        TextCase(fixture: "fh110-duplicate-key.yaml", code: .duplicateKey, en: "line 10 and line 11", zh: "第 10 行和第 11 行"),
        // Keys repeated in a list item: the likelier slip is a missing `- `, and merging the two
        // would lose an item, so the hint says where the new item would start.
        TextCase(fixture: "fh110-missing-dash-in-list.yaml", code: .duplicateKey,
                 en: "if line 17 starts another item of the list, put `- ` before item there", zh: "若从第 17 行起是列表的另一项，在该行的 item 前加上 `- `"),
        TextCase(fixture: "fh201-unknown-key.yaml", code: .unknownKey, en: "did you mean contact?", zh: "contact"),
        // A key written by its Chinese name is pointed to the key; the key it stands for is then
        // not reported missing as well (the fixtures expect no FH202).
        TextCase(fixture: "fh201-chinese-key-name.yaml", code: .unknownKey, en: "did you mean funding?", zh: "是不是 funding？"),
        TextCase(fixture: "fh201-chinese-key-name.yaml", code: .unknownKey, en: "did you mean notes?", zh: "是不是 notes？"),
        TextCase(fixture: "fh201-typo-not-missing.yaml", code: .unknownKey, en: "did you mean amount_yuan?", zh: "amount_yuan"),
        TextCase(fixture: "fh201-key-start-and-full-name.yaml", code: .unknownKey, en: "did you mean amount_yuan?", zh: "是不是 amount_yuan？"),
        // 全称 is two edits from `id`, but a Chinese key is matched by the Chinese names only.
        TextCase(fixture: "fh201-key-start-and-full-name.yaml", code: .unknownKey, en: "did you mean name?", zh: "是不是 name？"),
        // Keys written too far left: each says which key to indent it under, and so does the
        // key they left empty.
        // A name past its field's length says how long it is and what the limit is.
        TextCase(fixture: "fh211-text-too-long.yaml", code: .badPattern, en: "the text is 246 characters long, over the 200 this key allows",
                 zh: "这段文字有 246 个字符，超过此项上限 200 个"),
        // A required key written too far left is that one slip: told to indent it, and not also
        // missing from its mapping (the fixture expects no FH202).
        TextCase(fixture: "fh201-required-key-too-far-left.yaml", code: .unknownKey,
                 en: "inspector is a key of inspection: indent it under inspection: (line 8)", zh: "inspector 是 inspection 下的项"),
        TextCase(fixture: "fh201-dedented-keys.yaml", code: .unknownKey, en: "area_m2 is a key of venue: indent it under venue: (line 11)",
                 zh: "area_m2 是 venue 下的项：在行首加空格，缩进到第 11 行的 venue: 之下"),
        TextCase(fixture: "fh201-dedented-keys.yaml", code: .notFilled, en: "indent the keys of venue, from status at line 12 on, under venue:",
                 zh: "从第 12 行的 status 起，venue 下的各项要在行首加空格"),
        TextCase(fixture: "fh205-chinese-numeral.yaml", code: .notInteger, en: "80", zh: "80"),
        TextCase(fixture: "fh205-quoted-integer.yaml", code: .notInteger, en: "quotes", zh: "引号"),
        TextCase(fixture: "fh206-unit-suffix.yaml", code: .notNumber, en: "without a unit", zh: "不带单位"),
        TextCase(fixture: "fh206-thousands-separator.yaml", code: .notNumber, en: "separators", zh: "千位"),
        TextCase(fixture: "fh207-yes.yaml", code: .notBoolean, en: "write true", zh: "true"),
        TextCase(fixture: "fh207-chinese-no.yaml", code: .notBoolean, en: "write false", zh: "false"),
        TextCase(fixture: "fh208-impossible-date.yaml", code: .badDate, en: "not a real calendar date", zh: "不是真实存在的日期"),
        TextCase(fixture: "fh209-category.yaml", code: .notInChoices, en: "did you mean department?", zh: "department"),
        TextCase(fixture: "fh209-catalogue.yaml", code: .notInChoices, en: "did you mean newspapers?", zh: "newspapers"),
        // A Chinese label is recognised and its id suggested.
        TextCase(fixture: "fh209-flow-list-columns.yaml", code: .notInChoices, en: "did you mean reading?", zh: "reading"),
        TextCase(fixture: "fh302-shared-without-partner.yaml", code: .sharedWithoutPartner, en: "shared_with", zh: "shared_with"),
        // Both dates, each named for what it is: the window's start is not the inspection's date.
        TextCase(fixture: "fh401-stale-activity.yaml", code: .staleActivity,
                 en: "activity dated 2021-07-12 is more than 12 months before the inspection on 2022-07-13 (the months counted start on 2021-07-13)",
                 zh: "活动日期 2021-07-12 早于检查日期 2022-07-13 前的 12 个月（自 2021-07-13 起计）"),
        // A key's colon typed full-width, or with no space after it, makes the pair one piece of
        // text where a mapping should be: the hint names the colon, not the template.
        TextCase(fixture: "fh204-full-width-colon.yaml", code: .wrongShape,
                 en: "replace the full-width colon \"：\" with \":\" followed by a space: total: 12",
                 zh: "把全角冒号“：”改为半角冒号“:”，并在后面加一个空格：total: 12"),
        TextCase(fixture: "fh204-no-space-after-colon.yaml", code: .wrongShape,
                 en: "put a space after the colon: total: 12", zh: "在冒号后加一个空格：total: 12"),
    ]

    @Test("Messages and hints say what to do", arguments: textCases)
    func messageText(_ textCase: TextCase) {
        let path = DiagnosticFixtures.path(textCase.fixture)
        let report = reader.read(InputFile(path: path, treeRoot: DiagnosticFixtures.folder.path))
        let found = report.diagnostics.filter { $0.code == textCase.code }
        #expect(!found.isEmpty, "\(textCase.fixture) reports no \(textCase.code.rawValue)")
        #expect(found.contains { ($0.message.en + " " + $0.hint.en).contains(textCase.en) },
                "\(found.map { $0.message.en + " / " + $0.hint.en })")
        #expect(found.contains { ($0.message.zh + " " + $0.hint.zh).contains(textCase.zh) },
                "\(found.map { $0.message.zh + " / " + $0.hint.zh })")
    }

    /// A value written as part of a choice's Chinese name is taken for that choice: 部门 is the
    /// county department (县直部门). Two choices holding it (业: 企业, 事业单位), none, or a name
    /// that holds a label (乡镇卫生院 is no township) suggest nothing by name.
    @Test(arguments: [("部门", "department"), ("县直部门", "department"), ("镇", "township"), ("业", nil), ("机关", nil), ("乡镇卫生院", nil)])
    func aPartOfAChineseChoiceNameIsSuggested(_ written: String, _ suggested: String?) throws {
        let text = try ChecklistText.base().replacing("  category: department", with: "  category: \(written)").text
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "base.yaml", treeRoot: "."))
        let diagnostic = try #require(report.diagnostics.first { $0.code == .notInChoices })
        #expect(diagnostic.message.zh == "“\(written)”不是允许的取值")
        if let suggested {
            #expect(diagnostic.hint.zh.hasPrefix("是不是 \(suggested)？"), "\(diagnostic.hint.zh)")
            #expect(diagnostic.hint.en.hasPrefix("did you mean \(suggested)?"))
        } else {
            #expect(diagnostic.hint.zh.hasPrefix("可选："), "\(diagnostic.hint.zh)")
        }
    }
}

/// Standard files with one defect each, marked like the checklist fixtures.
enum StandardFixtures {
    static let folder = TestPaths.fixtures.appendingPathComponent("standards")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

@Suite("Standard files report their defects at their place")
struct StandardFixtureTests {
    @Test("Each standard fixture reports exactly its expectations", arguments: StandardFixtures.names)
    func standardFixture(_ name: String) throws {
        let expected = try #require(try DiagnosticFixtures.markers(at: StandardFixtures.path(name)))
        let result = StandardLoader.load(path: StandardFixtures.path(name))
        #expect(result.standard == nil, "a standard with errors must not load")
        expectAgreement(result.diagnostics, expected, in: name)
        let code = try #require(DiagnosticFixtures.namedCode(name))
        #expect(expected.contains { $0.code == code })
    }

    /// The colon of a standard's single key typed full-width, as a county tailoring it may.
    @Test func aFullWidthColonIsNamed() throws {
        let result = StandardLoader.load(path: StandardFixtures.path("fh204-full-width-colon.yaml"))
        let hint = try #require(result.diagnostics.first { $0.code == .wrongShape }?.hint)
        #expect(hint.en == "replace the full-width colon \"：\" with \":\" followed by a space: min_retirees: 15")
    }

    @Test("There is a standard fixture for every FH5xx code")
    func everyStandardCodeHasAFixture() {
        let named = Set(StandardFixtures.names.compactMap(DiagnosticFixtures.namedCode))
        let standardCodes = DiagnosticCode.allCases.filter { $0.rawValue.hasPrefix("FH5") }
        #expect(standardCodes.allSatisfy(named.contains))
    }
}
