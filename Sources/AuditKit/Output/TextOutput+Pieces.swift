/// Pieces that renderers append straight to their output, so that a line is written as it is
/// composed instead of being interpolated into a string first (a scorecard is some forty lines,
/// and `audit run` writes one per unit).
extension TextOutput {
    /// Appends `text` escaped as `Markdown.escaped` escapes it, the runs between escapes straight
    /// from the string's bytes.
    mutating func write(markdown text: String) {
        text.withBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var index = 0
            while index < bytes.count {
                // Sixteen bytes at a time past text that needs no escape (most of a reason); a
                // block that may need one is looked at byte by byte.
                let end = min(bytes.count, index + 16)
                if end - index == 16, !Markdown.needsEscape(in: UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)) {
                    index = end
                    continue
                }
                while index < end {
                    guard Markdown.needsEscape(base[index]) else { index += 1; continue }
                    // An ASCII character escaped, or a control character shown; else a first
                    // byte of a character that is neither, left as it is.
                    let escape = Markdown.escape(base[index])
                    let control = escape == nil ? Markdown.control(in: bytes, at: index) : nil
                    guard escape != nil || control != nil else { index += 1; continue }
                    if index > start { write(bytes: UnsafeRawBufferPointer(start: base + start, count: index - start)) }
                    if let escape {
                        escape.withUTF8Buffer { write(bytes: UnsafeRawBufferPointer($0)) }
                        index += 1
                    } else if let control {
                        write(control.shown)
                        index += control.length
                    }
                    start = index
                }
            }
            if bytes.count > start { write(bytes: UnsafeRawBufferPointer(start: base + start, count: bytes.count - start)) }
        }
    }

    /// Appends `text` as `Markdown.code` writes it: a code span, or escaped text when no code
    /// span holds it as written.
    mutating func write(code text: String) {
        guard Markdown.fitsCodeSpan(text) else { return write(markdown: text) }
        write("`")
        write(text)
        write("`")
    }

    /// Appends `text` as one CSV field (see `Escaping.csvField`), straight from the string's bytes.
    /// Byte by byte, never character by character: a quote with a combining accent after it, or a
    /// CR LF pair, is one Character to Swift but still a quote, or a line break, to a spreadsheet.
    mutating func write(csvField text: String, number: Bool = false) {
        text.withBytes { bytes in
            guard let first = bytes.first else { return }
            write(csvField: bytes, neutralised: Escaping.startsFormula(first) && !(number && ScalarReader.decimal(text) != nil))
        }
    }

    /// Appends text given as its UTF-8 bytes as one CSV field that is not a number.
    mutating func write(csvField bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        write(csvField: bytes, neutralised: Escaping.startsFormula(first))
    }

    /// Appends `bytes` as one CSV field, quoted when a delimiter, quote or line break is in it,
    /// and after a `'` when `neutralised` (a formula a spreadsheet would otherwise run).
    private mutating func write(csvField bytes: UnsafeBufferPointer<UInt8>, neutralised: Bool) {
        guard let base = bytes.baseAddress else { return }
        let clean = ByteWords.cleanPrefix(bytes) { word in
            !(ByteWords.hasByte(0x2C, in: word) || ByteWords.hasByte(0x22, in: word) || ByteWords.hasByte(0x0A, in: word)
              || ByteWords.hasByte(0x0D, in: word))
        }
        guard bytes[clean...].contains(where: Escaping.needsQuotes) else {
            if neutralised { write("'") }
            write(bytes: UnsafeRawBufferPointer(bytes))
            return
        }
        write(neutralised ? "\"'" : "\"")
        var start = 0
        for index in bytes.indices where bytes[index] == 0x22 {
            // Up to and including the quote, which then starts the next run: doubled.
            write(bytes: UnsafeRawBufferPointer(start: base + start, count: index + 1 - start))
            start = index
        }
        write(bytes: UnsafeRawBufferPointer(start: base + start, count: bytes.count - start))
        write("\"")
    }

    /// Appends a whole number in decimal.
    mutating func write(_ number: Int) {
        // Twenty digits and a sign hold any Int.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                digits[start] = 0x2D
            }
            write(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: digits[start...])))
        }
    }

    /// Appends `date` as its `description` spells it.
    mutating func write(_ date: CalendarDate) {
        guard (0...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day) else {
            return write(date.description)
        }
        let (year, month, day) = (date.year, date.month, date.day)
        let digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 0x2D,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 0x2D, UInt8(48 + day / 10), UInt8(48 + day % 10))
        withUnsafeBytes(of: digits) { write(bytes: $0) }
    }

    /// Appends points kept in tenths as the reports show them (`Score.format(tenths:)`): `85`,
    /// `84.5`, `-0.5`.
    mutating func write(tenths: Int) {
        writeTenths(tenths, keepingZero: false)
    }

    /// Appends `value` with exactly one decimal (`12.0`, `-0.5`), as chart coordinates are written so
    /// that reruns are byte-identical; a value that is not finite is written as `0.0`, and one with
    /// more tenths than a whole number holds as the most it holds, with its sign.
    mutating func write(oneDecimal value: Double) {
        guard value.isFinite else { return writeTenths(0, keepingZero: true) }
        writeTenths(Int(exactly: (value * 10).rounded()) ?? (value < 0 ? .min : .max), keepingZero: true)
    }

    /// `tenths` as a decimal number; the `.0` of a whole number is written only with `keepingZero`.
    private mutating func writeTenths(_ tenths: Int, keepingZero: Bool) {
        if tenths < 0 { write("-") }
        write(Int(tenths.magnitude / 10))
        let fraction = Int(tenths.magnitude % 10)
        if fraction != 0 || keepingZero {
            write(".")
            write(fraction)
        }
    }
}
