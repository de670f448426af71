/// The equipment and rules catalogues: the ids a checklist may use under `equipment[].item` and
/// `rules[].kind`. They belong to the standard, which may tailor them.
public struct Catalogues: Sendable {
    /// Equipment ids with their labels, in catalogue order.
    public var equipment: [Choice]
    /// Rule kinds with their labels, in catalogue order.
    public var rules: [Choice]

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
    /// The catalogues of the default standard.
    public static let builtIn = Catalogues(
        equipment: [
            Choice("newspapers", zh: "报纸", en: "newspapers"),
            Choice("magazines", zh: "杂志", en: "magazines"),
            Choice("books", zh: "图书", en: "books"),
            Choice("tv", zh: "电视机", en: "television"),
            Choice("projector", zh: "投影仪", en: "projector"),
            Choice("computer", zh: "电脑", en: "computer"),
            Choice("internet", zh: "互联网接入", en: "internet access"),
            Choice("chess", zh: "棋类", en: "chess and board games"),
            Choice("cards", zh: "牌类", en: "cards"),
            Choice("table-tennis", zh: "乒乓球台", en: "table tennis"),
            Choice("calligraphy", zh: "书画用品", en: "calligraphy and painting"),
            Choice("musical-instruments", zh: "乐器", en: "musical instruments"),
            Choice("fitness-equipment", zh: "健身器材", en: "fitness equipment"),
            Choice("air-conditioning", zh: "空调", en: "air conditioning"),
            Choice("heating", zh: "取暖设施", en: "heating"),
            Choice("water-dispenser", zh: "饮水机", en: "water dispenser"),
            Choice("first-aid-kit", zh: "急救箱", en: "first-aid kit"),
            Choice("blood-pressure-monitor", zh: "血压计", en: "blood-pressure monitor"),
            Choice("tables-chairs", zh: "桌椅", en: "tables and chairs"),
        ],
        rules: [
            Choice("service-management", zh: "服务管理制度", en: "service management"),
            Choice("venue-management", zh: "活动场所管理制度", en: "venue management"),
            Choice("study", zh: "学习制度", en: "study"),
            Choice("safety", zh: "安全管理制度", en: "safety"),
            Choice("emergency-plan", zh: "应急预案", en: "emergency plan"),
            Choice("cleaning", zh: "卫生保洁制度", en: "cleaning"),
            Choice("duty", zh: "值班制度", en: "duty roster"),
            Choice("funding-management", zh: "经费管理制度", en: "funding management"),
            Choice("inventory", zh: "物品登记管理制度", en: "inventory"),
        ])
}
