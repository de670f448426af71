/// The rectification rows of a summary in their order (by unit rank, then gain): either held as
/// rows, or, in `audit run`, rendered per unit in the parallel stage and spooled, so that the
/// reports copy them through and a province's million actions never sit in memory at once.
struct RectificationList: Sendable {
    /// The outputs that list every rectification, each rendered the same way from a row whichever
    /// way the list is held. The raw values are the parts of a unit's spool entry.
    enum Format: Int, CaseIterable {
        case json, csv, markdown, html
    }

    private enum Storage: Sendable {
        case rows([SummaryDocument.ActionRow])
        /// Per unit, in rank order, its spooled texts; only units with actions are listed.
        case spooled(TextSpool, [TextSpool.Entry])
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

    /// Rows spooled per unit: `entries` in rank order, part `Format.rawValue` of each holding that
    /// unit's rows rendered and joined as `write` joins them.
    init(spool: TextSpool, entries: [TextSpool.Entry], count: Int) {
        storage = .spooled(spool, entries)
        self.count = count
    }

    /// Writes every row in `format`, `separator` between two rows; `render` renders a held row.
    /// (A spool that cannot be read back says so through `TextSpool.readFailed`.)
    func write<Output: TextOutput>(_ format: Format, to out: inout Output, separator: String,
                                   render: (SummaryDocument.ActionRow) -> String) {
        switch storage {
        case .rows(let rows):
            for (index, row) in rows.enumerated() {
                if index > 0 { out.write(separator) }
                out.write(render(row))
            }
        case .spooled(let spool, let entries):
            var first = true
            for entry in entries where entry.length(of: format.rawValue) > 0 {
                let bytes = spool.read(entry, part: format.rawValue)
                if !first { out.write(separator) }
                first = false
                out.write(bytes: bytes)
            }
        }
    }
}
