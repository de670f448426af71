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

    /// A coordinate from a figure far outside any chart (a count of 10^18 drawn as a share) is
    /// written, held at the most tenths a whole number holds, rather than ending the program.
    @Test func coordinatesBeyondWholeTenthsAreHeldAtTheMost() {
        let most = "922337203685477580.7"
        let least = "-922337203685477580.8"
        for (value, expected) in [(1e17, "100000000000000000.0"), (-1e17, "-100000000000000000.0"), (5.555555555555556e18, most),
                                  (9.223372036854775807e17, most), (1e300, most), (.greatestFiniteMagnitude, most),
                                  (-1e300, least), (-.greatestFiniteMagnitude, least), (-.infinity, "0.0")] {
            #expect(written { $0.write(oneDecimal: value) } == expected, "\(value)")
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

/// The requirement and fewest-criteria lines are worded once and written in pieces; the plain
/// text and the Markdown (its variable parts escaped) must read as those words, including the
/// rare card whose grade no set of criteria lifts.
@Suite struct ScorecardWordsTests {
    @Test(arguments: Language.allCases)
    func liftLinesReadTheSameBuiltAndWritten(_ language: Language) throws {
        var card = try ChecklistText.base().card()
        card.nextGrade = .compliant
        let words = ScorecardWords(language: language)
        func markdown() -> String {
            var out = StringOutput()
            words.writeLift(card, to: &out, markdown: true)
            return out.text
        }
        card.liftCriteria = []
        let none = language == .zh ? "仅靠整改现有细则无法达标" : "no set of criteria alone lifts the unit to compliant"
        #expect(words.lift(card) == none)
        #expect(markdown() == none)
        card.liftCriteria = ["A1", "B_2"]
        #expect(words.lift(card) == (language == .zh ? "要达标，最少需整改 2 项：A1、B_2" : "fewest actions to reach compliant (2): A1, B_2"))
        #expect(markdown() == (language == .zh ? "要达标，最少需整改 2 项：A1、B\\_2" : "fewest actions to reach compliant (2): A1, B\\_2"))
        card.nextGrade = nil
        #expect(words.lift(card) == nil)
        #expect(markdown() == "")
    }

    @Test(arguments: Language.allCases)
    func requirementReadsAsWorded(_ language: Language) throws {
        var card = try ChecklistText.base().card()
        let words = ScorecardWords(language: language)
        for (retirees, required) in [(1, false), (19, false), (20, true), (157, true)] {
            card.retirees = retirees
            card.required = required
            let expected = switch (language, required) {
            case (.zh, true): "要求达标（离退休干部 \(retirees) 人 ≥ 20）"
            case (.zh, false): "鼓励达标（离退休干部 \(retirees) 人 < 20，不计入达标率）"
            case (.en, true): "required (\(retirees) \(retirees == 1 ? "retiree" : "retirees") ≥ 20)"
            case (.en, false): "encouraged (\(retirees) \(retirees == 1 ? "retiree" : "retirees") < 20; not in compliance rates)"
            }
            #expect(words.requirement(card, standard: .builtIn) == expected)
        }
    }
}
