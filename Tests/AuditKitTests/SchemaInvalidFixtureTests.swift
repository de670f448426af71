import Foundation
import Testing
@testable import AuditKit

/// The checklists under `Fixtures/schema-invalid/` each break one rule that a JSON Schema can express;
/// CI checks that the committed schema rejects every one of them. The library validator must reject
/// them too, each with the error its defect calls for and no other.
@Suite struct SchemaInvalidFixtureTests {
    static let folder = TestPaths.fixture("schema-invalid")

    /// Each fixture and the one error code it must produce.
    static let expected: [String: DiagnosticCode] = [
        "area-zero.yaml": .outOfRange,
        "blank-name.yaml": .notFilled,
        "category-not-in-enum.yaml": .notInChoices,
        "equipment-not-in-catalogue.yaml": .notInChoices,
        "missing-inspector.yaml": .missingKey,
        "open-days-out-of-range.yaml": .outOfRange,
        "retirees-total-text.yaml": .notInteger,
        "shared-without-partner.yaml": .sharedWithoutPartner,
        "signage-yes.yaml": .notBoolean,
        "unit-id-upper-case.yaml": .badPattern,
        "unknown-format.yaml": .unknownFormat,
        "unknown-key.yaml": .unknownKey,
    ]

    static func fixtures() throws -> [InputFile] {
        try InputDiscovery.files(in: [folder])
    }

    @Test func everyFixtureHasAnExpectation() throws {
        let names = try Self.fixtures().map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(names.count >= 8)
        #expect(Set(names) == Set(Self.expected.keys))
    }

    @Test(arguments: expected.keys.sorted())
    func validatorRejectsFixture(_ name: String) throws {
        let input = try #require(try Self.fixtures().first { $0.path.hasSuffix("/" + name) })
        // Each file on its own, so no cross-file check (duplicate unit ids) can supply the error.
        let report = ChecklistReader(catalogues: .builtIn).read(input)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "\(name) is accepted")
        #expect(errors.map(\.code) == [Self.expected[name]].compactMap { $0 },
                "\(name): \(errors.map { "\($0.code.rawValue) \($0.keyPath) \($0.message.en)" })")
        #expect(errors.allSatisfy { $0.line > 1 && $0.column >= 1 })
        #expect(report.checklist == nil)
    }
}
