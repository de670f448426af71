/// The catalogues' labels by id, as `Catalogues.label(of:in:)` gives them. A reason names a dozen
/// catalogue entries or so, and a scorer looks each up in a table made once rather than searching
/// the catalogue every time.
struct CatalogueLabels: Sendable {
    private let catalogues: Catalogues
    private let equipment: [String: Localized]
    private let rules: [String: Localized]

    init(_ catalogues: Catalogues) {
        self.catalogues = catalogues
        equipment = Self.table(catalogues, .equipment)
        rules = Self.table(catalogues, .rules)
    }

    private static func table(_ catalogues: Catalogues, _ kind: CatalogueKind) -> [String: Localized] {
        Dictionary(catalogues.entries(kind).map { ($0.id, catalogues.label(of: $0.id, in: kind)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The label of `id` in catalogue `kind`, or what the catalogue says of an id it does not list.
    func label(of id: String, in kind: CatalogueKind) -> Localized {
        (kind == .equipment ? equipment : rules)[id] ?? catalogues.label(of: id, in: kind)
    }
}
