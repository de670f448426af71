extension Standard {
    /// The built-in default standard as YAML text: what `audit standard show --format yaml` prints
    /// and the starting point for a county's tailored copy.
    public static let builtInYAML = #"""
# 老干部学习活动场所“五有”评分标准（默认） / Default five-haves scoring standard
# 依据：中共XX县委老干部局《2022年全县老干部工作要点》第十条：老干部人数较多的单位要逐步达到“五有”。
# Basis: item 10 of the county retired-cadres bureau's 2022 work plan: units with many retired cadres
# shall gradually reach the five haves.
# Thresholds cite published local rules where they exist; the rest are the county's own choice (县自定).
standard: five-haves
version: "2022.1"
title:
  zh: 老干部学习活动场所“五有”标准
  en: Five-haves standard for retired cadres' study and activity facilities
source:
  zh: 中共XX县委老干部局《2022年全县老干部工作要点》第十条
  en: County retired-cadres bureau, 2022 work plan, item 10
applicability:
  min_retirees: 20          # 老干部人数较多的单位 / "units with many retired cadres"（县自定 county's choice）
have_status:
  met_percent: 60           # 得分达到该项分值 60% 且必备项全部通过为“有” / a have is met at 60% of its weight
grades:
  compliant:                # 达标：≥85 分且五项全“有”
    min_score: 85
    max_partial: 0
    max_missing: 0
  largely_compliant:        # 基本达标：≥70 分，无“无”项，至多一项“不足”
    min_score: 70
    max_partial: 1
    max_missing: 0
rectification:
  largely_compliant_fix_days: 90
  non_compliant_plan_days: 30
  non_compliant_fix_days: 180
catalogues:
  equipment:
    - {id: newspapers, zh: 报纸, en: newspapers}
    - {id: magazines, zh: 杂志, en: magazines}
    - {id: books, zh: 图书, en: books}
    - {id: tv, zh: 电视机, en: television}
    - {id: projector, zh: 投影仪, en: projector}
    - {id: computer, zh: 电脑, en: computer}
    - {id: internet, zh: 互联网接入, en: internet access}
    - {id: chess, zh: 棋类, en: chess and board games}
    - {id: cards, zh: 牌类, en: cards}
    - {id: table-tennis, zh: 乒乓球台, en: table tennis}
    - {id: calligraphy, zh: 书画用品, en: calligraphy and painting}
    - {id: musical-instruments, zh: 乐器, en: musical instruments}
    - {id: fitness-equipment, zh: 健身器材, en: fitness equipment}
    - {id: air-conditioning, zh: 空调, en: air conditioning}
    - {id: heating, zh: 取暖设施, en: heating}
    - {id: water-dispenser, zh: 饮水机, en: water dispenser}
    - {id: first-aid-kit, zh: 急救箱, en: first-aid kit}
    - {id: blood-pressure-monitor, zh: 血压计, en: blood-pressure monitor}
    - {id: tables-chairs, zh: 桌椅, en: tables and chairs}
  rules:
    - {id: service-management, zh: 服务管理制度, en: service management}
    - {id: venue-management, zh: 活动场所管理制度, en: venue management}
    - {id: study, zh: 学习制度, en: study}
    - {id: safety, zh: 安全管理制度, en: safety}
    - {id: emergency-plan, zh: 应急预案, en: emergency plan}
    - {id: cleaning, zh: 卫生保洁制度, en: cleaning}
    - {id: duty, zh: 值班制度, en: duty roster}
    - {id: funding-management, zh: 经费管理制度, en: funding management}
    - {id: inventory, zh: 物品登记管理制度, en: inventory}
haves:
  - id: venue
    zh: 有一个学习活动场所
    en: A venue for study and activities
    weight: 22
    criteria:
      - id: V1
        zh: 有专用或共用的学习活动场所
        en: A dedicated or shared venue exists
        points: 4
        essential: true
        measure: {kind: flag, field: venue.status, values: [dedicated, shared]}
        source: {zh: 县老干部局工作要点第十条, en: "County work plan, item 10"}
        action: {zh: 落实专用或与其他单位共用的老干部学习活动场所, en: Secure a dedicated or shared venue for retirees' study and activities}
      - id: V2
        zh: 场所挂牌
        en: The venue has a sign
        points: 2
        measure: {kind: flag, field: venue.signage}
        source: {zh: 平定县“六有”标准要求活动场所挂牌, en: "Pingding county's six-haves standard requires a sign"}
        action: {zh: 在场所门口悬挂老干部活动室标牌, en: Put up a sign naming the retirees' activity room}
      - id: V3
        zh: 场所面积
        en: Floor area
        points: 6
        measure: {kind: threshold, field: venue.area_m2, full: 30, half: 20}
        source: {zh: 党员活动室建设标准：面积不少于 30 平方米；20 平方米为县自定半分线, en: "Party-member activity room standard: at least 30 m²; 20 m² for half points is the county's choice"}
        action: {zh: 扩大或调整场所，使面积达到 30 平方米以上, en: Enlarge or move the venue to at least 30 m²}
      - id: V4
        zh: 每周开放时间
        en: Weekly opening hours
        points: 5
        measure: {kind: threshold, field: venue.open_hours_per_week, full: 20, half: 4}
        source: {zh: 公开的活动室管理制度：工作日上下午开放；最低每周至少两次、每次 2 小时, en: "Published room rules: open weekday mornings and afternoons; at least twice a week for 2 hours"}
        action: {zh: 制定开放时间表，每周开放不少于 20 小时, en: Set opening hours of at least 20 hours a week}
      - id: V5
        zh: 无障碍设施
        en: Step-free access
        points: 2
        measure: {kind: flag, field: venue.accessible}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 增设坡道、扶手等无障碍设施, en: Add ramps and handrails for step-free access}
      - id: V6
        zh: 消防安全合格
        en: Fire safety in order
        points: 3
        measure: {kind: flag, field: venue.fire_safety}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 配齐灭火器、疏散标志并通过消防检查, en: Install extinguishers and exit signs and pass a fire-safety check}
  - id: equipment
    zh: 有一些必备的学习活动设施
    en: The necessary equipment
    weight: 20
    criteria:
      - id: E1
        zh: 报刊图书
        en: Reading matter
        points: 5
        measure: {kind: equipment, slots: [[newspapers], [magazines], [books]], full: 2, half: 1}
        source: {zh: 河池市标准：图书报刊不少于 3 类, en: "Hechi: at least 3 categories of books and newspapers"}
        action: {zh: 订阅报纸杂志并配备图书, en: Subscribe to newspapers and magazines and stock books}
      - id: E2
        zh: 学习设备
        en: Study equipment
        points: 4
        measure: {kind: equipment, slots: [[tv, projector], [computer]], full: 2, half: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 配备电视机或投影仪，以及电脑, en: Provide a television or projector and a computer}
      - id: E3
        zh: 文体娱乐设施
        en: Recreation equipment
        points: 4
        measure: {kind: equipment, slots: [[chess], [cards], [table-tennis], [calligraphy], [musical-instruments]], full: 4, half: 2}
        source: {zh: 河池市标准：配备“五类”文体娱乐设施, en: "Hechi: five kinds of recreation facilities"}
        action: {zh: 补充棋牌、乒乓球、书画、乐器等文体设施, en: "Add board games, cards, table tennis, calligraphy or musical instruments"}
      - id: E4
        zh: 健身器材
        en: Fitness equipment
        points: 3
        measure: {kind: equipment, slots: [[fitness-equipment]], full: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 配备适合老年人的健身器材, en: Provide fitness equipment suited to older people}
      - id: E5
        zh: 舒适与应急设施
        en: Comfort and emergency equipment
        points: 4
        measure: {kind: equipment, slots: [[air-conditioning, heating], [water-dispenser], [first-aid-kit], [blood-pressure-monitor]], full: 3, half: 2}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 配备空调或取暖设施、饮水机、急救箱和血压计, en: "Provide air conditioning or heating, a water dispenser, a first-aid kit and a blood-pressure monitor"}
  - id: rules
    zh: 有一套服务管理制度
    en: A set of service-management rules
    weight: 18
    criteria:
      - id: R1
        zh: 场所管理制度上墙
        en: Venue rules, posted
        points: 4
        measure: {kind: rules, kinds: [venue-management], full: 1, half: 1, posted_for_full: true}
        source: {zh: 县自定：制定但未上墙得一半, en: "County's own choice: adopted but not posted earns half"}
        action: {zh: 制定活动场所管理制度并上墙公示, en: Adopt venue-management rules and post them on the wall}
      - id: R2
        zh: 学习制度
        en: Study rules
        points: 3
        measure: {kind: rules, kinds: [study], full: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 制定老干部学习制度, en: Adopt rules for retirees' study}
      - id: R3
        zh: 安全制度与应急预案
        en: Safety rules and emergency plan
        points: 4
        measure: {kind: rules, kinds: [safety, emergency-plan], full: 2, half: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 制定安全管理制度和应急预案, en: Adopt safety rules and an emergency plan}
      - id: R4
        zh: 保洁与值班制度
        en: Cleaning and duty rules
        points: 4
        measure: {kind: rules, kinds: [cleaning, duty], full: 2, half: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 制定卫生保洁制度和值班制度, en: Adopt cleaning rules and a duty roster}
      - id: R5
        zh: 经费与物品管理制度
        en: Funding and inventory rules
        points: 3
        measure: {kind: rules, kinds: [funding-management, inventory], full: 2, half: 1}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 制定经费管理制度和物品登记管理制度, en: Adopt funding-management and inventory rules}
  - id: activities
    zh: 有一些学习娱乐健身等活动
    en: Study, recreation and fitness activities
    weight: 22
    criteria:
      - id: A1
        zh: 集中学习（近 12 个月）
        en: Group study (last 12 months)
        points: 7
        measure: {kind: activities, kinds: [study], months: 12, full: 12, half: 6}
        source: {zh: 离退休干部每月集中学习一次, en: Retirees study together once a month}
        action: {zh: 每月组织一次集中学习, en: Hold a group study session every month}
      - id: A2
        zh: 组织生活（近 12 个月）
        en: Party life (last 12 months)
        points: 5
        applies_when: {field: unit.party_branch, equals: "true"}
        measure: {kind: activities, kinds: [party-life], months: 12, full: 12, half: 4}
        source: {zh: 《中国共产党支部工作条例（试行）》：每月主题党日，每季度党员大会, en: "Party branch work regulations: a themed party day every month, a members' meeting every quarter"}
        action: {zh: 每月开展主题党日，每季度召开党员大会, en: Hold a themed party day every month and a members' meeting every quarter}
      - id: A3
        zh: 文化健身活动（近 12 个月）
        en: Culture and fitness activities (last 12 months)
        points: 5
        measure: {kind: activities, kinds: [culture, fitness], months: 12, full: 6, half: 3}
        source: {zh: 增城区农村老年人活动站：每年集体活动不少于 6 次, en: "Zengcheng rural activity stations: at least 6 group activities a year"}
        action: {zh: 每两个月至少组织一次文化或健身活动, en: Hold a culture or fitness activity at least every two months}
      - id: A4
        zh: 活动参与率
        en: Attendance
        points: 3
        measure: {kind: attendance, months: 12, full: 0.6, half: 0.4}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 提高活动参与率至离退休干部的 60% 以上, en: Raise attendance to at least 60% of the retirees}
      - id: A5
        zh: 情况通报与参观考察（近 12 个月）
        en: Briefings and visits (last 12 months)
        points: 2
        measure: {kind: activities, kinds: [briefing, visit], months: 12, full: 2, half: 1}
        source: {zh: 单位每年向离退休干部通报情况两次, en: Units brief their retirees twice a year}
        action: {zh: 每半年通报一次单位情况或组织一次参观考察, en: Brief retirees or organise a visit every six months}
  - id: funding
    zh: 有一定经费保障
    en: Guaranteed funding
    weight: 18
    criteria:
      - id: B1
        zh: 列入年度预算
        en: In the annual budget
        points: 5
        measure: {kind: flag, field: funding.budgeted}
        source: {zh: 南昌市、云南省考核表：经费未列入预算扣分, en: "Nanchang's and Yunnan's assessment tables deduct when funds are not budgeted"}
        action: {zh: 将老干部活动经费列入单位年度预算, en: Put the retirees' activity funds into the annual budget}
      - id: B2
        zh: 年度经费
        en: Annual amount
        points: 5
        essential: true
        essential_above: 0
        measure: {kind: threshold, field: funding.amount_yuan, full: 3000, half: 2000}
        source: {zh: 德宏州：每个支部每年不少于 3000 元；相关县考核表为 2000 元, en: "Dehong: at least 3,000 yuan a year per branch; a related county table: 2,000"}
        action: {zh: 安排年度活动经费不少于 3000 元, en: "Provide at least 3,000 yuan a year"}
      - id: B3
        zh: 人均经费
        en: Funding per retiree
        points: 3
        measure: {kind: per_capita, field: funding.amount_yuan, full: 100, half: 50}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 按每人每年不少于 100 元安排经费, en: Provide at least 100 yuan per retiree a year}
      - id: B4
        zh: 专款专用
        en: Earmarked
        points: 2
        measure: {kind: flag, field: funding.earmarked}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 经费专款专用，单独核算, en: Earmark the funds and account for them separately}
      - id: B5
        zh: 账目公开
        en: Accounts disclosed
        points: 3
        measure: {kind: flag, field: funding.accounts_disclosed}
        source: {zh: 县自定, en: "County's own choice"}
        action: {zh: 定期向离退休干部公开经费账目, en: Disclose the accounts to the retirees regularly}
"""#
}
