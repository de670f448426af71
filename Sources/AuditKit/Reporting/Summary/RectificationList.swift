/// The rectification rows of a summary in their order (by unit rank, then gain): either held as
/// rows, or, in `audit run`, spooled per unit by the parallel stage in a compact form and rendered
/// as the reports are written, so that a province's million actions never sit in memory at once.
struct RectificationList: Sendable {
    /// The outputs that list every rectification, each rendered the same way from a row whichever
    /// way the list is held.
    enum Format: Int, CaseIterable {
        case json, csv, markdown, html
    }

    private enum Storage: Sendable {
        case rows([SummaryDocument.ActionRow])
        case spooled(Spooled)
    }

    /// Actions spooled per unit (only units with actions, in rank order), rendered as they are
    /// written.
    private struct Spooled: Sendable {
        var spool: TextSpool
        var entries: [TextSpool.Entry]
        /// The document's ranked units (shared, not copied) and which of them `entries` are.
        var units: [SummaryDocument.UnitRow]
        var positions: [Int]
        var codec: SpooledActions
        var texts: ActionTexts
    }

    private let storage: Storage
    /// How many rows there are.
    let count: Int

    var isEmpty: Bool { count == 0 }

    /// The rows of a document.
    init(_ rows: [SummaryDocument.ActionRow]) {
        storage = .rows(rows)
        count = rows.count
    }

    /// Rows of actions spooled per unit: `entries[i]` holds the actions of `units[positions[i]]` as
    /// `codec` encodes them; only units with actions are listed, in rank order. `texts` renders them.
    init(spool: TextSpool, entries: [TextSpool.Entry], units: [SummaryDocument.UnitRow], positions: [Int],
         codec: SpooledActions, texts: ActionTexts, count: Int) {
        storage = .spooled(Spooled(spool: spool, entries: entries, units: units, positions: positions, codec: codec, texts: texts))
        self.count = count
    }

    /// How many rows `write` writes with `limit`.
    func shown(limit: Int?) -> Int {
        limit.map { max(0, min($0, count)) } ?? count
    }

    /// Writes the rows in `format`, the first `limit` of them when given, `separator` between two
    /// rows; `render` renders a held row. (A spool that cannot be read back says so through
    /// `TextSpool.readFailed`.)
    func write<Output: TextOutput>(_ format: Format, to out: inout Output, separator: String, limit: Int? = nil,
                                   render: (SummaryDocument.ActionRow) -> String) {
        let shown = shown(limit: limit)
        switch storage {
        case .rows(let rows):
            for (index, row) in rows.prefix(shown).enumerated() {
                if index > 0 { out.write(separator) }
                out.write(render(row))
            }
        case .spooled(let spooled):
            // Whole units while their rows fit; the last unit listed may be cut short.
            var units = 0
            var rows = 0
            while units < spooled.entries.count && rows < shown {
                rows += spooled.units[spooled.positions[units]].actions
                units += 1
            }
            let lastTake = units > 0 && rows > shown ? spooled.units[spooled.positions[units - 1]].actions - (rows - shown) : nil
            let last = units - 1
            // One unit's rows at a time, rendered on all cores, a batch of units at once.
            out.writeRows(count: units, separator: separator) { index, text in
                var actions = spooled.codec.decode(spooled.spool.read(spooled.entries[index], part: 0))
                if index == last, let lastTake { actions = Array(actions.prefix(lastTake)) }
                text.write(bytes: spooled.texts.render(actions, unit: spooled.units[spooled.positions[index]], format: format))
            }
        }
    }
}
