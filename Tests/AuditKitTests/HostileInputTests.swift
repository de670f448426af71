import Foundation
import Testing
@testable import AuditKit

/// Inputs made to hurt a loader, generated into a temporary folder: alias bombs, deep nesting,
/// control characters, odd numbers, other line endings, tabs, and YAML 1.1's implicit typing.
@Suite("Hostile input")
struct HostileInputTests {
    /// The valid base checklist of the diagnostics fixtures, as text (its file name must stay
    /// `valid-base.yaml`, which matches its `unit.id`).
    static func base() throws -> String {
        try String(contentsOfFile: DiagnosticFixtures.path("valid-base.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  # expect: none", with: "")
    }

    /// The base with one line replaced.
    static func base(replacing line: String, with replacement: String) throws -> String {
        let text = try base()
        guard text.contains(line + "\n") else { throw CocoaError(.fileReadCorruptFile) }
        return text.replacingOccurrences(of: line + "\n", with: replacement + "\n")
    }

    /// Reads `bytes` as the file `valid-base.yaml` of a fresh folder.
    static func read(_ bytes: [UInt8], name: String = "valid-base.yaml") throws -> FileReport {
        try ScratchFolder.with { folder in
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return DiagnosticFixtures.reader.read(InputFile(path: url.path, treeRoot: folder.path))
        }
    }

    static func read(_ text: String) throws -> FileReport { try read(Array(text.utf8)) }

    // MARK: - Alias bombs and nesting

    @Test("A billion-laughs file ends quickly with FH108")
    func billionLaughs() throws {
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]"]
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let clock = ContinuousClock()
        var report: FileReport?
        let elapsed = try clock.measure { report = try Self.read(lines.joined(separator: "\n") + "\n") }
        let result = try #require(report)
        // a has 11 nodes, b 111, c 1,111: the 8th *c on line 4 takes the aliases past 10,000 nodes.
        expectAgreement(result.diagnostics, [ExpectedDiagnostic(.aliasBudget, line: 4, column: 36)], in: "billion laughs")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// One long text named again and again is one node each time, but every check reads it in
    /// full: a megabyte named a thousand times took minutes and gigabytes before aliases were
    /// also held to 1 MiB of repeated text.
    @Test("A long text repeated through aliases ends quickly with FH108")
    func repeatedText() throws {
        let text = "a: &a \"" + String(repeating: "x", count: 100_000) + "\"\nb: ["
            + Array(repeating: "*a", count: 11).joined(separator: ", ") + "]\n"
        let clock = ContinuousClock()
        var report: FileReport?
        let elapsed = try clock.measure { report = try Self.read(text) }
        let result = try #require(report)
        // Ten repeats are 1,000,000 bytes; the 11th *a, at column 45, passes 1,048,576.
        expectAgreement(result.diagnostics, [ExpectedDiagnostic(.aliasBudget, line: 2, column: 45)], in: "repeated text")
        #expect(result.diagnostics.first?.message.en == "aliases repeat more than 1048576 bytes of text")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// Items written with Chinese commas get a hint that spells them out with `,`, but only a
    /// handful: thousands of them must not make a diagnostic as long as the file.
    @Test("The list-separator hint spells out a few items, not thousands")
    func listSeparatorHintStaysShort() {
        let reader = ScalarReader(catalogues: .builtIn)
        let choices = [Choice("reading", zh: "阅读", en: "reading"), Choice("study", zh: "学习", en: "study")]
        func hint(_ count: Int) -> String? {
            var sink = DiagnosticSink(file: "x.yaml")
            let text = Array(repeating: "reading", count: count).joined(separator: "，")
            let read = text.withBytes {
                reader.read($0, style: .plain, as: .choice(choices), path: { "venue.rooms[0]" }, mark: Mark(line: 1, column: 1), sink: &sink)
            }
            #expect(read == nil)
            return sink.diagnostics.first?.hint.en
        }
        #expect(hint(3) == "separate the items with a half-width comma: [reading, reading, reading]")
        let long = hint(5_000) ?? ""
        #expect(!long.contains("half-width comma"))
        #expect(long.utf8.count < 1_000, "\(long.utf8.count) bytes")
    }

    struct NestingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [ExpectedDiagnostic]
        var testDescription: String { name }
    }

    static let nestingCases: [NestingCase] = [
        // The 65th opening bracket is one level too deep.
        NestingCase(name: "10,000 flow sequences",
                    text: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n",
                    expected: [ExpectedDiagnostic(.tooDeep, line: 1, column: 65)]),
        NestingCase(name: "10,000 flow mappings",
                    text: String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000) + "\n",
                    expected: [ExpectedDiagnostic(.tooDeep, line: 1, column: 1 + 4 * 64)]),
        NestingCase(name: "10,000 block sequences",
                    text: String(repeating: "- ", count: 10_000) + "x\n",
                    expected: [ExpectedDiagnostic(.tooDeep, line: 1, column: 1 + 2 * 64)]),
        // 64 levels are allowed: this is only a top level that is not a mapping.
        NestingCase(name: "64 flow sequences",
                    text: String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n",
                    expected: [ExpectedDiagnostic(.notMapping, line: 1, column: 1)]),
    ]

    @Test("Deep nesting stops at 64 levels", arguments: nestingCases)
    func nesting(_ nestingCase: NestingCase) throws {
        let clock = ContinuousClock()
        var report: FileReport?
        let elapsed = try clock.measure { report = try Self.read(nestingCase.text) }
        expectAgreement(try #require(report).diagnostics, nestingCase.expected, in: nestingCase.name)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    // MARK: - Control characters, line endings, byte-order mark

    struct NULCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable (String) -> [UInt8]
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    /// `  name: XX县气象局` with a NUL after 县: column 12 of line 4, whatever ends the lines.
    static func withNUL(_ text: String) -> String {
        text.replacingOccurrences(of: "  name: XX县气象局", with: "  name: XX县\u{0}气象局")
    }

    static let nulCases: [NULCase] = [
        NULCase(name: "LF", bytes: { Array(withNUL($0).utf8) }, line: 4, column: 12),
        NULCase(name: "CR LF", bytes: { Array(withNUL($0).replacingOccurrences(of: "\n", with: "\r\n").utf8) }, line: 4, column: 12),
        NULCase(name: "CR", bytes: { Array(withNUL($0).replacingOccurrences(of: "\n", with: "\r").utf8) }, line: 4, column: 12),
        // A byte-order mark takes no column, as in libyaml's own marks.
        NULCase(name: "BOM, first line", bytes: { [0xEF, 0xBB, 0xBF] + Array($0.replacingOccurrences(of: "format: five", with: "format: \u{0}five").utf8) },
                line: 1, column: 9),
        NULCase(name: "first byte", bytes: { [0] + Array($0.utf8) }, line: 1, column: 1),
    ]

    @Test("A NUL byte is a syntax error at its place", arguments: nulCases)
    func nulByte(_ nulCase: NULCase) throws {
        let report = try Self.read(nulCase.bytes(try Self.base()))
        expectAgreement(report.diagnostics, [ExpectedDiagnostic(.syntax, line: nulCase.line, column: nulCase.column)],
                        in: "NUL, \(nulCase.name)")
        #expect(report.diagnostics.allSatisfy { $0.message.en.contains("control character") })
    }

    @Test("CR LF line endings report the same places", arguments: DiagnosticFixtures.markedFiles)
    func crlf(_ name: String) throws {
        let text = try String(contentsOfFile: DiagnosticFixtures.path(name), encoding: .utf8)
        let expected = try #require(try ExpectationMarkers.parse(text))
        let report = try Self.read(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), name: name)
        expectAgreement(report.diagnostics, expected, in: "\(name) with CR LF")
    }

    @Test("A UTF-8 byte-order mark is accepted and takes no column")
    func byteOrderMark() throws {
        let valid = try Self.read([0xEF, 0xBB, 0xBF] + Array(try Self.base().utf8))
        expectAgreement(valid.diagnostics, [], in: "BOM")
        #expect(valid.checklist != nil)
        let wrong = try Self.base(replacing: "format: five-haves/1", with: "format: five-haves/2")
        let report = try Self.read([0xEF, 0xBB, 0xBF] + Array(wrong.utf8))
        expectAgreement(report.diagnostics, [ExpectedDiagnostic(.unknownFormat, line: 1, column: 9, keyPath: "format")], in: "BOM")
    }

    @Test("A tab that indents is a syntax error; a tab that separates is fine")
    func tabs() throws {
        let indented = try Self.read(try Self.base(replacing: "  name: XX县气象局", with: "\tname: XX县气象局"))
        expectAgreement(indented.diagnostics, [ExpectedDiagnostic(.syntax, line: 4, column: 1)], in: "tab indentation")
        #expect(indented.diagnostics.first?.message.en.contains("tab") == true)

        let separated = try Self.read(try Self.base(replacing: "  name: XX县气象局", with: "  name:\tXX县气象局\t"))
        expectAgreement(separated.diagnostics, [], in: "tab after the colon")
        #expect(separated.checklist?.name == "XX县气象局")

        let inside = try Self.read(try Self.base(replacing: "  inspector: 王秀英", with: "  inspector: 王秀英\n  notes: 现场\t核实"))
        expectAgreement(inside.diagnostics, [], in: "tab inside a value")
        #expect(inside.checklist?.root.value(at: "inspection.notes")?.string == "现场\t核实")
    }

    // MARK: - Numbers and implicit typing

    struct NumberCase: Sendable, CustomTestStringConvertible {
        var text: String
        var code: DiagnosticCode?
        /// What the English message must say, when it matters.
        var says: String? = nil
        var testDescription: String { "area_m2: \(text)" }
    }

    static let areaCases: [NumberCase] = [
        NumberCase(text: "1e400", code: .outOfRange, says: "above the maximum"),     // overflows to infinity
        NumberCase(text: "-1e400", code: .outOfRange, says: "must be greater than 0"), // and to minus infinity
        NumberCase(text: "1e15", code: .outOfRange),       // beyond any plausible figure
        NumberCase(text: ".nan", code: .notNumber),
        NumberCase(text: ".NaN", code: .notNumber),
        NumberCase(text: ".inf", code: .notNumber),
        NumberCase(text: "-.inf", code: .notNumber),
        NumberCase(text: "-0", code: .outOfRange),         // the area must be above 0
        NumberCase(text: "0.0", code: .outOfRange),
        NumberCase(text: "0x55", code: .notNumber),        // no YAML 1.1 hexadecimal
        NumberCase(text: "85.5", code: nil),
        NumberCase(text: "8.55e1", code: nil),
        NumberCase(text: "+85", code: nil),
    ]

    @Test("Odd numbers in area_m2", arguments: areaCases)
    func area(_ numberCase: NumberCase) throws {
        let report = try Self.read(try Self.base(replacing: "  area_m2: 40", with: "  area_m2: \(numberCase.text)"))
        let expected = numberCase.code.map { [ExpectedDiagnostic($0, line: 13, column: 12, keyPath: "venue.area_m2")] } ?? []
        expectAgreement(report.diagnostics, expected, in: "area_m2: \(numberCase.text)")
        if let says = numberCase.says {
            #expect(report.diagnostics.allSatisfy { $0.message.en.contains(says) }, "\(report.diagnostics.map(\.message.en))")
        }
        if numberCase.code == nil {
            let area = try #require(report.checklist?.root.value(at: "venue.area_m2")?.number)
            #expect(area == 85.5 || area == 85)
        }
    }

    @Test("-0 is zero where zero is allowed")
    func negativeZero() throws {
        let report = try Self.read(try Self.base(replacing: "  area_m2: 40", with: "  area_m2: 40\n  open_hours_per_week: -0"))
        expectAgreement(report.diagnostics, [], in: "open_hours_per_week: -0")
        let hours = try #require(report.checklist?.root.value(at: "venue.open_hours_per_week")?.number)
        #expect(hours == 0 && hours.sign == .plus)
    }

    @Test("Strings stay strings: a township named NO is valid")
    func implicitTyping() throws {
        let text = try Self.base(replacing: "  category: institution",
                                 with: "  category: township\n  township: NO\n  contact: 010")
            .replacingOccurrences(of: "  inspector: 王秀英\n", with: "  inspector: on\n  round: 2022-06\n  notes: yes\n")
        let report = try Self.read(text)
        expectAgreement(report.diagnostics, [], in: "implicit typing")
        let checklist = try #require(report.checklist)
        #expect(checklist.township == "NO")
        #expect(checklist.root.value(at: "unit.contact")?.string == "010")
        #expect(checklist.root.value(at: "inspection.inspector")?.string == "on")
        #expect(checklist.root.value(at: "inspection.round")?.string == "2022-06")
        #expect(checklist.root.value(at: "inspection.notes")?.string == "yes")
    }

    struct BooleanCase: Sendable, CustomTestStringConvertible {
        var text: String
        var meant: String
        var testDescription: String { "party_branch: \(text)" }
    }

    static let booleanCases: [BooleanCase] = [
        BooleanCase(text: "yes", meant: "true"), BooleanCase(text: "On", meant: "true"), BooleanCase(text: "是", meant: "true"),
        BooleanCase(text: "no", meant: "false"), BooleanCase(text: "off", meant: "false"), BooleanCase(text: "否", meant: "false"),
    ]

    @Test("YAML 1.1 booleans are FH207 with a hint", arguments: booleanCases)
    func booleans(_ booleanCase: BooleanCase) throws {
        let report = try Self.read(try Self.base(replacing: "  category: institution",
                                                 with: "  category: institution\n  party_branch: \(booleanCase.text)"))
        expectAgreement(report.diagnostics, [ExpectedDiagnostic(.notBoolean, line: 6, column: 17, keyPath: "unit.party_branch")],
                        in: "party_branch: \(booleanCase.text)")
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.hint.en.contains(booleanCase.meant))
        #expect(diagnostic.hint.zh.contains(booleanCase.meant))
    }
}
