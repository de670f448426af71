import Foundation
import Testing
@testable import AuditKit

/// The text of a small checklist for the scoring tests: `Fixtures/scoring/base.yaml`, a unit that
/// earns every point of the default standard, edited per case. Each edit must match exactly once,
/// so a change to the fixture cannot silently turn a case into a no-op.
struct ChecklistText {
    /// The YAML text.
    var text: String

    /// The base fixture, unedited.
    static func base() throws -> ChecklistText {
        ChecklistText(text: try String(contentsOfFile: TestPaths.fixture("scoring/base.yaml"), encoding: .utf8))
    }

    /// The text with `old` replaced by `new`; `old` must occur exactly once.
    func replacing(_ old: String, with new: String) throws -> ChecklistText {
        let parts = text.components(separatedBy: old)
        try #require(parts.count == 2, "expected exactly one occurrence of \(old.debugDescription) in the fixture")
        return ChecklistText(text: parts.joined(separator: new))
    }

    /// A unit without a venue: status none, and none of a venue's details (which would be FH306).
    func withoutVenue() throws -> ChecklistText {
        var result = try replacing("  status: dedicated", with: "  status: none")
        for line in ["  area_m2: 60", "  signage: true", "  open_hours_per_week: 30", "  accessible: true", "  fire_safety: true"] {
            result = try result.removingLine(line)
        }
        return result
    }

    /// The text without the line `line` (given without its line break).
    func removingLine(_ line: String) throws -> ChecklistText {
        try replacing(line + "\n", with: "")
    }

    /// The text with the whole top-level list `key` replaced by `items` (an empty list when none).
    func settingList(_ key: String, to items: [String]) throws -> ChecklistText {
        let header = "\n\(key):\n"
        let start = try #require(text.range(of: header), "no top-level \(key) in the fixture")
        let rest = text[start.upperBound...]
        // The list ends where the next top-level key (a line not indented) starts.
        var listEnd = rest.startIndex
        while listEnd < rest.endIndex, rest[listEnd] == " " {
            let lineEnd = rest[listEnd...].firstIndex(of: "\n") ?? rest.endIndex
            listEnd = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        let body = items.isEmpty ? "\n\(key): []\n" : header + items.map { $0 + "\n" }.joined()
        return ChecklistText(text: String(text[..<start.lowerBound]) + body + String(rest[listEnd...]))
    }

    /// The text with the equipment list made of `items`, one `{item: …}` line each.
    func settingEquipment(_ items: [String]) throws -> ChecklistText {
        try settingList("equipment", to: items.map { "  - {item: \($0)}" })
    }

    /// The text with the activities replaced by `lines` (see `Activities`).
    func settingActivities(_ lines: [String]) throws -> ChecklistText {
        try settingList("activities", to: lines)
    }

    /// The 1-based line on which `needle` first occurs.
    func line(of needle: String) throws -> Int {
        let range = try #require(text.range(of: needle), "\(needle.debugDescription) is not in the text")
        return text[..<range.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    /// The validated checklist, named `base.yaml` like its unit id. Any diagnostic other than those
    /// in `allowing` fails the test, so every case is a clean, valid checklist.
    func checklist(standard: Standard = .builtIn, allowing: Set<DiagnosticCode> = []) throws -> Checklist {
        let report = ChecklistReader(catalogues: standard.catalogues)
            .validate(Array(text.utf8), input: InputFile(path: "base.yaml", treeRoot: "."))
        let unexpected = report.diagnostics.filter { !allowing.contains($0.code) }
        try #require(unexpected.isEmpty, "unexpected diagnostics: \(unexpected.map { "\($0.line):\($0.column) \($0.code.rawValue) \($0.message.en)" })")
        return try #require(report.checklist)
    }

    /// The scorecard under `standard`.
    func card(standard: Standard = .builtIn, allowing: Set<DiagnosticCode> = []) throws -> Scorecard {
        Scorer(standard: standard).score(try checklist(standard: standard, allowing: allowing))
    }
}

/// Activity lines for the base fixture's inspection on 2022-06-15: `count` activities of `kind`, one
/// a month from 2021-07 to 2022-06 (so at most 12), all inside the 12 months before the inspection.
enum Activities {
    static let months = ["2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12",
                         "2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"]

    /// One activity line; no `participants` key when `participants` is nil.
    static func line(_ date: String, _ kind: String, participants: Int? = 15) -> String {
        "  - {date: \(date), kind: \(kind)" + (participants.map { ", participants: \($0)" } ?? "") + "}"
    }

    /// `count` activities of `kind` on `day` of successive months.
    static func of(_ kind: String, _ count: Int, day: String, participants: Int? = 15) -> [String] {
        months.prefix(count).map { line("\($0)-\(day)", kind, participants: participants) }
    }

    /// A full year's programme with the given counts; the defaults earn every activities point.
    static func plan(study: Int = 12, partyLife: Int = 12, culture: Int = 3, fitness: Int = 3,
                     briefing: Int = 1, visit: Int = 1, participants: Int? = 15) -> [String] {
        of("study", study, day: "05", participants: participants)
            + of("party-life", partyLife, day: "10", participants: participants)
            + of("culture", culture, day: "20", participants: participants)
            + of("fitness", fitness, day: "25", participants: participants)
            + of("briefing", briefing, day: "15", participants: participants)
            + of("visit", visit, day: "16", participants: participants)
    }
}

extension Scorecard {
    /// The result of criterion `id`.
    func criterion(_ id: String) throws -> CriterionResult {
        try #require(haves.flatMap(\.criteria).first { $0.id == id }, "no criterion \(id)")
    }

    /// The result of have `id`.
    func have(_ id: String) throws -> HaveResult {
        try #require(haves.first { $0.id == id }, "no have \(id)")
    }
}
