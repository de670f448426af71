import Foundation
import Testing
@testable import AuditKit

/// The escapers rewrite bytes. These references walk Unicode scalars, the simplest statement of
/// what each must do; random strings full of the awkward cases (combining accents and joiners next
/// to the escaped characters, CR LF pairs, wide characters) must come out the same both ways. A
/// walk over Characters would be wrong: to Swift a CR LF pair, or a `|` or `"` with a combining
/// accent, is one Character that equals neither of its parts, and would slip through unescaped.
@Suite struct EscapingFastPathTests {
    static func markdownReference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r", "\t": result += " "
            case "*", "_", "`", "[", "]", "#", "\\", "~": result += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += String(format: "\\x%02X", scalar.value)
            case "\u{61C}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func htmlReference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func csvReference(_ text: String, number: Bool) -> String {
        var field = text
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !(number && ScalarReader.decimal(field) != nil) {
            field = "'" + field
        }
        if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var quoted = "\""
            for scalar in field.unicodeScalars {
                quoted.unicodeScalars.append(scalar)
                if scalar == "\"" { quoted += "\"" }
            }
            field = quoted + "\""
        }
        return field
    }

    static let pieces = ["|", "<", ">", "&", "\n", "\r", "\r\n", "*", "_", "`", "[", "]", "#", "\"", "'", ",", "=", "-", "@",
                         "\t", "a", "7", " ", "中", "（", "\u{301}", "\u{200D}", "e\u{301}", "\u{600}", "😀", "1.5",
                         "\\", "~", "\u{1B}", "\u{7}", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "\u{61C}", "\u{202E}",
                         "\u{2028}", "\u{2069}", "“", "—", "\u{200D}"]

    static func oneLineReference(_ value: String) -> String {
        String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    static func clippedReference(_ value: String, size: Double, width: Double) -> String {
        let line = oneLineReference(value)
        guard SummaryHTML.textWidth(line, size: size) > width else { return line }
        var result = ""
        for character in line {
            if SummaryHTML.textWidth(result + String(character) + "…", size: size) > width { break }
            result.append(character)
        }
        return result + "…"
    }

    @Test func chartLabelsAgreeWithTheirDefinitions() {
        let pieces = ["单位", "XX县", "a", "\n", "\r\n", "\t", "\u{85}", "\u{2028}", "“引号”", "e\u{301}", "😀", "long name "]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(Array(SummaryHTML.oneLine(text).utf8) == Array(Self.oneLineReference(text).utf8), "\(text.debugDescription)")
            for (size, width) in [(12.0, 170.0), (11.0, 60.0), (12.0, 7.0)] {
                #expect(Array(SummaryHTML.clipped(text, size: size, width: width).utf8)
                        == Array(Self.clippedReference(text, size: size, width: width).utf8), "\(text.debugDescription)")
            }
        }
    }

    static func integerReference(_ text: String) -> Int? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// `YYYY-MM-DD` read by splitting at the hyphens, independently of the byte reader.
    static func dateReference(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Integers, decimals and dates are read in place now; they read as before.
    @Test func numbersAndDatesReadAsBefore() {
        let pieces = ["0", "1", "7", "9", "-", "+", ".", "e", "E", "2022", "-06-", "31", "٣", "+\u{301}", " ", "x",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e400"]
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts = ["", "+", "-", "-0", "+0", "007", "2022-02-29", "2024-02-29", "2022-13-01", "1.", ".5", "1e", "1e+", "-.5e-3"]
        for _ in 0..<20000 { texts.append((0..<next(5)).map { _ in pieces[next(pieces.count)] }.joined()) }
        for text in texts {
            #expect(ScalarReader.integer(text) == Self.integerReference(text), "\(text.debugDescription)")
            #expect(CalendarDate(iso: text) == Self.dateReference(text), "\(text.debugDescription)")
        }
    }

    @Test func fastPathsAgreeWithCharacterWalks() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20000 {
            let text = (0..<next(8)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            // Compared as bytes: String's == would take canonically equivalent texts as equal.
            #expect(Array(Markdown.escaped(text).utf8) == Array(Self.markdownReference(text).utf8), "\(text.debugDescription)")
            // The renderers' in-place writer, after other text, as a scorecard cell is written.
            var cell = StringOutput()
            cell.write("| ")
            cell.write(markdown: text)
            #expect(cell.bytes == Array(("| " + Self.markdownReference(text)).utf8), "\(text.debugDescription)")
            #expect(Array(Escaping.html(text).utf8) == Array(Self.htmlReference(text).utf8), "\(text.debugDescription)")
            for number in [false, true] {
                #expect(Array(Escaping.csvField(text, number: number).utf8) == Array(Self.csvReference(text, number: number).utf8),
                        "\(text.debugDescription)")
            }
        }
    }
}

/// The escapers skip text eight bytes at a time (`ByteWords`), or Markdown's sixteen, and test
/// Markdown's bytes with a bit table; they must find every byte they did one comparison at a time,
/// wherever it sits in a word or block.
@Suite struct ByteWordsTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test func everyByteIsFoundAtEveryPlaceOfAWord() {
        for filler: UInt8 in [0x41, 0xE4, 0x80, 0xFF, 0x20] {
            for value in 0...255 {
                for place in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = UInt8(value)
                    let word = Self.word(bytes)
                    for target: UInt8 in [0x22, 0x5C, 0xC2, 0xE2, 0x2C, 0x0A, 0x0D] {
                        #expect(ByteWords.hasByte(target, in: word) == bytes.contains(target), "\(bytes) \(target)")
                    }
                    #expect(ByteWords.hasByte(below: 0x20, in: word) == bytes.contains { $0 < 0x20 }, "\(bytes)")
                }
            }
        }
        // An ASCII byte is tested when it is escaped or shown as a control; a byte above ASCII
        // when it starts a character shown as a control.
        var starts = Set<UInt8>()
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), Escaping.shown(control: scalar) != nil else { continue }
            starts.insert(String(scalar).utf8.first!)
        }
        for value in 0...255 {
            let byte = UInt8(value)
            let shown = [byte].withUnsafeBufferPointer { Markdown.control(in: $0, at: 0) } != nil
            let expected = byte < 0x80 ? Markdown.escape(byte) != nil || shown : starts.contains(byte)
            #expect(Markdown.needsEscape(byte) == expected, "\(value)")
        }
        // Markdown's test of sixteen bytes at once, every byte at every place of a block.
        for filler: UInt8 in [0x41, 0xE4, 0x20, 0xA0] {
            for value in 0...255 {
                for place in 0..<16 {
                    var bytes = [UInt8](repeating: filler, count: 16)
                    bytes[place] = UInt8(value)
                    let block = bytes.withUnsafeBytes { $0.loadUnaligned(as: SIMD16<UInt8>.self) }
                    #expect(Markdown.needsEscape(in: block) == bytes.contains(where: Markdown.needsEscape), "\(bytes)")
                }
            }
        }
    }

    static func jsonReference(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{85}": result += "\\u0085"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Long texts, so that what needs escaping sits in whole words, in the tail, or in neither.
    @Test func longTextsAreEscapedAsByteByByte() {
        let pieces = EscapingFastPathTests.pieces + ["\u{85}", "\u{2028}", "\u{2029}", "“引号”", "\u{1}", "\u{1F}", "\\", "÷",
                                                     "funding.amount_yuan", "经费管理制度和物品登记管理制度"]
        var state: UInt64 = 13
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<6000 {
            // Mostly plain text with now and then one piece that needs escaping.
            let text = (0..<next(40)).map { _ in next(6) == 0 ? pieces[next(pieces.count)] : ["中文说明", "plain", " ", "0123"][next(4)] }
                .joined() + (round % 3 == 0 ? pieces[next(pieces.count)] : "")
            var cell = StringOutput()
            cell.write(markdown: text)
            #expect(cell.bytes == Array(EscapingFastPathTests.markdownReference(text).utf8), "\(text.debugDescription)")
            var csv = StringOutput()
            csv.write(csvField: text)
            #expect(csv.bytes == Array(EscapingFastPathTests.csvReference(text, number: false).utf8), "\(text.debugDescription)")
            var json = StringOutput()
            JSON.string(text, &json)
            #expect(json.bytes == Array(Self.jsonReference(text).utf8), "\(text.debugDescription)")
        }
    }
}

/// Numbers in summary.json: whole numbers and tenths are written as digits without a string;
/// they must read exactly as Swift's description, the way every other number is written.
@Suite struct JSONNumberTests {
    @Test func tenthsAreWrittenAsTheirDescription() {
        var values: [Double] = [0, -0.0, 0.1, -0.1, 0.5, 1, 85, 84.5, 52.7, 100, 0.1512, 1.0 / 3, 1e13 + 0.5, 99_999_999_999_999.9,
                                1e14, 1e14 - 0.1, 2e15, 1e16, 9_007_199_254_740_992, .leastNonzeroMagnitude, .ulpOfOne, 123_456_789.1]
        var state: UInt64 = 17
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 11) % bound
        }
        for _ in 0..<20000 {
            let tenths = Double(Int64(next(2_000_000_000_000_000)) - 1_000_000_000_000_000) / Double([1, 1000, 1_000_000, 1_000_000_000][Int(next(4))])
            values.append(tenths.rounded() / 10)
            values.append(Double(bitPattern: state))
        }
        for value in values where value.isFinite {
            var fast = StringOutput()
            JSON.number(value, &fast)
            var described = StringOutput()
            JSON.described(value, &described)
            #expect(fast.text == described.text, "\(value)")
        }
    }
}

/// A checklist named after its unit is recognised by bytes; it must agree with the name taken
/// apart as a string, for every path and id, including trailing slashes, both suffixes and ids
/// that are canonically equal to ASCII (the Kelvin sign is a K).
@Suite struct FileNameMatchTests {
    @Test func byteComparisonAgreesWithTheStringOne() {
        let folders = ["", "a/", "checklists/", "/abs/", "目录/", "a//", "./"]
        let names = ["unit-1", "u", "", "K", "\u{212A}", "单位甲", ".yaml", "x.yaml", "e\u{301}"]
        let suffixes = [".yaml", ".yml", "", ".YAML", ".yaml.yaml", "/", "//", ".ym"]
        let ids = ["unit-1", "u", "", "K", "\u{212A}", "单位甲", "x", "x.yaml", "unit-1.yaml", "é", "e\u{301}"]
        for folder in folders {
            for name in names {
                for suffix in suffixes {
                    let path = folder + name + suffix
                    for id in ids {
                        #expect(ConsistencyChecks.isNamed(path, after: id) == (ConsistencyChecks.unitID(namedBy: path) == id),
                                "\(path.debugDescription) \(id.debugDescription)")
                    }
                }
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Text a checklist controls cannot break out of its place in any output, even where Swift's
/// Characters would hide the breaking scalar (CR LF is one Character, as is a quote with an accent).
@Suite struct EscapingBreakoutTests {
    @Test func aGitHubCommandCannotBeEndedByCRLF() {
        let hostile = "x\r\n::warning file=README.md,line=1::injected\r\n::add-mask::abc"
        let message = Escaping.githubCommand(hostile)
        #expect(!message.unicodeScalars.contains("\r") && !message.unicodeScalars.contains("\n"))
        #expect(message == "x%0D%0A::warning file=README.md,line=1::injected%0D%0A::add-mask::abc")
        let property = Escaping.githubCommand("a\r\n::warning::pwn.yaml", property: true)
        #expect(property == "a%0D%0A%3A%3Awarning%3A%3Apwn.yaml")
        // Terminal control sequences are shown, not sent.
        #expect(Escaping.githubCommand("\u{1B}]0;pwned\u{07}\u{1B}[31m") == "\\x1B]0;pwned\\x07\\x1B[31m")
    }

    @Test func aCSVFieldWithCRLFOrAnAccentedQuoteIsQuoted() {
        #expect(Escaping.csvField("a\r\nb") == "\"a\r\nb\"")
        #expect(Escaping.csvField("say \"\u{301}hi") == "\"say \"\"\u{301}hi\"")
    }

    @Test func aMarkdownCellCannotBeSplitByCRLFOrAnAccentedPipe() {
        #expect(Markdown.escaped("a\r\n| b |\u{301}") == "a  \\| b \\|\u{301}")
    }

    /// A backslash the text holds cannot undo the escape of the character after it: the name
    /// reads as written, with no link, no HTML and no strikethrough, and its `|` split no cell.
    @Test func aBackslashOrTildeInMarkdownReadsAsWritten() {
        let name = #"A\| X \| \[click\](https://evil.example) \<b\> ~~x~~"#
        #expect(Markdown.escaped(name) == #"A\\\| X \\\| \\\[click\\\](https://evil.example) \\&lt;b\\&gt; \~\~x\~\~"#)
    }

    /// Control characters reach no Markdown raw, in text or in what would be a code span: they
    /// are shown as the terminal output shows them, and a tab is a space.
    @Test func controlCharactersInMarkdownAreShown() {
        #expect(Markdown.escaped("a\u{1B}c\u{1B}(0\u{7}\u{9B}\t\u{202E}b") == #"a\x1Bc\x1B(0\x07\x9B \u202Eb"#)
        #expect(Markdown.code("v\u{1B}]0;x\u{7}") == #"v\x1B\]0;x\x07"#)
        #expect(Markdown.code("2022.1\u{85}") == #"2022.1\x85"#)
        #expect(Markdown.code("five-haves 2022.1") == "`five-haves 2022.1`")
    }

    /// HTML and XML drop the same control characters for U+FFFD: C0 but tab and line breaks,
    /// DEL and C1.
    @Test func htmlAndXMLReplaceTheSameControlCharacters() {
        let text = "a\u{1B}]0;x\u{07}\u{7F}\u{9B}1m\t\n\r\u{A0}b"
        let expected = "a\u{FFFD}]0;x\u{FFFD}\u{FFFD}\u{FFFD}1m\t\n\r\u{A0}b"
        #expect(Array(Escaping.html(text).unicodeScalars) == Array(expected.unicodeScalars))
        #expect(Array(Escaping.xml(text).unicodeScalars) == Array(expected.unicodeScalars))
    }

    /// Through the binary: a key holding CR LF yields one annotation per diagnostic.
    @Test func validateWritesOneAnnotationPerDiagnostic() throws {
        let temporary = try TemporaryFolder()
        let path = temporary.path("inj.yaml")
        let text = "format: five-haves/1\nunit:\n  \"x\\r\\n::warning file=README.md,line=1::injected\": 1\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try AuditBinary.run(["validate", "--format", "github", path])
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        // Every line is an annotation of this file: none was started by the checklist's text.
        let file = "file=" + Escaping.githubCommand(path, property: true) + ","
        #expect(lines.allSatisfy { $0.hasPrefix("::error \(file)") || $0.hasPrefix("::warning \(file)") }, "\(lines)")
        #expect(!outcome.stdout.unicodeScalars.contains("\r"))
    }
}

/// The validator's list of white space is Unicode's, checked scalar by scalar.
@Suite struct WhiteSpaceListTests {
    @Test func theListIsUnicodesWhiteSpace() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if StructureValidator.isSpace(scalar) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }
}
