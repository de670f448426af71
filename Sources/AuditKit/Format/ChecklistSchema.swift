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
            if let pattern {
                return [("type", .string("string")), ("minLength", .integer(1)), ("pattern", .string(pattern.regex))]
            }
            // A plain scalar is text wherever the format wants text, as the validator reads it: a
            // phone number or a year written bare is a number to a YAML editor, and must not be
            // flagged there. A text that is a string must hold more than spaces (full-width too).
            return [("type", .array([.string("string"), .string("number"), .string("boolean")])), ("minLength", .integer(1)),
                    ("pattern", .string("\\S"))]
        case .integer(let min, let max):
            var result: [(String, JSONValue)] = [("type", .string("integer"))]
            if let min { result.append(("minimum", .integer(min))) }
            if let max { result.append(("maximum", .integer(max))) }
            return result
        case .number(let min, let exclusive, let max):
            var result: [(String, JSONValue)] = [("type", .string("number"))]
            if let min { result.append((exclusive ? "exclusiveMinimum" : "minimum", .number(min))) }
            if let max { result.append(("maximum", .number(max))) }
            return result
        case .boolean:
            return [("type", .string("boolean"))]
        case .date:
            return [("type", .string("string")), ("format", .string("date")),
                    ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
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

    private static func enumeration(_ choices: [Choice]) -> [(String, JSONValue)] {
        let legend = choices.map { "\($0.id) = \($0.label.zh) \($0.label.en)" }.joined(separator: "; ")
        return [("type", .string("string")), ("enum", .array(choices.map { .string($0.id) })),
                ("$comment", .string(legend))]
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
        let conditions = fields.compactMap(condition)
        if !conditions.isEmpty { result.append(("allOf", .array(conditions))) }
        return .object(result)
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
