extension Standard {
    /// SHA-256 of what decides scores under this standard (bars, deadlines, weights, criteria and
    /// their measures), not of its wording: two counties whose tailored standards share an id and
    /// version but score differently are told apart by it, while a corrected label or source, or a
    /// later version of this tool, leaves it unchanged. Summaries carry it, and baselines and
    /// rollups compare it.
    public var scoringDigest: String {
        var lines = ["five-haves scoring digest 1",
                     "min_retirees \(minRetirees)", "met_percent \(metPercent)",
                     "compliant \(compliant.minScoreTenths) \(compliant.maxPartial) \(compliant.maxMissing)",
                     "largely_compliant \(largelyCompliant.minScoreTenths) \(largelyCompliant.maxPartial) \(largelyCompliant.maxMissing)",
                     "deadlines \(deadlines.largelyCompliantFixDays) \(deadlines.nonCompliantPlanDays) \(deadlines.nonCompliantFixDays)"]
        for have in haves {
            lines.append("have \(have.id) \(have.weightTenths)")
            for criterion in have.criteria {
                let above = criterion.essentialAbove.map(Value.format) ?? "-"
                let applies = criterion.appliesWhen.map { "\($0.field)=\($0.equals)" } ?? "-"
                lines.append("criterion \(criterion.id) \(criterion.pointsTenths) essential=\(criterion.essential) above=\(above) "
                             + "applies=\(applies) \(Self.digestLine(criterion.measure))")
            }
        }
        return SHA256.hex(of: Array(lines.joined(separator: "\n").utf8))
    }

    private static func digestLine(_ measure: Measure) -> String {
        func number(_ value: Double?) -> String { value.map(Value.format) ?? "-" }
        func count(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        func list(_ values: [String]?) -> String { values?.joined(separator: ",") ?? "-" }
        switch measure {
        case .flag(let field, let values): return "flag \(field) \(list(values))"
        case .threshold(let field, let full, let half): return "threshold \(field) \(number(full)) \(number(half))"
        case .equipment(let slots, let full, let half):
            return "equipment \(slots.map { $0.joined(separator: "|") }.joined(separator: ",")) \(full) \(count(half))"
        case .rules(let kinds, let full, let half, let posted, let years):
            return "rules \(list(kinds)) \(full) \(count(half)) \(posted) \(count(years))"
        case .activities(let kinds, let months, let full, let half): return "activities \(list(kinds)) \(months) \(full) \(count(half))"
        case .attendance(let kinds, let months, let full, let half):
            return "attendance \(list(kinds)) \(months) \(number(full)) \(number(half))"
        case .perCapita(let field, let full, let half): return "per_capita \(field) \(number(full)) \(number(half))"
        }
    }
}
