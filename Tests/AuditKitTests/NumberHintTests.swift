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
    }

    @Test func tabIndentationIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n\tid: x\n")
        #expect(diagnostic.code == .syntax && diagnostic.line == 3)
        #expect(diagnostic.hint.en.contains("tab"))
    }
}
