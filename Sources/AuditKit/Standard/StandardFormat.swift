/// The layout of a standard file, in the same vocabulary as the checklist format, so a tailored
/// standard is checked by the same validator with the same diagnostics.
public enum StandardFormat {
    /// The ids of the five haves, in order.
    public static let haveIDs: [Choice] = [
        Choice("venue", zh: "有一个学习活动场所", en: "a venue"),
        Choice("equipment", zh: "有一些必备的学习活动设施", en: "the necessary equipment"),
        Choice("rules", zh: "有一套服务管理制度", en: "service-management rules"),
        Choice("activities", zh: "有一些学习娱乐健身等活动", en: "activities"),
        Choice("funding", zh: "有一定经费保障", en: "guaranteed funding"),
    ]

    /// The measure kinds.
    public static let measureKinds: [Choice] = [
        Choice("flag", zh: "是否", en: "a boolean or enum value"),
        Choice("threshold", zh: "数值门槛", en: "a number against marks"),
        Choice("equipment", zh: "设施配备", en: "equipment slots filled"),
        Choice("rules", zh: "制度", en: "rule kinds present"),
        Choice("activities", zh: "活动次数", en: "activities counted"),
        Choice("attendance", zh: "参与率", en: "mean attendance over retirees"),
        Choice("per_capita", zh: "人均", en: "a number per retiree"),
    ]

    static func localized(_ zh: String, _ en: String, _ presence: Presence = .required) -> [Field] {
        [Field("zh", .string(nil), presence, zh: "中文：\(zh)", en: "Chinese: \(en)"),
         Field("en", .string(nil), presence, zh: "英文：\(zh)", en: "English: \(en)")]
    }

    static let gradeRule: [Field] = [
        Field("min_score", .number(min: 0, exclusiveMinimum: false, max: 100), zh: "最低总分", en: "least total score"),
        Field("max_partial", .integer(min: 0, max: 5), zh: "最多“不足”项数", en: "most partial haves"),
        Field("max_missing", .integer(min: 0, max: 5), zh: "最多“无”项数", en: "most missing haves"),
    ]

    static let entry: [Field] = [
        Field("id", .string(.identifier), zh: "编号", en: "id"),
    ] + localized("名称", "label")

    static let measure: [Field] = [
        Field("kind", .choice(measureKinds), zh: "计分方法", en: "measure kind"),
        Field("field", .string(nil), .optional, zh: "清单字段路径，如 venue.area_m2", en: "checklist key path, e.g. venue.area_m2"),
        Field("values", .list(.string(nil)), .optional, zh: "flag：视为通过的取值", en: "flag: the values that pass"),
        Field("full", .number(min: 0, exclusiveMinimum: false, max: nil), .optional, zh: "满分线", en: "mark for full points"),
        Field("half", .number(min: 0, exclusiveMinimum: false, max: nil), .optional, zh: "半分线", en: "mark for half points"),
        Field("slots", .list(.list(.string(nil))), .optional, zh: "设施位，每位列出可互相替代的设施", en: "equipment slots, each listing alternatives"),
        Field("kinds", .list(.string(nil)), .optional, zh: "制度或活动类别", en: "rule or activity kinds"),
        Field("months", .integer(min: 1, max: 120), .optional, zh: "统计检查前几个月", en: "months before the inspection counted"),
        Field("posted_for_full", .boolean, .optional, zh: "满分须上墙", en: "full points need the rules posted"),
        Field("within_years", .integer(min: 1, max: 50), .optional, zh: "须在几年内制定或修订", en: "adopted or reviewed within this many years"),
    ]

    static let criterion: [Field] = [
        Field("id", .string(nil), zh: "编号，如 V3", en: "id, e.g. V3"),
    ] + localized("名称", "label") + [
        Field("points", .number(min: 0, exclusiveMinimum: true, max: 100), zh: "该细则的分值，如 4（一项的得分按其权重折算）",
              en: "the criterion's points, e.g. 4 (a have's points are scaled to its weight)"),
        Field("essential", .boolean, .optional, zh: "必备项：不通过则该项为“无”", en: "essential: the have is missing when it fails"),
        Field("essential_above", .number(min: nil, exclusiveMinimum: false, max: nil), .optional,
              zh: "必备项数值须大于此值", en: "an essential value must be above this"),
        Field("applies_when", .object([
            Field("field", .string(nil), zh: "清单字段路径", en: "checklist key path"),
            Field("equals", .string(nil), zh: "取值", en: "value"),
        ]), .optional, zh: "仅在条件成立时适用", en: "applies only when this holds"),
        Field("measure", .object(measure), zh: "计分方法", en: "how it is measured"),
        Field("source", .object(localized("依据", "source")), zh: "依据", en: "what it rests on"),
        Field("action", .object(localized("整改措施", "rectification action")), zh: "整改措施", en: "rectification action"),
    ]

    static let have: [Field] = [
        Field("id", .choice(haveIDs), zh: "编号", en: "id"),
    ] + localized("名称", "label") + [
        Field("weight", .number(min: 0, exclusiveMinimum: true, max: 100), zh: "权重（分），五项之和为 100", en: "weight in points; the five add up to 100"),
        Field("criteria", .list(.object(criterion)), zh: "评分细则", en: "criteria"),
    ]

    /// The whole standard file.
    public static let root: [Field] = [
        Field("standard", .string(.identifier), zh: "标准编号，如 five-haves", en: "standard id, e.g. five-haves"),
        Field("version", .string(nil), zh: "版本；改过的标准用自己的版本，如 \"2022.1-本县\"",
              en: "version; a tailored standard has its own, e.g. \"2022.1-county\""),
        Field("title", .object(localized("标题", "title")), zh: "标题", en: "title"),
        Field("source", .object(localized("依据", "source")), .optional, zh: "依据", en: "source"),
        Field("applicability", .object([
            Field("min_retirees", .integer(min: 0, max: nil), zh: "要求达标的最少离退休干部数", en: "least retirees for a unit to be required"),
        ]), zh: "适用范围：min_retirees，要求达标的最少离退休干部数", en: "applicability: min_retirees, the least retirees for a unit to be required"),
        Field("have_status", .object([
            Field("met_percent", .integer(min: 1, max: 100), zh: "“有”的得分率（%）", en: "percent of a have's weight for met"),
        ]), zh: "各项判定：met_percent，“有”的得分率（%）", en: "have status: met_percent, the percent of a have's weight for met"),
        Field("grades", .object([
            Field("compliant", .object(gradeRule), zh: "达标", en: "compliant"),
            Field("largely_compliant", .object(gradeRule), zh: "基本达标", en: "largely compliant"),
        ]), zh: "等级", en: "grades"),
        Field("rectification", .object([
            Field("largely_compliant_fix_days", .integer(min: 1, max: 3650), zh: "基本达标单位整改期限（天）", en: "days a largely compliant unit has to fix"),
            Field("non_compliant_plan_days", .integer(min: 1, max: 3650), zh: "不达标单位报送整改方案期限（天）", en: "days a non-compliant unit has to plan"),
            Field("non_compliant_fix_days", .integer(min: 1, max: 3650), zh: "不达标单位整改期限（天）", en: "days a non-compliant unit has to fix"),
        ]), zh: "整改期限", en: "rectification deadlines"),
        Field("catalogues", .object([
            Field("equipment", .list(.object(entry)), zh: "设施目录", en: "equipment catalogue"),
            Field("rules", .list(.object(entry)), zh: "制度目录", en: "rules catalogue"),
        ]), zh: "目录", en: "catalogues"),
        Field("haves", .list(.object(have)), zh: "五有", en: "the five haves"),
    ]
}
