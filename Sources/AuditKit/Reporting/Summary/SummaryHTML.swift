/// `summary.html`: one self-contained page (inline CSS and SVG, no scripts, no outside resources)
/// that works offline and prints on A4, with the same content as `summary.md`. Every piece of user
/// text goes through `Escaping.html`; the output is byte-identical for the same document.
struct SummaryHTML {
    let document: SummaryDocument
    let language: Language
    /// The scores at which the grades begin (largely compliant, then compliant), drawn as lines on
    /// the score chart. When nil, the built-in standard's are drawn if the document was scored
    /// under it, and none otherwise.
    var gradeLines: [Double]? = nil
    /// The rectifications listed, when not the document's own: the spooled ones of `audit run`.
    var spooledActions: RectificationList? = nil
    /// How many units are charted and actions listed at most.
    var limits = PageLimits.standard

    /// The rectifications listed.
    var actions: RectificationList { spooledActions ?? RectificationList(document) }

    func render() -> String {
        var out = StringOutput()
        write(to: &out)
        return out.text
    }

    /// The page, written as it goes: the per-unit charts and tables and the rectification list
    /// row by row.
    func write<Output: TextOutput>(to out: inout Output) {
        let w = SummaryWords(language: language, document: document)
        out.write("<!DOCTYPE html>\n<html" + attributeText([("lang", language == .zh ? "zh-CN" : "en")]) + ">\n")
        out.write(head())
        out.write("\n<body>\n<main>\n")
        out.write(header(w))
        out.write("\n")
        out.write(headline(w))
        out.write("\n")
        writeUnitCharts(w, to: &out)
        out.write("\n")
        writeUnitTable(w, to: &out)
        for section in groupSections(w) {
            out.write("\n")
            out.write(section)
        }
        out.write("\n")
        out.write(missed(w))
        out.write("\n")
        writeRectifications(w, to: &out)
        if let changes = changes(w) {
            out.write("\n")
            out.write(changes)
        }
        if !document.invalid.isEmpty {
            out.write("\n")
            writeInvalid(w, to: &out)
        }
        out.write("\n")
        out.write(footer(w))
        out.write("\n</main>\n</body>\n</html>\n")
    }

    /// The grade lines actually drawn.
    var drawnGradeLines: [Double] {
        if let gradeLines { return gradeLines }
        let builtIn = Standard.builtIn
        guard document.standard.id == builtIn.id, document.standard.version == builtIn.version else { return [] }
        return [builtIn.largelyCompliant.minScoreTenths, builtIn.compliant.minScoreTenths].map { Double($0) / 10 }
    }

    private func head() -> String {
        let parts = [
            empty("meta", ["charset": "utf-8"]),
            empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
            empty("meta", ["name": "generator", "content": "\(document.tool.name) \(document.tool.version)"]),
            tag("title", [:], text: document.title),
            tag("style", [:], "\n" + Self.style + "\n"),
        ]
        return tag("head", [:], "\n" + parts.joined(separator: "\n") + "\n")
    }

    private func header(_ w: SummaryWords) -> String {
        let t = w.t
        var items = [
            metaItem(t("标准", "Standard"), document.standard.title.text(language) + w.bracketed("\(document.standard.id) \(document.standard.version)")),
        ]
        if let region = document.region { items.append(metaItem(t("地区", "Area"), region)) }
        if let asOf = document.asOf { items.append(metaItem(t("截至（最近检查日期）", "As of (latest inspection)"), asOf)) }
        if !document.rounds.isEmpty { items.append(metaItem(t("检查轮次", "Rounds"), w.list(document.rounds))) }
        return tag("header", ["class": "report"],
                   "\n" + tag("h1", [:], text: document.title) + "\n" + tag("ul", ["class": "meta"], items.joined()) + "\n")
    }

    private func metaItem(_ key: String, _ value: String) -> String {
        tag("li", [:], tag("span", ["class": "key"], text: key) + " " + text(value))
    }

    private func headline(_ w: SummaryWords) -> String {
        let t = w.t
        let f = document.figures
        let main = [
            kpi(t("检查单位", "Units audited"), String(f.units), note: t("计入统计的有效清单", "valid checklists in the figures")),
            kpi(t("要求达标单位", "Required units"), String(f.required), note: t("老干部人数较多的单位", "units with many retirees")),
            kpi(t("要求单位达标率", "Compliance rate of required units"), w.percent(f.complianceRate, of: f.required), className: "accent",
                note: t("\(f.compliantRequired)/\(f.required) 达标，另有 \(f.largelyCompliantRequired) 个基本达标",
                        "\(f.compliantRequired)/\(f.required) compliant, \(f.largelyCompliantRequired) more largely compliant")),
            kpi(t("平均得分", "Average score"), w.average(f), note: t("全部单位，满分 100", "all units, out of 100")),
        ]
        var grades = Grade.allCases.reversed().map { grade in
            let count = f.grades[grade.rawValue] ?? 0
            let share = f.units == 0 ? 0 : Double(count) / Double(f.units)
            return kpi(t("等级：", "Grade: ") + grade.label(language), String(count), className: grade.rawValue,
                       note: t("占全部单位 ", "") + w.percent(share, of: f.units) + t("", " of all units"))
        }
        grades.append(kpi(t("无效清单（未计入）", "Invalid checklists (left out)"), String(f.invalid),
                          className: f.invalid > 0 ? "warning" : "",
                          note: f.invalid > 0 ? t("见文末清单及其错误", "listed at the end with their errors")
                                              : t("所有清单均有效", "every checklist is valid")))
        let charts = tag("div", ["class": "charts"], "\n" + [haveShareChart(w), gradeChart(w)].joined(separator: "\n") + "\n")
        return section("figures", t("总体情况", "Headline figures"), [
            tag("ul", ["class": "kpis"], main.joined()),
            tag("ul", ["class": "kpis"], grades.joined()),
            charts,
        ])
    }

    private func kpi(_ label: String, _ value: String, className: String = "", note: String) -> String {
        tag("li", ["class": className.isEmpty ? "kpi" : "kpi \(className)"],
            tag("span", ["class": "label"], text: label) + tag("span", ["class": "value"], text: value)
            + tag("span", ["class": "note"], text: note))
    }

    private func writeUnitCharts<Output: TextOutput>(_ w: SummaryWords, to out: inout Output) {
        let t = w.t
        guard !document.units.isEmpty else {
            out.write(section("unit-charts", t("各单位得分与“五有”情况", "Scores and the five haves by unit"),
                              [tag("p", ["class": "empty"], text: w.noUnit)]))
            return
        }
        guard document.units.count <= limits.chartedUnits else {
            out.write(section("unit-charts", t("各单位得分与“五有”情况", "Scores and the five haves by unit"), [tag("p", ["class": "note-text"], text: t(
                "共 \(document.units.count) 个单位。超过 \(limits.chartedUnits) 个单位时，逐个单位的图会过长、难以阅读，故不绘制；下表列出每个单位的排名、得分和“五有”情况，其后各表分组汇总。",
                "\(document.units.count) units: with more than \(limits.chartedUnits), a chart of each unit would be too long to read and is left out; "
                + "the table below ranks every unit with its score and five haves, and the tables after it summarise them by group."))]))
            return
        }
        writeSection("unit-charts", t("各单位得分与“五有”情况", "Scores and the five haves by unit"), to: &out) { out in
            out.write("\n<div" + attributeText([("class", "charts wide")]) + ">\n")
            writeScoreChart(w, to: &out)
            out.write("\n")
            writeStatusGrid(w, to: &out)
            out.write("\n</div>")
        }
    }

    private func footer(_ w: SummaryWords) -> String {
        let t = w.t
        let valid = document.inputs.filter(\.valid).count
        // A rollup's inputs are the summaries it combines, not checklists (and name their regions,
        // even when no unit was scored).
        let rollup = !document.byRegion.isEmpty || document.inputs.contains { $0.region != nil }
        let source = !rollup
            ? t("根据 \(document.inputs.count) 份清单（有效 \(valid) 份）", "from \(English.count(document.inputs.count, "checklist")) (\(valid) valid)")
            : t("汇总 \(document.inputs.count) 份 summary.json（共 \(document.figures.units + document.figures.invalid) 份清单）",
                "from \(English.count(document.inputs.count, "summary", "summaries")) (summary.json, "
                    + "\(English.count(document.figures.units + document.figures.invalid, "checklist")) in all)")
        let line = t("由 \(document.tool.name) \(document.tool.version) \(source)生成；"
                     + "标准 \(document.standard.id) \(document.standard.version)。数据另见 summary.json、summary.csv 和 rectifications.csv。",
                     "Written by \(document.tool.name) \(document.tool.version) \(source) "
                     + "under \(document.standard.id) \(document.standard.version). The data is also in summary.json, summary.csv and rectifications.csv.")
        return tag("footer", [:], tag("p", [:], text: line))
    }
}
