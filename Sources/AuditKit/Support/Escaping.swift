/// Escaping for every output format, in one place.
public enum Escaping {
    /// Text safe inside HTML element content and attribute values. Control characters other than
    /// tab and line breaks, which HTML calls errors and a terminal showing the file would obey,
    /// become U+FFFD, as in `xml`.
    public static func html(_ text: String) -> String {
        // Most text has nothing to escape: hand it back as it is. The five characters escaped are
        // single ASCII bytes, each a scalar of its own, so the rewrite can go byte by byte; a C1
        // control is the two bytes C2 80 to C2 9F.
        guard text.containsByte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else {
            return text
        }
        var result: [UInt8] = []
        text.withBytes { bytes in
            result.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x26: result.append(ascii: "&amp;")
                case 0x3C: result.append(ascii: "&lt;")
                case 0x3E: result.append(ascii: "&gt;")
                case 0x22: result.append(ascii: "&quot;")
                case 0x27: result.append(ascii: "&#39;")
                case 0x09, 0x0A, 0x0D: result.append(byte)
                case 0x00..<0x20, 0x7F: result.append(ascii: "\u{FFFD}")
                case 0xC2 where index < bytes.count && bytes[index] < 0xA0:
                    result.append(ascii: "\u{FFFD}")
                    index += 1
                default: result.append(byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Text safe inside XML content and attributes: HTML's escapes, plus control characters that
    /// XML 1.0 cannot carry, or that a terminal showing the file would obey (C0 other than tab and
    /// line breaks, DEL, C1), replaced by U+FFFD, and line breaks kept as character references in
    /// attributes.
    public static func xml(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n" where attribute: result += "&#10;"
            case "\r" where attribute: result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            case "\n", "\r", "\t": result.unicodeScalars.append(scalar)
            default:
                if isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// One CSV field: neutralised against spreadsheet formulas (a leading `=`, `+`, `-`, `@`, tab
    /// or carriage return gets a `'` in front) and quoted when it holds a comma, quote or line break.
    /// A field that holds a number the tool computed (`number: true`) is left as it is when it is a
    /// plain number, so spreadsheets still see numbers; text from a checklist is always neutralised,
    /// even when it reads like a number (a township called `-2` stays text).
    public static func csvField(_ text: String, number: Bool = false) -> String {
        // Most fields need nothing: hand them back as they are.
        let plain = text.withBytes { bytes in
            bytes.isEmpty || !startsFormula(bytes[0]) && !bytes.contains(where: needsQuotes)
        }
        if plain { return text }
        var field = StringOutput()
        field.write(csvField: text, number: number)
        return field.text
    }

    /// Whether a CSV field holding `byte` must be quoted: a comma, a quote or a line break.
    static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a CSV field starting with `byte` would be read as a formula: `=`, `+`, `-`, `@`,
    /// tab or carriage return. They are all ASCII, so the first byte is the first character.
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
        default: return false
        }
    }

    /// A value for a GitHub Actions workflow command: its message part, or with `property` its
    /// `key=value` part.
    /// Scalar by scalar: a CR LF pair is one Character to Swift, and left whole it would end the
    /// command and start another. Other control characters are written as `\x1B` escapes, as on
    /// the terminal, so a checklist cannot send control sequences into a CI log.
    public static func githubCommand(_ text: String, property: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "%" || isControl($0) || isLayoutControl($0) || (property && ($0 == ":" || $0 == ",")) }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            case _ where isControl(scalar) && scalar != "\t": result += hexEscape(scalar)
            case _ where isLayoutControl(scalar): result += unicodeEscape(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text for one line of terminal output: line breaks, tabs and other control characters (C0,
    /// DEL, C1) written as YAML-style escapes, so that a value quoted in a message can neither split
    /// a diagnostic over several lines nor send control sequences to the terminal. Bidirectional
    /// overrides and isolates are escaped too (`\u202E`): left raw, they would show the rest of the
    /// line, file name and hint included, in an order other than its own; and so are U+2028 and
    /// U+2029, which some viewers take for line breaks.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isLayoutControl($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if let shown = shown(control: scalar) { result += shown } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// How `singleLine` shows `scalar` when it is a control character (`\x1B`) or one that
    /// reorders or breaks lines (`\u202E`); nil for any other. Markdown shows them so too.
    static func shown(control scalar: Unicode.Scalar) -> String? {
        if isControl(scalar) { return hexEscape(scalar) }
        if isLayoutControl(scalar) { return unicodeEscape(scalar) }
        return nil
    }

    /// A control character (below U+0100) as `\x1B`.
    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        "\\x" + hexDigits(scalar.value, count: 2)
    }

    /// The last `count` hexadecimal digits of `value`, upper-case.
    static func hexDigits(_ value: UInt32, count: Int) -> String {
        let hex = Array("0123456789ABCDEF")
        return String((0..<count).reversed().map { hex[Int(value >> (4 * UInt32($0)) & 0x0F)] })
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The marks, embeddings, overrides and isolates that reorder text shown right to left, and the
    /// line and paragraph separators some viewers break lines at.
    private static func isLayoutControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A character of the Basic Multilingual Plane as `\u202E`.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u" + hexDigits(scalar.value, count: 4)
    }

    /// A relative path as a URI reference: every byte outside the unreserved set and `/` percent-encoded.
    public static func uriPath(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(byte)
            default:
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    /// The string with every occurrence of `target` replaced, without Foundation.
    /// Every `target` scalar replaced, whatever the characters around it: `"` followed by a
    /// combining accent is one Character to Swift but still a quote to a CSV reader.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
