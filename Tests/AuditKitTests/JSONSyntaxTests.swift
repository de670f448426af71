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
        ("{\"a\": \"x\ty\"}", 1, 9, "the string is not closed"),
        ("{\"a\": 01}", 1, 8, "the number is not written as JSON writes numbers"),
        ("{\"a\": .5}", 1, 7, "a value was expected"),
        ("{\"a\": 1} {}", 1, 10, "the JSON is complete, yet more follows"),
        ("[1,]", 1, 4, "a value was expected"),
        ("{\"a\": tru}", 1, 7, "a value was expected"),
        ("{\"a\": 1}\r\n\r\n}", 3, 1, "the JSON is complete, yet more follows"),
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
                      "[[[[[]]]]]", "{\"a\":{\"b\":[{}]}}\n"])
    func wellFormedJSONHasNoBreak(_ text: String) {
        #expect(JSONSyntax.firstError(in: Array(text.utf8)) == nil)
    }

    /// Nesting far deeper than any stack would take recursively is walked, not recursed.
    @Test func deepNestingIsWalked() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 200_000) + Array(repeating: UInt8(ascii: "]"), count: 200_000)
        #expect(JSONSyntax.firstError(in: deep) == nil)
        #expect(JSONSyntax.firstError(in: Array(deep.dropLast()))?.problem.en == "the file ends before the JSON does")
    }

    /// On a real summary and thousands of damaged copies of it, this agrees with Foundation's
    /// parser about what is JSON: it only ever adds where.
    @Test func agreesWithFoundationOnDamagedSummaries() throws {
        let summary = try Array(Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("reports/summary.json")))
        #expect(JSONSyntax.firstError(in: summary) == nil)
        var random = SystemRandomNumberGenerator.Seeded(seed: 5)
        let damage: [UInt8] = Array("{}[],:\"\\ 0-.eE\nxtn".utf8) + [0x00, 0x1F, 0xE5]
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
