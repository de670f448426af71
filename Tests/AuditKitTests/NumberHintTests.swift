import Foundation
import Testing
@testable import AuditKit

@Suite struct NumberHintTests {
    @Test(arguments: [("八十五", 85), ("八十", 80), ("十二", 12), ("二十", 20), ("一百零五", 105),
                      ("一千二百", 1200), ("三万五千", 35000), ("两百", 200), ("一千零五", 1005),
                      // Digit by digit, as years and round numbers are often written.
                      ("一〇〇", 100), ("二〇", 20), ("一二〇", 120), ("二〇二二", 2022), ("二零二二", 2022), ("一九四九", 1949)])
    func chineseNumerals(_ text: String, _ value: Int) {
        #expect(NumberSpelling.chineseNumeral(text) == value)
        #expect(Messages.numberHint(text, quoted: false, integer: true).en == "write Arabic digits: \(value) rather than \(text)")
    }

    /// Digits run together with a unit word between them are no numeral, and two or three
    /// digits with no zero are a range (三五, "three to five"): no number is made up.
    @Test(arguments: ["三二十", "一二百", "十二三", "三五", "七八", "一两", "三四五"])
    func malformedNumeralsGetTheGeneralHint(_ text: String) {
        #expect(NumberSpelling.chineseNumeral(text) == nil)
        #expect(Messages.numberHint(text, quoted: false, integer: true).en == "write Arabic digits, e.g. 80 rather than 八十")
    }

    /// A number in quotes is text: the message says so, not that the digits are no number.
    @Test func quotedNumbersAreCalledText() {
        #expect(Messages.notInteger("45", quoted: true).en == "\"45\" is in quotes, which make it text, not a whole number")
        #expect(Messages.notInteger("45", quoted: true).zh == "“45”加了引号，是文字而不是整数")
        #expect(Messages.notNumber("45.5", quoted: true).zh == "“45.5”加了引号，是文字而不是数字")
        #expect(Messages.notInteger("45.5", quoted: true).en == "\"45.5\" is not a whole number")
        #expect(Messages.notInteger("四十五", quoted: true).en == "\"四十五\" is not a whole number")
        #expect(Messages.notInteger("45").en == "\"45\" is not a whole number")
    }

    @Test func hintsNameTheNumberTheInspectorMeant() {
        #expect(Messages.numberHint("八十五", quoted: false, integer: true).zh == "用阿拉伯数字书写：八十五 写作 85")
        #expect(Messages.numberHint("８６", quoted: false, integer: true).en == "write half-width digits: 86")
        #expect(Messages.numberHint("86.0", quoted: false, integer: true).en == "write it as a whole number: 86")
        // Quotes are the only slip when they hold a number; otherwise the hint also says what to write.
        #expect(Messages.numberHint("86", quoted: true, integer: true).en == "remove the quotes: write the number bare")
        #expect(Messages.numberHint("十二", quoted: true, integer: true).en == "drop the quotes; write Arabic digits: 12 rather than 十二")
        #expect(Messages.numberHint("3人", quoted: true, integer: true).zh == "去掉引号；只写数字，不带单位或货币符号：3")
        #expect(Messages.numberHint("12.5", quoted: true, integer: true).en.hasPrefix("drop the quotes; "))
        #expect(Messages.numberHint("12.5", quoted: true, integer: false).en == "remove the quotes: write the number bare")
        #expect(Messages.numberHint("三十元", quoted: false, integer: false).zh.contains("阿拉伯数字"))
    }

    /// Digits with something around them: the hint gives the number to write.
    @Test(arguments: [("3万", "写出完整的数：3万 写作 30000", "write the whole number: 30000 for 3万"),
                      ("1.5万元", "写出完整的数：1.5万元 写作 15000", "write the whole number: 15000 for 1.5万元"),
                      ("1,200", "去掉千位分隔符：写作 1200", "drop the thousands separators: write 1200"),
                      ("约50", "只写数字（估计数也可）：50", "write the number alone (an estimate will do): 50"),
                      ("30多", "只写数字（估计数也可）：30", "write the number alone (an estimate will do): 30"),
                      ("50左右", "只写数字（估计数也可）：50", "write the number alone (an estimate will do): 50"),
                      ("￥30000", "只写数字，不带单位或货币符号：30000", "write the number alone, without a unit or currency sign: 30000"),
                      ("25小时", "只写数字，不带单位或货币符号：25", "write the number alone, without a unit or currency sign: 25"),
                      ("60 m2", "只写数字，不带单位或货币符号：60", "write the number alone, without a unit or currency sign: 60"),
                      ("60平方米", "只写数字，不带单位或货币符号：60", "write the number alone, without a unit or currency sign: 60"),
                      ("1.13万", "写出完整的数：1.13万 写作 11300", "write the whole number: 11300 for 1.13万"),
                      ("0.57万", "写出完整的数：0.57万 写作 5700", "write the whole number: 5700 for 0.57万"),
                      ("12,345,678", "去掉千位分隔符：写作 12345678", "drop the thousands separators: write 12345678"),
                      ("30，000", "去掉千位分隔符：写作 30000", "drop the thousands separators: write 30000"),
                      ("１,２００", "去掉千位分隔符：写作 1200", "drop the thousands separators: write 1200"),
                      ("1,234.56789", "去掉千位分隔符：写作 1234.56789", "drop the thousands separators: write 1234.56789"),
                      ("3.14159元", "只写数字，不带单位或货币符号：3.14159", "write the number alone, without a unit or currency sign: 3.14159"),
                      ("2022年", "只写数字，不带单位或货币符号：2022", "write the number alone, without a unit or currency sign: 2022"),
                      ("2022年度", "只写数字，不带单位或货币符号：2022", "write the number alone, without a unit or currency sign: 2022"),
                      ("3千", "写出完整的数：3千 写作 3000", "write the whole number: 3000 for 3千"),
                      ("3千元", "写出完整的数：3千元 写作 3000", "write the whole number: 3000 for 3千元"),
                      ("2.5千", "写出完整的数：2.5千 写作 2500", "write the whole number: 2500 for 2.5千")])
    func numbersWithSomethingAround(_ text: String, _ zh: String, _ en: String) {
        let hint = Messages.numberHint(text, quoted: false, integer: false)
        #expect(hint.zh == zh)
        #expect(hint.en == en)
    }

    /// Commas that are not thousands separators get no number made up from them.
    @Test(arguments: ["1,5", "12，15", "1,2345", "2022-10-19", "1.2.3", "多"])
    func noNumberIsMadeUp(_ text: String) {
        #expect(NumberSpelling.intended(text) == nil)
        #expect(!Messages.numberHint(text, quoted: false, integer: false).en.contains("separators"))
    }

    @Test func itemsRunTogetherByAChineseCommaAreNamed() throws {
        let text = try String(contentsOfFile: TestPaths.packageRoot.appendingPathComponent("checklists/beiyuan-township.yaml").path, encoding: .utf8)
            .replacingOccurrences(of: "  rooms: [activity]", with: "  rooms: [reading，activity]")
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "beiyuan-township.yaml", treeRoot: "."))
        let diagnostic = try #require(report.diagnostics.first { $0.code == .notInChoices })
        #expect(diagnostic.hint.en == "separate the items with a half-width comma: [reading, activity]")
        #expect(diagnostic.hint.zh == "列表各项用半角逗号“,”分隔：[reading, activity]")
        // A single value is not a list: the usual hint.
        let single = text.replacingOccurrences(of: "  status: dedicated", with: "  status: shared、dedicated")
        let report2 = ChecklistReader(catalogues: .builtIn).validate(Array(single.utf8), input: InputFile(path: "beiyuan-township.yaml", treeRoot: "."))
        let status = try #require(report2.diagnostics.first { $0.code == .notInChoices && $0.keyPath == "venue.status" })
        #expect(!status.hint.en.contains("half-width comma"))
    }
}

@Suite struct SyntaxAdviceTests {
    private func firstDiagnostic(_ text: String) throws -> Diagnostic {
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        return try #require(report.diagnostics.first)
    }

    /// The pair a full-width colon's hint gives is one that can be copied back as it stands.
    @Test(arguments: [
        ("inspector", "王刚        # 检查人", "inspector: 王刚"),
        ("inspector\u{3000}", "张建华", "inspector: 张建华"),                // a full-width space before the colon
        ("inspector", "\"张建华 #2\"  # 检查人", "inspector: \"张建华 #2\""),  // # inside quotes is the value's
        ("inspector", "张建华\t# 检查人", "inspector: 张建华"),             // a tab before # starts a comment too
        ("  - item", "magazines  # 杂志", "- item: magazines"),
        ("equipment", "", "equipment:"),
        ("notes", String(repeating: "长", count: 50), "notes: " + String(repeating: "长", count: 40) + "…"),
    ])
    func aFullWidthColonsPairIsWrittenAsItShouldRead(_ key: String, _ value: String, _ fixed: String) {
        #expect(SyntaxAdvice.fixedPair(key: Substring(key), value: Substring(value)) == fixed)
    }

    /// Found only as a nearby line (a list item with a comment after it), the slip still gets the
    /// message that names it and the mark of its colon.
    @Test func aFullWidthColonInAListItemIsPointedAt() throws {
        let text = "format: five-haves/1\nequipment:\n  - item: books\n  - item：magazines  # 杂志\n    quantity: 2\n  - item: tv\n"
        let diagnostic = try firstDiagnostic(text)
        #expect(diagnostic.message.en.hasPrefix("YAML syntax error: a key and its value are separated by a colon"), "\(diagnostic.message.en)")
        #expect(diagnostic.line == 4 && diagnostic.column == 9, "\(diagnostic.line):\(diagnostic.column)")
        #expect(diagnostic.hint.zh.hasSuffix("：- item: magazines"), "\(diagnostic.hint.zh)")
    }

    @Test func fullWidthColonIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n  id: x\n  area_m2：120\n  name: y\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.hint.zh.contains("全角冒号"))
        #expect(diagnostic.hint.en.contains("full-width colon"))
        // The message names the cause, not libyaml's "could not find expected ':'" alone.
        #expect(diagnostic.message.zh.hasPrefix("YAML 语法错误：键和值之间要用半角冒号加半角空格“: ”分开"))
        #expect(diagnostic.message.en.hasPrefix("YAML syntax error: a key and its value are separated by a colon and an ordinary space"))
        // libyaml notices only on the next line; the diagnostic points at the colon itself.
        #expect(diagnostic.line == 4 && diagnostic.column == 10)
        // The hint writes the line as it should read, without its comment.
        let commented = try firstDiagnostic("format: five-haves/1\ninspection:\n  inspector：王刚        # 检查人 / inspector\n  date: 2022-06-15\n")
        #expect(commented.hint.zh == "把全角冒号“：”改为半角冒号“:”，并在后面加一个空格：inspector: 王刚", "\(commented.hint.zh)")
    }

    @Test func fullWidthColonOnTheLastLineIsNotPlacedPastTheEnd() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nunit:\n  id: x\n  name：y\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 4 && diagnostic.column == 7)
    }

    /// Chinese input methods put a space before their colon, or after it, as often as not: the
    /// colon is still named at its place, and on the last line too.
    @Test(arguments: [
        ("format: five-haves/1\nvenue:\n  status ：dedicated\n  area_m2: 60\n", 3, 10),
        ("format: five-haves/1\nvenue:\n  status ： dedicated\n  area_m2: 60\n", 3, 10),
        ("format: five-haves/1\nvenue:\n  status\u{3000}：dedicated\n  area_m2: 60\n", 3, 10),
        ("format: five-haves/1\nvenue:\n  area_m2: 60\n  status ：dedicated\n", 4, 10),
        // With a comment after it, libyaml stops on the next line; the colon is still named.
        ("format: five-haves/1\nvenue:\n  status ：dedicated # 已核实\n  area_m2: 60\n", 3, 10),
        ("format: five-haves/1\nvenue:\n  status：dedicated # 已核实\n  area_m2: 60\n", 3, 9),
    ])
    func aFullWidthColonAfterASpaceIsNamed(_ text: String, _ line: Int, _ column: Int) throws {
        let diagnostic = try firstDiagnostic(text)
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == line && diagnostic.column == column)
        #expect(diagnostic.hint.en.hasPrefix("replace the full-width colon"), "\(diagnostic.hint.en)")
        #expect(diagnostic.hint.zh.hasPrefix("把全角冒号"), "\(diagnostic.hint.zh)")
    }

    /// A full-width space after the colon is not a space to YAML: the hint replaces it rather
    /// than adding an ordinary one before it.
    @Test(arguments: ["", " # 已核实"])
    func aFullWidthSpaceAfterTheColonIsReplaced(_ comment: String) throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nvenue:\n  status:\u{3000}dedicated\(comment)\n  area_m2: 60\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 3 && diagnostic.column == 10)
        #expect(diagnostic.hint.en == "the space after the colon is a full-width one: use an ordinary space: status: dedicated\(comment)")
        #expect(diagnostic.hint.zh == "冒号后是全角空格，改为半角空格：status: dedicated\(comment)")
    }

    @Test func aColonWithoutItsSpaceIsNamedWhereTheSpaceGoes() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\ninspection:\n  date: 2022-10-19\n  inspector:李明\n  round: 2022-H2\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 4 && diagnostic.column == 13)
        #expect(diagnostic.hint.en == "put a space after the colon: inspector: 李明")
        #expect(diagnostic.hint.zh == "在冒号后加一个空格：inspector: 李明")
    }

    /// The mark moves only for a key's own colon: a full-width colon in a value or a comment, or a
    /// valid `key:value` string before an unrelated slip, leaves libyaml's place alone.
    @Test func colonsInValuesAndCommentsDoNotMoveTheMark() throws {
        let inValue = try firstDiagnostic("format: five-haves/1\ninspection:\n  notes: 备注：无\n  inspector: a: b\n")
        #expect(inValue.line == 4 && inValue.column == 15)
        #expect(!inValue.hint.en.contains("full-width"))
        let runOn = try firstDiagnostic("format: five-haves/1\ninspection:\n  inspector:李明\n  notes: 备注：无\n")
        #expect(runOn.line == 3 && runOn.column == 13)
        #expect(runOn.hint.en == "put a space after the colon: inspector: 李明")
        let validBefore = try firstDiagnostic("format: five-haves/1\nevidence:\n  - see:http://x\n  - a: b: c\n")
        #expect(validBefore.line == 4 && validBefore.column == 9)
        let comment = try firstDiagnostic("format: five-haves/1\n# 注意：缩进\n\tinspection: x\n")
        #expect(comment.line == 3)
        #expect(comment.hint.en.contains("tab"))
    }

    /// Full-width spaces typed as indentation are named, at the line that has them.
    @Test func fullWidthIndentationIsNamed() throws {
        let syntax = try firstDiagnostic("format: five-haves/1\ninspection:\n  date: 2022-10-19\n\u{3000}\u{3000}inspector: 李明\n  round: 2022-H2\n")
        #expect(syntax.code == .syntax)
        #expect(syntax.line == 4 && syntax.column == 1)
        #expect(syntax.hint.en.contains("full-width spaces"))
        #expect(syntax.hint.zh.contains("全角空格"))
        let text = "format: five-haves/1\ninspection:\n  date: 2022-10-19\n\u{3000}\u{3000}inspector: 李明\n"
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        let unknown = try #require(report.diagnostics.first { $0.code == .unknownKey })
        #expect(unknown.line == 4)
        #expect(unknown.hint.en.contains("full-width spaces"))
    }

    /// Characters that print as nothing (pasted in with the text) are spelt out where a message
    /// quotes the file, so `category` and `\u{FEFF}category` do not read alike; a key that is a
    /// field without them is told to drop them, and is not missing as well.
    @Test func invisibleCharactersAreSpeltOut() throws {
        let text = "format: five-haves/1\nunit:\n  id: x\n  name: y\n  \u{FEFF}category: department\n  township: 河\u{200B}西乡\n"
            + "venue:\n  status: dedi\u{00AD}cated\n"
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        let key = try #require(report.diagnostics.first { $0.code == .unknownKey })
        #expect(key.message.en == "unknown key <U+FEFF>category")
        #expect(key.hint.en == "the key holds characters that print as nothing or as a wide space (shown as <U+…> above, "
                + "often pasted in or typed by an input method): delete them and write category")
        #expect(key.hint.zh == "键里有看不见的字符或全角空格（上面以 <U+…> 标出，常由复制粘贴或中文输入法带入）：删掉它们，写作 category")
        #expect(!report.diagnostics.contains { $0.code == .missingKey && $0.keyPath == "unit.category" })
        let value = try #require(report.diagnostics.first { $0.code == .notInChoices })
        #expect(value.message.en == "\"dedi<U+00AD>cated\" is not an allowed value")
        #expect(Messages.shown("a\u{E0001}b") == "a<U+E0001>b")
        // One character joining 300,000 invisible marks is quoted as 80 scalars, not megabytes.
        let joined = "a" + String(repeating: "\u{200D}", count: 300_000)
        #expect(Messages.shown(joined) == "a" + String(repeating: "<U+200D>", count: 79) + "…")
        #expect(Messages.shown("河西乡") == "河西乡")
        // A full-width space typed before the colon is spelt out too, and the key named; so is
        // a misspelt key with a zero-width space in it.
        let spaced = "format: five-haves/1\ninspection:\n  date: 2022-01-01\n  inspector\u{3000}: x\n  insp\u{200B}ectr: y\n"
        let typed = ChecklistReader(catalogues: .builtIn).validate(Array(spaced.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        let wide = try #require(typed.diagnostics.first { $0.code == .unknownKey && $0.line == 4 })
        #expect(wide.message.en == "unknown key inspector<U+3000>")
        #expect(wide.hint.en.hasSuffix("delete them and write inspector"))
        #expect(!typed.diagnostics.contains { $0.code == .missingKey && $0.keyPath == "inspection.inspector" })
        let misspelt = try #require(typed.diagnostics.first { $0.code == .unknownKey && $0.line == 5 })
        #expect(misspelt.hint.en.hasPrefix("did you mean inspector?"))
    }

    /// A key written too far left is not also missing from its mapping when that mapping is
    /// written twice: the second, a duplicate, is not read, so it is no nearer owner.
    @Test func aKeyTooFarLeftAfterARepeatedMappingIsOneFinding() throws {
        let text = "format: five-haves/1\ninspection:\n  date: 2022-10-19\ninspection:\n  round: x\ninspector: 李明\n"
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        #expect(report.diagnostics.contains { $0.code == .unknownKey && $0.keyPath == "inspector" })
        #expect(report.diagnostics.contains { $0.code == .duplicateKey && $0.keyPath == "inspection" })
        #expect(!report.diagnostics.contains { $0.code == .missingKey && $0.keyPath == "inspection.inspector" })
    }

    /// The key those lines were meant to be under is left empty: its hint points at the line
    /// indented with full-width spaces (blank and comment lines between skipped), rather than
    /// asking for a value after the colon, which would be another error.
    @Test func aKeyLeftEmptyByFullWidthIndentationPointsThere() throws {
        let text = "format: five-haves/1\nunit:\n  id: x\n  retirees:\n\n  # 人数\n\u{3000}\u{3000}total: 38\n"
        let report = ChecklistReader(catalogues: .builtIn).validate(Array(text.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        let empty = try #require(report.diagnostics.first { $0.code == .notFilled })
        #expect(empty.line == 4)
        #expect(empty.hint.en == "line 7 is indented with full-width spaces, which YAML does not count as indentation: "
                + "use ordinary spaces, so that the line belongs to retirees")
        #expect(empty.hint.zh == "第 7 行用全角空格缩进，YAML 不把它当作缩进：换成半角空格，该行才属于 retirees")
        // Below a text key, a line indented with full-width spaces is no part of it: its own hint.
        let scalar = "format: five-haves/1\nunit:\n  id: x\n  name:\n\u{3000}\u{3000}category: township\n"
        let named = ChecklistReader(catalogues: .builtIn).validate(Array(scalar.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        #expect(try #require(named.diagnostics.first { $0.code == .notFilled }).hint.en.hasPrefix("after the colon, write:"))
        // With ordinary spaces below, the hint still asks for the value.
        let plain = "format: five-haves/1\nunit:\n  id: x\n  name:\n  category: township\n"
        let other = ChecklistReader(catalogues: .builtIn).validate(Array(plain.utf8), input: InputFile(path: "x.yaml", treeRoot: "."))
        #expect(try #require(other.diagnostics.first { $0.code == .notFilled }).hint.en.hasPrefix("after the colon, write:"))
    }

    /// A flow list or mapping that is closed, with a slip inside it on a later line, is not called
    /// unclosed: the slip keeps libyaml's place.
    @Test(arguments: ["format: five-haves/1\nvenue:\n  rooms: [\"a\"\n    \"b\"]\n",
                      "format: five-haves/1\nvenue:\n  rooms: {a: 1\n    b: 2}\n",
                      "format: five-haves/1\nvenue:\n  rooms: [a,\n    b: c: d]\n"])
    func aClosedBracketIsNotCalledUnclosed(_ text: String) throws {
        let diagnostic = try firstDiagnostic(text)
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 4)
        #expect(!diagnostic.message.en.contains("never closed"))
    }

    /// A key one space off its neighbours (a template line uncommented by deleting only `#`), in
    /// a mapping or a list item, is named at its line with both indentations.
    @Test(arguments: [
        ("format: five-haves/1\nunit:\n  id: x\n   name: y\n  category: township\n", 4, 3, 2),
        ("format: five-haves/1\nequipment:\n  - item: books\n     quantity: 2\n", 4, 5, 4),
        ("format: five-haves/1\nequipment:\n  - item: books\n   quantity: 2\n", 4, 3, 4),
        ("format: five-haves/1\nunit:\n  id: x\n  # 名称\n   name: y\n", 5, 3, 2),
        // The first key of a mapping off the keys after it: libyaml stops on the next key, but
        // the first one is named.
        ("format: five-haves/1\nunit:\n  retirees:\n     total: 33\n    veterans: 1\n  party_branch: true\n", 4, 5, 4),
        ("format: five-haves/1\nunit:\n   id: x\n  name: y\n  category: township\n", 3, 3, 2),
    ])
    func aKeyOffItsNeighboursIsNamed(_ text: String, _ line: Int, _ indent: Int, _ above: Int) throws {
        let diagnostic = try firstDiagnostic(text)
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == line && diagnostic.column == 1)
        #expect(diagnostic.hint.en == "line \(line) is indented \(indent) spaces where the other keys of its level are indented \(above): line up keys of the same level")
        #expect(diagnostic.hint.zh == "第 \(line) 行缩进了 \(indent) 个空格，同一层的键缩进 \(above) 个：让同一层的键左端对齐")
    }

    /// A key under the dashes of a list item, without a dash of its own, is either that item's
    /// key written too far left or a new item missing its `- `: the hint names both, with the
    /// item's line and the column its keys are at. (It used to suggest only the dash.)
    @Test(arguments: [
        ("format: five-haves/1\nactivities:\n  - date: 2022-05-01\n    kind: study\n  participants: 20\nfunding:\n  year: 2022\n",
         5, "participants", 3, 4, "date"),
        ("format: five-haves/1\nactivities:\n  - date: 2022-05-01\n  kind: study\n    participants: 20\n", 4, "kind", 3, 4, "date"),
        ("format: five-haves/1\nequipment:\n  - item: books\n\n    # 数量\n  quantity: 3\n", 6, "quantity", 3, 4, "item"),
        // Below a nested key, the item's own keys are still where its first one is.
        ("format: five-haves/1\nactivities:\n  - date: 2022-05-01\n    kind: study\n    notes:\n      text: x\n  participants: 20\n",
         7, "participants", 3, 4, "date"),
    ])
    func aKeyUnderTheDashesIsNamed(_ text: String, _ line: Int, _ key: String, _ item: Int, _ column: Int, _ first: String) throws {
        let diagnostic = try firstDiagnostic(text)
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == line && diagnostic.column == 1)
        #expect(diagnostic.hint.en == "\(key) on line \(line) is indented like the list's dashes: if it belongs to the item that starts "
                + "on line \(item), indent it \(column) spaces, in line with \(first); if it starts a new item, put \"- \" before it")
        #expect(diagnostic.hint.zh == "第 \(line) 行的 \(key) 与列表的“- ”对齐了：它若属于第 \(item) 行起的这一项，"
                + "缩进 \(column) 个空格，与 \(first) 对齐；它若开始新的一项，在前面加上“- ”")
    }

    /// The first key under an empty key written at that key's own level, with the keys after it
    /// indented: that first key is named, with both ways to line them up.
    @Test func aFirstKeyLeftAtItsOwnersLevelIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\ninspection:\ndate: 2022-07-13\n  inspector: x\n  round: y\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 3 && diagnostic.column == 1)
        #expect(diagnostic.hint.en == "date on line 3 is at the level of inspection: (line 2), while line 4 is indented 2 spaces: "
                + "if date belongs under inspection:, indent line 3 by 2 spaces too; otherwise line up line 4 with it")
        #expect(diagnostic.hint.zh == "第 3 行的 date 与第 2 行的 inspection: 同级，而第 4 行缩进了 2 个空格："
                + "date 若属于 inspection，给第 3 行也缩进 2 个空格；否则让第 4 行与它左端对齐")
        #expect(diagnostic.message.zh.contains("常见原因是缩进不对"))
    }

    /// `-item:` is a key, not a list item: the hint puts the space back.
    @Test func aDashWithoutItsSpaceIsNamed() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nequipment:\n  - item: newspapers\n    quantity: 5\n  -item: books\n    quantity: 300\n")
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.line == 5 && diagnostic.column == 3)
        #expect(diagnostic.hint.en == "put a space after the dash: - item: books")
        #expect(diagnostic.hint.zh == "在 - 后加一个空格：- item: books")
        // A dash before other text (a bullet inside a notes value) is not taken for an item.
        let bullet = try firstDiagnostic("format: five-haves/1\ninspection:\n  notes: 现场发现\n    -缺少灭火器\n   inspector: 李明\n")
        #expect(!bullet.hint.en.contains("dash"))
    }

    /// A missing space is found at the would-be key's own line, blank lines after it or not, and
    /// in CR LF files as in LF ones.
    @Test func theSlipIsFoundAtTheWouldBeKey() throws {
        let blank = try firstDiagnostic("format: five-haves/1\ninspection:\n  notes: x\n  inspector:李明\n\n  round: y\n")
        #expect(blank.line == 4 && blank.column == 13)
        let noColon = try firstDiagnostic("format: five-haves/1\ninspection:\n  inspector 李明\n  phone:123\n")
        #expect(!(noColon.line == 4 && noColon.hint.en.contains("put a space")))
        let crlf = try firstDiagnostic("format: five-haves/1\r\ninspection:\r\n  inspector：李明\r\n  round: y\r\n")
        #expect(crlf.line == 3 && crlf.column == 12)
        #expect(crlf.hint.en.contains("full-width colon"))
    }

    /// A bracket left open is noticed on a later line; it is reported where it opens.
    @Test func anUnclosedBracketIsReportedWhereItOpens() throws {
        let diagnostic = try firstDiagnostic("format: five-haves/1\nvenue:\n  rooms: [a, b\n")
        #expect(diagnostic.line == 3 && diagnostic.column == 10)
        #expect(diagnostic.hint.en.contains("closing quote or bracket"))
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

/// Dates written another common way get the ISO spelling of the day they mean; impossible days
/// get the length of their month.
@Suite struct DateHintTests {
    @Test(arguments: [
        ("2024/3/5", "2024-03-05"), ("2024.3.5", "2024-03-05"), ("2024-3-5", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"), ("２０２４／１２／３１", "2024-12-31"), ("2024 3 5", "2024-03-05"),
    ])
    func intendedDay(_ written: String, _ meant: String) {
        #expect(CalendarDate.intended(written)?.description == meant)
        #expect(Messages.dateHint(written).en == "write \(meant) (year-month-day, two digits each for month and day)")
    }

    @Test(arguments: ["5/3/2024", "20240305", "2024/2/30", "2024/3", "2024/3/5/6", "2024年3月5日上午", "24/3/5", "2024-13-01x"])
    func noGuessWhenUnclear(_ written: String) {
        #expect(CalendarDate.intended(written) == nil)
        #expect(Messages.dateHint(written).en == "write year-month-day, e.g. 2022-06-15")
    }

    @Test func impossibleDayNamesTheMonthsLength() {
        #expect(Messages.dateHint("2023-02-29").en == "February 2023 has 28 days: check the day")
        #expect(Messages.dateHint("2024-02-30").zh == "2024 年 2 月只有 29 天：核对日期")
        #expect(Messages.dateHint("2024-04-31").en == "April 2024 has 30 days: check the day")
        #expect(Messages.dateHint("2024-13-01").en == "check the year, the month (1 to 12) and the day")
        // Year 0 has no calendar: the year is what is wrong, not February's length.
        #expect(Messages.dateHint("0000-02-29").zh == "核对年份、月份（1 到 12）和日期")
    }
}
