import Foundation
import Testing
@testable import AuditKit

/// The inputs kept in `Fixtures/fuzz`: each once crashed, hung or leaked in the per-file pipeline
/// the fuzz target drives (`Sources/FuzzChecklist`). Each must now end with located diagnostics or
/// a clean, scored checklist, as the fuzz target's own steps.
enum FuzzFixtures {
    static let folder = TestPaths.fixtures.appendingPathComponent("fuzz")

    /// Every input of the folder but its README, in name order.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }
        .sorted()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

@Suite("Inputs the fuzz target once failed on")
struct FuzzFixtureTests {
    @Test("The folder holds its fixtures")
    func folderIsThere() {
        #expect(FuzzFixtures.names.contains("attendance-overflow.yaml"))
    }

    @Test("Each input ends with located diagnostics or a clean, scored checklist", arguments: FuzzFixtures.names)
    func replay(_ name: String) throws {
        let path = FuzzFixtures.path(name)
        let report = DiagnosticFixtures.reader.read(InputFile(path: path, treeRoot: FuzzFixtures.folder.path))
        #expect(!report.isUnreadable)
        for diagnostic in report.diagnostics {
            #expect(DiagnosticMatch.formProblems(diagnostic).isEmpty, "\(name): \(DiagnosticMatch.describe(diagnostic))")
        }
        #expect((report.checklist != nil) == !report.hasErrors)
        if let checklist = report.checklist {
            let card = Scorer(standard: .builtIn).score(checklist)
            #expect(card.haves.count == 5)
        }
        // The fuzz target also reads every input as a standard.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let standard = StandardLoader.load(bytes, file: path)
        for diagnostic in standard.diagnostics {
            #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "\(name) as a standard: \(DiagnosticMatch.describe(diagnostic))")
        }
    }

    @Test("Participants that add up past Int.max are scored, not a trap")
    func attendanceOverflow() throws {
        let report = DiagnosticFixtures.reader.read(
            InputFile(path: FuzzFixtures.path("attendance-overflow.yaml"), treeRoot: FuzzFixtures.folder.path))
        expectAgreement(report.diagnostics, [], in: "attendance-overflow.yaml")
        let card = Scorer(standard: .builtIn).score(try #require(report.checklist))
        let attendance = card.haves.flatMap(\.criteria).filter { $0.keyPath == "activities" && $0.reason.en.contains("retirees") }
        #expect(!attendance.isEmpty, "no attendance criterion: \(card.haves.flatMap(\.criteria).map(\.reason.en))")
    }
}
