/// Checks that only a standard can fail: weights, the set of haves, grade bars, and each measure's
/// parameters, fields and ids. They read the typed tree so every finding keeps its line.
enum StandardChecks {
    static func run(_ standard: Standard, value root: Value, sink: inout DiagnosticSink) {
        let havesValue = root["haves"]
        let haveMark = havesValue?.keyMark ?? root.mark
        let total = standard.haves.reduce(0) { $0 + $1.weightTenths }
        if total != 1000 {
            sink.report(.weightsNotHundred, at: haveMark, path: "haves",
                        .init(zh: "五项权重之和为 \(Score.format(tenths: total))，应为 100", en: "the weights add up to \(Score.format(tenths: total)), not 100"),
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
        var seen: [String: Int] = [:]
        for (haveIndex, have) in (havesValue?.list ?? []).enumerated() {
            for (index, criterion) in (have["criteria"]?.list ?? []).enumerated() {
                let path = "haves[\(haveIndex)].criteria[\(index)]"
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
                if let condition = criterion["applies_when"], let field = condition["field"],
                   let name = field.string, ChecklistFormat.field(at: name) == nil {
                    sink.report(.unknownField, at: field.mark, path: path + ".applies_when.field",
                                MeasureChecks.unknownField(name), hint: MeasureChecks.fieldHint)
                }
            }
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
        if case .choice(let choices) = field.type, let values = object["values"]?.list {
            for value in values where !choices.contains(where: { $0.id == value.string }) {
                reportUnknownID(value, allowed: choices.map(\.id), sink: &sink)
            }
        }
    }

    private func checkIDs(kind: String, object: ObjectValue, sink: inout DiagnosticSink) {
        switch kind {
        case "equipment":
            let slots = object["slots"]?.list ?? []
            let allowed = catalogues.equipment.map(\.id)
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
            for item in object["kinds"]?.list ?? [] where !allowed.contains(item.string ?? "") {
                reportUnknownID(item, allowed: allowed, sink: &sink)
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
