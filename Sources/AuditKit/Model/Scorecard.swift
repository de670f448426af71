/// Points are kept in tenths, as integers, so sums and comparisons are exact.
public enum Score {
    /// `85`, `84.5`: tenths of a point as the user reads them.
    public static func format(tenths: Int) -> String {
        var out = StringOutput()
        out.write(tenths: tenths)
        return out.text
    }

    /// `a × b ÷ c` rounded half up, for non-negative integers.
    static func scaled(_ a: Int, by b: Int, over c: Int) -> Int {
        c == 0 ? 0 : (2 * a * b + c) / (2 * c)
    }
}

/// Whether a unit has one of the five haves.
public enum HaveStatus: String, Sendable, Codable, CaseIterable {
    case met
    case partial
    case missing

    /// 有 / 不足 / 无, or met / partial / missing.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.met, .zh): return "有"
        case (.partial, .zh): return "不足"
        case (.missing, .zh): return "无"
        case (_, .en): return rawValue
        }
    }
}

/// A unit's overall grade.
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    case nonCompliant = "non-compliant"
    case largelyCompliant = "largely-compliant"
    case compliant

    /// 达标 / 基本达标 / 不达标, or their English names.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.compliant, .zh): return "达标"
        case (.largelyCompliant, .zh): return "基本达标"
        case (.nonCompliant, .zh): return "不达标"
        case (.compliant, .en): return "compliant"
        case (.largelyCompliant, .en): return "largely compliant"
        case (.nonCompliant, .en): return "non-compliant"
        }
    }

    private var rank: Int {
        switch self {
        case .nonCompliant: return 0
        case .largelyCompliant: return 1
        case .compliant: return 2
        }
    }

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rank < rhs.rank }

    /// The grade above this one, if any.
    public var next: Grade? {
        switch self {
        case .nonCompliant: return .largelyCompliant
        case .largelyCompliant: return .compliant
        case .compliant: return nil
        }
    }
}

/// How far a criterion was met.
public enum Attainment: String, Sendable, Codable {
    case full
    case half
    case none
    case notApplicable = "not-applicable"
}

/// One criterion's result, with the reason quoting the checklist.
///
/// A class, and immutable: a result holds several strings, and the scorecards, the rectification
/// search and the reports read each result many times; shared, it is copied as one reference.
public final class CriterionResult: Sendable {
    /// What a criterion says of itself: its id, label and action. A scorer makes one for each
    /// criterion of its standard and every result of that criterion shares it, so a result takes
    /// them as one reference, not five strings to retain and release for each unit.
    final class Text: Sendable {
        let id: String
        let label: Localized
        let action: Localized

        init(id: String, label: Localized, action: Localized) {
            self.id = id
            self.label = label
            self.action = action
        }
    }

    let text: Text
    /// The criterion's id, e.g. `V3`.
    public var id: String { text.id }
    /// Its label.
    public var label: Localized { text.label }
    /// The points it is worth, in tenths.
    public let maxTenths: Int
    /// The points earned, in tenths (before rescaling to the have's weight).
    public let earnedTenths: Int
    /// Full, half, none, or not applicable.
    public let attainment: Attainment
    /// Whether it is essential.
    public let essential: Bool
    /// For an essential criterion, whether it passed.
    public let essentialPassed: Bool
    /// Why it earned what it did, quoting values and their lines.
    public let reason: Localized
    /// The checklist key path it read, if one.
    public let keyPath: String?
    /// The value it read, as written, if any.
    public let value: String?
    /// Where that value is, 1-based.
    public let mark: Mark?
    /// What to do when it falls short.
    public var action: Localized { text.action }

    convenience init(id: String, label: Localized, maxTenths: Int, earnedTenths: Int, attainment: Attainment, essential: Bool,
                     essentialPassed: Bool, reason: Localized, keyPath: String?, value: String?, mark: Mark?, action: Localized) {
        self.init(text: Text(id: id, label: label, action: action), maxTenths: maxTenths, earnedTenths: earnedTenths,
                  attainment: attainment, essential: essential, essentialPassed: essentialPassed, reason: reason,
                  keyPath: keyPath, value: value, mark: mark)
    }

    init(text: Text, maxTenths: Int, earnedTenths: Int, attainment: Attainment, essential: Bool, essentialPassed: Bool,
         reason: Localized, keyPath: String?, value: String?, mark: Mark?) {
        self.text = text
        self.maxTenths = maxTenths
        self.earnedTenths = earnedTenths
        self.attainment = attainment
        self.essential = essential
        self.essentialPassed = essentialPassed
        self.reason = reason
        self.keyPath = keyPath
        self.value = value
        self.mark = mark
    }
}

/// One have's result.
public struct HaveResult: Sendable {
    /// `venue`, `equipment`, `rules`, `activities` or `funding`.
    public var id: String
    /// Its label.
    public var label: Localized
    /// Its weight, in tenths.
    public var weightTenths: Int
    /// The points earned, rescaled to its weight, in tenths.
    public var pointsTenths: Int
    /// Met, partial or missing.
    public var status: HaveStatus
    /// Its criteria.
    public var criteria: [CriterionResult]
}

/// What a unit must do about one criterion short of full points.
///
/// A class, and immutable, for the same reason as `CriterionResult`: it holds eight strings, and
/// is sorted, spooled and rendered in several formats.
public final class RectificationAction: Sendable {
    /// The have it belongs to.
    public let haveID: String
    /// The criterion's id.
    public let criterionID: String
    /// The criterion's label.
    public let label: Localized
    /// Where the unit stands now.
    public let current: Localized
    /// What to do.
    public let action: Localized
    /// The points it would add to the unit's score, in tenths.
    public let gainTenths: Int
    /// The deadline, when the unit's grade sets one.
    public let due: CalendarDate?

    init(haveID: String, criterionID: String, label: Localized, current: Localized, action: Localized, gainTenths: Int,
         due: CalendarDate?) {
        self.haveID = haveID
        self.criterionID = criterionID
        self.label = label
        self.current = current
        self.action = action
        self.gainTenths = gainTenths
        self.due = due
    }
}

/// A unit's scorecard under one standard.
public struct Scorecard: Sendable {
    /// The unit's id.
    public var unitID: String
    /// The unit's name.
    public var name: String
    /// Its category.
    public var category: String
    /// Its township, when given.
    public var township: String?
    /// Its retirees.
    public var retirees: Int
    /// Whether the standard requires it to comply (many retirees) or only encourages it.
    public var required: Bool
    /// The checklist it was scored from.
    public var file: String
    /// The inspection date.
    public var inspectionDate: CalendarDate
    /// The inspection round, when given.
    public var round: String?
    /// The standard's id.
    public var standardID: String
    /// The standard's version.
    public var standardVersion: String
    /// The total score, in tenths.
    public var scoreTenths: Int
    /// The grade.
    public var grade: Grade
    /// The five haves.
    public var haves: [HaveResult]
    /// The rectification actions, largest gain first.
    public var actions: [RectificationAction]
    /// When a non-compliant unit's rectification plan is due.
    public var planDue: CalendarDate?
    /// The grade above, when there is one.
    public var nextGrade: Grade?
    /// The fewest criteria whose fixing would lift the unit to `nextGrade`, largest gain first.
    public var liftCriteria: [String]

    /// The status of have `id`.
    public func status(of id: String) -> HaveStatus? { haves.first { $0.id == id }?.status }
}
