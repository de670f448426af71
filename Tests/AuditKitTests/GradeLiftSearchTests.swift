import Testing
@testable import AuditKit

/// The bit-mask search for the fewest criteria that lift a unit gives exactly the answer of the
/// search over lists of ids, on many made-up scorecards under the built-in standard, a stricter
/// and a more lenient variant, and one with a have of many criteria (ties, essentials that fail, criteria that do not apply).
@Suite struct GradeLiftSearchTests {
    /// A small deterministic generator, so a failure names a reproducible case.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func card(_ standard: Standard, _ random: inout Generator) -> Scorecard {
        var haves: [HaveResult] = []
        var actions: [RectificationAction] = []
        for have in standard.haves {
            var criteria: [CriterionResult] = []
            for criterion in have.criteria {
                let roll = random.next(10)
                let attainment: Attainment = roll < 4 ? .full : roll < 6 ? .half : roll < 9 ? .none : .notApplicable
                let earned = attainment == .full ? criterion.pointsTenths
                    : attainment == .half ? (criterion.pointsTenths + 1) / 2 : 0
                let passed = !criterion.essential || (earned > 0 && random.next(5) > 0)
                criteria.append(CriterionResult(
                    id: criterion.id, label: criterion.label, maxTenths: criterion.pointsTenths, earnedTenths: earned,
                    attainment: attainment, essential: criterion.essential, essentialPassed: passed,
                    reason: .init(zh: "", en: ""), keyPath: nil, value: nil, mark: nil, action: criterion.action))
                if attainment != .notApplicable, earned < criterion.pointsTenths {
                    actions.append(RectificationAction(haveID: have.id, criterionID: criterion.id, label: criterion.label,
                                                       current: .init(zh: "", en: ""), action: criterion.action,
                                                       gainTenths: random.next(4) * 5, due: nil))
                }
            }
            haves.append(HaveScoring.result(have, criteria: criteria, metPercent: standard.metPercent))
        }
        actions.sort { $0.gainTenths > $1.gainTenths }
        let total = haves.reduce(0) { $0 + $1.pointsTenths }
        let grade = Scorer.grade(total: total, statuses: haves.map(\.status), standard: standard)
        return Scorecard(unitID: "u", name: "u", category: "other", township: nil, retirees: 30, required: true,
                         file: "u.yaml", inspectionDate: CalendarDate(year: 2022, month: 6, day: 1)!, round: nil,
                         standardID: standard.id, standardVersion: standard.version, scoreTenths: total, grade: grade,
                         haves: haves, actions: actions, planDue: nil, nextGrade: grade.next, liftCriteria: [])
    }

    @Test func bitMaskSearchMatchesTheListSearch() {
        var strict = Standard.builtIn
        strict.compliant = GradeRule(minScoreTenths: 950, maxPartial: 0, maxMissing: 0)
        strict.largelyCompliant = GradeRule(minScoreTenths: 800, maxPartial: 0, maxMissing: 0)
        // One that lets a largely compliant unit miss a have and lack two, so the search keeps
        // states with missing haves too.
        var lenient = Standard.builtIn
        lenient.compliant = GradeRule(minScoreTenths: 800, maxPartial: 1, maxMissing: 0)
        lenient.largelyCompliant = GradeRule(minScoreTenths: 500, maxPartial: 2, maxMissing: 1)
        // And one whose first have has more than twelve criteria, of which the search fixes only
        // the first twelve short ones, and a second have worth nothing.
        var wide = Standard.builtIn
        let spare = wide.haves.flatMap(\.criteria)
        wide.haves[0].criteria += (0..<16).map { index in
            let model = spare[index % spare.count]
            return Criterion(id: "W\(index)", label: model.label, pointsTenths: model.pointsTenths, measure: model.measure,
                             essential: index % 5 == 0, essentialAbove: nil, appliesWhen: nil, source: model.source,
                             action: model.action, mark: model.mark)
        }
        wide.haves[1].weightTenths = 0
        var random = Generator(state: 42)
        var compared = 0
        var lifted = 0
        var beyondTwelve = 0
        // The list search takes a while on a have of many criteria: fewer cards of that one.
        for (standard, cards) in [(Standard.builtIn, 1500), (strict, 1500), (lenient, 1500), (wide, 120)] {
            let lift = GradeLift(standard: standard)
            for index in 0..<cards {
                var card = Self.card(standard, &random)
                // Every tenth card lacks a criterion, so it does not list the standard's criteria
                // in the standard's order, which the search otherwise takes from the standard.
                if index % 10 == 0 { card.haves[0].criteria.removeLast() }
                // Every seventh lists its actions smallest gain first, which scoring never does:
                // the answer cannot then be read off them.
                if index % 7 == 0 { card.actions.reverse() }
                let short = card.haves[0].criteria.filter { $0.attainment != .notApplicable && ($0.earnedTenths < $0.maxTenths || !$0.essentialPassed) }
                if short.count > 12 { beyondTwelve += 1 }
                for target in Grade.allCases where target > card.grade {
                    let fast = lift.fewestCriteria(for: card, to: target)
                    let reference = lift.fewestCriteriaByLists(for: card, to: target)
                    #expect(fast == reference, "\(card.haves.map { $0.criteria.map { "\($0.id):\($0.earnedTenths)/\($0.maxTenths)\($0.essentialPassed ? "" : "!")" } })")
                    compared += 1
                    if !fast.isEmpty { lifted += 1 }
                }
            }
        }
        #expect(compared > 3000)
        #expect(lifted > 800)
        #expect(beyondTwelve > 20)
    }
}
