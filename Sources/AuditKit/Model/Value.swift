#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard !path.containsByte(where: { $0 >= 0x80 }) else {
            var current: Value? = self
            for part in path.split(separator: ".") { current = current?[String(part)] }
            return current
        }
        return path.withBytes { bytes -> Value? in
            var current = self
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
                if end > start {
                    guard case .object(let object) = current.content,
                          let next = object.value(forKey: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
                    current = next
                }
                start = end + 1
            }
            return current
        }
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
/// A checklist's mappings have a handful of keys each, so they are kept as one array of pairs and
/// looked up by a linear scan: cheaper to build and to search than a hash table at that size. One
/// array, not one of keys and one of values: a checklist has some thirty mappings, each one
/// allocation and one release fewer.
public struct ObjectValue: Sendable {
    private struct Entry: Sendable {
        var key: String
        var value: Value
    }

    private var entries: [Entry] = []

    /// The keys in the order they were written.
    public var keys: [String] { entries.map(\.key) }

    /// An empty mapping.
    public init() {}

    /// An empty mapping with room for `capacity` keys.
    init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// Adds `value` at `key`, which the mapping does not have yet.
    mutating func append(_ key: String, _ value: Value) {
        entries.append(Entry(key: key, value: value))
    }

    /// The value at the key whose UTF-8 bytes are `key`, an ASCII part of a longer path. A checklist's
    /// mappings hold the format's keys as the format spells them, which are ASCII, so comparing
    /// bytes finds what comparing strings would (no ASCII key equals a different spelling).
    func value(forKey key: UnsafeBufferPointer<UInt8>) -> Value? {
        if let index = entries.firstIndex(where: { entry in
            entry.key.utf8.count == key.count
                && (key.isEmpty || entry.key.withBytes { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 })
        }) {
            return entries[index].value
        }
        // Keys spelt otherwise (a mapping built by hand): as strings compare them, U+212A KELVIN
        // SIGN equal to K.
        guard entries.contains(where: { $0.key.containsByte(where: { $0 >= 0x80 }) }) else { return nil }
        return self[String(decoding: key, as: UTF8.self)]
    }

    /// The value at `key`.
    public subscript(key: String) -> Value? {
        get {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries[index].value
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }
}
