/// What one measure found in one checklist.
struct MeasureOutcome {
    var attainment: Attainment
    var reason: Localized
    var keyPath: String?
    var value: String?
    var mark: Mark?
    /// The measured number, for `essential_above`.
    var number: Double?
}

/// Evaluates a measure against a checklist, explaining the result by quoting the values it read.
struct MeasureEvaluator {
    let checklist: Checklist
    let catalogues: Catalogues
    /// The equipment, rules and activities lists as the measures read them, taken from the
    /// checklist once: a standard has several criteria over each list.
    private let equipmentItems: EquipmentItems
    private let ruleEntries: [RuleEntry]
    private let activityRecords: [ActivityRecord]

    /// The working equipment (the first working item of each id, with its line) and the ids seen
    /// broken or with none left. A checklist lists a dozen items or so, so plain arrays.
    private struct EquipmentItems {
        var workingIDs: [String] = []
        var workingLines: [Int] = []
        var broken: [String] = []
    }

    private struct RuleEntry {
        var kind: String?
        /// When it was last reviewed, or else adopted.
        var date: CalendarDate?
        var posted: Bool
        var line: Int
    }

    private struct ActivityRecord {
        var date: CalendarDate?
        var kind: String
        var participants: Int?
    }

    init(checklist: Checklist, catalogues: Catalogues) {
        self.checklist = checklist
        self.catalogues = catalogues
        var equipment = EquipmentItems()
        for item in checklist.root["equipment"]?.list ?? [] {
            guard let id = item["item"]?.string else { continue }
            let quantity = item["quantity"]?.integer ?? 1
            if item["condition"]?.string == "broken" || quantity == 0 { equipment.broken.append(id); continue }
            if !equipment.workingIDs.contains(id) {
                equipment.workingIDs.append(id)
                equipment.workingLines.append(item.mark.line)
            }
        }
        equipmentItems = equipment
        ruleEntries = (checklist.root["rules"]?.list ?? []).map { entry in
            RuleEntry(kind: entry["kind"]?.string, date: entry["reviewed"]?.date ?? entry["adopted"]?.date,
                      posted: entry["posted"]?.boolean == true, line: entry.mark.line)
        }
        activityRecords = (checklist.root["activities"]?.list ?? []).map { activity in
            ActivityRecord(date: activity["date"]?.date, kind: activity["kind"]?.string ?? "",
                           participants: activity["participants"]?.integer)
        }
    }

    func evaluate(_ measure: Measure) -> MeasureOutcome {
        switch measure {
        case .flag(let field, let values): return flag(field, values: values)
        case .threshold(let field, let full, let half): return threshold(field, full: full, half: half)
        case .equipment(let slots, let full, let half): return equipment(slots, full: full, half: half)
        case .rules(let kinds, let full, let half, let posted, let years):
            return rules(kinds, full: full, half: half, postedForFull: posted, withinYears: years)
        case .activities(let kinds, let months, let full, let half):
            return activities(kinds, months: months, full: full, half: half)
        case .attendance(let kinds, let months, let full, let half):
            return attendance(kinds, months: months, full: full, half: half)
        case .perCapita(let field, let full, let half): return perCapita(field, full: full, half: half)
        }
    }

    // MARK: - Helpers

    static func level(_ value: Double, full: Double, half: Double?) -> Attainment {
        if value >= full { return .full }
        if let half, value >= half { return .half }
        return .none
    }

    /// `value × scale` rounded to one decimal for a reason, but rounded down where rounding would
    /// carry a value short of a mark onto it, so a reason never reads "50 each, below the half mark 50".
    static func shown(_ value: Double, scale: Double = 1, marks: [Double?]) -> String {
        let tenths = value * scale * 10
        let rounded = tenths.rounded() / 10
        let crossed = marks.compactMap { $0 }.contains { mark in value < mark && rounded >= (mark * scale * 10).rounded() / 10 }
        return Value.format(crossed ? tenths.rounded(.down) / 10 : rounded)
    }

    private func at(_ value: Value) -> Localized {
        .init(zh: "（第 \(value.mark.line) 行）", en: " at line \(value.mark.line)")
    }

    private func verdict(_ attainment: Attainment, full: String, half: String?) -> Localized {
        switch attainment {
        case .full: return .init(zh: "，达到满分线 \(full)", en: ", reaching the full mark \(full)")
        case .half: return .init(zh: "，达到半分线 \(half ?? "")、未达满分线 \(full)", en: ", reaching the half mark \(half ?? "") but not the full mark \(full)")
        default:
            if let half { return .init(zh: "，低于半分线 \(half)", en: ", below the half mark \(half)") }
            return .init(zh: "，未达到 \(full)", en: ", short of \(full)")
        }
    }

    private func absent(_ path: String) -> Localized {
        .init(zh: "清单未填写 \(path)", en: "\(path) is not given")
    }

    // MARK: - Measures

    private func flag(_ path: String, values: [String]?) -> MeasureOutcome {
        guard let value = checklist.root.value(at: path) else {
            return MeasureOutcome(attainment: .none, reason: absent(path), keyPath: path)
        }
        let passed = values.map { $0.contains(value.display) } ?? (value.boolean == true)
        let location = at(value)
        return MeasureOutcome(
            attainment: passed ? .full : .none,
            reason: .init(zh: "\(path) = \(value.display)\(location.zh)", en: "\(path) = \(value.display)\(location.en)"),
            keyPath: path, value: value.display, mark: value.mark)
    }

    private func threshold(_ path: String, full: Double, half: Double?) -> MeasureOutcome {
        guard let value = checklist.root.value(at: path), let number = value.number else {
            return MeasureOutcome(attainment: .none, reason: absent(path), keyPath: path, number: nil)
        }
        let attainment = Self.level(number, full: full, half: half)
        let location = at(value)
        let tail = verdict(attainment, full: Value.format(full), half: half.map(Value.format))
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "\(path) = \(value.display)\(location.zh)\(tail.zh)", en: "\(path) = \(value.display)\(location.en)\(tail.en)"),
            keyPath: path, value: value.display, mark: value.mark, number: number)
    }

    private func perCapita(_ path: String, full: Double, half: Double?) -> MeasureOutcome {
        guard let value = checklist.root.value(at: path), let number = value.number else {
            return MeasureOutcome(attainment: .none, reason: absent(path), keyPath: path)
        }
        guard checklist.retirees > 0 else {
            return MeasureOutcome(attainment: .none,
                                  reason: .init(zh: "离退休干部总数为 0，无法计算人均", en: "no retirees, so nothing per retiree"),
                                  keyPath: path, value: value.display, mark: value.mark)
        }
        let each = number / Double(checklist.retirees)
        let shown = Self.shown(each, marks: [full, half])
        let attainment = Self.level(each, full: full, half: half)
        let location = at(value)
        let tail = verdict(attainment, full: Value.format(full), half: half.map(Value.format))
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "\(path) = \(value.display)\(location.zh) ÷ \(checklist.retirees) 人 = 人均 \(shown)\(tail.zh)",
                          en: "\(path) = \(value.display)\(location.en) ÷ \(English.count(checklist.retirees, "retiree")) = \(shown) each\(tail.en)"),
            keyPath: path, value: value.display, mark: value.mark, number: each)
    }

    private func equipment(_ slots: [[String]], full: Int, half: Int?) -> MeasureOutcome {
        let workingIDs = equipmentItems.workingIDs
        let broken = equipmentItems.broken
        var filled: [Localized] = []
        var missing: [Localized] = []
        for slot in slots {
            if let present = slot.first(where: { workingIDs.contains($0) }), let index = workingIDs.firstIndex(of: present) {
                filled.append(named(present, .equipment, line: equipmentItems.workingLines[index]))
            } else {
                let alternatives = slot.map { named($0, .equipment, line: nil) }
                let isBroken = slot.contains(where: broken.contains)
                missing.append(.init(zh: alternatives.map(\.zh).joined(separator: "或") + (isBroken ? "（已损坏）" : ""),
                                     en: alternatives.map(\.en).joined(separator: " or ") + (isBroken ? " (broken)" : "")))
            }
        }
        let attainment = Self.level(Double(filled.count), full: Double(full), half: half.map(Double.init))
        let listLine = checklist.root["equipment"]?.keyMark
        let have = Self.list(filled)
        let lack = Self.list(missing)
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "\(slots.count) 项中具备 \(filled.count) 项（满分需 \(full) 项）；具备：\(have.zh)；缺少：\(lack.zh)",
                          en: "\(filled.count) of \(slots.count) present (full needs \(full)); present: \(have.en); missing: \(lack.en)"),
            keyPath: "equipment", value: String(filled.count), mark: listLine)
    }

    private func rules(_ kinds: [String], full: Int, half: Int?, postedForFull: Bool, withinYears: Int?) -> MeasureOutcome {
        let entries = ruleEntries
        let since = withinYears.map { checklist.inspectionDate.adding(months: -12 * $0) }
        var present: [Localized] = []
        var posted = 0
        var missing: [Localized] = []
        var notes: [Localized] = []
        for kind in kinds {
            let matching = entries.filter { $0.kind == kind }
            let current = matching.filter { entry in
                guard let since else { return true }
                return entry.date.map { $0 >= since } ?? false
            }
            let name = named(kind, .rules, line: nil)
            guard let entry = current.first else {
                missing.append(name)
                if !matching.isEmpty, let years = withinYears {
                    notes.append(.init(zh: "\(name.zh)近 \(years) 年未制定或修订", en: "\(name.en) not adopted or reviewed within \(years) years"))
                }
                continue
            }
            present.append(named(kind, .rules, line: entry.line))
            if current.contains(where: \.posted) {
                posted += 1
            } else if postedForFull {
                notes.append(.init(zh: "\(name.zh)未上墙", en: "\(name.en) not posted"))
            }
        }
        let fullCount = postedForFull ? posted : present.count
        var attainment: Attainment = fullCount >= full ? .full : .none
        if attainment == .none, let half, present.count >= half { attainment = .half }
        let have = Self.list(present)
        let lack = Self.list(missing)
        let extra = notes.isEmpty ? Localized(zh: "", en: "") : Localized(zh: "；" + notes.map(\.zh).joined(separator: "，"),
                                                                           en: "; " + notes.map(\.en).joined(separator: ", "))
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "已有：\(have.zh)；缺少：\(lack.zh)\(extra.zh)",
                          en: "present: \(have.en); missing: \(lack.en)\(extra.en)"),
            keyPath: "rules", value: String(present.count), mark: checklist.root["rules"]?.keyMark)
    }

    /// The activities of `kinds` (all kinds when nil) in the `months` before the inspection.
    private func counted(_ kinds: [String]?, months: Int) -> [ActivityRecord] {
        let end = checklist.inspectionDate
        let start = end.adding(months: -months)
        return activityRecords.filter { activity in
            guard let date = activity.date, date >= start, date <= end else { return false }
            guard let kinds else { return true }
            return kinds.contains(activity.kind)
        }
    }

    private func activities(_ kinds: [String], months: Int, full: Int, half: Int?) -> MeasureOutcome {
        let count = counted(kinds, months: months).count
        let start = checklist.inspectionDate.adding(months: -months)
        let attainment = Self.level(Double(count), full: Double(full), half: half.map(Double.init))
        let tail = verdict(attainment, full: String(full), half: half.map(String.init))
        let labels = kinds.map { kind in
            ChecklistFormat.activityKinds.first { $0.id == kind }?.label ?? Localized(zh: kind, en: kind)
        }
        let namesZh = labels.map(\.zh).joined(separator: "或")
        let namesEn = labels.map(\.en).joined(separator: " or ")
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "\(start) 至 \(checklist.inspectionDate) 共 \(count) 次\(namesZh)活动\(tail.zh)",
                          en: "\(English.count(count, "\(namesEn) activity", "\(namesEn) activities")) from \(start) to \(checklist.inspectionDate)\(tail.en)"),
            keyPath: "activities", value: String(count), mark: checklist.root["activities"]?.keyMark)
    }

    private func attendance(_ kinds: [String]?, months: Int, full: Double, half: Double?) -> MeasureOutcome {
        guard checklist.retirees > 0 else {
            return MeasureOutcome(attainment: .none,
                                  reason: .init(zh: "离退休干部总数为 0，无法计算参加比例", en: "no retirees, so no share of them attends"),
                                  keyPath: "activities")
        }
        let counts = counted(kinds, months: months).compactMap(\.participants)
        guard !counts.isEmpty else {
            return MeasureOutcome(attainment: .none,
                                  reason: .init(zh: "没有记录参加人数的活动", en: "no counted activity records its participants"),
                                  keyPath: "activities")
        }
        // Summed as Double: participants are unbounded integers whose Int sum could overflow. Whole
        // numbers below 2^53 stay exact, and one division keeps a share exactly at a mark equal to it.
        let total = counts.reduce(0.0) { $0 + Double($1) }
        let mean = total / Double(counts.count)
        let share = total / (Double(counts.count) * Double(checklist.retirees))
        let attainment = Self.level(share, full: full, half: half)
        func percent(_ x: Double) -> String { Value.format((x * 1000).rounded() / 10) + "%" }
        let tail = verdict(attainment, full: percent(full), half: half.map(percent))
        let meanText = Value.format((mean * 10).rounded() / 10)
        let shareText = Self.shown(share, scale: 100, marks: [full, half]) + "%"
        return MeasureOutcome(
            attainment: attainment,
            reason: .init(zh: "\(counts.count) 次活动平均 \(meanText) 人 ÷ \(checklist.retirees) 人 = \(shareText)\(tail.zh)",
                          en: "mean \(meanText) \(meanText == "1" ? "participant" : "participants") over \(English.count(counts.count, "activity", "activities")) ÷ \(English.count(checklist.retirees, "retiree")) = \(shareText)\(tail.en)"),
            keyPath: "activities", value: shareText, mark: checklist.root["activities"]?.keyMark, number: share)
    }

    /// A catalogue entry by its label, with the line it is written on when known.
    private func named(_ id: String, _ kind: CatalogueKind, line: Int?) -> Localized {
        let label = catalogues.label(of: id, in: kind)
        guard let line else { return label }
        return .init(zh: "\(label.zh)（第 \(line) 行）", en: "\(label.en) (line \(line))")
    }

    private static func list(_ items: [Localized]) -> Localized {
        items.isEmpty ? .init(zh: "无", en: "none")
            : .init(zh: items.map(\.zh).joined(separator: "、"), en: items.map(\.en).joined(separator: ", "))
    }
}
