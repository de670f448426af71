import Foundation
import Testing
@testable import AuditKit

/// Where a summary.json stops being JSON: the place a hand edit or a cut-off copy broke it.
@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        ("{\"a\": 1\n \"b\": 2}", 2, 2, "',' or '}' was expected"),
        ("garbage", 1, 1, "a value was expected"),
        ("{\"a\": [1, 2,\n\n 3 x]}", 3, 4, "',' or ']' was expected"),
        ("{\"a\": 1,", 1, 9, "the file ends before the JSON does"),
        ("", 1, 1, "the file ends before the JSON does"),
        ("{\"名称\": \"县\"，\"b\": 1}", 1, 11, "',' or '}' was expected"),
        ("{a: 1}", 1, 2, "a key in double quotes was expected"),
        ("{\"a\" 1}", 1, 6, "':' was expected after the key"),
        ("{\"a\": \"x\ty\"}", 1, 9, "a control character (a tab, a line break) must be escaped"),
        ("{\"a\\qb\": 1}", 1, 4, "JSON has no such escape"),
        ("{\"a\": \"x\\x\"}", 1, 9, "JSON has no such escape"),
        ("{\"a\": \"\\uZZZZ\"}", 1, 8, "JSON has no such escape"),
        ("[\"\\ud800\"]", 1, 3, "the \\u escape names half a character"),
        ("[\"\\udc00\\ud800\"]", 1, 3, "the \\u escape names half a character"),
        ("[1e309]", 1, 2, "the number is too large to be read"),
        ("[\"é\u{00}\"]", 1, 4, "a control character"),
        ("{\"a\": 01}", 1, 8, "the number is not written as JSON writes numbers"),
        ("{\"a\": .5}", 1, 7, "a value was expected"),
        ("{\"a\": 1} {}", 1, 10, "the JSON ended before this, yet more follows"),
        ("[1,]", 1, 4, "a value was expected"),
        ("{\"a\": tru}", 1, 7, "a value was expected"),
        ("{\"a\": 1}\r\n\r\n}", 3, 1, "the JSON ended before this, yet more follows"),
        // Cut short inside a string, a number or a word: the file ends, and that is what is said.
        ("{\"a\": \"县", 1, 9, "the file ends before the JSON does"),
        ("{\"a\": -", 1, 8, "the file ends before the JSON does"),
        ("{\"a\": 1.", 1, 9, "the file ends before the JSON does"),
        ("{\"a\": fa", 1, 9, "the file ends before the JSON does"),
        ("{\"a", 1, 4, "the file ends before the JSON does"),
    ])
    func theFirstBreakIsPlaced(_ text: String, _ line: Int, _ column: Int, _ problem: String) throws {
        let found = try #require(JSONSyntax.firstError(in: Array(text.utf8)))
        #expect(found.line == line && found.column == column, "\(found.line):\(found.column)")
        #expect(found.problem.en.hasPrefix(problem), "\(found.problem.en)")
        #expect(!found.problem.zh.isEmpty)
    }

    @Test(arguments: ["{}", "[]", " {\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\"], \"b\": {}} ", "0", "\"x\"",
                      "[\"\\ud83d\\ude00 县 😀\"]", "[1e-400, -0, 1E+2]", String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
                      "[[[[[]]]]]", "{\"a\":{\"b\":[{}]}}\n"])
    func wellFormedJSONHasNoBreak(_ text: String) {
        #expect(JSONSyntax.firstError(in: Array(text.utf8)) == nil)
    }

    /// Deeper than Foundation reads (512 levels) is named at the first bracket too deep, however
    /// deep the file goes.
    @Test func deepNestingIsNamed() throws {
        let deep = Array(repeating: UInt8(ascii: "["), count: 200_000) + Array(repeating: UInt8(ascii: "]"), count: 200_000)
        let found = try #require(JSONSyntax.firstError(in: deep))
        #expect(found.line == 1 && found.column == 513)
        #expect(found.problem.en == "nested more than 512 levels deep, deeper than this tool reads")
    }

    /// Bytes that are not UTF-8 inside a string are named where they start.
    @Test(arguments: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE5, 0x8E]])
    func invalidUTF8IsPlaced(_ bad: [UInt8]) throws {
        let found = try #require(JSONSyntax.firstError(in: Array("[\"ab".utf8) + bad + Array("\"]".utf8)))
        #expect(found.line == 1 && found.column == 5)
        #expect(found.problem.en == "these bytes are not valid UTF-8 text")
    }

    /// On a real summary and thousands of damaged copies of it, this agrees with Foundation's
    /// parser about what is JSON: it only ever adds where.
    @Test func agreesWithFoundationOnDamagedSummaries() throws {
        let summary = try Array(Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("reports/summary.json")))
        #expect(JSONSyntax.firstError(in: summary) == nil)
        var random = SystemRandomNumberGenerator.Seeded(seed: 5)
        let damage: [UInt8] = Array("{}[],:\"\\ 0-.eEu\nxtnd8".utf8) + [0x00, 0x1F, 0xE5, 0xFF, 0x80]
        var disagreements: [String] = []
        for round in 0..<3000 {
            var bytes = Array(summary.prefix(Int(random.next() % 6000) + 1))
            if round % 3 != 0 {
                let index = Int(random.next() % UInt64(bytes.count))
                bytes[index] = damage[Int(random.next() % UInt64(damage.count))]
                bytes += summary.suffix(from: min(summary.count, bytes.count)).prefix(round % 2 == 0 ? 0 : 40)
            }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            let ours = JSONSyntax.firstError(in: bytes) == nil
            if foundation != ours { disagreements.append(String(decoding: bytes.suffix(80), as: UTF8.self)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
    }
}

private extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64), so the damaged copies are the same on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
