/// The checklist format `five-haves/1`: one description for the validator, the schema, the template
/// and the docs. The format may grow optional keys; it never accepts an unknown key.
public enum ChecklistFormat {
    /// The value of the top-level `format` key.
    public static let identifier = "five-haves/1"

    /// The categories of unit.
    public static let categories: [Choice] = [
        Choice("department", zh: "县直部门", en: "county department"),
        Choice("township", zh: "乡镇", en: "township"),
        Choice("institution", zh: "事业单位", en: "public institution"),
        Choice("enterprise", zh: "企业", en: "enterprise"),
        Choice("community", zh: "社区", en: "community"),
        Choice("other", zh: "其他", en: "other"),
    ]

    /// How the unit has its venue.
    public static let venueStatuses: [Choice] = [
        Choice("dedicated", zh: "专用场所", en: "dedicated venue"),
        Choice("shared", zh: "与其他单位共用", en: "shared with another unit"),
        Choice("none", zh: "没有场所", en: "no venue"),
    ]

    /// The kinds of room a venue may have.
    public static let rooms: [Choice] = [
        Choice("reading", zh: "阅览室", en: "reading room"),
        Choice("activity", zh: "活动室", en: "activity room"),
        Choice("fitness", zh: "健身室", en: "fitness room"),
        Choice("classroom", zh: "教室", en: "classroom"),
        Choice("meeting", zh: "会议室", en: "meeting room"),
        Choice("other", zh: "其他", en: "other"),
    ]

    /// The state of a piece of equipment.
    public static let conditions: [Choice] = [
        Choice("good", zh: "完好", en: "good"),
        Choice("worn", zh: "陈旧", en: "worn"),
        Choice("broken", zh: "损坏", en: "broken"),
    ]

    /// The kinds of activity.
    public static let activityKinds: [Choice] = [
        Choice("study", zh: "政治学习", en: "study"),
        Choice("party-life", zh: "组织生活", en: "party life"),
        Choice("culture", zh: "文化娱乐", en: "culture"),
        Choice("fitness", zh: "健身", en: "fitness"),
        Choice("briefing", zh: "情况通报", en: "briefing"),
        Choice("visit", zh: "参观考察", en: "visit"),
        Choice("service", zh: "志愿服务", en: "service"),
    ]

    /// Where the funds come from.
    public static let fundingSources: [Choice] = [
        Choice("fiscal", zh: "财政拨款", en: "fiscal allocation"),
        Choice("unit", zh: "单位自筹", en: "the unit's own funds"),
        Choice("donation", zh: "社会捐助", en: "donation"),
        Choice("other", zh: "其他", en: "other"),
    ]

    /// Which of the five haves a piece of evidence supports.
    public static let evidenceTopics: [Choice] = [
        Choice("venue", zh: "场所", en: "venue"),
        Choice("equipment", zh: "设施", en: "equipment"),
        Choice("rules", zh: "制度", en: "rules"),
        Choice("activities", zh: "活动", en: "activities"),
        Choice("funding", zh: "经费", en: "funding"),
    ]

    /// The whole document.
    public static let root: [Field] = [
        Field("format", .constant([identifier]),
              zh: "清单格式，固定为 five-haves/1", en: "the checklist format; always five-haves/1",
              example: identifier),
        Field("unit", .object(unit), zh: "被检查单位", en: "the unit inspected"),
        Field("inspection", .object(inspection), zh: "本次检查", en: "this inspection"),
        Field("venue", .object(venue), zh: "有一个学习活动场所", en: "a venue for study and activities"),
        Field("equipment", .list(.object(equipment)),
              zh: "有一些必备的学习活动设施；可为空列表", en: "the necessary equipment; may be an empty list"),
        Field("rules", .list(.object(rules)),
              zh: "有一套服务管理制度；可为空列表", en: "service-management rules; may be an empty list"),
        Field("activities", .list(.object(activity)),
              zh: "有一些学习娱乐健身等活动；可为空列表", en: "study, recreation and fitness activities; may be an empty list"),
        Field("funding", .object(funding), zh: "有一定经费保障", en: "guaranteed funding"),
        Field("evidence", .list(.object(evidence)), .optional,
              zh: "佐证材料（照片、文件），路径相对于本清单所在目录", en: "evidence files (photos, documents), relative to this checklist's folder"),
    ]

    /// The longest, in characters, a text the reports show may be (the unit's name, its township,
    /// the round): each is repeated in every row of the unit's, and a name of a megabyte (inside
    /// the file's limit) made a hundred megabytes of reports. Texts no report shows are bounded
    /// by the file's size alone.
    public static let shownText = StringPattern.length(200)

    static let unit: [Field] = [
        Field("id", .string(.identifier),
              zh: "单位编号：小写字母、数字和连字符，全县唯一，与文件名一致",
              en: "unit id: lower-case letters, digits and hyphens, unique in the county, equal to the file name",
              example: "county-education-bureau"),
        Field("name", .string(shownText), zh: "单位全称", en: "the unit's full name", example: "XX县教育局"),
        Field("category", .choice(categories), zh: "单位类别", en: "kind of unit", example: "department"),
        Field("township", .string(shownText), .optional,
              zh: "所在乡镇（用于分组汇总）", en: "township, for grouping in the summary", example: "城关镇"),
        Field("retirees", .object(retirees), zh: "离退休干部人数", en: "retired cadres"),
        Field("party_branch", .boolean, .optional,
              zh: "是否建立离退休干部党支部", en: "whether the retirees have a party branch",
              example: "true", default: "false"),
        Field("contact", .string(nil), .optional, zh: "联系人", en: "contact person", example: "王丽"),
    ]

    static let retirees: [Field] = [
        Field("total", .integer(min: 0, max: nil), zh: "离退休干部总数", en: "total retired cadres", example: "86"),
        Field("veterans", .integer(min: 0, max: nil), .optional,
              zh: "其中离休干部人数，不超过总数", en: "of whom veteran (离休) cadres; at most the total", example: "4"),
    ]

    static let inspection: [Field] = [
        Field("date", .date, zh: "检查日期，格式 YYYY-MM-DD", en: "inspection date, YYYY-MM-DD", example: "2022-06-15"),
        Field("inspector", .string(nil), zh: "检查人", en: "inspector", example: "李明"),
        Field("round", .string(shownText), .optional, zh: "检查轮次", en: "inspection round label", example: "2022-H1"),
        Field("notes", .string(nil), .optional, zh: "备注", en: "notes", example: "现场核实"),
    ]

    static let venue: [Field] = [
        Field("status", .choice(venueStatuses), zh: "场所情况", en: "venue status", example: "dedicated"),
        Field("shared_with", .string(nil), .requiredWhen(key: "status", values: ["shared"]),
              zh: "共用单位（场所共用时必填）", en: "who the venue is shared with (required when shared)",
              example: "城关镇老年活动中心"),
        Field("address", .string(nil), .optional, zh: "地址", en: "address", example: "教育局办公楼一层"),
        Field("area_m2", .number(min: 0, exclusiveMinimum: true, max: nil),
              .requiredUnless(key: "status", values: ["none"]),
              zh: "面积（平方米），没有场所时不填", en: "floor area in m²; omit when there is no venue", example: "85"),
        Field("rooms", .list(.choice(rooms)), .optional, zh: "功能室", en: "rooms", example: "[reading, activity]"),
        Field("signage", .boolean, .optional, zh: "是否挂牌", en: "whether the venue has a sign", example: "true"),
        Field("open_days_per_week", .integer(min: 0, max: 7), .optional,
              zh: "每周开放天数", en: "days open per week", example: "5"),
        Field("open_hours_per_week", .number(min: 0, exclusiveMinimum: false, max: 168), .optional,
              zh: "每周开放小时数", en: "hours open per week", example: "25"),
        Field("accessible", .boolean, .optional, zh: "是否有无障碍设施", en: "whether it is step-free", example: "true"),
        Field("fire_safety", .boolean, .optional, zh: "消防设施是否合格", en: "whether fire safety is in order", example: "true"),
    ]

    static let equipment: [Field] = [
        Field("item", .catalogue(.equipment), zh: "设施（设施目录中的编号）", en: "item id from the equipment catalogue",
              example: "newspapers"),
        Field("quantity", .integer(min: 0, max: nil), .optional, zh: "数量", en: "quantity", example: "8", default: "1"),
        Field("condition", .choice(conditions), .optional, zh: "状况", en: "condition", example: "good", default: "good"),
    ]

    static let rules: [Field] = [
        Field("kind", .catalogue(.rules), zh: "制度类别（制度目录中的编号）", en: "rule kind id from the rules catalogue",
              example: "venue-management"),
        Field("title", .string(nil), zh: "制度名称", en: "title of the rule", example: "老干部活动室管理制度"),
        Field("adopted", .date, .optional, zh: "制定日期", en: "date adopted", example: "2019-03-01"),
        Field("reviewed", .date, .optional, zh: "最近修订日期，不早于制定日期", en: "date last reviewed; not before adopted",
              example: "2022-01-10"),
        Field("posted", .boolean, .optional, zh: "是否上墙公示", en: "whether it is posted on the wall", example: "true"),
    ]

    static let activity: [Field] = [
        Field("date", .date, zh: "活动日期，不晚于检查日期", en: "date held; not after the inspection", example: "2022-01-20"),
        Field("kind", .choice(activityKinds), zh: "活动类别", en: "kind of activity", example: "study"),
        Field("title", .string(nil), .optional, zh: "活动名称", en: "title", example: "学习党的十九届六中全会精神"),
        Field("participants", .integer(min: 0, max: nil), .optional,
              zh: "参加人数", en: "number of participants", example: "35"),
    ]

    static let funding: [Field] = [
        Field("year", .integer(min: 1949, max: 2100), zh: "经费年度", en: "budget year", example: "2022"),
        Field("budgeted", .boolean, .optional, zh: "是否列入年度预算", en: "whether it is in the annual budget", example: "true"),
        Field("amount_yuan", .number(min: 0, exclusiveMinimum: false, max: nil),
              zh: "年度经费（元）", en: "annual amount in yuan", example: "30000"),
        Field("spent_yuan", .number(min: 0, exclusiveMinimum: false, max: nil), .optional,
              zh: "已支出（元）", en: "spent so far in yuan", example: "12000"),
        Field("sources", .list(.choice(fundingSources)), .optional, zh: "经费来源", en: "sources of funds", example: "[fiscal]"),
        Field("earmarked", .boolean, .optional, zh: "是否专款专用", en: "whether the funds are earmarked", example: "true"),
        Field("accounts_disclosed", .boolean, .optional, zh: "账目是否公开", en: "whether the accounts are disclosed", example: "true"),
    ]

    static let evidence: [Field] = [
        Field("file", .string(nil), zh: "文件路径，相对于本清单所在目录，不得超出清单目录",
              en: "file path relative to this checklist's folder; must stay inside the checklists tree",
              example: "photos/venue.jpg"),
        Field("about", .choice(evidenceTopics), zh: "佐证哪一项", en: "which have it supports", example: "venue"),
    ]
}
