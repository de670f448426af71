#!/usr/bin/env python3
"""Writes N synthetic but realistic five-haves/1 checklists for the benchmark.

The same seed and count always give the same bytes. Every checklist is valid, so every one is
scored. A quarter are well-run units (most of them compliant), a third middling and the rest fall
short (no or a shared venue, little equipment, few rules, no budget): with seed 1 about 15% grade
compliant, 18% largely compliant and 67% non-compliant. About one in thirty carries a warning (an
activity older than twelve months, spending over the amount, an old funding year). Files are spread
over folders of 1,000, as a province's counties would hand them in, and average about 2.5 KB.

    python3 bench/generate.py --count 10000 --seed 1 --out /path/to/folder
"""

import argparse
import datetime
import os
import random

CATEGORIES = [
    ("department", ["教育局", "财政局", "民政局", "农业农村局", "水利局", "交通运输局", "卫生健康委员会",
                    "自然资源局", "住房和城乡建设局", "市场监督管理局", "统计局", "审计局"]),
    ("township", ["镇", "乡"]),
    ("institution", ["人民医院", "中医医院", "第一中学", "第二中学", "职业中学", "气象局", "广播电视台"]),
    ("enterprise", ["供电公司", "粮食储备公司", "烟草公司", "自来水公司", "农村商业银行"]),
    ("community", ["社区"]),
    ("other", ["老年大学", "关工委"]),
]
PLACES = ["城关", "东关", "西关", "南山", "北塬", "河西", "河东", "新华", "迎宾", "青龙", "白马", "石桥",
          "柳林", "桃园", "杏花", "安乐", "永和", "太平", "长兴", "龙泉"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = ["建国", "秀英", "志强", "红梅", "明", "丽", "德胜", "淑芬", "国华", "桂兰", "文斌", "玉珍", "海燕", "振华",
         "凤英", "建华", "永红", "立新", "春生", "慧敏"]
ROOMS = ["reading", "activity", "fitness", "classroom", "meeting", "other"]
EQUIPMENT = ["newspapers", "magazines", "books", "tv", "projector", "computer", "internet", "chess", "cards",
             "table-tennis", "calligraphy", "musical-instruments", "fitness-equipment", "air-conditioning",
             "heating", "water-dispenser", "first-aid-kit", "blood-pressure-monitor", "tables-chairs"]
QUANTITIES = {"newspapers": (1, 10), "magazines": (1, 12), "books": (50, 2000), "chess": (2, 16),
              "cards": (2, 20), "fitness-equipment": (1, 8), "tables-chairs": (8, 60)}
RULES = [
    ("service-management", "老干部服务管理办法"),
    ("venue-management", "老干部活动室管理制度"),
    ("study", "老干部集中学习制度"),
    ("safety", "老干部活动安全管理规定"),
    ("emergency-plan", "老干部活动突发事件应急预案"),
    ("cleaning", "活动室卫生保洁制度"),
    ("duty", "活动室值班制度"),
    ("funding-management", "老干部活动经费管理办法"),
    ("inventory", "活动室物品登记管理制度"),
]
ACTIVITIES = {
    "study": ["学习党的二十大精神", "学习政府工作报告", "学习《中国共产党老干部工作条例》", "防范养老诈骗专题讲座",
              "学习中央经济工作会议精神", "学习县党代会精神"],
    "party-life": ["主题党日：重温入党誓词", "主题党日：学习身边榜样", "党员大会", "主题党日：政策宣讲进社区"],
    "culture": ["新春联欢会", "书画展", "元宵节文艺汇演", "合唱排练"],
    "fitness": ["重阳节登高活动", "太极拳培训", "健身气功展示", "门球友谊赛"],
    "briefing": ["县情通报会", "单位工作情况通报"],
    "visit": ["参观县工业园区", "参观乡村振兴示范点"],
    "service": ["看望住院老干部", "志愿服务进社区"],
}
NOTES = ["现场核实", "场所整洁，台账齐全。", "设施陈旧，需更新。", "活动记录完整，参与率较高。",
         "制度未上墙，经费未列入预算。", "与其他单位共用场所，开放时间较短。"]


def pick_name(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def unit_identity(rng, index):
    category, suffixes = rng.choice(CATEGORIES)
    place = rng.choice(PLACES)
    suffix = rng.choice(suffixes)
    if category == "township":
        name = f"XX县{place}{suffix}"
    elif category == "community":
        name = f"{place}{suffix}"
    else:
        name = f"XX县{suffix}"
    return category, name, place + ("乡" if rng.random() < 0.3 else "镇")


def checklist(rng, index, group):
    """One checklist as text; `group` is the folder it is written to."""
    tier = rng.choices(["strong", "middling", "weak"], weights=[24, 30, 46])[0]
    quality = {"strong": rng.uniform(0.88, 1.0), "middling": rng.uniform(0.55, 0.88),
               "weak": rng.uniform(0.1, 0.55)}[tier]
    warning = rng.random() < 0.04
    category, name, township = unit_identity(rng, index)
    unit_id = f"{group}-{category}-{index:06d}"
    total = rng.randint(5, 40) if rng.random() < 0.2 else rng.randint(20, 200)
    party_branch = rng.random() < 0.5
    inspection = datetime.date(2022, 3, 1) + datetime.timedelta(days=rng.randint(0, 290))
    half = "H1" if inspection.month <= 6 else "H2"

    out = ["# yaml-language-server: $schema=../schema/checklist.schema.json",
           "format: five-haves/1",
           "unit:",
           f"  id: {unit_id}",
           f"  name: {name}",
           f"  category: {category}",
           f"  township: {township}",
           "  retirees:",
           f"    total: {total}"]
    if rng.random() < 0.3:
        out.append(f"    veterans: {rng.randint(0, min(6, total))}")
    out.append(f"  party_branch: {'true' if party_branch else 'false'}")
    if rng.random() < 0.8:
        out.append(f"  contact: {pick_name(rng)}")
    out += ["inspection:",
            f"  date: {inspection.isoformat()}",
            f"  inspector: {pick_name(rng)}",
            f"  round: {inspection.year}-{half}"]
    if rng.random() < 0.3:
        out.append(f"  notes: {rng.choice(NOTES)}")

    # Venue: weak units may have none or share one.
    roll = rng.random()
    status = "none" if roll > quality + 0.35 else "shared" if roll > quality else "dedicated"
    out += ["venue:", f"  status: {status}"]
    if status == "shared":
        out.append(f"  shared_with: {township}综合文化站")
    if status != "none":
        out.append(f"  address: {township}{rng.choice(['人民路', '建设路', '文化路'])}{rng.randint(1, 200)}号")
        area = round(rng.uniform(15, 60) * quality * 2) + 5
        out.append(f"  area_m2: {area}")
        rooms = sorted(rng.sample(ROOMS, rng.randint(1, 3)), key=ROOMS.index)
        out.append(f"  rooms: [{', '.join(rooms)}]")
        out.append(f"  signage: {'true' if rng.random() < quality else 'false'}")
        hours = max(2, round(40 * quality * rng.uniform(0.6, 1.1)))
        out.append(f"  open_days_per_week: {min(7, max(1, hours // 5))}")
        out.append(f"  open_hours_per_week: {hours}")
        out.append(f"  accessible: {'true' if rng.random() < quality else 'false'}")
        out.append(f"  fire_safety: {'true' if rng.random() < quality + 0.2 else 'false'}")

    # Equipment: more and better kit for better units.
    items = [item for item in EQUIPMENT if rng.random() < quality ** 1.5]
    out.append("equipment:" if items else "equipment: []")
    for item in items:
        out.append(f"  - item: {item}")
        low, high = QUANTITIES.get(item, (1, 4))
        out.append(f"    quantity: {rng.randint(low, high)}")
        if rng.random() < 0.15:
            out.append(f"    condition: {rng.choices(['good', 'worn', 'broken'], weights=[5, 3, 1])[0]}")

    # Rules: adopted years ago, some reviewed since, posted mostly in better units.
    kinds = [rule for rule in RULES if rng.random() < quality ** 1.5]
    out.append("rules:" if kinds else "rules: []")
    for kind, title in kinds:
        adopted = inspection - datetime.timedelta(days=rng.randint(200, 3000))
        out += [f"  - kind: {kind}", f"    title: {title}", f"    adopted: {adopted.isoformat()}"]
        if rng.random() < 0.2:
            reviewed = adopted + datetime.timedelta(days=rng.randint(1, (inspection - adopted).days))
            out.append(f"    reviewed: {reviewed.isoformat()}")
        out.append(f"    posted: {'true' if rng.random() < quality else 'false'}")

    # Activities in the twelve months before the inspection, in date order: a unit that does
    # well studies monthly, holds a party day monthly when it has a branch, and so on.
    quotas = {"study": 12, "party-life": 12 if party_branch else 0, "culture": 3, "fitness": 3,
              "briefing": 1, "visit": 1, "service": 1}
    planned = []
    for kind, quota in quotas.items():
        for _ in range(round(quota * quality * rng.uniform(0.7, 1.15))):
            planned.append((inspection - datetime.timedelta(days=rng.randint(0, 360)), kind))
    stale = warning and rng.random() < 0.4
    if stale:
        planned.append((inspection - datetime.timedelta(days=rng.randint(400, 500)), "study"))
    planned.sort()
    out.append("activities:" if planned else "activities: []")
    share = (0.35, 0.45 + 0.45 * quality)
    for date, kind in planned:
        out += [f"  - date: {date.isoformat()}", f"    kind: {kind}"]
        if rng.random() < 0.2:
            out.append(f"    title: {rng.choice(ACTIVITIES[kind])}")
        if kind != "service" and rng.random() < 0.85:
            out.append(f"    participants: {max(1, int(total * rng.uniform(*share)))}")

    # Funding: essential for the grade; weak units often have little or none.
    year = inspection.year
    if warning and not stale and rng.random() < 0.5:
        year -= 2
    amount = int(total * rng.uniform(40, 170) * quality) // 100 * 100
    spent = amount // 2
    if warning and not stale and year == inspection.year:
        spent = amount + 500
    out += ["funding:",
            f"  year: {year}",
            f"  budgeted: {'true' if rng.random() < quality else 'false'}",
            f"  amount_yuan: {amount}",
            f"  spent_yuan: {spent}",
            f"  sources: [{rng.choice(['fiscal', 'unit', 'fiscal, unit'])}]",
            f"  earmarked: {'true' if rng.random() < quality else 'false'}",
            f"  accounts_disclosed: {'true' if rng.random() < quality else 'false'}"]
    return unit_id, "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True, help="how many checklists")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    parser.add_argument("--out", required=True, help="the folder to write into (created)")
    parser.add_argument("--per-folder", type=int, default=1000, help="checklists per folder (default 1000)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    total_bytes = 0
    for index in range(args.count):
        group = f"region-{index // args.per_folder:03d}"
        folder = os.path.join(args.out, group)
        if index % args.per_folder == 0:
            os.makedirs(folder, exist_ok=True)
        unit_id, text = checklist(rng, index, group)
        data = text.encode("utf-8")
        total_bytes += len(data)
        with open(os.path.join(folder, unit_id + ".yaml"), "wb") as handle:
            handle.write(data)
    print(f"{args.count} checklists, {total_bytes} bytes, {total_bytes / max(1, args.count):.0f} bytes on average")


if __name__ == "__main__":
    main()
