/// Finds the fewest criteria whose fixing lifts a unit to a higher grade.
///
/// Haves are independent of each other, so each have's subsets of short criteria are enumerated on
/// their own (a have has a handful), keeping for every (number fixed, resulting status) the best
/// points. A small dynamic programme then combines the five haves over (criteria fixed, partial
/// haves, missing haves), and the cheapest state that meets the target grade wins.
///
/// A set of fixed criteria is a bit mask over the scorecard's criteria in have-then-criterion
/// order; two sets of equal points are told apart by comparing their ids in that order. The answer
/// lists its criteria largest gain first, as the card's actions are listed. Cards with more than
/// 64 criteria, or with an id used twice, take the same search over
/// arrays of ids (`fewestCriteriaByLists`), which gives the same answer, only slower.
struct GradeLift: Sendable {
    let standard: Standard
    /// The standard's criteria, which every card scored against it lists in the same order:
    /// worked out once, not for every card.
    private let standardLayout: Layout

    /// Criterion ids in have-then-criterion order, where each id sorts among them (so comparing
    /// ranks compares ids), and whether the bit-mask search can take them: at most 64, none used
    /// twice.
    private struct Layout: Sendable {
        let ids: [String]
        let rank: [Int]
        let fitsMasks: Bool
        /// Where each id is in `ids` (the first place, when one is used twice).
        private let positions: [String: Int]

        /// The place of `id` in `ids`, which is its bit in a mask.
        func position(of id: String) -> Int? { positions[id] }

        init(_ haves: [[String]]) {
            let ids = haves.flatMap { $0 }
            self.ids = ids
            let sortedPositions = ids.indices.sorted { ids[$0] < ids[$1] }
            var rank = [Int](repeating: 0, count: ids.count)
            for (order, position) in sortedPositions.enumerated() { rank[position] = order }
            self.rank = rank
            fitsMasks = ids.count <= 64 && Set(ids).count == ids.count
            positions = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    init(standard: Standard) {
        self.standard = standard
        standardLayout = Layout(standard.haves.map { $0.criteria.map(\.id) })
    }

    /// Whether `card` lists exactly the standard's criteria, in its order.
    private func hasStandardLayout(_ card: Scorecard) -> Bool {
        let ids = standardLayout.ids
        var position = 0
        for have in card.haves {
            for criterion in have.criteria {
                guard position < ids.count, ids[position] == criterion.id else { return false }
                position += 1
            }
        }
        return position == ids.count
    }

    func fewestCriteria(for card: Scorecard, to target: Grade) -> [String] {
        let layout = hasStandardLayout(card) ? standardLayout : Layout(card.haves.map { $0.criteria.map(\.id) })
        guard layout.fitsMasks else { return fewestCriteriaByLists(for: card, to: target) }
        let (ids, rank) = (layout.ids, layout.rank)

        let rule = target == .compliant ? standard.compliant : standard.largelyCompliant
        let haveCount = card.haves.count
        typealias State = (count: Int, partial: Int, missing: Int, total: Int, fixed: UInt64)
        func key(_ count: Int, _ partial: Int, _ missing: Int) -> Int { (count * (haveCount + 1) + partial) * (haveCount + 1) + missing }
        // The states reached so far, and for each key where its state sits in `next` (-1: none).
        var states: [State] = [(0, 0, 0, 0, 0)]
        var slots = [Int](repeating: -1, count: (ids.count + 1) * (haveCount + 1) * (haveCount + 1))
        // Each have's options, and the most points the haves after it can add.
        var offset = 0
        let haveOptions = card.haves.map { have in
            defer { offset += have.criteria.count }
            return options(for: have, offset: offset)
        }
        var mostToCome = [Int](repeating: 0, count: haveCount + 1)
        for index in haveOptions.indices.reversed() {
            mostToCome[index] = mostToCome[index + 1] + haveOptions[index].reduce(0) { max($0, $1.points) }
        }
        // A have adds partial and missing haves, never takes any away, and adds at most its best
        // option's points: a state past the rule's partial or missing haves, or too far below its
        // score to reach it with the best of every have still to come, can never meet the rule,
        // nor can any state grown from it. Dropping such states leaves the answer as it was (each
        // slot that can still win keeps the same best state) and the search a fraction of its size.
        for (haveIndex, options) in haveOptions.enumerated() {
            let pointsToCome = mostToCome[haveIndex + 1]
            var next: [State] = []
            next.reserveCapacity(states.count * options.count)
            for state in states {
                for option in options {
                    let count = state.count + option.count
                    let partial = state.partial + (option.status == .partial ? 1 : 0)
                    let missing = state.missing + (option.status == .missing ? 1 : 0)
                    let total = state.total + option.points
                    guard partial <= rule.maxPartial, missing <= rule.maxMissing,
                          total + pointsToCome >= rule.minScoreTenths else { continue }
                    let candidate: State = (count, partial, missing, total, state.fixed | option.fixed)
                    let slot = key(count, partial, missing)
                    let at = slots[slot]
                    if at < 0 {
                        slots[slot] = next.count
                        next.append(candidate)
                    } else if Self.better(candidate.total, candidate.fixed, than: next[at].total, next[at].fixed, rank: rank) {
                        next[at] = candidate
                    }
                }
            }
            for state in next { slots[key(state.count, state.partial, state.missing)] = -1 }
            states = next
        }
        var best: State?
        for state in states
        where state.total >= rule.minScoreTenths && state.partial <= rule.maxPartial && state.missing <= rule.maxMissing {
            guard let current = best else { best = state; continue }
            if state.count != current.count ? state.count < current.count
                : Self.better(state.total, state.fixed, than: current.total, current.fixed, rank: rank) {
                best = state
            }
        }
        guard let best else { return [] }
        // Every criterion fixed is short, so an action of the card, and the actions are already in
        // the order the answer takes (largest gain first, then as the card lists them): the
        // answer is the actions whose criteria are fixed, unless the card's actions are not
        // those scoring makes.
        var fromActions: [String] = []
        var found: UInt64 = 0
        for action in card.actions {
            guard let position = layout.position(of: action.criterionID), best.fixed & (1 << UInt64(position)) != 0,
                  found & (1 << UInt64(position)) == 0 else { continue }
            found |= 1 << UInt64(position)
            fromActions.append(action.criterionID)
        }
        if found == best.fixed && Self.isRanked(card.actions) { return fromActions }
        let fixed = ids.indices.filter { best.fixed & (1 << UInt64($0)) != 0 }.map { ids[$0] }
        return Self.ordered(fixed, card: card)
    }

    /// Whether `actions` run from the largest gain down, as scoring lists them.
    private static func isRanked(_ actions: [RectificationAction]) -> Bool {
        actions.indices.dropFirst().allSatisfy { actions[$0 - 1].gainTenths >= actions[$0].gainTenths }
    }

    /// The fixed criteria, largest gain first, then in the order of the card's actions.
    private static func ordered(_ fixed: [String], card: Scorecard) -> [String] {
        let gains = Dictionary(card.actions.map { ($0.criterionID, $0.gainTenths) }, uniquingKeysWith: max)
        let order = card.actions.map(\.criterionID)
        return fixed.sorted { lhs, rhs in
            let (a, b) = (gains[lhs] ?? 0, gains[rhs] ?? 0)
            return a != b ? a > b : (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// More points wins; equal points go to the earlier criteria (the list of ids that sorts
    /// first), so the answer never depends on the order a dictionary happens to iterate in.
    private static func better(_ total: Int, _ fixed: UInt64, than otherTotal: Int, _ otherFixed: UInt64, rank: [Int]) -> Bool {
        if total != otherTotal { return total > otherTotal }
        var a = fixed
        var b = otherFixed
        while a != 0, b != 0 {
            let (rankA, rankB) = (rank[a.trailingZeroBitCount], rank[b.trailingZeroBitCount])
            if rankA != rankB { return rankA < rankB }
            a &= a - 1
            b &= b - 1
        }
        return a == 0 && b != 0
    }

    /// For each number of criteria fixed and each resulting status, the subset with the most points
    /// (the first one met, counting subsets up as binary numbers, on a tie), as a mask over the
    /// card's criteria starting at `offset`.
    ///
    /// The have's arithmetic (`HaveScoring.evaluate`) is taken apart once: fixing a criterion adds
    /// what it falls short by to the points earned, and clears it if it is an essential that
    /// failed. So each subset's points come from the subset without its lowest criterion plus that
    /// one's shortfall, a step per subset rather than a pass over the have's criteria.
    private func options(for have: HaveResult, offset: Int) -> [(count: Int, status: HaveStatus, points: Int, fixed: UInt64)] {
        // The first twelve short criteria, which the search may fix: where they are in the have,
        // and what each falls short by. On the stack, as every card searches several haves.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 24) { scratch in
            options(for: have, offset: offset, short: UnsafeMutableBufferPointer(rebasing: scratch[0..<12]),
                    shortfall: UnsafeMutableBufferPointer(rebasing: scratch[12..<24]))
        }
    }

    private func options(for have: HaveResult, offset: Int, short: UnsafeMutableBufferPointer<Int>,
                         shortfall: UnsafeMutableBufferPointer<Int>) -> [(count: Int, status: HaveStatus, points: Int, fixed: UInt64)] {
        var applicable = 0
        var earned = 0
        var shortCount = 0
        // As bits over the short criteria, the essentials among them that failed.
        var failing = 0
        // An essential that failed beyond those twelve, which no subset fixes.
        var failsRegardless = false
        for (index, criterion) in have.criteria.enumerated() where criterion.attainment != .notApplicable {
            applicable += criterion.maxTenths
            earned += criterion.earnedTenths
            let failsEssential = criterion.essential && !criterion.essentialPassed
            guard criterion.earnedTenths < criterion.maxTenths || !criterion.essentialPassed else { continue }
            if shortCount < 12 {
                if failsEssential { failing |= 1 << shortCount }
                short[shortCount] = index
                shortfall[shortCount] = criterion.maxTenths - criterion.earnedTenths
                shortCount += 1
            } else if failsEssential {
                failsRegardless = true
            }
        }
        let (weight, metPercent) = (have.weightTenths, standard.metPercent)
        var best: [(count: Int, status: HaveStatus, points: Int, fixed: UInt64)?] =
            Array(repeating: nil, count: (shortCount + 1) * 3)
        // The points each subset adds, and its mask over the card's criteria, built from smaller
        // ones: on the stack too.
        let subsets = 1 << shortCount
        withUnsafeTemporaryAllocation(of: (added: Int, fixed: UInt64).self, capacity: subsets) { built in
            built[0] = (0, 0)
            for mask in 0..<subsets {
                if mask > 0 {
                    let (lowest, smaller) = (mask.trailingZeroBitCount, built[mask & (mask - 1)])
                    built[mask] = (smaller.added + shortfall[lowest], smaller.fixed | 1 << UInt64(short[lowest]))
                }
                let added = built[mask].added
                let points = applicable == 0 ? weight : Score.scaled(earned + added, by: weight, over: applicable)
                let status: HaveStatus
                if failsRegardless || failing & ~mask != 0 || points == 0 {
                    status = .missing
                } else if points * 100 >= metPercent * weight {
                    status = .met
                } else {
                    status = .partial
                }
                let count = mask.nonzeroBitCount
                let slot = count * 3 + (status == .met ? 0 : status == .partial ? 1 : 2)
                if let existing = best[slot], existing.points >= points { continue }
                best[slot] = (count, status, points, built[mask].fixed << UInt64(offset))
            }
        }
        // Made at its size: grown option by option it was reallocated two or three times a have.
        var options: [(count: Int, status: HaveStatus, points: Int, fixed: UInt64)] = []
        options.reserveCapacity(best.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
        for option in best { if let option { options.append(option) } }
        return options
    }

    // MARK: - The same search over lists of ids

    private struct Option {
        var points: Int
        var status: HaveStatus
        var fixed: [String]
    }

    private struct State: Hashable {
        var count: Int
        var partial: Int
        var missing: Int
    }

    /// The answer by the search over arrays of ids: for any card, and as the reference the bit-mask
    /// search is tested against.
    func fewestCriteriaByLists(for card: Scorecard, to target: Grade) -> [String] {
        let rule = target == .compliant ? standard.compliant : standard.largelyCompliant
        var states: [State: (total: Int, fixed: [String])] = [State(count: 0, partial: 0, missing: 0): (0, [])]
        for have in card.haves {
            let options = self.listOptions(for: have)
            var next: [State: (total: Int, fixed: [String])] = [:]
            for (state, best) in states {
                for option in options {
                    let key = State(count: state.count + option.fixed.count,
                                    partial: state.partial + (option.status == .partial ? 1 : 0),
                                    missing: state.missing + (option.status == .missing ? 1 : 0))
                    let candidate = (total: best.total + option.points, fixed: best.fixed + option.fixed)
                    if let existing = next[key], !Self.better(candidate, than: existing) { continue }
                    next[key] = candidate
                }
            }
            states = next
        }
        let winners = states.filter { state, best in
            best.total >= rule.minScoreTenths && state.partial <= rule.maxPartial && state.missing <= rule.maxMissing
        }
        guard let best = winners.min(by: { lhs, rhs in
            lhs.key.count != rhs.key.count ? lhs.key.count < rhs.key.count : Self.better(lhs.value, than: rhs.value)
        }) else { return [] }
        return Self.ordered(best.value.fixed, card: card)
    }

    private static func better(_ a: (total: Int, fixed: [String]), than b: (total: Int, fixed: [String])) -> Bool {
        a.total != b.total ? a.total > b.total : a.fixed.lexicographicallyPrecedes(b.fixed)
    }

    private func listOptions(for have: HaveResult) -> [Option] {
        let short = have.criteria.filter { $0.attainment != .notApplicable && ($0.earnedTenths < $0.maxTenths || !$0.essentialPassed) }
            .map(\.id)
        let limited = Array(short.prefix(12))
        var best: [String: Option] = [:]
        for mask in 0..<(1 << limited.count) {
            let fixed = limited.indices.filter { mask & (1 << $0) != 0 }.map { limited[$0] }
            let (points, status) = HaveScoring.evaluate(weight: have.weightTenths, criteria: have.criteria,
                                                        fixed: Set(fixed), metPercent: standard.metPercent)
            let key = "\(fixed.count)-\(status.rawValue)"
            if let existing = best[key], existing.points >= points { continue }
            best[key] = Option(points: points, status: status, fixed: fixed)
        }
        return best.values.sorted { ($0.fixed.count, $0.points) < ($1.fixed.count, $1.points) }
    }
}
