/// Every diagnostic the toolkit can emit. Codes are stable: a code is never reused for another
/// meaning, and a retired code stays reserved. `docs/diagnostics.md` is generated from this list.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable, Comparable {
    // MARK: - Files and YAML (1xx)
    case unreadable = "FH100"
    case notUTF8 = "FH101"
    case tooLarge = "FH102"
    case empty = "FH103"
    case syntax = "FH104"
    case multipleDocuments = "FH105"
    case notMapping = "FH106"
    case tooDeep = "FH107"
    case aliasBudget = "FH108"
    case customTag = "FH109"
    case duplicateKey = "FH110"
    case tooManyProblems = "FH111"
    // MARK: - Structure and values (2xx)
    case unknownKey = "FH201"
    case missingKey = "FH202"
    case notFilled = "FH203"
    case wrongShape = "FH204"
    case notInteger = "FH205"
    case notNumber = "FH206"
    case notBoolean = "FH207"
    case badDate = "FH208"
    case notInChoices = "FH209"
    case outOfRange = "FH210"
    case badPattern = "FH211"
    case unknownFormat = "FH212"
    // MARK: - Consistency within a checklist (3xx)
    case veteransExceedTotal = "FH301"
    case sharedWithoutPartner = "FH302"
    case reviewedBeforeAdopted = "FH303"
    case activityAfterInspection = "FH304"
    case duplicateUnitID = "FH305"
    case venueDetailsWithoutVenue = "FH306"
    // MARK: - Warnings (4xx)
    case staleActivity = "FH401"
    case fundingYear = "FH402"
    case overspent = "FH403"
    case participantsExceedRetirees = "FH404"
    case fileNameMismatch = "FH405"
    case evidenceMissing = "FH406"
    case evidenceOutsideTree = "FH407"
    case tooManyWarnings = "FH408"
    // MARK: - Standard files (5xx)
    case weightsNotHundred = "FH501"
    case measureParameter = "FH502"
    case markOrder = "FH503"
    case unknownField = "FH504"
    case unknownID = "FH505"
    case haveSet = "FH506"
    case gradeOrder = "FH507"
    case reusedVersion = "FH508"

    /// Whether the code makes a checklist invalid.
    public var severity: Severity {
        rawValue.hasPrefix("FH4") ? .warning : .error
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// A one-line title, for rule lists (SARIF, docs).
    public var title: Localized {
        switch self {
        case .unreadable: return .init(zh: "文件无法读取", en: "File cannot be read")
        case .notUTF8: return .init(zh: "文件不是 UTF-8 编码", en: "File is not UTF-8")
        case .tooLarge: return .init(zh: "文件过大", en: "File too large")
        case .empty: return .init(zh: "文件为空", en: "Empty file")
        case .syntax: return .init(zh: "YAML 语法错误", en: "YAML syntax error")
        case .multipleDocuments: return .init(zh: "文件含多个文档", en: "More than one document")
        case .notMapping: return .init(zh: "顶层不是键值映射", en: "Top level is not a mapping")
        case .tooDeep: return .init(zh: "嵌套过深", en: "Nesting too deep")
        case .aliasBudget: return .init(zh: "别名展开过多", en: "Alias expansion over budget")
        case .customTag: return .init(zh: "不支持标签", en: "Tag not supported")
        case .duplicateKey: return .init(zh: "键重复", en: "Duplicate key")
        case .tooManyProblems: return .init(zh: "问题过多，未全部列出", en: "Too many problems to list")
        case .unknownKey: return .init(zh: "未知的键", en: "Unknown key")
        case .missingKey: return .init(zh: "缺少必填项", en: "Missing required key")
        case .notFilled: return .init(zh: "未填写", en: "Not filled in")
        case .wrongShape: return .init(zh: "结构不对", en: "Wrong kind of value")
        case .notInteger: return .init(zh: "应为整数", en: "Not an integer")
        case .notNumber: return .init(zh: "应为数字", en: "Not a number")
        case .notBoolean: return .init(zh: "应为 true 或 false", en: "Not true or false")
        case .badDate: return .init(zh: "日期无效", en: "Invalid date")
        case .notInChoices: return .init(zh: "取值不在允许范围内", en: "Value not allowed")
        case .outOfRange: return .init(zh: "数值超出范围", en: "Number out of range")
        case .badPattern: return .init(zh: "格式不符", en: "Value does not match the required pattern")
        case .unknownFormat: return .init(zh: "未知的清单格式", en: "Unknown checklist format")
        case .veteransExceedTotal: return .init(zh: "离休干部数超过离退休干部总数", en: "Veterans exceed the total")
        case .sharedWithoutPartner: return .init(zh: "共用场所未写明共用单位", en: "Shared venue without shared_with")
        case .reviewedBeforeAdopted: return .init(zh: "修订日期早于制定日期", en: "Reviewed before adopted")
        case .activityAfterInspection: return .init(zh: "活动日期晚于检查日期", en: "Activity after the inspection")
        case .duplicateUnitID: return .init(zh: "单位编号重复", en: "Duplicate unit id")
        case .venueDetailsWithoutVenue: return .init(zh: "没有场所却填写了场所细项", en: "Venue details for no venue")
        case .staleActivity: return .init(zh: "活动早于检查前 12 个月", en: "Activity older than 12 months")
        case .fundingYear: return .init(zh: "经费年度与检查年度不符", en: "Funding year far from the inspection")
        case .overspent: return .init(zh: "支出超过经费", en: "Spent more than the amount")
        case .participantsExceedRetirees: return .init(zh: "参加人数超过离退休干部总数", en: "More participants than retirees")
        case .fileNameMismatch: return .init(zh: "文件名与单位编号不符", en: "File name does not match unit.id")
        case .evidenceMissing: return .init(zh: "佐证文件不存在", en: "Evidence file missing")
        case .evidenceOutsideTree: return .init(zh: "佐证路径超出清单目录", en: "Evidence path leaves the checklists tree")
        case .tooManyWarnings: return .init(zh: "问题过多，其余为警告", en: "Too many problems to list; the rest are warnings")
        case .weightsNotHundred: return .init(zh: "五项权重之和不是 100", en: "Have weights do not add up to 100")
        case .measureParameter: return .init(zh: "计分方法参数不对", en: "Measure parameter missing or unused")
        case .markOrder: return .init(zh: "分数线顺序不对或无法达到", en: "Marks out of order or out of reach")
        case .unknownField: return .init(zh: "清单中没有该字段", en: "No such checklist field")
        case .unknownID: return .init(zh: "编号不在目录中", en: "Id not in its catalogue")
        case .haveSet: return .init(zh: "五有或细则编号不完整或重复", en: "Haves or criterion ids incomplete or repeated")
        case .gradeOrder: return .init(zh: "等级门槛顺序不对", en: "Grade bars out of order")
        case .reusedVersion: return .init(zh: "改过的标准沿用内置标准的编号和版本", en: "Tailored standard keeps the built-in id and version")
        }
    }
}
