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
        /// Rows, and the units they belong to when known (for their ranks, looked up only when an
        /// excerpt needs them).
        case rows([SummaryDocument.ActionRow], units: [SummaryDocument.UnitRow]?)
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
        var texts: ActionTexts
    }

    private let storage: Storage
    /// How many rows there are.
    let count: Int

    var isEmpty: Bool { count == 0 }

    /// Rows, and the units they belong to when known, whose ranks keep ties together in an excerpt.
    init(_ rows: [SummaryDocument.ActionRow], units: [SummaryDocument.UnitRow]? = nil) {
        storage = .rows(rows, units: units)
        count = rows.count
    }

    /// The rows of a document, with its units.
    init(_ document: SummaryDocument) {
        self.init(document.rectifications, units: document.units)
    }

    private static func key(_ unitID: String, _ region: String?) -> String {
        (region ?? "") + "\u{0}" + unitID
    }

    /// Rows of actions spooled per unit: `entries[i]` holds the actions of `units[positions[i]]` as
    /// `texts.codec` encodes them; only units with actions are listed, in rank order. `texts` renders them.
    init(spool: TextSpool, entries: [TextSpool.Entry], units: [SummaryDocument.UnitRow], positions: [Int],
         texts: ActionTexts, count: Int) {
        storage = .spooled(Spooled(spool: spool, entries: entries, units: units, positions: positions, texts: texts))
        self.count = count
    }

    /// What a page lists of a list longer than its limit: all the actions of the lowest-ranked
    /// units, as many whole units as fit, and at least the lowest. Where ranks are known, units
    /// tied at one rank are kept together: the excerpt stops below a tie it cannot hold whole
    /// (unless the tie is all it holds).
    struct Excerpt: Equatable {
        /// How many units, counted from the last in rank.
        var units: Int
        /// How many rows they have.
        var rows: Int
    }

    /// The excerpt a page with room for `limit` rows lists, or nil when the whole list fits.
    func excerpt(limit: Int?) -> Excerpt? {
        guard let limit, count > limit else { return nil }
        let units = unitSizes()
        var excerpt = Excerpt(units: 0, rows: 0)
        for unit in units.reversed() {
            guard excerpt.units == 0 || excerpt.rows + unit.size <= limit else { break }
            excerpt.units += 1
            excerpt.rows += unit.size
        }
        // When the unit just above the excerpt shares the rank of its first, that rank is left out.
        let top = units.count - excerpt.units
        guard top > 0, let rank = units[top].rank, units[top - 1].rank == rank else { return excerpt }
        var kept = excerpt
        while kept.units > 0, units[units.count - kept.units].rank == rank {
            kept.rows -= units[units.count - kept.units].size
            kept.units -= 1
        }
        return kept.units > 0 ? kept : excerpt
    }

    /// How many rows each unit has, and its rank when known, in the list's order.
    private func unitSizes() -> [(size: Int, rank: Int?)] {
        switch storage {
        case .rows(let rows, let units):
            let ranges = Self.unitRanges(rows)
            var lookup: [String: Int] = [:]
            for unit in units ?? [] { lookup[Self.key(unit.unitID, unit.region)] = unit.rank }
            let found = ranges.map { lookup[Self.key(rows[$0.lowerBound].unitID, rows[$0.lowerBound].region)] }
            // A row whose unit is not among those given: no ranks at all, rather than some.
            let complete = !found.contains(nil)
            return zip(ranges, found).map { ($0.count, complete ? $1 : nil) }
        case .spooled(let spooled): return spooled.positions.map { (spooled.units[$0].actions, spooled.units[$0].rank) }
        }
    }

    /// The runs of consecutive rows of one unit.
    private static func unitRanges(_ rows: [SummaryDocument.ActionRow]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in rows.indices.dropFirst()
        where rows[index].unitID != rows[index - 1].unitID || rows[index].region != rows[index - 1].region {
            ranges.append(start..<index)
            start = index
        }
        if !rows.isEmpty { ranges.append(start..<rows.count) }
        return ranges
    }

    /// Writes the rows in `format`, `separator` between two rows; `render` renders a held row.
    /// Given an `excerpt` (of `excerpt(limit:)`), only its rows are written: those of the last
    /// units in rank, in the list's own order, so that a page reads the same way either side of
    /// the limit. (A spool that cannot be read back says so through `TextSpool.readFailed`.)
    func write<Output: TextOutput>(_ format: Format, to out: inout Output, separator: String, excerpt: Excerpt? = nil,
                                   render: (SummaryDocument.ActionRow) -> String) {
        switch storage {
        case .rows(let rows, _):
            var indices = Array(rows.indices)
            if let excerpt { indices = Self.unitRanges(rows).suffix(excerpt.units).flatMap { $0 } }
            for (index, row) in indices.enumerated() {
                if index > 0 { out.write(separator) }
                out.write(render(rows[row]))
            }
        case .spooled(let spooled):
            // One unit's rows at a time, rendered on all cores, a batch of units at once.
            let first = spooled.entries.count - (excerpt?.units ?? spooled.entries.count)
            out.writeRows(count: spooled.entries.count - first, separator: separator) { index, text in
                let entry = first + index
                spooled.texts.write(spooled: spooled.spool.read(spooled.entries[entry], part: 0),
                                    units: spooled.units, at: spooled.positions[entry], format: format, to: &text)
            }
        }
    }
}
