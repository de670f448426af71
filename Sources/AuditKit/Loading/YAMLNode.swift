#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A YAML node as written: scalars keep their exact text and quoting style, mappings keep key order,
/// and every node keeps the 1-based position where it starts. Nothing is typed here: the format
/// decides what a scalar means at each key.
///
/// A node is a few numbers, not a tree of its own: its text and its children are in the
/// `YAMLDocument` it came from, which reads them. Loading a checklist so makes two buffers, not an
/// array per mapping and a string per scalar.
public struct YAMLNode: Sendable {
    /// How a scalar was written.
    public enum ScalarStyle: UInt8, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded

        /// Whether the scalar was written in quotes or as a block, i.e. explicitly as a string.
        public var isQuoted: Bool { self != .plain }
    }

    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
    }

    /// What the node holds.
    public let kind: Kind
    /// How the scalar was written; `plain` for a mapping or sequence.
    public let style: ScalarStyle
    private let line: Int32
    private let column: Int32
    /// A scalar's first byte in the document's text; a collection's first child in its nodes.
    let start: Int32
    /// A scalar's length in bytes; a collection's number of children (a mapping's keys and values).
    let count: Int32

    init(kind: Kind, style: ScalarStyle, mark: Mark, start: Int, count: Int) {
        self.kind = kind
        self.style = style
        self.line = Int32(clamping: mark.line)
        self.column = Int32(clamping: mark.column)
        self.start = Int32(clamping: start)
        self.count = Int32(clamping: count)
    }

    /// Where the node starts, 1-based.
    public var mark: Mark { Mark(line: Int(line), column: Int(column)) }

    /// The same node written at `mark`: what an alias stands for, found where the alias is.
    func written(at mark: Mark) -> YAMLNode {
        YAMLNode(kind: kind, style: style, mark: mark, start: Int(start), count: Int(count))
    }
}

/// One YAML document: every node and every scalar's bytes, each in one flat buffer.
///
/// A collection's children are stored side by side (a mapping's as key, value, key, value), so a
/// mapping is read as pairs by index and a sequence as a slice.
public struct YAMLDocument: Sendable {
    let nodes: [YAMLNode]
    private let text: Text
    /// The top node.
    public let root: YAMLNode

    /// The scalars' bytes, appended by the loader; once the document is built they stay where they
    /// are for as long as it lives, so a scalar's bytes are lent without a closure or a retain of an
    /// array for each.
    final class Text: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        /// Appends `count` bytes from `start`: only while the document is being built.
        func append(_ start: UnsafePointer<UInt8>?, count added: Int) {
            guard let start, added > 0 else { return }
            if count + added > capacity {
                capacity = max(capacity * 2, count + added)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                grown.initialize(from: base, count: count)
                base.deallocate()
                base = grown
            }
            (base + count).initialize(from: start, count: added)
            count += added
        }

        deinit { base.deallocate() }
    }

    init(nodes: [YAMLNode], text: Text, root: YAMLNode) {
        self.nodes = nodes
        self.text = text
        self.root = root
    }

    /// The items of a sequence; empty for any other node.
    public func items(of node: YAMLNode) -> ArraySlice<YAMLNode> {
        guard node.kind == .sequence else { return [] }
        return nodes[Int(node.start)..<(Int(node.start) + Int(node.count))]
    }

    /// How many keys a mapping has; 0 for any other node.
    public func pairCount(of node: YAMLNode) -> Int {
        node.kind == .mapping ? Int(node.count) / 2 : 0
    }

    /// The key of a mapping's pair at `index`, which is below `pairCount(of:)`.
    public func key(_ index: Int, of mapping: YAMLNode) -> YAMLNode { nodes[Int(mapping.start) + 2 * index] }

    /// The value of a mapping's pair at `index`, which is below `pairCount(of:)`.
    public func value(_ index: Int, of mapping: YAMLNode) -> YAMLNode { nodes[Int(mapping.start) + 2 * index + 1] }

    /// A scalar's bytes (none for a collection). They belong to the document: read them only while
    /// a variable that holds the document is still in use (as the validator holds its own), or
    /// through `withBytes(of:_:)`.
    func bytes(of node: YAMLNode) -> UnsafeBufferPointer<UInt8> {
        guard node.kind == .scalar else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text.base + Int(node.start), count: Int(node.count))
    }

    /// Calls `body` with a scalar's bytes (none for a collection), the document kept alive meanwhile.
    public func withBytes<Result>(of node: YAMLNode, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withExtendedLifetime(text) { body(bytes(of: node)) }
    }

    /// The scalar's text, if the node is a scalar.
    public func scalarText(_ node: YAMLNode) -> String? {
        guard node.kind == .scalar else { return nil }
        return withBytes(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a scalar's bytes are exactly those of `string`.
    func scalar(_ node: YAMLNode, is string: String) -> Bool {
        guard node.kind == .scalar, Int(node.count) == string.utf8.count else { return false }
        return withBytes(of: node) { Self.equal($0, string) }
    }

    /// Whether `bytes` are exactly the UTF-8 bytes of `string`.
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
        string.withBytes { other in
            other.count == bytes.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, other.baseAddress!, bytes.count) == 0)
        }
    }

    /// Whether the node is YAML's null: an empty plain scalar, `~` or `null` in any common case.
    public func isNull(_ node: YAMLNode) -> Bool {
        guard node.kind == .scalar, node.style == .plain else { return false }
        // By length first: every scalar is asked, and few are 0, 1 or 4 bytes long.
        switch node.count {
        case 0: return true
        case 1: return scalar(node, is: "~")
        case 4: return scalar(node, is: "null") || scalar(node, is: "Null") || scalar(node, is: "NULL")
        default: return false
        }
    }
}
