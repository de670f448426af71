/// Checks made on a file's bytes before YAML parsing: emptiness and encoding. libyaml would accept
/// UTF-16 silently and reject GBK with a terse reader error; inspectors deserve a precise answer.
enum SourceCheck {
    /// The first problem with the bytes as a source text, or nil when they are non-empty UTF-8.
    static func problem(in bytes: [UInt8]) -> LoadProblem? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return LoadProblem(code: .empty, mark: .start,
                               message: .init(zh: "文件是空的", en: "the file is empty"),
                               hint: .init(zh: "用 `audit new 单位编号` 生成模板后填写",
                                           en: "start from a template: `audit new UNIT-ID`"))
        }
        if let name = utf16Or32(bytes) {
            return LoadProblem(code: .notUTF8, mark: .start,
                               message: .init(zh: "文件是 \(name) 编码，不是 UTF-8",
                                              en: "the file is encoded as \(name), not UTF-8"),
                               hint: .init(zh: "在编辑器中选择“另存为”，编码选 UTF-8 后保存",
                                           en: "re-save the file as UTF-8 (\"Save as\" → encoding UTF-8)"))
        }
        guard let offset = firstInvalidUTF8(bytes) else { return nil }
        let gbk = looksLikeGBK(bytes)
        return LoadProblem(
            code: .notUTF8, mark: mark(ofByte: offset, in: bytes),
            message: gbk
                ? .init(zh: "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码",
                        en: "the file is not UTF-8; the bytes look like GBK/GB18030")
                : .init(zh: "文件含有不是 UTF-8 的字节", en: "the file has bytes that are not valid UTF-8"),
            hint: gbk
                ? .init(zh: "用编辑器以 GBK 打开后“另存为” UTF-8，或运行 `iconv -f GB18030 -t UTF-8`",
                        en: "open it as GBK and save as UTF-8, or convert with `iconv -f GB18030 -t UTF-8`")
                : .init(zh: "将文件另存为 UTF-8 编码", en: "re-save the file as UTF-8"))
    }

    /// The 1-based line and column of byte `offset`, counting columns in characters the way libyaml
    /// counts its marks: a leading UTF-8 byte-order mark takes no column, and CR, LF and CR LF each
    /// end a line.
    static func mark(ofByte offset: Int, in bytes: [UInt8]) -> Mark {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // The CR of a CR LF pair: the LF ends the line.
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    private static func utf16Or32(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return "UTF-32"
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
        if bytes.count >= 4, bytes.count % 2 == 0 {
            let zeros = bytes.prefix(64).filter { $0 == 0 }.count
            if zeros * 2 >= min(bytes.count, 64) - 2, (bytes[0] == 0) != (bytes[1] == 0) { return "UTF-16" }
        }
        return nil
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            while index < count {
                // ASCII runs, eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = base[index + 1]
                guard second >= lower, second <= upper else { return index }
                for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 {
                    return index
                }
                index += length
            }
            return nil
        }
    }

    /// Whether every non-ASCII byte pairs up as a GBK double-byte character.
    private static func looksLikeGBK(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var pairs = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(byte), index + 1 < bytes.count else { return false }
            let trail = bytes[index + 1]
            guard (0x40...0xFE).contains(trail), trail != 0x7F else { return false }
            pairs += 1
            index += 2
        }
        return pairs > 0
    }
}
