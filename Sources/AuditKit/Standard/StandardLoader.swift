/// What loading a standard produced: the standard when it is sound, and every diagnostic.
public struct StandardLoadResult: Sendable {
    /// The standard, when the file had no errors.
    public var standard: Standard?
    /// Every diagnostic, in line order.
    public var diagnostics: [Diagnostic]
}

/// Reads a standard file with the same loader, validator and diagnostics as checklists, then checks
/// what only a standard can get wrong (weights, measure parameters, ids).
public enum StandardLoader {
    /// The name diagnostics give the built-in standard.
    public static let builtInName = "<built-in standard>"

    /// Loads the standard file at `path`.
    public static func load(path: String) -> StandardLoadResult {
        switch SourceFile.read(path, limit: ChecklistReader.sizeLimit) {
        case .success(let bytes):
            return load(bytes, file: path)
        case .failure(let failure):
            var sink = DiagnosticSink(file: path)
            let reason: Localized = failure == .missing
                ? .init(zh: "标准文件不存在", en: "the standard file does not exist")
                : .init(zh: "标准文件无法读取：\(failure.reason(.zh))", en: "the standard file cannot be read: \(failure.reason(.en))")
            sink.report(.unreadable, at: .start, path: "", reason,
                        hint: .init(zh: "检查标准文件的路径", en: "check the path of the standard file"))
            return StandardLoadResult(standard: nil, diagnostics: sink.diagnostics)
        }
    }

    /// Loads a standard from `bytes`, naming it `file` in diagnostics.
    public static func load(_ bytes: [UInt8], file: String) -> StandardLoadResult {
        var sink = DiagnosticSink(file: file)
        let loaded = YAMLLoader().load(bytes)
        for problem in loaded.problems {
            let hint = problem.code == .empty
                ? Localized(zh: "从 `audit standard show --format yaml` 的输出开始修改", en: "start from the output of `audit standard show --format yaml`")
                : problem.hint
            sink.report(problem.code, at: problem.mark, path: "", problem.message, hint: hint)
        }
        guard let document = loaded.document else {
            if loaded.problems.isEmpty {
                sink.report(.empty, at: .start, path: "", .init(zh: "标准文件是空的", en: "the standard file is empty"),
                            hint: .init(zh: "从 `audit standard show --format yaml` 的输出开始修改", en: "start from the output of `audit standard show --format yaml`"))
            }
            return StandardLoadResult(standard: nil, diagnostics: sink.diagnostics)
        }
        // A checklist where a standard belongs (`audit standard check checklists/x.yaml`, or
        // `--standard` pointed at one): said once, rather than as every key it lacks or adds.
        if let format = (0..<document.pairCount(of: document.root)).first(where: { document.scalarText(document.key($0, of: document.root)) == "format" }),
           let text = document.scalarText(document.value(format, of: document.root)), text.hasPrefix("five-haves/") {
            sink.report(.unknownKey, at: document.key(format, of: document.root).mark, path: "format",
                        .init(zh: "这是一份清单（format: \(text)），不是标准文件", en: "this is a checklist (format: \(text)), not a standard file"),
                        hint: .init(zh: "清单用 audit validate 检查；标准文件以 standard: 和 version: 开头，可从 `audit standard show --format yaml` 的输出开始修改",
                                    en: "check a checklist with `audit validate`; a standard file starts with `standard:` and `version:`, "
                                        + "as `audit standard show --format yaml` writes it"))
            return StandardLoadResult(standard: nil, diagnostics: sink.diagnostics)
        }
        var validator = StructureValidator(catalogues: Catalogues(equipment: [], rules: []), document: document, sink: sink)
        let value = validator.value(document.root, as: .object(StandardFormat.root), path: "", keyMark: document.root.mark)
        sink = validator.sink
        var standard: Standard?
        if let value, !sink.hasErrors {
            standard = StandardBuilder.build(value)
            standard?.catalogues.tailored = file != builtInName
            if let built = standard { StandardChecks.run(built, value: value, sink: &sink) }
            if let built = standard, file != builtInName, !sink.hasErrors { checkVersion(built, value: value, sink: &sink) }
        }
        if sink.hasErrors { standard = nil }
        return StandardLoadResult(standard: standard, diagnostics: sink.diagnostics.sorted(by: Diagnostic.ordered))
    }
}

extension StandardLoader {
    /// A tailored standard under the built-in one's id and version would pass for it in baselines
    /// and rollups, which compare scores by id and version.
    static func checkVersion(_ standard: Standard, value: Value, sink: inout DiagnosticSink) {
        let builtIn = Standard.builtIn
        guard standard.id == builtIn.id, standard.version == builtIn.version,
              StandardMarkdown.render(standard) != StandardMarkdown.render(builtIn) else { return }
        let mark = value.value(at: "version")?.mark ?? value.mark
        sink.report(.reusedVersion, at: mark, path: "version",
                    .init(zh: "此标准与内置标准 \(builtIn.id) \(builtIn.version) 内容不同，却用了同样的编号和版本",
                          en: "this standard differs from the built-in \(builtIn.id) \(builtIn.version) but has the same id and version"),
                    hint: .init(zh: "给改过的标准一个自己的版本号，例如 \(builtIn.version)-本县",
                                en: "give the tailored standard a version of its own, e.g. \(builtIn.version)-county"))
    }
}

extension Standard {
    /// The default standard, parsed from `builtInYAML`. A test guards that it loads without a
    /// diagnostic; should it ever fail, scoring falls back to nothing rather than crashing.
    public static let builtIn: Standard = {
        StandardLoader.load(Array(builtInYAML.utf8), file: StandardLoader.builtInName).standard ?? Standard.empty
    }()

    static let empty = Standard(
        id: "invalid", version: "0", title: Localized(zh: "无效标准", en: "invalid standard"), source: nil,
        minRetirees: 0, metPercent: 100,
        compliant: GradeRule(minScoreTenths: 1001, maxPartial: 0, maxMissing: 0),
        largelyCompliant: GradeRule(minScoreTenths: 1001, maxPartial: 0, maxMissing: 0),
        deadlines: Deadlines(largelyCompliantFixDays: 90, nonCompliantPlanDays: 30, nonCompliantFixDays: 180),
        catalogues: Catalogues(equipment: [], rules: []), haves: [])
}

/// Turns a validated standard tree into a `Standard`.
enum StandardBuilder {
    static func build(_ root: Value) -> Standard? {
        func text(_ value: Value?) -> Localized? {
            guard let zh = value?["zh"]?.string, let en = value?["en"]?.string else { return nil }
            return Localized(zh: zh, en: en)
        }
        func tenths(_ number: Double?) -> Int? { number.map { Int(($0 * 10).rounded()) } }
        func rule(_ value: Value?) -> GradeRule? {
            guard let score = tenths(value?["min_score"]?.number), let partial = value?["max_partial"]?.integer,
                  let missing = value?["max_missing"]?.integer else { return nil }
            return GradeRule(minScoreTenths: score, maxPartial: partial, maxMissing: missing)
        }
        func entries(_ value: Value?) -> [Choice] {
            (value?.list ?? []).compactMap { item in
                guard let id = item["id"]?.string, let label = text(item) else { return nil }
                return Choice(id, zh: label.zh, en: label.en)
            }
        }
        guard let id = root["standard"]?.string, let version = root["version"]?.string,
              let title = text(root["title"]),
              let minRetirees = root.value(at: "applicability.min_retirees")?.integer,
              let metPercent = root.value(at: "have_status.met_percent")?.integer,
              let compliant = rule(root.value(at: "grades.compliant")),
              let largely = rule(root.value(at: "grades.largely_compliant")),
              let fix = root.value(at: "rectification.largely_compliant_fix_days")?.integer,
              let plan = root.value(at: "rectification.non_compliant_plan_days")?.integer,
              let fixNon = root.value(at: "rectification.non_compliant_fix_days")?.integer else { return nil }
        var haves: [Have] = []
        for haveValue in root["haves"]?.list ?? [] {
            guard let haveID = haveValue["id"]?.string, let label = text(haveValue),
                  let weight = tenths(haveValue["weight"]?.number) else { return nil }
            var criteria: [Criterion] = []
            for item in haveValue["criteria"]?.list ?? [] {
                guard let criterionID = item["id"]?.string, let criterionLabel = text(item),
                      let points = tenths(item["points"]?.number), let measure = item["measure"].flatMap(measure),
                      let source = text(item["source"]), let action = text(item["action"]) else { return nil }
                let condition = item["applies_when"].flatMap { value -> Condition? in
                    guard let field = value["field"]?.string, let equals = value["equals"]?.string else { return nil }
                    return Condition(field: field, equals: equals)
                }
                criteria.append(Criterion(
                    id: criterionID, label: criterionLabel, pointsTenths: points, measure: measure,
                    essential: item["essential"]?.boolean ?? false, essentialAbove: item["essential_above"]?.number,
                    appliesWhen: condition, source: source, action: action, mark: item.mark))
            }
            haves.append(Have(id: haveID, label: label, weightTenths: weight, criteria: criteria))
        }
        return Standard(
            id: id, version: version, title: title, source: text(root["source"]), minRetirees: minRetirees,
            metPercent: metPercent, compliant: compliant, largelyCompliant: largely,
            deadlines: Deadlines(largelyCompliantFixDays: fix, nonCompliantPlanDays: plan, nonCompliantFixDays: fixNon),
            catalogues: Catalogues(equipment: entries(root.value(at: "catalogues.equipment")),
                                   rules: entries(root.value(at: "catalogues.rules"))),
            haves: haves)
    }

    /// The measure described by a validated `measure` mapping; parameters it lacks are reported by
    /// `StandardChecks`, so here they fall back to neutral values.
    static func measure(_ value: Value) -> Measure? {
        let field = value["field"]?.string ?? ""
        let full = value["full"]?.number ?? 0
        let half = value["half"]?.number
        let kinds = (value["kinds"]?.list ?? []).compactMap(\.string)
        let months = value["months"]?.integer ?? 12
        switch value["kind"]?.string {
        case "flag":
            return .flag(field: field, values: value["values"]?.list.map { $0.compactMap(\.string) })
        case "threshold":
            return .threshold(field: field, full: full, half: half)
        case "equipment":
            let slots = (value["slots"]?.list ?? []).map { ($0.list ?? []).compactMap(\.string) }
            return .equipment(slots: slots, full: Int(full), half: half.map { Int($0) })
        case "rules":
            return .rules(kinds: kinds, full: Int(full), half: half.map { Int($0) },
                          postedForFull: value["posted_for_full"]?.boolean ?? false, withinYears: value["within_years"]?.integer)
        case "activities":
            return .activities(kinds: kinds, months: months, full: Int(full), half: half.map { Int($0) })
        case "attendance":
            return .attendance(kinds: value["kinds"] == nil ? nil : kinds, months: months, full: full, half: half)
        case "per_capita":
            return .perCapita(field: field, full: full, half: half)
        default:
            return nil
        }
    }
}
