/// A valid checklist: the typed value tree with the facts every later stage needs at hand.
public struct Checklist: Sendable {
    /// The file, as the user named it.
    public let file: String
    /// The whole document, typed and positioned.
    public let root: Value
    /// `unit.id`.
    public let unitID: String
    /// `unit.name`.
    public let name: String
    /// `unit.category`.
    public let category: String
    /// `unit.township`, when given.
    public let township: String?
    /// `unit.retirees.total`.
    public let retirees: Int
    /// `unit.party_branch` (false when absent).
    public let hasPartyBranch: Bool
    /// `inspection.date`.
    public let inspectionDate: CalendarDate
    /// `inspection.round`, when given.
    public let round: String?

    /// Builds the facts from a tree that passed validation; nil when a required fact is missing.
    public init?(file: String, root: Value) {
        guard let id = root.value(at: "unit.id")?.string, let name = root.value(at: "unit.name")?.string,
              let category = root.value(at: "unit.category")?.string,
              let retirees = root.value(at: "unit.retirees.total")?.integer,
              let date = root.value(at: "inspection.date")?.date else { return nil }
        self.file = file
        self.root = root
        self.unitID = id
        self.name = name
        self.category = category
        self.township = root.value(at: "unit.township")?.string
        self.retirees = retirees
        self.hasPartyBranch = root.value(at: "unit.party_branch")?.boolean ?? false
        self.inspectionDate = date
        self.round = root.value(at: "inspection.round")?.string
    }
}
