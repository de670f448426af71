/// `summary.json` written as it goes, without building the whole text or an encoder's tree
/// first: keys sorted by their UTF-8 bytes, slashes unescaped, a final line feed. The document's
/// own keys and small objects are pretty-printed, one key a line, indented by two spaces; each
/// element of a list of records (units, inputs, rectifications, the groups…) is one compact line
/// of its own, so a province's file is a quarter smaller and a change to one unit changes a few
/// lines, not dozens. The rectifications come from a `RectificationList`, so a province's million actions
/// are copied through rather than held. A test compares the result with Foundation's encoding
/// value by value.
struct SummaryJSON {
    let document: SummaryDocument
    var rectifications: RectificationList

    init(document: SummaryDocument, rectifications: RectificationList? = nil) {
        self.document = document
        self.rectifications = rectifications ?? RectificationList(document)
    }

    /// The whole file.
    func bytes() -> [UInt8] {
        var out = StringOutput()
        write(to: &out)
        return out.bytes
    }

    func write(to out: inout some TextOutput) {
        // Foundation refuses infinities and NaN; the document holds none, but if it ever did the
        // output would say so exactly as `JSONOutput.encode` does.
        guard Self.allFinite(document) else {
            out.write("{\"error\": \"could not encode the output\"}\n")
            return
        }
        let d = document
        var root = JSONContainer.open("{", level: 0, &out)
        if let asOf = d.asOf { root.key("as_of", &out); JSON.string(asOf, &out) }
        root.key("by_category", &out); JSON.records(d.byCategory, level: 1, &out, Self.group)
        root.key("by_region", &out); JSON.records(d.byRegion, level: 1, &out, Self.group)
        root.key("by_township", &out); JSON.records(d.byTownship, level: 1, &out, Self.group)
        if let changes = d.changes { root.key("changes", &out); Self.changes(changes, level: 1, &out) }
        root.key("figures", &out); Self.figures(d.figures, level: 1, &out)
        root.key("format", &out); JSON.string(d.format, &out)
        root.key("inputs", &out); Self.rows(d.inputs, &out, Self.input)
        root.key("invalid", &out); JSON.records(d.invalid, level: 1, &out, Self.invalid)
        root.key("most_missed", &out); JSON.records(d.mostMissed, level: 1, &out, Self.missed)
        root.key("rectifications", &out)
        var list = JSONContainer.open("[", level: 1, &out)
        if !rectifications.isEmpty {
            list.next(&out)
            rectifications.write(.json, to: &out, separator: JSON.recordSeparator) { Self.actionEntry($0) }
        }
        list.close("]", &out)
        if let region = d.region { root.key("region", &out); JSON.string(region, &out) }
        root.key("rounds", &out); JSON.array(d.rounds, level: 1, &out) { value, _, out in JSON.string(value, &out) }
        root.key("standard", &out); Self.standard(d.standard, level: 1, &out)
        root.key("title", &out); JSON.string(d.title, &out)
        root.key("tool", &out)
        var tool = JSONContainer.open("{", level: 1, &out)
        tool.key("name", &out); JSON.string(d.tool.name, &out)
        tool.key("version", &out); JSON.string(d.tool.version, &out)
        tool.close("}", &out)
        root.key("units", &out); Self.rows(d.units, &out, Self.unit)
        root.key("version", &out); JSON.integer(d.version, &out)
        root.close("}", &out)
        out.write("\n")
    }

    /// A top-level list of one record per unit or input, as `JSON.records` writes it, with the
    /// records rendered on all cores.
    private static func rows<Element: Sendable>(_ values: [Element], _ out: inout some TextOutput,
                                                _ record: @escaping @Sendable (Element, inout StringOutput) -> Void) {
        var array = JSONContainer.open("[", level: 1, &out)
        if !values.isEmpty {
            array.next(&out)
            out.writeRows(count: values.count, separator: JSON.recordSeparator) { index, text in record(values[index], &text) }
        }
        array.close("]", &out)
    }

    /// One rectification as a record of the top-level `rectifications` list, without the line
    /// break and indent before it.
    static func actionEntry(_ row: SummaryDocument.ActionRow) -> String {
        var out = StringOutput()
        action(row, &out)
        return out.text
    }

    // MARK: - The document's parts, keys in sorted order

    private static func action(_ row: SummaryDocument.ActionRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("action", &out); JSON.localized(row.action, &out)
        record.key("criterion", &out); JSON.string(row.criterion, &out)
        record.key("current", &out); JSON.localized(row.current, &out)
        if let due = row.due { record.key("due", &out); JSON.string(due, &out) }
        record.key("gain", &out); JSON.number(row.gain, &out)
        record.key("have", &out); JSON.string(row.have, &out)
        record.key("label", &out); JSON.localized(row.label, &out)
        if let region = row.region { record.key("region", &out); JSON.string(region, &out) }
        record.key("unit_id", &out); JSON.string(row.unitID, &out)
        record.key("unit_name", &out); JSON.string(row.unitName, &out)
        record.close(&out)
    }

    private static func group(_ row: SummaryDocument.GroupRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("average_score", &out); JSON.number(row.averageScore, &out)
        record.key("compliance_rate", &out); JSON.number(row.complianceRate, &out)
        record.key("compliant", &out); JSON.integer(row.compliant, &out)
        record.key("name", &out); JSON.string(row.name, &out)
        record.key("required", &out); JSON.integer(row.required, &out)
        record.key("units", &out); JSON.integer(row.units, &out)
        record.close(&out)
    }

    private static func figures(_ figures: SummaryDocument.Figures, level: Int, _ out: inout some TextOutput) {
        var object = JSONContainer.open("{", level: level, &out)
        object.key("average_score", &out); JSON.number(figures.averageScore, &out)
        object.key("compliance_rate", &out); JSON.number(figures.complianceRate, &out)
        object.key("compliant_required", &out); JSON.integer(figures.compliantRequired, &out)
        object.key("grades", &out); JSON.dictionary(figures.grades, level: level + 1, &out) { value, _, out in JSON.integer(value, &out) }
        object.key("have_met_share", &out)
        JSON.dictionary(figures.haveMetShare, level: level + 1, &out) { value, _, out in JSON.number(value, &out) }
        object.key("invalid", &out); JSON.integer(figures.invalid, &out)
        object.key("largely_compliant_required", &out); JSON.integer(figures.largelyCompliantRequired, &out)
        object.key("required", &out); JSON.integer(figures.required, &out)
        object.key("units", &out); JSON.integer(figures.units, &out)
        object.close("}", &out)
    }

    private static func input(_ input: SummaryDocument.InputRef, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("path", &out); JSON.string(input.path, &out)
        if let region = input.region { record.key("region", &out); JSON.string(region, &out) }
        record.key("sha256", &out); JSON.string(input.sha256, &out)
        if let unitID = input.unitID { record.key("unit_id", &out); JSON.string(unitID, &out) }
        record.key("valid", &out); JSON.bool(input.valid, &out)
        record.close(&out)
    }

    private static func invalid(_ row: SummaryDocument.InvalidRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("diagnostics", &out); JSON.list(row.diagnostics, &out, Self.diagnostic)
        record.key("path", &out); JSON.string(row.path, &out)
        record.close(&out)
    }

    private static func diagnostic(_ row: SummaryDocument.DiagnosticRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("code", &out); JSON.string(row.code, &out)
        record.key("column", &out); JSON.integer(row.column, &out)
        record.key("hint", &out); JSON.localized(row.hint, &out)
        record.key("key_path", &out); JSON.string(row.keyPath, &out)
        record.key("line", &out); JSON.integer(row.line, &out)
        record.key("message", &out); JSON.localized(row.message, &out)
        record.key("severity", &out); JSON.string(row.severity, &out)
        record.close(&out)
    }

    private static func missed(_ row: SummaryDocument.MissedRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("applicable", &out); JSON.integer(row.applicable, &out)
        record.key("criterion", &out); JSON.string(row.criterion, &out)
        record.key("have", &out); JSON.string(row.have, &out)
        record.key("label", &out); JSON.localized(row.label, &out)
        record.key("units", &out); JSON.integer(row.units, &out)
        record.close(&out)
    }

    private static func standard(_ standard: SummaryDocument.StandardRef, level: Int, _ out: inout some TextOutput) {
        var object = JSONContainer.open("{", level: level, &out)
        object.key("haves", &out)
        JSON.records(standard.haves, level: level + 1, &out) { have, out in
            var record = JSONRecord.open(&out)
            record.key("id", &out); JSON.string(have.id, &out)
            record.key("label", &out); JSON.localized(have.label, &out)
            record.key("weight", &out); JSON.number(have.weight, &out)
            record.close(&out)
        }
        object.key("id", &out); JSON.string(standard.id, &out)
        if let digest = standard.sha256 { object.key("sha256", &out); JSON.string(digest, &out) }
        object.key("title", &out); JSON.localized(standard.title, level: level + 1, &out)
        object.key("version", &out); JSON.string(standard.version, &out)
        object.close("}", &out)
    }

    private static func unit(_ row: SummaryDocument.UnitRow, _ out: inout some TextOutput) {
        var record = JSONRecord.open(&out)
        record.key("actions", &out); JSON.integer(row.actions, &out)
        record.key("category", &out); JSON.string(row.category, &out)
        record.key("grade", &out); JSON.string(row.grade, &out)
        record.key("haves", &out)
        JSON.list(row.haves, &out) { cell, out in
            var record = JSONRecord.open(&out)
            record.key("id", &out); JSON.string(cell.id, &out)
            record.key("points", &out); JSON.number(cell.points, &out)
            record.key("status", &out); JSON.string(cell.status, &out)
            record.key("weight", &out); JSON.number(cell.weight, &out)
            record.close(&out)
        }
        record.key("inspection_date", &out); JSON.string(row.inspectionDate, &out)
        record.key("lift_criteria", &out); JSON.list(row.liftCriteria, &out) { value, out in JSON.string(value, &out) }
        record.key("name", &out); JSON.string(row.name, &out)
        record.key("rank", &out); JSON.integer(row.rank, &out)
        if let region = row.region { record.key("region", &out); JSON.string(region, &out) }
        record.key("required", &out); JSON.bool(row.required, &out)
        record.key("retirees", &out); JSON.integer(row.retirees, &out)
        record.key("score", &out); JSON.number(row.score, &out)
        if let township = row.township { record.key("township", &out); JSON.string(township, &out) }
        record.key("unit_id", &out); JSON.string(row.unitID, &out)
        record.close(&out)
    }

    private static func changes(_ changes: SummaryDocument.Changes, level: Int, _ out: inout some TextOutput) {
        func beforeAfter(_ value: SummaryDocument.BeforeAfter, level: Int, _ out: inout some TextOutput) {
            var object = JSONContainer.open("{", level: level, &out)
            object.key("after", &out); JSON.number(value.after, &out)
            object.key("before", &out); JSON.number(value.before, &out)
            object.close("}", &out)
        }
        func ids(_ values: [String], _ out: inout some TextOutput) {
            JSON.array(values, level: level + 1, &out) { value, _, out in JSON.string(value, &out) }
        }
        var object = JSONContainer.open("{", level: level, &out)
        object.key("average_score", &out); beforeAfter(changes.averageScore, level: level + 1, &out)
        if let asOf = changes.baselineAsOf { object.key("baseline_as_of", &out); JSON.string(asOf, &out) }
        object.key("baseline_title", &out); JSON.string(changes.baselineTitle, &out)
        object.key("became_compliant", &out); ids(changes.becameCompliant, &out)
        object.key("compliance_rate", &out); beforeAfter(changes.complianceRate, level: level + 1, &out)
        object.key("gone_units", &out); ids(changes.goneUnits, &out)
        object.key("have_met_share", &out)
        JSON.dictionary(changes.haveMetShare, level: level + 1, &out) { value, level, out in beforeAfter(value, level: level, &out) }
        if let invalid = changes.invalidUnits { object.key("invalid_units", &out); ids(invalid, &out) }
        object.key("new_units", &out); ids(changes.newUnits, &out)
        object.key("slipped", &out); ids(changes.slipped, &out)
        object.key("units", &out)
        JSON.records(changes.units, level: level + 1, &out) { unit, out in
            var record = JSONRecord.open(&out)
            record.key("delta", &out); JSON.number(unit.delta, &out)
            record.key("grade_after", &out); JSON.string(unit.gradeAfter, &out)
            record.key("grade_before", &out); JSON.string(unit.gradeBefore, &out)
            record.key("name", &out); JSON.string(unit.name, &out)
            record.key("score_after", &out); JSON.number(unit.scoreAfter, &out)
            record.key("score_before", &out); JSON.number(unit.scoreBefore, &out)
            record.key("unit_id", &out); JSON.string(unit.unitID, &out)
            record.close(&out)
        }
        object.close("}", &out)
    }

    /// Whether every number in the document can be written as JSON.
    private static func allFinite(_ d: SummaryDocument) -> Bool {
        let f = d.figures
        var numbers = [f.averageScore, f.complianceRate] + Array(f.haveMetShare.values)
        numbers += d.standard.haves.map(\.weight)
        numbers += (d.byCategory + d.byRegion + d.byTownship).flatMap { [$0.averageScore, $0.complianceRate] }
        numbers += d.rectifications.map(\.gain)
        if let changes = d.changes {
            numbers += [changes.averageScore.before, changes.averageScore.after, changes.complianceRate.before,
                        changes.complianceRate.after].compactMap { $0 }
            numbers += changes.haveMetShare.values.flatMap { [$0.before, $0.after].compactMap { $0 } }
            numbers += changes.units.flatMap { [$0.delta, $0.scoreBefore, $0.scoreAfter] }
        }
        guard numbers.allSatisfy(\.isFinite) else { return false }
        return d.units.allSatisfy { unit in unit.score.isFinite && unit.haves.allSatisfy { $0.points.isFinite && $0.weight.isFinite } }
    }
}

/// An open JSON object or array at a nesting level, pretty-printed as Foundation's encoder does:
/// `{`, a line feed, each member indented on its own line with `,` between them, then a line feed
/// and the closing bracket at the container's own indent (`{\n\n}` when empty).
struct JSONContainer {
    let level: Int
    private var count = 0

    static func open(_ bracket: String, level: Int, _ out: inout some TextOutput) -> JSONContainer {
        out.write(bracket)
        out.write("\n")
        return JSONContainer(level: level)
    }

    private init(level: Int) {
        self.level = level
    }

    /// Starts the next member or element: the separator and the indent.
    mutating func next(_ out: inout some TextOutput) {
        if count > 0 { out.write(",\n") }
        out.write(JSON.indent(level + 1))
        count += 1
    }

    /// Starts the member `name` (a plain key that needs no escaping).
    mutating func key(_ name: String, _ out: inout some TextOutput) {
        next(&out)
        out.write("\"")
        out.write(name)
        out.write("\" : ")
    }

    func close(_ bracket: String, _ out: inout some TextOutput) {
        out.write("\n")
        out.write(JSON.indent(level))
        out.write(bracket)
    }
}

/// An open JSON object written on one line, with no spaces: `{"key":value,…}`, as each element of a
/// list of records is.
struct JSONRecord {
    private var count = 0

    static func open(_ out: inout some TextOutput) -> JSONRecord {
        out.write("{")
        return JSONRecord()
    }

    /// Starts the member `name` (a plain key that needs no escaping).
    mutating func key(_ name: String, _ out: inout some TextOutput) {
        out.write(count > 0 ? ",\"" : "\"")
        out.write(name)
        out.write("\":")
        count += 1
    }

    func close(_ out: inout some TextOutput) {
        out.write("}")
    }
}

/// JSON values as Foundation's encoder writes them, and the compact records of lists.
enum JSON {
    /// What comes between two records of a top-level list.
    static let recordSeparator = ",\n" + indent(2)

    private static let indents = (0..<12).map { String(repeating: "  ", count: $0) }

    static func indent(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: "  ", count: level)
    }

    static func integer(_ value: Int, _ out: inout some TextOutput) {
        out.write(String(value))
    }

    static func bool(_ value: Bool, _ out: inout some TextOutput) {
        out.write(value ? "true" : "false")
    }

    /// A number, or `null` for none.
    static func number(_ value: Double?, _ out: inout some TextOutput) {
        if let value { number(value, &out) } else { out.write("null") }
    }

    /// A finite number: Swift's shortest description, without a trailing `.0`.
    static func number(_ value: Double, _ out: inout some TextOutput) {
        // Points, scores and weights are whole or tenths. Such a number is the double nearest its
        // tenths written as a decimal, so those digits are its shortest description: written as
        // digits, without making a string (every unit's record has a dozen). Far below where
        // descriptions turn to exponents, and not -0, which would lose its sign.
        if value.magnitude < 1e14, !(value == 0 && value.sign == .minus) {
            let tenths = (value * 10).rounded()
            if tenths / 10 == value {
                out.write(tenths: Int(tenths))
                return
            }
        }
        described(value, &out)
    }

    /// `number` as Swift's description spells it, for any finite number.
    static func described(_ value: Double, _ out: inout some TextOutput) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.write(text)
    }

    /// A string literal: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`,
    /// U+0085, U+2028 and U+2029 as `\u` escapes (valid JSON as they are, but line breaks to text
    /// tools, which would split a record's line), everything else (slashes, non-ASCII) as it is.
    static func string(_ value: String, _ out: inout some TextOutput) {
        value.withBytes { string(utf8: $0, &out) }
    }

    /// A string given as its UTF-8 bytes, escaped as `string(_:_:)` escapes it.
    static func string(utf8: UnsafeBufferPointer<UInt8>, _ out: inout some TextOutput) {
        out.write("\"")
        // A quick look for the bytes that can start an escape first, eight at a time: most
        // strings have none.
        let clean = ByteWords.cleanPrefix(utf8) { word in
            !(ByteWords.hasByte(below: 0x20, in: word) || ByteWords.hasByte(0x22, in: word) || ByteWords.hasByte(0x5C, in: word)
              || ByteWords.hasByte(0xC2, in: word) || ByteWords.hasByte(0xE2, in: word))
        }
        if utf8[clean...].contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xC2 || $0 == 0xE2 }),
           utf8.indices[clean...].contains(where: { needsEscape(utf8, at: $0) }) {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(utf8.count + 8)
            let hex = Array("0123456789abcdef".utf8)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                index += 1
                switch byte {
                case 0x22: escaped.append(escaping: 0x22)
                case 0x5C: escaped.append(escaping: 0x5C)
                case 0x08: escaped.append(ascii: "\\b")
                case 0x0C: escaped.append(ascii: "\\f")
                case 0x0A: escaped.append(ascii: "\\n")
                case 0x0D: escaped.append(ascii: "\\r")
                case 0x09: escaped.append(ascii: "\\t")
                case 0..<0x20:
                    escaped.append(ascii: "\\u00")
                    escaped.append(hex[Int(byte >> 4)])
                    escaped.append(hex[Int(byte & 0x0F)])
                case 0xC2 where needsEscape(utf8, at: index - 1):
                    escaped.append(ascii: "\\u0085")
                    index += 1
                case 0xE2 where needsEscape(utf8, at: index - 1):
                    escaped.append(ascii: utf8[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 2
                default: escaped.append(byte)
                }
            }
            out.write(bytes: escaped)
        } else {
            out.write(bytes: UnsafeRawBufferPointer(utf8))
        }
        out.write("\"")
    }

    /// Whether the character starting at `index` is escaped: `"`, `\`, a control character, or a
    /// line break JSON allows as written but text tools split lines at (U+0085, U+2028, U+2029),
    /// which would break a record's one line.
    private static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = utf8[index]
        switch byte {
        case 0..<0x20, 0x22, 0x5C: return true
        case 0xC2: return index + 1 < utf8.count && utf8[index + 1] == 0x85
        case 0xE2: return index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
        default: return false
        }
    }

    /// Text in both languages, inside a record: `{"en":…,"zh":…}`.
    static func localized(_ value: Localized, _ out: inout some TextOutput) {
        value.en.withBytes { en in value.zh.withBytes { zh in localized(en: en, zh: zh, &out) } }
    }

    /// A `Localized` given as the UTF-8 bytes of its two texts.
    static func localized(en: UnsafeBufferPointer<UInt8>, zh: UnsafeBufferPointer<UInt8>, _ out: inout some TextOutput) {
        out.write("{\"en\":")
        string(utf8: en, &out)
        out.write(",\"zh\":")
        string(utf8: zh, &out)
        out.write("}")
    }

    /// A list inside a record: `[a,b]`.
    static func list<Element, Output: TextOutput>(_ values: [Element], _ out: inout Output, _ element: (Element, inout Output) -> Void) {
        out.write("[")
        for (index, value) in values.enumerated() {
            if index > 0 { out.write(",") }
            element(value, &out)
        }
        out.write("]")
    }

    /// A pretty-printed list at `level` whose elements are records, one a line.
    static func records<Element, Output: TextOutput>(_ values: [Element], level: Int, _ out: inout Output,
                                                     _ record: (Element, inout Output) -> Void) {
        array(values, level: level, &out) { value, _, out in record(value, &out) }
    }

    /// A pretty-printed object at `level` whose members `members` writes.
    static func object<Output: TextOutput>(level: Int, _ out: inout Output, _ members: (inout JSONContainer, inout Output) -> Void) {
        var object = JSONContainer.open("{", level: level, &out)
        members(&object, &out)
        object.close("}", &out)
    }

    static func localized(_ value: Localized, level: Int, _ out: inout some TextOutput) {
        var object = JSONContainer.open("{", level: level, &out)
        object.key("en", &out); string(value.en, &out)
        object.key("zh", &out); string(value.zh, &out)
        object.close("}", &out)
    }

    static func array<Element, Output: TextOutput>(_ values: [Element], level: Int, _ out: inout Output,
                                                   _ element: (Element, Int, inout Output) -> Void) {
        var array = JSONContainer.open("[", level: level, &out)
        for value in values {
            array.next(&out)
            element(value, level + 1, &out)
        }
        array.close("]", &out)
    }

    /// An object from a dictionary, its keys sorted by their UTF-8 bytes.
    static func dictionary<Value, Output: TextOutput>(_ values: [String: Value], level: Int, _ out: inout Output,
                                                      _ element: (Value, Int, inout Output) -> Void) {
        var object = JSONContainer.open("{", level: level, &out)
        for key in values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            object.next(&out)
            string(key, &out)
            out.write(" : ")
            element(values[key]!, level + 1, &out)
        }
        object.close("}", &out)
    }
}
