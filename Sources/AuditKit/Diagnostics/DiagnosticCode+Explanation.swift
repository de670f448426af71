extension DiagnosticCode {
    /// What the code means and what to do about it, for the docs and SARIF rule help.
    public var explanation: Localized {
        switch self {
        case .unreadable:
            return .init(zh: "文件无法打开或读取：不存在、无权限、不是普通文件（目录、设备、循环链接），或在运行中被删除。此时退出码为 2。",
                         en: "The file could not be opened or read: it is missing, unreadable, not a regular file (a folder, a device, a link loop) or vanished during the run. The exit code is then 2.")
        case .notUTF8:
            return .init(zh: "清单必须是 UTF-8 编码。UTF-16 文件或 GBK/GB18030 文件请在编辑器中另存为 UTF-8。",
                         en: "Checklists must be UTF-8. Re-save UTF-16 or GBK/GB18030 files as UTF-8.")
        case .tooLarge:
            return .init(zh: "超过 1 MiB 的文件不予读取；一个单位的清单远小于此。", en: "Files over 1 MiB are not read; one unit's checklist is far smaller.")
        case .empty:
            return .init(zh: "文件没有任何内容（或只有注释）。", en: "The file has no content (or only comments).")
        case .syntax:
            return .init(zh: "YAML 语法错误，位置为解析器发现问题之处；通常是缩进、冒号后缺空格或引号不成对。",
                         en: "A YAML syntax error, at the place the parser found it; usually indentation, a missing space after a colon, or unpaired quotes.")
        case .multipleDocuments:
            return .init(zh: "一个文件只能描述一个单位，不能用 `---` 分隔多个文档。", en: "A file describes one unit; it must not hold several `---` documents.")
        case .notMapping:
            return .init(zh: "清单的顶层必须是 `键: 值` 映射。", en: "The top level of a checklist must be a mapping of keys.")
        case .tooDeep:
            return .init(zh: "嵌套超过 64 层时停止读取，以防恶意输入。", en: "Reading stops at nesting deeper than 64 levels, as a guard against hostile input.")
        case .aliasBudget:
            return .init(zh: "别名（*name）展开的节点总数（10,000）和重复的文字总量（1 MiB）都有上限，“十亿笑声”类文件、把一段长文字引用上千次的文件都会很快报错，而不会耗尽时间或内存。",
                         en: "Aliases (*name) may add only 10,000 nodes and repeat only 1 MiB of text in all, so a \"billion laughs\" file, or one naming a long text a thousand times, ends quickly with this error instead of exhausting time or memory.")
        case .customTag:
            return .init(zh: "不支持 `!标签`，包括 YAML 自带的 `!!str`、`!!int` 等：audit 按键的类型读值、不理会标签，而编辑器和模式检查工具会按标签理解，同一个值就有了两种含义。删除标签，直接写值。", en: "`!tags` are not supported, YAML's own `!!str`, `!!int` and the like included: audit reads each value by its key's type and ignores tags, while editors and schema tools honour them, so a tagged value would mean two things. Remove the tag and write the plain value.")
        case .duplicateKey:
            return .init(zh: "同一映射中的键重复；报告指出两处所在行。", en: "A key appears twice in one mapping; the message names both lines.")
        case .tooManyProblems:
            return .init(zh: "一个文件最多列出 100 个问题，即文件中最靠前的 100 个。其余问题只计数，由这一条报告数目和其中最靠前一个的位置；其中有错误时用本编号（错误），只有警告时用 FH408（警告），因此文件是否有效与全部列出时相同。这样一个损坏或恶意的文件不会使报告远大于文件本身。",
                         en: "A file lists at most 100 problems, the first 100 in the file. The rest are counted, and this one diagnostic gives their number and the place of the first of them: FH111, an error, when any of them is an error, FH408, a warning, when all are warnings, so whether the file is valid is what the full list would say. A broken or hostile file thus cannot make the reports far larger than the file itself.")
        case .unknownKey:
            return .init(zh: "格式中没有这个键；常见于拼写错误，提示会给出最接近的键。若它是前面某一项下的键（缩进不够），提示会说缩进到哪一项之下。",
                         en: "The format has no such key; usually a typo, and the hint names the closest key. When it is a key of an earlier entry's mapping (written too far left), the hint says which entry to indent it under.")
        case .missingKey:
            return .init(zh: "缺少必填的键（包括条件必填：有场所时的 area_m2）。某个未知的键已被认作它（拼错、写成中文名或缩进不够，见 FH201）时不再重复报告。",
                         en: "A required key is missing (including conditional ones: area_m2 unless there is no venue). It is not reported again when an unknown key was taken for it (a misspelling, its Chinese name, or the key written too far left, see FH201).")
        case .notFilled:
            return .init(zh: "键存在但值为空或只有空格（包括全角空格），常见于模板中未填写的占位项。",
                         en: "The key is there but has no value, or only spaces (full-width ones too): typically a template placeholder left unfilled.")
        case .wrongShape:
            return .init(zh: "值的结构不对：应为映射、列表或单个值。一个键下只有一行 `total：38` 或 `total:38` 时，冒号是全角的或后面缺空格，整行被读成了文字；诊断指向全角冒号，或冒号后该加空格的位置。",
                         en: "The value has the wrong structure: a mapping, a list or a single value was expected. When the only line under a key reads `total：38` or `total:38`, its colon was typed full-width or without the space after it, so the line was read as text; the diagnostic points at the full-width colon, or where the space after the colon belongs.")
        case .notInteger:
            return .init(zh: "此处需要阿拉伯数字整数，不加引号；中文数字会得到提示。", en: "A whole number in Arabic digits, unquoted, is expected; Chinese numerals get a hint.")
        case .notNumber:
            return .init(zh: "此处需要数字，不加引号和单位；.nan 与 .inf 不被接受。", en: "A number is expected, without quotes or units; .nan and .inf are not accepted.")
        case .notBoolean:
            return .init(zh: "只接受 true 或 false（YAML 1.2 同样视为布尔值的 True、TRUE、False、FALSE 也可以）；yes/no/on/off/是/否 会得到改写提示。",
                         en: "Only true or false is accepted (and True, TRUE, False and FALSE, which YAML 1.2 reads the same); yes/no/on/off/是/否 get a hint.")
        case .badDate:
            return .init(zh: "日期必须是 YYYY-MM-DD 且真实存在。", en: "Dates must be YYYY-MM-DD and real calendar days.")
        case .notInChoices:
            return .init(zh: "取值必须是列出的编号之一（含设施与制度目录）；提示会给出最接近的编号。",
                         en: "The value must be one of the listed ids (including the equipment and rules catalogues); the hint names the closest.")
        case .outOfRange:
            return .init(zh: "数值超出允许范围（例如面积必须大于 0，每周开放天数 0 到 7）。", en: "The number is outside its range (area above 0, open days 0 to 7, ...).")
        case .badPattern:
            return .init(zh: "单位编号只能用小写字母、数字和连字符。报告里要显示的文字（单位名称、乡镇、检查轮次）至多 200 个字符：它们在该单位的每一行里都会出现。",
                         en: "Unit ids use lower-case letters, digits and hyphens only. Text the reports show (the unit's name, its township, the round) is at most 200 characters: it appears in every row of the unit's.")
        case .unknownFormat:
            return .init(zh: "format 必须是本工具支持的清单格式。", en: "format must name a checklist format this tool supports.")
        case .veteransExceedTotal:
            return .init(zh: "离休干部数不能超过离退休干部总数。", en: "Veterans cannot outnumber the total of retirees.")
        case .sharedWithoutPartner:
            return .init(zh: "场所为共用（shared）时必须写明 shared_with。", en: "A shared venue must name who it is shared with.")
        case .reviewedBeforeAdopted:
            return .init(zh: "制度的修订日期不能早于制定日期。", en: "A rule cannot be reviewed before it was adopted.")
        case .activityAfterInspection:
            return .init(zh: "活动日期不能晚于检查日期。", en: "An activity cannot be dated after the inspection.")
        case .duplicateUnitID:
            return .init(zh: "两个清单使用了同一单位编号，两处都会报告。", en: "Two checklists use the same unit id; both are reported.")
        case .venueDetailsWithoutVenue:
            return .init(zh: "venue.status 为 none（没有场所）时，不能再填写描述场所的细项（面积、开放时间、地址、为 true 的挂牌等）：它们与“没有场所”矛盾，还会为不存在的场所计分。填 false、0 或空列表的项不受影响。",
                         en: "When venue.status is none, no detail may describe a venue (an area, opening hours, an address, a sign set to true and so on): it contradicts having none, and would score points for a venue that does not exist. Details given as false, 0 or an empty list are fine.")
        case .staleActivity:
            return .init(zh: "早于检查前 12 个月的活动不计分。", en: "Activities more than 12 months before the inspection are not counted.")
        case .fundingYear:
            return .init(zh: "经费年度应为检查年度或上一年度。", en: "The funding year should be the inspection's year or the one before.")
        case .overspent:
            return .init(zh: "已支出超过年度经费，请核对。", en: "More was spent than the annual amount; check the figures.")
        case .participantsExceedRetirees:
            return .init(zh: "一次活动的参加人数超过单位离退休干部总数，请核对。", en: "An activity had more participants than the unit has retirees; check the figure.")
        case .fileNameMismatch:
            return .init(zh: "文件名应为 <unit.id>.yaml，便于查找。", en: "The file should be named <unit.id>.yaml so it can be found.")
        case .evidenceMissing:
            return .init(zh: "佐证文件不存在。", en: "The evidence file does not exist.")
        case .evidenceOutsideTree:
            return .init(zh: "佐证路径必须相对于清单且不超出清单目录：不能用绝对路径或 .. 跳出。清单目录是清单所在的最近一层名为 checklists 的目录（没有时为命令行上给出的目录），所以只检查改动过的文件时与检查整个目录时结论相同。清单目录中链接到目录外的文件夹自成一个清单目录，供其中清单的佐证使用；佐证文件本身（或路径上的文件夹）是指向清单目录外的链接时，也算超出。",
                         en: "Evidence paths are relative and stay inside the checklists tree: no absolute paths, no climbing out with ... The tree is the nearest enclosing folder named checklists (else the folder named on the command line), so checking only the changed files judges evidence as a run over the whole folder does. A linked folder outside the tree is the tree of its own checklists' evidence; an evidence file that is (or lies in a folder that is) a link leading outside the tree leaves it too.")
        case .tooManyWarnings:
            return .init(zh: "一个文件最多列出 100 个问题，未列出的都是警告；见 FH111。", en: "A file lists at most 100 problems, and those not listed are all warnings; see FH111.")
        case .weightsNotHundred:
            return .init(zh: "标准文件中五项的权重（weight）之和必须为 100，总分才是百分制；权重最多一位小数。",
                         en: "The five haves' weights in a standard must add up to 100 so scores are out of 100, each with at most one decimal.")
        case .measureParameter:
            return .init(zh: "每种计分方法需要特定参数（如 threshold 需要 field 和 full），也不接受用不到的参数；细则分值最多一位小数，attendance 的线是不大于 1 的比例，设施、制度和活动的线是整数，设施位、kinds 和 flag 的 values 不能为空，枚举字段上的 flag 须列出 values，essential_above 只用于有数值的必备细则。",
                         en: "Each measure kind needs its own parameters (threshold needs field and full) and accepts no others; points have at most one decimal, attendance marks are shares of at most 1, equipment, rules and activities marks are whole numbers, no equipment slot, kinds or flag values list is empty, a flag on a choice field lists its values, and essential_above goes only on an essential criterion that measures a number.")
        case .markOrder:
            return .init(zh: "半分线（half）不能高于满分线（full）；满分线也不能超出清单所能达到的：字段的上限、列出的设施位数或制度类别数。",
                         en: "The half mark cannot be above the full mark, and the full mark cannot be beyond what a checklist can reach: its field's maximum, or the number of slots or kinds of rules listed.")
        case .unknownField:
            return .init(zh: "计分方法引用的字段必须是清单格式中类型相符的字段。", en: "A measure's field must be a checklist key of a fitting type.")
        case .unknownID:
            return .init(zh: "设施、制度或活动编号必须在目录或格式中存在；applies_when 的 equals 和 flag 的 values 必须是该字段可能的取值。",
                         en: "Equipment, rule and activity ids must exist in their catalogue or the format, and an applies_when's equals and a flag's values must be values its field can hold.")
        case .haveSet:
            return .init(zh: "标准必须恰好包含五有各一项，每项至少一条细则；细则编号和目录编号都不能重复。",
                         en: "A standard holds each of the five haves exactly once, each with at least one criterion; criterion ids and catalogue ids are unique.")
        case .gradeOrder:
            return .init(zh: "基本达标的门槛不能高于达标，达标允许的“不足”“无”项数不能多于基本达标，分数线最多一位小数；不达标单位报送整改方案的期限不能晚于整改到位的期限。",
                         en: "The largely-compliant bar cannot be above the compliant bar, compliant cannot allow more partial or missing haves than largely compliant, and bars have at most one decimal; a non-compliant unit's plan cannot be due after its fixes.")
        case .reusedVersion:
            return .init(zh: "标准的内容与内置标准不同，编号和版本却相同；按编号和版本比较的基线和汇总会把两种评分混在一起。改过的标准须有自己的版本号。",
                         en: "The standard differs from the built-in one but keeps its id and version, by which baselines and rollups decide that scores are comparable: a tailored standard needs a version of its own.")
        }
    }
}
