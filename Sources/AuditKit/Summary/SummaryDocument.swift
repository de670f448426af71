/// The data of a county (or higher-level) summary, exactly as `summary.json` stores it: what the
/// report renderers draw from, what `--baseline` compares against and what `audit rollup` combines.
/// Layout version 1 is documented in `docs/summary-json.md`.
public struct SummaryDocument: Codable, Sendable {
    /// Identifies the file as a summary.
    public var format = SummaryDocument.formatName
    /// The layout version.
    public var version = SummaryDocument.layoutVersion
    /// The tool that wrote it.
    public var tool: ToolRef
    /// The report's title.
    public var title: String
    /// The area the summary covers (a county's name), used to label it in rollups.
    public var region: String?
    /// The standard every score was computed under.
    public var standard: StandardRef
    /// The latest inspection date among the units; no wall-clock time is ever written.
    public var asOf: String?
    /// The inspection rounds seen, sorted.
    public var rounds: [String]
    /// Every input, named by path and the SHA-256 of its bytes.
    public var inputs: [InputRef]
    /// The headline figures.
    public var figures: Figures
    /// The units, ranked.
    public var units: [UnitRow]
    /// Figures by region (counties in a rollup); empty for a single county.
    public var byRegion: [GroupRow]
    /// Figures by township.
    public var byTownship: [GroupRow]
    /// Figures by category.
    public var byCategory: [GroupRow]
    /// Every criterion that applies to at least one unit, with how many units fall short of full
    /// points on it, most often missed first (criteria no unit misses come last, with `units` 0, so
    /// that rollups can add up the units each criterion applies to).
    public var mostMissed: [MissedRow]
    /// Every rectification action, by unit rank then gain.
    public var rectifications: [ActionRow]
    /// The checklists left out because they are invalid, with their diagnostics.
    public var invalid: [InvalidRow]
    /// The changes since the baseline, when one was given.
    public var changes: Changes?

    /// `five-haves-summary`.
    public static let formatName = "five-haves-summary"
    /// The current layout version.
    public static let layoutVersion = 1

    enum CodingKeys: String, CodingKey {
        case format, version, tool, title, region, standard, rounds, inputs, figures, units, rectifications, invalid, changes
        case asOf = "as_of", byRegion = "by_region", byTownship = "by_township", byCategory = "by_category"
        case mostMissed = "most_missed"
    }

    /// The tool's name and version.
    public struct ToolRef: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    /// A standard's identity.
    public struct StandardRef: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public var title: Localized
        /// The five haves, in order, with their labels and weights.
        public var haves: [HaveRef]
        /// `Standard.scoringDigest`: absent from summaries written before it was added.
        public var sha256: String?
    }

    /// One have of the standard.
    public struct HaveRef: Codable, Sendable, Equatable {
        public var id: String
        public var label: Localized
        public var weight: Double
    }

    /// One input file.
    public struct InputRef: Codable, Sendable {
        public var path: String
        public var unitID: String?
        public var sha256: String
        public var valid: Bool
        public var region: String?
        enum CodingKeys: String, CodingKey { case path, sha256, valid, region, unitID = "unit_id" }
    }

    /// Headline figures. Rates are shares from 0 to 1, rounded to 4 places.
    public struct Figures: Codable, Sendable {
        /// Units scored.
        public var units: Int
        /// Units required to comply.
        public var required: Int
        /// Required units that are compliant.
        public var compliantRequired: Int
        /// Required units that are largely compliant.
        public var largelyCompliantRequired: Int
        /// compliantRequired ÷ required (0 when there are none).
        public var complianceRate: Double
        /// Mean score over all units, one decimal.
        public var averageScore: Double
        /// For each have id, the share of units that meet it.
        public var haveMetShare: [String: Double]
        /// Units per grade.
        public var grades: [String: Int]
        /// Checklists left out as invalid.
        public var invalid: Int

        enum CodingKeys: String, CodingKey {
            case units, required, grades, invalid
            case compliantRequired = "compliant_required", largelyCompliantRequired = "largely_compliant_required"
            case complianceRate = "compliance_rate", averageScore = "average_score", haveMetShare = "have_met_share"
        }
    }

    /// One unit's line in the summary.
    public struct UnitRow: Codable, Sendable {
        public var rank: Int
        public var unitID: String
        public var name: String
        public var category: String
        public var township: String?
        public var region: String?
        public var retirees: Int
        public var required: Bool
        public var score: Double
        public var grade: String
        public var inspectionDate: String
        public var haves: [HaveCell]
        public var actions: Int
        public var liftCriteria: [String]

        enum CodingKeys: String, CodingKey {
            case rank, name, category, township, region, retirees, required, score, grade, haves, actions
            case unitID = "unit_id", inspectionDate = "inspection_date", liftCriteria = "lift_criteria"
        }
    }

    /// One have of one unit.
    public struct HaveCell: Codable, Sendable {
        public var id: String
        public var points: Double
        public var weight: Double
        public var status: String
    }

    /// Figures for a group of units.
    public struct GroupRow: Codable, Sendable {
        public var name: String
        public var units: Int
        public var required: Int
        public var compliant: Int
        public var complianceRate: Double
        public var averageScore: Double

        enum CodingKeys: String, CodingKey {
            case name, units, required, compliant
            case complianceRate = "compliance_rate", averageScore = "average_score"
        }
    }

    /// A criterion and how many units fall short of it.
    public struct MissedRow: Codable, Sendable {
        public var criterion: String
        public var have: String
        public var label: Localized
        public var units: Int
        public var applicable: Int
    }

    /// One rectification action.
    public struct ActionRow: Codable, Sendable {
        public var unitID: String
        public var unitName: String
        /// In a rollup, the unit's region, as in its `UnitRow`; absent for a single county.
        public var region: String?
        public var have: String
        public var criterion: String
        public var label: Localized
        public var current: Localized
        public var action: Localized
        public var gain: Double
        public var due: String?

        enum CodingKeys: String, CodingKey {
            case have, criterion, label, current, action, gain, due, region
            case unitID = "unit_id", unitName = "unit_name"
        }
    }

    /// An invalid checklist and why.
    public struct InvalidRow: Codable, Sendable {
        public var path: String
        public var diagnostics: [DiagnosticRow]
    }

    /// A diagnostic as the summary stores it.
    public struct DiagnosticRow: Codable, Sendable {
        public var code: String
        public var severity: String
        public var line: Int
        public var column: Int
        public var keyPath: String
        public var message: Localized
        public var hint: Localized

        enum CodingKeys: String, CodingKey {
            case code, severity, line, column, message, hint
            case keyPath = "key_path"
        }
    }

    /// What changed since the baseline.
    public struct Changes: Codable, Sendable {
        public var baselineTitle: String
        public var baselineAsOf: String?
        public var units: [UnitChange]
        public var becameCompliant: [String]
        public var slipped: [String]
        public var newUnits: [String]
        public var goneUnits: [String]
        /// Units of the baseline whose checklist this round is invalid: neither gone nor compared.
        /// Absent from summaries written before it was added.
        public var invalidUnits: [String]?
        public var complianceRate: BeforeAfter
        public var averageScore: BeforeAfter
        public var haveMetShare: [String: BeforeAfter]

        enum CodingKeys: String, CodingKey {
            case units, slipped
            case baselineTitle = "baseline_title", baselineAsOf = "baseline_as_of"
            case becameCompliant = "became_compliant", newUnits = "new_units", goneUnits = "gone_units", invalidUnits = "invalid_units"
            case complianceRate = "compliance_rate", averageScore = "average_score", haveMetShare = "have_met_share"
        }
    }

    /// One unit present in both rounds.
    public struct UnitChange: Codable, Sendable {
        public var unitID: String
        public var name: String
        public var scoreBefore: Double
        public var scoreAfter: Double
        public var delta: Double
        public var gradeBefore: String
        public var gradeAfter: String

        enum CodingKeys: String, CodingKey {
            case name, delta
            case unitID = "unit_id", scoreBefore = "score_before", scoreAfter = "score_after"
            case gradeBefore = "grade_before", gradeAfter = "grade_after"
        }
    }

    /// A figure in two rounds; nil in a round that did not measure it: an average or share when
    /// no unit was scored, a compliance rate when no unit was required to comply.
    public struct BeforeAfter: Codable, Sendable {
        public var before: Double?
        public var after: Double?

        public init(before: Double?, after: Double?) {
            self.before = before
            self.after = after
        }

        enum CodingKeys: String, CodingKey {
            case before, after
        }

        /// Written with both keys, `null` for a figure not measured, as `summary.json` has it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
        }
    }
}

// Foundation's JSON decoder on Linux refuses a fraction where a whole number belongs
// (`"retirees": 2.5`) as "not valid JSON", with no key path, so an edited summary could only be
// called "not a summary". The summary's own types read their whole numbers through these, which
// the code synthesised for them in this file calls instead of the container's own: a fraction, or
// a number too large, is then a type mismatch at its key, as a string there would be.

/// A whole number read through a single-value container, which these overloads leave alone.
private struct WholeNumber: Decodable {
    let value: Int

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }
}

extension KeyedDecodingContainer {
    fileprivate func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        if let number = try? decode(WholeNumber.self, forKey: key) { return number.value }
        // Missing, null or not a number: the container's own error says so, with the path, and
        // that a whole number belongs there.
        do {
            _ = try decode(Double.self, forKey: key)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Int.self, context)
        } catch DecodingError.valueNotFound(_, let context) {
            throw DecodingError.valueNotFound(Int.self, context)
        }
        throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key], debugDescription: "not a whole number"))
    }

    fileprivate func decode(_ type: [String: Int].Type, forKey key: Key) throws -> [String: Int] {
        let numbers = try nestedContainer(keyedBy: AnyKey.self, forKey: key)
        var values: [String: Int] = [:]
        for name in numbers.allKeys { values[name.stringValue] = try numbers.decode(Int.self, forKey: name) }
        return values
    }
}

/// Any key of a JSON object.
private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
