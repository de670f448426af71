/// Finds the fewest criteria whose fixing lifts a unit to a higher grade.
///
/// Haves are independent of each other, so each have's subsets of short criteria are enumerated on
/// their own (a have has a handful), keeping for every (number fixed, resulting status) the best
/// points. A small dynamic programme then combines the five haves over (criteria fixed, partial
/// haves, missing haves), and the cheapest state that meets the target grade wins.
struct GradeLift {
    let standard: Standard

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

    func fewestCriteria(for card: Scorecard, to target: Grade) -> [String] {
        let rule = target == .compliant ? standard.compliant : standard.largelyCompliant
        var states: [State: (total: Int, fixed: [String])] = [State(count: 0, partial: 0, missing: 0): (0, [])]
        for have in card.haves {
            let options = self.options(for: have)
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
        let gains = Dictionary(card.actions.map { ($0.criterionID, $0.gainTenths) }, uniquingKeysWith: max)
        let order = card.actions.map(\.criterionID)
        return best.value.fixed.sorted { lhs, rhs in
            let (a, b) = (gains[lhs] ?? 0, gains[rhs] ?? 0)
            return a != b ? a > b : (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// More points wins; equal points go to the earlier criteria, so the answer never depends on
    /// the order a dictionary happens to iterate in.
    private static func better(_ a: (total: Int, fixed: [String]), than b: (total: Int, fixed: [String])) -> Bool {
        a.total != b.total ? a.total > b.total : a.fixed.lexicographicallyPrecedes(b.fixed)
    }

    /// For each number of criteria fixed and each resulting status, the subset with the most points.
    private func options(for have: HaveResult) -> [Option] {
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
