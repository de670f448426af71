/// Turns libyaml's English problem texts into messages in both languages, and looks at the lines
/// around the problem for the slips inspectors make most: a full-width colon, a tab in the
/// indentation, an unquoted value holding ": " or " #".
enum SyntaxAdvice {
    /// The Chinese for libyaml's problem texts (the English stays libyaml's own).
    private static let problems: [(String, String)] = [
        ("mapping values are not allowed", "此处不能出现“键: 值”，常见原因是缩进不对，或值里有冒号却没有加引号"),
        ("could not find expected ':'", "找不到应有的半角冒号“:”"),
        ("did not find expected key", "缩进不对：这里应当是一个键"),
        ("did not find expected '-' indicator", "列表项的缩进不对，每项应以“- ”开头并对齐"),
        ("found character that cannot start any token", "这里有不能开头的字符（如制表符、@ 或 `）"),
        ("found a tab character", "缩进里有制表符（Tab）"),
        ("found unexpected end of stream", "文件意外结束，引号或括号没有闭合"),
        ("did not find expected node content", "这里缺少值"),
        ("block sequence entries are not allowed", "此处不能开始列表项（“- ”）"),
        ("found unknown escape character", "双引号字符串里有无法识别的转义（\\）"),
        ("found undefined tag handle", "标签前缀没有定义"),
        ("did not find expected ',' or ']'", "方括号列表里缺少逗号或右括号“]”"),
        ("did not find expected ',' or '}'", "花括号映射里缺少逗号或右括号“}”"),
        ("found duplicate %YAML directive", "%YAML 指令重复"),
        ("did not find expected comment or line break", "这里应当换行或写注释"),
    ]

    /// The message and hint for a syntax error that libyaml reports at `mark` in `bytes`, and where
    /// to point. A key written with a full-width colon, or with no space after its colon, turns its
    /// line into a plain value, and libyaml notices only on a later line ("could not find expected
    /// ':'", or "mapping values are not allowed" when the next line has a key); then the diagnostic
    /// points at the slip itself. Otherwise it stays at `mark`.
    /// `contextMark` is where libyaml's context began (for a missing ':', the start of the would-be key).
    static func advice(problem: String, context: String?, mark: Mark, contextMark: Mark, bytes: [UInt8])
        -> (message: Localized, hint: Localized, mark: Mark) {
        let detail = context.map { "\($0), \(problem)" } ?? problem
        let lines = self.lines(bytes)
        // A quote left open is found out only at the end of the file, a bracket left open on a
        // later line: point where it was opened.
        let unclosedQuote = problem.contains("unexpected end of stream") && context?.contains("quoted scalar") == true
        let unclosedBracket = problem.contains("did not find expected ','") && context?.contains("flow") == true
            && contextMark.line < mark.line && !closes(bracketAt: contextMark, in: lines)
        if unclosedQuote || unclosedBracket {
            return (.init(zh: "YAML 语法错误：这里开始的引号或括号直到文件结尾都没有闭合（\(detail)）",
                          en: "YAML syntax error: the quote or bracket opened here is never closed (\(detail))"),
                    .init(zh: "在这个值的末尾补上对应的右引号或右括号", en: "add the closing quote or bracket at the end of this value"),
                    contextMark)
        }
        let zh = problems.first { problem.contains($0.0) }?.1 ?? "格式不符合 YAML 语法"
        let message = Localized(zh: "YAML 语法错误：\(zh)（\(detail)）", en: "YAML syntax error: \(detail)")
        // Where the cause is a key's colon written wrong, the message names it: libyaml's own words
        // ("could not find expected ':'") would read as though the colon were missing.
        let slipMessage = Localized(zh: "YAML 语法错误：键和值之间要用半角冒号加半角空格“: ”分开（\(detail)）",
                                    en: "YAML syntax error: a key and its value are separated by a colon and an ordinary space (\(detail))")
        // The line before the problem's and its own (0-based indices).
        let nearby = [mark.line - 2, mark.line - 1].filter { $0 >= 0 && $0 < lines.count }
        // A missing ':' is the would-be key's: libyaml says where it started.
        if problem.contains("could not find expected ':'"), lines[safe: contextMark.line - 1] != nil,
           let slip = keySlip(in: lines, at: [contextMark.line - 1]) {
            return (slipMessage, slip.hint, slip.mark)
        }
        // "Mapping values" counts only at the first colon of its line: a value run on from the line
        // before meets it there; a second `: ` inside one line is a slip of that line.
        if problem.contains("mapping values are not allowed"), let line = lines[safe: mark.line - 1],
           let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) + 1 == mark.column,
           let slip = keySlip(in: lines, at: nearby) {
            return (slipMessage, slip.hint, slip.mark)
        }
        // A slipped key with a comment after it ends as a plain value at the comment; libyaml then
        // misses a key on the next line: the slip is on the line before.
        if problem.contains("did not find expected key"), lines[safe: mark.line - 2] != nil,
           let slip = keySlip(in: lines, at: [mark.line - 2]) {
            return (slipMessage, slip.hint, slip.mark)
        }
        // Full-width spaces (U+3000, typed with a Chinese input method) are not indentation to YAML:
        // the line starts a new key where it should continue the one above.
        if let index = nearby.first(where: { lines[$0].drop(while: { $0 == " " }).hasPrefix("\u{3000}") }) {
            let line = lines[index]
            let column = line.distance(from: line.startIndex, to: line.firstIndex(of: "\u{3000}")!) + 1
            return (message, .init(zh: "行首有全角空格：缩进只能用半角空格，把它们换成半角空格",
                                   en: "the line is indented with full-width spaces: indent with ordinary spaces instead"),
                    Mark(line: index + 1, column: column))
        }
        if nearby.contains(where: { lines[$0].hasPrefix("\t") || lines[$0].drop(while: { $0 == " " }).hasPrefix("\t") }) {
            return (message, .init(zh: "缩进只能用空格，把这一行开头的 Tab 换成空格", en: "indent with spaces only: replace the tab at the start of the line"), mark)
        }
        if let (index, colon) = nearby.reversed().lazy.compactMap({ index in keyColon(in: lines[index]).map { (index, $0) } })
            .first(where: { $0.1.fullWidth }) {
            let column = lines[index].distance(from: lines[index].startIndex, to: colon.index) + 1
            return (slipMessage, fullWidthHint(lines[index]), Mark(line: index + 1, column: column))
        }
        // `-item: books`: without its space the dash is part of the key, not a list item.
        if let index = nearby.last(where: { dashWithoutSpace(lines[$0]) }) {
            let line = lines[index]
            let column = line.prefix { $0 == " " }.count + 1
            let fixed = "- " + line.drop { $0 == " " }.dropFirst()
            return (message, .init(zh: "在 - 后加一个空格：\(fixed)", en: "put a space after the dash: \(fixed)"),
                    Mark(line: index + 1, column: column))
        }
        // A key indented more (or, in a list item, less) than the key above it, whose value
        // rules out being its child: most often a template line uncommented by deleting only `#`.
        for index in nearby.reversed() {
            if let slip = indentSlip(in: lines, at: index) { return (message, slip.hint, Mark(line: slip.line, column: 1)) }
        }
        return (message, .init(zh: "检查这一行及上一行的缩进（只用空格）、冒号后的空格和引号是否成对；值里有“: ”或“ #”时给值加引号",
                               en: "check the indentation (spaces only), the space after each colon and paired quotes on this line and the one before; quote values that contain ': ' or ' #'"),
                mark)
    }

    /// The text's lines as libyaml counts them: LF, CR LF and CR each end one.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Whether the flow collection opened at `mark` (`[` or `{`) is closed somewhere in the lines
    /// that continue it (those indented more than its own line, up to the end of the file): then a
    /// "did not find expected ','" is a slip inside it, not a bracket left open.
    private static func closes(bracketAt mark: Mark, in lines: [Substring]) -> Bool {
        guard let first = lines[safe: mark.line - 1] else { return false }
        let opening = first.dropFirst(mark.column - 1).first
        let closing: Character = opening == "{" ? "}" : "]"
        let indent = first.prefix { $0 == " " }.count
        if first.dropFirst(mark.column).contains(closing) { return true }
        for line in lines.dropFirst(mark.line) {
            let content = line.drop { $0 == " " }
            if !content.isEmpty && line.count - content.count <= indent { break }
            if content.contains(closing) { return true }
        }
        return false
    }

    /// The key written with a full-width colon, or with no space after its colon, on one of the
    /// lines `indices`, looked at in that order.
    private static func keySlip(in lines: [Substring], at indices: [Int]) -> (hint: Localized, mark: Mark)? {
        for index in indices {
            guard let slip = colonSlip(in: lines[index]) else { continue }
            return (slip.hint, Mark(line: index + 1, column: slip.column))
        }
        return nil
    }

    /// The hint for `line` if it writes a key and its value with a full-width colon, or with no
    /// space after the colon, and the column (from 1) to point at: the colon, or the character
    /// the space should go before. A value YAML read as text where a mapping was expected
    /// (`min_retirees：15`) is such a line too.
    static func colonSlip(in line: Substring) -> (hint: Localized, column: Int)? {
        guard let colon = keyColon(in: line) else { return nil }
        let column = line.distance(from: line.startIndex, to: colon.index) + 1
        if colon.fullWidth { return (fullWidthHint(line), column) }
        let key = String(line[..<colon.index]).trimmingSpaces()
        let after = line[line.index(after: colon.index)...]
        // A full-width space (U+3000) after the colon looks like a space but is text to YAML.
        let value = String(after.drop { $0 == "\u{3000}" }).trimmingSpaces()
        if after.first == "\u{3000}" {
            return (.init(zh: "冒号后是全角空格，改为半角空格：\(key): \(value)",
                          en: "the space after the colon is a full-width one: use an ordinary space: \(key): \(value)"), column + 1)
        }
        return (.init(zh: "在冒号后加一个空格：\(key): \(value)", en: "put a space after the colon: \(key): \(value)"), column + 1)
    }

    /// Whether `line` is a list item written as `-key: value`: a dash run straight into a key of
    /// the format's kind and its colon (a dash before other text, a bullet in notes, is left alone).
    private static func dashWithoutSpace(_ line: Substring) -> Bool {
        let content = line.drop { $0 == " " }
        guard content.first == "-" else { return false }
        let rest = content.dropFirst()
        guard rest.first?.isLetter == true, let key = keyName(at: rest) else { return false }
        return rest[key.endIndex...].hasPrefix(":")
    }

    /// The key of the format's kind (`snake_case`) that `text` starts with, if it does.
    private static func keyName(at text: Substring) -> Substring? {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return nil }
        return text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The hint for a `key: value` line at `index` indented unlike the `key: value` line above it
    /// (blank and comment lines skipped), which has a value of its own and so no children.
    private static func indentSlip(in lines: [Substring], at index: Int) -> (hint: Localized, line: Int)? {
        func key(_ line: Substring) -> (indent: Int, keyColumn: Int, hasValue: Bool)? {
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
            var keyColumn = indent
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2); keyColumn += 2 }
            guard let name = keyName(at: rest) else { return nil }
            let after = rest[name.endIndex...]
            guard after.hasPrefix(": ") || after == ":" else { return nil }
            let value = after.dropFirst().drop { $0 == " " }
            return (indent, keyColumn, !value.isEmpty && !value.hasPrefix("#") && !value.hasPrefix("|") && !value.hasPrefix(">"))
        }
        /// The nearest line from `start` on, stepping by `step`, that is neither blank nor a comment.
        func content(from start: Int, step: Int) -> Int {
            var index = start
            while index >= 0, index < lines.count {
                let text = lines[index].drop { $0 == " " }
                if !text.isEmpty && !text.hasPrefix("#") { break }
                index += step
            }
            return index
        }
        func hint(_ line: Int, _ indent: Int, _ others: Int) -> (hint: Localized, line: Int) {
            (.init(zh: "第 \(line) 行缩进了 \(indent) 个空格，同一层的键缩进 \(others) 个：让同一层的键左端对齐",
                   en: "line \(line) is indented \(indent) spaces where the other keys of its level are indented \(others): line up keys of the same level"), line)
        }
        guard let line = lines[safe: index], let this = key(line), !line.drop(while: { $0 == " " }).hasPrefix("- ") else { return nil }
        let above = content(from: index - 1, step: -1)
        guard above >= 0, let previous = key(lines[above]), previous.hasValue, this.indent != previous.keyColumn else { return nil }
        // This key deeper than the one above (or, in a list item, between its dash and its key).
        if this.indent > previous.indent {
            // The key above right under an empty key at its own level (`inspection:` / `date: …`
            // / `  inspector: …`): more likely that key is the one written too far left.
            let parent = content(from: above - 1, step: -1)
            if parent >= 0, let owner = key(lines[parent]), !owner.hasValue, owner.indent == previous.indent,
               previous.indent == previous.keyColumn {
                let ownerName = lines[parent].dropFirst(owner.keyColumn).prefix { $0 != ":" }
                let aboveName = lines[above].dropFirst(previous.keyColumn).prefix { $0 != ":" }
                let depth = this.indent - previous.indent
                return (.init(zh: "第 \(above + 1) 行的 \(aboveName) 与第 \(parent + 1) 行的 \(ownerName): 同级，而第 \(index + 1) 行缩进了 \(depth) 个空格："
                                  + "\(aboveName) 若属于 \(ownerName)，给第 \(above + 1) 行也缩进 \(depth) 个空格；否则让第 \(index + 1) 行与它左端对齐",
                              en: "\(aboveName) on line \(above + 1) is at the level of \(ownerName): (line \(parent + 1)), while line \(index + 1) is "
                                  + "indented \(depth) spaces: if \(aboveName) belongs under \(ownerName):, indent line \(above + 1) by \(depth) spaces too; "
                                  + "otherwise line up line \(index + 1) with it"), above + 1)
            }
            return hint(index + 1, this.indent, previous.keyColumn)
        }
        // This key under the dashes of the list item above it, without one of its own: a key of
        // that item written too far left, or a new item whose `- ` was left out.
        if this.indent < previous.keyColumn, let item = itemStart(in: lines, above: above, dashAt: this.indent) {
            // The item's own keys are where its first one is, whatever is nested above this line.
            let column = key(lines[item])?.keyColumn ?? previous.keyColumn
            let first = lines[item].dropFirst(column).prefix { $0 != ":" }
            let name = line.dropFirst(this.indent).prefix { $0 != ":" }
            return (.init(zh: "第 \(index + 1) 行的 \(name) 与列表的“- ”对齐了：它若属于第 \(item + 1) 行起的这一项，"
                              + "缩进 \(column) 个空格，与 \(first) 对齐；它若开始新的一项，在前面加上“- ”",
                          en: "\(name) on line \(index + 1) is indented like the list's dashes: if it belongs to the item "
                              + "that starts on line \(item + 1), indent it \(column) spaces, in line with \(first); "
                              + "if it starts a new item, put \"- \" before it"), index + 1)
        }
        // This key shallower than the one above, which is the first of its mapping: when the key
        // after this one lines up with it, and their parent sits further left, the odd one is above.
        guard previous.indent == previous.keyColumn else { return nil }
        let below = content(from: index + 1, step: 1)
        let parent = content(from: above - 1, step: -1)
        guard let owner = lines[safe: parent], owner.prefix(while: { $0 == " " }).count < this.indent,
              owner.hasSuffix(":") else { return nil }
        // With no key after to tell, an odd indentation among the template's even ones is the slip.
        let nextLinesUp = lines[safe: below].flatMap(key)?.indent == this.indent
        guard nextLinesUp || (previous.indent % 2 == 1 && this.indent % 2 == 0) else { return nil }
        return hint(above + 1, previous.indent, this.indent)
    }

    /// The line (0-based) of the list item that the content line `above` belongs to, when that
    /// item's dash is at column `dashAt` (0-based): lines indented further are the item's own.
    private static func itemStart(in lines: [Substring], above: Int, dashAt indent: Int) -> Int? {
        var index = above
        while index >= 0 {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            let depth = line.count - content.count
            if !content.isEmpty && !content.hasPrefix("#") {
                if depth == indent && content.hasPrefix("- ") { return index }
                if depth <= indent { return nil }
            }
            index -= 1
        }
        return nil
    }

    private static func fullWidthHint(_ line: Substring) -> Localized {
        let fixed = line.firstIndex(of: "：").map { fixedPair(key: line[..<$0], value: line[line.index(after: $0)...]) }
            ?? shortened(String(line).trimmingSpaces())
        return .init(zh: "把全角冒号“：”改为半角冒号“:”，并在后面加一个空格：\(fixed)",
                     en: "replace the full-width colon \"：\" with \":\" followed by a space: \(fixed)")
    }

    /// A key and its value as they should be written, `inspector: 王刚`: spaces of either width
    /// trimmed, a comment after the value left out (one after a quoted value's closing quote
    /// only), and each part cut to 40 characters with an ellipsis.
    static func fixedPair(key: Substring, value: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        let name = String(trimmed(key, blank))
        var text = value.drop(while: blank)
        var searchFrom = text.startIndex
        if let quote = text.first, quote == "\"" || quote == "'" {
            searchFrom = text.dropFirst().firstIndex(of: quote).map { text.index(after: $0) } ?? text.endIndex
        }
        if let comment = text[searchFrom...].indices.first(where: { index in
            text[index] == "#" && (index == text.startIndex || [" ", "\t"].contains(text[text.index(before: index)]))
        }) {
            text = text[..<comment]
        }
        let shownValue = shortened(String(trimmed(text, blank)))
        return shownValue.isEmpty ? shortened(name) + ":" : shortened(name) + ": " + shownValue
    }

    private static func trimmed(_ text: Substring, _ blank: (Character) -> Bool) -> Substring {
        var text = text.drop(while: blank)
        while let last = text.last, blank(last) { text = text.dropLast() }
        return text
    }

    private static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Where `line` writes a key of the format's kind (`snake_case`, after the indentation and an
    /// optional `- `) followed by a full-width colon (straight after it or after spaces,
    /// `status ：dedicated`), or by a colon and a value with no ordinary space between
    /// (`inspector:李明`, or a full-width space there); nil for any other line, a colon inside a
    /// value included.
    static func keyColon(in line: Substring) -> (index: String.Index, fullWidth: Bool)? {
        var rest = line.drop(while: { $0 == " " })
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop(while: { $0 == " " }) }
        guard let key = keyName(at: rest) else { return nil }
        let after = rest[key.endIndex...]
        // A full-width colon may come after a space or two, typed with the input method's own.
        let spaced = after.drop { $0 == " " || $0 == "\u{3000}" }
        if spaced.first == "：" { return (spaced.startIndex, true) }
        guard after.first == ":", let next = after.dropFirst().first, next != " ", next != "\t", next != "\r" else { return nil }
        return (after.startIndex, false)
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
