/// Where a text stops being JSON, for a message that points there: Foundation's parser says only
/// that a file is not JSON. Checks the grammar alone (RFC 8259), with its own stack rather than
/// recursion, so no nesting depth can exhaust the program's; what the values mean is the decoder's
/// business.
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

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A byte-order mark is not JSON, but Foundation reads past one: so does this.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        private enum Container { case object, array }

        private static let value = Localized(zh: "此处应为一个值", en: "a value was expected")
        private static let key = Localized(zh: "此处应为带双引号的键", en: "a key in double quotes was expected")

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
                        guard byte == UInt8(ascii: "\""), string() else { return Self.key }
                        skipSpace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                            return .init(zh: "键后应有冒号“:”", en: "':' was expected after the key")
                        }
                        position += 1
                        wantKey = false
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "{"):
                        stack.append(.object)
                        position += 1
                        (wantKey, mayClose) = (true, true)
                        continue
                    case UInt8(ascii: "["):
                        stack.append(.array)
                        position += 1
                        mayClose = true
                        continue
                    case UInt8(ascii: "\""):
                        guard string() else {
                            return .init(zh: "字符串没有正确结束：缺少结尾引号，或含有 JSON 不允许的字符", en: "the string is not closed, or holds a character JSON does not allow")
                        }
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        guard number() else { return .init(zh: "数字的写法不是 JSON 的写法", en: "the number is not written as JSON writes numbers") }
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
                    return .init(zh: "JSON 到此已经完整，后面却还有内容", en: "the JSON is complete, yet more follows")
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

        /// A string from its opening quote; false, at the offending byte, when it is not one.
        private mutating func string() -> Bool {
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return true
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { return false }
                    let escape = bytes[position]
                    if escape == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            position += 1
                            guard position < bytes.count, bytes[position].isHexDigit else { return false }
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escape) {
                        return false
                    }
                    position += 1
                case 0..<0x20:
                    return false
                default:
                    position += 1
                }
            }
            return false
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
