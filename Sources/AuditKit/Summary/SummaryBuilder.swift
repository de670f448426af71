/// Builds the summary document from scored units, invalid checklists and, optionally, a baseline.
public struct SummaryBuilder: Sendable {
    /// The standard the units were scored under.
    public let standard: Standard

    /// Creates a builder.
    public init(standard: Standard) {
        self.standard = standard
    }

    /// The default title: the standard's title and the rounds inspected.
    public static func defaultTitle(standard: Standard, rounds: [String], language: Language) -> String {
        switch language {
        case .zh: return "\(standard.title.zh)检查汇总" + (rounds.isEmpty ? "" : "（\(rounds.joined(separator: "、"))）")
        case .en: return "\(standard.title.en): summary" + (rounds.isEmpty ? "" : " (\(rounds.joined(separator: ", ")))")
        }
    }

    /// The summary of one run.
    public func build(run: ValidationRun, cards: [Scorecard], title: String?, region: String? = nil,
                      language: Language, baseline: SummaryDocument? = nil) -> SummaryDocument {
        let units = cards.map(facts)
        let order = Self.rankOrder(units.map(\.row))
        let byUnit = Dictionary(cards.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        let actions = order.flatMap { index in
            let row = units[index].row
            return (byUnit[row.unitID]?.actions ?? []).map { Self.actionRow($0, unit: row) }
        }
        return build(run: run, units: units, order: order, rectifications: actions, title: title, region: region,
                     language: language, baseline: baseline)
    }

    /// The summary from what each unit contributes (`units`, ranked by `order`), listing
    /// `rectifications` (empty when `audit run` streams them from its spool instead).
    func build(run: ValidationRun, units: [UnitFacts], order: [Int], rectifications: [SummaryDocument.ActionRow],
               title: String?, region: String?, language: Language, baseline: SummaryDocument?) -> SummaryDocument {
        let rounds = Array(Set(units.compactMap(\.round))).sorted()
        var ranked = order.map { units[$0].row }
        Self.assignRanks(&ranked)
        let invalidReports = run.invalidReports
        let invalid = invalidReports.map { report in
            SummaryDocument.InvalidRow(path: report.path, diagnostics: report.diagnostics.map(Self.diagnosticRow))
        }
        var document = SummaryDocument(
            tool: .init(name: ToolInfo.name, version: ToolInfo.version),
            title: title ?? Self.defaultTitle(standard: standard, rounds: rounds, language: language),
            region: region,
            standard: .init(id: standard.id, version: standard.version, title: standard.title,
                           haves: standard.haves.map { .init(id: $0.id, label: $0.label, weight: Double($0.weightTenths) / 10) },
                           sha256: standard.scoringDigest),
            asOf: units.map(\.inspectionDate).max()?.description,
            rounds: rounds,
            // Each report's parts read in place: asking a report for its unit id or validity
            // copies it whole.
            inputs: run.reports.indices.map { index in
                let valid = !FileReport.hasErrors(run.reports[index].diagnostics)
                return .init(path: run.reports[index].input.path, unitID: valid ? run.reports[index].claimedUnitID : nil,
                             sha256: run.reports[index].sha256, valid: valid, region: nil)
            },
            figures: Self.figures(ranked, haveIDs: standard.haves.map(\.id), invalid: invalid.count),
            units: ranked,
            byRegion: [],
            byTownship: Self.groups(ranked, language: language) { $0.township },
            byCategory: Self.groups(ranked, language: language, order: NameOrder.categoryPrecedes) { $0.category },
            mostMissed: mostMissed(units),
            rectifications: rectifications,
            invalid: invalid,
            changes: nil)
        if let baseline {
            // The units of this round's invalid checklists: the id each claims when it could be
            // read that far; else the baseline's unit read from the same path, or the unit the
            // file is named after (a file that no longer parses claims nothing).
            var invalidNow = Set(invalidReports.compactMap(\.claimedUnitID))
            let invalidPaths = Set(invalidReports.map(\.path))
            for input in baseline.inputs where invalidPaths.contains(input.path) {
                if let id = input.unitID { invalidNow.insert(id) }
            }
            for report in invalidReports where report.claimedUnitID == nil {
                invalidNow.insert(ConsistencyChecks.unitID(namedBy: report.path))
            }
            document.changes = Self.changes(from: baseline, to: document, invalidNow: invalidNow)
        }
        return document
    }

    /// What the summary needs of one scorecard.
    func facts(_ card: Scorecard) -> UnitFacts {
        var shortfalls: [UInt8] = []
        for have in standard.haves {
            let result = card.haves.firstIndex { $0.id == have.id }.map { card.haves[$0].criteria }
            for criterion in have.criteria {
                guard let results = result, let index = results.firstIndex(where: { $0.id == criterion.id }),
                      results[index].attainment != .notApplicable else { shortfalls.append(0); continue }
                shortfalls.append(results[index].earnedTenths < results[index].maxTenths ? 2 : 1)
            }
        }
        return UnitFacts(row: row(card), inspectionDate: card.inspectionDate, round: card.round, shortfalls: shortfalls)
    }

    /// A rectification action as the summary lists it.
    static func actionRow(_ action: RectificationAction, unit: SummaryDocument.UnitRow) -> SummaryDocument.ActionRow {
        SummaryDocument.ActionRow(unitID: unit.unitID, unitName: unit.name, have: action.haveID, criterion: action.criterionID,
                                  label: action.label, current: action.current, action: action.action,
                                  gain: Double(action.gainTenths) / 10, due: action.due?.description)
    }

    // MARK: - Pieces shared with rollups

    /// Units sorted by score (highest first, then id), ranked with ties sharing a rank.
    static func rank(_ rows: [SummaryDocument.UnitRow]) -> [SummaryDocument.UnitRow] {
        rank(rows, order: rankOrder(rows))
    }

    /// The indices of `rows` in rank order: by score (highest first), then region and id.
    static func rankOrder(_ rows: [SummaryDocument.UnitRow]) -> [Int] {
        rankOrder(scores: rows.map(\.score), regions: rows.map { $0.region ?? "" }, ids: rows.map(\.unitID))
    }

    /// The rank order of units' facts.
    static func rankOrder(_ units: [UnitFacts]) -> [Int] {
        rankOrder(scores: units.map(\.row.score), regions: units.map { $0.row.region ?? "" }, ids: units.map(\.row.unitID))
    }

    /// The keys side by side, so that comparing two units copies no rows.
    private static func rankOrder(scores: [Double], regions: [String], ids: [String]) -> [Int] {
        scores.indices.sorted { left, right in
            scores[left] != scores[right] ? scores[left] > scores[right]
                : (regions[left], ids[left]) < (regions[right], ids[right])
        }
    }

    /// `rows` in `order`, ranked with ties sharing a rank.
    static func rank(_ rows: [SummaryDocument.UnitRow], order: [Int]) -> [SummaryDocument.UnitRow] {
        var result = order.map { rows[$0] }
        assignRanks(&result)
        return result
    }

    /// Numbers rows already in rank order, ties sharing a rank.
    static func assignRanks(_ rows: inout [SummaryDocument.UnitRow]) {
        for index in rows.indices {
            rows[index].rank = index > 0 && rows[index - 1].score == rows[index].score ? rows[index - 1].rank : index + 1
        }
    }

    static func share(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) / Double(whole) * 10000).rounded() / 10000
    }

    static func mean(_ values: [Double]) -> Double {
        mean(sum: values.reduce(0, +), count: values.count)
    }

    /// The mean of `count` values adding up to `sum`, to one decimal; 0 for none.
    static func mean(sum: Double, count: Int) -> Double {
        count == 0 ? 0 : (sum / Double(count) * 10).rounded() / 10
    }

    /// The headline figures of `units`.
    static func figures(_ units: [SummaryDocument.UnitRow], haveIDs: [String], invalid: Int) -> SummaryDocument.Figures {
        // Counted in place and in one pass: a province's rows are neither copied into filtered
        // arrays nor read a dozen times over.
        var (required, compliant, largely) = (0, 0, 0)
        var met = [Int](repeating: 0, count: haveIDs.count)
        var gradeCounts: [Grade: Int] = [:]
        var scoreSum = 0.0
        for index in units.indices {
            let grade = Grade(rawValue: units[index].grade)
            if let grade { gradeCounts[grade, default: 0] += 1 }
            if units[index].required {
                required += 1
                if grade == .compliant { compliant += 1 }
                if grade == .largelyCompliant { largely += 1 }
            }
            for (place, id) in haveIDs.enumerated()
            where units[index].haves.contains(where: { $0.id == id && $0.status == HaveStatus.met.rawValue }) {
                met[place] += 1
            }
            scoreSum += units[index].score
        }
        var haveShare: [String: Double] = [:]
        for (place, id) in haveIDs.enumerated() { haveShare[id] = share(met[place], units.count) }
        var grades: [String: Int] = [:]
        for grade in Grade.allCases { grades[grade.rawValue] = gradeCounts[grade, default: 0] }
        let averageScore = mean(sum: scoreSum, count: units.count)
        return .init(units: units.count, required: required, compliantRequired: compliant,
                     largelyCompliantRequired: largely, complianceRate: share(compliant, required),
                     averageScore: averageScore, haveMetShare: haveShare, grades: grades, invalid: invalid)
    }

    /// Figures per group, groups in name order; units without a group value form their own group.
    /// The units grouped by `key`, the groups in `order` (by name, `NameOrder.precedes`, unless
    /// told otherwise), units without a value in one group last.
    static func groups(_ units: [SummaryDocument.UnitRow], language: Language,
                       order: (String, String) -> Bool = NameOrder.precedes, including: [String] = [],
                       key: (SummaryDocument.UnitRow) -> String?) -> [SummaryDocument.GroupRow] {
        let none = language == .zh ? "（未填写）" : "(not given)"
        // Grouped by index, so the rows themselves are not copied into the groups.
        let grouped = Dictionary(grouping: units.indices) { key(units[$0]) }
        // The groups named in `including` have a row even with no unit in them.
        let named = Set(grouped.keys.compactMap { $0 }).union(including).sorted(by: order)
        let names: [String?] = named + (grouped[nil] == nil ? [] : [nil])
        return names.map { name in
            let members = grouped[name] ?? []
            let required = members.count { units[$0].required }
            let compliant = members.count { units[$0].required && units[$0].grade == Grade.compliant.rawValue }
            return .init(name: name ?? none, units: members.count, required: required, compliant: compliant,
                         complianceRate: share(compliant, required), averageScore: mean(members.map { units[$0].score }))
        }
    }

    /// What changed between `baseline` and `current`; `invalidNow` are the unit ids the invalid
    /// checklists of `current` claim, whose units are not gone but cannot be compared.
    static func changes(from baseline: SummaryDocument, to current: SummaryDocument,
                        invalidNow: Set<String> = []) -> SummaryDocument.Changes {
        func key(_ row: SummaryDocument.UnitRow) -> String { (row.region.map { $0 + "/" } ?? "") + row.unitID }
        let before = Dictionary(baseline.units.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(current.units.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var units: [SummaryDocument.UnitChange] = []
        var became: [String] = []
        var slipped: [String] = []
        for row in current.units {
            guard let old = before[key(row)] else { continue }
            units.append(.init(unitID: row.unitID, name: row.name, scoreBefore: old.score, scoreAfter: row.score,
                               delta: ((row.score - old.score) * 10).rounded() / 10,
                               gradeBefore: old.grade, gradeAfter: row.grade))
            let oldGrade = Grade(rawValue: old.grade) ?? .nonCompliant
            let newGrade = Grade(rawValue: row.grade) ?? .nonCompliant
            if newGrade == .compliant && oldGrade != .compliant { became.append(row.unitID) }
            if newGrade < oldGrade { slipped.append(row.unitID) }
        }
        // A round that scored no unit measured no average or share, and one with no required
        // unit no compliance rate: nil, not a 0 that would read as a finding.
        let (old, new) = (baseline.figures, current.figures)
        var haves: [String: SummaryDocument.BeforeAfter] = [:]
        for (id, value) in new.haveMetShare {
            haves[id] = .init(before: old.units > 0 ? old.haveMetShare[id] : nil, after: new.units > 0 ? value : nil)
        }
        return .init(
            baselineTitle: baseline.title, baselineAsOf: baseline.asOf, units: units,
            becameCompliant: became, slipped: slipped,
            newUnits: current.units.filter { before[key($0)] == nil }.map(\.unitID),
            goneUnits: baseline.units.filter { after[key($0)] == nil && !invalidNow.contains(key($0)) }.map(\.unitID),
            invalidUnits: baseline.units.filter { after[key($0)] == nil && invalidNow.contains(key($0)) }.map(\.unitID),
            complianceRate: .init(before: old.required > 0 ? old.complianceRate : nil, after: new.required > 0 ? new.complianceRate : nil),
            averageScore: .init(before: old.units > 0 ? old.averageScore : nil, after: new.units > 0 ? new.averageScore : nil),
            haveMetShare: haves)
    }

    // MARK: - Rows

    func row(_ card: Scorecard) -> SummaryDocument.UnitRow {
        .init(rank: 0, unitID: card.unitID, name: card.name, category: card.category, township: card.township,
              region: nil, retirees: card.retirees, required: card.required, score: Double(card.scoreTenths) / 10,
              grade: card.grade.rawValue, inspectionDate: card.inspectionDate.description,
              haves: card.haves.map { .init(id: $0.id, points: Double($0.pointsTenths) / 10,
                                            weight: Double($0.weightTenths) / 10, status: $0.status.rawValue) },
              actions: card.actions.count, liftCriteria: card.liftCriteria)
    }

    private func mostMissed(_ units: [UnitFacts]) -> [SummaryDocument.MissedRow] {
        // Every unit's shortfalls counted in one pass over the units, not one per criterion.
        let criteria = standard.haves.reduce(0) { $0 + $1.criteria.count }
        var applicable = [Int](repeating: 0, count: criteria)
        var short = [Int](repeating: 0, count: criteria)
        for index in units.indices {
            for (position, shortfall) in units[index].shortfalls.prefix(criteria).enumerated() where shortfall != 0 {
                applicable[position] += 1
                if shortfall == 2 { short[position] += 1 }
            }
        }
        var rows: [SummaryDocument.MissedRow] = []
        var position = 0
        for have in standard.haves {
            for criterion in have.criteria {
                defer { position += 1 }
                // Kept even when no unit falls short: a rollup adds up `applicable` across summaries.
                guard applicable[position] > 0 else { continue }
                rows.append(.init(criterion: criterion.id, have: have.id, label: criterion.label, units: short[position],
                                  applicable: applicable[position]))
            }
        }
        return rows.enumerated().sorted { lhs, rhs in
            lhs.element.units != rhs.element.units ? lhs.element.units > rhs.element.units : lhs.offset < rhs.offset
        }.map(\.element)
    }

    static func diagnosticRow(_ diagnostic: Diagnostic) -> SummaryDocument.DiagnosticRow {
        .init(code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue, line: diagnostic.line,
              column: diagnostic.column, keyPath: diagnostic.keyPath, message: diagnostic.message, hint: diagnostic.hint)
    }
}

/// What one scored unit contributes to the summary: its row (rank not yet set) and the facts the
/// figures add up. `audit run` keeps only this of each unit once its texts are rendered.
struct UnitFacts: Sendable {
    var row: SummaryDocument.UnitRow
    var inspectionDate: CalendarDate
    var round: String?
    /// Per criterion of the standard, in order: 0 when it does not apply (or the card lacks it),
    /// 1 when it earns full points, 2 when it falls short.
    var shortfalls: [UInt8]
}
