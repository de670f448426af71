/// Scores valid checklists against a standard.
public struct Scorer: Sendable {
    /// The standard scored against.
    public let standard: Standard
    /// The one language the reasons of fully met and not applicable criteria are written in, or
    /// nil for both. The reasons of criteria to rectify, and of essential criteria, are always in
    /// both.
    let onlyLanguage: Language?
    private let labels: CatalogueLabels
    private let lift: GradeLift
    /// The id, label and action of each criterion, by have and criterion, shared by its results.
    private let texts: [[CriterionResult.Text]]

    /// Creates a scorer whose scorecards carry every reason in both languages.
    public init(standard: Standard) {
        self.init(standard: standard, onlyLanguage: nil)
    }

    /// Creates a scorer for `audit run`, whose scorecards show reasons in one language and whose
    /// summary.json shows both only for the actions: the reasons of criteria met or not applicable
    /// are written in `onlyLanguage` alone (the other left empty), so a run builds no text it
    /// never writes. Its scorecards are only for outputs in that language and for the actions:
    /// anything that shows every reason in both languages (`audit score --format json`) must
    /// score with `init(standard:)`.
    init(standard: Standard, onlyLanguage: Language?) {
        self.standard = standard
        self.onlyLanguage = onlyLanguage
        labels = CatalogueLabels(standard.catalogues)
        lift = GradeLift(standard: standard)
        texts = standard.haves.map { have in
            have.criteria.map { CriterionResult.Text(id: $0.id, label: $0.label, action: $0.action) }
        }
    }

    /// The scorecard of one checklist.
    public func score(_ checklist: Checklist) -> Scorecard {
        let evaluator = MeasureEvaluator(checklist: checklist, labels: labels, onlyLanguage: onlyLanguage)
        let haves = standard.haves.indices.map { place in
            let have = standard.haves[place]
            return HaveScoring.result(have, criteria: have.criteria.indices.map {
                criterion(for: have.criteria[$0], text: texts[place][$0], in: checklist, evaluator: evaluator)
            }, metPercent: standard.metPercent)
        }
        let total = haves.reduce(0) { $0 + $1.pointsTenths }
        let grade = Self.grade(total: total, statuses: haves.map(\.status), standard: standard)
        var card = Scorecard(
            unitID: checklist.unitID, name: checklist.name, category: checklist.category, township: checklist.township,
            retirees: checklist.retirees, required: checklist.retirees >= standard.minRetirees, file: checklist.file,
            inspectionDate: checklist.inspectionDate, round: checklist.round,
            standardID: standard.id, standardVersion: standard.version, scoreTenths: total, grade: grade,
            haves: haves, actions: [], planDue: nil, nextGrade: grade.next, liftCriteria: [])
        rectify(&card)
        return card
    }

    /// The grade that a total and five statuses earn under `standard`.
    public static func grade(total: Int, statuses: [HaveStatus], standard: Standard) -> Grade {
        func meets(_ rule: GradeRule) -> Bool {
            total >= rule.minScoreTenths
                && statuses.filter { $0 == .partial }.count <= rule.maxPartial
                && statuses.filter { $0 == .missing }.count <= rule.maxMissing
        }
        if meets(standard.compliant) { return .compliant }
        if meets(standard.largelyCompliant) { return .largelyCompliant }
        return .nonCompliant
    }

    private func criterion(for criterion: Criterion, text: CriterionResult.Text, in checklist: Checklist,
                           evaluator: MeasureEvaluator) -> CriterionResult {
        if let condition = criterion.appliesWhen {
            let actual = checklist.root.value(at: condition.field)
            let holds = actual?.display == condition.equals
                || (actual == nil && condition.equals == "false" && ChecklistFormat.field(at: condition.field)?.defaultValue == "false")
            if !holds {
                return CriterionResult(
                    text: text, maxTenths: criterion.pointsTenths, earnedTenths: 0,
                    attainment: .notApplicable, essential: criterion.essential, essentialPassed: true,
                    reason: Self.notApplying(condition, written: actual != nil, onlyLanguage: onlyLanguage),
                    keyPath: condition.field, value: actual?.display, mark: actual?.mark)
            }
        }
        // An essential criterion's reason may gain a verdict below whatever its attainment: both languages.
        let outcome = evaluator.evaluate(criterion.measure, bothLanguages: criterion.essential)
        let earned: Int
        switch outcome.attainment {
        case .full: earned = criterion.pointsTenths
        case .half: earned = (criterion.pointsTenths + 1) / 2
        case .none, .notApplicable: earned = 0
        }
        var passed = true
        if criterion.essential {
            if let bar = criterion.essentialAbove {
                passed = (outcome.number ?? -Double.infinity) > bar
            } else {
                passed = earned > 0
            }
        }
        // A failed essential criterion makes its have missing whatever the points: the reason says so,
        // and names the bar when it is not the criterion's own marks.
        var reason = outcome.reason
        if criterion.essential && !passed {
            if let bar = criterion.essentialAbove.map(Value.format) {
                reason.zh += "；必备细则须高于 \(bar)，未通过，该项为“无”"
                reason.en += "; essential, and must be above \(bar): not passed, so the have is missing"
            } else {
                reason.zh += "；必备细则未通过，该项为“无”"
                reason.en += "; essential and not met, so the have is missing"
            }
        }
        return CriterionResult(
            text: text, maxTenths: criterion.pointsTenths, earnedTenths: earned,
            attainment: outcome.attainment, essential: criterion.essential, essentialPassed: passed,
            reason: reason, keyPath: outcome.keyPath, value: outcome.value, mark: outcome.mark)
    }

    private func rectify(_ card: inout Scorecard) {
        let date = card.inspectionDate
        let due: CalendarDate?
        switch card.grade {
        case .compliant: due = nil
        case .largelyCompliant: due = date.adding(days: standard.deadlines.largelyCompliantFixDays)
        case .nonCompliant:
            due = date.adding(days: standard.deadlines.nonCompliantFixDays)
            card.planDue = date.adding(days: standard.deadlines.nonCompliantPlanDays)
        }
        var actions: [(RectificationAction, Int)] = []
        actions.reserveCapacity(card.haves.reduce(0) { $0 + $1.criteria.count })
        var order = 0
        for have in card.haves {
            // A gain is what the unit's score would rise by: the have's points with the criterion
            // met, less its points now, each rounded as the score is. An essential criterion that
            // earns its points but fails its bar is an action too, worth no points but its have.
            let criteria = have.criteria
            let figures = criteria.map(HaveScoring.Figures.init)
            for index in criteria.indices
            where figures[index].applies && (figures[index].earnedTenths < figures[index].maxTenths || !criteria[index].essentialPassed) {
                let (fixed, _) = HaveScoring.evaluate(weight: have.weightTenths, figures: figures, metPercent: standard.metPercent) { $0 == index }
                let gain = fixed - have.pointsTenths
                actions.append((RectificationAction(
                    haveID: have.id, criterionID: criteria[index].id, label: criteria[index].label, current: criteria[index].reason,
                    action: criteria[index].action, gainTenths: gain, due: due), order))
                order += 1
            }
        }
        card.actions = actions.sorted { lhs, rhs in
            lhs.0.gainTenths != rhs.0.gainTenths ? lhs.0.gainTenths > rhs.0.gainTenths : lhs.1 < rhs.1
        }.map(\.0)
        if let next = card.nextGrade {
            card.liftCriteria = lift.fewestCriteria(for: card, to: next)
        }
    }
}

/// The arithmetic of one have: earned points rescaled to the weight over the criteria that apply.
enum HaveScoring {
    /// What the arithmetic reads of one criterion's result: plain numbers, so that the search for
    /// the fewest criteria to fix, which evaluates a have for every subset of its short criteria,
    /// does not copy results full of texts.
    struct Figures {
        var applies: Bool
        var maxTenths: Int
        var earnedTenths: Int
        /// An essential criterion that failed.
        var failsEssential: Bool

        init(_ result: borrowing CriterionResult) {
            applies = result.attainment != .notApplicable
            maxTenths = result.maxTenths
            earnedTenths = result.earnedTenths
            failsEssential = result.essential && !result.essentialPassed
        }
    }

    static func result(_ have: Have, criteria: [CriterionResult], metPercent: Int) -> HaveResult {
        let (points, status) = evaluate(weight: have.weightTenths, figures: criteria.map(Figures.init), metPercent: metPercent) { _ in false }
        return HaveResult(id: have.id, label: have.label, weightTenths: have.weightTenths,
                          pointsTenths: points, status: status, criteria: criteria)
    }

    /// The have's points and status, treating the criteria whose ids are in `fixed` as fully met.
    static func evaluate(weight: Int, criteria: [CriterionResult], fixed: Set<String>, metPercent: Int) -> (Int, HaveStatus) {
        evaluate(weight: weight, figures: criteria.map(Figures.init), metPercent: metPercent) { fixed.contains(criteria[$0].id) }
    }

    /// The have's points and status, treating the criteria at the indices where `isFixed` holds as
    /// fully met.
    static func evaluate(weight: Int, figures: [Figures], metPercent: Int, isFixed: (Int) -> Bool) -> (Int, HaveStatus) {
        var applicable = 0
        var earned = 0
        var essentialFailed = false
        for index in figures.indices where figures[index].applies {
            let isFixed = isFixed(index)
            applicable += figures[index].maxTenths
            earned += isFixed ? figures[index].maxTenths : figures[index].earnedTenths
            if figures[index].failsEssential && !isFixed { essentialFailed = true }
        }
        let points = applicable == 0 ? weight : Score.scaled(earned, by: weight, over: applicable)
        let status: HaveStatus
        if essentialFailed || points == 0 {
            status = .missing
        } else if points * 100 >= metPercent * weight {
            status = .met
        } else {
            status = .partial
        }
        return (points, status)
    }
}

extension Scorer {
    /// Why a criterion does not apply: the field's value is another, or the field was left out,
    /// which an inspector may not have meant (the template leaves `party_branch` commented out).
    static func notApplying(_ condition: Condition, written: Bool, onlyLanguage: Language?) -> Localized {
        let fallback = written ? nil : ChecklistFormat.field(at: condition.field)?.defaultValue
        func text(_ language: Language) -> String {
            guard onlyLanguage == nil || onlyLanguage == language else { return "" }
            switch (written, language) {
            case (true, .zh): return "不适用：\(condition.field) 不为 \(condition.equals)"
            case (true, .en): return "does not apply: \(condition.field) is not \(condition.equals)"
            case (false, .zh): return "不适用：未填写 \(condition.field)" + (fallback.map { "，按 \($0) 计" } ?? "")
            case (false, .en): return "does not apply: \(condition.field) is not given" + (fallback.map { ", so it counts as \($0)" } ?? "")
            }
        }
        return Localized(zh: text(.zh), en: text(.en))
    }
}
