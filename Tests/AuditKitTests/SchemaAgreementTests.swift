import Foundation
import Testing
@testable import AuditKit

/// Where an editor checking the JSON Schema and `audit validate` could disagree on a checklist,
/// the schema says what the validator does.
@Suite struct SchemaAgreementTests {
    static func schema() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ChecklistSchema.render(catalogues: .builtIn).utf8)) as? [String: Any])
    }

    static func validate(_ edit: (String) -> String) throws -> FileReport {
        let text = try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
        return ChecklistReader(catalogues: .builtIn).validate(Array(edit(text).utf8), input: InputFile(path: "beiyuan-township.yaml", treeRoot: "."))
    }

    /// Dates: the pattern takes exactly the days `CalendarDate` takes, so an editor that does not
    /// check `format: date` still flags 2023-02-29.
    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-02-28", "0001-01-01", "9999-12-31", "2022-04-30", "2022-12-31",
                      "2023-02-29", "1900-02-29", "2022-04-31", "2022-13-01", "2022-00-10", "0000-01-01", "2022-1-01", "2022-01-32"])
    func dayPatternTakesRealDaysOnly(_ text: String) throws {
        let pattern = try NSRegularExpression(pattern: ChecklistSchema.dayPattern)
        let matched = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        #expect(matched == (CalendarDate(iso: text) != nil), "\(text)")
    }

    /// Text must hold a character that is not a space, by the validator's own list of spaces,
    /// spelt out so every regular expression engine reads it alike.
    @Test func blankTextIsBlankByTheValidatorsSpaces() throws {
        let pattern = try NSRegularExpression(pattern: StructureValidator.notSpacePattern)
        for value in Array(0...0x3100) + [0xFEFF, 0xFFFD, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            let found = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(found == !StructureValidator.isSpace(scalar), "U+\(String(value, radix: 16))")
        }
        let text = try #require(((try Self.schema()["properties"] as? [String: Any])?["unit"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((text["name"] as? [String: Any])?["pattern"] as? String == StructureValidator.notSpacePattern)
    }

    /// A tailored catalogue id that YAML reads as a number or boolean is listed as that value too.
    @Test func catalogueIdsAreListedAsAnEditorReadsThem() {
        #expect(ChecklistSchema.plainReading("120") == .integer(120))
        #expect(ChecklistSchema.plainReading("007") == .integer(7))
        #expect(ChecklistSchema.plainReading("0x1f") == .integer(31))
        #expect(ChecklistSchema.plainReading("0o17") == .integer(15))
        #expect(ChecklistSchema.plainReading("1e5") == .integer(100_000))
        #expect(ChecklistSchema.plainReading("1e-5") == .number(0.00001))
        #expect(ChecklistSchema.plainReading("true") == .bool(true))
        #expect(ChecklistSchema.plainReading("null") == .null)
        for text in ["tv", "e5", "1e", "1e-", "0x", "0x-5", "0o-7", "air-conditioning", "3d-printer"] {
            #expect(ChecklistSchema.plainReading(text) == nil, "\(text)")
        }
    }

    /// With status none, the schema allows only the details the validator does not report (FH306).
    @Test func aUnitWithoutAVenueHasNoDetailsInTheSchemaEither() throws {
        let venue = try #require((try Self.schema()["properties"] as? [String: Any])?["venue"] as? [String: Any])
        let conditions = try #require(venue["allOf"] as? [[String: Any]])
        let none = try #require(conditions.first { (($0["if"] as? [String: Any])?["properties"] as? [String: Any])?["status"] != nil
            && ((($0["if"] as? [String: Any])?["properties"] as? [String: Any])?["status"] as? [String: Any])?["const"] as? String == "none" })
        let details = try #require((none["then"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(details["address"] as? Bool == false)
        #expect((details["signage"] as? [String: Any])?["const"] as? Bool == false)
        #expect((details["open_days_per_week"] as? [String: Any])?["const"] as? Int == 0)
        #expect((details["rooms"] as? [String: Any])?["maxItems"] as? Int == 0)
        #expect(Set(details.keys) == Set(ChecklistFormat.venue.map(\.key)).subtracting(["status"]))
        // The validator agrees: details given with no venue are FH306.
        let noVenue = try Self.validate {
            $0.replacingOccurrences(of: "  status: dedicated", with: "  status: none").replacingOccurrences(of: "\n  area_m2:", with: "\n  old_area:")
        }
        #expect(noVenue.diagnostics.contains { $0.code == .venueDetailsWithoutVenue })
    }

    /// Numbers are read below 1e15: the schema gives the bound, and the message at the bound says
    /// so without calling 1e15 above itself.
    @Test func theLimitOnNumbersIsInTheSchemaAndTheMessage() throws {
        let funding = try #require((try Self.schema()["properties"] as? [String: Any])?["funding"] as? [String: Any])
        let amount = try #require((funding["properties"] as? [String: Any])?["amount_yuan"] as? [String: Any])
        #expect(amount["exclusiveMaximum"] as? Int == 1_000_000_000_000_000)
        let report = try Self.validate { $0.replacingOccurrences(of: "  amount_yuan: 800", with: "  amount_yuan: 1e15") }
        let diagnostic = try #require(report.diagnostics.first { $0.code == .outOfRange })
        #expect(diagnostic.message.en == "1e15 is not below the limit 1e15 for numbers")
    }
}
