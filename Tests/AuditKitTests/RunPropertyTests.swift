import Foundation
import Testing
@testable import AuditKit

/// The properties promised of `audit run`: deterministic, no wall-clock time, user text
/// escaped in HTML and neutralised in CSV, safe writes, and the committed `reports/` reproducible.
@Suite struct RunPropertyTests {
    // MARK: - Determinism

    @Test func rerunningGivesByteIdenticalFiles() throws {
        let temporary = try TemporaryFolder()
        let arguments = ["run", RunFixtures.round2, "--lang", "en", "--out"]
        let first = try RunFixtures.audit(arguments + [temporary.path("first")])
        let second = try RunFixtures.audit(arguments + [temporary.path("second")])
        #expect(first.status == second.status)
        // The same diagnostics, and the closing line naming each run's own folder.
        #expect(first.stderr.replacingOccurrences(of: temporary.path("first"), with: "OUT")
                == second.stderr.replacingOccurrences(of: temporary.path("second"), with: "OUT"))
        #expect(first.stderr.hasSuffix("wrote \(temporary.path("first"))/: 5 units, 1 invalid checklist\n"), "\(first.stderr)")
        // A folder given with a slash at its end is named with one.
        let slashed = try RunFixtures.audit(arguments + [temporary.path("first") + "//"])
        #expect(slashed.stderr.hasSuffix("wrote \(temporary.path("first"))/: 5 units, 1 invalid checklist\n"), "\(slashed.stderr)")
        let firstFiles = try FileTree.files(in: temporary.path("first"))
        #expect(firstFiles.count == RunFixtures.round2Files.count)
        #expect(FileTree.difference(firstFiles, try FileTree.files(in: temporary.path("second"))) == nil)
        // Again into the same folder: nothing changes.
        _ = try RunFixtures.audit(arguments + [temporary.path("first")])
        #expect(FileTree.difference(firstFiles, try FileTree.files(in: temporary.path("first"))) == nil)
    }

    @Test func rollupsAreDeterministic() throws {
        let temporary = try TemporaryFolder()
        try RunReportTests.twoCounties(in: temporary)
        for out in ["first", "second"] {
            let outcome = try RunFixtures.audit(["rollup", "east-county/summary.json", "west-county/summary.json",
                                                 "--out", out, "--lang", "zh"], in: temporary.url)
            #expect(outcome.status == 0)
        }
        #expect(FileTree.difference(try FileTree.files(in: temporary.path("first")),
                                    try FileTree.files(in: temporary.path("second"))) == nil)
    }

    @Test func noWallClockTimeIsWritten() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        let files = try FileTree.files(in: out)
        // Today's date in any time zone: yesterday, today or tomorrow in UTC.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let now = Date()
        let days = try [-1, 0, 1].map { offset -> String in
            let day = try #require(calendar.date(byAdding: .day, value: offset, to: now))
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let year = try #require(parts.year), month = try #require(parts.month), date = try #require(parts.day)
            return String(format: "%04d-%02d-%02d", year, month, date)
        }
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            for day in days { #expect(!text.contains(day), "\(name) holds today's date \(day)") }
            #expect(text.firstMatch(of: /\d\d:\d\d:\d\d/) == nil, "\(name) holds a time of day")
        }
        // The only "as of" date is the latest inspection date of the checklists.
        let document = try RunFixtures.summary(files["summary.json"])
        #expect(document.asOf == "2023-06-13")
        #expect(document.units.map(\.inspectionDate).max() == "2023-06-13")
        let markdown = String(decoding: try #require(files["summary.md"]), as: UTF8.self)
        #expect(markdown.contains("- As of (latest inspection): 2023-06-13\n"))
    }

    // MARK: - Hostile text

    /// The hostile names and townships of `Fixtures/run/hostile`, by unit id.
    static let hostileNames = [
        "hostile-script": "<script>alert(1)</script>",
        "hostile-plus": "+1+1",
        "hostile-at": "@SUM(A1)",
        "hostile-lines": "甲单位, 乙单位\n第二行 \"引号\"",
    ]
    static let hostileTownships = [
        "hostile-script": "=cmd|' /C calc'!A0",
        "hostile-plus": "-2",
        "hostile-at": "\"quoted\"",
        "hostile-lines": "北塬乡, 南山镇",
    ]

    /// What a spreadsheet cell must hold for `text`: a `'` before a leading formula character.
    static func neutralised(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first) else { return text }
        return "'" + text
    }

    static func hostileRun(_ temporary: TemporaryFolder) throws -> [String: [UInt8]] {
        let out = temporary.path("out")
        let outcome = try RunFixtures.audit(["run", RunFixtures.hostile, "--out", out, "--lang", "en"])
        #expect(outcome.status == 0)
        return try FileTree.files(in: out)
    }

    @Test func hostileTextIsEscapedInHTML() throws {
        let temporary = try TemporaryFolder()
        let files = try Self.hostileRun(temporary)
        let html = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        #expect(!html.isEmpty)
        #expect(!html.lowercased().contains("<script"), "no script element, and none from a unit's name")
        #expect(html.contains("alert(1)"), "the name is shown")
        #expect(!html.contains("\"quoted\""), "quotes are escaped")
        #expect(!html.contains("|' /C calc'"), "apostrophes are escaped")
        for (name, bytes) in files where name.hasSuffix(".md") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script>"), "\(name) carries a raw HTML tag")
        }
        // A name's line break does not break a table row in Markdown.
        let markdown = String(decoding: try #require(files["summary.md"]), as: UTF8.self)
        #expect(markdown.contains("甲单位, 乙单位 第二行 \"引号\""))
    }

    @Test func hostileTextIsNeutralisedInSummaryCSV() throws {
        let temporary = try TemporaryFolder()
        let files = try Self.hostileRun(temporary)
        let bytes = try #require(files["summary.csv"])
        let csv = CSVFile(bytes)
        #expect(csv.hasByteOrderMark)
        #expect(csv.recordsEndWithCRLF)
        #expect(csv.rows.count == 5)
        #expect(csv.rows.allSatisfy { $0.count == csv.header.count }, "a comma or line break in a value never shifts a column")
        for (id, name) in Self.hostileNames {
            #expect(csv.value("name", where: "unit_id", is: id) == Self.neutralised(name), "\(id)")
        }
        for (id, township) in Self.hostileTownships {
            #expect(csv.value("township", where: "unit_id", is: id) == Self.neutralised(township), "\(id)")
        }
        #expect(csv.value("township", where: "unit_id", is: "hostile-plus") == "'-2", "text that reads like a number is still text")
        // No cell starts a formula; the computed numbers stay plain numbers.
        for row in csv.rows {
            for cell in row {
                #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(cell)")
            }
        }
        for row in csv.rows.dropFirst() {
            for column in ["rank", "retirees", "score", "venue_points", "funding_points"] {
                let index = try #require(csv.header.firstIndex(of: column))
                #expect(Double(row[index]) != nil, "\(column) = \(row[index])")
            }
        }
        // Quoting, as written.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(",\"\"\"quoted\"\"\","))
        #expect(text.contains(",\"甲单位, 乙单位\n第二行 \"\"引号\"\"\","))
        #expect(text.contains(",\"北塬乡, 南山镇\","))
        #expect(text.contains(",'=cmd|' /C calc'!A0,"))
    }

    @Test func hostileTextIsNeutralisedInRectificationsCSV() throws {
        let temporary = try TemporaryFolder()
        let files = try Self.hostileRun(temporary)
        let csv = CSVFile(try #require(files["rectifications.csv"]))
        #expect(csv.hasByteOrderMark)
        #expect(csv.recordsEndWithCRLF)
        #expect(csv.rows.count > 1)
        #expect(csv.rows.allSatisfy { $0.count == csv.header.count })
        for (id, name) in Self.hostileNames {
            #expect(csv.value("unit_name", where: "unit_id", is: id) == Self.neutralised(name), "\(id)")
        }
        for row in csv.rows {
            for cell in row {
                #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(cell)")
            }
        }
        let gain = try #require(csv.header.firstIndex(of: "gain"))
        #expect(csv.rows.dropFirst().allSatisfy { Double($0[gain]) != nil })
    }

    @Test func everyCSVHasAByteOrderMarkAndCRLF() throws {
        let temporary = try TemporaryFolder()
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("out"), "--lang", "zh"])
        for name in ["summary.csv", "rectifications.csv"] {
            let bytes = try FileTree.bytes(temporary.path("out/\(name)"))
            let csv = CSVFile(bytes)
            #expect(csv.hasByteOrderMark, "\(name)")
            #expect(csv.recordsEndWithCRLF, "\(name)")
            #expect(csv.rows.allSatisfy { $0.count == csv.header.count }, "\(name)")
        }
    }

    // MARK: - Safe writing

    @Test func failedWriteLeavesThePreviousReportsIntact() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let first = try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"])
        #expect(first.status == 0)
        let before = try FileTree.files(in: out)
        // A plain file where the scorecards' folder should be: staging a scorecard fails.
        try FileManager.default.removeItem(atPath: out + "/units")
        try FileTree.write(Array("not a folder\n".utf8), to: out + "/units")
        let second = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("audit: cannot write the reports: \(out)/units: not a folder"))
        let chinese = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "zh"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("audit：无法写入报告：\(out)/units：不是文件夹"))
        let after = try FileTree.files(in: out)
        for name in RunFixtures.summaryFiles + [ReportWriter.manifestName] {
            #expect(after[name] != nil && after[name] == before[name], "\(name) changed")
        }
        #expect(after.keys.sorted() == (before.keys.filter { !$0.hasPrefix("units/") } + ["units"]).sorted(),
                "no temporary file is left behind")
    }

    /// A folder where one report goes: every report written is still the previous round's, with
    /// no mix of two rounds, and no temporary file is left.
    @Test func folderInTheWayOfOneReportReplacesNone() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
        try FileManager.default.removeItem(atPath: out + "/summary.md")
        try FileManager.default.createDirectory(atPath: out + "/summary.md", withIntermediateDirectories: false)
        let before = try FileTree.files(in: out)
        let second = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "zh"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("audit：无法写入报告：\(out)/summary.md：这是一个文件夹"))
        #expect(try FileTree.files(in: out) == before)
    }

    /// A `units` that is a link would take the scorecards, and the removal of stale ones, out of
    /// the output folder: the run refuses it, writes nothing there, and says what to do.
    @Test(arguments: [false, true])
    func aScorecardFolderThatIsALinkIsRefused(hadReports: Bool) throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let elsewhere = temporary.path("elsewhere")
        try FileTree.write(Array("mine".utf8), to: elsewhere + "/shitou-township.md")
        if hadReports {
            #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
            try FileManager.default.removeItem(atPath: out + "/units")
        } else {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: out + "/units", withDestinationPath: elsewhere)
        let before = try FileTree.files(in: out)
        let run = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("audit: cannot write the reports: \(out)/units: is a link: reports are written only into a folder of the output folder's own"))
        #expect(try FileTree.files(in: elsewhere) == ["shitou-township.md": Array("mine".utf8)])
        #expect(try FileTree.files(in: out) == before)
    }

    /// Two commands writing into one folder at once would rename their files over each other's
    /// and leave scorecards no list names: while one holds the folder, another is refused
    /// before it writes anything, and goes ahead once the folder is free.
    @Test func aFolderAnotherCommandIsWritingIsRefused() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
        try FileManager.default.copyItem(atPath: out + "/summary.json", toPath: temporary.path("county.json"))
        let before = try FileTree.files(in: out)
        try withExtendedLifetime(ReportWriter.FolderHold(out)) {
            let run = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
            #expect(run.status == 2)
            #expect(run.stderr == "audit: cannot write the reports: \(out): another audit command is writing reports into this folder; "
                    + "wait for it to finish, or choose another --out folder\n")
            let rollup = try RunFixtures.audit(["rollup", temporary.path("county.json"), "--out", out, "--lang", "zh"])
            #expect(rollup.status == 2)
            #expect(rollup.stderr == "audit：无法写入报告：\(out)：另一个 audit 命令正在向这个文件夹写入报告；等它结束，或用 --out 换一个输出文件夹\n")
            #expect(try FileTree.files(in: out) == before)
        }
        #expect(try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"]).status == 1)
        #expect(try FileTree.files(in: out) != before)
    }

    /// The same with folders where two scorecards go: the first of them in path order is named,
    /// and nothing is replaced.
    @Test func folderInTheWayOfAScorecardReplacesNone() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
        for unit in ["shitou-township", "county-culture-bureau"] {
            try FileManager.default.removeItem(atPath: out + "/units/\(unit).md")
            try FileManager.default.createDirectory(atPath: out + "/units/\(unit).md", withIntermediateDirectories: false)
        }
        let before = try FileTree.files(in: out)
        let second = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("audit: cannot write the reports: \(out)/units/county-culture-bureau.md: Is a directory"))
        #expect(try FileTree.files(in: out) == before)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: out + "/units/shitou-township.md", isDirectory: &isFolder) && isFolder.boolValue,
                "the folder in the way of the second scorecard is left as it was")
    }

    /// Hundreds of files are renamed in two lanes; when renames fail, the first failing file in
    /// path order is named, whichever lane met its failure first, and every file before it is in
    /// place.
    @Test func aFailedRenameNamesTheFirstFileInOrder() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        var staging = try ReportWriter.Staging(folder: out)
        let paths = (0..<300).map { "units/u\(1000 + $0).md" }
        for path in paths { try staging.stage(path) { $0.write("x\n") } }
        // Two files whose temporaries are gone, one in each lane: their renames fail.
        for index in [101, 250] {
            #expect(unlink(out + "/" + paths[index] + ".partial-\(ReportWriter.processID)-0") == 0)
        }
        do {
            _ = try staging.commit()
            Issue.record("the commit went through with two files missing")
        } catch {
            #expect(error.path == out + "/" + paths[101])
        }
        for path in paths[..<101] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "\(path)")
        }
    }

    /// A run into a folder without `units/` writes its scorecards into a new folder and renames
    /// it into place whole; nothing of that folder is left beside the reports, and the files are
    /// those a run into the folder as it now is writes again.
    @Test func aFirstRunPutsTheScorecardFolderInPlaceWhole() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let arguments = ["run", RunFixtures.round2, "--out", out, "--lang", "en"]
        #expect(try RunFixtures.audit(arguments).status == 1)
        let manager = FileManager.default
        #expect(try manager.contentsOfDirectory(atPath: out).sorted() == ([ReportWriter.manifestName] + RunFixtures.summaryFiles + ["units"]).sorted())
        #expect(try manager.contentsOfDirectory(atPath: out + "/units").sorted() == RunFixtures.round2Units.map { "\($0).md" })
        let first = try FileTree.files(in: out)
        #expect(first.keys.sorted() == RunFixtures.round2Files)
        #expect(try RunFixtures.audit(arguments).status == 1)
        #expect(FileTree.difference(first, try FileTree.files(in: out)) == nil)
    }

    /// What runs killed before their commit left behind goes at the next run: temporaries named as
    /// this tool names them, of processes no longer running. A run still going (here, the test
    /// process itself) keeps its files, and so does every other name.
    @Test func leftoversOfKilledRunsAreRemovedByTheNextRun() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let arguments = ["run", RunFixtures.round2, "--out", out, "--lang", "en"]
        #expect(try RunFixtures.audit(arguments).status == 1)
        let reports = try FileTree.files(in: out)
        let gone = 2_000_000_000  // no process has this id
        let running = getpid()
        let leftovers = ["summary.json.partial-\(gone)", "units/x.md.partial-\(gone)-3", ".audit-outputs.tmp-\(gone)",
                         "units.partial-\(gone)/x.md", "units.partial-\(gone)/y.md.partial-\(gone)-2"]
        let kept = ["summary.json.partial-\(running)", "units/y.md.partial-\(running)-1", "units.partial-\(running)/y.md",
                    "notes.partial-draft.txt", "partial-\(gone)", "units/z.md.partial-\(gone)-x", "units/w.md.partial-\(gone)-1-2",
                    "notes.tmp-\(gone)",
                    // Files of one's own that only look like this tool's: not its reports' names.
                    "budget.partial-\(gone)", "minutes.partial-\(gone)-6", "units/My Notes.md.partial-\(gone)",
                    "units/my-notes.md.partial-\(gone)",
                    "units/x.txt.partial-\(gone)", ".audit-outputs.tmp-\(gone)-1", "summary.pdf.partial-\(gone)"]
        for path in leftovers + kept { try FileTree.write(Array("left".utf8), to: out + "/" + path) }
        // A link named like a first run's folder: the link may go, what it leads to stays.
        let elsewhere = temporary.path("elsewhere")
        try FileTree.write(Array("mine".utf8), to: elsewhere + "/mine.md")
        try FileManager.default.createSymbolicLink(atPath: out + "/units.partial-\(gone + 1)", withDestinationPath: elsewhere)
        #expect(try RunFixtures.audit(arguments).status == 1)
        #expect(try FileTree.files(in: elsewhere) == ["mine.md": Array("mine".utf8)])
        let after = try FileTree.files(in: out)
        for path in leftovers { #expect(after[path] == nil, "\(path) is left") }
        for path in kept { #expect(after[path] == Array("left".utf8), "\(path) was removed") }
        #expect(!FileManager.default.fileExists(atPath: out + "/units.partial-\(gone)"))
        #expect(FileTree.difference(reports, after.filter { !kept.contains($0.key) }) == nil)
    }

    @Test func onlyThisToolsTemporaryNamesAreLeftovers() {
        #expect(ReportWriter.leftover("summary.json.partial-123", marker: ".partial-") == 123)
        #expect(ReportWriter.leftover("a.md.partial-123-45", marker: ".partial-") == 123)
        #expect(ReportWriter.leftover("units.partial-7", marker: ".partial-") == 7)
        #expect(ReportWriter.leftover(".audit-outputs.tmp-99", marker: ".tmp-") == 99)
        // Of those, only the temporary names of the reports themselves.
        #expect(ReportWriter.isLeftover("summary.json.partial-123", inUnits: false) == 123)
        #expect(ReportWriter.isLeftover("rectifications.csv.partial-123-4", inUnits: false) == 123)
        #expect(ReportWriter.isLeftover("units.partial-7", inUnits: false) == 7)
        #expect(ReportWriter.isLeftover(".audit-outputs.tmp-99", inUnits: false) == 99)
        #expect(ReportWriter.isLeftover("county-education-bureau.md.partial-5-12", inUnits: true) == 5)
        for name in ["budget.partial-2022", "minutes.partial-2023-06", "my-notes.md.partial-2021", ".audit-outputs.tmp-1-2"] {
            #expect(ReportWriter.isLeftover(name, inUnits: false) == nil, "\(name)")
        }
        for name in ["My Notes.md.partial-3", "notes.txt.partial-3", "summary.json.partial-3", "-x.md.partial-3", "my-notes.md.partial-2021"] {
            #expect(ReportWriter.isLeftover(name, inUnits: true) == nil, "\(name)")
        }
        for name in [".partial-123", "a.partial-", "a.partial-12a", "a.partial-1-2-3", "a.partial--1", "a.partial-0",
                     "a.partial-1-", "a.partial-99999999999", "a.partial-123.md", "a.tmp-1-2"] {
            #expect(ReportWriter.leftover(name, marker: name.contains(".tmp-") ? ".tmp-" : ".partial-") == nil, "\(name)")
        }
    }

    /// A run that cannot put its reports in place leaves a folder that had no `units/` without
    /// one, and without the folder its scorecards were written to.
    @Test func aFailedFirstRunLeavesNoScorecardFolder() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        try FileManager.default.createDirectory(atPath: out + "/summary.md", withIntermediateDirectories: true)
        let outcome = try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("audit: cannot write the reports: \(out)/summary.md: Is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.md"])
    }

    /// When every unit scored is dropped (two checklists with one unit id), no scorecard folder is
    /// left, neither `units/` nor the new folder the scorecards were written to.
    @Test func aFirstRunWithOnlyDroppedUnitsLeavesNoScorecardFolder() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        let fixture = TestPaths.fixture("diagnostics/fh305-duplicate-unit-id")
        for folder in ["bureau", "township"] {
            try FileTree.write(try FileTree.bytes(fixture + "/\(folder)/same-unit.yaml"), to: temporary.path("in/\(folder)/same-unit.yaml"))
        }
        let outcome = try RunFixtures.audit(["run", temporary.path("in"), "--out", out, "--lang", "en"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("FH305"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ([ReportWriter.manifestName] + RunFixtures.summaryFiles).sorted())
    }

    /// A folder staged whole goes in place with one rename. When a folder has come where it goes
    /// by the time of the commit, its files are renamed into that one by one instead, in two
    /// lanes, and what was there already stays.
    @Test(arguments: [false, true])
    func aFolderStagedWholeGoesInPlace(_ folderCame: Bool) throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        var staging = try ReportWriter.Staging(folder: out)
        try staging.stage("summary.md") { $0.write("summary\n") }
        let new = out + "/units.partial-test"
        let names = (0..<300).map { "u\(1000 + $0).md" }
        for name in names { try FileTree.write(Array("\(name)\n".utf8), to: new + "/" + name) }
        let mine = Array("mine\n".utf8)
        if folderCame { try FileTree.write(mine, to: out + "/units/mine.txt") }
        staging.adopt(folder: "units", from: new, files: names.map { "units/" + $0 })
        #expect(try staging.commit().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: new))
        let files = try FileTree.files(in: out)
        #expect(files.count == names.count + 2 + (folderCame ? 1 : 0))
        for name in names { #expect(files["units/" + name] == Array("\(name)\n".utf8), "\(name)") }
        #expect(files["summary.md"] == Array("summary\n".utf8))
        #expect(files["units/mine.txt"] == (folderCame ? mine : nil))
        let manifest = String(decoding: try #require(files[ReportWriter.manifestName]), as: UTF8.self)
        #expect(manifest == (["summary.md"] + names.map { "units/" + $0 }).joined(separator: "\n") + "\n")
    }

    /// A folder staged whole that is abandoned is removed with what it holds.
    @Test func anAbandonedFolderStagedWholeIsRemoved() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        var staging = try ReportWriter.Staging(folder: out)
        let new = out + "/units.partial-test"
        for name in ["a.md", "b.md"] { try FileTree.write(Array("x\n".utf8), to: new + "/" + name) }
        staging.adopt(folder: "units", from: new, files: ["units/a.md", "units/b.md"])
        staging.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func filesTheToolDidNotWriteSurvive() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("out")
        _ = try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"])
        #expect(FileManager.default.fileExists(atPath: out + "/units/old-grain-depot.md"))
        let notes = Array("the bureau's own notes\n".utf8)
        let keep = Array("# kept by hand\n".utf8)
        try FileTree.write(notes, to: out + "/notes.txt")
        try FileTree.write(keep, to: out + "/units/keep.md")

        let outcome = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(outcome.status == 1)
        let files = try FileTree.files(in: out)
        #expect(files["notes.txt"] == notes)
        #expect(files["units/keep.md"] == keep)
        #expect(files["units/old-grain-depot.md"] == nil, "the scorecard of a unit that is gone is removed")
        #expect(files.keys.sorted() == (RunFixtures.round2Files + ["notes.txt", "units/keep.md"]).sorted())
        // The list of outputs names only what the tool wrote.
        let manifest = String(decoding: try #require(files[ReportWriter.manifestName]), as: UTF8.self)
        #expect(!manifest.contains("notes.txt"))
        #expect(!manifest.contains("keep.md"))

        // A list edited by hand to name the user's files does not get them removed: not other
        // names, and not a Markdown file in units/ that does not read as a scorecard, even one
        // that was a scorecard once and has been written over.
        let other = Array("other\n".utf8)
        let rewritten = Array("# My notes on (`gone-unit`)\n".utf8)
        let copied = Array("# 旧单位（`gone-unit`）\n\nkept as it was\n".utf8)
        for name in ["notes.txt", "other.csv", "units/sub/deep.md", "data/summary.json"] { try FileTree.write(other, to: out + "/" + name) }
        try FileTree.write(rewritten, to: out + "/units/rewritten.md")
        try FileTree.write(copied, to: out + "/units/gone-unit.md")
        let listed = "notes.txt\nother.csv\nunits/sub/deep.md\ndata/summary.json\nunits/keep.md\nunits/rewritten.md\nunits/gone-unit.md\n"
        try FileTree.write(Array((manifest + listed).utf8), to: out + "/" + ReportWriter.manifestName)
        let again = try RunFixtures.audit(["run", RunFixtures.round2, "--out", out, "--lang", "en"])
        #expect(again.status == 1)
        let kept = try FileTree.files(in: out)
        for name in ["notes.txt", "other.csv", "units/sub/deep.md", "data/summary.json"] { #expect(kept[name] == other, "\(name)") }
        #expect(kept["units/keep.md"] == keep)
        #expect(kept["units/rewritten.md"] == rewritten)
        // A file that reads as the scorecard of the unit it is named after is the tool's, and goes.
        #expect(kept["units/gone-unit.md"] == nil)
    }

    @Test func aScorecardIsKnownByItsHeading() throws {
        let temporary = try TemporaryFolder()
        let cases: [(String, String, Bool)] = [
            ("a-1.md", "# 城关镇（`a-1`）\n\n- 标准：…\n", true),
            ("a-1.md", "# Chengguan town (`a-1`)\n", true),
            ("a-1.md", "# Chengguan town (`a-1`)", true),
            ("a-1.md", "# Chengguan town (`a-2`)\n", false),
            ("a-1.md", "# (`a-1`)\n", false),
            ("a-1.md", "Chengguan town (`a-1`)\n", false),
            ("a-1.md", "# notes\n# Chengguan town (`a-1`)\n", false),
            ("a-1.md", "", false),
            ("x-a-1.md", "# Chengguan town (`a-1`)\n", false),
        ]
        for (name, text, expected) in cases {
            let path = temporary.path(name)
            try FileTree.write(Array(text.utf8), to: path)
            #expect(ReportWriter.isScorecard(path) == expected, "\(name): \(text)")
        }
        #expect(!ReportWriter.isScorecard(temporary.path("missing.md")))
    }

    @Test func inputChecklistsAreNotModified() throws {
        let fixtures = TestPaths.fixture("run")
        let before = try FileTree.files(in: fixtures)
        let digests = before.mapValues(SHA256.hex(of:))
        let temporary = try TemporaryFolder()
        _ = try RunFixtures.audit(["run", RunFixtures.round1, "--out", temporary.path("round1"), "--lang", "en"])
        _ = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("round2"), "--lang", "zh",
                                   "--baseline", temporary.path("round1/summary.json")])
        _ = try RunFixtures.audit(["run", RunFixtures.hostile, "--out", temporary.path("hostile")])
        let after = try FileTree.files(in: fixtures)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.mapValues(SHA256.hex(of:)) == digests)
        // And the summary names each input by the digest of its bytes.
        let document = try RunFixtures.summary(try? FileTree.bytes(temporary.path("round2/summary.json")))
        for input in document.inputs {
            let relative = String(input.path.dropFirst(RunFixtures.root.count + 1))
            #expect(digests[relative] == input.sha256, "\(input.path)")
        }
    }

    /// A warning leaves its unit in the figures and is not printed by `audit run`, but the closing
    /// line says how many there are and that `audit validate` lists them.
    @Test func closingLineCountsWarnings() throws {
        let temporary = try TemporaryFolder()
        let checklist = try String(contentsOfFile: TestPaths.packageRoot.appendingPathComponent("checklists/beiyuan-township.yaml").path, encoding: .utf8)
        // Under a name that is not the unit's id: FH405, a warning.
        try FileTree.write(Array(checklist.utf8), to: temporary.path("in/renamed.yaml"))
        let english = try RunFixtures.audit(["run", temporary.path("in"), "--lang", "en", "--out", temporary.path("en")])
        #expect(english.status == 0, "a warning does not fail the run")
        #expect(english.stderr == "wrote \(temporary.path("en"))/: 1 unit, 0 invalid checklists, 1 warning (see them with audit validate on the same checklists)\n")
        let chinese = try RunFixtures.audit(["run", temporary.path("in"), "--lang", "zh", "--out", temporary.path("zh")])
        #expect(chinese.stderr == "已写入 \(temporary.path("zh"))/：1 个单位，0 份无效清单，1 条警告（对同样的清单运行 audit validate 查看）\n")
        let validate = try RunFixtures.audit(["validate", temporary.path("in"), "--lang", "en"])
        #expect(validate.stdout.contains("FH405"), "\(validate.stdout)")
    }

    // MARK: - The committed reports

    @Test func committedReportsAreWhatTheMainCommandWrites() throws {
        let temporary = try TemporaryFolder()
        let out = temporary.path("reports")
        let outcome = try RunFixtures.audit(["run", "--lang", "zh", "--out", out])
        #expect(outcome.status == 0)
        // Without --quiet, one line says where the reports went, in a log as on a terminal.
        #expect(outcome.stderr == "已写入 \(out)/：18 个单位，0 份无效清单\n")
        let committed = try FileTree.files(in: TestPaths.packageRoot.appendingPathComponent("reports").path)
        let written = try FileTree.files(in: out)
        #expect(committed[ReportWriter.manifestName] != nil)
        if let difference = FileTree.difference(committed, written) {
            Issue.record("reports/ is out of date (\(difference)); regenerate it with `swift run audit run --lang zh`")
        }
    }
}

/// The run goldens hold no machine paths.
@Suite struct RunGoldenPathTests {
    @Test func goldensHoldNoAbsolutePaths() throws {
        let files = try FileTree.files(in: TestPaths.goldens.appendingPathComponent("run").path)
        #expect(!files.isEmpty)
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(TestPaths.packageRoot.path), "\(name)")
            #expect(text.firstMatch(of: /"\/|`\/|(^|\n)\/|\/tmp\//) == nil, "\(name)")
        }
    }
}
