import Foundation
import Testing
@testable import AuditKit

/// The yaml-test-suite inputs beside the package (`../shared/corpus/yaml-test-suite`), one file per
/// case: `valid/` must parse, `invalid/` must not. Absent on some machines; CI has it.
enum YAMLCorpus {
    static let root = TestPaths.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/yaml-test-suite", isDirectory: true)

    static var isPresent: Bool {
        ["valid", "invalid"].allSatisfy { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// The `.yaml` files of `valid` or `invalid`, in name order.
    static func files(_ kind: String) throws -> [URL] {
        let folder = root.appendingPathComponent(kind, isDirectory: true)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Cases of `invalid/` that libyaml itself accepts, so the loader cannot reject them. Each is a
    /// known leniency of libyaml, not of this package's loader.
    static let acceptedByLibYAML: Set<String> = [
        "9C9N",      // a flow sequence continued on lines indented less than its key
        "9JBA",      // a comment with no space before `#`, right after a flow sequence's `]`
        "CVW2",      // a comment with no space before `#`, right after a `,` in a flow sequence
        "DK95-01",   // a tab at the start of a double-quoted scalar's continuation line
        "G5U8",      // a bare `-` as an entry of a flow sequence
        "MUS6-00",   // a comment with no space before `#` on a %YAML directive
        "QB6E",      // a multi-line double-quoted scalar continued at column 1
        "S98Z",      // a folded block scalar whose leading blank lines are more indented than its comment
        "SU5Z",      // a comment with no space before `#`, right after a quoted scalar
        "X4QW",      // a comment with no space before `#`, right after a block scalar indicator
        "Y79Y-003",  // a tab indenting an entry of a flow sequence inside a block sequence
        "YJV2",      // a bare `-` as the only entry of a flow sequence
    ]

    static func caseID(_ url: URL) -> String { url.deletingPathExtension().lastPathComponent }

    static let note: Comment = "the yaml-test-suite corpus is not at ../shared/corpus/yaml-test-suite beside the package"
}

@Suite("Loader robustness on the YAML test suite")
struct YAMLCorpusTests {
    let reader = DiagnosticFixtures.reader

    @Test("Every corpus file reads without a crash, and every diagnostic is located and explained",
          .enabled(if: YAMLCorpus.isPresent, YAMLCorpus.note))
    func everyFileReads() throws {
        var count = 0
        for kind in ["valid", "invalid"] {
            for url in try YAMLCorpus.files(kind) {
                let report = reader.read(InputFile(path: url.path, treeRoot: url.deletingLastPathComponent().path))
                count += 1
                #expect(!report.isUnreadable, "\(kind)/\(url.lastPathComponent)")
                for diagnostic in report.diagnostics {
                    let name = "\(kind)/\(url.lastPathComponent): \(DiagnosticMatch.describe(diagnostic))"
                    #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "not located: \(name)")
                    #expect(!diagnostic.message.en.isEmpty && !diagnostic.message.zh.isEmpty, "no message: \(name)")
                    #expect(!diagnostic.hint.en.isEmpty && !diagnostic.hint.zh.isEmpty, "no hint: \(name)")
                }
            }
        }
        #expect(count > 300, "only \(count) corpus files")
    }

    @Test("Every invalid case is rejected by the loader, except libyaml's known leniencies",
          .enabled(if: YAMLCorpus.isPresent, YAMLCorpus.note))
    func invalidCasesAreRejected() throws {
        for url in try YAMLCorpus.files("invalid") {
            let id = YAMLCorpus.caseID(url)
            let report = reader.read(InputFile(path: url.path, treeRoot: url.deletingLastPathComponent().path))
            // Not being a checklist is an error too, so every invalid case fails validation.
            #expect(report.hasErrors, "invalid/\(id) passed validation")
            let bytes = try [UInt8](Data(contentsOf: url))
            let problems = YAMLLoader().load(bytes).problems
            if YAMLCorpus.acceptedByLibYAML.contains(id) {
                #expect(problems.isEmpty, "invalid/\(id) is now rejected: remove it from the allow-list")
            } else {
                #expect(!problems.isEmpty, "invalid/\(id) was loaded as YAML without a problem")
            }
        }
        let ids = Set(try YAMLCorpus.files("invalid").map(YAMLCorpus.caseID))
        #expect(YAMLCorpus.acceptedByLibYAML.isSubset(of: ids), "allow-listed cases missing from the corpus")
    }

    @Test("audit validate over the whole corpus exits 0 or 1 and writes nothing to stderr",
          .enabled(if: YAMLCorpus.isPresent, YAMLCorpus.note))
    func binaryOverCorpus() throws {
        try ScratchFolder.with { folder in
            let copy = folder.appendingPathComponent("corpus", isDirectory: true)
            try FileManager.default.copyItem(at: YAMLCorpus.root, to: copy)
            let outcome = try AuditBinary.run(["validate", copy.path])
            #expect(outcome.status == 0 || outcome.status == 1, "exit status \(outcome.status)")
            #expect(outcome.stderr.isEmpty, "stderr: \(outcome.stderr.prefix(2000))")
            let total = try YAMLCorpus.files("valid").count + YAMLCorpus.files("invalid").count
            #expect(outcome.stdout.contains("\(total) checklists checked"), "\(outcome.stdout.suffix(300))")
        }
    }
}
