import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AuditKit

/// `summary.html` from units whose names and townships are made to break a page: HTML tags,
/// quotes, ampersands, a spreadsheet formula and a line break. The page must show them as text,
/// load nothing from outside, read as XML, and come out byte-identical every time.
@Suite struct SummaryHTMLTests {
    /// The hostile texts, each used as a unit name and, reversed in order, as a township.
    static let hostile = [
        "<script>alert(1)</script>",
        "\"quotes\" & <b>more</b>",
        "=cmd|' /C calc'!A0",
        "第一行\n第二行 & more",
    ]

    /// A YAML double-quoted scalar holding `text` exactly.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// A bundled checklist made into unit `id` with the given name and township.
    static func checklist(id: String, name: String, township: String) throws -> String {
        let base = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("checklists/county-statistics-bureau.yaml"),
                              encoding: .utf8)
        let replaced = base
            .replacingOccurrences(of: "  id: county-statistics-bureau\n", with: "  id: \(id)\n")
            .replacingOccurrences(of: "  name: XX县统计局\n", with: "  name: \(quoted(name))\n")
            .replacingOccurrences(of: "  township: 城关镇\n", with: "  township: \(quoted(township))\n")
        guard replaced.contains("  id: \(id)\n"), !replaced.contains("XX县统计局\n") else { throw CocoaError(.fileReadCorruptFile) }
        return replaced
    }

    /// Validates and scores the hostile units (the first `count`) plus one invalid checklist whose
    /// values are hostile too, then builds the summary.
    static func document(language: Language, count: Int = hostile.count, baseline: SummaryDocument? = nil) throws -> SummaryDocument {
        try ScratchFolder.with { folder in
            var files: [(String, String)] = []
            for (index, name) in hostile.prefix(count).enumerated() {
                let id = "hostile-\(index + 1)"
                files.append(("\(id).yaml", try checklist(id: id, name: name, township: hostile[hostile.count - 1 - index])))
            }
            files.append(("broken.yaml", "format: five-haves/1\nunit:\n  id: \(quoted(hostile[0]))\n  name: \(quoted(hostile[2]))\n"))
            return try summary(of: files, in: folder, language: language, baseline: baseline)
        }
    }

    /// The summary of checklists given by file name and text, written into `folder`.
    static func summary(of files: [(String, String)], in folder: URL, language: Language,
                        baseline: SummaryDocument? = nil) throws -> SummaryDocument {
        let reader = ChecklistReader(catalogues: .builtIn)
        let reports = try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return reader.validate(Array(text.utf8), input: InputFile(path: "checklists/\(name)", treeRoot: folder.path))
        }
        let run = ValidationRun(reports: reports)
        let cards = run.reports.compactMap(\.checklist).map(Scorer(standard: .builtIn).score)
        return SummaryBuilder(standard: .builtIn).build(run: run, cards: cards, title: "检查 <汇总> & \"测试\"",
                                                        language: language, baseline: baseline)
    }

    /// The page for the hostile units, compared with a baseline of the first two of them.
    static func page(_ language: Language) throws -> String {
        let baseline = try document(language: language, count: 2)
        return SummaryHTML(document: try document(language: language, baseline: baseline), language: language).render()
    }

    @Test("The test data really is hostile and really is in the summary", arguments: Language.allCases)
    func dataIsHostile(_ language: Language) throws {
        let baseline = try Self.document(language: language, count: 2)
        let document = try Self.document(language: language, baseline: baseline)
        #expect(document.units.map(\.name).sorted() == Self.hostile.sorted())
        #expect(document.invalid.count == 1)
        #expect(document.changes?.newUnits.count == 2)
    }

    @Test("Hostile text comes out escaped, never as markup", arguments: Language.allCases)
    func escaped(_ language: Language) throws {
        let html = try Self.page(language)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quotes&quot; &amp; &lt;b&gt;more&lt;/b&gt;"))
        #expect(html.contains("=cmd|&#39; /C calc&#39;!A0"))
        #expect(html.contains("第一行\n第二行 &amp; more"), "the line break stays text in the tables")
        #expect(html.contains("第一行 第二行 &amp; more"), "the charts show the name on one line")
        #expect(html.contains("检查 &lt;汇总&gt; &amp; &quot;测试&quot;"))
        #expect(!html.contains("\"quotes\""))
        #expect(!html.contains("calc'"))
    }

    /// A diagnostic quotes the checklist's value: its backticks are the checklist's text, shown as
    /// written, and never set a span of it as code.
    @Test("Backticks a checklist wrote are shown, never taken for code", arguments: Language.allCases)
    func backticksStayText(_ language: Language) throws {
        let html = try ScratchFolder.with { folder in
            let text = try Self.checklist(id: "odd-category", name: "单位", township: "城关镇")
                .replacingOccurrences(of: "  category: department\n", with: "  category: \"<img src=x>|`a`\"\n")
            let document = try Self.summary(of: [("odd-category.yaml", text)], in: folder, language: language)
            try #require(document.invalid.count == 1)
            return SummaryHTML(document: document, language: language).render()
        }
        #expect(!html.contains("<code>a</code>"))
        #expect(html.contains(language == .zh ? "“&lt;img src=x&gt;|`a`”不是允许的取值" : "&quot;&lt;img src=x&gt;|`a`&quot; is not an allowed value"))
        #expect(!html.contains("<img"))
    }

    /// Control characters in a unit's name reach the page as U+FFFD, as in XML: a browser calls
    /// them errors, and a terminal showing the file would obey them.
    @Test("Control characters in a name are replaced", arguments: Language.allCases)
    func controlCharactersAreReplaced(_ language: Language) throws {
        let html = try ScratchFolder.with { folder in
            let name = "Bad\u{1B}(0\u{1B}c\u{07}Name\u{7F}\u{9B}31m\tend"
            let text = try Self.checklist(id: "odd-name", name: "x", township: "城关镇")
                .replacingOccurrences(of: "  name: \"x\"\n", with: #"  name: "Bad\e(0\ec\aName\x7F\x9B31m\tend""# + "\n")
            let document = try Self.summary(of: [("odd-name.yaml", text)], in: folder, language: language)
            try #require(document.units.map(\.name) == [name])
            return SummaryHTML(document: document, language: language).render()
        }
        let controls = html.unicodeScalars.filter { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "\(controls.map(\.value))")
        #expect(html.contains("Bad\u{FFFD}(0\u{FFFD}c\u{FFFD}Name\u{FFFD}\u{FFFD}31m\tend"))
        #expect(Self.xmlProblem(String(html.dropFirst("<!DOCTYPE html>\n".count))) == nil)
    }

    @Test("The page has no scripts and loads nothing from outside", arguments: Language.allCases)
    func selfContained(_ language: Language) throws {
        let html = try Self.page(language).lowercased()
        #expect(!html.contains("<script"))
        let withoutNamespace = html.replacingOccurrences(of: SummaryHTML.svgNamespace, with: "")
        #expect(!withoutNamespace.contains("http"))
        for reference in ["src=", "href=", "@import", "url(", "<link", "<iframe", "<object", "<embed"] {
            #expect(!withoutNamespace.contains(reference), "found \(reference)")
        }
        #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "an event handler attribute")
    }

    @Test("The page reads as XML once the doctype line is gone", arguments: Language.allCases)
    func wellFormed(_ language: Language) throws {
        let html = try Self.page(language)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        let problem = Self.xmlProblem(String(html.dropFirst("<!DOCTYPE html>\n".count)))
        #expect(problem == nil, "\(problem ?? "")")
    }

    /// Why `xml` is not well-formed, or nil. The parser can report success and still set an error
    /// (a mismatched end tag), so both are checked.
    static func xmlProblem(_ xml: String) -> String? {
        let parser = XMLParser(data: Data(xml.utf8))
        let ok = parser.parse()
        guard !ok || parser.parserError != nil else { return nil }
        return "XML error at line \(parser.lineNumber), column \(parser.columnNumber): \(String(describing: parser.parserError))"
    }

    @Test("Two renders are byte-identical", arguments: Language.allCases)
    func deterministic(_ language: Language) throws {
        let document = try Self.document(language: language)
        let first = SummaryHTML(document: document, language: language).render()
        let second = SummaryHTML(document: document, language: language).render()
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(try Self.page(language) == Self.page(language))
    }

    @Test("The page has the summary's content, charts and print rules", arguments: Language.allCases)
    func content(_ language: Language) throws {
        let html = try Self.page(language)
        #expect(html.contains("<html lang=\"\(language == .zh ? "zh-CN" : "en")\">"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        for id in ["chart-scores", "chart-haves", "chart-grades", "chart-grid"] {
            #expect(html.contains("<figure class=\"chart\" id=\"\(id)\">"), "\(id)")
            #expect(html.contains("<title id=\"\(id)-title\">"), "\(id) has a title")
        }
        for id in ["figures", "units", "townships", "categories", "missed", "rectifications", "changes", "invalid"] {
            #expect(html.contains("<section id=\"\(id)\""), "section \(id)")
        }
        #expect(!html.contains("<section id=\"regions\""))
        for rule in ["@page { size: A4; margin: 15mm; }", "thead { display: table-header-group; }", "break-inside: avoid",
                     "\"Noto Sans CJK SC\"", "\"Microsoft YaHei\""] {
            #expect(html.contains(rule), "\(rule)")
        }
        #expect(html.contains(language == .zh ? "单位排名" : "Units ranked"))
        #expect(html.contains(HaveStatus.partial.label(language)))
    }

    /// A rollup reads unit ids, criteria, dates and grades from other counties' summary.json files:
    /// whatever they hold is shown as text, and never ends a table cell or a line.
    @Test(arguments: Language.allCases)
    func aHostileUnitIDStaysInItsCell(_ language: Language) throws {
        var document = try Self.document(language: language)
        let id = "x`|<b>&y\nz"
        let original = try #require(document.rectifications.first?.unitID)
        for index in document.units.indices where document.units[index].unitID == original { document.units[index].unitID = id }
        for index in document.rectifications.indices where document.rectifications[index].unitID == original {
            document.rectifications[index].unitID = id
        }
        // Other fields a crafted summary.json can carry into a rollup's tables.
        document.rectifications[0].criterion = "C1 | <i>x</i>\nnext"
        document.rectifications[0].due = "2023 | <i>y</i>"
        document.asOf = "<i>2023</i>"
        document.units[0].grade = "odd | <i>grade</i>"
        let markdown = SummaryMarkdown(document: document, language: language).render()
        #expect(!markdown.contains("<i>"))
        #expect(markdown.contains("(x\\`\\|&lt;b&gt;&amp;y z)"))
        #expect(!markdown.contains("`x`") && !markdown.contains("x`|"))
        // Every row of a table has as many cells as its header.
        var columns: Int?
        for line in markdown.components(separatedBy: "\n") {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
        let html = SummaryHTML(document: document, language: language).render()
        let list = try #require(html.components(separatedBy: "aria-labelledby=\"rectifications-h\"").last?.components(separatedBy: "</table>").first)
        #expect(list.contains("<span class=\"unit-id\">x`|&lt;b&gt;&amp;y\nz</span></td>"))
        #expect(!html.contains("<b>&"))
    }

    /// A summary built from a document keeps units tied at one rank together in its excerpt,
    /// using the ranks its units carry.
    @Test func anExcerptOfADocumentKeepsTiesTogether() throws {
        var document = try Self.document(language: .en)
        var sizes: [(id: String, actions: Int)] = []
        for row in document.rectifications {
            if sizes.last?.id == row.unitID { sizes[sizes.count - 1].actions += 1 } else { sizes.append((row.unitID, 1)) }
        }
        try #require(sizes.count >= 3)
        // Distinct ranks in list order first (the test units all score alike).
        for (rank, unit) in sizes.enumerated() {
            for index in document.units.indices where document.units[index].unitID == unit.id { document.units[index].rank = rank + 1 }
        }
        let (last, second) = (sizes[sizes.count - 1], sizes[sizes.count - 2])
        let limit = last.actions + second.actions
        #expect(RectificationList(document).excerpt(limit: limit) == RectificationList.Excerpt(units: 2, rows: limit))
        // The unit above the two now shares the rank of the higher of them: that rank is left out.
        let above = sizes[sizes.count - 3].id
        let rank = try #require(document.units.first { $0.unitID == above }?.rank)
        for index in document.units.indices where document.units[index].unitID == second.id { document.units[index].rank = rank }
        #expect(RectificationList(document).excerpt(limit: limit) == RectificationList.Excerpt(units: 1, rows: last.actions))
        // All tied: the tie is all an excerpt can hold, so it is cut by position.
        for index in document.units.indices { document.units[index].rank = 1 }
        #expect(RectificationList(document).excerpt(limit: limit) == RectificationList.Excerpt(units: 2, rows: limit))
    }

    @Test("A rollup's regions are escaped and get their own section")
    func rollupRegions() throws {
        let documents = try (1...2).map { index in
            var document = try Self.document(language: .en)
            document.region = index == 1 ? "<i>North</i> & \"co\"" : "=South"
            return Rollup.Input(path: "county-\(index)/summary.json", document: document, sha256: String(repeating: String(index), count: 64))
        }
        let rollup = try Rollup.combine(documents, title: nil, region: "<city>", language: .en)
        let html = SummaryHTML(document: rollup, language: .en).render()
        #expect(html.contains("<section id=\"regions\""))
        #expect(html.contains("&lt;i&gt;North&lt;/i&gt; &amp; &quot;co&quot;"))
        #expect(!html.contains("<i>") && !html.contains("<city>"))
        // A rollup writes no scorecards, so its page sends no one to units/.
        #expect(html.contains("The list is also in rectifications.csv.</p>"))
        // Two counties may use one unit name or id: each action names its region.
        #expect(html.contains("<th scope=\"col\" class=\"\">Region</th><th scope=\"col\" class=\"\">Criterion</th>"))
        #expect(html.contains("</span></td><td>=South</td><td><span class=\"code\">"))
        #expect(html.contains("from 2 summaries (summary.json, "))
        #expect(!html.contains("units/"))
        #expect(Self.xmlProblem(String(html.dropFirst("<!DOCTYPE html>\n".count))) == nil)
    }

    @Test("The grade lines follow the standard, or are left out for an unknown one")
    func gradeLines() throws {
        var document = try Self.document(language: .en, count: 1)
        #expect(SummaryHTML(document: document, language: .en).drawnGradeLines == [70, 85])
        #expect(SummaryHTML(document: document, language: .en, gradeLines: [60, 90]).drawnGradeLines == [60, 90])
        document.standard.id = "tailored"
        #expect(SummaryHTML(document: document, language: .en).drawnGradeLines.isEmpty)
    }

    /// Beyond its limits a page charts no unit one by one and lists only the actions of the
    /// lowest-ranked units, and says so; every unit is still ranked, and rectifications.csv keeps
    /// every action.
    @Test(arguments: Language.allCases)
    func aProvincePageStaysReadable(_ language: Language) throws {
        let document = try Self.document(language: language)
        let count = document.rectifications.count
        // The units with actions from the lowest in rank, and how many each has.
        var units: [(id: String, actions: Int)] = []
        for row in document.rectifications.reversed() {
            if units.last?.id == row.unitID { units[units.count - 1].actions += 1 } else { units.append((row.unitID, 1)) }
        }
        try #require(document.units.count > 3 && units.count > 2)
        let limit = units[0].actions + units[1].actions
        let limits = PageLimits(chartedUnits: document.units.count - 1, listedActions: limit)
        let html = SummaryHTML(document: document, language: language, limits: limits).render()
        let charts = try #require(html.range(of: "id=\"unit-charts-h\"")).upperBound
        let table = try #require(html.range(of: "id=\"units-h\"")).lowerBound
        #expect(!html[charts..<table].contains("<svg"))
        #expect(html.contains(language == .zh ? "共 \(document.units.count) 个单位。超过 \(document.units.count - 1) 个单位时，逐个单位的图会过长"
                                              : "\(document.units.count) units: with more than \(document.units.count - 1), a chart of each unit"))
        let list = try #require(html.components(separatedBy: "aria-labelledby=\"rectifications-h\"").last?.components(separatedBy: "</table>").first)
        let rows = list.components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == limit)
        // In the list's own order: the higher-ranked of the two units first, the lowest last.
        let second = try #require(document.units.first { $0.unitID == units[1].id })
        let lowest = try #require(document.units.first { $0.unitID == units[0].id })
        #expect(rows.first?.hasPrefix("<td>" + Escaping.html(second.name) + "<span class=\"unit-id\">\(second.unitID)</span></td>") == true)
        #expect(rows.last?.hasPrefix("<td>" + Escaping.html(lowest.name) + "<span class=\"unit-id\">\(lowest.unitID)</span></td>") == true)
        #expect(html.contains(Escaping.html(language == .zh
            ? "共 \(count) 项，超过 \(limit) 项，此处只列出排名最后的 2 个单位的 \(limit) 项，按单位排名和可得分（从高到低）排列。完整清单见 rectifications.csv"
            : "\(count) actions, more than \(limit): listed here are only the \(limit) actions of the 2 lowest-ranked units, by unit rank and gain, largest first. The whole list is in rectifications.csv")))
        for unit in document.units { #expect(html.contains(Escaping.html(unit.unitID))) }

        let markdown = SummaryMarkdown(document: document, language: language, limits: limits).render()
        let section = try #require(markdown.components(separatedBy: language == .zh ? "## 整改清单" : "## Rectification list").last?
            .components(separatedBy: "\n## ").first)
        #expect(section.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }.count == 1 + limit)
        #expect(section.contains(language == .zh ? "此处只列出排名最后的 2 个单位的 \(limit) 项" : "listed here are only the \(limit) actions of the 2 lowest-ranked units"))
        let markdownRows = section.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }.dropFirst()
        #expect(markdownRows.last?.hasPrefix("| " + Markdown.escaped(lowest.name) + " (`\(lowest.unitID)`) |") == true)
        #expect(SummaryCSV(document: document, language: language).rectifications().components(separatedBy: "\r\n").count == count + 2)

        // At exactly the limits, everything is drawn and listed, in rank order.
        let whole = SummaryHTML(document: document, language: language, limits: PageLimits(chartedUnits: document.units.count, listedActions: count))
            .render()
        let wholeCharts = try #require(whole.range(of: "id=\"unit-charts-h\"")).upperBound
        let wholeTable = try #require(whole.range(of: "id=\"units-h\"")).lowerBound
        #expect(whole[wholeCharts..<wholeTable].contains("<svg"))
        let wholeList = try #require(whole.components(separatedBy: "aria-labelledby=\"rectifications-h\"").last?.components(separatedBy: "</table>").first)
        #expect(wholeList.components(separatedBy: "<tr>").count - 2 == count)
        #expect(!whole.contains(language == .zh ? "逐个单位的图会过长" : "too long to read"))
        #expect(!whole.contains(language == .zh ? "此处只列出" : "listed here are only"))
        #expect(whole == SummaryHTML(document: document, language: language).render())
    }
}
