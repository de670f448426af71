/// The catalogues' labels by id. A reason names a dozen catalogue entries or so, and a scorer
/// looks each up in a table made once rather than searching the catalogue every time.
struct CatalogueLabels: Sendable {
    private let equipment: [String: Localized]
    private let rules: [String: Localized]

    init(_ catalogues: Catalogues) {
        // The first entry of an id wins, as `Catalogues.label(of:in:)` finds it.
        equipment = Dictionary(catalogues.equipment.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        rules = Dictionary(catalogues.rules.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// The label of `id` in catalogue `kind`, or the id itself when it is not listed.
    func label(of id: String, in kind: CatalogueKind) -> Localized {
        let table = kind == .equipment ? equipment : rules
        return table[id] ?? Localized(zh: id, en: id)
    }
}
