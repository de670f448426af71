import Testing
@testable import AuditKit

/// The escapers rewrite bytes when that is the same as rewriting characters, and walk characters
/// otherwise. These references are the character walks; random strings full of the awkward cases
/// (combining accents and joiners next to the escaped characters, CR LF pairs, wide characters)
/// must come out the same both ways.
@Suite struct EscapingFastPathTests {
    static func markdownReference(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r": result += " "
            case "*", "_", "`", "[", "]", "#": result += "\\\(character)"
            default: result.append(character)
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
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            field = "\"" + field.replacingAll("\"", with: "\"\"") + "\""
        }
        return field
    }

    static let pieces = ["|", "<", ">", "&", "\n", "\r", "\r\n", "*", "_", "`", "[", "]", "#", "\"", "'", ",", "=", "-", "@",
                         "\t", "a", "7", " ", "中", "（", "\u{301}", "\u{200D}", "e\u{301}", "\u{600}", "😀", "1.5"]

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
            #expect(Array(Escaping.html(text).utf8) == Array(Self.htmlReference(text).utf8), "\(text.debugDescription)")
            for number in [false, true] {
                #expect(Array(Escaping.csvField(text, number: number).utf8) == Array(Self.csvReference(text, number: number).utf8),
                        "\(text.debugDescription)")
            }
        }
    }
}
