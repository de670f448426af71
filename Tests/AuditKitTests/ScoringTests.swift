import Foundation
import Testing
@testable import AuditKit

/// How criteria become have points, statuses, a grade and a rectification list: rescaling criteria
/// that do not apply, essential criteria, the grade and applicability edges, deadlines, the fewest
/// criteria that lift a unit, the built-in standard itself and the bundled sample checklists.
@Suite struct ScoringTests {
    // MARK: - Criteria that do not apply

    @Test(arguments: ["  party_branch: false", ""])
    func partyLifeDoesNotApplyWithoutAPartyBranch(line: String) throws {
        let text = try ChecklistText.base().replacing("  party_branch: true\n", with: line.isEmpty ? "" : line + "\n")
        // Six study sessions: A1 earns half of 7.
        let card = try text.settingActivities(Activities.plan(study: 6)).card()
        let a2 = try card.criterion("A2")
        #expect(a2.attainment == .notApplicable)
        #expect(a2.earnedTenths == 0)
        // Left out, the key counts as false, and the reason says it was not given: the template
        // leaves it commented out, so an inspector may have forgotten it.
        #expect(a2.reason.en == (line.isEmpty ? "does not apply: unit.party_branch is not given, so it counts as false"
                                              : "does not apply: unit.party_branch is not true"))
        #expect(a2.reason.zh == (line.isEmpty ? "不适用：未填写 unit.party_branch，按 false 计" : "不适用：unit.party_branch 不为 true"))
        // 3.5 + 5 + 3 + 2 = 13.5 of the 17 points that apply, rescaled to 22: 17.47, shown 17.5.
        let activities = try card.have("activities")
        #expect(activities.pointsTenths == 175)
        #expect(activities.status == .met)
        #expect(card.scoreTenths == 1000 - 220 + 175)
        // The action's gain is rescaled the same way: 3.5 × 22 / 17 = 4.53, shown 4.5.
        let a1 = try #require(card.actions.first { $0.criterionID == "A1" })
        #expect(a1.gainTenths == 45)
        #expect(!card.actions.contains { $0.criterionID == "A2" })
        // The scorecards say why the have's points are not the sum of its criteria's.
        let english = "Without A2, which does not apply, this have's other criteria earned 13.5 of their 17 points; scaled to its weight "
            + "of 22, that is 13.5 ÷ 17 × 22 ≈ 17.5. Each action's gain here is how much the have's scaled points would rise."
        let chinese = "因 A2 不适用，本项按其余细则计分，得 13.5 分（满分 17 分），折算到 22 分为 13.5 ÷ 17 × 22 ≈ 17.5。"
            + "各项整改的可得分，是整改后本项折算得分的增加值。"
        #expect(ScorecardFormat.text.render([card], standard: .builtIn, language: .en).contains("\n    " + english + "\n"))
        #expect(ScorecardFormat.text.render([card], standard: .builtIn, language: .zh).contains("\n    " + chinese + "\n"))
        #expect(ScorecardFormat.markdown.render([card], standard: .builtIn, language: .en).contains(" |\n\n" + english + "\n"))
        #expect(ScorecardFormat.markdown.render([card], standard: .builtIn, language: .zh).contains(" |\n\n" + chinese + "\n"))
        // Only the activities have leaves a criterion out; the others' points are their criteria's.
        #expect(ScorecardFormat.text.render([card], standard: .builtIn, language: .en).components(separatedBy: "scaled to its weight").count == 2)
    }

    @Test func partyLifeCountsWithAPartyBranch() throws {
        let card = try ChecklistText.base().settingActivities(Activities.plan(study: 6)).card()
        #expect(try card.criterion("A2").attainment == .full)
        // 3.5 + 5 + 5 + 3 + 2 = 18.5 of 22: no rescaling.
        #expect(try card.have("activities").pointsTenths == 185)
        let without = try ChecklistText.base().settingActivities(Activities.plan(partyLife: 0)).card()
        #expect(try without.criterion("A2").attainment == .none)
        #expect(try without.have("activities").pointsTenths == 170)
    }

    @Test func rescalingCanChangeAHavesStatus() throws {
        // No culture, fitness, briefing or visit: 7 + 3 = 10 of 17, rescaled 12.94 → 12.9 of 22,
        // under the 13.2 that 60% needs.
        let card = try ChecklistText.base()
            .replacing("  party_branch: true", with: "  party_branch: false")
            .settingActivities(Activities.plan(culture: 0, fitness: 0, briefing: 0, visit: 0))
            .card()
        let activities = try card.have("activities")
        #expect(activities.pointsTenths == 129)
        #expect(activities.status == .partial)
    }

    /// A have's own sentence, written as the scorecards write it.
    static func rescaling(_ have: HaveResult, _ language: Language, markdown: Bool = false) -> String {
        var out = StringOutput()
        ScorecardWords(language: language).writeRescaling(have, to: &out, markdown: markdown)
        return out.text
    }

    static func have(weight: Int, points: Int, _ criteria: [(id: String, max: Int, earned: Int?)]) -> HaveResult {
        HaveResult(id: "extra", label: .init(zh: "附加", en: "Extra"), weightTenths: weight, pointsTenths: points, status: .met,
                   criteria: criteria.map { criterion in
                       CriterionResult(id: criterion.id, label: .init(zh: criterion.id, en: criterion.id), maxTenths: criterion.max,
                                       earnedTenths: criterion.earned ?? 0, attainment: criterion.earned == nil ? .notApplicable : .half,
                                       essential: false, essentialPassed: true, reason: .init(zh: "", en: ""), keyPath: nil,
                                       value: nil, mark: nil, action: .init(zh: "", en: ""))
                   })
    }

    @Test func aHaveWithNoCriterionThatAppliesSaysItCountsInFull() {
        let have = Self.have(weight: 100, points: 100, [("X1", 50, nil), ("X_2", 50, nil)])
        #expect(Self.rescaling(have, .en) == "None of this have's criteria applies (X1 and X_2), so it counts at its full 10 points.")
        #expect(Self.rescaling(have, .zh) == "本项细则（X1、X_2）都不适用，按满分 10 分计。")
        // Ids come from a tailored standard: escaped in Markdown.
        #expect(Self.rescaling(have, .en, markdown: true).contains("(X1 and X\\_2)"))
    }

    /// A tailored standard's criteria may add up to more or less than their have's weight.
    @Test func aHaveWhoseCriteriaAddUpToAnotherTotalSaysHowItIsScaled() {
        let rounded = Self.have(weight: 220, points: 175, [("V1", 160, 95), ("V2", 160, 160)])
        #expect(Self.rescaling(rounded, .en) == "This have's criteria earned 25.5 of their 32 points; scaled to its weight of 22, that is "
                + "25.5 ÷ 32 × 22 ≈ 17.5. Each action's gain here is how much the have's scaled points would rise.")
        #expect(Self.rescaling(rounded, .zh) == "本项细则得 25.5 分（满分 32 分），折算到 22 分为 25.5 ÷ 32 × 22 ≈ 17.5。各项整改的可得分，是整改后本项折算得分的增加值。")
        // Nothing rounded away: "=", and at full points no word on gains.
        let exact = Self.have(weight: 220, points: 220, [("V1", 160, 160), ("V2", 160, 160)])
        #expect(Self.rescaling(exact, .en) == "This have's criteria earned 32 of their 32 points; scaled to its weight of 22, that is 32 ÷ 32 × 22 = 22.")
        // Points that add up to the weight need no sentence, even with a criterion left out.
        #expect(Self.rescaling(Self.have(weight: 100, points: 50, [("A", 100, 50), ("B", 30, nil)]), .en) == "")
        // One criterion left to count is "its", and one point a point.
        let single = Self.have(weight: 100, points: 0, [("X1", 10, 0), ("X2", 50, nil)])
        #expect(Self.rescaling(single, .en) == "Without X2, which does not apply, this have's other criterion earned 0 of its 1 point; "
                + "scaled to its weight of 10, that is 0 ÷ 1 × 10 = 0. Each action's gain here is how much the have's scaled points would rise.")
        // An id that would start a Markdown list stays inside the sentence.
        let listy = Self.have(weight: 220, points: 220, [("1.", 50, nil), ("A3", 100, 100)])
        #expect(Self.rescaling(listy, .en, markdown: true).hasPrefix("Without 1., which does not apply, "))
    }

    // MARK: - Essential criteria

    @Test func noVenueMakesTheVenueMissing() throws {
        let card = try ChecklistText.base()
            .withoutVenue()
            .card()
        let v1 = try card.criterion("V1")
        #expect(v1.essential)
        #expect(!v1.essentialPassed)
        let venue = try card.have("venue")
        // Without a venue there are no details to score (FH306 rejects them), so no venue points.
        #expect(venue.pointsTenths == 0)
        #expect(venue.status == .missing)
        #expect(card.scoreTenths == 780)
        #expect(card.grade == .nonCompliant)
    }

    @Test func noFundingMakesFundingMissingThoughB1EarnsPoints() throws {
        let card = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 0").card()
        #expect(try card.criterion("B1").earnedTenths == 50)
        let b2 = try card.criterion("B2")
        #expect(b2.attainment == .none)
        #expect(!b2.essentialPassed)
        let funding = try card.have("funding")
        #expect(funding.pointsTenths == 100)
        #expect(funding.status == .missing)
        #expect(card.scoreTenths == 920)
        #expect(card.grade == .nonCompliant)
    }

    @Test func anyAmountAboveZeroPassesTheEssentialBar() throws {
        // One yuan earns no B2 points but passes `essential_above: 0`: funding is partial, not missing.
        let card = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 1").card()
        let b2 = try card.criterion("B2")
        #expect(b2.earnedTenths == 0)
        #expect(b2.essentialPassed)
        #expect(try card.have("funding").status == .partial)
    }

    // MARK: - Grade edges

    /// 85 points, every have met: venue 15/22, equipment 15/20, rules 15/18.
    static func exactly85() throws -> ChecklistText {
        try ChecklistText.base()
            .removingLine("  signage: true").removingLine("  accessible: true").removingLine("  fire_safety: true")
            .removingLine("  - {item: fitness-equipment}")
            .removingLine("  - {item: chess}").removingLine("  - {item: cards}")
            .removingLine("  - {kind: study, title: 学习制度, adopted: 2020-01-10, posted: true}")
    }

    /// 84.9 points, every have met: activities rescaled to 19.4 without a party branch and without
    /// briefings or visits, venue 15/22, equipment 17/20, funding 15.5/18.
    static func exactly84point9() throws -> ChecklistText {
        try ChecklistText.base()
            .replacing("  party_branch: true", with: "  party_branch: false")
            .settingActivities(Activities.plan(briefing: 0, visit: 0))
            .removingLine("  signage: true").removingLine("  accessible: true").removingLine("  fire_safety: true")
            .removingLine("  - {item: fitness-equipment}")
            .replacing("  amount_yuan: 3000", with: "  amount_yuan: 2500")
    }

    /// Equipment with reading matter, study equipment and fitness equipment gone: 8/20, partial.
    static let partialEquipment = MeasureTests.recreation
        + ["air-conditioning", "water-dispenser", "first-aid-kit", "blood-pressure-monitor"]

    /// 70 points with one have partial (equipment 8/20); venue 15/22, rules 14/18, funding 11/18.
    static func exactly70OnePartial() throws -> ChecklistText {
        try ChecklistText.base()
            .settingEquipment(partialEquipment)
            .removingLine("  signage: true").removingLine("  accessible: true").removingLine("  fire_safety: true")
            .replacing(MeasureTests.venueRule, with: MeasureTests.venueRule.replacingOccurrences(of: "posted: true", with: "posted: false"))
            .removingLine(MeasureTests.emergencyRule)
            .removingLine("  budgeted: true").removingLine("  earmarked: true")
    }

    /// 70 points with two haves partial: venue 9/22 and equipment 8/20; funding 13/18.
    static func exactly70TwoPartial() throws -> ChecklistText {
        try ChecklistText.base()
            .settingEquipment(partialEquipment)
            .replacing("  area_m2: 60", with: "  area_m2: 10")
            .replacing("  open_hours_per_week: 30", with: "  open_hours_per_week: 2")
            .removingLine("  signage: true")
            .removingLine("  earmarked: true").removingLine("  accounts_disclosed: true")
    }

    @Test func exactly85WithAllMetIsCompliant() throws {
        let card = try Self.exactly85().card()
        #expect(card.scoreTenths == 850)
        #expect(card.haves.allSatisfy { $0.status == .met })
        #expect(card.grade == .compliant)
        #expect(card.nextGrade == nil)
        #expect(card.liftCriteria.isEmpty)
    }

    @Test func exactly84point9IsNotCompliant() throws {
        let card = try Self.exactly84point9().card()
        #expect(try card.have("activities").pointsTenths == 194)
        #expect(card.scoreTenths == 849)
        #expect(card.haves.allSatisfy { $0.status == .met })
        #expect(card.grade == .largelyCompliant)
        #expect(card.nextGrade == .compliant)
        #expect(card.liftCriteria.count == 1)
    }

    @Test func exactly70WithOnePartialIsLargelyCompliant() throws {
        let card = try Self.exactly70OnePartial().card()
        #expect(card.scoreTenths == 700)
        #expect(card.haves.map(\.status) == [.met, .partial, .met, .met, .met])
        #expect(card.haves.map(\.pointsTenths) == [150, 80, 140, 220, 110])
        #expect(card.grade == .largelyCompliant)
    }

    @Test func exactly70WithTwoPartialIsNonCompliant() throws {
        let card = try Self.exactly70TwoPartial().card()
        #expect(card.scoreTenths == 700)
        #expect(card.haves.map(\.status) == [.partial, .partial, .met, .met, .met])
        #expect(card.grade == .nonCompliant)
    }

    @Test func gradeRulesAtTheirBars() {
        let standard = Standard.builtIn
        let met = [HaveStatus](repeating: .met, count: 5)
        let onePartial: [HaveStatus] = [.met, .partial, .met, .met, .met]
        let twoPartial: [HaveStatus] = [.partial, .partial, .met, .met, .met]
        let oneMissing: [HaveStatus] = [.met, .missing, .met, .met, .met]
        #expect(Scorer.grade(total: 850, statuses: met, standard: standard) == .compliant)
        #expect(Scorer.grade(total: 849, statuses: met, standard: standard) == .largelyCompliant)
        #expect(Scorer.grade(total: 1000, statuses: onePartial, standard: standard) == .largelyCompliant)
        #expect(Scorer.grade(total: 700, statuses: onePartial, standard: standard) == .largelyCompliant)
        #expect(Scorer.grade(total: 699, statuses: met, standard: standard) == .nonCompliant)
        #expect(Scorer.grade(total: 1000, statuses: twoPartial, standard: standard) == .nonCompliant)
        #expect(Scorer.grade(total: 950, statuses: oneMissing, standard: standard) == .nonCompliant)
    }

    // MARK: - Applicability

    @Test(arguments: [(19, false), (20, true)])
    func unitsWithManyRetireesAreRequired(retirees: Int, required: Bool) throws {
        let card = try ChecklistText.base().replacing("    total: 20", with: "    total: \(retirees)").card()
        #expect(card.retirees == retirees)
        #expect(card.required == required)
        let text = ScorecardFormat.text.render([card], standard: .builtIn, language: .en)
        #expect(text.contains(required ? "required (\(retirees) retirees ≥ 20)"
                                       : "encouraged (\(retirees) retirees < 20; not in compliance rates)"))
    }

    /// With no retirees, attendance says why it has no share rather than that no activity records
    /// its participants; one retiree is counted in the singular.
    @Test func attendanceWithNoRetireesSaysWhy() throws {
        let none = try ChecklistText.base().replacing("    total: 20", with: "    total: 0").card(allowing: [.participantsExceedRetirees])
        let attendance = try #require(none.haves.flatMap(\.criteria).first { $0.id == "A4" })
        #expect(attendance.reason.en == "no retirees, so no share of them attends")
        let one = try ChecklistText.base().replacing("    total: 20", with: "    total: 1").card(allowing: [.participantsExceedRetirees])
        let text = ScorecardFormat.text.render([one], standard: .builtIn, language: .en)
        #expect(text.contains("encouraged (1 retiree < 20; not in compliance rates)"))
    }

    // MARK: - Rectification

    @Test func compliantUnitGetsRecommendationsWithoutDeadlines() throws {
        let card = try Self.exactly85().card()
        // Largest gain first; equal gains keep the standard's order.
        #expect(card.actions.map(\.criterionID) == ["V6", "E4", "R2", "V2", "V5", "E3"])
        #expect(card.actions.map(\.gainTenths) == [30, 30, 30, 20, 20, 20])
        #expect(card.actions.allSatisfy { $0.due == nil })
        #expect(card.planDue == nil)
        let text = ScorecardFormat.text.render([card], standard: .builtIn, language: .en)
        #expect(text.contains("1. +3 V6 Fire safety in order: Install extinguishers and exit signs and pass a fire-safety check (recommended)"))
    }

    @Test func largelyCompliantUnitFixesWithin90Days() throws {
        let card = try Self.exactly84point9().card()
        #expect(card.actions.map(\.criterionID) == ["V6", "E4", "A5", "B2", "V2", "V5"])
        #expect(card.actions.map(\.gainTenths) == [30, 30, 26, 25, 20, 20])
        // Inspected 2022-06-15: 90 days later.
        #expect(card.actions.allSatisfy { $0.due?.description == "2022-09-13" })
        #expect(card.planDue == nil)
    }

    @Test func nonCompliantUnitPlansWithin30AndFixesWithin180Days() throws {
        let card = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 0").card()
        #expect(card.grade == .nonCompliant)
        #expect(card.planDue?.description == "2022-07-15")
        #expect(card.actions.map(\.criterionID) == ["B2", "B3"])
        #expect(card.actions.allSatisfy { $0.due?.description == "2022-12-12" })
        // Restoring the amount alone fixes both, but B2 alone clears the essential bar.
        #expect(card.liftCriteria == ["B2"])
    }

    @Test func everyShortCriterionBecomesOneActionSortedByGain() throws {
        for card in try Self.bundledCards() {
            let short = card.haves.flatMap(\.criteria).filter { $0.attainment != .notApplicable && $0.earnedTenths < $0.maxTenths }
            #expect(Set(card.actions.map(\.criterionID)) == Set(short.map(\.id)), "\(card.unitID)")
            #expect(card.actions.count == short.count, "\(card.unitID)")
            let gains = card.actions.map(\.gainTenths)
            #expect(gains == gains.sorted(by: >), "\(card.unitID)")
            #expect(card.actions.allSatisfy { $0.gainTenths > 0 }, "\(card.unitID)")
        }
    }

    // MARK: - The fewest criteria that lift a unit

    /// The grade the unit would have with the criteria in `fixed` at full points, computed here
    /// from the criterion results alone, independently of the scorer's own arithmetic.
    static func grade(of card: Scorecard, fixing fixed: Set<String>, standard: Standard = .builtIn) -> Grade {
        var total = 0
        var partial = 0
        var missing = 0
        for have in card.haves {
            let applicable = have.criteria.filter { $0.attainment != .notApplicable }
            let possible = applicable.reduce(0) { $0 + $1.maxTenths }
            let earned = applicable.reduce(0) { $0 + (fixed.contains($1.id) ? $1.maxTenths : $1.earnedTenths) }
            let failed = applicable.contains { $0.essential && !$0.essentialPassed && !fixed.contains($0.id) }
            // Rounded half up to tenths.
            let points = possible == 0 ? have.weightTenths : (2 * earned * have.weightTenths + possible) / (2 * possible)
            total += points
            if failed || points == 0 {
                missing += 1
            } else if points * 100 < standard.metPercent * have.weightTenths {
                partial += 1
            }
        }
        func meets(_ rule: GradeRule) -> Bool {
            total >= rule.minScoreTenths && partial <= rule.maxPartial && missing <= rule.maxMissing
        }
        if meets(standard.compliant) { return .compliant }
        if meets(standard.largelyCompliant) { return .largelyCompliant }
        return .nonCompliant
    }

    /// Every subset of `items` with exactly `size` members.
    static func subsets(of items: [String], size: Int) -> [[String]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let first = items[0]
        let rest = Array(items.dropFirst())
        return subsets(of: rest, size: size - 1).map { [first] + $0 } + subsets(of: rest, size: size)
    }

    static func checkLiftIsMinimal(_ card: Scorecard) {
        #expect(grade(of: card, fixing: []) == card.grade, "\(card.unitID): the test's arithmetic disagrees with the scorer")
        guard let next = card.nextGrade else {
            #expect(card.liftCriteria.isEmpty)
            return
        }
        #expect(!card.liftCriteria.isEmpty, "\(card.unitID)")
        #expect(Set(card.liftCriteria).count == card.liftCriteria.count, "\(card.unitID)")
        #expect(grade(of: card, fixing: Set(card.liftCriteria)) >= next, "\(card.unitID): \(card.liftCriteria) does not lift it")
        let short = card.haves.flatMap(\.criteria)
            .filter { $0.attainment != .notApplicable && ($0.earnedTenths < $0.maxTenths || !$0.essentialPassed) }
            .map(\.id)
        #expect(Set(card.liftCriteria).isSubset(of: Set(short)), "\(card.unitID)")
        for size in 0..<card.liftCriteria.count {
            for subset in subsets(of: short, size: size) where grade(of: card, fixing: Set(subset)) >= next {
                Issue.record("\(card.unitID): \(subset) lifts it with fewer criteria than \(card.liftCriteria)")
                return
            }
        }
        // Largest gain first.
        let gains = Dictionary(card.actions.map { ($0.criterionID, $0.gainTenths) }, uniquingKeysWith: max)
        let liftGains = card.liftCriteria.map { gains[$0] ?? 0 }
        #expect(liftGains == liftGains.sorted(by: >), "\(card.unitID)")
    }

    @Test func liftCriteriaAreAMinimalSetForTheSamples() throws {
        let cards = try Self.bundledCards().filter { $0.nextGrade != nil }
        #expect(cards.count >= 8)
        for card in cards { Self.checkLiftIsMinimal(card) }
    }

    @Test func liftCriteriaAreAMinimalSetForEdgeCases() throws {
        let cards = [
            try Self.exactly84point9().card(),
            try Self.exactly70OnePartial().card(),
            try Self.exactly70TwoPartial().card(),
            try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 0").card(),
            try ChecklistText.base().withoutVenue().card(),
            try ChecklistText.base().settingEquipment([]).settingActivities([]).card(),
        ]
        for card in cards { Self.checkLiftIsMinimal(card) }
    }

    // MARK: - The built-in standard

    @Test func builtInStandardLoadsCleanAndSumsTo100() throws {
        let loaded = StandardLoader.load(Array(Standard.builtInYAML.utf8), file: StandardLoader.builtInName)
        #expect(loaded.diagnostics.isEmpty)
        let standard = try #require(loaded.standard)
        #expect(standard.label == "five-haves 2022.1")
        #expect(standard.haves.map(\.id) == ["venue", "equipment", "rules", "activities", "funding"])
        #expect(standard.haves.map(\.weightTenths) == [220, 200, 180, 220, 180])
        #expect(standard.haves.reduce(0) { $0 + $1.weightTenths } == 1000)
        for have in standard.haves {
            #expect(have.criteria.reduce(0) { $0 + $1.pointsTenths } == have.weightTenths, "\(have.id)")
        }
        #expect(standard.haves.flatMap(\.criteria).reduce(0) { $0 + $1.pointsTenths } == 1000)
        #expect(Standard.builtIn.label == standard.label)
        #expect(Standard.builtIn.haves.flatMap(\.criteria).map(\.id) == standard.haves.flatMap(\.criteria).map(\.id))
        #expect(standard.minRetirees == 20)
        #expect(standard.compliant.minScoreTenths == 850)
        #expect(standard.largelyCompliant.minScoreTenths == 700)
    }

    // MARK: - The bundled sample checklists

    /// The bundled checklists, validated and scored as `audit score checklists` does.
    static func bundledCards() throws -> [Scorecard] {
        let inputs = try InputDiscovery.files(in: [TestPaths.packageRoot.appendingPathComponent("checklists").path])
        let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
        for report in run.reports {
            #expect(!report.hasErrors, "\(report.path): \(report.diagnostics.map(\.code.rawValue))")
        }
        let scorer = Scorer(standard: .builtIn)
        return run.reports.compactMap(\.checklist).map(scorer.score)
    }

    /// `audit run`'s scorer writes the reasons of criteria met or not applicable in the run's
    /// language only; everything else, and every reason an action or a failed essential carries,
    /// is what the full scorer gives.
    @Test(arguments: Language.allCases)
    func aRunScoresReasonsInItsLanguageOnly(_ language: Language) throws {
        let inputs = try InputDiscovery.files(in: [TestPaths.packageRoot.appendingPathComponent("checklists").path])
        let checklists = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn)).reports.compactMap(\.checklist)
        let (full, single) = (Scorer(standard: .builtIn), Scorer(standard: .builtIn, onlyLanguage: language))
        var shortened = 0
        for checklist in checklists {
            let (expected, card) = (full.score(checklist), single.score(checklist))
            #expect(card.scoreTenths == expected.scoreTenths && card.grade == expected.grade)
            #expect(card.liftCriteria == expected.liftCriteria)
            #expect(card.actions.map { [$0.criterionID, $0.current.zh, $0.current.en] }
                    == expected.actions.map { [$0.criterionID, $0.current.zh, $0.current.en] })
            for (have, expectedHave) in zip(card.haves, expected.haves) {
                for (criterion, reference) in zip(have.criteria, expectedHave.criteria) {
                    #expect(criterion.reason.text(language) == reference.reason.text(language))
                    let other = criterion.reason.text(language == .zh ? .en : .zh)
                    if criterion.attainment == .full && !criterion.essential || criterion.attainment == .notApplicable {
                        #expect(other.isEmpty, "\(card.unitID) \(criterion.id)")
                        shortened += 1
                    } else {
                        #expect(other == reference.reason.text(language == .zh ? .en : .zh), "\(card.unitID) \(criterion.id)")
                    }
                }
            }
        }
        #expect(shortened > 100)
    }

    /// An action's gain is exactly how much the unit's score rises when that criterion is met,
    /// worked out here with plain decimal arithmetic (earned ÷ applicable × weight, rounded half
    /// up to a tenth), not by the scorer's own code.
    @Test func aGainIsTheRiseInTheScore() throws {
        func points(_ have: HaveResult, fixing id: String?) -> Int {
            let applying = have.criteria.filter { $0.attainment != .notApplicable }
            let applicable = applying.reduce(0) { $0 + $1.maxTenths }
            guard applicable > 0 else { return have.weightTenths }
            let earned = applying.reduce(0) { $0 + ($1.id == id ? $1.maxTenths : $1.earnedTenths) }
            let exact = Double(earned) / Double(applicable) * Double(have.weightTenths)
            return Int((exact + 0.5 + 1e-9).rounded(.down))
        }
        var checked = 0
        for card in try Self.bundledCards() {
            for action in card.actions {
                let have = try #require(card.haves.first { $0.id == action.haveID })
                #expect(action.gainTenths == points(have, fixing: action.criterionID) - points(have, fixing: nil),
                        "\(card.unitID) \(action.criterionID)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func everyBundledChecklistScores() throws {
        let cards = try Self.bundledCards()
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("checklists").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(cards.count == files.count)
        #expect(cards.count >= 10)
        for card in cards {
            #expect(card.standardID == "five-haves" && card.standardVersion == "2022.1")
            #expect(card.scoreTenths == card.haves.reduce(0) { $0 + $1.pointsTenths }, "\(card.unitID)")
            #expect((0...1000).contains(card.scoreTenths), "\(card.unitID)")
            #expect(card.haves.count == 5, "\(card.unitID)")
            for have in card.haves {
                #expect((0...have.weightTenths).contains(have.pointsTenths), "\(card.unitID) \(have.id)")
                for criterion in have.criteria {
                    #expect((0...criterion.maxTenths).contains(criterion.earnedTenths), "\(card.unitID) \(criterion.id)")
                }
            }
            #expect(card.required == (card.retirees >= 20), "\(card.unitID)")
        }
    }

    @Test func samplesShowEveryGradeAndEveryHaveStatus() throws {
        let cards = try Self.bundledCards()
        #expect(Set(cards.map(\.grade)) == Set(Grade.allCases))
        #expect(Set(cards.flatMap { $0.haves.map(\.status) }) == Set(HaveStatus.allCases))
        #expect(Set(cards.map(\.required)) == [true, false])
    }

    @Test func scoringIsDeterministic() throws {
        let first = try Self.bundledCards()
        let second = try Self.bundledCards()
        for format in ScorecardFormat.allCases {
            for language in Language.allCases {
                #expect(format.render(first, standard: .builtIn, language: language)
                        == format.render(second, standard: .builtIn, language: language))
            }
        }
    }
}
