/// Where a text stops being JSON, for a message that points there: Foundation's parser says only
/// that a file is not JSON. Checks the grammar (RFC 8259) and what else Foundation's reader refuses
/// (nesting past 512 levels, a number past the largest double, half a character escaped, bytes
/// that are not UTF-8), with its own stack rather than recursion; what the values mean is the
/// decoder's business.
enum JSONSyntax {
    /// The first place `bytes` breaks the grammar: its line and column (from 1, the column counted
    /// in characters) and what is wrong there; nil for well-formed JSON.
    static func firstError(in bytes: [UInt8]) -> (line: Int, column: Int, problem: Localized)? {
        var scanner = Scanner(bytes: bytes)
        guard let problem = scanner.check() else { return nil }
        let (line, column) = scanner.place()
        return (line, column, problem)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        /// Where the text first breaks UTF-8, which counts only inside a string: anywhere else any
        /// byte past ASCII already breaks the grammar.
        let firstInvalidUTF8: Int?

        init(bytes: [UInt8]) {
            self.bytes = bytes
            firstInvalidUTF8 = SourceCheck.firstInvalidUTF8(bytes)
            // A byte-order mark is not JSON, but Foundation reads past one: so does this.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        private enum Container { case object, array }

        private static let value = Localized(zh: "此处应为一个值", en: "a value was expected")
        private static let key = Localized(zh: "此处应为带双引号的键", en: "a key in double quotes was expected")

        /// How deep arrays and objects may nest: as deep as Foundation's reader takes.
        private static let deepest = 512

        private static let endOfFile = Localized(zh: "文件在 JSON 结束前就结束了", en: "the file ends before the JSON does")

        /// What is wrong where the grammar breaks, with `position` there; nil when the whole text
        /// is one JSON value. A string, number or word the file ends inside is a file cut short.
        mutating func check() -> Localized? {
            guard let problem = firstProblem() else { return nil }
            return position >= bytes.count ? Self.endOfFile : problem
        }

        private mutating func firstProblem() -> Localized? {
            var stack: [Container] = []
            // Whether a value is due next (after `[`, `,` or `:`), else a `,` or a closing bracket.
            var wantValue = true
            // Whether the value due is an object's key.
            var wantKey = false
            // Whether the bracket just opened may close at once.
            var mayClose = false
            while true {
                skipSpace()
                guard position < bytes.count else {
                    return stack.isEmpty && !wantValue ? nil : Self.endOfFile
                }
                let byte = bytes[position]
                if wantValue {
                    if mayClose, byte == (stack.last == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        stack.removeLast()
                        position += 1
                        (wantValue, wantKey, mayClose) = (false, false, false)
                        continue
                    }
                    mayClose = false
                    if wantKey {
                        guard byte == UInt8(ascii: "\"") else { return Self.key }
                        if let problem = string() { return problem }
                        skipSpace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                            return .init(zh: "键后应有冒号“:”", en: "':' was expected after the key")
                        }
                        position += 1
                        wantKey = false
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        // As deep as Foundation's reader goes, and no deeper.
                        guard stack.count < Self.deepest else {
                            return .init(zh: "嵌套超过 \(Self.deepest) 层，超出本工具能读的深度", en: "nested more than \(Self.deepest) levels deep, deeper than this tool reads")
                        }
                        if byte == UInt8(ascii: "[") {
                            stack.append(.array)
                            position += 1
                            mayClose = true
                            continue
                        }
                        stack.append(.object)
                        position += 1
                        (wantKey, mayClose) = (true, true)
                        continue
                    case UInt8(ascii: "\""):
                        if let problem = string() { return problem }
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        let start = position
                        guard number() else { return .init(zh: "数字的写法不是 JSON 的写法", en: "the number is not written as JSON writes numbers") }
                        // Too large for any reader's numbers: Foundation's refuses it.
                        if Double(String(decoding: bytes[start..<position], as: UTF8.self))?.isFinite != true {
                            position = start
                            return .init(zh: "这个数太大，超出了能读的范围", en: "the number is too large to be read")
                        }
                    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                        guard literal() else { return Self.value }
                    default:
                        return Self.value
                    }
                    wantValue = false
                    continue
                }
                // After a value: the end, a comma, or the bracket that closes its container.
                guard let container = stack.last else {
                    return .init(zh: "JSON 已在此前结束，后面却还有内容", en: "the JSON ended before this, yet more follows")
                }
                let closing = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if byte == UInt8(ascii: ",") {
                    position += 1
                    (wantValue, wantKey) = (true, container == .object)
                } else if byte == closing {
                    position += 1
                    stack.removeLast()
                } else {
                    return container == .object ? .init(zh: "此处应为逗号“,”或右花括号“}”", en: "',' or '}' was expected")
                        : .init(zh: "此处应为逗号“,”或右方括号“]”", en: "',' or ']' was expected")
                }
            }
        }

        private mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        /// A string from its opening quote: nil when it is one, else what is wrong, at its place.
        private mutating func string() -> Localized? {
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return nil
                case UInt8(ascii: "\\"):
                    if let problem = escape() { return problem }
                case 0..<0x20:
                    return .init(zh: "JSON 字符串里的控制字符（如制表符、换行）须写成转义", en: "a control character (a tab, a line break) must be escaped in a JSON string")
                case 0x80...:
                    guard position != firstInvalidUTF8 else {
                        return .init(zh: "这里的字节不是有效的 UTF-8 文字", en: "these bytes are not valid UTF-8 text")
                    }
                    position += 1
                default:
                    position += 1
                }
            }
            return Self.endOfFile
        }

        /// An escape from its backslash: nil when it is one, else what is wrong, at the backslash.
        /// A `\u` escape of half a character (a surrogate) must be followed by its other half.
        private mutating func escape() -> Localized? {
            let start = position
            let unknown = Localized(zh: "JSON 没有这种转义（只有 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\u 加四位十六进制数）",
                                    en: "JSON has no such escape (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hex digits)")
            guard start + 1 < bytes.count else { return Self.endOfFile }
            guard bytes[start + 1] == UInt8(ascii: "u") else {
                guard Array("\"\\/bfnrt".utf8).contains(bytes[start + 1]) else { return unknown }
                position += 2
                return nil
            }
            guard let unit = hex(at: start + 2) else { return start + 6 > bytes.count ? Self.endOfFile : unknown }
            position = start + 6
            let half = Localized(zh: "\\u 转义只写了半个字符（单独的代理项）", en: "the \\u escape names half a character (a lone surrogate)")
            switch unit {
            case 0xD800...0xDBFF:
                // The other half must follow at once.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                      let low = hex(at: position + 2), (0xDC00...0xDFFF).contains(low) else {
                    position = start
                    return half
                }
                position += 6
            case 0xDC00...0xDFFF:
                position = start
                return half
            default:
                break
            }
            return nil
        }

        /// The four hex digits at `index`, as a number.
        private func hex(at index: Int) -> Int? {
            guard index + 4 <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + 4] {
                guard byte.isHexDigit else { return nil }
                value = value * 16 + Int(byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10)
            }
            return value
        }

        /// A number: `-`, an integer part without leading zeros, a fraction, an exponent.
        private mutating func number() -> Bool {
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits(leadingZeroAllowed: false) else { return false }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits(leadingZeroAllowed: true) else { return false }
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard digits(leadingZeroAllowed: true) else { return false }
            }
            return true
        }

        private mutating func digits(leadingZeroAllowed: Bool) -> Bool {
            let start = position
            while position < bytes.count, bytes[position].isDigit { position += 1 }
            guard position > start else { return false }
            if !leadingZeroAllowed, bytes[start] == UInt8(ascii: "0"), position - start > 1 {
                position = start + 1
                return false
            }
            return true
        }

        private mutating func literal() -> Bool {
            for word in ["true", "false", "null"] {
                if bytes[position...].starts(with: word.utf8) {
                    position += word.utf8.count
                    return true
                }
                // The file ends inside the word.
                if word.utf8.starts(with: bytes[position...]) { position = bytes.count }
            }
            return false
        }

        /// The line and column of `position`, counted as a checklist's are.
        func place() -> (line: Int, column: Int) {
            let mark = SourceCheck.mark(ofByte: position, in: bytes)
            return (mark.line, mark.column)
        }
    }
}

private extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f")) }
}
