import Foundation
import Testing
@testable import AuditKit

/// The summary reports are written as streams (`audit run` on a province cannot hold them in
/// memory). These tests pin the streams to what the plain encoders make of the same document.
@Suite struct SummaryStreamingTests {
    /// The bundled checklists validated and scored, with a few diagnostic fixtures among them so
    /// the invalid list is filled in.
    static func samples(language: Language, baseline: SummaryDocument? = nil, dropping: Int = 0,
                        region: String? = nil) throws -> SummaryDocument {
        let folder = TestPaths.packageRoot.appendingPathComponent("checklists").path
        var inputs = try InputDiscovery.files(in: [folder])
        inputs.removeFirst(dropping)
        for name in ["fh202-missing-key.yaml", "fh110-duplicate-key.yaml", "fh404-participants-exceed-retirees.yaml"] {
            inputs.append(InputFile(path: TestPaths.fixture("diagnostics/\(name)"), treeRoot: TestPaths.fixture("diagnostics")))
        }
        let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
        let cards = run.reports.compactMap(\.checklist).map(Scorer(standard: .builtIn).score)
        return SummaryBuilder(standard: .builtIn).build(run: run, cards: cards, title: nil, region: region,
                                                        language: language, baseline: baseline)
    }

    /// Documents that between them use every part of the layout: changes, regions, invalid
    /// checklists, hostile text, escapes JSON needs, and no units at all.
    static func documents() throws -> [(String, SummaryDocument)] {
        var result: [(String, SummaryDocument)] = []
        for language in Language.allCases {
            let baseline = try samples(language: language, dropping: 3)
            result.append(("samples \(language)", try samples(language: language, baseline: baseline, region: "县/区")))
            let hostileBaseline = try SummaryHTMLTests.document(language: language, count: 2)
            result.append(("hostile \(language)", try SummaryHTMLTests.document(language: language, baseline: hostileBaseline)))
        }
        let counties = try (1...2).map { index in
            var document = try samples(language: .en, dropping: index)
            document.region = index == 1 ? "North \"co\"" : "South\\co"
            // Two counties hold different checklists: digests of their own.
            document.inputs = document.inputs.map { input in
                var copy = input
                copy.sha256 = String(index) + input.sha256.dropFirst()
                return copy
            }
            return Rollup.Input(path: "county-\(index)/summary.json", document: document, sha256: String(repeating: String(index), count: 64))
        }
        result.append(("rollup", try Rollup.combine(counties, title: nil, region: "city", language: .en)))
        var odd = try samples(language: .en)
        odd.title = "tab\there, line\nbreak, bell\u{7}, slash / back\\slash \"quoted\" \u{1F} \u{7F} 中文"
        odd.units = []
        odd.rectifications = []
        odd.rounds = []
        odd.asOf = nil
        result.append(("escapes and empty lists", odd))
        return result
    }

    /// summary.json holds exactly what Foundation's encoder makes of the document, value for
    /// value, laid out with each record of a list on one line of its own.
    @Test func summaryJSONMatchesTheEncoder() throws {
        for (name, document) in try Self.documents() {
            let bytes = SummaryJSON(document: document).bytes()
            let ours = try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary
            let foundation = try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(document).utf8)) as? NSDictionary
            #expect(ours != nil && ours == foundation, "\(name)")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("{\n  \"") && text.hasSuffix("\n}\n"), "\(name)")
            var records = 0
            for line in text.split(separator: "\n") {
                let body = line.drop { $0 == " " }
                guard body.hasPrefix("{"), body.count > 1 else { continue }
                let record = body.hasSuffix(",") ? body.dropLast() : body
                #expect((try? JSONSerialization.jsonObject(with: Data(record.utf8))) is [String: Any], "\(name): \(line)")
                records += 1
            }
            let lists = document.units.count + document.inputs.count + document.rectifications.count + document.invalid.count
                + document.mostMissed.count + document.byCategory.count + document.byRegion.count + document.byTownship.count
                + document.standard.haves.count + (document.changes?.units.count ?? 0)
            #expect(records == lists, "\(name): one line per record")
        }
    }

    /// A record stays one line for text tools too: the line breaks JSON allows unescaped (U+0085,
    /// U+2028, U+2029) are written as escapes, and read back as the same text.
    @Test func jsonStringsEscapeEveryLineBreak() throws {
        let text = "a\u{2028}b\u{85}c\u{2029}d\n“e”–\u{2027}\u{C2}"
        var out = StringOutput()
        JSON.string(text, &out)
        #expect(out.text == "\"a\\u2028b\\u0085c\\u2029d\\n“e”–\u{2027}\u{C2}\"")
        #expect(out.text.allSatisfy { !$0.isNewline })
        let decoded = try JSONSerialization.jsonObject(with: Data(out.bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    /// `audit run`'s pipeline (render per unit in the parallel stage, spool, stream) writes exactly
    /// the files of the report set built the plain way, invalid checklists, duplicate unit ids and
    /// a baseline included.
    @Test(arguments: [(Language.zh, PageLimits.standard), (.en, .standard), (.zh, PageLimits(chartedUnits: 5, listedActions: 30)),
                      (.en, PageLimits(chartedUnits: 0, listedActions: 1))])
    func summaryRunWritesTheReportSet(_ language: Language, _ limits: PageLimits) throws {
        var inputs = try InputDiscovery.files(in: [TestPaths.packageRoot.appendingPathComponent("checklists").path])
        inputs += try InputDiscovery.files(in: [TestPaths.fixture("diagnostics")])
        let baseline = try Self.samples(language: language, dropping: 3)
        let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
        let cards = run.reports.compactMap(\.checklist).map(Scorer(standard: .builtIn).score)
        #expect(run.reports.contains { $0.diagnostics.contains { $0.code == .duplicateUnitID } })
        let document = SummaryBuilder(standard: .builtIn).build(run: run, cards: cards, title: "检查 <汇总>", region: "县",
                                                                language: language, baseline: baseline)
        let set = ReportSet(document: document, cards: cards, standard: .builtIn, language: language, limits: limits)
        try ScratchFolder.with { folder in
            let out = folder.appendingPathComponent("reports").path
            let progress = RunProgress(total: inputs.count)
            var summary = SummaryRun(inputs: inputs, standard: .builtIn, language: language, output: out, progress: progress)
            summary.limits = limits
            #expect(summary.unitCount == cards.count)
            // Every checklist is counted, valid or not, and the line says so before the writing.
            #expect(progress.checked == inputs.count)
            #expect(!progress.isWriting)
            try summary.writeReports(title: "检查 <汇总>", region: "县", baseline: baseline)
            #expect(progress.isWriting)
            for file in set.files {
                let written = try #require(FileManager.default.contents(atPath: out + "/" + file.path), "\(file.path)")
                let (actual, expected) = (String(decoding: written, as: UTF8.self), String(decoding: file.bytes, as: UTF8.self))
                #expect(Array(written) == file.bytes, "\(file.path): first difference at byte \(Self.firstDifference(actual, expected))")
            }
            let listed = try FileManager.default.subpathsOfDirectory(atPath: out).filter { !$0.hasSuffix("units") }.sorted()
            #expect(listed == (set.files.map(\.path) + [ReportWriter.manifestName]).sorted())
        }
    }

    /// Files given in any order are reported in path order, and scorecards whose unit ids do not
    /// follow their files' order are put in place in the order of their own paths: the run writes
    /// what a report set of the same units writes, down to the list of files it wrote.
    @Test func inputAndUnitOrderDoNotMatter() throws {
        let samples = TestPaths.packageRoot.appendingPathComponent("checklists")
        try ScratchFolder.with { folder in
            // Each checklist under a name that sorts in the opposite order to its unit id.
            let checklists = folder.appendingPathComponent("checklists")
            try FileManager.default.createDirectory(at: checklists, withIntermediateDirectories: true)
            let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".yaml") }.sorted()
            #expect(names.count > 3)
            for (index, name) in names.enumerated() {
                try FileManager.default.copyItem(at: samples.appendingPathComponent(name),
                                                 to: checklists.appendingPathComponent(String(format: "%03d.yaml", names.count - index)))
            }
            let found = try InputDiscovery.files(in: [checklists.path])
            let inputs = Array(found.reversed())
            let reader = ChecklistReader(catalogues: .builtIn)
            let run = ValidationRun.validate(inputs, reader: reader)
            #expect(run.reports.map(\.path) == found.map(\.path))
            #expect(run.reports.map(\.path) == inputs.map(\.path).sorted())
            let cards = run.reports.compactMap(\.checklist).map(Scorer(standard: .builtIn).score)
            #expect(cards.count == names.count)
            #expect(cards.map(\.unitID) != cards.map(\.unitID).sorted())
            let document = SummaryBuilder(standard: .builtIn).build(run: run, cards: cards, title: nil, language: .en)
            let set = ReportSet(document: document, cards: cards, standard: .builtIn, language: .en)
            let expected = folder.appendingPathComponent("expected").path
            try ReportWriter.write(set, to: expected)
            let out = folder.appendingPathComponent("reports").path
            try SummaryRun(inputs: inputs, standard: .builtIn, language: .en, output: out)
                .writeReports(title: nil, region: nil, baseline: nil)
            #expect(FileTree.difference(try FileTree.files(in: expected), try FileTree.files(in: out)) == nil)
            let manifest = try String(contentsOfFile: out + "/" + ReportWriter.manifestName, encoding: .utf8)
            #expect(manifest == set.files.map(\.path).joined(separator: "\n") + "\n")
        }
    }

    /// The rows `audit run` renders per unit from pre-rendered criterion parts equal the rows the
    /// general renderers make, joined as the reports join them: with and without due dates,
    /// names that need escaping in every format, and actions the standard does not know.
    @Test(arguments: Language.allCases)
    func actionTextsMatchTheGeneralRenderers(_ language: Language) {
        let standard = Standard.builtIn
        let texts = ActionTexts(standard: standard, language: language)
        let criteria = standard.haves.flatMap { have in have.criteria.map { (have.id, $0) } }
        let names = ["XX县教育局", "a|b <c> & \"d\", e", "=SUM(A1)\n第二行", "tab\there * _x_ `y` [z] #"]
        let reasons = [Localized(zh: "已有：-；缺少：study", en: "present: -; missing: study"),
                       Localized(zh: "venue.area_m2 = 24（第 19 行）", en: "venue.area_m2 = 24 at line 19, \"short\""),
                       Localized(zh: "a\r\nb|c", en: "=1+2")]
        for (offset, name) in names.enumerated() {
            let unit = SummaryDocument.UnitRow(rank: 0, unitID: "unit-\(offset)", name: name, category: "other", township: nil,
                                               region: nil, retirees: 30, required: true, score: 50, grade: "non-compliant",
                                               inspectionDate: "2022-06-01", haves: [], actions: 0, liftCriteria: [])
            var actions = criteria.enumerated().map { index, pair in
                RectificationAction(haveID: pair.0, criterionID: pair.1.id, label: pair.1.label, current: reasons[index % reasons.count],
                                    action: pair.1.action, gainTenths: index * 7 % 40,
                                    due: offset % 2 == 0 ? CalendarDate(year: 2023, month: 1, day: 5) : nil)
            }
            actions.append(RectificationAction(haveID: "venue", criterionID: "X9", label: .init(zh: "自定 | 细则", en: "own <rule>"),
                                               current: reasons[0], action: .init(zh: "整改", en: "fix, now"), gainTenths: 5, due: nil))
            // A criterion of the standard under another label, and under another action.
            let (have, criterion) = criteria[0]
            actions.append(RectificationAction(haveID: have, criterionID: criterion.id, label: .init(zh: "改名 *细则*", en: "renamed"),
                                               current: reasons[1], action: criterion.action, gainTenths: 3, due: nil))
            actions.append(RectificationAction(haveID: have, criterionID: criterion.id, label: criterion.label, current: reasons[2],
                                               action: .init(zh: "另行整改", en: "=fix otherwise"), gainTenths: 2, due: nil))
            let rows = actions.map { SummaryBuilder.actionRow($0, unit: unit) }
            let expected = [
                rows.map(SummaryJSON.actionEntry).joined(separator: JSON.recordSeparator),
                rows.map { SummaryCSV.actionLine($0, regions: false, language: language) }.joined(),
                rows.map { SummaryMarkdown.actionLine($0, regions: false, language: language) }.joined(),
                rows.map { SummaryHTML.actionRow($0, language: language) }.joined(separator: "\n"),
            ]
            let rendered = texts.render(actions, unit: unit)
            for (format, text) in expected.enumerated() {
                #expect(rendered[format] == Array(text.utf8), "\(name): format \(format)")
            }
            #expect(texts.render([], unit: unit) == [[], [], [], []])
        }
    }

    /// A scorecard written with the standard's cells escaped in advance reads exactly as one
    /// escaped cell by cell, also where the card's labels, actions or essentials are not those
    /// the cells were made from (a card scored under a tailored, reordered or renamed standard).
    @Test(arguments: Language.allCases)
    func scorecardPartsChangeNoByte(_ language: Language) throws {
        let inputs = try InputDiscovery.files(in: [TestPaths.packageRoot.appendingPathComponent("checklists").path])
        let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
        var tailored = Standard.builtIn
        tailored.haves[0].label = Localized(zh: "活动 | 场所", en: "Venue <rooms>")
        func changed(_ criterion: Criterion, id: String? = nil, label: Localized? = nil, action: Localized? = nil,
                     essential: Bool? = nil) -> Criterion {
            Criterion(id: id ?? criterion.id, label: label ?? criterion.label, pointsTenths: criterion.pointsTenths,
                      measure: criterion.measure, essential: essential ?? criterion.essential,
                      essentialAbove: criterion.essentialAbove, appliesWhen: criterion.appliesWhen, source: criterion.source,
                      action: action ?? criterion.action, mark: criterion.mark)
        }
        tailored.haves[1].criteria = tailored.haves[1].criteria.map {
            changed($0, label: Localized(zh: "设备*齐全*", en: "Equipment _in full_"),
                    action: Localized(zh: "补齐 [设备]", en: "complete the #equipment"))
        }
        tailored.haves[2].criteria = tailored.haves[2].criteria.map { changed($0, essential: !$0.essential) }
        // Cells in another order than the card's criteria, some criteria without cells, and cells
        // in the card's places but of other ids: cells are taken by id, never by place alone.
        var reordered = Standard.builtIn
        reordered.haves[3].criteria.reverse()
        reordered.haves.remove(at: 0)
        var renamed = Standard.builtIn
        renamed.haves[0].criteria = renamed.haves[0].criteria.map { changed($0, id: $0.id + "x") }
        let cards = run.reports.compactMap(\.checklist).map(Scorer(standard: .builtIn).score)
        #expect(cards.contains { !$0.actions.isEmpty })
        for standard in [Standard.builtIn, tailored, reordered, renamed] {
            let parts = ScorecardMarkdown.Parts(standard: standard, language: language)
            for card in cards {
                var withParts = StringOutput()
                ScorecardMarkdown(card: card, standard: .builtIn, language: language, parts: parts).write(to: &withParts)
                #expect(withParts.text == ScorecardMarkdown(card: card, standard: .builtIn, language: language).render(), "\(card.unitID)")
            }
        }
    }

    /// The spool's compact form of actions gives back exactly the actions it was given, those of
    /// the standard's criteria and others alike.
    @Test func spooledActionsRoundTrip() {
        let codec = SpooledActions(standard: .builtIn)
        let criteria = Standard.builtIn.haves.flatMap { have in have.criteria.map { (have.id, $0) } }
        var actions = criteria.enumerated().map { index, pair in
            RectificationAction(haveID: pair.0, criterionID: pair.1.id, label: pair.1.label,
                                current: .init(zh: "原因 \(index)，含\n换行", en: "reason \(index), \"quoted\""),
                                action: pair.1.action, gainTenths: index * 13 - 40,
                                due: index % 3 == 0 ? nil : CalendarDate(year: 2023, month: index % 12 + 1, day: 28))
        }
        actions.append(RectificationAction(haveID: "venue", criterionID: "V1", label: .init(zh: "改过的名称", en: "renamed"),
                                           current: .init(zh: "", en: ""), action: criteria[0].1.action, gainTenths: 0, due: nil))
        actions.append(RectificationAction(haveID: "x", criterionID: "Z9", label: .init(zh: "e\u{301}", en: "😀"),
                                           current: .init(zh: "a", en: "b"), action: .init(zh: "c", en: "d"), gainTenths: Int.max, due: nil))
        let decoded = codec.decode(codec.encode(actions))
        #expect(decoded.count == actions.count)
        for (left, right) in zip(decoded, actions) {
            let texts = { (a: RectificationAction) in
                [a.haveID, a.criterionID, a.label.zh, a.label.en, a.current.zh, a.current.en, a.action.zh, a.action.en].map { Array($0.utf8) }
            }
            #expect(texts(left) == texts(right))
            #expect(left.gainTenths == right.gainTenths && left.due == right.due)
        }
        #expect(codec.decode(codec.encode([])).isEmpty)
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8), y = Array(b.utf8)
        let index = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, index - 80)..<min(bytes.count, index + 80)], as: UTF8.self) }
        return "\(index):\n\(context(x))\n---\n\(context(y))"
    }
}

/// What a rollup counts as the same file in two summaries.
@Suite struct RollupOverlapTests {
    private static func county(_ index: Int, sharing shared: SummaryDocument.InputRef) throws -> Rollup.Input {
        var document = try SummaryStreamingTests.samples(language: .en, dropping: index)
        document.region = "county-\(index)"
        document.inputs = document.inputs.map { input in
            var copy = input
            copy.sha256 = String(index) + input.sha256.dropFirst()
            return copy
        } + [shared]
        return Rollup.Input(path: "county-\(index)/summary.json", document: document, sha256: String(repeating: String(index), count: 64))
    }

    /// The same broken or empty file in two counties gives no unit twice: the rollup goes ahead.
    @Test func aSharedInvalidFileIsNoOverlap() throws {
        let broken = SummaryDocument.InputRef(path: "checklists/todo.yaml", unitID: nil, sha256: String(repeating: "e", count: 64),
                                              valid: false, region: nil)
        let inputs = try [1, 2].map { try Self.county($0, sharing: broken) }
        #expect(throws: Never.self) { try Rollup.combine(inputs, title: nil, region: "city", language: .en) }
    }

    /// The same valid checklist in two counties would count its unit twice: refused.
    @Test func aSharedValidChecklistIsAnOverlap() throws {
        let unit = SummaryDocument.InputRef(path: "checklists/a.yaml", unitID: "a", sha256: String(repeating: "f", count: 64),
                                            valid: true, region: nil)
        let inputs = try [1, 2].map { try Self.county($0, sharing: unit) }
        #expect(throws: RollupError.self) { try Rollup.combine(inputs, title: nil, region: "city", language: .en) }
    }
}
