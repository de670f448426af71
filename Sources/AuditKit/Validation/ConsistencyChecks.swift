/// Checks that relate several values of one checklist: counts that must agree, dates that must be in
/// order, and the plausibility warnings. They run on whatever parts of the typed tree are valid.
struct ConsistencyChecks {
    /// The checklist's path as the user named it.
    let file: String

    func run(_ root: Value, sink: inout DiagnosticSink) {
        let total = root.value(at: "unit.retirees.total")
        let inspection = root.value(at: "inspection.date")?.date
        if let total = total?.integer, let veterans = root.value(at: "unit.retirees.veterans"), let count = veterans.integer,
           count > total {
            sink.report(.veteransExceedTotal, at: veterans.mark, path: "unit.retirees.veterans",
                        .init(zh: "离休干部 \(count) 人，超过离退休干部总数 \(total) 人",
                              en: "more veterans (\(count)) than retirees in total (\(total))"),
                        hint: .init(zh: "离休干部是离退休干部的一部分：核对 total 与 veterans",
                                    en: "veterans are counted within the total: check total and veterans"))
        }
        checkVenue(root, sink: &sink)
        checkRules(root, sink: &sink)
        if let inspection { checkActivities(root, inspection: inspection, retirees: total?.integer, sink: &sink) }
        checkFunding(root, inspection: inspection, sink: &sink)
        checkFileName(root, sink: &sink)
    }

    /// A unit without a venue has none of a venue's details: each one given would earn points.
    private func checkVenue(_ root: Value, sink: inout DiagnosticSink) {
        guard let venue = root["venue"]?.object, let status = venue["status"], status.string == "none" else { return }
        for key in venue.keys where key != "status" {
            // false, 0 and [] agree with having no venue; anything else describes one.
            guard let detail = venue[key], !Self.saysNone(detail) else { continue }
            sink.report(.venueDetailsWithoutVenue, at: detail.keyMark, path: "venue.\(key)",
                        .init(zh: "venue.status 为 none（第 \(status.mark.line) 行），却填写了 venue.\(key)",
                              en: "venue.status is none (line \(status.mark.line)), yet venue.\(key) is given"),
                        hint: .init(zh: "单位确无场所就删去 \(key)；如有场所，把 status 改为 dedicated 或 shared",
                                    en: "if the unit has no venue, delete \(key); if it has one, set status to dedicated or shared"))
        }
    }

    /// Whether a detail says there is nothing: false, zero, or an empty list.
    private static func saysNone(_ value: Value) -> Bool {
        switch value.content {
        case .boolean(let flag): return !flag
        case .integer(let number): return number == 0
        case .number(let number): return number == 0
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    private func checkRules(_ root: Value, sink: inout DiagnosticSink) {
        for (index, rule) in (root["rules"]?.list ?? []).enumerated() {
            guard let adopted = rule["adopted"]?.date, let reviewed = rule["reviewed"], let date = reviewed.date,
                  date < adopted else { continue }
            sink.report(.reviewedBeforeAdopted, at: reviewed.mark, path: "rules[\(index)].reviewed",
                        .init(zh: "修订日期 \(date) 早于制定日期 \(adopted)", en: "reviewed \(date) is before adopted \(adopted)"),
                        hint: .init(zh: "核对两个日期；制度不能在制定之前修订", en: "check both dates: a rule cannot be reviewed before it was adopted"))
        }
    }

    private func checkActivities(_ root: Value, inspection: CalendarDate, retirees: Int?, sink: inout DiagnosticSink) {
        let windowStart = inspection.adding(months: -12)
        for (index, activity) in (root["activities"]?.list ?? []).enumerated() {
            // Spelt out only for a finding: most activities have none.
            func path() -> String { "activities[\(index)]" }
            if let dateValue = activity["date"], let date = dateValue.date {
                if date > inspection {
                    sink.report(.activityAfterInspection, at: dateValue.mark, path: path() + ".date",
                                .init(zh: "活动日期 \(date) 晚于检查日期 \(inspection)", en: "activity dated \(date), after the inspection on \(inspection)"),
                                hint: .init(zh: "只记录检查前已开展的活动；核对年份", en: "list only activities held before the inspection; check the year"))
                } else if date < windowStart {
                    sink.report(.staleActivity, at: dateValue.mark, path: path() + ".date",
                                .init(zh: "活动日期 \(date) 早于检查日期 \(inspection) 前的 12 个月（自 \(windowStart) 起计），不计入评分",
                                      en: "activity dated \(date) is more than 12 months before the inspection on \(inspection) (the months counted start on \(windowStart)) and is not counted"),
                                hint: .init(zh: "只需列出检查前 12 个月内的活动", en: "list the activities of the 12 months before the inspection"))
                }
            }
            if let retirees, let participants = activity["participants"], let count = participants.integer, count > retirees {
                sink.report(.participantsExceedRetirees, at: participants.mark, path: path() + ".participants",
                            .init(zh: "参加人数 \(count) 超过离退休干部总数 \(retirees)", en: "more participants (\(count)) than the unit has retirees (\(retirees))"),
                            hint: .init(zh: "只统计本单位离退休干部；核对人数", en: "count the unit's own retirees only; check the number"))
            }
        }
    }

    private func checkFunding(_ root: Value, inspection: CalendarDate?, sink: inout DiagnosticSink) {
        if let inspection, let yearValue = root.value(at: "funding.year"), let year = yearValue.integer,
           year != inspection.year, year != inspection.year - 1 {
            sink.report(.fundingYear, at: yearValue.mark, path: "funding.year",
                        .init(zh: "经费年度 \(year) 不是检查年度 \(inspection.year) 或上一年",
                              en: "funding year \(year) is neither the inspection's year \(inspection.year) nor the one before"),
                        hint: .init(zh: "填写本年度或上一年度的经费", en: "report this year's or last year's funding"))
        }
        if let amount = root.value(at: "funding.amount_yuan")?.number, let spentValue = root.value(at: "funding.spent_yuan"),
           let spent = spentValue.number, spent > amount {
            sink.report(.overspent, at: spentValue.mark, path: "funding.spent_yuan",
                        .init(zh: "已支出 \(Value.format(spent)) 元，超过年度经费 \(Value.format(amount)) 元",
                              en: "spent \(Value.format(spent)) yuan, more than the amount of \(Value.format(amount)) yuan"),
                        hint: .init(zh: "核对支出与经费；超支请在 inspection.notes 中说明", en: "check both figures; explain an overspend in inspection.notes"))
        }
    }

    /// The last non-empty `/`-separated component of `path`, or `path` itself when it has none.
    static func lastComponent(of path: String) -> String {
        path.withBytes { bytes in
            // Outside ASCII a `/` may start a larger character; split by characters there.
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last.map(String.init) ?? path }
            guard let range = lastComponent(in: bytes) else { return path }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// Where the last component of an ASCII path lies among its bytes, trailing slashes left out;
    /// nil when the path is empty or only slashes.
    private static func lastComponent(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        guard end > 0 else { return nil }
        var start = end
        while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return start..<end
    }

    /// The unit id a checklist file is named after: its name without `.yaml` or `.yml`.
    static func unitID(namedBy path: String) -> String {
        let name = lastComponent(of: path)
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
    }

    /// Whether the file is named after `id`, compared by bytes when both are ASCII (as checklists'
    /// ids and names are); otherwise as `unitID(namedBy:)` and `==` compare them.
    static func isNamed(_ path: String, after id: String) -> Bool {
        let matched: Bool? = path.withBytes { path in
            id.withBytes { id -> Bool? in
                guard path.allSatisfy({ $0 < 0x80 }), id.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard let range = lastComponent(in: path) else { return path.elementsEqual(id) }
                let name = UnsafeBufferPointer(rebasing: path[range])
                func named(dropping suffix: StaticString) -> Bool? {
                    let count = suffix.utf8CodeUnitCount
                    guard name.count >= count, name.suffix(count).elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: count))
                    else { return nil }
                    return name.dropLast(count).elementsEqual(id)
                }
                return named(dropping: ".yaml") ?? named(dropping: ".yml") ?? name.elementsEqual(id)
            }
        }
        return matched ?? (unitID(namedBy: path) == id)
    }

    private func checkFileName(_ root: Value, sink: inout DiagnosticSink) {
        guard let idValue = root.value(at: "unit.id"), let id = idValue.string, !Self.isNamed(file, after: id) else { return }
        let name = Self.lastComponent(of: file)
        sink.report(.fileNameMismatch, at: idValue.mark, path: "unit.id",
                    .init(zh: "文件名 \(name) 与单位编号 \(id) 不一致", en: "file name \(name) does not match unit.id \(id)"),
                    hint: .init(zh: "把文件改名为 \(id).yaml", en: "rename the file to \(id).yaml"))
    }
}
