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
///
/// A class: every reason is written by a closure that captures the evaluator, and capturing it as
/// a struct copied its checklist, catalogue labels and three lists, retaining each. It is made
/// for one checklist and used on one thread, so it is not `Sendable`, and no reason is written
/// while another is.
final class MeasureEvaluator {
    let checklist: Checklist
    let labels: CatalogueLabels
    /// The one language a fully met measure's reason is written in, or nil for both (see `evaluate`).
    let onlyLanguage: Language?
    /// The equipment, rules and activities lists as the measures read them, taken from the
    /// checklist once: a standard has several criteria over each list.
    private let equipmentItems: EquipmentItems
    private let ruleEntries: [RuleEntry]
    private let activityRecords: [ActivityRecord]
    /// The buffer every reason of this checklist is written in before it becomes a string.
    private var scratch = StringOutput(capacity: 512)

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
        let items = checklist.root["equipment"]?.list ?? []
        equipment.workingIDs.reserveCapacity(items.count)
        equipment.workingLines.reserveCapacity(items.count)
        for item in items {
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

    /// A reason written by `write` in the languages needed (see `evaluate`). Each is written
    /// piece by piece into one buffer the evaluator reuses, and made a string once: building it
    /// by interpolating strings into strings cost a few thousand instructions a reason.
    private func explain(_ attainment: Attainment, both: Bool, _ write: (inout StringOutput, Language) -> Void) -> Localized {
        func text(_ language: Language) -> String {
            scratch.removeAll()
            write(&scratch, language)
            return scratch.text
        }
        if both || attainment != .full { return Localized(zh: text(.zh), en: text(.en)) }
        return onlyLanguage == .en ? Localized(zh: "", en: text(.en)) : Localized(zh: text(.zh), en: "")
    }

    /// Where `value` is written: `（第 12 行）`, ` at line 12`.
    private static func at(_ value: Value, _ language: Language, _ out: inout StringOutput) {
        out.write(language == .zh ? "（第 " : " at line ")
        out.write(value.mark.line)
        if language == .zh { out.write(" 行）") }
    }

    private static func verdict(_ attainment: Attainment, full: String, half: String?, _ language: Language, _ out: inout StringOutput) {
        let zh = language == .zh
        switch attainment {
        case .full:
            out.write(zh ? "，达到满分线 " : ", reaching the full mark ")
            out.write(full)
        case .half:
            out.write(zh ? "，达到半分线 " : ", reaching the half mark ")
            out.write(half ?? "")
            out.write(zh ? "、未达满分线 " : " but not the full mark ")
            out.write(full)
        default:
            if let half {
                out.write(zh ? "，低于半分线 " : ", below the half mark ")
                out.write(half)
            } else {
                out.write(zh ? "，未达到 " : ", short of ")
                out.write(full)
            }
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
            reason: explain(attainment, both: both) { out, language in
                out.write(path)
                out.write(" = ")
                out.write(value.display)
                Self.at(value, language, &out)
            },
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
            reason: explain(attainment, both: both) { out, language in
                out.write(path)
                out.write(" = ")
                out.write(value.display)
                Self.at(value, language, &out)
                Self.verdict(attainment, full: fullText, half: halfText, language, &out)
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
            reason: explain(attainment, both: both) { out, language in
                out.write(path)
                out.write(" = ")
                out.write(value.display)
                Self.at(value, language, &out)
                out.write(" ÷ ")
                out.write(retirees)
                if language == .zh {
                    out.write(" 人 = 人均 ")
                    out.write(shown)
                } else {
                    out.write(retirees == 1 ? " retiree = " : " retirees = ")
                    out.write(shown)
                    out.write(" each")
                }
                Self.verdict(attainment, full: fullText, half: halfText, language, &out)
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
        filled.reserveCapacity(slots.count)
        missing.reserveCapacity(slots.count)
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
            reason: explain(attainment, both: both) { out, language in
                let zh = language == .zh
                if zh {
                    out.write(slots.count)
                    out.write(" 项中具备 ")
                    out.write(filled.count)
                    out.write(" 项（满分需 ")
                    out.write(full)
                    out.write(" 项）；具备：")
                } else {
                    out.write(filled.count)
                    out.write(" of ")
                    out.write(slots.count)
                    out.write(" present (full needs ")
                    out.write(full)
                    out.write("); present: ")
                }
                Self.list(filled.count, language, &out) { index, out in
                    named(filled[index].id, .equipment, line: filled[index].line, language, &out)
                }
                out.write(zh ? "；缺少：" : "; missing: ")
                Self.list(missing.count, language, &out) { index, out in
                    let slot = missing[index]
                    for (position, id) in slot.slot.enumerated() {
                        if position > 0 { out.write(zh ? "或" : " or ") }
                        named(id, .equipment, line: nil, language, &out)
                    }
                    if slot.broken { out.write(zh ? "（已损坏）" : " (broken)") }
                }
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
        present.reserveCapacity(kinds.count)
        for kind in kinds {
            // The entries of this kind, and the first of them that is current (adopted or
            // reviewed within the years, if any are set), and whether a current one is posted:
            // one pass, without making lists of them.
            var matched = false
            var first: RuleEntry?
            var currentPosted = false
            for entry in entries where entry.kind == kind {
                matched = true
                if let since, !(entry.date.map { $0 >= since } ?? false) { continue }
                if first == nil { first = entry }
                if entry.posted { currentPosted = true }
            }
            guard let entry = first else {
                missing.append(kind)
                if matched, let years = withinYears { notes.append(.stale(kind: kind, years: years)) }
                continue
            }
            present.append((kind, entry.line))
            if currentPosted {
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
            reason: explain(attainment, both: both) { out, language in
                let zh = language == .zh
                out.write(zh ? "已有：" : "present: ")
                Self.list(present.count, language, &out) { index, out in
                    named(present[index].kind, .rules, line: present[index].line, language, &out)
                }
                out.write(zh ? "；缺少：" : "; missing: ")
                Self.list(missing.count, language, &out) { index, out in named(missing[index], .rules, line: nil, language, &out) }
                for (index, note) in notes.enumerated() {
                    out.write(index > 0 ? (zh ? "，" : ", ") : (zh ? "；" : "; "))
                    switch note {
                    case .stale(let kind, let years):
                        named(kind, .rules, line: nil, language, &out)
                        out.write(zh ? "近 " : " not adopted or reviewed within ")
                        out.write(years)
                        out.write(zh ? " 年未制定或修订" : " years")
                    case .notPosted(let kind):
                        named(kind, .rules, line: nil, language, &out)
                        out.write(zh ? "未上墙" : " not posted")
                    }
                }
            },
            keyPath: "rules", value: String(present.count), mark: checklist.root["rules"]?.keyMark)
    }

    /// Visits the activities of `kinds` (all kinds when nil) in the `months` before the
    /// inspection, in order, without making a list of them.
    private func forEachCounted(_ kinds: [String]?, months: Int, _ body: (ActivityRecord) -> Void) {
        let end = checklist.inspectionDate
        let start = end.adding(months: -months)
        for activity in activityRecords {
            guard let date = activity.date, date >= start, date <= end else { continue }
            if let kinds, !kinds.contains(activity.kind) { continue }
            body(activity)
        }
    }

    private func activities(_ kinds: [String], months: Int, full: Int, half: Int?, both: Bool) -> MeasureOutcome {
        var count = 0
        forEachCounted(kinds, months: months) { _ in count += 1 }
        let start = checklist.inspectionDate.adding(months: -months)
        let attainment = Self.level(Double(count), full: Double(full), half: half.map(Double.init))
        let inspection = checklist.inspectionDate
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { out, language in
                let zh = language == .zh
                func labels() {
                    for (index, kind) in kinds.enumerated() {
                        if index > 0 { out.write(zh ? "或" : " or ") }
                        out.write(ChecklistFormat.activityKinds.first { $0.id == kind }?.label.text(language) ?? kind)
                    }
                }
                if zh {
                    out.write(start)
                    out.write(" 至 ")
                    out.write(inspection)
                    out.write(" 共 ")
                    out.write(count)
                    out.write(" 次")
                    labels()
                    out.write("活动")
                } else {
                    out.write(count)
                    out.write(" ")
                    labels()
                    out.write(count == 1 ? " activity from " : " activities from ")
                    out.write(start)
                    out.write(" to ")
                    out.write(inspection)
                }
                Self.verdict(attainment, full: String(full), half: half.map(String.init), language, &out)
            },
            keyPath: "activities", value: String(count), mark: checklist.root["activities"]?.keyMark)
    }

    private func attendance(_ kinds: [String]?, months: Int, full: Double, half: Double?, both: Bool) -> MeasureOutcome {
        guard checklist.retirees > 0 else {
            return MeasureOutcome(attainment: .none,
                                  reason: .init(zh: "离退休干部总数为 0，无法计算参加比例", en: "no retirees, so no share of them attends"),
                                  keyPath: "activities")
        }
        // The activities counted that record their participants, and their sum: summed as
        // Double, as participants are unbounded integers whose Int sum could overflow. Whole
        // numbers below 2^53 stay exact, and one division keeps a share exactly at a mark equal to it.
        var recorded = 0
        var total = 0.0
        forEachCounted(kinds, months: months) { activity in
            guard let participants = activity.participants else { return }
            recorded += 1
            total += Double(participants)
        }
        guard recorded > 0 else {
            return MeasureOutcome(attainment: .none,
                                  reason: .init(zh: "没有记录参加人数的活动", en: "no counted activity records its participants"),
                                  keyPath: "activities")
        }
        let mean = total / Double(recorded)
        let share = total / (Double(recorded) * Double(checklist.retirees))
        let attainment = Self.level(share, full: full, half: half)
        func percent(_ x: Double) -> String { Value.format((x * 1000).rounded() / 10) + "%" }
        let (fullText, halfText) = (percent(full), half.map(percent))
        let meanText = Value.format((mean * 10).rounded() / 10)
        let shareText = Self.shown(share, scale: 100, marks: [full, half]) + "%"
        let retirees = checklist.retirees
        return MeasureOutcome(
            attainment: attainment,
            reason: explain(attainment, both: both) { out, language in
                if language == .zh {
                    out.write(recorded)
                    out.write(" 次活动平均 ")
                    out.write(meanText)
                    out.write(" 人 ÷ ")
                    out.write(retirees)
                    out.write(" 人 = ")
                } else {
                    out.write("mean ")
                    out.write(meanText)
                    out.write(meanText == "1" ? " participant over " : " participants over ")
                    out.write(recorded)
                    out.write(recorded == 1 ? " activity ÷ " : " activities ÷ ")
                    out.write(retirees)
                    out.write(retirees == 1 ? " retiree = " : " retirees = ")
                }
                out.write(shareText)
                Self.verdict(attainment, full: fullText, half: halfText, language, &out)
            },
            keyPath: "activities", value: shareText, mark: checklist.root["activities"]?.keyMark, number: share)
    }

    /// A catalogue entry by its label in `language`, with the line it is written on when known.
    private func named(_ id: String, _ kind: CatalogueKind, line: Int?, _ language: Language, _ out: inout StringOutput) {
        out.write(labels.label(of: id, in: kind).text(language))
        guard let line else { return }
        out.write(language == .zh ? "（第 " : " (line ")
        out.write(line)
        out.write(language == .zh ? " 行）" : ")")
    }

    /// `count` items written by `item`, joined as a list in `language`, or the word for none.
    private static func list(_ count: Int, _ language: Language, _ out: inout StringOutput,
                             _ item: (Int, inout StringOutput) -> Void) {
        guard count > 0 else { return out.write(language == .zh ? "无" : "none") }
        for index in 0..<count {
            if index > 0 { out.write(language == .zh ? "、" : ", ") }
            item(index, &out)
        }
    }
}
