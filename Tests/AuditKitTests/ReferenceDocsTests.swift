import Foundation
import Testing
@testable import AuditKit

/// The committed reference docs are exactly what the code generates, and they cover every key of the
/// format and every diagnostic code.
@Suite struct ReferenceDocsTests {
    private static func committed(_ relativePath: String) throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every key path of the format, walked here independently of the generator.
    private static func fieldPaths(_ fields: [Field], parent: String = "") -> [String] {
        fields.flatMap { field -> [String] in
            let path = parent.isEmpty ? field.key : "\(parent).\(field.key)"
            switch field.type {
            case .object(let children): return [path] + fieldPaths(children, parent: path)
            case .list(.object(let children)): return [path] + fieldPaths(children, parent: path + "[]")
            default: return [path]
            }
        }
    }

    /// The first line where `actual` differs from `expected`, or nil when they are equal.
    private static func firstDifference(_ expected: String, _ actual: String) -> String? {
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? String(e[index]) : "<end>"
            let right = index < a.count ? String(a[index]) : "<end>"
            if left != right { return "line \(index + 1):\n  generated: \(left)\n  committed: \(right)" }
        }
        return "the texts differ"
    }

    @Test func formatReferenceIsCommitted() throws {
        let text = try Self.committed(FormatReference.committedPath)
        let difference = Self.firstDifference(FormatReference.render(catalogues: .builtIn), text)
        #expect(difference == nil, "docs/format.md is stale (run `swift run audit docs --output docs`)")
    }

    @Test func diagnosticsReferenceIsCommitted() throws {
        let text = try Self.committed(DiagnosticsReference.committedPath)
        let difference = Self.firstDifference(DiagnosticsReference.render(), text)
        #expect(difference == nil, "docs/diagnostics.md is stale (run `swift run audit docs --output docs`)")
    }

    @Test func rulesReferenceIsCommitted() throws {
        let text = try Self.committed("docs/rules.md")
        let difference = Self.firstDifference(RulesReference.render(), text)
        #expect(difference == nil, "docs/rules.md is stale (run `swift run audit docs --output docs`)")
        for have in Standard.builtIn.haves {
            for criterion in have.criteria {
                #expect(text.contains("| \(criterion.id) |"), "docs/rules.md lacks criterion \(criterion.id)")
                #expect(text.contains(criterion.source.en.replacingOccurrences(of: "|", with: "\\|")), "docs/rules.md lacks the source of \(criterion.id)")
            }
        }
    }

    @Test func formatReferenceNamesEveryKeyPath() throws {
        let text = try Self.committed(FormatReference.committedPath)
        let paths = Self.fieldPaths(ChecklistFormat.root)
        #expect(paths.contains("venue.area_m2"))
        #expect(paths.contains("unit.retirees.total"))
        #expect(paths.contains("equipment[].item"))
        for path in paths {
            let hasSection = text.contains("### `\(path)`")
            #expect(hasSection, "no section for \(path)")
            let hasRow = text.contains("| `\(path)` |")
            #expect(hasRow, "no overview row for \(path)")
        }
        #expect(FormatReference.entries().map(\.path) == paths)
    }

    @Test func formatReferenceListsEveryChoiceAndCatalogueEntry() throws {
        let text = try Self.committed(FormatReference.committedPath)
        let choices = ChecklistFormat.categories + ChecklistFormat.venueStatuses + ChecklistFormat.rooms
            + ChecklistFormat.conditions + ChecklistFormat.activityKinds + ChecklistFormat.fundingSources
            + ChecklistFormat.evidenceTopics + Catalogues.builtIn.equipment + Catalogues.builtIn.rules
        for choice in choices {
            let row = "| `\(choice.id)` | \(choice.label.zh) | \(choice.label.en) |"
            let found = text.contains(row)
            #expect(found, "missing row \(row)")
        }
    }

    @Test func diagnosticsReferenceNamesEveryCode() throws {
        let text = try Self.committed(DiagnosticsReference.committedPath)
        for code in DiagnosticCode.allCases {
            let hasSection = text.contains("### \(code.rawValue) ")
            #expect(hasSection, "no section for \(code.rawValue)")
            let hasRow = text.contains("| \(code.rawValue) | \(code.severity.rawValue) |")
            #expect(hasRow, "no overview row for \(code.rawValue)")
            let hasEnglish = text.contains(Markdown.text(code.explanation.en))
            #expect(hasEnglish, "no English explanation for \(code.rawValue)")
            let hasChinese = text.contains(Markdown.text(code.explanation.zh))
            #expect(hasChinese, "no Chinese explanation for \(code.rawValue)")
        }
    }

    @Test func referenceDocsHoldNoMachinePaths() throws {
        for path in [FormatReference.committedPath, DiagnosticsReference.committedPath, "docs/validate-json.md"] {
            let text = try Self.committed(path)
            for marker in ["/home/", "/Users/", "/tmp/", "/work/", "C:\\"] {
                let clean = !text.contains(marker)
                #expect(clean, "\(path) contains \(marker)")
            }
        }
    }

    /// The key paths of a JSON value: `summary.errors`, `files[].diagnostics[].code`.
    private static func jsonKeyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { result, pair in
                let path = prefix.isEmpty ? pair.key : "\(prefix).\(pair.key)"
                result.insert(path)
                result.formUnion(jsonKeyPaths(pair.value, prefix: path))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(jsonKeyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    /// The hand-written `docs/validate-json.md` keeps up with the JSON renderer: its example has the
    /// same keys as real output, and every key has a row in its tables.
    @Test func validateJSONDocMatchesTheOutput() throws {
        let text = try Self.committed("docs/validate-json.md")
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let example = try JSONSerialization.jsonObject(with: Data(text[start.upperBound..<end.lowerBound].utf8))
        let outcome = try AuditBinary.run(["validate", "--format", "json", "checklists/xinhua-community.yaml",
                                           "Tests/AuditKitTests/Fixtures/schema-invalid/area-zero.yaml"])
        #expect(outcome.status == 1)
        let actual = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        let actualPaths = Self.jsonKeyPaths(actual)
        #expect(Self.jsonKeyPaths(example) == actualPaths)
        #expect((example as? [String: Any])?["version"] as? Int == JSONDiagnosticsRenderer.schemaVersion)
        for path in actualPaths {
            let name = path.components(separatedBy: "[].").last ?? path
            let parent = name.split(separator: ".").dropLast().joined(separator: ".")
            let documented = text.contains("| `\(name)` |") || (!parent.isEmpty && text.contains("| `\(parent)` |"))
            #expect(documented, "docs/validate-json.md has no row for \(path)")
        }
        for (code, _) in DiagnosticsReference.exitCodes {
            let hasExitCode = text.contains("| \(code) |")
            #expect(hasExitCode, "docs/validate-json.md does not document exit code \(code)")
        }
        let usageRow = text.split(separator: "\n").first { $0.hasPrefix("| \(DiagnosticsReference.usageExitCode) |") }
        #expect(usageRow?.contains("usage error") == true, "docs/validate-json.md does not document the usage exit code")
    }

    /// `audit docs` writes exactly the generated text.
    @Test func docsCommandWritesTheReferences() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("audit-docs-\(UUID().uuidString)").appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let outcome = try AuditBinary.run(["docs", "--output", folder.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let format = try String(contentsOf: folder.appendingPathComponent("format.md"), encoding: .utf8)
        let diagnostics = try String(contentsOf: folder.appendingPathComponent("diagnostics.md"), encoding: .utf8)
        #expect(format == FormatReference.render(catalogues: .builtIn))
        #expect(diagnostics == DiagnosticsReference.render())
    }

    @Test func docsCommandIsHidden() throws {
        let outcome = try AuditBinary.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("validate"))
        #expect(!outcome.stdout.contains("docs"))
    }

    /// The exit codes the reference documents are the ones the binary returns.
    @Test func documentedExitCodesMatchTheBinary() throws {
        let documented = Dictionary(uniqueKeysWithValues: DiagnosticsReference.exitCodes.map { ($0.code, $0.meaning) })
        #expect(documented.keys.sorted() == [0, 1, 2])

        let clean = try AuditBinary.run(["validate", "checklists"])
        #expect(clean.status == 0)
        let invalid = try AuditBinary.run(["validate", TestPaths.fixture("schema-invalid/area-zero.yaml")])
        #expect(invalid.status == 1)
        let missing = try AuditBinary.run(["validate", "no-such-folder-\(UUID().uuidString)"])
        #expect(missing.status == 2)
        let usage = try AuditBinary.run(["validate", "--format", "yaml"])
        #expect(usage.status == DiagnosticsReference.usageExitCode)
    }
}
