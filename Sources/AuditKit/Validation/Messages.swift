/// The texts of the structural and value diagnostics, in both languages.
enum Messages {
    static let aMapping = Localized(zh: "键值映射（缩进的 `键: 值` 行）", en: "a mapping (indented `key: value` lines)")
    static let aList = Localized(zh: "列表（每项以 `- ` 开头，空列表写 `[]`）", en: "a list (items starting with `- `, or `[]` when empty)")
    static let aSingleValue = Localized(zh: "单个值", en: "a single value")

    static func where_(_ path: String) -> String { path.isEmpty ? "document" : path }

    /// A value from the file as a message quotes it: at most 80 characters, then an ellipsis, so
    /// that a megabyte-long value cannot make a megabyte-long diagnostic; and characters that
    /// print as nothing (a byte-order mark or a zero-width space inside the text, a soft hyphen,
    /// direction marks) spelt out, `<U+FEFF>`, or `category` and `\u{FEFF}category` would read
    /// alike in "unknown key category".
    static func shown(_ text: String) -> String {
        let head = text.prefix(81)
        let cut = head.count <= 80 ? text : String(head.dropLast()) + "…"
        guard cut.unicodeScalars.contains(where: isInvisible) else { return cut }
        var visible = ""
        // At most 80 scalars: one character may join any number of them.
        for (index, scalar) in cut.unicodeScalars.enumerated() {
            if index == 80 {
                visible += "…"
                break
            }
            if isInvisible(scalar) {
                visible += "<U+" + Escaping.hexDigits(scalar.value, count: scalar.value > 0xFFFF ? 5 : 4) + ">"
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible
    }

    /// Format characters (Unicode's Cf: U+FEFF, U+200B to U+200F, U+00AD, U+2060…), which have no
    /// glyph, and spaces other than the ordinary one (U+3000 from a Chinese input method, U+00A0),
    /// which look like it but are text to YAML.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .format || (category == .spaceSeparator && scalar != " ")
    }

    static func notFilled(_ path: String) -> Localized {
        .init(zh: "\(where_(path)) 未填写", en: "\(where_(path)) is not filled in")
    }
    static func notFilledHint(_ field: Field?, path: String = "") -> Localized {
        guard let field else {
            return .init(zh: "填写该项，或删除这一行", en: "write a value here, or delete the line")
        }
        let example = field.example.map { Localized(zh: "，例如 \($0)", en: " (e.g. \($0))") } ?? Localized(zh: "", en: "")
        var hint = Localized(zh: "在冒号后填写：\(field.doc.zh)\(example.zh)", en: "after the colon, write: \(field.doc.en)\(example.en)")
        switch field.presence {
        case .optional:
            hint.zh += "；不适用时删除这一行"
            hint.en += "; or delete the line if it does not apply"
        case .requiredUnless(let key, let values), .requiredWhen(let key, let values):
            let list = values.joined(separator: ", ")
            if case .requiredUnless = field.presence {
                hint.zh += "；\(key) 为 \(list) 时删除这一行"
                hint.en += "; or delete the line when \(key) is \(list)"
            }
        case .required:
            break
        }
        // Only the checklist's top-level lists may be empty; a standard's haves and criteria may not.
        if let bracket = path.firstIndex(of: "["), ["equipment", "rules", "activities", "evidence"].contains(String(path[..<bracket])) {
            let list = String(path[..<bracket])
            hint.zh += "；如果没有任何一项，删除这一项并写 `\(list): []`"
            hint.en += "; if there are none at all, delete the item and write `\(list): []`"
        }
        return hint
    }

    static func wrongShape(_ path: String, expected: Localized) -> Localized {
        .init(zh: "\(where_(path)) 应为\(expected.zh)", en: "\(where_(path)) should be \(expected.en)")
    }
    static func wrongShapeHint(_ expected: Localized) -> Localized {
        .init(zh: "改写为\(expected.zh)；参考 `audit new` 生成的模板", en: "write it as \(expected.en); see the template from `audit new`")
    }
    /// The problems of a file past `DiagnosticSink.limit`: how many, how many of them errors.
    static func unlisted(_ count: Int, errors: Int) -> Localized {
        if count == 1 {
            return errors == 1 ? Localized(zh: "另有 1 个错误未列出，在这里", en: "1 more error is not listed; it is here")
                : Localized(zh: "另有 1 个警告未列出，在这里", en: "1 more warning is not listed; it is here")
        }
        if errors == count { return Localized(zh: "另有 \(count) 个错误未列出，第一个在这里", en: "\(count) more errors are not listed; the first is here") }
        if errors == 0 { return Localized(zh: "另有 \(count) 个警告未列出，第一个在这里", en: "\(count) more warnings are not listed; the first is here") }
        return Localized(zh: "另有 \(count) 个问题未列出，其中 \(errors) 个是错误；第一个在这里",
                         en: "\(count) more problems are not listed, \(errors) of them \(errors == 1 ? "an error" : "errors"); the first is here")
    }

    static let unlistedHint = Localized(zh: "一个文件最多列出 \(DiagnosticSink.limit) 个问题：先改正已列出的，再检查一次",
                                        en: "a file lists at most \(DiagnosticSink.limit) problems: fix those listed and validate again")

    static let complexKey = Localized(zh: "键必须是简单文字", en: "a key must be plain text")
    static let complexKeyHint = Localized(zh: "键只用英文小写和下划线，如 area_m2", en: "keys are lower-case snake_case words such as area_m2")

    static func duplicateKey(_ key: String, first: Int, second: Int) -> Localized {
        .init(zh: "键 \(shown(key)) 在第 \(first) 行和第 \(second) 行重复出现",
              en: "key \(shown(key)) appears twice, on line \(first) and line \(second)")
    }
    static func duplicateKeyHint(first: Int) -> Localized {
        .init(zh: "保留一处：合并到第 \(first) 行后删除这一行", en: "keep one: merge into line \(first) and delete this one")
    }
    /// A key repeated inside a list item: a missing `- ` is likelier than a value written twice,
    /// and merging would throw the second item away.
    static func duplicateKeyInItemHint(first: Int, newItem key: String, at line: Int) -> Localized {
        .init(zh: "若从第 \(line) 行起是列表的另一项，在该行的 \(shown(key)) 前加上 `- `；否则保留一处：合并到第 \(first) 行后删除这一行",
              en: "if line \(line) starts another item of the list, put `- ` before \(shown(key)) there; otherwise keep one: merge into line \(first) and delete this one")
    }

    /// For a key that is a field once the characters that print as nothing are taken out.
    static func invisibleInKeyHint(_ key: String) -> Localized {
        .init(zh: "键里有看不见的字符或全角空格（上面以 <U+…> 标出，常由复制粘贴或中文输入法带入）：删掉它们，写作 \(key)",
              en: "the key holds characters that print as nothing or as a wide space (shown as <U+…> above, often pasted in or typed by an input method): delete them and write \(key)")
    }
    static func unknownKey(_ key: String) -> Localized {
        .init(zh: "未知的键 \(shown(key))", en: "unknown key \(shown(key))")
    }
    static func unknownKeyHint(_ suggestion: String?, allowed: [String]) -> Localized {
        if let suggestion {
            return .init(zh: "是不是 \(suggestion)？", en: "did you mean \(suggestion)?")
        }
        let list = allowed.joined(separator: ", ")
        return .init(zh: "此处可用的键：\(list)", en: "keys allowed here: \(list)")
    }

    /// For a key whose name starts with full-width spaces, typed as indentation.
    static let fullWidthIndentHint = Localized(
        zh: "键前面是全角空格：缩进只能用半角空格，把它们换成半角空格",
        en: "the key is preceded by full-width spaces: indent with ordinary spaces instead")

    /// For a key left empty because the line under it is indented with full-width spaces.
    static func fullWidthIndentBelowHint(_ key: String, line: Int) -> Localized {
        .init(zh: "第 \(line) 行用全角空格缩进，YAML 不把它当作缩进：换成半角空格，该行才属于 \(key)",
              en: "line \(line) is indented with full-width spaces, which YAML does not count as indentation: "
                  + "use ordinary spaces, so that the line belongs to \(key)")
    }

    /// For a key that belongs to the mapping of an earlier key: it was written too far left.
    static func indentUnderHint(_ key: String, owner: String, line: Int) -> Localized {
        .init(zh: "\(shown(key)) 是 \(owner) 下的项：在行首加空格，缩进到第 \(line) 行的 \(owner): 之下",
              en: "\(shown(key)) is a key of \(owner): indent it under \(owner): (line \(line)) with spaces")
    }

    /// For a mapping key left empty because its own keys, from line `line` on, were not indented.
    static func keysNotIndentedHint(_ key: String, next: String, line: Int) -> Localized {
        .init(zh: "从第 \(line) 行的 \(shown(next)) 起，\(key) 下的各项要在行首加空格，缩进到 \(key): 之下",
              en: "indent the keys of \(key), from \(shown(next)) at line \(line) on, under \(key): with spaces")
    }

    static func missingKey(_ key: String, in path: String) -> Localized {
        path.isEmpty
            ? .init(zh: "缺少必填项 \(key)", en: "missing required key \(key)")
            : .init(zh: "\(path) 缺少必填项 \(key)", en: "\(path) is missing required key \(key)")
    }
    static func missingWhen(_ key: String, sibling: String, value: String) -> Localized {
        .init(zh: "\(sibling) 为 \(value) 时必须填写 \(key)", en: "\(key) is required when \(sibling) is \(value)")
    }
    static func missingUnless(_ key: String, sibling: String, values: [String]) -> Localized {
        let list = values.joined(separator: ", ")
        return .init(zh: "必须填写 \(key)（\(sibling) 为 \(list) 时除外）", en: "\(key) is required unless \(sibling) is \(list)")
    }
    static func missingKeyHint(_ field: Field) -> Localized {
        let example = field.example.map { " \($0)" } ?? ""
        // A dash, not brackets: some field names carry brackets of their own.
        return .init(zh: "添加 `\(field.key):\(example)`——\(field.doc.zh)",
                     en: "add `\(field.key):\(example)` — \(field.doc.en)")
    }

    /// `quoted`: the value was written in quotes, which make even digits text.
    static func notInteger(_ text: String, quoted: Bool = false) -> Localized {
        if quoted, let decimal = ScalarReader.decimal(text), decimal == decimal.rounded() {
            return .init(zh: "“\(shown(text))”加了引号，是文字而不是整数", en: "\"\(shown(text))\" is in quotes, which make it text, not a whole number")
        }
        return .init(zh: "“\(shown(text))”不是整数", en: "\"\(shown(text))\" is not a whole number")
    }
    static func notNumber(_ text: String, quoted: Bool = false) -> Localized {
        if quoted, ScalarReader.decimal(text) != nil {
            return .init(zh: "“\(shown(text))”加了引号，是文字而不是数字", en: "\"\(shown(text))\" is in quotes, which make it text, not a number")
        }
        return .init(zh: "“\(shown(text))”不是数字", en: "\"\(shown(text))\" is not a number")
    }
    static func numberHint(_ text: String, quoted: Bool, integer: Bool) -> Localized {
        if quoted {
            // The quotes are the only slip only when what they hold is a number.
            if let decimal = ScalarReader.decimal(text), !integer || decimal == decimal.rounded() {
                return .init(zh: "去掉引号，直接写数字", en: "remove the quotes: write the number bare")
            }
            let bare = numberHint(text, quoted: false, integer: integer)
            return .init(zh: "去掉引号；" + bare.zh, en: "drop the quotes; " + bare.en)
        }
        if let value = NumberSpelling.fullWidthDigits(text) {
            return .init(zh: "用半角数字书写：\(value)", en: "write half-width digits: \(value)")
        }
        if let meant = NumberSpelling.intended(text) {
            switch meant.extra {
            case .separators:
                return .init(zh: "去掉千位分隔符：写作 \(meant.value)", en: "drop the thousands separators: write \(meant.value)")
            case .multiplied:
                return .init(zh: "写出完整的数：\(shown(text)) 写作 \(meant.value)", en: "write the whole number: \(meant.value) for \(shown(text))")
            case .approximate:
                return .init(zh: "只写数字（估计数也可）：\(meant.value)", en: "write the number alone (an estimate will do): \(meant.value)")
            case .unit:
                return .init(zh: "只写数字，不带单位或货币符号：\(meant.value)", en: "write the number alone, without a unit or currency sign: \(meant.value)")
            }
        }
        if text.contains(where: { "零〇一二两三四五六七八九十百千万亿".contains($0) }) {
            if let value = NumberSpelling.chineseNumeral(text) {
                return .init(zh: "用阿拉伯数字书写：\(text) 写作 \(value)", en: "write Arabic digits: \(value) rather than \(text)")
            }
            return .init(zh: "用阿拉伯数字书写，例如 八十 写作 80", en: "write Arabic digits, e.g. 80 rather than 八十")
        }
        if integer, let decimal = ScalarReader.decimal(text), decimal.isFinite {
            if decimal == decimal.rounded(), abs(decimal) < 1e15 {
                return .init(zh: "写成整数：\(Int(decimal))", en: "write it as a whole number: \(Int(decimal))")
            }
            if abs(decimal) >= 1e15 {
                return .init(zh: "这个数太大了，核对后重新填写", en: "this number is far too large; check it")
            }
            return .init(zh: "这里只能填整数", en: "only a whole number fits here")
        }
        if text.hasSuffix("元") || text.hasSuffix("人") || text.hasSuffix("平方米") || text.hasSuffix("㎡") {
            return .init(zh: "只写数字，不带单位", en: "write the number alone, without a unit")
        }
        return integer
            ? .init(zh: "写一个整数，例如 12", en: "write a whole number, e.g. 12")
            : .init(zh: "写一个数字，例如 85 或 85.5", en: "write a number, e.g. 85 or 85.5")
    }

    static func tooSmall(_ text: String, min: String) -> Localized {
        .init(zh: "\(shown(text)) 小于允许的最小值 \(min)", en: "\(shown(text)) is below the minimum \(min)")
    }
    static func notAbove(_ text: String, min: String) -> Localized {
        .init(zh: "\(shown(text)) 必须大于 \(min)", en: "\(shown(text)) must be greater than \(min)")
    }
    /// A number at or past the size every number is read below (1e15): "above the maximum 1e15"
    /// would be wrong for 1e15 itself.
    static func notBelowLimit(_ text: String) -> Localized {
        .init(zh: "\(shown(text)) 不小于数字的上限 1e15", en: "\(shown(text)) is not below the limit 1e15 for numbers")
    }
    static func notAboveLimit(_ text: String) -> Localized {
        .init(zh: "\(shown(text)) 不大于数字的下限 -1e15", en: "\(shown(text)) is not above the limit -1e15 for numbers")
    }
    static func tooLarge(_ text: String, max: String) -> Localized {
        .init(zh: "\(shown(text)) 超过允许的最大值 \(max)", en: "\(shown(text)) is above the maximum \(max)")
    }
    /// How to write a number in range; `path` says whose, for the venue's own advice.
    static func rangeHint(min: String?, max: String?, exclusive: Bool = false, path: String = "") -> Localized {
        switch (min, max) {
        case let (min?, max?) where exclusive:
            return .init(zh: "填写大于 \(min)、不大于 \(max) 的数", en: "write a number above \(min) and at most \(max)")
        case let (min?, max?): return .init(zh: "填写 \(min) 到 \(max) 之间的数", en: "write a number from \(min) to \(max)")
        case let (min?, nil) where exclusive && path.hasPrefix("venue."):
            return .init(zh: "填写大于 \(min) 的数；没有场所时把 status 写为 none 并删除此项",
                         en: "write a number above \(min); with no venue, set status to none and delete this key")
        case let (min?, nil) where exclusive:
            return .init(zh: "填写大于 \(min) 的数", en: "write a number above \(min)")
        case let (min?, nil): return .init(zh: "填写不小于 \(min) 的数", en: "write a number of at least \(min)")
        case let (nil, max?): return .init(zh: "填写不大于 \(max) 的数", en: "write a number of at most \(max)")
        case (nil, nil): return .init(zh: "填写一个合理的数", en: "write a plausible number")
        }
    }

    static func notBoolean(_ text: String) -> Localized {
        .init(zh: "“\(shown(text))”不是 true 或 false", en: "\"\(shown(text))\" is not true or false")
    }
    static func booleanHint(_ text: String) -> Localized {
        if let word = booleanWord(text) { return .init(zh: "写作 \(word)", en: "write \(word)") }
        return .init(zh: "只能写 true（是）或 false（否），不加引号", en: "write true or false, without quotes")
    }

    /// `true` or `false` for the words inspectors write for them (yes, 是, 无…), else nil.
    static func booleanWord(_ text: String) -> String? {
        let lowered = text.lowercased()
        if ["yes", "y", "on", "是", "有", "对", "已", "1"].contains(lowered) { return "true" }
        if ["no", "n", "off", "否", "无", "没有", "未", "0"].contains(lowered) { return "false" }
        return nil
    }

    static func badDate(_ text: String) -> Localized {
        CalendarDate.looksISO(text)
            ? .init(zh: "\(shown(text)) 不是真实存在的日期", en: "\(shown(text)) is not a real calendar date")
            : .init(zh: "“\(shown(text))”不是 YYYY-MM-DD 格式的日期", en: "\"\(shown(text))\" is not a date in YYYY-MM-DD form")
    }
    static func dateHint(_ text: String) -> Localized {
        if CalendarDate.looksISO(text) {
            // Name the month's length when the month itself is real: 2023-02-29 → 28 days.
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, (1...9999).contains(parts[0]), (1...12).contains(parts[1]) {
                let days = CalendarDate.daysIn(month: parts[1], year: parts[0])
                return .init(zh: "\(parts[0]) 年 \(parts[1]) 月只有 \(days) 天：核对日期",
                             en: "\(Self.monthNames[parts[1] - 1]) \(parts[0]) has \(days) days: check the day")
            }
            return .init(zh: "核对年份、月份（1 到 12）和日期", en: "check the year, the month (1 to 12) and the day")
        }
        if let date = CalendarDate.intended(text) {
            return .init(zh: "写作 \(date)（年-月-日，月和日各两位）", en: "write \(date) (year-month-day, two digits each for month and day)")
        }
        return .init(zh: "写作 年-月-日，例如 2022-06-15", en: "write year-month-day, e.g. 2022-06-15")
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    static func notInChoices(_ text: String) -> Localized {
        .init(zh: "“\(shown(text))”不是允许的取值", en: "\"\(shown(text))\" is not an allowed value")
    }
    static func choicesHint(_ suggestion: String?, allowed: [String]) -> Localized {
        let list = allowed.joined(separator: " | ")
        if let suggestion {
            return .init(zh: "是不是 \(suggestion)？可选：\(list)", en: "did you mean \(suggestion)? allowed: \(list)")
        }
        return .init(zh: "可选：\(list)", en: "allowed: \(list)")
    }

    /// For list items run together by a Chinese comma or 、.
    static func listSeparatorHint(_ items: [String]) -> Localized {
        let list = "[" + items.joined(separator: ", ") + "]"
        return .init(zh: "列表各项用半角逗号“,”分隔：\(list)", en: "separate the items with a half-width comma: \(list)")
    }

    static func badPattern(_ text: String, pattern: String) -> Localized {
        .init(zh: "“\(shown(text))”不符合格式 \(pattern)", en: "\"\(shown(text))\" does not match \(pattern)")
    }
    /// For text over its field's length (`limit` characters).
    static func tooLong(_ text: String, limit: Int) -> Localized {
        let count = text.unicodeScalars.count
        return .init(zh: "这段文字有 \(count) 个字符，超过此项上限 \(limit) 个：“\(shown(text))”",
                     en: "the text is \(count) characters long, over the \(limit) this key allows: \"\(shown(text))\"")
    }
    static func tooLongHint(limit: Int) -> Localized {
        .init(zh: "缩短到 \(limit) 个字符以内；需要说明的写进 inspection.notes", en: "shorten it to \(limit) characters at most; anything more goes in inspection.notes")
    }
    static func identifierHint(_ text: String) -> Localized {
        .init(zh: "只用小写英文字母、数字和连字符，以字母或数字开头，最长 63 个字符，例如 county-education-bureau",
              en: "use lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 long, e.g. county-education-bureau")
    }

    static func unknownFormat(_ text: String) -> Localized {
        .init(zh: "未知的清单格式“\(shown(text))”", en: "unknown checklist format \"\(shown(text))\"")
    }
    static func unknownFormatHint(_ allowed: [String]) -> Localized {
        let list = allowed.joined(separator: ", ")
        return .init(zh: "写作 format: \(list)", en: "write format: \(list)")
    }
}

extension CalendarDate {
    /// Whether `text` has the shape `NNNN-NN-NN`, real date or not.
    static func looksISO(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == 45 : (48...57).contains(byte)
        }
    }
}

/// Numbers written the way a Chinese keyboard may produce them, for hints.
enum NumberSpelling {
    /// What was written around a number.
    enum Extra: Equatable {
        /// `1,200`: thousands separators.
        case separators
        /// `3万`, `1.5万元`, `3千`: a count of ten thousands or of thousands.
        case multiplied
        /// `约50`, `30多`, `50左右`: an estimate.
        case approximate
        /// `25小时`, `60 m2`, `￥3000`: a unit or a currency sign.
        case unit
    }

    private static let approximations = ["大约", "约", "近", "余", "多", "左右", "以上", "上下"]
    private static let units = ["平方米", "平米", "㎡", "m²", "m2", "个小时", "小时", "元", "人", "天", "次", "个", "年度", "年",
                                "￥", "¥", "$", "RMB"]

    /// The number an inspector meant by `text` when it is digits with something around them:
    /// the number as it should be written, and what was around it. Nil for anything else.
    static func intended(_ text: String) -> (value: String, extra: Extra)? {
        var rest = Substring(text.trimmingSpaces())
        var extra: Extra?
        // Peel the words off either end, one at a time; the first one peeled says what kind they are.
        while let word = (approximations + units).first(where: { rest.hasPrefix($0) || rest.hasSuffix($0) }) {
            rest = rest.hasPrefix(word) ? rest.dropFirst(word.count) : rest.dropLast(word.count)
            rest = Substring(String(rest).trimmingSpaces())
            extra = extra ?? (approximations.contains(word) ? .approximate : .unit)
        }
        var multiplier = 1.0
        if let (suffix, factor) = [("万", 10_000.0), ("千", 1_000.0)].first(where: { rest.hasSuffix($0.0) }) {
            multiplier = factor
            rest = rest.dropLast(suffix.count)
            extra = .multiplied
        }
        var digits = String(rest).replacingOccurrences(of: "，", with: ",")
        if digits.contains(",") {
            // Thousands separators only: groups of three digits after the first (`1,200`, not `1,5`).
            let whole = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            digits = digits.replacingOccurrences(of: ",", with: "")
            extra = extra ?? .separators
        }
        digits = fullWidthDigits(digits) ?? digits
        guard let extra, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let number = Double(digits) else { return nil }
        // Ten-thousands rounded to the unit's ten-thousandth: 1.13万 is 11300, not 11299.999999999998.
        let value = multiplier == 1 ? number : (number * multiplier * 10_000).rounded() / 10_000
        return (Value.format(value), extra)
    }

    /// `８６` → `86`: full-width digits (with an optional sign and point) as ASCII.
    static func fullWidthDigits(_ text: String) -> String? {
        var result = ""
        var sawFullWidth = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:
                result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
                sawFullWidth = true
            case 0xFF0E: result += "."
            case 0xFF0D: result += "-"
            case 0x30...0x39, 0x2E, 0x2D: result.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        return sawFullWidth ? result : nil
    }

    /// `八十五` → 85, `一千二百` → 1200, `三万` → 30000: simple Chinese numerals below 100 million;
    /// and digit by digit, as years and codes are written: `二〇二二` → 2022, `一〇〇` → 100,
    /// `一九四九` → 1949 (with a zero, or four digits or more; `三五` is a range, and no number).
    static func chineseNumeral(_ text: String) -> Int? {
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
        // Two or three digits with no zero (三五, 七八, 一两) are a range, "three to five", not 35.
        if text.count > 1, text.count <= 15, text.allSatisfy({ digits[$0] != nil }),
           text.count >= 4 || text.contains("〇") || text.contains("零") {
            return text.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0
        var section = 0
        var digit: Int?
        for character in text {
            if let value = digits[character] {
                // Two digits in a row read as a count of units only after a 零 (一千零五).
                if let previous = digit, previous != 0 { return nil }
                digit = value
            } else if let unit = units[character] {
                section += (digit ?? 1) * unit
                digit = nil
            } else if character == "万" {
                total += (section + (digit ?? 0)) * 10_000
                section = 0
                digit = nil
            } else {
                return nil
            }
        }
        let value = total + section + (digit ?? 0)
        return text.isEmpty ? nil : value
    }
}
