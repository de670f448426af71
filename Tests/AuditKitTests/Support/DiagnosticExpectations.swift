import Foundation
import Testing
@testable import AuditKit

/// One diagnostic a test expects: its code, its line, and optionally its column and key path.
struct ExpectedDiagnostic: Sendable, Hashable, CustomStringConvertible {
    var code: DiagnosticCode
    var line: Int
    /// The 1-based column; nil when only the line is checked.
    var column: Int?
    /// The key path; nil when it is not checked.
    var keyPath: String?

    init(_ code: DiagnosticCode, line: Int, column: Int? = nil, keyPath: String? = nil) {
        self.code = code
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    var description: String {
        var text = "\(code.rawValue) at \(line)"
        if let column { text += ":\(column)" }
        if let keyPath { text += " (\(keyPath))" }
        return text
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code == code && diagnostic.line == line
            && (column.map { $0 == diagnostic.column } ?? true)
            && (keyPath.map { $0 == diagnostic.keyPath } ?? true)
    }
}

/// The `# expect:` markers of a fixture.
///
/// A marker is a trailing YAML comment on the line where a diagnostic must point:
/// `# expect: FH201`, with the column `# expect: FH201@5`, with the key path
/// `# expect: FH201@5 unit.contcat`, several separated by commas, or `# expect: none` for a file
/// that must produce no diagnostic at all.
enum ExpectationMarkers {
    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    /// The expectations written in `text`, or nil when it has no marker at all.
    static func parse(_ text: String) throws -> [ExpectedDiagnostic]? {
        var expectations: [ExpectedDiagnostic] = []
        var sawMarker = false
        var sawNone = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "# expect:") else { continue }
            sawMarker = true
            let body = line[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            if body == "none" {
                sawNone = true
                continue
            }
            for item in body.split(separator: ",") {
                expectations.append(try parseItem(String(item), line: index + 1))
            }
        }
        guard sawMarker else { return nil }
        if sawNone, !expectations.isEmpty {
            throw SyntaxError(description: "`# expect: none` together with other expectations")
        }
        return expectations
    }

    private static func parseItem(_ item: String, line: Int) throws -> ExpectedDiagnostic {
        let words = item.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, words.count <= 2 else {
            throw SyntaxError(description: "line \(line): cannot read expectation \"\(item)\"")
        }
        let parts = first.split(separator: "@", omittingEmptySubsequences: false)
        guard let code = DiagnosticCode(rawValue: String(parts[0])), parts.count <= 2 else {
            throw SyntaxError(description: "line \(line): \"\(first)\" is not CODE or CODE@COLUMN with a known code")
        }
        var column: Int?
        if parts.count == 2 {
            guard let value = Int(parts[1]), value >= 1 else {
                throw SyntaxError(description: "line \(line): bad column in \"\(first)\"")
            }
            column = value
        }
        return ExpectedDiagnostic(code, line: line, column: column, keyPath: words.count == 2 ? String(words[1]) : nil)
    }
}

/// Compares what was reported with what was expected.
enum DiagnosticMatch {
    /// The differences between `actual` and `expected`, one line each; empty when they agree exactly
    /// (as multisets: every expectation matched by its own diagnostic, no diagnostic left over).
    static func differences(_ actual: [Diagnostic], _ expected: [ExpectedDiagnostic]) -> [String] {
        var remaining = actual
        var problems: [String] = []
        // The most specific expectations first, so a vaguer one cannot take their diagnostic.
        let ordered = expected.sorted { specificity($0) > specificity($1) }
        for expectation in ordered {
            if let index = remaining.firstIndex(where: expectation.matches) {
                remaining.remove(at: index)
            } else {
                problems.append("missing \(expectation)")
            }
        }
        for diagnostic in remaining {
            problems.append("unexpected \(describe(diagnostic))")
        }
        return problems
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.code.rawValue) at \(diagnostic.line):\(diagnostic.column) (\(diagnostic.keyPath)): \(diagnostic.message.en)"
    }

    private static func specificity(_ expectation: ExpectedDiagnostic) -> Int {
        (expectation.column == nil ? 0 : 2) + (expectation.keyPath == nil ? 0 : 1)
    }

    /// The codes that are about the file or its YAML as a whole and so have no key path.
    static let fileLevelCodes: Set<DiagnosticCode> = [
        .unreadable, .notUTF8, .tooLarge, .empty, .syntax, .multipleDocuments, .notMapping,
        .tooDeep, .aliasBudget, .customTag,
    ]

    /// What is wrong with the form of one diagnostic, whatever it is about: a located position, both
    /// languages present, the code's own severity, and a key path exactly when a key is involved.
    static func formProblems(_ diagnostic: Diagnostic) -> [String] {
        var problems: [String] = []
        let name = describe(diagnostic)
        if diagnostic.line < 1 || diagnostic.column < 1 { problems.append("not located: \(name)") }
        if diagnostic.message.zh.isEmpty || diagnostic.message.en.isEmpty { problems.append("empty message: \(name)") }
        if diagnostic.hint.zh.isEmpty || diagnostic.hint.en.isEmpty { problems.append("empty hint: \(name)") }
        if diagnostic.severity != diagnostic.code.severity { problems.append("wrong severity: \(name)") }
        if [.tooManyProblems, .tooManyWarnings].contains(diagnostic.code) {
            // At the first problem not listed, with its key path, whatever kind that one is.
        } else if fileLevelCodes.contains(diagnostic.code) {
            if !diagnostic.keyPath.isEmpty { problems.append("a file-level code with a key path: \(name)") }
        } else if diagnostic.keyPath.isEmpty {
            problems.append("no key path: \(name)")
        }
        return problems
    }
}

/// A fresh folder under the system's temporary folder, removed when the body returns.
enum ScratchFolder {
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("audit-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}

/// Records an issue for every difference between `actual` and `expected`, and for every diagnostic
/// whose form is wrong (see `DiagnosticMatch.formProblems`).
func expectAgreement(_ actual: [Diagnostic], _ expected: [ExpectedDiagnostic], in name: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    let differences = DiagnosticMatch.differences(actual, expected)
    if !differences.isEmpty {
        let text = "\(name):\n  " + differences.joined(separator: "\n  ")
        Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
    }
    for diagnostic in actual {
        for problem in DiagnosticMatch.formProblems(diagnostic) {
            Issue.record("\(name): \(problem)", sourceLocation: sourceLocation)
        }
    }
}
