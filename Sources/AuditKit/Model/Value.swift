/// A checklist value after validation: typed by the format, positioned in the file.
public struct Value: Sendable {
    /// The typed content.
    public enum Content: Sendable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case date(CalendarDate)
        case list([Value])
        case object(ObjectValue)
    }

    /// The typed content.
    public var content: Content
    /// Where the value starts in the file, 1-based.
    public var mark: Mark
    /// Where its key starts, 1-based; the value's own mark for list items.
    public var keyMark: Mark

    /// Creates a value.
    public init(_ content: Content, mark: Mark, keyMark: Mark? = nil) {
        self.content = content
        self.mark = mark
        self.keyMark = keyMark ?? mark
    }

    /// The string, if the value is one.
    public var string: String? { if case .string(let value) = content { return value }; return nil }
    /// The integer, if the value is one.
    public var integer: Int? { if case .integer(let value) = content { return value }; return nil }
    /// The number, if the value is an integer or a number.
    public var number: Double? {
        switch content {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
    /// The boolean, if the value is one.
    public var boolean: Bool? { if case .boolean(let value) = content { return value }; return nil }
    /// The date, if the value is one.
    public var date: CalendarDate? { if case .date(let value) = content { return value }; return nil }
    /// The items, if the value is a list.
    public var list: [Value]? { if case .list(let value) = content { return value }; return nil }
    /// The mapping, if the value is one.
    public var object: ObjectValue? { if case .object(let value) = content { return value }; return nil }

    /// The value at `key` of a mapping.
    public subscript(key: String) -> Value? { object?[key] }

    /// The value at a dotted path such as `venue.area_m2`, walking mappings only.
    public func value(at path: String) -> Value? {
        // Outside ASCII a `.` may start a larger character; split by characters there.
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else {
            var current: Value? = self
            for part in path.split(separator: ".") { current = current?[String(part)] }
            return current
        }
        var current = self
        var rest = Substring(path)
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex
            let part = rest[..<end]
            rest = end == rest.endIndex ? "" : rest[rest.utf8.index(after: end)...]
            if part.isEmpty { continue }
            guard let next = current.object?[part] else { return nil }
            current = next
        }
        return current
    }

    /// The value as YAML-like text, for quoting it back to the user.
    public var display: String {
        switch content {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return Value.format(value)
        case .boolean(let value): return value ? "true" : "false"
        case .date(let value): return value.description
        case .list(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .object: return "{…}"
        }
    }

    /// A number without a trailing `.0` when it is whole.
    public static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

/// A mapping value: keys in document order.
///
/// A checklist's mappings have a handful of keys each, so they are kept as two parallel arrays and
/// looked up by a linear scan: cheaper to build and to search than a hash table at that size.
public struct ObjectValue: Sendable {
    /// The keys in the order they were written.
    public private(set) var keys: [String] = []
    private var values: [Value] = []

    /// An empty mapping.
    public init() {}

    /// An empty mapping with room for `capacity` keys.
    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds `value` at `key`, which the mapping does not have yet.
    mutating func append(_ key: String, _ value: Value) {
        keys.append(key)
        values.append(value)
    }

    /// The value at `key`, given as part of a longer path.
    subscript(key: Substring) -> Value? {
        guard let index = keys.firstIndex(where: { $0 == key }) else { return nil }
        return values[index]
    }

    /// The value at `key`.
    public subscript(key: String) -> Value? {
        get {
            guard let index = keys.firstIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }
}
