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

    /// Points as the reports have always shown them, spelt out independently of the writer.
    private static func tenthsReference(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Chart coordinates as the charts have always written them.
    private static func oneDecimalReference(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }

    @Test func tenthsReadAsScoreFormatGivesThem() {
        for tenths in Array(-1_005...1_005) + [Int.max, Int.min + 1, 12_345_678] {
            #expect(written { $0.write(tenths: tenths) } == Self.tenthsReference(tenths), "tenths \(tenths)")
            #expect(Score.format(tenths: tenths) == Self.tenthsReference(tenths), "tenths \(tenths)")
        }
        #expect(written { $0.write(tenths: 845) } == "84.5")
        #expect(written { $0.write(tenths: -5) } == "-0.5")
    }

    @Test func datesReadAsTheirDescription() throws {
        let dates = try [(1, 1, 1), (999, 12, 31), (2022, 6, 15), (2024, 2, 29), (9999, 12, 31)].map { year, month, day in
            try #require(CalendarDate(year: year, month: month, day: day))
        }
        for date in dates {
            #expect(written { $0.write(date) } == date.description)
        }
        #expect(written { $0.write(dates[1]) } == "0999-12-31")
    }

    @Test func coordinatesHaveExactlyOneDecimal() {
        let values = stride(from: -30.0, through: 30.0, by: 0.05).map { $0 } + [0, -0.0, -0.04, 0.05, 0.15, 170, 1e9, .infinity, .nan]
        for value in values {
            #expect(written { $0.write(oneDecimal: value) } == Self.oneDecimalReference(value), "\(value)")
        }
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
