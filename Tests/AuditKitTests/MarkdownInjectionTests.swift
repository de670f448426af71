import Foundation
import Testing
@testable import AuditKit

/// Text from a tailored standard, a checklist or a summary.json, wherever the Markdown reports put
/// it: it reads as written, splits no table row, ends no code span, starts no heading, and sends
/// no control character to a terminal that shows the file.
@Suite struct MarkdownInjectionTests {
    /// A have's label that would inject HTML, split a cell and, after its line break, start a heading.
    static let label = "Ven<script>x</script>|pipe\n# heading"

    /// The built-in standard tailored: another version, and the venue's English label (and, when
    /// given, its first criterion's id) replaced.
    static func standard(version: String = "2022.1-x", label: String = label, criterion: String = "V1") throws -> String {
        var text = Standard.builtInYAML
        for (old, new) in [("version: \"2022.1\"\n", "version: \(ChecklistTemplate.quoted(version))\n"),
                           ("    en: A venue for study and activities\n", "    en: \(ChecklistTemplate.quoted(label))\n"),
                           ("      - id: V1\n", "      - id: \(ChecklistTemplate.quoted(criterion))\n")] {
            try #require(text.components(separatedBy: old).count == 2, "\(old) appears once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Two sample checklists in `folder`/checklists, the second under `name` when given.
    static func checklists(in temporary: TemporaryFolder, name: String? = nil) throws -> String {
        let folder = temporary.path("checklists")
        for file in ["chengguan-town.yaml", "county-statistics-bureau.yaml"] {
            var text = try FileTree.text(TestPaths.packageRoot.appendingPathComponent("checklists/" + file).path)
            if let name, file == "county-statistics-bureau.yaml" {
                try #require(text.contains("  name: XX县统计局\n"))
                text = text.replacingOccurrences(of: "  name: XX县统计局\n", with: "  name: \(ChecklistTemplate.quoted(name))\n")
            }
            try FileTree.write(Array(text.utf8), to: folder + "/" + file)
        }
        return folder
    }

    /// The cells of a table row, split at the pipes that no backslash escapes, as GFM splits them.
    static func cells(_ line: Substring) -> [Substring] {
        var cells: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "\\" {
                index = line.index(after: index)
                if index < line.endIndex { index = line.index(after: index) }
                continue
            }
            if line[index] == "|" {
                cells.append(line[start..<index])
                start = line.index(after: index)
            }
            index = line.index(after: index)
        }
        cells.append(line[start...])
        return cells
    }

    /// Every row of every table in `markdown` has its header's number of cells, and no line holds
    /// a control character (line feeds aside, which end the lines).
    static func expectIntact(_ markdown: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var columns: Int?
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let controls = line.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            #expect(controls.isEmpty, "\(name) line \(index + 1) holds \(controls.map(\.value))", sourceLocation: sourceLocation)
            guard line.hasPrefix("|") else { columns = nil; continue }
            if columns == nil, index + 1 < lines.count, lines[index + 1].hasPrefix("|--") || lines[index + 1].hasPrefix("|:--") {
                columns = cells(line).count
            }
            #expect(cells(line).count == columns, "\(name) line \(index + 1): \(line)", sourceLocation: sourceLocation)
        }
    }

    /// Every Markdown file of a report folder, checked with `expectIntact`.
    static func expectIntact(folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        let files = try FileTree.files(in: folder).filter { $0.key.hasSuffix(".md") }.mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(!files.isEmpty, sourceLocation: sourceLocation)
        for (name, text) in files { expectIntact(text, name, sourceLocation: sourceLocation) }
        return files
    }

    // MARK: - summary.md

    /// A tailored have's label in the headline figures: one row, with the label as written.
    @Test func aTailoredHaveLabelReadsAsWrittenInTheHeadlineFigures() throws {
        let temporary = try TemporaryFolder()
        try FileTree.write(Array(try Self.standard().utf8), to: temporary.path("standard.yaml"))
        let outcome = try AuditBinary.run(["run", try Self.checklists(in: temporary), "--standard", temporary.path("standard.yaml"),
                                           "--out", temporary.path("out"), "--lang", "en", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try #require(try Self.expectIntact(folder: temporary.path("out"))["summary.md"])
        #expect(summary.contains("\n| Units with ven&lt;script&gt;x&lt;/script&gt;\\|pipe \\# heading (all units) | 100% |\n"))
    }

    /// A baseline's date is the baseline's text: shown as written in the heading of the changes.
    @Test func aBaselineDateReadsAsWritten() throws {
        let temporary = try TemporaryFolder()
        let checklists = try Self.checklists(in: temporary)
        _ = try AuditBinary.run(["run", checklists, "--out", temporary.path("before"), "--lang", "en", "--quiet"])
        let path = temporary.path("before/summary.json")
        let original = try FileTree.text(path)
        let asOf = "\"as_of\" : \"2022-10-26\""
        try #require(original.components(separatedBy: asOf).count == 2, "the date appears once")
        let edited = original.replacingOccurrences(of: asOf, with: #""as_of" : "2022-10-26 <b>x</b> `y` \\[z\\](http://e) \u001b]0;T\u0007\n# H""#)
        try FileTree.write(Array(edited.utf8), to: path)
        let outcome = try AuditBinary.run(["run", checklists, "--baseline", path, "--out", temporary.path("after"), "--lang", "en", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try #require(try Self.expectIntact(folder: temporary.path("after"))["summary.md"])
        #expect(summary.contains(##", 2022-10-26 &lt;b&gt;x&lt;/b&gt; \`y\` \\\[z\\\](http://e) \x1B\]0;T\x07 \# H)"## + "\n"))
    }

    /// A rollup takes the haves' ids and labels from its summaries: the table headers and the
    /// headline figures show them as written.
    @Test func aRollupShowsItsSummariesHavesAsWritten() throws {
        let temporary = try TemporaryFolder()
        _ = try AuditBinary.run(["run", RunFixtures.round1, "--out", temporary.path("west"), "--lang", "en", "--quiet"])
        _ = try AuditBinary.run(["run", RunFixtures.round2, "--out", temporary.path("east"), "--lang", "en", "--quiet"])
        for county in ["west", "east"] {
            let path = temporary.path("\(county)/summary.json")
            let original = try FileTree.text(path)
            let edited = original
                .replacingOccurrences(of: "\"A venue for study and activities\"", with: #""Ven<script>x</script>|pipe\n# heading""#)
                .replacingOccurrences(of: "\"venue\"", with: #""v`e|n\nue""#)
            try #require(edited != original)
            try FileTree.write(Array(edited.utf8), to: path)
        }
        let outcome = try AuditBinary.run(["rollup", "west/summary.json", "east/summary.json", "--out", "rollup", "--lang", "en"],
                                          in: temporary.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try #require(try Self.expectIntact(folder: temporary.path("rollup"))["summary.md"])
        #expect(summary.contains("\n| Units with ven&lt;script&gt;x&lt;/script&gt;\\|pipe \\# heading (all units) | "))
        #expect(summary.contains(" | Grade | v\\`e\\|n ue | Equipment | "))
    }

    // MARK: - A tailored standard's version and criterion ids

    /// A version that would end a code span, start a heading and retitle the terminal.
    static let version = "9`<img src=x onerror=alert(2)>\n# X\u{1B}]0;PWNED\u{07}"
    static let versionShown = ##"9\`&lt;img src=x onerror=alert(2)&gt; \# X\x1B\]0;PWNED\x07"##
    /// A criterion id that would end a code span, split a cell and start a heading.
    static let criterion = "V1`|<b>\n# h"
    static let criterionShown = ##"V1\`\|&lt;b&gt; \# h"##

    /// The scorecards and the summary of `audit run` show the version and the criterion ids as written.
    @Test func aTailoredVersionAndCriterionIDReadAsWrittenInTheReports() throws {
        let temporary = try TemporaryFolder()
        let standard = try Self.standard(version: Self.version, criterion: Self.criterion)
        try FileTree.write(Array(standard.utf8), to: temporary.path("standard.yaml"))
        let outcome = try AuditBinary.run(["run", try Self.checklists(in: temporary), "--standard", temporary.path("standard.yaml"),
                                           "--out", temporary.path("out"), "--lang", "en", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = try Self.expectIntact(folder: temporary.path("out"))
        let title = "Five-haves standard for retired cadres' study and activity facilities"
        let summary = try #require(files["summary.md"])
        #expect(summary.contains("\n- Standard: \(title) (five-haves \(Self.versionShown))\n"))
        let card = try #require(files["units/chengguan-town.md"])
        #expect(card.contains("\n- Standard: \(title) (five-haves \(Self.versionShown))\n"))
        #expect(card.contains("\n| ✓ | \(Self.criterionShown) A dedicated or shared venue exists (essential) | 4 / 4 | "))
    }

    /// `audit score --format markdown` writes to a terminal: a unit's name and the standard's
    /// version reach it as text, never as control sequences.
    @Test func scoreMarkdownSendsNoControlSequence() throws {
        let temporary = try TemporaryFolder()
        let standard = try Self.standard(version: Self.version, criterion: Self.criterion)
        try FileTree.write(Array(standard.utf8), to: temporary.path("standard.yaml"))
        let folder = try Self.checklists(in: temporary, name: "\u{1B}c\u{1B}(0Unit\u{7}")
        let outcome = try AuditBinary.run(["score", "--format", "markdown", "--standard", temporary.path("standard.yaml"),
                                           "--lang", "en", folder + "/county-statistics-bureau.yaml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        Self.expectIntact(outcome.stdout, "standard output")
        #expect(outcome.stdout.hasPrefix(##"# \x1Bc\x1B(0Unit\x07 (`county-statistics-bureau`)"## + "\n"))
        #expect(outcome.stdout.contains(" (five-haves \(Self.versionShown))\n"))
        #expect(outcome.stdout.contains("| \(Self.criterionShown) A dedicated or shared venue exists (essential) | "))
    }

    /// `audit standard show --format markdown` shows a tailored standard's version and ids as written.
    @Test func standardShowMarkdownShowsTheVersionAndIDsAsWritten() throws {
        let temporary = try TemporaryFolder()
        let standard = try Self.standard(version: Self.version, criterion: Self.criterion)
        try FileTree.write(Array(standard.utf8), to: temporary.path("standard.yaml"))
        let outcome = try AuditBinary.run(["standard", "show", "--format", "markdown", "--standard", temporary.path("standard.yaml")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        Self.expectIntact(outcome.stdout, "standard output")
        #expect(outcome.stdout.contains("\n- id / version: `five-haves` \(Self.versionShown)\n"))
        #expect(outcome.stdout.contains("\n| \(Self.criterionShown) | 有专用或共用的学习活动场所 / A dedicated or shared venue exists — essential | "))
    }
}
