/// Checks a YAML node tree against the format description and builds the typed `Value` tree.
/// Every problem is reported, not only the first; a value with a problem is left out of the tree.
///
/// Key paths (`activities[3].date`) are needed only for diagnostics, so they are passed down as
/// closures and spelt out only when something is reported: a valid file builds no path strings.
struct StructureValidator {
    let catalogues: Catalogues
    var sink: DiagnosticSink

    /// Validates `node` as a value of `type` at `path`.
    mutating func value(_ node: YAMLNode, as type: ValueType, path: String, keyMark: Mark, field: Field? = nil) -> Value? {
        value(node, as: type, path: { path }, keyMark: keyMark, field: { field })
    }

    private mutating func value(_ node: YAMLNode, as type: ValueType, path: () -> String, keyMark: Mark,
                                field: () -> Field? = { nil }) -> Value? {
        if node.isNull || (isScalarType(type) && node.scalarText.map(Self.isBlank) == true) {
            let path = path()
            sink.report(.notFilled, at: keyMark, path: path, Messages.notFilled(path), hint: Messages.notFilledHint(field(), path: path))
            return nil
        }
        switch type {
        case .object(let fields):
            return object(node, fields: fields, path: path, keyMark: keyMark)
        case .list(let itemType):
            guard case .sequence(let items) = node.content else {
                return wrongShape(node, expected: Messages.aList, path: path())
            }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for index in items.indices {
                let item = items[index]
                if let value = value(item, as: itemType, path: { KeyPath.item(path(), index) }, keyMark: item.mark) {
                    values.append(value)
                }
            }
            return Value(.list(values), mark: node.mark, keyMark: keyMark)
        default:
            guard case .scalar(let text, let style) = node.content else {
                return wrongShape(node, expected: Messages.aSingleValue, path: path())
            }
            guard let content = ScalarReader(catalogues: catalogues)
                .read(text, style: style, as: type, path: path, mark: node.mark, sink: &sink) else { return nil }
            return Value(content, mark: node.mark, keyMark: keyMark)
        }
    }

    /// Empty, or only spaces (a quoted "  ", a full-width "　"): nothing a reader could use.
    private static func isBlank(_ text: String) -> Bool {
        // Every scalar is asked: a first byte that is plain ASCII, as nearly every value's is,
        // settles it without decoding, and the spaces are a short list, not a Unicode lookup.
        guard let byte = text.utf8.first else { return true }
        if byte > 0x20 && byte < 0x80 { return false }
        return text.unicodeScalars.allSatisfy(isSpace)
    }

    /// White space as Unicode defines it (`Unicode.Scalar.Properties.isWhitespace`), spelt out.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private func isScalarType(_ type: ValueType) -> Bool {
        switch type {
        case .object, .list: return false
        default: return true
        }
    }

    private mutating func wrongShape(_ node: YAMLNode, expected: Localized, path: String) -> Value? {
        sink.report(.wrongShape, at: node.mark, path: path, Messages.wrongShape(path, expected: expected),
                    hint: Messages.wrongShapeHint(expected))
        return nil
    }

    private mutating func object(_ node: YAMLNode, fields: [Field], path: () -> String, keyMark: Mark) -> Value? {
        guard case .mapping(let pairs) = node.content else {
            return wrongShape(node, expected: Messages.aMapping, path: path())
        }
        var result = ObjectValue(capacity: pairs.count)
        // The pair each field was first written at, by field index; keys that are no field, with
        // where they first appeared. A handful of keys each: arrays beat hashing here.
        var written = [Int](repeating: -1, count: fields.count)
        var unknown: [(key: String, mark: Mark)] = []
        // The first key written again: in a list item, most often where a `- ` was left out.
        var firstRepeat: (key: String, line: Int)?
        // Keys an unknown key was taken for (a typo, or the key's Chinese name): their own
        // absence is that same slip, not a second finding.
        var suggested: [String] = []
        for pairIndex in pairs.indices {
            let pair = pairs[pairIndex]
            guard let key = pair.key.scalarText else {
                sink.report(.wrongShape, at: pair.key.mark, path: path(), Messages.complexKey, hint: Messages.complexKeyHint)
                continue
            }
            // Lengths first: comparing them is cheaper than comparing text, and most keys differ.
            let length = key.utf8.count
            let fieldIndex = fields.firstIndex { $0.key.utf8.count == length && $0.key == key }
            let first = fieldIndex.flatMap { written[$0] >= 0 ? pairs[written[$0]].key.mark : nil }
                ?? unknown.first { $0.key == key }?.mark
            if let first {
                let itemPath = path()
                let repeated = firstRepeat ?? (key, pair.key.mark.line)
                firstRepeat = repeated
                let hint = itemPath.hasSuffix("]")
                    ? Messages.duplicateKeyInItemHint(first: first.line, newItem: repeated.key, at: repeated.line)
                    : Messages.duplicateKeyHint(first: first.line)
                sink.report(.duplicateKey, at: pair.key.mark, path: KeyPath.child(itemPath, key),
                            Messages.duplicateKey(key, first: first.line, second: pair.key.mark.line), hint: hint)
                continue
            }
            guard let fieldIndex else {
                unknown.append((key, pair.key.mark))
                let keys = fields.map(\.key)
                let hint: Localized
                if key.hasPrefix("\u{3000}") {
                    hint = Messages.fullWidthIndentHint
                } else if let owner = Self.owner(of: key, before: pairIndex, in: pairs, fields: fields) {
                    hint = Messages.indentUnderHint(key, owner: owner.key, line: owner.line)
                } else {
                    // A key in Chinese is matched by the fields' Chinese names, never by spelling
                    // (全称 is two edits from id); one in Latin letters by spelling, or as the start
                    // of one key (amount for amount_yuan).
                    let suggestion = key.unicodeScalars.contains { $0.value > 0x7F }
                        ? Self.field(named: key, in: fields)
                        : Suggestion.closest(to: key, in: keys) ?? Self.field(startingWith: key, in: keys)
                    if let suggestion { suggested.append(suggestion) }
                    hint = Messages.unknownKeyHint(suggestion, allowed: keys)
                }
                sink.report(.unknownKey, at: pair.key.mark, path: KeyPath.child(path(), key), Messages.unknownKey(key), hint: hint)
                continue
            }
            written[fieldIndex] = pairIndex
            // An empty mapping key followed by keys of its own at the same indentation: they were
            // meant to be indented under it.
            if pairIndex + 1 < pairs.count, case .object(let children) = fields[fieldIndex].type, pair.value.isNull,
               let next = pairs[pairIndex + 1].key.scalarText, children.contains(where: { $0.key == next }),
               !fields.contains(where: { $0.key == next }) {
                let path = KeyPath.child(path(), key)
                sink.report(.notFilled, at: pair.key.mark, path: path, Messages.notFilled(path),
                            hint: Messages.keysNotIndentedHint(key, next: next, line: pairs[pairIndex + 1].key.mark.line))
                continue
            }
            if let value = value(pair.value, as: fields[fieldIndex].type, path: { KeyPath.child(path(), key) },
                                 keyMark: pair.key.mark, field: { fields[fieldIndex] }) {
                // Kept under the format's spelling of the key, which the checklist's may differ
                // from only in Unicode-equivalent characters: lookups compare bytes.
                result.append(fields[fieldIndex].key, value)
            }
        }
        for fieldIndex in fields.indices where written[fieldIndex] < 0 && !suggested.contains(fields[fieldIndex].key) {
            if case .optional = fields[fieldIndex].presence { continue }
            reportIfMissing(fields[fieldIndex], in: fields, written: written, pairs: pairs, path: path, at: keyMark)
        }
        return Value(.object(result), mark: node.mark, keyMark: keyMark)
    }

    /// The one field whose Chinese name is, or contains, `name` (经费 for funding, 备注 for notes):
    /// inspectors write the names the template's comments give. Nil when none or several match.
    private static func field(named name: String, in fields: [Field]) -> String? {
        guard name.count >= 2, name.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return nil }
        let matches = fields.filter { $0.doc.zh == name || $0.doc.zh.contains(name) }
        return matches.count == 1 ? matches[0].key : nil
    }

    /// The one key that starts with `prefix` (at least three letters): `amount` for `amount_yuan`.
    private static func field(startingWith prefix: String, in keys: [String]) -> String? {
        guard prefix.count >= 3 else { return nil }
        let matches = keys.filter { $0.hasPrefix(prefix) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The nearest key written before `pairs[index]` whose value is a mapping with a key named
    /// `key`: a key written with too little indentation lands in the enclosing mapping, and its
    /// owner is the key it should have been indented under.
    private static func owner(of key: String, before index: Int, in pairs: [YAMLNode.Pair],
                              fields: [Field]) -> (key: String, line: Int)? {
        for earlier in pairs[..<index].reversed() {
            guard let name = earlier.key.scalarText, let field = fields.first(where: { $0.key == name }),
                  case .object(let children) = field.type else { continue }
            if children.contains(where: { $0.key == key }) { return (name, earlier.key.mark.line) }
        }
        return nil
    }

    private mutating func reportIfMissing(_ field: Field, in fields: [Field], written: [Int], pairs: [YAMLNode.Pair],
                                          path: () -> String, at mark: Mark) {
        /// The value node written for sibling `key`, if any.
        func sibling(_ key: String) -> YAMLNode? {
            guard let index = fields.firstIndex(where: { $0.key == key }), written[index] >= 0 else { return nil }
            return pairs[written[index]].value
        }
        switch field.presence {
        case .optional:
            return
        case .required:
            let path = path()
            sink.report(.missingKey, at: mark, path: KeyPath.child(path, field.key), Messages.missingKey(field.key, in: path),
                        hint: Messages.missingKeyHint(field))
        case .requiredWhen(let key, let values):
            guard let node = sibling(key), let value = node.scalarText, values.contains(value) else { return }
            // A shared venue without its partner has a code of its own.
            let code: DiagnosticCode = field.key == "shared_with" ? .sharedWithoutPartner : .missingKey
            sink.report(code, at: node.mark, path: KeyPath.child(path(), field.key),
                        Messages.missingWhen(field.key, sibling: key, value: value),
                        hint: Messages.missingKeyHint(field))
        case .requiredUnless(let key, let values):
            if let value = sibling(key)?.scalarText, values.contains(value) { return }
            sink.report(.missingKey, at: mark, path: KeyPath.child(path(), field.key),
                        Messages.missingUnless(field.key, sibling: key, values: values),
                        hint: Messages.missingKeyHint(field))
        }
    }
}
