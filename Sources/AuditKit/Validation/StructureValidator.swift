/// Checks a YAML node tree against the format description and builds the typed `Value` tree.
/// Every problem is reported, not only the first; a value with a problem is left out of the tree.
struct StructureValidator {
    let catalogues: Catalogues
    var sink: DiagnosticSink

    /// Validates `node` as a value of `type` at `path`.
    mutating func value(_ node: YAMLNode, as type: ValueType, path: String, keyMark: Mark, field: Field? = nil) -> Value? {
        if node.isNull || (node.scalarText == "" && isScalarType(type)) {
            sink.report(.notFilled, at: keyMark, path: path, Messages.notFilled(path), hint: Messages.notFilledHint(field, path: path))
            return nil
        }
        switch type {
        case .object(let fields):
            return object(node, fields: fields, path: path, keyMark: keyMark)
        case .list(let itemType):
            guard case .sequence(let items) = node.content else {
                return wrongShape(node, expected: Messages.aList, path: path)
            }
            var values: [Value] = []
            for (index, item) in items.enumerated() {
                if let value = value(item, as: itemType, path: KeyPath.item(path, index), keyMark: item.mark) {
                    values.append(value)
                }
            }
            return Value(.list(values), mark: node.mark, keyMark: keyMark)
        default:
            guard case .scalar(let text, let style) = node.content else {
                return wrongShape(node, expected: Messages.aSingleValue, path: path)
            }
            guard let content = ScalarReader(catalogues: catalogues)
                .read(text, style: style, as: type, path: path, mark: node.mark, sink: &sink) else { return nil }
            return Value(content, mark: node.mark, keyMark: keyMark)
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

    private mutating func object(_ node: YAMLNode, fields: [Field], path: String, keyMark: Mark) -> Value? {
        guard case .mapping(let pairs) = node.content else {
            return wrongShape(node, expected: Messages.aMapping, path: path)
        }
        var result = ObjectValue()
        var seen: [String: Mark] = [:]
        var written: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                sink.report(.wrongShape, at: pair.key.mark, path: path, Messages.complexKey, hint: Messages.complexKeyHint)
                continue
            }
            let childPath = KeyPath.child(path, key)
            if let first = seen[key] {
                sink.report(.duplicateKey, at: pair.key.mark, path: childPath,
                            Messages.duplicateKey(key, first: first.line, second: pair.key.mark.line),
                            hint: Messages.duplicateKeyHint(first: first.line))
                continue
            }
            seen[key] = pair.key.mark
            guard let field = fields.first(where: { $0.key == key }) else {
                let suggestion = Suggestion.closest(to: key, in: fields.map(\.key))
                sink.report(.unknownKey, at: pair.key.mark, path: childPath, Messages.unknownKey(key),
                            hint: Messages.unknownKeyHint(suggestion, allowed: fields.map(\.key)))
                continue
            }
            written[key] = pair.value
            if let value = value(pair.value, as: field.type, path: childPath, keyMark: pair.key.mark, field: field) {
                result[key] = value
            }
        }
        for field in fields where written[field.key] == nil && seen[field.key] == nil {
            reportIfMissing(field, in: written, path: path, at: keyMark)
        }
        return Value(.object(result), mark: node.mark, keyMark: keyMark)
    }

    private mutating func reportIfMissing(_ field: Field, in written: [String: YAMLNode], path: String, at mark: Mark) {
        let childPath = KeyPath.child(path, field.key)
        switch field.presence {
        case .optional:
            return
        case .required:
            sink.report(.missingKey, at: mark, path: childPath, Messages.missingKey(field.key, in: path),
                        hint: Messages.missingKeyHint(field))
        case .requiredWhen(let key, let values):
            guard let sibling = written[key]?.scalarText, values.contains(sibling) else { return }
            // A shared venue without its partner has a code of its own.
            let code: DiagnosticCode = field.key == "shared_with" ? .sharedWithoutPartner : .missingKey
            sink.report(code, at: written[key]?.mark ?? mark, path: childPath,
                        Messages.missingWhen(field.key, sibling: key, value: sibling),
                        hint: Messages.missingKeyHint(field))
        case .requiredUnless(let key, let values):
            if let sibling = written[key]?.scalarText, values.contains(sibling) { return }
            sink.report(.missingKey, at: mark, path: childPath,
                        Messages.missingUnless(field.key, sibling: key, values: values),
                        hint: Messages.missingKeyHint(field))
        }
    }
}
