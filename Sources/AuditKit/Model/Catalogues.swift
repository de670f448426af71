/// The equipment and rules catalogues: the ids a checklist may use under `equipment[].item` and
/// `rules[].kind`. They belong to the standard, which may tailor them.
public struct Catalogues: Sendable {
    /// Equipment ids with their labels, in catalogue order.
    public var equipment: [Choice]
    /// Rule kinds with their labels, in catalogue order.
    public var rules: [Choice]
    /// Whether these are a tailored standard's, read from a file, rather than the built-in ones.
    public var tailored = false

    /// Creates catalogues.
    public init(equipment: [Choice], rules: [Choice]) {
        self.equipment = equipment
        self.rules = rules
    }

    /// The entries of one catalogue.
    public func entries(_ kind: CatalogueKind) -> [Choice] {
        switch kind {
        case .equipment: return equipment
        case .rules: return rules
        }
    }

    /// The label of `id` in catalogue `kind`, or the id itself when it is not listed.
    public func label(of id: String, in kind: CatalogueKind) -> Localized {
        entries(kind).first { $0.id == id }?.label ?? Localized(zh: id, en: id)
    }
}

extension Catalogues {
    /// The catalogues of the built-in default standard.
    public static var builtIn: Catalogues { Standard.builtIn.catalogues }
}
