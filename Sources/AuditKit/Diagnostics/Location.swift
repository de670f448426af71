/// A position in a source file: 1-based line and 1-based column (counted in characters).
public struct Mark: Sendable, Hashable, Codable, Comparable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode characters.
    public var column: Int

    /// Creates a mark at a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file: line 1, column 1.
    public static let start = Mark(line: 1, column: 1)

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
