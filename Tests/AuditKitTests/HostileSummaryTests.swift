import Foundation
import Testing
@testable import AuditKit

/// Summaries edited into figures no run writes, read as a baseline and by `audit rollup`: each is
/// refused with exit code 2 and a message naming the figure by its key path, never a crash.
@Suite struct HostileSummaryTests {
    /// Round 1's summary.json, written into `temporary`, as the JSON objects a script would edit.
    static func roundOne(in temporary: TemporaryFolder) throws -> [String: Any] {
        let out = temporary.path("round1")
        #expect(try RunFixtures.audit(["run", RunFixtures.round1, "--out", out, "--lang", "en"]).status == 0)
        let bytes = try FileTree.bytes(out + "/summary.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// Writes `object` as JSON to `path` (relative to `temporary`).
    static func write(_ object: [String: Any], to path: String, in temporary: TemporaryFolder) throws {
        try FileTree.write(Array(try JSONSerialization.data(withJSONObject: object)), to: temporary.path(path))
    }

    /// `object` with `change` made to each row of the list at `key`.
    static func editingRows(_ object: [String: Any], _ key: String, _ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var copy = object
        var rows = object[key] as? [[String: Any]] ?? []
        for index in rows.indices { change(&rows[index]) }
        copy[key] = rows
        return copy
    }

    /// `object` with `change` made to the first row of the list at `key`.
    static func editingFirstRow(_ object: [String: Any], _ key: String, _ change: @escaping (inout [String: Any]) -> Void) -> [String: Any] {
        var done = false
        return editingRows(object, key) { row in
            if !done { change(&row) }
            done = true
        }
    }

    /// Expects each edited summary of `cases` refused with exit code 2 and nothing written, in a
    /// rollup and as a baseline, the message naming its figure as given.
    static func expectRefused(_ cases: [([String: Any], String)], in temporary: TemporaryFolder,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (edited, figure) in cases {
            try write(edited, to: "X/summary.json", in: temporary)
            let rollup = try RunFixtures.audit(["rollup", "X/summary.json", "--out", "o", "--lang", "en"], in: temporary.url)
            #expect(rollup.status == 2, sourceLocation: sourceLocation)
            #expect(rollup.stderr.hasPrefix("audit: X/summary.json holds \(figure), outside any possible range"), "\(rollup.stderr)",
                    sourceLocation: sourceLocation)
            let baseline = try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("o"), "--baseline",
                                                  temporary.path("X/summary.json"), "--lang", "en"])
            #expect(baseline.status == 2, sourceLocation: sourceLocation)
            #expect(baseline.stderr.contains("holds \(figure), outside any possible range"), "\(baseline.stderr)", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: temporary.path("o")), "nothing is written", sourceLocation: sourceLocation)
        }
    }

    /// The same county's summary passed off as another's: its own region, unit ids and inputs.
    static func anotherCounty(_ object: [String: Any]) -> [String: Any] {
        var copy = editingRows(object, "units") { $0["unit_id"] = "b-\($0["unit_id"] ?? "")" }
        copy = editingRows(copy, "rectifications") { $0["unit_id"] = "b-\($0["unit_id"] ?? "")" }
        var number = 0
        copy = editingRows(copy, "inputs") { row in
            number += 1
            row["sha256"] = String(repeating: "0", count: 60) + String(format: "%04x", number)
        }
        copy["region"] = "B"
        return copy
    }

    /// Counts of `most_missed` beyond the units the file holds would be added up past the largest
    /// whole number in a rollup, or drawn as a bar of billions of percent: refused, in either
    /// language, by the row's place.
    @Test func mostMissedCountsNoRunWritesAreRefused() throws {
        let temporary = try TemporaryFolder()
        let object = try Self.roundOne(in: temporary)
        let unitCount = try #require(object["units"] as? [Any]).count
        let first = try #require((object["most_missed"] as? [[String: Any]])?.first)
        let criterion = try #require(first["criterion"] as? String)

        // Every row at the largest count, in two counties: the sum of the two overflowed.
        let largest = Self.editingRows(object, "most_missed") { $0["units"] = Int.max; $0["applicable"] = Int.max }
        try Self.write(largest, to: "A/summary.json", in: temporary)
        try Self.write(Self.anotherCounty(largest), to: "B/summary.json", in: temporary)
        let both = try RunFixtures.audit(["rollup", "A/summary.json", "B/summary.json", "--out", "o", "--lang", "en"], in: temporary.url)
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("audit: A/summary.json holds most_missed[0].units = 9223372036854775807 (\(criterion)), "
                                      + "outside any possible range"), "\(both.stderr)")
        let chinese = try RunFixtures.audit(["rollup", "A/summary.json", "B/summary.json", "--out", "o", "--lang", "zh"], in: temporary.url)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.hasPrefix("audit：A/summary.json 中的 most_missed[0].units = 9223372036854775807（\(criterion)） 超出可能的范围"),
                "\(chinese.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("o")), "nothing is written")

        func firstRow(_ change: @escaping (inout [String: Any]) -> Void) -> [String: Any] {
            Self.editingFirstRow(object, "most_missed", change)
        }
        let cases: [([String: Any], String)] = [
            // Drawn as a share of 55 555 555 555 555 556 %, which no coordinate holds.
            (firstRow { $0["units"] = 1_000_000_000_000_000_000 }, "most_missed[0].units = 1000000000000000000 (\(criterion))"),
            (firstRow { $0["units"] = -1 }, "most_missed[0].units = -1 (\(criterion))"),
            // Each within the units, but more missing it than it applies to.
            (firstRow { $0["units"] = 3; $0["applicable"] = 2 }, "most_missed[0].units = 3 (\(criterion), applicable to 2)"),
            (firstRow { $0["applicable"] = unitCount + 1 }, "most_missed[0].applicable = \(unitCount + 1) (\(criterion))"),
            (firstRow { $0["units"] = 0; $0["applicable"] = -1 }, "most_missed[0].applicable = -1 (\(criterion))"),
        ]
        try Self.expectRefused(cases, in: temporary)
        #expect(Rollup.implausibleFigure(try RunFixtures.summary(FileTree.bytes(temporary.path("round1/summary.json")))) == nil)
    }

    /// A weight or an action's gain beyond the 100 points a score has, or below nothing, is refused
    /// by its place, with the unit and criterion or have it belongs to.
    @Test func weightsAndGainsNoRunWritesAreRefused() throws {
        let temporary = try TemporaryFolder()
        let object = try Self.roundOne(in: temporary)
        let action = try #require((object["rectifications"] as? [[String: Any]])?.first)
        let (unit, criterion) = (try #require(action["unit_id"] as? String), try #require(action["criterion"] as? String))
        let unitRow = try #require((object["units"] as? [[String: Any]])?.first)
        let have = try #require((unitRow["haves"] as? [[String: Any]])?.first)
        let (unitID, haveID) = (try #require(unitRow["unit_id"] as? String), try #require(have["id"] as? String))
        func firstRow(_ key: String, _ change: @escaping (inout [String: Any]) -> Void) -> [String: Any] {
            Self.editingFirstRow(object, key, change)
        }
        func standardWeight(_ value: Double) -> [String: Any] {
            var copy = object
            var standard = object["standard"] as? [String: Any] ?? [:]
            var haves = standard["haves"] as? [[String: Any]] ?? []
            haves[0]["weight"] = value
            standard["haves"] = haves
            copy["standard"] = standard
            return copy
        }
        let cases: [([String: Any], String)] = [
            (firstRow("rectifications") { $0["gain"] = -5 }, "rectifications[0].gain = -5 (\(unit), \(criterion))"),
            (firstRow("rectifications") { $0["gain"] = 1e300 }, "rectifications[0].gain = 1e+300 (\(unit), \(criterion))"),
            (standardWeight(0), "standard.haves[0].weight = 0 (\(haveID))"),
            (standardWeight(1e300), "standard.haves[0].weight = 1e+300 (\(haveID))"),
            // Points within a weight no have has.
            (firstRow("units") { row in
                var haves = row["haves"] as? [[String: Any]] ?? []
                haves[0]["weight"] = 1e300
                haves[0]["points"] = 1e300
                row["haves"] = haves
            }, "units[0].haves[0].weight = 1e+300 (\(unitID), \(haveID))"),
        ]
        try Self.expectRefused(cases, in: temporary)
        // In Chinese, what the figure belongs to is listed with Chinese commas.
        try Self.write(cases[0].0, to: "X/summary.json", in: temporary)
        let chinese = try RunFixtures.audit(["rollup", "X/summary.json", "--out", "o", "--lang", "zh"], in: temporary.url)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.hasPrefix("audit：X/summary.json 中的 rectifications[0].gain = -5（\(unit)，\(criterion)） 超出可能的范围"),
                "\(chinese.stderr)")
    }

    /// A criterion listed twice in `most_missed` would be counted twice in a rollup, into counts
    /// past its units that the next rollup would refuse.
    @Test func criterionListedTwiceIsRefused() throws {
        let temporary = try TemporaryFolder()
        var object = try Self.roundOne(in: temporary)
        var rows = try #require(object["most_missed"] as? [[String: Any]])
        let criterion = try #require(rows[0]["criterion"] as? String)
        rows.append(rows[0])
        object["most_missed"] = rows
        try Self.write(object, to: "X/summary.json", in: temporary)
        let rollup = try RunFixtures.audit(["rollup", "X/summary.json", "--out", "o", "--lang", "en"], in: temporary.url)
        #expect(rollup.status == 2)
        #expect(rollup.stderr.hasPrefix("audit: X/summary.json lists the criterion \(criterion) twice in most_missed, "
                                        + "which `audit run` does not write (edited?)"), "\(rollup.stderr)")
        let chinese = try RunFixtures.audit(["rollup", "X/summary.json", "--out", "o", "--lang", "zh"], in: temporary.url)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.hasPrefix("audit：X/summary.json 的 most_missed 两次列出细则 \(criterion)，audit run 不会这样写"), "\(chinese.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("o")), "nothing is written")
    }

    /// Text an edited summary holds (unit ids, region names, a standard's version, keys) is quoted
    /// in a message on its one line, line breaks and control characters shown as escapes: a line
    /// of its own such as `::error::` would be read by a CI log as a command of its own.
    @Test func quotedTextCannotStartALineOfItsOwn() throws {
        let temporary = try TemporaryFolder()
        let object = try Self.roundOne(in: temporary)
        let forged = "\u{1B}]0;PWNED\u{07}\n::error::x"
        let shown = #"\x1B]0;PWNED\x07\n::error::x"#
        var twice = object
        var units = try #require(object["units"] as? [[String: Any]])
        units[0]["unit_id"] = forged
        units[1]["unit_id"] = forged
        twice["units"] = units
        var scored = twice
        units[1]["unit_id"] = "other"
        units[0]["score"] = 101
        scored["units"] = units
        var version = object
        var standard = try #require(object["standard"] as? [String: Any])
        standard["version"] = "2022.1\n::error::x"
        version["standard"] = standard
        var region = object
        region["region"] = "east\n::error::x"
        var key = object
        var figures = try #require(object["figures"] as? [String: Any])
        figures["grades"] = ["x\n::error::x": 0.5]
        key["figures"] = figures
        try Self.write(twice, to: "twice/summary.json", in: temporary)
        try Self.write(scored, to: "scored/summary.json", in: temporary)
        try Self.write(version, to: "version/summary.json", in: temporary)
        try Self.write(region, to: "region/summary.json", in: temporary)
        var sameName = Self.anotherCounty(region)
        sameName["region"] = region["region"]
        try Self.write(sameName, to: "region2/summary.json", in: temporary)
        try Self.write(key, to: "key/summary.json", in: temporary)
        let baseline = { (path: String, language: String) in
            try RunFixtures.audit(["run", RunFixtures.round2, "--out", temporary.path("o"), "--lang", language, "--region", "west",
                                   "--baseline", temporary.path(path)])
        }
        let rollup = { (paths: [String], language: String) in
            try RunFixtures.audit(["rollup"] + paths + ["--out", "o", "--lang", language], in: temporary.url)
        }
        let cases: [(AuditBinary.Outcome, String)] = [
            (try rollup(["twice/summary.json"], "en"), "lists the unit \(shown) twice"),
            (try rollup(["twice/summary.json"], "zh"), "两次列出单位 \(shown)，"),
            (try baseline("twice/summary.json", "en"), "lists the unit \(shown) twice"),
            (try rollup(["scored/summary.json"], "en"), "holds units[0].score = 101 (\(shown)), outside"),
            (try baseline("version/summary.json", "en"), #"was scored under five-haves 2022.1\n::error::x, not"#),
            (try rollup(["version/summary.json", "region/summary.json"], "en"), #"; five-haves 2022.1\n::error::x: version/summary.json)"#),
            (try rollup(["region/summary.json", "region2/summary.json"], "zh"), #"的地区名都是 east\n::error::x；"#),
            (try baseline("region/summary.json", "en"), #"is the summary of east\n::error::x, this round is west"#),
            (try baseline("key/summary.json", "en"), #"the wrong kind of value at figures.grades.x\n::error::x, where"#),
        ]
        for (outcome, quoted) in cases {
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains(quoted), "\(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
            #expect(!outcome.stderr.contains("\u{1B}") && !outcome.stderr.contains("\n::error::"), "\(outcome.stderr)")
        }
    }

    /// Counts added up in a rollup stop at the largest whole number rather than end the program,
    /// whatever the summaries hold.
    @Test func rollupSumsCannotOverflow() throws {
        #expect(Rollup.sum(.max, 1) == .max)
        #expect(Rollup.sum(.min, -1) == .min)
        #expect(Rollup.sum(2, 3) == 5)
        let temporary = try TemporaryFolder()
        let object = try Self.roundOne(in: temporary)
        let largest = Self.editingRows(object, "most_missed") { $0["units"] = Int.max; $0["applicable"] = Int.max }
        // Decoded without the check that refuses such counts, as the sums must hold whatever comes.
        let documents = try [largest, Self.anotherCounty(largest)].map { object in
            try JSONDecoder().decode(SummaryDocument.self, from: try JSONSerialization.data(withJSONObject: object))
        }
        let inputs = documents.enumerated().map { index, document in
            Rollup.Input(path: "\(index)/summary.json", document: document, sha256: String(repeating: "\(index)", count: 64))
        }
        let combined = try Rollup.combine(inputs, title: nil, region: nil, language: .en)
        #expect(!combined.mostMissed.isEmpty)
        #expect(combined.mostMissed.allSatisfy { $0.units == .max && $0.applicable == .max })
    }
}
