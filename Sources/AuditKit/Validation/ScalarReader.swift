#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one scalar as the type the format expects at its key. YAML's implicit typing plays no
/// part: `NO` read as a string is the text `NO`, and `yes` read as a boolean is an error.
struct ScalarReader {
    let catalogues: Catalogues

    /// Reads the scalar whose UTF-8 bytes are `bytes`. A string is made of them only for a free
    /// text, or when a problem is reported: a number, a date, a yes or no is read from the bytes,
    /// and a choice is the format's own string for it. `path` spells the key path; it is called
    /// only when a problem is reported.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLNode.ScalarStyle, as type: ValueType, path: () -> String,
              mark: Mark, sink: inout DiagnosticSink) -> Value.Content? {
        var text: String { String(decoding: bytes, as: UTF8.self) }
        switch type {
        case .string(let pattern):
            if let pattern, !pattern.matches(bytes) {
                switch pattern {
                case .identifier:
                    sink.report(.badPattern, at: mark, path: path(), Messages.badPattern(text, pattern: pattern.regex ?? ""),
                                hint: Messages.identifierHint(text))
                case .length(let limit):
                    sink.report(.badPattern, at: mark, path: path(), Messages.tooLong(text, limit: limit),
                                hint: Messages.tooLongHint(limit: limit))
                }
                return nil
            }
            return .string(text)
        case .integer(let min, let max):
            guard !style.isQuoted, let value = Self.integer(bytes) else {
                sink.report(.notInteger, at: mark, path: path(), Messages.notInteger(text, quoted: style.isQuoted),
                            hint: Messages.numberHint(text, quoted: style.isQuoted, integer: true))
                return nil
            }
            if let min, value < min {
                sink.report(.outOfRange, at: mark, path: path(), Messages.tooSmall(text, min: String(min)),
                            hint: Messages.rangeHint(min: String(min), max: max.map(String.init)))
                return nil
            }
            if let max, value > max {
                sink.report(.outOfRange, at: mark, path: path(), Messages.tooLarge(text, max: String(max)),
                            hint: Messages.rangeHint(min: min.map(String.init), max: String(max)))
                return nil
            }
            return .integer(value)
        case .number(let min, let exclusive, let max):
            return number(bytes, style: style, min: min, exclusive: exclusive, max: max, path: path, mark: mark, sink: &sink)
        case .boolean:
            if !style.isQuoted, let value = Self.boolean(bytes) { return .boolean(value) }
            sink.report(.notBoolean, at: mark, path: path(), Messages.notBoolean(text), hint: Messages.booleanHint(text))
            return nil
        case .date:
            guard let date = CalendarDate(iso: bytes) else {
                sink.report(.badDate, at: mark, path: path(), Messages.badDate(text), hint: Messages.dateHint(text))
                return nil
            }
            return .date(date)
        case .choice(let choices):
            return choose(bytes, from: choices, path: path, mark: mark, sink: &sink)
        case .catalogue(let kind):
            return choose(bytes, from: catalogues.entries(kind), path: path, mark: mark, sink: &sink, catalogue: true)
        case .constant(let allowed):
            guard let constant = allowed.first(where: { YAMLDocument.equal(bytes, $0) }) else {
                sink.report(.unknownFormat, at: mark, path: path(), Messages.unknownFormat(text),
                            hint: Messages.unknownFormatHint(allowed))
                return nil
            }
            return .string(constant)
        case .list, .object:
            return nil
        }
    }

    private func choose(_ bytes: UnsafeBufferPointer<UInt8>, from choices: [Choice], path: () -> String, mark: Mark,
                        sink: inout DiagnosticSink, catalogue: Bool = false) -> Value.Content? {
        // Lengths first: comparing them is cheaper than comparing bytes, and most choices differ.
        // The value is the choice's own string, which has the same bytes: none is made.
        for index in choices.indices where choices[index].id.utf8.count == bytes.count {
            if YAMLDocument.equal(bytes, choices[index].id) { return .string(choices[index].id) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let byLabel = Choice.named(text, among: choices)
        let suggestion = byLabel?.id ?? Suggestion.closest(to: text, in: choices.map(\.id))
        // `[reading，activity]`: a Chinese comma or 、 makes two items one.
        let parts = text.split(whereSeparator: { $0 == "，" || $0 == "、" }).map { String($0).trimmingSpaces() }
        // The hint spells the items out, so only for a handful: a value of thousands of them must
        // not make a diagnostic as long as the file.
        var hint = (2...20).contains(parts.count) && parts.allSatisfy({ part in choices.contains { $0.id == part } }) && path().hasSuffix("]")
            ? Messages.listSeparatorHint(parts)
            : Messages.choicesHint(suggestion, allowed: choices.map(\.id))
        // A catalogue item the county's tailored standard adds is known only under that standard;
        // when a tailored one is in force already, the item is missing from it.
        if catalogue && suggestion == nil {
            if !catalogues.tailored {
                hint.zh += "；若本县标准增设了这一项，用 --standard 指定该标准"
                hint.en += "; if your county's standard adds this item, pass it with --standard"
            } else {
                hint.zh += "；所用的本县标准没有列出这一项：核对拼写，或在该标准的目录中增设"
                hint.en += "; the standard in force does not list this item: check its spelling, or add it to that standard's catalogue"
            }
        }
        sink.report(.notInChoices, at: mark, path: path(), Messages.notInChoices(text), hint: hint)
        return nil
    }

    private func number(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLNode.ScalarStyle, min: Double?, exclusive: Bool,
                        max: Double?, path: () -> String, mark: Mark, sink: inout DiagnosticSink) -> Value.Content? {
        var text: String { String(decoding: bytes, as: UTF8.self) }
        guard !style.isQuoted, let value = Self.decimal(bytes) else {
            sink.report(.notNumber, at: mark, path: path(), Messages.notNumber(text, quoted: style.isQuoted),
                        hint: Messages.numberHint(text, quoted: style.isQuoted, integer: false))
            return nil
        }
        var minText: String? { min.map(Value.format) }
        var maxText: String? { max.map(Value.format) }
        // Too large, or overflowing to infinity; a negative overflow is too small, below.
        if value == .infinity || (max.map { value > $0 } ?? false) {
            sink.report(.outOfRange, at: mark, path: path(), Messages.tooLarge(text, max: maxText ?? "1e15"),
                        hint: Messages.rangeHint(min: minText, max: maxText ?? "1e15", exclusive: exclusive, path: path()))
            return nil
        }
        if let min, exclusive ? value <= min : value < min {
            sink.report(.outOfRange, at: mark, path: path(),
                        exclusive ? Messages.notAbove(text, min: minText ?? "0") : Messages.tooSmall(text, min: minText ?? "0"),
                        hint: Messages.rangeHint(min: minText, max: maxText, exclusive: exclusive, path: path()))
            return nil
        }
        if abs(value) >= Self.numberLimit {
            sink.report(.outOfRange, at: mark, path: path(),
                        value < 0 ? Messages.notAboveLimit(text) : Messages.notBelowLimit(text),
                        hint: Messages.rangeHint(min: minText ?? "-1e15", max: maxText ?? "1e15", exclusive: exclusive, path: path()))
            return nil
        }
        return .number(value == 0 ? 0 : value)
    }

    /// Numbers are read below this size, in either direction, where every whole number and tenth
    /// is exact; the JSON Schema says so too.
    static let numberLimit = 1e15

    /// A YAML 1.2 decimal integer: an optional sign and digits.
    static func integer(_ text: String) -> Int? {
        text.withBytes(integer)
    }

    /// `integer(_:)` of the text whose UTF-8 bytes are `bytes`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Read in place, with the overflow `Int(_:)` reports as nil: no substring, no copy.
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowedAgain) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflowed || overflowedAgain { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A YAML 1.2 core-schema decimal number (no `.inf` or `.nan`: those are reported as not finite).
    static func decimal(_ text: String) -> Double? {
        text.withBytes(decimal)
    }

    /// `decimal(_:)` of the text whose UTF-8 bytes are `bytes`.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let shaped = { () -> Bool in
            var index = 0
            if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1; digits += 1 }
            if index < bytes.count, bytes[index] == 46 {
                index += 1
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1; digits += 1 }
            }
            guard digits > 0 else { return false }
            if index < bytes.count, bytes[index] == 101 || bytes[index] == 69 {
                index += 1
                if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
                var exponentDigits = 0
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1; exponentDigits += 1 }
                guard exponentDigits > 0 else { return false }
            }
            return index == bytes.count
        }()
        guard shaped else { return nil }
        // Digits, a point and an exponent only, so the C library reads it as Swift's `Double(_:)`
        // would, correctly rounded, from a terminated copy on the stack for the usual lengths.
        // Only if it read every byte: a program using this library may have set a locale whose
        // decimal point is not `.`, and Swift's reading, which ignores the locale, then decides.
        if bytes.count < 64, let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64, { buffer -> Double? in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + bytes.count ? value : nil
        }) {
            return value
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// `true` or `false` as the YAML 1.2 core schema writes them.
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 4: return YAMLDocument.equal(bytes, "true") || YAMLDocument.equal(bytes, "True") || YAMLDocument.equal(bytes, "TRUE") ? true : nil
        case 5: return YAMLDocument.equal(bytes, "false") || YAMLDocument.equal(bytes, "False") || YAMLDocument.equal(bytes, "FALSE") ? false : nil
        default: return nil
        }
    }
}
