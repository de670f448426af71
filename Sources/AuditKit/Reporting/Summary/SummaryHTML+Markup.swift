/// The markup helpers of `summary.html`. Element and attribute names are the code's own constants;
/// every text and every attribute value goes through `Escaping.html`. Every element is closed and
/// every attribute quoted, so the page also reads as XML.
extension SummaryHTML {
    typealias Attributes = KeyValuePairs<String, String>

    /// The SVG namespace, the only address the page names.
    static let svgNamespace = "http://www.w3.org/2000/svg"

    /// `<name …>inner</name>`, where `inner` is markup already built (and escaped).
    func tag(_ name: String, _ attributes: Attributes = [:], _ inner: String = "") -> String {
        Self.tag(name, attributes, inner)
    }

    /// `<name …>inner</name>`, with attributes from a list built at run time.
    func tag(_ name: String, pairs: [(String, String)], _ inner: String) -> String {
        Self.tag(name, pairs: pairs, inner)
    }

    /// `<name …>text</name>`, with attributes from a list built at run time and the text escaped.
    func tag(_ name: String, pairs: [(String, String)], text: String) -> String {
        Self.tag(name, pairs: pairs, Escaping.html(text))
    }

    /// `<name …>text</name>`, with the text escaped.
    func tag(_ name: String, _ attributes: Attributes = [:], text: String) -> String {
        Self.tag(name, attributes, text: text)
    }

    /// `<name …/>`: only for void HTML elements (`meta`) and SVG shapes; an HTML parser would read
    /// any other `<name/>` as an open tag.
    func empty(_ name: String, _ attributes: Attributes = [:]) -> String {
        var result = "<" + name
        result.reserveCapacity(name.utf8.count + 24 * attributes.count + 3)
        for (key, value) in attributes { Self.appendAttribute(key, value, to: &result) }
        result += "/>"
        return result
    }

    /// ` a="v" b="w"`, every value escaped.
    func attributeText(_ attributes: [(String, String)]) -> String { Self.attributeText(attributes) }

    /// Text escaped for element content.
    func text(_ value: String) -> String { Escaping.html(value) }

    // The same helpers without a document, for the rows `audit run` renders in its parallel stage.

    static func tag(_ name: String, _ attributes: Attributes = [:], _ inner: String = "") -> String {
        element(name, attributeCount: attributes.count, inner) { result in
            for (key, value) in attributes { appendAttribute(key, value, to: &result) }
        }
    }

    static func tag(_ name: String, pairs: [(String, String)], _ inner: String) -> String {
        element(name, attributeCount: pairs.count, inner) { result in
            for (key, value) in pairs { appendAttribute(key, value, to: &result) }
        }
    }

    /// `<name attributes>inner</name>`, with `attributes` appending the escaped attributes.
    private static func element(_ name: String, attributeCount: Int, _ inner: String,
                                attributes: (inout String) -> Void) -> String {
        var result = "<" + name
        result.reserveCapacity(2 * name.utf8.count + inner.utf8.count + 24 * attributeCount + 5)
        attributes(&result)
        result += ">"
        result += inner
        result += "</"
        result += name
        result += ">"
        return result
    }

    /// Appends ` key="value"`, the value escaped.
    static func appendAttribute(_ key: String, _ value: String, to result: inout String) {
        result += " "
        result += key
        result += "=\""
        result += Escaping.html(value)
        result += "\""
    }

    static func tag(_ name: String, _ attributes: Attributes = [:], text: String) -> String {
        tag(name, attributes, Escaping.html(text))
    }

    static func attributeText(_ attributes: [(String, String)]) -> String {
        var result = ""
        for (key, value) in attributes { appendAttribute(key, value, to: &result) }
        return result
    }

    static func row(_ cells: [String]) -> String { tag("tr", [:], cells.joined()) }

    static func cell(_ value: String, _ className: String = "") -> String {
        className.isEmpty ? tag("td", [:], text: value) : tag("td", ["class": className], text: value)
    }

    /// A coordinate or length with exactly one decimal, so reruns are byte-identical.
    func fixed(_ value: Double) -> String {
        var out = StringOutput()
        out.write(oneDecimal: value)
        return out.text
    }

    /// A section with a heading the section is labelled by.
    func section(_ id: String, _ heading: String, _ body: [String]) -> String {
        var out = StringOutput()
        writeSection(id, heading, to: &out) { out in
            for part in body { out.line(""); out.write(part) }
        }
        return out.text
    }

    /// A section as `section` makes it, written as it goes: `body` writes each part after a line feed.
    func writeSection<Output: TextOutput>(_ id: String, _ heading: String, to out: inout Output,
                                          body: (inout Output) -> Void) {
        out.write("<section" + attributeText([("id", id), ("aria-labelledby", "\(id)-h")]) + ">\n")
        out.write(tag("h2", ["id": "\(id)-h"], text: heading))
        body(&out)
        out.write("\n</section>")
    }

    /// A table labelled by a heading id, with a repeated header row and body rows of cells.
    func table(labelledBy id: String, className: String = "data", head: [(String, String)], rows: [String]) -> String {
        var out = StringOutput()
        writeTable(labelledBy: id, className: className, head: head, to: &out) { out in
            for (index, row) in rows.enumerated() {
                if index > 0 { out.write("\n") }
                out.write(row)
            }
        }
        return out.text
    }

    /// A table as `table` makes it, written as it goes: `rows` writes the body rows, a line feed
    /// between two rows.
    func writeTable<Output: TextOutput>(labelledBy id: String, className: String = "data", head: [(String, String)],
                                        to out: inout Output, rows: (inout Output) -> Void) {
        let headCells = head.map { tag("th", ["scope": "col", "class": $0.1], text: $0.0) }.joined()
        out.write("<table" + attributeText([("class", className), ("aria-labelledby", id)]) + ">\n")
        out.write(tag("thead", [:], tag("tr", [:], headCells)) + "\n<tbody>\n")
        rows(&out)
        out.write("\n</tbody>\n</table>")
    }

    /// A body row from cells already built.
    func row(_ cells: [String]) -> String { Self.row(cells) }

    /// A cell with escaped text.
    func cell(_ value: String, _ className: String = "") -> String { Self.cell(value, className) }

    /// A pill showing a have's status in words, tinted by it.
    func statusPill(_ raw: String, _ w: SummaryWords) -> String {
        tag("span", ["class": "pill \(HaveStatus(rawValue: raw)?.rawValue ?? "unknown")"], text: w.status(raw))
    }

    /// A pill showing a grade in words, tinted by it.
    func gradePill(_ raw: String, _ w: SummaryWords) -> String {
        tag("span", ["class": "pill \(Grade(rawValue: raw)?.rawValue ?? "unknown")"], text: w.grade(raw))
    }

    /// A line of text on one line: line breaks and tabs become spaces.
    static func oneLine(_ value: String) -> String {
        // A line break or tab needs one of these bytes (U+0085 and U+2028/9 start with C2 and E2).
        guard value.containsByte(where: { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else { return value }
        return String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The estimated width of `value` in a font of `size`: wide (CJK) characters take 1 em, others 0.6.
    static func textWidth(_ value: String, size: Double) -> Double {
        value.unicodeScalars.reduce(0.0) { sum, scalar in sum + (scalar.value >= 0x2E80 ? 1.0 : 0.6) } * size
    }

    /// `value` on one line, cut with an ellipsis to fit `width` in a font of `size`.
    static func clipped(_ value: String, size: Double, width: Double) -> String {
        let line = oneLine(value)
        guard textWidth(line, size: size) > width else { return line }
        // Widths are summed scalar by scalar from the left, as `textWidth` sums them, so the
        // running sum gives the same numbers as measuring each longer prefix again.
        var result = ""
        var sum = 0.0
        for character in line {
            var candidate = sum
            for scalar in character.unicodeScalars { candidate += scalar.value >= 0x2E80 ? 1.0 : 0.6 }
            if (candidate + 0.6) * size > width { break }   // with the ellipsis, 0.6 em
            result.append(character)
            sum = candidate
        }
        return result + "…"
    }
}
