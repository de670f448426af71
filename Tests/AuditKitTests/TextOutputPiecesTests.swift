import Testing
@testable import AuditKit

/// The pieces scorecards are written with must spell numbers exactly as the formatting functions
/// the rest of the reports use, or a unit's scorecard and the summary would disagree.
@Suite struct TextOutputPiecesTests {
    private func written(_ body: (inout StringOutput) -> Void) -> String {
        var out = StringOutput()
        body(&out)
        return out.text
    }

    @Test func tenthsReadAsScoreFormatGivesThem() {
        for tenths in Array(-1_005...1_005) + [Int.max, Int.min + 1, 12_345_678] {
            #expect(written { $0.write(tenths: tenths) } == Score.format(tenths: tenths), "tenths \(tenths)")
        }
        #expect(written { $0.write(tenths: 845) } == "84.5")
        #expect(written { $0.write(tenths: -5) } == "-0.5")
    }

    @Test func wholeNumbersReadAsStringGivesThem() {
        for number in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] {
            #expect(written { $0.write(number) } == String(number))
        }
    }

    @Test func markdownPiecesAreEscapedAsTheLineWriterEscapesThem() {
        for text in ["plain 文本", "a|b", "<b>x</b> & *y*", "line\nbreak", "#1 [x](y) `z` _w_", ""] {
            #expect(written { $0.write(markdown: text) } == Markdown.escaped(text))
        }
    }
}
