import Testing
import AuditKit

/// A loaded document is read through its public API as it was written: keys in order with their
/// values, items, scalars' exact text and quoting, and where each node starts.
@Suite struct YAMLDocumentTests {
    private static func load(_ text: String) throws -> YAMLDocument {
        let result = YAMLLoader().load(Array(text.utf8))
        #expect(result.problems.isEmpty)
        return try #require(result.document)
    }

    @Test func mappingsSequencesAndScalarsAsWritten() throws {
        let document = try Self.load("""
            unit:
              name: "XX县北塬乡"
              retirees: 30
            equipment: [books, {item: chess, quantity: 2}]
            notes: |
              line one
            empty:
            """)
        let root = document.root
        #expect(root.kind == .mapping)
        #expect(document.pairCount(of: root) == 4)
        let keys = (0..<document.pairCount(of: root)).map { document.scalarText(document.key($0, of: root)) }
        #expect(keys == ["unit", "equipment", "notes", "empty"])

        let unit = document.value(0, of: root)
        #expect(unit.kind == .mapping)
        #expect(unit.mark == Mark(line: 2, column: 3))
        let name = document.value(0, of: unit)
        #expect(document.scalarText(name) == "XX县北塬乡")
        #expect(name.style == .doubleQuoted)
        #expect(name.mark == Mark(line: 2, column: 9))
        #expect(document.scalarText(document.value(1, of: unit)) == "30")

        let equipment = document.value(1, of: root)
        let items = document.items(of: equipment)
        #expect(items.count == 2)
        #expect(document.scalarText(items[items.startIndex]) == "books")
        let chess = items[items.startIndex + 1]
        #expect(chess.kind == .mapping)
        #expect(document.scalarText(document.value(1, of: chess)) == "2")
        #expect(document.items(of: chess).isEmpty)
        #expect(document.pairCount(of: equipment) == 0)

        let notes = document.value(2, of: root)
        #expect(notes.style == .literal)
        #expect(document.scalarText(notes) == "line one\n")
        #expect(document.isNull(document.value(3, of: root)))
        #expect(!document.isNull(notes))
        #expect(document.scalarText(equipment) == nil)
    }

    /// An alias stands for its anchor's node, children and all, wherever it is used.
    @Test func aliasesShareTheirAnchorsNode() throws {
        let document = try Self.load("""
            first: &shared {item: books, quantity: 3}
            second: *shared
            label: &word "quoted"
            again: *word
            """)
        let root = document.root
        let second = document.value(1, of: root)
        #expect(second.kind == .mapping)
        #expect(document.scalarText(document.key(0, of: second)) == "item")
        #expect(document.scalarText(document.value(1, of: second)) == "3")
        let again = document.value(3, of: root)
        #expect(document.scalarText(again) == "quoted")
        #expect(again.style == .doubleQuoted)
        #expect(document.withBytes(of: again) { Array($0) } == Array("quoted".utf8))
        // Each use is where the alias is written, so a problem with it is reported there.
        #expect(second.mark == Mark(line: 2, column: 9))
        #expect(again.mark == Mark(line: 4, column: 8))
        #expect(document.value(0, of: root).mark == Mark(line: 1, column: 8))
    }

    /// Empty collections have no children, and an empty or null document is one null scalar.
    @Test func emptyCollectionsAndNullRoots() throws {
        let document = try Self.load("a: {}\nb: []\n")
        #expect(document.pairCount(of: document.value(0, of: document.root)) == 0)
        #expect(document.items(of: document.value(1, of: document.root)).isEmpty)
        let null = try Self.load("~\n")
        #expect(null.root.kind == .scalar)
        #expect(null.isNull(null.root))
    }
}
