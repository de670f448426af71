/// A small Markdown writer shared by the generated reference documents.
struct Markdown {
    private(set) var lines: [String] = []

    /// Appends one line.
    mutating func line(_ text: String) { lines.append(text) }

    /// Appends an empty line, never two in a row.
    mutating func blank() {
        if let last = lines.last, last.isEmpty { return }
        lines.append("")
    }

    /// The document, with trailing blank lines removed and one final newline.
    var text: String {
        var result = lines
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result.joined(separator: "\n") + "\n"
    }

    /// Prose made safe for Markdown: outside `code spans`, `<`, `>` and `*` would be read as HTML or
    /// emphasis, so they are escaped; inside code spans the text stays as written.
    static func text(_ prose: String) -> String {
        var result = ""
        var inCode = false
        for character in prose {
            if character == "`" { inCode.toggle(); result.append(character); continue }
            guard !inCode else { result.append(character); continue }
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "*": result += "\\*"
            default: result.append(character)
            }
        }
        return result
    }

    /// Prose made safe for a table cell: as `text`, with `|` escaped and line breaks removed.
    static func cell(_ prose: String) -> String {
        text(prose).replacingPipesAndBreaks()
    }
}

extension String {
    func replacingPipesAndBreaks() -> String {
        var result = ""
        for character in self {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}

/// Escaping for text placed in Markdown tables and lines.
extension Markdown {
    /// User text made safe for a table cell, a list item or a heading: it reads literally in
    /// CommonMark and GFM. HTML characters become entities; the characters that start emphasis,
    /// strikethrough, code, links and headings, the `|` of a cell border and the backslash that
    /// escapes them all take a backslash; line breaks and tabs become spaces; other control
    /// characters and those that reorder a line are shown as the terminal output shows them
    /// (`\x1B`, `\u202E`), never written raw.
    static func escaped(_ text: String) -> String {
        // Every character `escape` rewrites is a single ASCII byte, and every control shown starts
        // with one of the bytes `needsEscape` names, so text without them (most names and reasons)
        // comes back as it is, without walking its characters; so does text whose only such bytes
        // start characters shown as they are (the E2 of “ or —).
        let plain = text.withBytes { bytes in
            !bytes.indices.contains { needsEscape(bytes[$0]) && (escape(bytes[$0]) != nil || control(in: bytes, at: $0) != nil) }
        }
        guard !plain else { return text }
        var result = StringOutput()
        result.write(markdown: text)
        return result.text
    }

    /// An id or a path as a code span (`` `x` ``), as the reports show them; one that a code span
    /// cannot hold as written (a backtick would end the span, a `|` the table cell, a line break
    /// the line, a control character would reach the reader raw) is shown as escaped text
    /// instead. Checklists' own ids never need that, but a rollup shows ids from other counties'
    /// summary.json files, a tailored standard names its own ids and version, and a file may be
    /// named anything.
    static func code(_ text: String) -> String {
        fitsCodeSpan(text) ? "`" + text + "`" : escaped(text)
    }

    /// Whether a code span holds `text` as written: it is not empty, and holds no backtick, no
    /// `|` and no character that `control` shows.
    static func fitsCodeSpan(_ text: String) -> Bool {
        text.withBytes { bytes in
            !bytes.isEmpty && !bytes.indices.contains { index in
                let byte = bytes[index]
                return byte == 0x60 || byte == 0x7C || (needsEscape(byte) && control(in: bytes, at: index) != nil)
            }
        }
    }

    /// Whether `byte` is one of the characters `escaped` rewrites (those `escape` names), or may
    /// start a control character it shows (`control`): a bit per ASCII byte, one test per byte of
    /// the text instead of a comparison with each. Of the bytes above ASCII only the first bytes
    /// of C1 controls (C2), of U+061C (D8) and of the marks and separators from U+200E (E2).
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        // Bit n of the first word is byte n, of the second byte 0x40 + n.
        let (low, high): (UInt64, UInt64) = (0x5000_0448_FFFF_FFFF, 0xD000_0001_B800_0000)
        guard byte < 0x80 else { return byte == 0xC2 || byte == 0xD8 || byte == 0xE2 }
        return ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    /// Whether some byte of `block` is one `needsEscape` accepts: the bytes compared side by side,
    /// a few vector instructions for sixteen bytes.
    @inline(__always)
    static func needsEscape(in block: SIMD16<UInt8>) -> Bool {
        func has(_ byte: UInt8) -> SIMDMask<SIMD16<Int8>> { block .== SIMD16(repeating: byte) }
        let controls = has(0x7F) .| has(0xC2) .| has(0xD8) .| has(0xE2)
        let marks = has(0x23) .| has(0x26) .| has(0x2A) .| has(0x3C) .| has(0x3E) .| has(0x5C) .| has(0x7E)
        let brackets = has(0x5B) .| has(0x5D) .| has(0x5F) .| has(0x60) .| has(0x7C)
        if any(controls .| marks .| brackets) { return true }
        // Bytes below 0x20 as two words: a `.<` on the block compiled to a loop over its lanes.
        let words = unsafeBitCast(block, to: SIMD2<UInt64>.self)
        return ByteWords.hasByte(below: 0x20, in: words[0]) || ByteWords.hasByte(below: 0x20, in: words[1])
    }

    /// What `escaped` writes for `byte`, or nil when the byte stays as it is or starts a control
    /// character (`control`). Byte by byte, never character by character: a `|` with a combining
    /// accent after it, or a CR LF pair, is one Character to Swift but still a cell border, or a
    /// line break, in a table.
    static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case 0x7C: return "\\|"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x26: return "&amp;"
        case 0x0A, 0x0D, 0x09: return " "
        case 0x2A: return "\\*"
        case 0x5F: return "\\_"
        case 0x60: return "\\`"
        case 0x5B: return "\\["
        case 0x5D: return "\\]"
        case 0x23: return "\\#"
        case 0x5C: return "\\\\"
        case 0x7E: return "\\~"
        default: return nil
        }
    }

    /// The control character (or the mark that reorders a line) whose UTF-8 bytes start at
    /// `index` of `bytes`, as `Escaping.singleLine` shows it, and how many bytes it takes; nil
    /// for any other character. `bytes` are a string's, so a sequence is never cut short.
    static func control(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (shown: String, length: Int)? {
        let lead = bytes[index]
        // The characters shown are all below U+10000: three bytes at the most.
        guard lead < 0x80 || (0xC0..<0xF0).contains(lead) else { return nil }
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(length == 1 ? lead : length == 2 ? lead & 0x1F : lead & 0x0F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), let shown = Escaping.shown(control: scalar) else { return nil }
        return (shown, length)
    }
}
