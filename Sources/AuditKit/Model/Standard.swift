/// A scoring standard: the five haves, their criteria and the rules that turn points into grades.
/// The default is built in (`Standard.builtIn`); a county may tailor its own YAML file.
public struct Standard: Sendable {
    /// A short id, e.g. `five-haves`.
    public var id: String
    /// The version, e.g. `2022.1`; scores are comparable only under the same id and version.
    public var version: String
    /// The title in both languages.
    public var title: Localized
    /// The document the standard rests on.
    public var source: Localized?
    /// Units with at least this many retirees are required to comply; smaller ones are encouraged.
    public var minRetirees: Int
    /// The share of a have's weight, in percent, at which the have counts as met.
    public var metPercent: Int
    /// The bar for 达标.
    public var compliant: GradeRule
    /// The bar for 基本达标.
    public var largelyCompliant: GradeRule
    /// Rectification deadlines, in days after the inspection.
    public var deadlines: Deadlines
    /// The equipment and rules catalogues checklists draw their ids from.
    public var catalogues: Catalogues
    /// The five haves, in order.
    public var haves: [Have]

    /// The id and version as one label, e.g. `five-haves 2022.1`.
    public var label: String { "\(id) \(version)" }
}

/// The bar a grade sets.
public struct GradeRule: Sendable {
    /// The least total score, in tenths of a point.
    public var minScoreTenths: Int
    /// How many haves may be partial.
    public var maxPartial: Int
    /// How many haves may be missing.
    public var maxMissing: Int
}

/// Rectification deadlines, in days after the inspection date.
public struct Deadlines: Sendable {
    /// A largely compliant unit fixes each shortfall within this many days.
    public var largelyCompliantFixDays: Int
    /// A non-compliant unit hands in a rectification plan within this many days…
    public var nonCompliantPlanDays: Int
    /// …and fixes each shortfall within this many.
    public var nonCompliantFixDays: Int
}

/// One of the five haves.
public struct Have: Sendable {
    /// `venue`, `equipment`, `rules`, `activities` or `funding`.
    public var id: String
    /// Its name in both languages, e.g. 有一个学习活动场所.
    public var label: Localized
    /// Its share of the 100 points, in tenths.
    public var weightTenths: Int
    /// Its criteria, in order.
    public var criteria: [Criterion]
}

/// One scored criterion of a have. An immutable class: scoring and the spooled rectification rows
/// pass criteria around for every unit, and passing a reference costs one count where copying a
/// struct of ten fields cost a dozen.
public final class Criterion: Sendable {
    /// A short id, e.g. `V3`.
    public let id: String
    /// What it checks, in both languages.
    public let label: Localized
    /// The points it is worth, in tenths.
    public let pointsTenths: Int
    /// How it is measured.
    public let measure: Measure
    /// Whether the have is missing when this criterion fails.
    public let essential: Bool
    /// For an essential numeric criterion: it passes when the value is above this, whatever its
    /// points; otherwise an essential criterion passes when it earns any points.
    public let essentialAbove: Double?
    /// When given, the criterion applies only to checklists that meet it.
    public let appliesWhen: Condition?
    /// What the criterion rests on, in both languages.
    public let source: Localized
    /// What a unit short of it must do, in both languages.
    public let action: Localized
    /// Where the criterion is written in the standard file, 1-based.
    public let mark: Mark

    public init(id: String, label: Localized, pointsTenths: Int, measure: Measure, essential: Bool, essentialAbove: Double?,
                appliesWhen: Condition?, source: Localized, action: Localized, mark: Mark) {
        self.id = id
        self.label = label
        self.pointsTenths = pointsTenths
        self.measure = measure
        self.essential = essential
        self.essentialAbove = essentialAbove
        self.appliesWhen = appliesWhen
        self.source = source
        self.action = action
        self.mark = mark
    }
}

/// A condition on one checklist value.
public struct Condition: Sendable {
    /// The dotted key path, e.g. `unit.party_branch`.
    public var field: String
    /// The value it must have, as written in YAML (`true`, `dedicated`).
    public var equals: String
}

/// How a criterion is measured: a small fixed set, not an expression language.
public enum Measure: Sendable {
    /// A boolean field is true, or an enum field has one of `values`.
    case flag(field: String, values: [String]?)
    /// A number field reaches `full` (full points) or `half` (half points).
    case threshold(field: String, full: Double, half: Double?)
    /// Slots filled by an item present and not broken; each slot lists alternative item ids.
    case equipment(slots: [[String]], full: Int, half: Int?)
    /// Rule kinds present (posted, when `postedForFull`, to earn full points; reviewed or adopted
    /// within `withinYears`, when given).
    case rules(kinds: [String], full: Int, half: Int?, postedForFull: Bool, withinYears: Int?)
    /// Activities of `kinds` dated within `months` before the inspection.
    case activities(kinds: [String], months: Int, full: Int, half: Int?)
    /// Mean participants of the counted activities over `unit.retirees.total`.
    case attendance(kinds: [String]?, months: Int, full: Double, half: Double?)
    /// A number field divided by `unit.retirees.total`.
    case perCapita(field: String, full: Double, half: Double?)

    /// The measure's name as written in the standard file.
    public var kind: String {
        switch self {
        case .flag: return "flag"
        case .threshold: return "threshold"
        case .equipment: return "equipment"
        case .rules: return "rules"
        case .activities: return "activities"
        case .attendance: return "attendance"
        case .perCapita: return "per_capita"
        }
    }
}
