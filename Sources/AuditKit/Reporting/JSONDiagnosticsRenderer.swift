import Foundation

/// The versioned JSON output of `audit validate` (documented in `docs/validate-json.md`).
struct JSONDiagnosticsRenderer {
    /// The version of this JSON layout; it changes only when a key is removed or changes meaning.
    static let schemaVersion = 1

    struct Document: Encodable {
        let version: Int
        let tool: Tool
        let summary: Summary
        let files: [File]
    }
    struct Tool: Encodable { let name: String; let version: String }
    struct Summary: Encodable {
        let checklists: Int
        let invalid: Int
        let errors: Int
        let warnings: Int
    }
    struct File: Encodable {
        let path: String
        let valid: Bool
        let unitID: String?
        let sha256: String?
        let diagnostics: [Entry]

        enum CodingKeys: String, CodingKey {
            case path, valid, diagnostics, sha256
            case unitID = "unit_id"
        }
    }
    struct Entry: Encodable {
        let code: String
        let severity: String
        let file: String
        let line: Int
        let column: Int
        let keyPath: String
        let message: Localized
        let hint: Localized

        enum CodingKeys: String, CodingKey {
            case code, severity, file, line, column, message, hint
            case keyPath = "key_path"
        }
    }

    func render(_ run: ValidationRun) -> String {
        let document = Document(
            version: Self.schemaVersion,
            tool: Tool(name: ToolInfo.name, version: ToolInfo.version),
            summary: Summary(checklists: run.reports.count, invalid: run.invalidReports.count,
                             errors: run.errorCount, warnings: run.warningCount),
            files: run.reports.map { report in
                File(path: report.path, valid: !report.hasErrors, unitID: report.unitID,
                     sha256: report.sha256.isEmpty ? nil : report.sha256,
                     diagnostics: report.diagnostics.map(Self.entry))
            })
        return JSONOutput.encode(document)
    }

    static func entry(_ diagnostic: Diagnostic) -> Entry {
        Entry(code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue, file: diagnostic.file,
              line: diagnostic.line, column: diagnostic.column, keyPath: diagnostic.keyPath,
              message: diagnostic.message, hint: diagnostic.hint)
    }
}

/// Deterministic JSON: sorted keys, two-space indent, unescaped slashes, a final newline.
public enum JSONOutput {
    /// Encodes `value`; encoding our own plain structs cannot fail, but if it ever did the output
    /// says so instead of crashing.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            return "{\"error\": \"could not encode the output\"}\n"
        }
    }
}
