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
