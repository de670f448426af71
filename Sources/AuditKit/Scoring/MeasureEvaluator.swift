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
    let labels: CatalogueLabels
    /// The one language a fully met measure's reason is written in, or nil for both (see `evaluate`).
    let onlyLanguage: Language?
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

    init(checklist: Checklist, labels: CatalogueLabels, onlyLanguage: Language? = nil) {
        self.checklist = checklist
        self.labels = labels
        self.onlyLanguage = onlyLanguage
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

    /// What `measure` finds. Its reason is written in both languages when `bothLanguages` is set,
    /// when the evaluator was made for both, or when the measure falls short (the reason is then a
    /// rectification action's "now", which summary.json shows in both); a fully met measure's
    /// reason is otherwise written only in the evaluator's one language, the other left empty.
    func evaluate(_ measure: Measure, bothLanguages: Bool = false) -> MeasureOutcome {
        let both = bothLanguages || onlyLanguage == nil
        switch measure {
        case .flag(let field, let values): return flag(field, values: values, both: both)
        case .threshold(let field, let full, let half): return threshold(field, full: full, half: half, both: both)
        case .equipment(let slots, let full, let half): return equipment(slots, full: full, half: half, both: both)
        case .rules(let kinds, let full, let half, let posted, let years):
            return rules(kinds, full: full, half: half, postedForFull: posted, withinYears: years, both: both)
        case .activities(let kinds, let months, let full, let half):
            return activities(kinds, months: months, full: full, half: half, both: both)
        case .attendance(let kinds, let months, let full, let half):
            return attendance(kinds, months: months, full: full, half: half, both: both)
        case .perCapita(let field, let full, let half): return perCapita(field, full: full, half: half, both: both)
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

    /// A reason written by `text` in the languages needed (see `evaluate`).
    private func explain(_ attainment: Attainment, both: Bool, _ text: (Language) -> String) -> Localized {
        if both || attainment != .full { return Localized(zh: text(.zh), en: text(.en)) }
        return onlyLanguage == .en ? Localized(zh: "", en: text(.en)) : Localized(zh: text(.zh), en: "")
    }

    private func at(_ value: Value, _ language: Language) -> String {
        language == .zh ? "（第 \(value.mark.line) 行）" : " at line \(value.mark.line)"
    }

    private func verdict(_ attainment: Attainment, full: String, half: String?, _ language: Language) -> String {
        let zh = language == .zh
        switch attainment {
        case .full: return zh ? "，达到满分线 \(full)" : ", reaching the full mark \(full)"
        case .half: return zh ? "，达到半分线 \(half ?? "")、未达满分线 \(full)" : ", reaching the half mark \(half ?? "") but not the full mark \(full)"
        default:
            if let half { return zh ? "，低于半分线 \(half)" : ", below the half mark \(half)" }
            return zh ? "，未达到 \(full)" : ", short of \(full)"
        }
    }

    private func absent(_ path: String) -> Localized {
        .init(zh: "清单未填写 \(path)", en: "\(path) is not given")
    }

    // MARK: - Measures

    private func flag(_ path: String, values: [String]?, both: Bool) -> MeasureOutcome {
        guard let value = checklist.root.value(at: path) else {
            return MeasureOutcome(attainment: .none, reason: absent(path), keyPath: path)
        }
        let passed = values.map { $0.contains(value.display) } ?? (value.boolean == true)
        let attainment: Attainment = passed ? .full : .none
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { "\(path) = \(value.display)\(at(value, $0))" },
            keyPath: path, value: value.display, mark: value.mark)
    }

    private func threshold(_ path: String, full: Double, half: Double?, both: Bool) -> MeasureOutcome {
        guard let value = checklist.root.value(at: path), let number = value.number else {
            return MeasureOutcome(attainment: .none, reason: absent(path), keyPath: path, number: nil)
        }
        let attainment = Self.level(number, full: full, half: half)
        let (fullText, halfText) = (Value.format(full), half.map(Value.format))
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                "\(path) = \(value.display)\(at(value, language))\(verdict(attainment, full: fullText, half: halfText, language))"
            },
            keyPath: path, value: value.display, mark: value.mark, number: number)
    }

    private func perCapita(_ path: String, full: Double, half: Double?, both: Bool) -> MeasureOutcome {
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
        let (fullText, halfText) = (Value.format(full), half.map(Value.format))
        let retirees = checklist.retirees
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                let tail = verdict(attainment, full: fullText, half: halfText, language)
                return language == .zh
                    ? "\(path) = \(value.display)\(at(value, .zh)) ÷ \(retirees) 人 = 人均 \(shown)\(tail)"
                    : "\(path) = \(value.display)\(at(value, .en)) ÷ \(English.count(retirees, "retiree")) = \(shown) each\(tail)"
            },
            keyPath: path, value: value.display, mark: value.mark, number: each)
    }

    private func equipment(_ slots: [[String]], full: Int, half: Int?, both: Bool) -> MeasureOutcome {
        let workingIDs = equipmentItems.workingIDs
        let broken = equipmentItems.broken
        // What each slot holds: the working item and its line, or nothing (and whether one of its
        // alternatives is there but broken).
        var filled: [(id: String, line: Int)] = []
        var missing: [(slot: [String], broken: Bool)] = []
        for slot in slots {
            if let present = slot.first(where: { workingIDs.contains($0) }), let index = workingIDs.firstIndex(of: present) {
                filled.append((present, equipmentItems.workingLines[index]))
            } else {
                missing.append((slot, slot.contains(where: broken.contains)))
            }
        }
        let attainment = Self.level(Double(filled.count), full: Double(full), half: half.map(Double.init))
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                let have = Self.list(filled.map { named($0.id, .equipment, line: $0.line, language) }, language)
                let lack = Self.list(missing.map { slot in
                    let names = slot.slot.map { named($0, .equipment, line: nil, language) }
                    return language == .zh
                        ? names.joined(separator: "或") + (slot.broken ? "（已损坏）" : "")
                        : names.joined(separator: " or ") + (slot.broken ? " (broken)" : "")
                }, language)
                return language == .zh
                    ? "\(slots.count) 项中具备 \(filled.count) 项（满分需 \(full) 项）；具备：\(have)；缺少：\(lack)"
                    : "\(filled.count) of \(slots.count) present (full needs \(full)); present: \(have); missing: \(lack)"
            },
            keyPath: "equipment", value: String(filled.count), mark: checklist.root["equipment"]?.keyMark)
    }

    /// Why a kind of rule short of full marks is: not adopted or reviewed recently enough, or not posted.
    private enum RuleNote {
        case stale(kind: String, years: Int)
        case notPosted(kind: String)
    }

    private func rules(_ kinds: [String], full: Int, half: Int?, postedForFull: Bool, withinYears: Int?, both: Bool) -> MeasureOutcome {
        let entries = ruleEntries
        let since = withinYears.map { checklist.inspectionDate.adding(months: -12 * $0) }
        var present: [(kind: String, line: Int)] = []
        var posted = 0
        var missing: [String] = []
        var notes: [RuleNote] = []
        for kind in kinds {
            let matching = entries.filter { $0.kind == kind }
            let current = matching.filter { entry in
                guard let since else { return true }
                return entry.date.map { $0 >= since } ?? false
            }
            guard let entry = current.first else {
                missing.append(kind)
                if !matching.isEmpty, let years = withinYears { notes.append(.stale(kind: kind, years: years)) }
                continue
            }
            present.append((kind, entry.line))
            if current.contains(where: \.posted) {
                posted += 1
            } else if postedForFull {
                notes.append(.notPosted(kind: kind))
            }
        }
        let fullCount = postedForFull ? posted : present.count
        var attainment: Attainment = fullCount >= full ? .full : .none
        if attainment == .none, let half, present.count >= half { attainment = .half }
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                let zh = language == .zh
                let have = Self.list(present.map { named($0.kind, .rules, line: $0.line, language) }, language)
                let lack = Self.list(missing.map { named($0, .rules, line: nil, language) }, language)
                let extra = notes.map { note in
                    switch note {
                    case .stale(let kind, let years):
                        let name = named(kind, .rules, line: nil, language)
                        return zh ? "\(name)近 \(years) 年未制定或修订" : "\(name) not adopted or reviewed within \(years) years"
                    case .notPosted(let kind):
                        let name = named(kind, .rules, line: nil, language)
                        return zh ? "\(name)未上墙" : "\(name) not posted"
                    }
                }
                let tail = extra.isEmpty ? "" : (zh ? "；" + extra.joined(separator: "，") : "; " + extra.joined(separator: ", "))
                return zh ? "已有：\(have)；缺少：\(lack)\(tail)" : "present: \(have); missing: \(lack)\(tail)"
            },
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

    private func activities(_ kinds: [String], months: Int, full: Int, half: Int?, both: Bool) -> MeasureOutcome {
        let count = counted(kinds, months: months).count
        let start = checklist.inspectionDate.adding(months: -months)
        let attainment = Self.level(Double(count), full: Double(full), half: half.map(Double.init))
        let inspection = checklist.inspectionDate
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                let tail = verdict(attainment, full: String(full), half: half.map(String.init), language)
                let labels = kinds.map { kind in
                    ChecklistFormat.activityKinds.first { $0.id == kind }?.label.text(language) ?? kind
                }
                return language == .zh
                    ? "\(start) 至 \(inspection) 共 \(count) 次\(labels.joined(separator: "或"))活动\(tail)"
                    : "\(English.count(count, "\(labels.joined(separator: " or ")) activity", "\(labels.joined(separator: " or ")) activities")) from \(start) to \(inspection)\(tail)"
            },
            keyPath: "activities", value: String(count), mark: checklist.root["activities"]?.keyMark)
    }

    private func attendance(_ kinds: [String]?, months: Int, full: Double, half: Double?, both: Bool) -> MeasureOutcome {
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
        let (fullText, halfText) = (percent(full), half.map(percent))
        let meanText = Value.format((mean * 10).rounded() / 10)
        let shareText = Self.shown(share, scale: 100, marks: [full, half]) + "%"
        let retirees = checklist.retirees
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { language in
                let tail = verdict(attainment, full: fullText, half: halfText, language)
                return language == .zh
                    ? "\(counts.count) 次活动平均 \(meanText) 人 ÷ \(retirees) 人 = \(shareText)\(tail)"
                    : "mean \(meanText) \(meanText == "1" ? "participant" : "participants") over \(English.count(counts.count, "activity", "activities")) ÷ \(English.count(retirees, "retiree")) = \(shareText)\(tail)"
            },
            keyPath: "activities", value: shareText, mark: checklist.root["activities"]?.keyMark, number: share)
    }

    /// A catalogue entry by its label in `language`, with the line it is written on when known.
    private func named(_ id: String, _ kind: CatalogueKind, line: Int?, _ language: Language) -> String {
        let label = labels.label(of: id, in: kind).text(language)
        guard let line else { return label }
        return language == .zh ? "\(label)（第 \(line) 行）" : "\(label) (line \(line))"
    }

    private static func list(_ items: [String], _ language: Language) -> String {
        language == .zh ? (items.isEmpty ? "无" : items.joined(separator: "、")) : (items.isEmpty ? "none" : items.joined(separator: ", "))
    }
}
