import Foundation

/// The versioned JSON output of `audit validate` (documented in `docs/validate-json.md`),
/// pretty-printed as Foundation's encoder prints it, keys sorted. It is written as it goes, file
/// by file: a province's 100,000 entries are not first built as an encoder's tree and a string.
struct JSONDiagnosticsRenderer {
    /// The version of this JSON layout; it changes only when a key is removed or changes meaning.
    static let schemaVersion = 1

    func write(_ run: ValidationRun, to out: inout some TextOutput) {
        var root = JSONContainer.open("{", level: 0, &out)
        root.key("files", &out)
        JSON.array(run.reports, level: 1, &out) { report, level, out in Self.file(report, level: level, &out) }
        root.key("summary", &out)
        JSON.object(level: 1, &out) { summary, out in
            summary.key("checklists", &out); JSON.integer(run.reports.count, &out)
            summary.key("errors", &out); JSON.integer(run.errorCount, &out)
            summary.key("invalid", &out); JSON.integer(run.invalidReports.count, &out)
            summary.key("warnings", &out); JSON.integer(run.warningCount, &out)
        }
        root.key("tool", &out)
        JSON.object(level: 1, &out) { tool, out in
            tool.key("name", &out); JSON.string(ToolInfo.name, &out)
            tool.key("version", &out); JSON.string(ToolInfo.version, &out)
        }
        root.key("version", &out); JSON.integer(Self.schemaVersion, &out)
        root.close("}", &out)
        out.write("\n")
    }

    private static func file(_ report: FileReport, level: Int, _ out: inout some TextOutput) {
        JSON.object(level: level, &out) { file, out in
            file.key("diagnostics", &out)
            JSON.array(report.diagnostics, level: level + 1, &out) { diagnostic, level, out in Self.entry(diagnostic, level: level, &out) }
            file.key("path", &out); JSON.string(report.path, &out)
            if !report.sha256.isEmpty { file.key("sha256", &out); JSON.string(report.sha256, &out) }
            if let unitID = report.unitID { file.key("unit_id", &out); JSON.string(unitID, &out) }
            file.key("valid", &out); JSON.bool(!report.hasErrors, &out)
        }
    }

    private static func entry(_ diagnostic: Diagnostic, level: Int, _ out: inout some TextOutput) {
        JSON.object(level: level, &out) { entry, out in
            entry.key("code", &out); JSON.string(diagnostic.code.rawValue, &out)
            entry.key("column", &out); JSON.integer(diagnostic.column, &out)
            entry.key("file", &out); JSON.string(diagnostic.file, &out)
            entry.key("hint", &out); JSON.localized(diagnostic.hint, level: level + 1, &out)
            entry.key("key_path", &out); JSON.string(diagnostic.keyPath, &out)
            entry.key("line", &out); JSON.integer(diagnostic.line, &out)
            entry.key("message", &out); JSON.localized(diagnostic.message, level: level + 1, &out)
            entry.key("severity", &out); JSON.string(diagnostic.severity.rawValue, &out)
        }
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
