/// The inline style sheet of `summary.html`: fonts that show Chinese, light backgrounds, and A4
/// print rules (page size, repeated table headers, charts kept whole).
extension SummaryHTML {
    static let fontStack = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", "
        + "\"WenQuanYi Micro Hei\", \"SimSun\", sans-serif"

    static let style = """
    @page { size: A4; margin: 15mm; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #ffffff; color: #1f2933; font-family: \(fontStack); font-size: 14px; line-height: 1.55; }
    main { max-width: 1280px; margin: 0 auto; padding: 28px 40px 40px; }
    header.report { border-bottom: 3px solid #1f4e8c; padding-bottom: 12px; margin-bottom: 8px; }
    h1 { font-size: 26px; line-height: 1.3; margin: 0 0 8px; color: #12355b; }
    h2 { font-size: 19px; color: #12355b; margin: 30px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #d9dee3; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 15px; margin: 18px 0 8px; color: #1f2933; break-after: avoid; page-break-after: avoid; }
    code, .unit-id, .code { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", Consolas, monospace; font-size: 0.86em; }
    ul.meta { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 28px; color: #3e4c59; font-size: 13.5px; }
    .key { color: #616e7c; }
    .kpis { list-style: none; margin: 0 0 12px; padding: 0; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; break-inside: avoid; page-break-inside: avoid; }
    .kpi { border: 1px solid #d9dee3; border-top: 4px solid #1f4e8c; border-radius: 6px; padding: 8px 14px 10px; background: #f8fafc; }
    .kpi.accent { border-top-color: #12355b; background: #eef4fb; }
    .kpi.compliant { border-top-color: #2e7d32; }
    .kpi.largely-compliant { border-top-color: #f2b233; }
    .kpi.non-compliant { border-top-color: #c62828; }
    .kpi.warning { border-top-color: #c62828; background: #fdf2f2; }
    .kpi .label { display: block; color: #3e4c59; font-size: 13px; }
    .kpi .value { display: block; font-size: 28px; font-weight: 700; line-height: 1.3; color: #12355b; font-variant-numeric: tabular-nums; }
    .kpi .note { display: block; color: #616e7c; font-size: 12px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px 20px; }
    .charts.wide { display: flex; flex-wrap: wrap; gap: 16px 20px; }
    figure.chart { margin: 0; border: 1px solid #d9dee3; border-radius: 6px; padding: 10px 14px 6px; background: #ffffff; break-inside: avoid; page-break-inside: avoid; max-width: 100%; }
    figure.chart figcaption { font-weight: 700; font-size: 14px; color: #12355b; margin-bottom: 4px; }
    svg.chart-svg { display: block; max-width: 100%; height: auto; }
    svg .halo text { stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; paint-order: stroke; }
    .two-col { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 28px; }
    table { width: 100%; border-collapse: collapse; font-size: 13px; margin: 0 0 8px; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th { text-align: left; background: #eef2f6; border-bottom: 2px solid #b8c2cc; padding: 6px 8px; white-space: nowrap; font-weight: 700; }
    td { padding: 5px 8px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
    tbody tr:nth-child(even) td { background: #f8fafc; }
    th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    th.center, td.center { text-align: center; }
    td.strong { font-weight: 700; }
    td.nowrap { white-space: nowrap; }
    td.short { word-break: keep-all; min-width: 3.5em; }
    td.muted, .muted { color: #616e7c; }
    td.up { color: #1b5e20; font-weight: 700; }
    td.down { color: #9b1c1c; font-weight: 700; }
    .unit-id { display: block; color: #616e7c; font-size: 11.5px; white-space: nowrap; }
    .code { color: #3e4c59; font-weight: 700; }
    .pill { display: inline-block; min-width: 2.8em; padding: 0 8px; border: 1px solid; border-radius: 10px; font-size: 12px; font-weight: 700; text-align: center; white-space: nowrap; line-height: 1.6; }
    .pill.met, .pill.compliant { background: #e3f1e4; color: #1b5e20; border-color: #8cc68f; }
    .pill.partial, .pill.largely-compliant { background: #fff1cc; color: #6d4c00; border-color: #e6b84f; }
    .pill.missing, .pill.non-compliant { background: #fbe3e3; color: #9b1c1c; border-color: #e59a9a; }
    .pill.unknown { background: #eef2f6; color: #3e4c59; border-color: #cbd2d9; }
    .bar-head { width: 28%; }
    td.bar-cell { white-space: nowrap; }
    .bar { display: inline-block; width: 70%; height: 10px; background: #eef2f6; border-radius: 2px; vertical-align: middle; }
    .bar span { display: block; height: 10px; background: #c62828; border-radius: 2px; }
    .bar-label { display: inline-block; margin-left: 8px; font-variant-numeric: tabular-nums; }
    .note-text, .empty { color: #3e4c59; font-size: 13px; margin: 0 0 10px; }
    ul.change-lists { margin: 8px 0 4px; padding-left: 20px; }
    .invalid-file { border-left: 4px solid #c62828; padding: 2px 0 2px 14px; margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
    ul.diagnostics { margin: 4px 0; padding-left: 18px; font-size: 13px; }
    ul.diagnostics .where { font-family: "DejaVu Sans Mono", monospace; color: #616e7c; }
    ul.diagnostics .severity { font-weight: 700; color: #9b1c1c; }
    ul.diagnostics li.warning .severity { color: #6d4c00; }
    ul.diagnostics .hint { color: #3e4c59; }
    footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid #d9dee3; color: #616e7c; font-size: 12px; }
    @media print {
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 18pt; }
      h2 { font-size: 13pt; margin-top: 18pt; }
      .kpi .value { font-size: 17pt; }
      .charts, .two-col { grid-template-columns: minmax(0, 1fr); }
      table { font-size: 8.5pt; }
      th, td { padding: 3px 5px; }
      .pill { font-size: 8pt; padding: 0 4px; min-width: 2.2em; }
      .unit-id { font-size: 7.5pt; }
    }
    """
}
