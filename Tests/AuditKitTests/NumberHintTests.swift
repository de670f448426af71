import Testing
@testable import AuditKit

@Suite struct NumberHintTests {
    @Test(arguments: [("八十五", 85), ("八十", 80), ("十二", 12), ("二十", 20), ("一百零五", 105),
                      ("一千二百", 1200), ("三万五千", 35000), ("两百", 200)])
    func chineseNumerals(_ text: String, _ value: Int) {
        #expect(NumberSpelling.chineseNumeral(text) == value)
    }

    @Test func hintsNameTheNumberTheInspectorMeant() {
        #expect(Messages.numberHint("八十五", quoted: false, integer: true).zh == "用阿拉伯数字书写：八十五 写作 85")
        #expect(Messages.numberHint("８６", quoted: false, integer: true).en == "write half-width digits: 86")
        #expect(Messages.numberHint("86.0", quoted: false, integer: true).en == "write it as a whole number: 86")
        #expect(Messages.numberHint("\"86\"", quoted: true, integer: true).en == "remove the quotes: write the number bare")
        #expect(Messages.numberHint("三十元", quoted: false, integer: false).zh.contains("阿拉伯数字"))
    }
}

@Suite struct SyntaxAdviceTests {
    private func firstDiagnostic(_ text: String) throws -> Diagnostic {
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        return try #require(report.diagnostics.first)
    }

    @Test func fullWidthColonIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n  id: x\n  area_m2：120\n  name: y\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.hint.zh.contains("全角冒号"))
        #expect(diagnostic.hint.en.contains("full-width colon"))
        #expect(diagnostic.message.zh.contains("找不到应有的半角冒号"))
        // libyaml notices only on the next line; the diagnostic points at the colon itself.
        #expect(diagnostic.line == 4 && diagnostic.column == 10)
    }

    @Test func fullWidthColonOnTheLastLineIsNotPlacedPastTheEnd() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n  id: x\n  name：y\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 4 && diagnostic.column == 7)
    }

    @Test func aColonWithoutItsSpaceIsNamedWhereTheSpaceGoes() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\ninspection:\n  date: 2022-10-19\n  inspector:李明\n  round: 2022-H2\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 4 && diagnostic.column == 13)
        #expect(diagnostic.hint.en == "put a space after the colon: inspector: 李明")
        #expect(diagnostic.hint.zh == "在冒号后加一个空格：inspector: 李明")
    }

    /// An unclosed quote is found out at the end of the file; it is reported where it opens.
    @Test func anUnclosedQuoteIsReportedWhereItOpens() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\ninspection:\n  notes: \"现场核实\n  inspector: 李明\nvenue:\n  status: none\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 3 && diagnostic.column == 10)
        #expect(diagnostic.hint.en.contains("closing quote"))
        #expect(diagnostic.message.zh.contains("没有闭合"))
    }

    @Test func tabIndentationIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n\tid: x\n")
        #expect(diagnostic.code == .syntax && diagnostic.line == 3)
        #expect(diagnostic.hint.en.contains("tab"))
    }
}
