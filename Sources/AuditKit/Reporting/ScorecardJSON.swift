/// The JSON form of scorecards (documented in `docs/rules.md`), versioned like every JSON output.
enum ScorecardJSON {
    /// The layout version.
    static let version = 1

    struct Document: Encodable {
        let version = ScorecardJSON.version
        let tool = ToolJSON()
        let standard: StandardRef
        let scorecards: [Card]

        init(cards: [Scorecard], standard: Standard) {
            self.standard = StandardRef(id: standard.id, version: standard.version)
            self.scorecards = cards.map(Card.init)
        }
    }

    struct ToolJSON: Encodable {
        let name = ToolInfo.name
        let version = ToolInfo.version
    }

    struct StandardRef: Encodable, Decodable, Equatable {
        let id: String
        let version: String
    }

    struct Card: Encodable {
        let unitID: String
        let name: String
        let category: String
        let township: String?
        let retirees: Int
        let required: Bool
        let file: String
        let inspectionDate: String
        let round: String?
        let standard: StandardRef
        let score: Double
        let grade: String
        let haves: [HaveJSON]
        let actions: [ActionJSON]
        let planDue: String?
        let nextGrade: String?
        let liftCriteria: [String]

        enum CodingKeys: String, CodingKey {
            case name, category, township, retirees, required, file, round, standard, score, grade, haves, actions
            case unitID = "unit_id", inspectionDate = "inspection_date", planDue = "plan_due"
            case nextGrade = "next_grade", liftCriteria = "lift_criteria"
        }

        init(_ card: Scorecard) {
            unitID = card.unitID
            name = card.name
            category = card.category
            township = card.township
            retirees = card.retirees
            required = card.required
            file = card.file
            inspectionDate = card.inspectionDate.description
            round = card.round
            standard = StandardRef(id: card.standardID, version: card.standardVersion)
            score = Double(card.scoreTenths) / 10
            grade = card.grade.rawValue
            haves = card.haves.map(HaveJSON.init)
            actions = card.actions.map(ActionJSON.init)
            planDue = card.planDue?.description
            nextGrade = card.nextGrade?.rawValue
            liftCriteria = card.liftCriteria
        }
    }

    struct HaveJSON: Encodable {
        let id: String
        let label: Localized
        let weight: Double
        let points: Double
        let status: String
        let criteria: [CriterionJSON]

        init(_ have: HaveResult) {
            id = have.id
            label = have.label
            weight = Double(have.weightTenths) / 10
            points = Double(have.pointsTenths) / 10
            status = have.status.rawValue
            criteria = have.criteria.map(CriterionJSON.init)
        }
    }

    struct CriterionJSON: Encodable {
        let id: String
        let label: Localized
        let max: Double
        let earned: Double
        let attainment: String
        let essential: Bool
        let essentialPassed: Bool
        let reason: Localized
        let keyPath: String?
        let value: String?
        let line: Int?
        let column: Int?

        enum CodingKeys: String, CodingKey {
            case id, label, max, earned, attainment, essential, reason, value, line, column
            case essentialPassed = "essential_passed", keyPath = "key_path"
        }

        init(_ criterion: CriterionResult) {
            id = criterion.id
            label = criterion.label
            max = Double(criterion.maxTenths) / 10
            earned = Double(criterion.earnedTenths) / 10
            attainment = criterion.attainment.rawValue
            essential = criterion.essential
            essentialPassed = criterion.essentialPassed
            reason = criterion.reason
            keyPath = criterion.keyPath
            value = criterion.value
            line = criterion.mark?.line
            column = criterion.mark?.column
        }
    }

    struct ActionJSON: Encodable {
        let have: String
        let criterion: String
        let label: Localized
        let current: Localized
        let action: Localized
        let gain: Double
        let due: String?

        init(_ action: RectificationAction) {
            have = action.haveID
            criterion = action.criterionID
            label = action.label
            current = action.current
            self.action = action.action
            gain = Double(action.gainTenths) / 10
            due = action.due?.description
        }
    }
}
