/// Checks a YAML document against the format description and builds the typed `Value` tree.
/// Every problem is reported, not only the first; a value with a problem is left out of the tree.
///
/// Key paths (`activities[3].date`) are needed only for diagnostics, so they are passed down as
/// closures and spelt out only when something is reported: a valid file builds no path strings.
struct StructureValidator {
    let catalogues: Catalogues
    /// The document the nodes are read from.
    let document: YAMLDocument
    var sink: DiagnosticSink

    /// Validates `node` as a value of `type` at `path`.
    mutating func value(_ node: YAMLNode, as type: ValueType, path: String, keyMark: Mark, field: Field? = nil) -> Value? {
        value(node, as: type, path: { path }, keyMark: keyMark, field: { field })
    }

    /// `writtenTooFarLeft`: keys of this mapping written after it in the enclosing one, reported
    /// there (FH201, indent it) and so not missing here as well.
    private mutating func value(_ node: YAMLNode, as type: ValueType, path: () -> String, keyMark: Mark,
                                field: () -> Field? = { nil }, writtenTooFarLeft: [String] = []) -> Value? {
        if document.isNull(node) || (isScalarType(type) && node.kind == .scalar && Self.isBlank(document.bytes(of: node))) {
            let path = path()
            sink.report(.notFilled, at: keyMark, path: path, Messages.notFilled(path), hint: Messages.notFilledHint(field(), path: path))
            return nil
        }
        switch type {
        case .object(let fields):
            return object(node, fields: fields, path: path, keyMark: keyMark, writtenTooFarLeft: writtenTooFarLeft)
        case .list(let itemType):
            guard node.kind == .sequence else {
                return wrongShape(node, expected: Messages.aList, path: path())
            }
            let items = document.items(of: node)
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for (index, item) in zip(0..., items) {
                if let value = value(item, as: itemType, path: { KeyPath.item(path(), index) }, keyMark: item.mark) {
                    values.append(value)
                }
            }
            return Value(.list(values), mark: node.mark, keyMark: keyMark)
        default:
            guard node.kind == .scalar else {
                return wrongShape(node, expected: Messages.aSingleValue, path: path())
            }
            let reader = ScalarReader(catalogues: catalogues)
            // The bytes stay where they are while this validator, which holds the document, runs.
            guard let content = reader.read(document.bytes(of: node), style: node.style, as: type, path: path,
                                            mark: node.mark, sink: &sink) else { return nil }
            return Value(content, mark: node.mark, keyMark: keyMark)
        }
    }

    /// Empty, or only spaces (a quoted "  ", a full-width "　"): nothing a reader could use.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every scalar is asked: a first byte that is plain ASCII, as nearly every value's is,
        // settles it without decoding, and the spaces are a short list, not a Unicode lookup.
        guard let byte = bytes.first else { return true }
        if byte > 0x20 && byte < 0x80 { return false }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(isSpace)
    }

    /// A regular expression that finds a character `isSpace` does not count, for the JSON Schema:
    /// `\S` means other things in other engines (JavaScript counts U+FEFF as space, Python U+001C).
    static let notSpacePattern = "[^\\t-\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"

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

    private mutating func object(_ node: YAMLNode, fields: [Field], path: () -> String, keyMark: Mark,
                                 writtenTooFarLeft: [String]) -> Value? {
        guard node.kind == .mapping else {
            // `min_retirees：15` or `total:38` alone under its key: a colon typed full-width or
            // without its space made the pair one piece of text. The hint says which.
            // One key and its value only: text folded from several lines (`total:12 cadres:3`)
            // or an address (`http://…`) is not one slipped colon.
            if node.kind == .scalar, node.style == .plain, case let text = String(decoding: document.bytes(of: node), as: UTF8.self),
               !text.contains(where: \.isWhitespace), !text.contains("://"), let slip = SyntaxAdvice.colonSlip(in: Substring(text)) {
                let path = path()
                // On the scalar's line, at the colon (a plain scalar's first line starts at its mark).
                let mark = Mark(line: node.mark.line, column: node.mark.column + slip.column - 1)
                sink.report(.wrongShape, at: mark, path: path, Messages.wrongShape(path, expected: Messages.aMapping), hint: slip.hint)
                return nil
            }
            return wrongShape(node, expected: Messages.aMapping, path: path())
        }
        // The pair each field was first written at, by field index: a handful of fields each, so
        // a buffer on the stack, not an array made and freed for each of a checklist's thirty
        // mappings.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: fields.count) { written in
            written.initialize(repeating: -1)
            return object(node, fields: fields, path: path, keyMark: keyMark, written: written, writtenTooFarLeft: writtenTooFarLeft)
        }
    }

    private mutating func object(_ node: YAMLNode, fields: [Field], path: () -> String, keyMark: Mark,
                                 written: UnsafeMutableBufferPointer<Int>, writtenTooFarLeft: [String]) -> Value? {
        let pairCount = document.pairCount(of: node)
        var result = ObjectValue(capacity: pairCount)
        // Keys that are no field, with where they first appeared: hashed, as a hostile file can
        // write tens of thousands.
        var unknown: [String: Mark] = [:]
        // Who each key could have been indented under, built only once a key is unknown.
        var owners = Owners()
        // The first key written again: in a list item, most often where a `- ` was left out.
        var firstRepeat: (key: String, line: Int)?
        // Keys an unknown key was taken for (a typo, or the key's Chinese name): their own
        // absence is that same slip, not a second finding.
        var suggested: [String] = []
        for pairIndex in 0..<pairCount {
            let keyNode = document.key(pairIndex, of: node)
            guard keyNode.kind == .scalar else {
                sink.report(.wrongShape, at: keyNode.mark, path: path(), Messages.complexKey, hint: Messages.complexKeyHint)
                continue
            }
            let fieldIndex = Self.fieldIndex(of: document.bytes(of: keyNode), in: fields)
            if let fieldIndex, written[fieldIndex] < 0 {
                written[fieldIndex] = pairIndex
                let key = fields[fieldIndex].key
                let valueNode = document.value(pairIndex, of: node)
                // An empty mapping key followed by keys of its own at the same indentation: they
                // were meant to be indented under it.
                if pairIndex + 1 < pairCount, case .object(let children) = fields[fieldIndex].type, document.isNull(valueNode),
                   let next = document.scalarText(document.key(pairIndex + 1, of: node)),
                   children.contains(where: { $0.key == next }), !fields.contains(where: { $0.key == next }) {
                    let path = KeyPath.child(path(), key)
                    sink.report(.notFilled, at: keyNode.mark, path: path, Messages.notFilled(path),
                                hint: Messages.keysNotIndentedHint(key, next: next, line: document.key(pairIndex + 1, of: node).mark.line))
                    continue
                }
                var tooFarLeft: [String] = []
                if case .object(let children) = fields[fieldIndex].type {
                    tooFarLeft = keys(of: children, writtenAfter: pairIndex, of: fieldIndex, in: node, fields: fields)
                }
                if let value = value(valueNode, as: fields[fieldIndex].type, path: { KeyPath.child(path(), key) },
                                     keyMark: keyNode.mark, field: { fields[fieldIndex] }, writtenTooFarLeft: tooFarLeft) {
                    result.append(key, value)
                }
                continue
            }
            let key = document.scalarText(keyNode) ?? ""
            let first = fieldIndex.map { document.key(written[$0], of: node).mark } ?? unknown[key]
            if let first {
                let itemPath = path()
                let repeated = firstRepeat ?? (key, keyNode.mark.line)
                firstRepeat = repeated
                let hint = itemPath.hasSuffix("]")
                    ? Messages.duplicateKeyInItemHint(first: first.line, newItem: repeated.key, at: repeated.line)
                    : Messages.duplicateKeyHint(first: first.line)
                sink.report(.duplicateKey, at: keyNode.mark, path: KeyPath.child(itemPath, key),
                            Messages.duplicateKey(key, first: first.line, second: keyNode.mark.line), hint: hint)
                continue
            }
            unknown[key] = keyNode.mark
            let keys = fields.map(\.key)
            let hint: Localized
            let visible = String(String.UnicodeScalarView(key.unicodeScalars.filter { !Messages.isInvisible($0) }))
            if key.hasPrefix("\u{3000}") {
                hint = Messages.fullWidthIndentHint
            } else if visible != key, keys.contains(visible) {
                suggested.append(visible)
                hint = Messages.invisibleInKeyHint(visible)
            } else if let owner = owners.owner(of: key, before: pairIndex, in: node, document: document, fields: fields) {
                hint = Messages.indentUnderHint(key, owner: owner.key, line: owner.line)
            } else {
                // A key in Chinese is matched by the fields' Chinese names, never by spelling
                // (全称 is two edits from id); one in Latin letters by spelling, or as the start
                // of one key (amount for amount_yuan). Characters that print as nothing are left
                // out of the comparison (insp\u{200B}ectr is still inspector's slip).
                let suggestion = visible.unicodeScalars.contains { $0.value > 0x7F }
                    ? Self.field(named: visible, in: fields)
                    : Suggestion.closest(to: visible, in: keys) ?? Self.field(startingWith: visible, in: keys)
                if let suggestion { suggested.append(suggestion) }
                hint = Messages.unknownKeyHint(suggestion, allowed: keys)
            }
            sink.report(.unknownKey, at: keyNode.mark, path: KeyPath.child(path(), key), Messages.unknownKey(key), hint: hint)
        }
        for fieldIndex in fields.indices where written[fieldIndex] < 0 && !suggested.contains(fields[fieldIndex].key)
            && !writtenTooFarLeft.contains(fields[fieldIndex].key) {
            if case .optional = fields[fieldIndex].presence { continue }
            reportIfMissing(fields[fieldIndex], in: fields, written: written, mapping: node, path: path, at: keyMark)
        }
        return Value(.object(result), mark: node.mark, keyMark: keyMark)
    }

    /// The keys of the mapping field written at pair `index` of `mapping` that are written after
    /// it in `mapping` itself, where they are no field: too far left, and told to indent under it
    /// (FH201) by `Owners`' rule, unless a later field with such keys of its own is nearer.
    /// A later pair of the same field (written twice) is no nearer owner: it is not validated.
    private func keys(of children: [Field], writtenAfter index: Int, of field: Int, in mapping: YAMLNode, fields: [Field]) -> [String] {
        var found: [String] = []
        // The other mapping fields written after it so far, each once however often a hostile
        // file repeats it: a key of theirs is nearer to them. A handful at most, so a list, and
        // nothing hashed for a checklist whose keys are all fields.
        var nearer: [Int] = []
        for later in (index + 1)..<document.pairCount(of: mapping) {
            let keyNode = document.key(later, of: mapping)
            guard keyNode.kind == .scalar else { continue }
            if let other = Self.fieldIndex(of: document.bytes(of: keyNode), in: fields) {
                if other != field, !nearer.contains(other), case .object = fields[other].type { nearer.append(other) }
                continue
            }
            guard let key = document.scalarText(keyNode), children.contains(where: { $0.key == key }) else { continue }
            let owned = nearer.contains { other in
                if case .object(let others) = fields[other].type { return others.contains { $0.key == key } }
                return false
            }
            if !owned { found.append(key) }
        }
        return found
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

    /// The field whose key has the UTF-8 bytes `key`. Compared by bytes, lengths first: no string
    /// is made of a key that is a field, and most keys differ in length.
    static func fieldIndex(of key: UnsafeBufferPointer<UInt8>, in fields: [Field]) -> Int? {
        fields.firstIndex { $0.key.utf8.count == key.count && YAMLDocument.equal(key, $0.key) }
    }

    /// For the keys of one mapping, the nearest key written before each whose field is a mapping
    /// with a key of that name: a key written with too little indentation lands in the enclosing
    /// mapping, and its owner is the key it should have been indented under. Each pair is looked
    /// at once, when the first key after it needs an owner, so a file of many unknown keys costs
    /// time in proportion to them, not to their square.
    private struct Owners {
        private var owners: [String: (key: String, line: Int)] = [:]
        /// The pairs before this one are in `owners`.
        private var through = 0

        mutating func owner(of key: String, before index: Int, in mapping: YAMLNode, document: YAMLDocument,
                            fields: [Field]) -> (key: String, line: Int)? {
            while through < index {
                // A later key of the same name replaces an earlier one, so the owner is the nearest.
                let keyNode = document.key(through, of: mapping)
                through += 1
                guard keyNode.kind == .scalar, let index = StructureValidator.fieldIndex(of: document.bytes(of: keyNode), in: fields),
                      case .object(let children) = fields[index].type else { continue }
                for child in children { owners[child.key] = (fields[index].key, keyNode.mark.line) }
            }
            return owners[key]
        }
    }

    private mutating func reportIfMissing(_ field: Field, in fields: [Field], written: UnsafeMutableBufferPointer<Int>, mapping: YAMLNode,
                                          path: () -> String, at mark: Mark) {
        /// The value node written for sibling `key`, if any.
        func sibling(_ key: String) -> YAMLNode? {
            guard let index = fields.firstIndex(where: { $0.key == key }), written[index] >= 0 else { return nil }
            return document.value(written[index], of: mapping)
        }
        switch field.presence {
        case .optional:
            return
        case .required:
            let path = path()
            sink.report(.missingKey, at: mark, path: KeyPath.child(path, field.key), Messages.missingKey(field.key, in: path),
                        hint: Messages.missingKeyHint(field))
        case .requiredWhen(let key, let values):
            guard let node = sibling(key), let value = document.scalarText(node), values.contains(value) else { return }
            // A shared venue without its partner has a code of its own.
            let code: DiagnosticCode = field.key == "shared_with" ? .sharedWithoutPartner : .missingKey
            sink.report(code, at: node.mark, path: KeyPath.child(path(), field.key),
                        Messages.missingWhen(field.key, sibling: key, value: value),
                        hint: Messages.missingKeyHint(field))
        case .requiredUnless(let key, let values):
            if let value = sibling(key).flatMap(document.scalarText), values.contains(value) { return }
            sink.report(.missingKey, at: mark, path: KeyPath.child(path(), field.key),
                        Messages.missingUnless(field.key, sibling: key, values: values),
                        hint: Messages.missingKeyHint(field))
        }
    }
}
