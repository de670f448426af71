/// Checks that only a standard can fail: weights, the set of haves, grade bars, and each measure's
/// parameters, fields and ids. They read the typed tree so every finding keeps its line.
enum StandardChecks {
    static func run(_ standard: Standard, value root: Value, sink: inout DiagnosticSink) {
        checkHaveSet(standard, value: root, sink: &sink)
        checkBars(standard, value: root, sink: &sink)
        checkCatalogues(root, sink: &sink)
        checkCriteria(standard, value: root, sink: &sink)
    }

    /// The weights add up to 100, and the haves are the five.
    private static func checkHaveSet(_ standard: Standard, value root: Value, sink: inout DiagnosticSink) {
        let haveMark = root["haves"]?.keyMark ?? root.mark
        let total = standard.haves.reduce(0) { $0 + $1.weightTenths }
        let weights = standard.haves.map { "\($0.id) \(Score.format(tenths: $0.weightTenths))" }
        if total != 1000 {
            sink.report(.weightsNotHundred, at: haveMark, path: "haves",
                        .init(zh: "五项权重之和为 \(Score.format(tenths: total))，应为 100（\(weights.joined(separator: " + "))）",
                              en: "the weights add up to \(Score.format(tenths: total)), not 100 (\(weights.joined(separator: " + ")))"),
                        hint: .init(zh: "调整各项 weight，使之合计 100", en: "adjust the weights so they add up to 100"))
        }
        let ids = standard.haves.map(\.id)
        let expected = StandardFormat.haveIDs.map(\.id)
        if ids.sorted() != expected.sorted() {
            sink.report(.haveSet, at: haveMark, path: "haves",
                        .init(zh: "标准须恰好包含五有各一项（现有：\(ids.joined(separator: ", "))）",
                              en: "a standard holds each of the five haves once (found: \(ids.joined(separator: ", ")))"),
                        hint: .init(zh: "haves 应为：\(expected.joined(separator: ", "))", en: "haves must be: \(expected.joined(separator: ", "))"))
        }
    }

    /// The grade bars and deadlines in a sensible order, the bars in whole tenths.
    private static func checkBars(_ standard: Standard, value root: Value, sink: inout DiagnosticSink) {
        if standard.largelyCompliant.minScoreTenths > standard.compliant.minScoreTenths {
            let mark = root.value(at: "grades.largely_compliant.min_score")?.mark ?? root.mark
            sink.report(.gradeOrder, at: mark, path: "grades.largely_compliant.min_score",
                        .init(zh: "基本达标门槛高于达标门槛", en: "the largely-compliant bar is above the compliant bar"),
                        hint: .init(zh: "基本达标的 min_score 应不高于达标的", en: "make largely_compliant.min_score at most compliant.min_score"))
        }
        let deadlines = standard.deadlines
        if deadlines.nonCompliantPlanDays > deadlines.nonCompliantFixDays {
            let mark = root.value(at: "rectification.non_compliant_plan_days")?.mark ?? root.mark
            sink.report(.gradeOrder, at: mark, path: "rectification.non_compliant_plan_days",
                        .init(zh: "整改方案期限（\(deadlines.nonCompliantPlanDays) 天）晚于整改到位期限（\(deadlines.nonCompliantFixDays) 天）",
                              en: "the plan is due (\(deadlines.nonCompliantPlanDays) days) after the fixes (\(deadlines.nonCompliantFixDays) days)"),
                        hint: .init(zh: "non_compliant_plan_days 应不大于 non_compliant_fix_days", en: "make non_compliant_plan_days at most non_compliant_fix_days"))
        }
        // The higher grade may not allow more partial or missing haves than the lower one.
        for (limit, higher, lower) in [("max_partial", standard.compliant.maxPartial, standard.largelyCompliant.maxPartial),
                                       ("max_missing", standard.compliant.maxMissing, standard.largelyCompliant.maxMissing)] where higher > lower {
            let mark = root.value(at: "grades.compliant." + limit)?.mark ?? root.mark
            sink.report(.gradeOrder, at: mark, path: "grades.compliant." + limit,
                        .init(zh: "达标允许的 \(limit)（\(higher)）多于基本达标（\(lower)）", en: "compliant allows more (\(limit) \(higher)) than largely compliant (\(lower))"),
                        hint: .init(zh: "达标的 \(limit) 应不大于基本达标的", en: "make compliant.\(limit) at most largely_compliant.\(limit)"))
        }
        for grade in ["compliant", "largely_compliant"] {
            checkTenths(root.value(at: "grades.\(grade).min_score"), code: .gradeOrder, path: "grades.\(grade).min_score", sink: &sink)
        }
    }

    /// Each catalogue lists an id once.
    private static func checkCatalogues(_ root: Value, sink: inout DiagnosticSink) {
        for kind in ["equipment", "rules"] {
            var seenItems = Set<String>()
            for (index, entry) in (root.value(at: "catalogues.\(kind)")?.list ?? []).enumerated() {
                guard let value = entry["id"], let id = value.string, !seenItems.insert(id).inserted else { continue }
                sink.report(.haveSet, at: value.mark, path: "catalogues.\(kind)[\(index)].id",
                            .init(zh: "目录中编号 \(Messages.shown(id)) 出现了两次", en: "the catalogue lists \(Messages.shown(id)) twice"),
                            hint: .init(zh: "每个编号只列一次", en: "list each id once"))
            }
        }
    }

    /// Scores are kept in whole tenths of a point: a finer weight, points or bar would be rounded unseen.
    private static func checkTenths(_ value: Value?, code: DiagnosticCode, path: String, sink: inout DiagnosticSink) {
        guard let value, let number = value.number, abs(number * 10 - (number * 10).rounded()) > 1e-9 else { return }
        let rounded = Value.format((number * 10).rounded() / 10)
        sink.report(code, at: value.mark, path: path,
                    .init(zh: "\(value.display) 比十分之一分更细，计分时会被舍入为 \(rounded)", en: "\(value.display) is finer than a tenth of a point and would be scored as \(rounded)"),
                    hint: .init(zh: "最多写一位小数，例如 \(rounded)", en: "write at most one decimal, e.g. \(rounded)"))
    }

    /// Each have's weight and criteria: ids once, measures that can be met, conditions that can hold.
    private static func checkCriteria(_ standard: Standard, value root: Value, sink: inout DiagnosticSink) {
        var seen: [String: Int] = [:]
        for (haveIndex, have) in (root["haves"]?.list ?? []).enumerated() {
            checkTenths(have["weight"], code: .weightsNotHundred, path: "haves[\(haveIndex)].weight", sink: &sink)
            // A have with nothing to check would earn its whole weight from nothing.
            if let criteria = have["criteria"], criteria.list?.isEmpty == true {
                sink.report(.haveSet, at: criteria.keyMark, path: "haves[\(haveIndex)].criteria",
                            .init(zh: "这一项没有细则，任何单位都会得满分", en: "this have has no criteria, so every unit would earn its whole weight"),
                            hint: .init(zh: "至少写一条细则", en: "give it at least one criterion"))
            }
            for (index, criterion) in (have["criteria"]?.list ?? []).enumerated() {
                let path = "haves[\(haveIndex)].criteria[\(index)]"
                checkTenths(criterion["points"], code: .measureParameter, path: path + ".points", sink: &sink)
                if let idValue = criterion["id"], let id = idValue.string {
                    if let line = seen[id] {
                        sink.report(.haveSet, at: idValue.mark, path: path + ".id",
                                    .init(zh: "细则编号 \(Messages.shown(id)) 与第 \(line) 行重复", en: "criterion id \(Messages.shown(id)) repeats the one on line \(line)"),
                                    hint: .init(zh: "每条细则用不同的编号", en: "give each criterion its own id"))
                    }
                    seen[id] = idValue.mark.line
                }
                if let measure = criterion["measure"] {
                    MeasureChecks(catalogues: standard.catalogues, path: path + ".measure").run(measure, sink: &sink)
                }
                if let condition = criterion["applies_when"], let field = condition["field"], let name = field.string {
                    if let format = ChecklistFormat.field(at: name) {
                        if let equals = condition["equals"] { Self.checkCondition(equals, field: format, path: path, sink: &sink) }
                    } else {
                        sink.report(.unknownField, at: field.mark, path: path + ".applies_when.field",
                                    MeasureChecks.unknownField(name), hint: MeasureChecks.fieldHint)
                    }
                }
                Self.checkEssentialAbove(criterion, path: path, sink: &sink)
            }
        }
    }
}

extension StandardChecks {
    /// `applies_when.equals` must be a value the field can hold, or the criterion never applies.
    static func checkCondition(_ equals: Value, field: Field, path: String, sink: inout DiagnosticSink) {
        let text = equals.display
        let allowed: [String]
        switch field.type {
        case .integer, .number:
            guard ScalarReader.decimal(text) == nil else { return }
            allowed = []
        default:
            guard let values = values(of: field.type) else { return }
            allowed = values
        }
        guard !allowed.contains(text) else { return }
        sink.report(.unknownID, at: equals.mark, path: path + ".applies_when.equals",
                    .init(zh: "\(Messages.shown(text)) 不是 \(field.key) 可能的取值，这条细则永远不会适用",
                          en: "\(Messages.shown(text)) is not a value \(field.key) can hold, so the criterion would never apply"),
                    hint: allowed.isEmpty ? .init(zh: "写一个数", en: "write a number") : valueHint(text, allowed: allowed, type: field.type))
    }

    /// The values a boolean or choice field can hold; nil for other types.
    static func values(of type: ValueType) -> [String]? {
        switch type {
        case .boolean: return ["true", "false"]
        case .choice(let choices): return choices.map(\.id)
        default: return nil
        }
    }

    /// The hint for `text`, not among `allowed`: the closest value, or for a boolean the one a
    /// word such as yes or 是 means, and the list.
    static func valueHint(_ text: String, allowed: [String], type: ValueType) -> Localized {
        var suggestion = Suggestion.closest(to: text, in: allowed)
        if suggestion == nil, case .boolean = type { suggestion = Messages.booleanWord(text) }
        return Messages.choicesHint(suggestion, allowed: allowed)
    }

    /// `essential_above` compares the measured number: only threshold, per_capita and attendance
    /// measure one, and it means something only on an essential criterion.
    static func checkEssentialAbove(_ criterion: Value, path: String, sink: inout DiagnosticSink) {
        guard let above = criterion["essential_above"] else { return }
        guard let kind = criterion["measure"]?["kind"]?.string else { return }
        if !["threshold", "per_capita", "attendance"].contains(kind) {
            sink.report(.measureParameter, at: above.keyMark, path: path + ".essential_above",
                        .init(zh: "\(kind) 计分方法不产生数值，essential_above 无从比较", en: "a \(kind) measure gives no number for essential_above to compare"),
                        hint: .init(zh: "删除 essential_above；它只用于 threshold、per_capita 和 attendance", en: "remove essential_above; it works with threshold, per_capita and attendance only"))
        } else if let bar = above.number, let full = criterion["measure"]?["full"]?.number, bar >= full {
            sink.report(.measureParameter, at: above.mark, path: path + ".essential_above",
                        .init(zh: "essential_above \(Value.format(bar)) 不低于满分线 \(Value.format(full))：得满分的单位也会被判为“无”",
                              en: "essential_above \(Value.format(bar)) is not below the full mark \(Value.format(full)): a unit with full points would still miss the have"),
                        hint: .init(zh: "把 essential_above 设在满分线以下", en: "set essential_above below the full mark"))
        } else if criterion["essential"]?.boolean != true {
            sink.report(.measureParameter, at: above.keyMark, path: path + ".essential_above",
                        .init(zh: "essential_above 只用于必备细则，这条细则不是必备", en: "essential_above applies to essential criteria, and this one is not essential"),
                        hint: .init(zh: "加上 essential: true，或删除 essential_above", en: "add essential: true, or remove essential_above"))
        }
    }
}

/// The checks of one `measure` mapping.
struct MeasureChecks {
    let catalogues: Catalogues
    let path: String

    static func unknownField(_ name: String) -> Localized {
        .init(zh: "清单格式中没有字段 \(Messages.shown(name))", en: "the checklist format has no field \(Messages.shown(name))")
    }
    static let fieldHint = Localized(zh: "写清单中的键路径，如 venue.area_m2（见 docs/format.md）",
                                     en: "write a checklist key path such as venue.area_m2 (see docs/format.md)")

    private static let parameters: [String: (required: [String], optional: [String])] = [
        "flag": (["field"], ["values"]),
        "threshold": (["field", "full"], ["half"]),
        "equipment": (["slots", "full"], ["half"]),
        "rules": (["kinds", "full"], ["half", "posted_for_full", "within_years"]),
        "activities": (["kinds", "full"], ["half", "months"]),
        "attendance": (["full"], ["half", "kinds", "months"]),
        "per_capita": (["field", "full"], ["half"]),
    ]

    func run(_ measure: Value, sink: inout DiagnosticSink) {
        guard let kind = measure["kind"]?.string, let spec = Self.parameters[kind],
              let object = measure.object else { return }
        for name in spec.required where object[name] == nil {
            sink.report(.measureParameter, at: measure.keyMark, path: path + "." + name,
                        .init(zh: "\(kind) 计分方法缺少参数 \(name)", en: "measure \(kind) needs the parameter \(name)"),
                        hint: .init(zh: "添加 \(name)（见 docs/rules.md）", en: "add \(name) (see docs/rules.md)"))
        }
        for name in object.keys where name != "kind" && !spec.required.contains(name) && !spec.optional.contains(name) {
            let mark = object[name]?.keyMark ?? measure.mark
            sink.report(.measureParameter, at: mark, path: path + "." + name,
                        .init(zh: "\(kind) 计分方法不使用参数 \(name)", en: "measure \(kind) does not use the parameter \(name)"),
                        hint: .init(zh: "删除 \(name)，或改用需要它的计分方法", en: "remove \(name), or use a measure kind that takes it"))
        }
        if let full = object["full"]?.number, let halfValue = object["half"], let half = halfValue.number, half > full {
            sink.report(.markOrder, at: halfValue.mark, path: path + ".half",
                        .init(zh: "半分线 \(Value.format(half)) 高于满分线 \(Value.format(full))", en: "the half mark \(Value.format(half)) is above the full mark \(Value.format(full))"),
                        hint: .init(zh: "half 应不高于 full", en: "make half at most full"))
        }
        // Equipment, rules and activities count things: their marks are whole numbers, as scored.
        if ["equipment", "rules", "activities"].contains(kind) {
            for name in ["full", "half"] {
                guard let value = object[name], let number = value.number, number != number.rounded(.down) else { continue }
                sink.report(.measureParameter, at: value.mark, path: path + "." + name,
                            .init(zh: "\(kind) 的 \(name) 是个数，\(value.display) 不是整数", en: "\(kind)'s \(name) is a count, and \(value.display) is not a whole number"),
                            hint: .init(zh: "写整数，例如 \(Value.format(number.rounded(.down)))", en: "write a whole number, e.g. \(Value.format(number.rounded(.down)))"))
            }
        }
        if ["rules", "activities", "attendance"].contains(kind), let kinds = object["kinds"], kinds.list?.isEmpty == true {
            sink.report(.measureParameter, at: kinds.mark, path: path + ".kinds",
                        .init(zh: "kinds 为空，这条细则永远无法达到", en: "kinds is empty, so the criterion can never be met"),
                        hint: .init(zh: "列出计入的类别", en: "list the kinds that count"))
        }
        if kind == "attendance" {
            for name in ["full", "half"] {
                guard let value = object[name], let share = value.number, share > 1 else { continue }
                sink.report(.measureParameter, at: value.mark, path: path + "." + name,
                            .init(zh: "attendance 的 \(name) 是比例，\(Value.format(share)) 即 \(Value.format(share * 100))%，没有单位能达到",
                                  en: "attendance's \(name) is a share; \(Value.format(share)) is \(Value.format(share * 100))%, which no unit can reach"),
                            hint: .init(zh: "写成小数：\(Value.format(share))% 写作 \(Value.format(share / 100))", en: "write a fraction: \(Value.format(share / 100)) for \(Value.format(share))%"))
            }
        }
        checkField(kind: kind, object: object, sink: &sink)
        checkIDs(kind: kind, object: object, sink: &sink)
    }

    private func checkField(kind: String, object: ObjectValue, sink: inout DiagnosticSink) {
        guard let fieldValue = object["field"], let name = fieldValue.string else { return }
        guard let field = ChecklistFormat.field(at: name) else {
            sink.report(.unknownField, at: fieldValue.mark, path: path + ".field", Self.unknownField(name), hint: Self.fieldHint)
            return
        }
        let fits: Bool
        switch (kind, field.type) {
        case ("flag", .boolean), ("flag", .choice): fits = true
        case ("threshold", .integer), ("threshold", .number), ("per_capita", .integer), ("per_capita", .number): fits = true
        default: fits = false
        }
        if !fits {
            sink.report(.unknownField, at: fieldValue.mark, path: path + ".field",
                        .init(zh: "字段 \(name) 的类型不适用于 \(kind)", en: "field \(name) is not of a type \(kind) can measure"),
                        hint: .init(zh: "flag 用是否或枚举字段，threshold 和 per_capita 用数值字段", en: "flag takes a boolean or enum field; threshold and per_capita take a number field"))
        }
        // Without values a flag counts true, which only a boolean field can hold.
        if kind == "flag", object["values"] == nil, case .choice(let choices) = field.type {
            sink.report(.measureParameter, at: fieldValue.mark, path: path + ".values",
                        .init(zh: "\(name) 是枚举字段，没有 values 时永远不会算作达到", en: "\(name) holds a choice, so without values the criterion can never be met"),
                        hint: .init(zh: "添加 values，列出算作达到的取值：\(choices.map(\.id).joined(separator: ", "))",
                                    en: "add values listing the choices that count as met: \(choices.map(\.id).joined(separator: ", "))"))
        }
        if kind == "flag", let valuesValue = object["values"], let values = valuesValue.list {
            if values.isEmpty {
                let isBoolean: Bool
                if case .boolean = field.type { isBoolean = true } else { isBoolean = false }
                sink.report(.measureParameter, at: valuesValue.mark, path: path + ".values",
                            .init(zh: "values 为空，这条细则永远无法达到", en: "values is empty, so the criterion can never be met"),
                            hint: isBoolean
                                ? .init(zh: "列出算作达到的取值，或删除 values（是否字段此时以 true 为达到）",
                                        en: "list the values that count as met, or remove values (the field then counts when true)")
                                : .init(zh: "列出算作达到的取值", en: "list the values that count as met"))
            }
            let allowed = StandardChecks.values(of: field.type) ?? []
            for value in values where !allowed.isEmpty && !allowed.contains(value.display) {
                let text = value.display
                sink.report(.unknownID, at: value.mark, path: path + ".values",
                            .init(zh: "\(Messages.shown(text)) 不是 \(name) 可能的取值，永远不会算作达到",
                                  en: "\(Messages.shown(text)) is not a value \(name) can hold, so it never counts as met"),
                            hint: StandardChecks.valueHint(text, allowed: allowed, type: field.type))
            }
        }
        if kind == "threshold", let fullValue = object["full"], let full = fullValue.number, let max = field.type.maximum, full > max {
            sink.report(.markOrder, at: fullValue.mark, path: path + ".full",
                        .init(zh: "满分线 \(Value.format(full)) 高于 \(name) 的上限 \(Value.format(max))，没有单位能达到",
                              en: "the full mark \(Value.format(full)) is above \(name)'s maximum \(Value.format(max)), so no unit can reach it"),
                        hint: .init(zh: "把 full 设在 \(Value.format(max)) 以内", en: "set full at most \(Value.format(max))"))
        }
    }

    private func checkIDs(kind: String, object: ObjectValue, sink: inout DiagnosticSink) {
        switch kind {
        case "equipment":
            let slots = object["slots"]?.list ?? []
            let allowed = catalogues.equipment.map(\.id)
            for (index, slot) in slots.enumerated() where slot.list?.isEmpty == true {
                sink.report(.measureParameter, at: slot.mark, path: path + ".slots[\(index)]",
                            .init(zh: "空的设施位永远填不上", en: "an empty slot can never be filled"),
                            hint: .init(zh: "列出能填这一位的设施编号，或删除这一位", en: "list the items that fill it, or remove the slot"))
            }
            for item in slots.flatMap({ $0.list ?? [] }) where !allowed.contains(item.string ?? "") {
                reportUnknownID(item, allowed: allowed, sink: &sink)
            }
            if let fullValue = object["full"], let full = fullValue.number, Int(full) > slots.count {
                sink.report(.markOrder, at: fullValue.mark, path: path + ".full",
                            .init(zh: "满分需要 \(Int(full)) 个设施位，但只列了 \(slots.count) 个", en: "full needs \(Int(full)) slots but only \(slots.count) are listed"),
                            hint: .init(zh: "减小 full 或增加 slots", en: "lower full or list more slots"))
            }
        case "rules":
            let allowed = catalogues.rules.map(\.id)
            let kinds = object["kinds"]?.list ?? []
            for item in kinds where !allowed.contains(item.string ?? "") {
                reportUnknownID(item, allowed: allowed, sink: &sink)
            }
            // Full marks count kinds in place, and only the listed kinds count.
            if !kinds.isEmpty, let fullValue = object["full"], let full = fullValue.number, Int(full) > kinds.count {
                sink.report(.markOrder, at: fullValue.mark, path: path + ".full",
                            .init(zh: "满分需要 \(Value.format(full)) 类制度，但只列了 \(kinds.count) 类", en: "full needs \(Value.format(full)) kinds of rules but only \(kinds.count) are listed"),
                            hint: .init(zh: "减小 full 或增加 kinds", en: "lower full or list more kinds"))
            }
        case "activities", "attendance":
            let allowed = ChecklistFormat.activityKinds.map(\.id)
            for item in object["kinds"]?.list ?? [] where !allowed.contains(item.string ?? "") {
                reportUnknownID(item, allowed: allowed, sink: &sink)
            }
        default:
            break
        }
    }

    private func reportUnknownID(_ value: Value, allowed: [String], sink: inout DiagnosticSink) {
        let text = value.string ?? value.display
        let suggestion = Suggestion.closest(to: text, in: allowed)
        sink.report(.unknownID, at: value.mark, path: path,
                    .init(zh: "编号 \(Messages.shown(text)) 不在目录中", en: "id \(Messages.shown(text)) is not in its catalogue"),
                    hint: Messages.choicesHint(suggestion, allowed: allowed))
    }
}

extension ChecklistFormat {
    /// The field at a dotted key path such as `venue.area_m2`, walking mappings only.
    public static func field(at path: String) -> Field? {
        var fields = root
        var found: Field?
        for part in path.split(separator: ".") {
            guard let field = fields.first(where: { $0.key == part }) else { return nil }
            found = field
            if case .object(let children) = field.type { fields = children } else { fields = [] }
        }
        return found
    }
}
