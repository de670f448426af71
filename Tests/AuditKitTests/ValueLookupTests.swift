import Testing
@testable import AuditKit

/// Dotted paths reach the values the measures and checks read, from a checklist as validated and
/// from mappings built by hand.
@Suite struct ValueLookupTests {
    private static func value(_ content: Value.Content) -> Value { Value(content, mark: Mark(line: 1, column: 1)) }

    private static func mapping(_ pairs: [(String, Value)]) -> Value {
        var object = ObjectValue()
        for (key, value) in pairs { object[key] = value }
        return value(.object(object))
    }

    @Test func pathsWalkNestedMappings() {
        let root = Self.mapping([
            ("unit", Self.mapping([("retirees", Self.mapping([("total", Self.value(.integer(30)))])),
                                   ("name", Self.value(.string("XX县北塬乡")))])),
            ("venue", Self.mapping([("area_m2", Self.value(.number(28)))])),
        ])
        #expect(root.value(at: "unit.retirees.total")?.integer == 30)
        #expect(root.value(at: "unit.name")?.string == "XX县北塬乡")
        #expect(root.value(at: "venue.area_m2")?.number == 28)
        #expect(root.value(at: "venue.area") == nil)
        #expect(root.value(at: "venue.area_m2.more") == nil)
        #expect(root.value(at: "funding.amount_yuan") == nil)
        #expect(root.value(at: "unit..name")?.string == "XX县北塬乡")
    }

    /// A key spelt with U+212A KELVIN SIGN is the same key as one with K, as strings compare.
    @Test func keysSpeltOtherwiseStillMatch() {
        let root = Self.mapping([("\u{212A}ey", Self.value(.integer(1)))])
        #expect(root.value(at: "Key")?.integer == 1)
        #expect(root.value(at: "Kex") == nil)
    }

    /// Validation keeps the format's spelling of each key, whatever the file's.
    @Test func validatedChecklistsFindTheirValues() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("checklists/beiyuan-township.yaml").path
        let report = ChecklistReader(catalogues: .builtIn).read(InputFile(path: path, treeRoot: "checklists"))
        let root = try #require(report.checklist).root
        #expect(root.value(at: "unit.retirees.total")?.integer == 30)
        #expect(root.value(at: "venue.area_m2")?.number == 28)
    }
}
