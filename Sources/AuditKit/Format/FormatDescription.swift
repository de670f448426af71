/// The vocabulary in which the checklist format is described. One description (`ChecklistFormat`)
/// drives the validator, the JSON Schema, the commented template and the format reference, so the
/// four cannot drift apart.

/// One allowed value of a closed list, with its labels.
public struct Choice: Sendable, Hashable, Codable {
    /// The value written in the checklist, e.g. `dedicated`.
    public var id: String
    /// What it means, in both languages.
    public var label: Localized

    /// Creates a choice.
    public init(_ id: String, zh: String, en: String) {
        self.id = id
        self.label = Localized(zh: zh, en: en)
    }

    /// The choice `text` names by its label rather than its id: its Chinese or (in any case) its
    /// English label, else the one choice whose Chinese label holds `text` (`部门` is the
    /// department, 县直部门). Nil when none or several do. A value that holds a label is not
    /// taken for it: 乡镇卫生院 holds 乡镇 but is a public institution.
    public static func named(_ text: String, among choices: [Choice]) -> Choice? {
        if let exact = choices.first(where: { $0.label.zh == text || $0.label.en.lowercased() == text.lowercased() }) {
            return exact
        }
        guard !text.isEmpty, !text.allSatisfy(\.isASCII) else { return nil }
        let holding = choices.filter { $0.label.zh.contains(text) }
        return holding.count == 1 ? holding[0] : nil
    }
}

/// Which catalogue a value must come from; the catalogues themselves belong to the standard.
public enum CatalogueKind: String, Sendable, Hashable, Codable {
    case equipment
    case rules
}

/// A constraint a string must meet beyond being a string.
public enum StringPattern: Sendable, Hashable {
    /// `^[a-z0-9][a-z0-9-]{0,62}$`: lower-case letters, digits and hyphens, 1 to 63 long.
    case identifier
    /// Any text of at most this many characters (Unicode scalars, as JSON Schema's `maxLength`
    /// counts them): what an inspector writes in a name or a note, kept to what a report can show.
    /// A name of a megabyte would be repeated in every row of every report.
    case length(Int)

    /// The pattern as a regular expression, for the JSON Schema and the docs; nil for a length,
    /// which the schema states as `maxLength`.
    public var regex: String? {
        switch self {
        case .identifier: return "^[a-z0-9][a-z0-9-]{0,62}$"
        case .length: return nil
        }
    }

    /// Whether `text` matches.
    public func matches(_ text: String) -> Bool {
        text.withBytes(matches)
    }

    /// Whether the text whose UTF-8 bytes are `bytes` matches.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .identifier:
            guard (1...63).contains(bytes.count) else { return false }
            func allowed(_ byte: UInt8, hyphen: Bool) -> Bool {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (hyphen && byte == UInt8(ascii: "-"))
            }
            return allowed(bytes[0], hyphen: false) && bytes.dropFirst().allSatisfy { allowed($0, hyphen: true) }
        case .length(let limit):
            // Each scalar has one leading byte, which is never 10xxxxxx; no more than `limit`.
            guard bytes.count > limit else { return true }
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                count += 1
                if count > limit { return false }
            }
            return true
        }
    }
}

/// The type a value must have at a key.
public indirect enum ValueType: Sendable {
    case string(StringPattern?)
    case integer(min: Int?, max: Int?)
    case number(min: Double?, exclusiveMinimum: Bool, max: Double?)
    case boolean
    case date
    case choice([Choice])
    case catalogue(CatalogueKind)
    case constant([String])
    case list(ValueType)
    case object([Field])

    /// The largest number a value of this type may be, for integer and number types that have one.
    var maximum: Double? {
        switch self {
        case .integer(_, let max): return max.map(Double.init)
        case .number(_, _, let max): return max
        default: return nil
        }
    }
}

/// When a key must be present.
public enum Presence: Sendable {
    case required
    case optional
    /// Required when the sibling key `key` has one of `values`.
    case requiredWhen(key: String, values: [String])
    /// Required unless the sibling key `key` has one of `values`.
    case requiredUnless(key: String, values: [String])
}

/// One key of a mapping in the format.
public struct Field: Sendable {
    /// The key, in English snake_case.
    public var key: String
    /// The type of its value.
    public var type: ValueType
    /// When it must be present.
    public var presence: Presence
    /// What the key means, in both languages.
    public var doc: Localized
    /// An example value as YAML text, used by the template and the docs.
    public var example: String?
    /// The value assumed when the key is absent, as YAML text (documentation only).
    public var defaultValue: String?

    /// Creates a field.
    public init(_ key: String, _ type: ValueType, _ presence: Presence = .required,
                zh: String, en: String, example: String? = nil, default defaultValue: String? = nil) {
        self.key = key
        self.type = type
        self.presence = presence
        self.doc = Localized(zh: zh, en: en)
        self.example = example
        self.defaultValue = defaultValue
    }

    /// Whether the key is always required.
    public var isRequired: Bool {
        if case .required = presence { return true }
        return false
    }
}
