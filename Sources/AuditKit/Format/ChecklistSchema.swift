/// The JSON Schema (draft 2020-12) of the checklist format, generated from `ChecklistFormat`, with
/// descriptions in both languages for editor completion and hover help.
public enum ChecklistSchema {
    /// Where the committed copy lives, relative to the repository root.
    public static let committedPath = "schema/checklist.schema.json"

    /// The schema as pretty-printed JSON.
    public static func render(catalogues: Catalogues) -> String {
        var document: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://five-haves.example/schema/checklist.schema.json")),
            ("title", .string("五有检查清单 / Five-haves checklist (\(ChecklistFormat.identifier))")),
            ("description", .string("老干部学习活动场所“五有”检查清单，每个单位一个文件 / One inspection checklist per unit for the five haves of retired cadres' study and activity facilities")),
        ]
        if case .object(let pairs) = object(ChecklistFormat.root, catalogues: catalogues) {
            document += pairs
        }
        return JSONValue.object(document).serialized()
    }

    private static func describe(_ field: Field) -> String {
        var text = field.doc.bilingual
        if let example = field.example { text += "（例 e.g. \(example)）" }
        if let defaultValue = field.defaultValue { text += "；默认 default \(defaultValue)" }
        return text
    }

    static func schema(for type: ValueType, catalogues: Catalogues) -> [(String, JSONValue)] {
        switch type {
        case .string(let pattern):
            if let pattern, let regex = pattern.regex {
                // A bare 410102 or true is text to the validator, and matches an identifier; to a
                // YAML editor it is a number or a boolean, which must not show as an error.
                return [("anyOf", .array([
                    .object([("type", .string("string")), ("minLength", .integer(1)), ("pattern", .string(regex))]),
                    .object([("type", .string("number")), ("minimum", .integer(0))]),
                    .object([("type", .string("boolean"))]),
                ]))]
            }
            // A plain scalar is text wherever the format wants text, as the validator reads it: a
            // phone number or a year written bare is a number to a YAML editor, and must not be
            // flagged there. A text that is a string must hold more than spaces (full-width too), as the
            // validator counts them whatever the editor's regular expressions call a space.
            var text: [(String, JSONValue)] = [("type", .array([.string("string"), .string("number"), .string("boolean")])),
                                               ("minLength", .integer(1))]
            if case .length(let limit)? = pattern { text.append(("maxLength", .integer(limit))) }
            return text + [("pattern", .string(StructureValidator.notSpacePattern))]
        case .integer(let min, let max):
            var result: [(String, JSONValue)] = [("type", .string("integer"))]
            if let min { result.append(("minimum", .integer(min))) }
            // Without a maximum of its own, the largest whole number the validator reads.
            result.append(("maximum", .integer(max ?? Int.max)))
            return result
        case .number(let min, let exclusive, let max):
            var result: [(String, JSONValue)] = [("type", .string("number"))]
            if let min { result.append((exclusive ? "exclusiveMinimum" : "minimum", .number(min))) }
            if let max {
                result.append(("maximum", .number(max)))
            } else {
                result.append(("exclusiveMaximum", .integer(Int(ScalarReader.numberLimit))))
            }
            return result
        case .boolean:
            return [("type", .string("boolean"))]
        case .date:
            return [("type", .string("string")), ("format", .string("date")), ("pattern", .string(dayPattern))]
        case .choice(let choices):
            return enumeration(choices)
        case .catalogue(let kind):
            return enumeration(catalogues.entries(kind))
        case .constant(let values):
            return values.count == 1 ? [("const", .string(values[0]))] : [("enum", .array(values.map(JSONValue.string)))]
        case .list(let item):
            return [("type", .string("array")), ("items", .object(schema(for: item, catalogues: catalogues)))]
        case .object(let fields):
            if case .object(let pairs) = object(fields, catalogues: catalogues) { return pairs }
            return []
        }
    }

    /// A real day from 0001-01-01 to 9999-12-31, as `CalendarDate` reads it: months of their
    /// length, and 29 February in leap years only. Editors need not check `format: date`.
    static let dayPattern = "^(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        + "|02-(?:0[1-9]|1[0-9]|2[0-8]))$|^(?!0000)(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29$"

    private static func enumeration(_ choices: [Choice]) -> [(String, JSONValue)] {
        let legend = choices.map { "\($0.id) = \($0.label.zh) \($0.label.en)" }.joined(separator: "; ")
        // An id a YAML editor reads as a number, a boolean or null (a tailored catalogue's 120)
        // is listed as that value too: written bare, it is the id to the validator.
        let values = choices.flatMap { choice in [JSONValue.string(choice.id)] + (plainReading(choice.id).map { [$0] } ?? []) }
        let types = ["string", "integer", "number", "boolean", "null"].filter { type in values.contains { $0.typeName == type } }
        return [("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string))), ("enum", .array(values)),
                ("$comment", .string(legend))]
    }

    /// What YAML 1.2's core schema reads a plain identifier (letters, digits, hyphens) as, when
    /// that is not text: 120 and 0x1f are integers, 1e5 is a number, true and null are what they say.
    static func plainReading(_ text: String) -> JSONValue? {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        // Digits only after the prefix: Int(_:radix:) would also take 0x-5 as minus five.
        for (prefix, radix) in [("0x", 16), ("0o", 8)] where text.hasPrefix(prefix) && !text.dropFirst(2).hasPrefix("-") {
            if let value = Int(text.dropFirst(2), radix: radix) { return .integer(value) }
        }
        // An identifier has no sign or point: what reads as a number is digits, or digits, e and digits.
        if let value = ScalarReader.integer(text) { return .integer(value) }
        if let value = ScalarReader.decimal(text), value.isFinite {
            return value == value.rounded() && abs(value) < ScalarReader.numberLimit ? .integer(Int(value)) : .number(value)
        }
        return nil
    }

    private static func object(_ fields: [Field], catalogues: Catalogues) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for field in fields {
            let described: [(String, JSONValue)] = [("description", .string(describe(field)))]
            properties.append((field.key, .object(described + schema(for: field.type, catalogues: catalogues))))
        }
        var result: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(fields.filter(\.isRequired).map { .string($0.key) })),
            ("additionalProperties", .bool(false)),
        ]
        let conditions = fields.compactMap(condition) + [noneCondition(fields)].compactMap { $0 }
        if !conditions.isEmpty { result.append(("allOf", .array(conditions))) }
        return .object(result)
    }

    /// With `status: none` (a unit without a venue), each other key may only say there is nothing
    /// (false, 0, an empty list) or be left out, as the validator's FH306 holds.
    private static func noneCondition(_ fields: [Field]) -> JSONValue? {
        guard let status = fields.first(where: { $0.key == "status" }), case .choice(let choices) = status.type,
              choices.contains(where: { $0.id == "none" }) else { return nil }
        let details: [(String, JSONValue)] = fields.filter { $0.key != "status" }.map { field in
            switch field.type {
            case .boolean: return (field.key, .object([("const", .bool(false))]))
            case .integer, .number: return (field.key, .object([("const", .integer(0))]))
            case .list: return (field.key, .object([("maxItems", .integer(0))]))
            default: return (field.key, .bool(false))
            }
        }
        let test: JSONValue = .object([("properties", .object([("status", .object([("const", .string("none"))]))])),
                                       ("required", .array([.string("status")]))])
        return .object([("if", test), ("then", .object([("properties", .object(details))]))])
    }

    private static func condition(_ field: Field) -> JSONValue? {
        let key: String, values: [String], negate: Bool
        switch field.presence {
        case .requiredWhen(let k, let v): (key, values, negate) = (k, v, false)
        case .requiredUnless(let k, let v): (key, values, negate) = (k, v, true)
        default: return nil
        }
        let test: JSONValue = .object([("properties", .object([(key, .object([("enum", .array(values.map(JSONValue.string)))]))])),
                                       ("required", .array([.string(key)]))])
        let requirement: JSONValue = .object([("required", .array([.string(field.key)]))])
        return negate
            ? .object([("if", .object([("not", test)])), ("then", requirement)])
            : .object([("if", test), ("then", requirement)])
    }
}
