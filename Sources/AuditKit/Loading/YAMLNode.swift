/// A YAML node as written: scalars keep their exact text and quoting style, mappings keep key order,
/// and every node keeps the 1-based position where it starts. Nothing is typed here: the format
/// decides what a scalar means at each key.
public struct YAMLNode: Sendable {
    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded

        /// Whether the scalar was written in quotes or as a block, i.e. explicitly as a string.
        public var isQuoted: Bool { self != .plain }
    }

    /// A key and its value, in document order.
    public struct Pair: Sendable {
        /// The key node.
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode
    }

    /// The node's content.
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts, 1-based.
    public var mark: Mark
    /// The explicit tag, when one was written (after libyaml resolved `!!` shorthands).
    public var tag: String?

    /// The scalar's text, if the node is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether the node is YAML's null: an empty plain scalar, `~` or `null` in any common case.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        // By length first: every scalar is asked, and few are 0, 1 or 4 bytes long.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}
