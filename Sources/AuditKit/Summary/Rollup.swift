import Foundation

/// Why summaries cannot be combined.
public enum RollupError: Error, Sendable, CustomStringConvertible {
    case unreadable(String, SourceFile.Failure)
    /// The file, and where its JSON breaks when that can be told.
    case notJSON(String, (line: Int, column: Int, problem: Localized)?)
    case notASummary(String)
    case missingKey(String, String)
    /// The file, the key, and what `audit run` writes there.
    case wrongKind(String, String, Localized)
    /// The file, and the figure no run writes: its key path, its value and what it belongs to.
    case implausible(String, Localized)
    case unsupportedVersion(String, Int)
    case mixedStandards([(standard: String, paths: [String])])
    case duplicateUnit(String, String)
    /// The file, and a criterion `most_missed` lists twice.
    case duplicateCriterion(String, String)
    case sameVersionDifferentRules(String, String, String)
    case duplicate(String, String)
    case sameRegion(String, String, String)
    case overlap(String, String)
    case empty

    public var description: String { text(.en) }

    /// What to do about a summary that is not as `audit run` wrote it: an earlier round's cannot
    /// simply be written again from today's checklists.
    private static let remedy = Localized(zh: "请换用原样保存的副本，或用它所依据的清单以 audit run 重新生成",
                                          en: "use a copy kept as it was written, or write it again with `audit run` from the checklists it came from")

    /// What went wrong, in `language`, on one line: what a message quotes (paths, unit ids,
    /// region names, a standard's version, keys and figures of the file) may hold a line break in
    /// an edited summary, which would otherwise start a line of its own, and a CI log would read
    /// that line as a command of its own.
    public func text(_ language: Language) -> String {
        Escaping.singleLine(message(language))
    }

    private func message(_ language: Language) -> String {
        let zh = language == .zh
        // A summary that is not as `audit run` wrote it: asked whether it was edited, and told
        // what to do.
        func edited(zh chinese: String, en english: String) -> String {
            zh ? chinese + "（被改动过？）；" + Self.remedy.zh : english + " (edited?); " + Self.remedy.en
        }
        switch self {
        case .unreadable(let path, let failure):
            return zh ? "无法读取 \(path)：\(failure.reason(.zh))" : "cannot read \(path): \(failure.reason(.en))"
        case .notJSON(let path, let place?):
            return zh ? "\(path) 不是有效的 JSON：第 \(place.line) 行第 \(place.column) 列，\(place.problem.zh)（可能被截断或改动过）；\(Self.remedy.zh)"
                : "\(path) is not valid JSON: line \(place.line), column \(place.column): \(place.problem.en) (cut short or edited?); \(Self.remedy.en)"
        case .notJSON(let path, nil):
            // Foundation refused what the grammar allows: no place to point at.
            return zh ? "\(path) 无法作为 JSON 读取；\(Self.remedy.zh)" : "\(path) could not be read as JSON; \(Self.remedy.en)"
        case .notASummary(let path):
            return zh ? "\(path) 不是 audit run 生成的 summary.json" : "\(path) is not a summary.json written by `audit run`"
        case .missingKey(let path, let key):
            return edited(zh: "\(path) 缺少 \(key)，不是 audit run 写出的完整 summary.json",
                          en: "\(path) lacks \(key), so it is not a whole summary.json as `audit run` writes it")
        case .wrongKind(let path, let key, let expected):
            return edited(zh: "\(path) 中 \(key) 的值类型不对，audit run 在此写入的是\(expected.zh)",
                          en: "\(path) holds the wrong kind of value at \(key), where `audit run` writes \(expected.en)")
        case .implausible(let path, let figure):
            return edited(zh: "\(path) 中的 \(figure.zh) 超出可能的范围，audit run 和 audit rollup 都不会写出这样的值",
                          en: "\(path) holds \(figure.en), outside any possible range, which neither `audit run` nor `audit rollup` writes")
        case .unsupportedVersion(let path, let version):
            return zh ? "\(path) 的汇总文件版本为 \(version)，本工具读取版本 \(SummaryDocument.layoutVersion)"
                : "\(path) has summary layout version \(version); this tool reads version \(SummaryDocument.layoutVersion)"
        case .mixedStandards(let groups):
            // Each standard with the summaries scored under it, so the odd county is found.
            let zhGroups = groups.map { "\($0.standard)：\($0.paths.joined(separator: "、"))" }.joined(separator: "；")
            let enGroups = groups.map { "\($0.standard): \($0.paths.joined(separator: ", "))" }.joined(separator: "; ")
            return zh ? "各汇总所用标准不一致（\(zhGroups)）：只有同一标准编号和版本下的得分才能合并"
                : "the summaries use different standards (\(enGroups)); scores are comparable only under one standard id and version"
        case .duplicateUnit(let path, let unit):
            return edited(zh: "\(path) 两次列出单位 \(unit)，audit run 不会这样写",
                          en: "\(path) lists the unit \(unit) twice, which `audit run` does not write")
        case .duplicateCriterion(let path, let criterion):
            return edited(zh: "\(path) 的 most_missed 两次列出细则 \(criterion)，audit run 不会这样写",
                          en: "\(path) lists the criterion \(criterion) twice in most_missed, which `audit run` does not write")
        case .sameVersionDifferentRules(let label, let first, let second):
            return zh ? "\(first) 和 \(second) 都按 \(label) 评分，但两者的计分规则不同（权重、细则、等级线或期限）；每个改过的标准须有自己的版本号"
                : "\(first) and \(second) were both scored under \(label), "
                    + "but with different scoring rules (weights, criteria, bars or deadlines); "
                    + "each tailored standard needs a version of its own"
        case .duplicate(let first, let second):
            return zh ? "\(first) 和 \(second) 是同一份汇总（SHA-256 相同），会重复计数"
                : "\(first) and \(second) are the same summary (same SHA-256); a county would be counted twice"
        case .sameRegion(let name, let first, let second):
            return zh ? "\(first) 和 \(second) 的地区名都是 \(name)；请用 --region 或各自的文件夹区分各县"
                : "\(first) and \(second) both go by the name \(name); give each county's run its own --region or folder"
        case .overlap(let first, let second):
            return zh ? "\(first) 和 \(second) 包含相同的清单或下级汇总（输入的 SHA-256 相同），单位会被重复计数；只合并互不包含的汇总"
                : "\(first) and \(second) share checklists or summaries (the same SHA-256 in their inputs), so units would be counted twice; "
                    + "combine a summary only with summaries it does not contain"
        case .empty:
            return zh ? "没有可合并的汇总" : "no summary to combine"
        }
    }
}

/// Reads `summary.json` files and combines them into a higher-level summary.
public enum Rollup {
    /// A summary read from disk, with the digest of its bytes.
    public struct Input: Sendable {
        /// The path as given.
        public var path: String
        /// The document.
        public var document: SummaryDocument
        /// SHA-256 of the file's bytes.
        public var sha256: String
    }

    /// Reads and decodes the summary at `path`.
    public static func read(_ path: String) throws(RollupError) -> Input {
        switch SourceFile.read(path, limit: 1 << 28) {
        case .success(let bytes): return try decode(bytes, path: path)
        case .failure(let failure): throw .unreadable(path, failure)
        }
    }

    /// Decodes a summary, checking that it is one and that its layout version is understood.
    public static func decode(_ bytes: [UInt8], path: String) throws(RollupError) -> Input {
        struct Header: Decodable { let format: String?; let version: Int? }
        let data = Data(bytes)
        guard let header = try? JSONDecoder().decode(Header.self, from: data),
              header.format == SummaryDocument.formatName, let version = header.version else {
            // Told apart only when refusing: parsing a province's summary twice is not free.
            guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                throw .notJSON(path, JSONSyntax.firstError(in: bytes))
            }
            guard let keys = object as? [String: Any], keys["format"] as? String == SummaryDocument.formatName else { throw .notASummary(path) }
            // A summary's own format, with a version that is not a whole number, or none.
            throw keys["version"] == nil ? .missingKey(path, "version") : .wrongKind(path, "version", kind(of: Int.self))
        }
        guard version == SummaryDocument.layoutVersion else { throw .unsupportedVersion(path, version) }
        let document: SummaryDocument
        do {
            document = try JSONDecoder().decode(SummaryDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .missingKey(path, keyPath(context.codingPath + [key]))
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            throw .wrongKind(path, keyPath(context.codingPath), kind(of: type))
        } catch {
            throw .notASummary(path)
        }
        // A county's units each have an id of their own (a run refuses two checklists claiming
        // one). A rollup's are told apart by their region too, whose names are free text, so
        // only a county's summary is held to this.
        if document.units.allSatisfy({ $0.region == nil }), let unit = firstRepeated(document.units.lazy.map(\.unitID)) {
            throw .duplicateUnit(path, unit)
        }
        // A criterion listed twice would be counted twice in a rollup, past the units it has.
        if let criterion = firstRepeated(document.mostMissed.lazy.map(\.criterion)) { throw .duplicateCriterion(path, criterion) }
        if let figure = implausibleFigure(document) { throw .implausible(path, figure) }
        return Input(path: path, document: document, sha256: SHA256.hex(of: bytes))
    }

    /// The first of `keys` that one before it already was.
    static func firstRepeated(_ keys: some Sequence<String>) -> String? {
        var seen = Set<String>()
        return keys.first { !seen.insert($0).inserted }
    }

    /// What a summary holds where a value of `type` is decoded, in words.
    static func kind(of type: Any.Type) -> Localized {
        switch type {
        case is Int.Type: return .init(zh: "整数", en: "a whole number")
        case is Double.Type: return .init(zh: "数字", en: "a number")
        case is String.Type: return .init(zh: "文本（加引号）", en: "text (in quotes)")
        case is Bool.Type: return .init(zh: "布尔值 true 或 false", en: "true or false")
        case is [Any].Type: return .init(zh: "列表（[…]）", en: "a list ([…])")
        default: return .init(zh: "对象（{…}）", en: "an object ({…})")
        }
    }

    /// A decoder's coding path as the JSON's keys: `units[3].score`.
    static func keyPath(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
    }

    /// The first figure of `document` that no run could have written (a rate outside 0 to 1, a
    /// score outside 0 to 100, a have's points above its weight, a negative count or number of
    /// retirees, a grade other than the three, a criterion missed by more units than it applies to
    /// or applying to more units than the file holds, a weight or an action's gain outside what a
    /// score of 100 allows), as its key and value: a summary edited by
    /// hand would otherwise come out as a compliance rate of -750 % or a change of minus infinity.
    static func implausibleFigure(_ document: SummaryDocument) -> Localized? {
        func share(_ value: Double) -> Bool { value >= 0 && value <= 1 }
        func score(_ value: Double) -> Bool { value >= 0 && value <= 100 }
        // Written as the JSON has it (5, not 5.0), and a row by its place, as the key paths of the
        // other refusals are, with its name after to find it by.
        func figure(_ path: String, _ value: String, _ name: Localized? = nil) -> Localized {
            .init(zh: "\(path) = \(value)" + (name.map { "（\($0.zh)）" } ?? ""), en: "\(path) = \(value)" + (name.map { " (\($0.en))" } ?? ""))
        }
        // What a figure belongs to, from the widest: a unit, then its have or criterion.
        func names(_ parts: [String]) -> Localized? {
            parts.isEmpty ? nil : Localized(zh: parts.joined(separator: "，"), en: parts.joined(separator: ", "))
        }
        func figure(_ path: String, _ value: Double, _ name: String...) -> Localized {
            figure(path, Value.format(value), names(name))
        }
        // A count in all its digits: 9223372036854775807, not 9.223372036854776e+18.
        func figure(_ path: String, _ value: Int, _ name: String...) -> Localized {
            figure(path, String(value), names(name))
        }
        // A have weighs more than nothing and at most the whole score; an action gains at most that.
        func weight(_ value: Double) -> Bool { value > 0 && value <= 100 }
        for (index, have) in document.standard.haves.enumerated() where !weight(have.weight) {
            return figure("standard.haves[\(index)].weight", have.weight, have.id)
        }
        let figures = document.figures
        let counts = [("units", figures.units), ("required", figures.required), ("compliant_required", figures.compliantRequired),
                      ("largely_compliant_required", figures.largelyCompliantRequired), ("invalid", figures.invalid)]
            + figures.grades.sorted { $0.key < $1.key }.map { ("grades.\($0.key)", $0.value) }
        if let (key, value) = counts.first(where: { $0.1 < 0 }) { return figure("figures.\(key)", value) }
        if !share(figures.complianceRate) { return figure("figures.compliance_rate", figures.complianceRate) }
        if !score(figures.averageScore) { return figure("figures.average_score", figures.averageScore) }
        if let (id, value) = figures.haveMetShare.sorted(by: { $0.key < $1.key }).first(where: { !share($0.value) }) {
            return figure("figures.have_met_share.\(id)", value)
        }
        for (key, rows) in [("by_category", document.byCategory), ("by_region", document.byRegion), ("by_township", document.byTownship)] {
            for (index, row) in rows.enumerated() {
                let place = "\(key)[\(index)]"
                if let (name, value) = [("units", row.units), ("required", row.required), ("compliant", row.compliant)].first(where: { $0.1 < 0 }) {
                    return figure("\(place).\(name)", value, row.name)
                }
                if !share(row.complianceRate) { return figure("\(place).compliance_rate", row.complianceRate, row.name) }
                if !score(row.averageScore) { return figure("\(place).average_score", row.averageScore, row.name) }
            }
        }
        // A criterion applies to some of the file's units and is missed by some of those: a count
        // beyond them would be added up into a rollup's, and drawn as a share above 100 %.
        for (index, row) in document.mostMissed.enumerated() {
            let place = "most_missed[\(index)]"
            let units = 0...document.units.count
            if !units.contains(row.units) { return figure("\(place).units", row.units, row.criterion) }
            if !units.contains(row.applicable) { return figure("\(place).applicable", row.applicable, row.criterion) }
            if row.units > row.applicable {
                return figure("\(place).units", String(row.units),
                              Localized(zh: "\(row.criterion)，适用 \(row.applicable) 个单位", en: "\(row.criterion), applicable to \(row.applicable)"))
            }
        }
        for (index, unit) in document.units.enumerated() {
            let place = "units[\(index)]"
            if !score(unit.score) { return figure("\(place).score", unit.score, unit.unitID) }
            if unit.retirees < 0 { return figure("\(place).retirees", unit.retirees, unit.unitID) }
            if unit.actions < 0 { return figure("\(place).actions", unit.actions, unit.unitID) }
            if Grade(rawValue: unit.grade) == nil { return figure("\(place).grade", unit.grade, names([unit.unitID])) }
            if let (number, have) = unit.haves.enumerated().first(where: { !weight($0.element.weight) }) {
                return figure("\(place).haves[\(number)].weight", have.weight, unit.unitID, have.id)
            }
            if let (number, have) = unit.haves.enumerated().first(where: { !($0.element.points >= 0 && $0.element.points <= $0.element.weight) }) {
                let weight = Value.format(have.weight)
                return figure("\(place).haves[\(number)].points", Value.format(have.points),
                              Localized(zh: "\(unit.unitID)，\(have.id)，权重 \(weight)", en: "\(unit.unitID), \(have.id), weight \(weight)"))
            }
        }
        for (index, row) in document.rectifications.enumerated() where !(row.gain >= 0 && row.gain <= 100) {
            return figure("rectifications[\(index)].gain", row.gain, row.unitID, row.criterion)
        }
        return nil
    }

    /// Combines `inputs` (counties, or lower rollups) into one summary.
    public static func combine(_ inputs: [Input], title: String?, region: String?, language: Language) throws(RollupError) -> SummaryDocument {
        guard let first = inputs.first else { throw .empty }
        func standard(_ input: Input) -> String { "\(input.document.standard.id) \(input.document.standard.version)" }
        let labels = Set(inputs.map(standard))
        guard labels.count == 1 else {
            throw .mixedStandards(labels.sorted().map { label in (label, inputs.filter { standard($0) == label }.map(\.path)) })
        }
        // One id and version, but two rubrics: two counties tailored the standard alike in name only.
        var seenDigest: (digest: String, path: String)?
        for input in inputs {
            guard let digest = input.document.standard.sha256 else { continue }
            if let seen = seenDigest, seen.digest != digest {
                throw .sameVersionDifferentRules(first.document.standard.id + " " + first.document.standard.version, seen.path, input.path)
            }
            seenDigest = seenDigest ?? (digest, input.path)
        }
        var seenDigests: [String: String] = [:]
        var seenRegions: [String: String] = [:]
        for input in inputs {
            if let earlier = seenDigests[input.sha256] { throw .duplicate(earlier, input.path) }
            seenDigests[input.sha256] = input.path
            let name = regionName(input)
            if let earlier = seenRegions[name] { throw .sameRegion(name, earlier, input.path) }
            seenRegions[name] = input.path
        }
        // A summary contains the files listed in its inputs: a county's checklists, or a rollup's
        // summaries. One file in two inputs (a county passed beside the city that already holds
        // it) would count its units twice.
        var holder: [String: String] = [:]
        for input in inputs {
            // Only files that give units count: two counties may well hold the same empty or broken file.
            for digest in Set([input.sha256] + input.document.inputs.filter(\.valid).map(\.sha256)) where !digest.isEmpty {
                if let earlier = holder[digest], earlier != input.path { throw .overlap(earlier, input.path) }
                holder[digest] = input.path
            }
        }
        var units: [SummaryDocument.UnitRow] = []
        var actions: [SummaryDocument.ActionRow] = []
        var invalid: [SummaryDocument.InvalidRow] = []
        var missed: [String: SummaryDocument.MissedRow] = [:]
        var missedOrder: [String] = []
        for input in inputs {
            let name = regionName(input)
            units += input.document.units.map { row in
                var copy = row
                copy.region = row.region.map { "\(name) / \($0)" } ?? name
                return copy
            }
            actions += input.document.rectifications.map { row in
                var copy = row
                copy.region = row.region.map { "\(name) / \($0)" } ?? name
                return copy
            }
            invalid += input.document.invalid.map { .init(path: "\(name) / \($0.path)", diagnostics: $0.diagnostics) }
            for row in input.document.mostMissed {
                if var existing = missed[row.criterion] {
                    existing.units = Self.sum(existing.units, row.units)
                    existing.applicable = Self.sum(existing.applicable, row.applicable)
                    missed[row.criterion] = existing
                } else {
                    missed[row.criterion] = row
                    missedOrder.append(row.criterion)
                }
            }
        }
        let ranked = SummaryBuilder.rank(units)
        // Actions follow the units' ranks in the combined table, each unit's own order kept.
        var position: [String: Int] = [:]
        for (index, row) in ranked.enumerated() { position[(row.region ?? "") + "/" + row.unitID] = index }
        let orderedActions = actions.enumerated().sorted { lhs, rhs in
            let left = position[(lhs.element.region ?? "") + "/" + lhs.element.unitID] ?? Int.max
            let right = position[(rhs.element.region ?? "") + "/" + rhs.element.unitID] ?? Int.max
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        let haveIDs = first.document.standard.haves.map(\.id)
        let rounds = Array(Set(inputs.flatMap(\.document.rounds))).sorted()
        return SummaryDocument(
            tool: .init(name: ToolInfo.name, version: ToolInfo.version),
            title: title ?? Self.defaultTitle(first.document.standard.title, rounds: rounds, language: language),
            region: region,
            standard: first.document.standard,
            asOf: inputs.compactMap(\.document.asOf).max(),
            rounds: rounds,
            inputs: inputs.map { .init(path: $0.path, unitID: nil, sha256: $0.sha256, valid: true, region: regionName($0)) },
            figures: SummaryBuilder.figures(ranked, haveIDs: haveIDs, invalid: invalid.count),
            units: ranked,
            // Every summary combined has its row, one whose checklists were all invalid included:
            // a county that sent nothing usable must show, not drop out of the table.
            byRegion: SummaryBuilder.groups(ranked, language: language, including: inputs.map { regionGroup(regionName($0)) }) { row in
                row.region.map(regionGroup)
            },
            byTownship: [],
            byCategory: SummaryBuilder.groups(ranked, language: language, order: NameOrder.categoryPrecedes) { $0.category },
            mostMissed: missedOrder.compactMap { missed[$0] }.enumerated().sorted { lhs, rhs in
                lhs.element.units != rhs.element.units ? lhs.element.units > rhs.element.units : lhs.offset < rhs.offset
            }.map(\.element),
            rectifications: orderedActions,
            invalid: invalid,
            changes: nil)
    }

    /// `a + b`, held at the largest (or smallest) whole number instead of overflowing. The counts
    /// of an accepted summary stay within its units, so no rollup comes near; a sum that did
    /// would not end the program.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflowed) = a.addingReportingOverflow(b)
        return overflowed ? (b < 0 ? .min : .max) : total
    }

    /// A rollup's title when none is given, worded as a county summary's is.
    static func defaultTitle(_ standard: Localized, rounds: [String], language: Language) -> String {
        switch language {
        case .zh: return "\(standard.zh)合并汇总" + (rounds.isEmpty ? "" : "（\(rounds.joined(separator: "、"))）")
        case .en: return "\(standard.en): rollup" + (rounds.isEmpty ? "" : " (\(rounds.joined(separator: ", ")))")
        }
    }

    /// The row of `by_region` a unit of `region` is counted in: the first part of a nested
    /// region (`city / county`), without the spaces around it.
    static func regionGroup(_ region: String) -> String {
        String(region.split(separator: "/").first ?? Substring(region)).trimmingSpaces()
    }

    /// The name a summary goes by in a rollup: its region, else its folder's name (the folder's
    /// own, also for `./summary.json` or `../east/summary.json`), else its title.
    public static func regionName(_ input: Input) -> String {
        if let region = input.document.region, !region.isEmpty { return region }
        let folder = URL(fileURLWithPath: input.path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
        if !folder.isEmpty && folder != "/" && folder != "." && folder != ".." { return folder }
        return input.document.title
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
