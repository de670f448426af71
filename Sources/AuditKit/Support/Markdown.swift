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
    /// User text made safe for a table cell: pipes, HTML and line breaks neutralised.
    static func escaped(_ text: String) -> String {
        // Every character `escape` rewrites is a single ASCII byte, so text without those bytes
        // (most names and reasons) comes back as it is, without walking its characters.
        guard text.containsByte(where: needsEscape) else { return text }
        var result = StringOutput()
        result.write(markdown: text)
        return result.text
    }

    /// An id or a path as a code span (`` `x` ``), as the reports show them; one that a code span
    /// cannot hold as written (a backtick would end the span, a `|` the table cell, a line break
    /// the line) is shown as escaped text instead. Checklists' own ids never need that, but a
    /// rollup shows ids from other counties' summary.json files, and a file may be named anything.
    static func code(_ text: String) -> String {
        text.isEmpty || text.containsByte(where: { $0 == 0x60 || $0 == 0x7C || $0 < 0x20 || $0 == 0x7F }) ? escaped(text) : "`" + text + "`"
    }

    /// Whether `byte` is one of the characters `escaped` rewrites (those `escape` names): a bit
    /// per ASCII byte, one test per byte of the text instead of a comparison with each.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        // Bit n of the first word is byte n, of the second byte 0x40 + n.
        let (low, high): (UInt64, UInt64) = (0x5000044800002400, 0x10000001A8000000)
        return byte < 0x80 && ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    /// Whether some byte of `block` is one `needsEscape` accepts: the twelve compared side by
    /// side, a few vector instructions for sixteen bytes.
    @inline(__always)
    static func needsEscape(in block: SIMD16<UInt8>) -> Bool {
        func has(_ byte: UInt8) -> SIMDMask<SIMD16<Int8>> { block .== SIMD16(repeating: byte) }
        let lines = has(0x0A) .| has(0x0D)
        let marks = has(0x23) .| has(0x26) .| has(0x2A) .| has(0x3C) .| has(0x3E)
        let brackets = has(0x5B) .| has(0x5D) .| has(0x5F) .| has(0x60) .| has(0x7C)
        return any(lines .| marks .| brackets)
    }

    /// What `escaped` writes for `byte`, or nil when the byte stays as it is. Byte by byte, never
    /// character by character: a `|` with a combining accent after it, or a CR LF pair, is one
    /// Character to Swift but still a cell border, or a line break, in a table.
    static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case 0x7C: return "\\|"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x26: return "&amp;"
        case 0x0A, 0x0D: return " "
        case 0x2A: return "\\*"
        case 0x5F: return "\\_"
        case 0x60: return "\\`"
        case 0x5B: return "\\["
        case 0x5D: return "\\]"
        case 0x23: return "\\#"
        default: return nil
        }
    }
}
