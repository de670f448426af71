/// The commented, bilingual template `audit new` writes, generated from `ChecklistFormat`.
/// Required values are left empty, so an unfilled template fails with "not filled in" at each
/// line; optional keys are commented out with an example.
public enum ChecklistTemplate {
    /// The schema path to put in the first line of a checklist written at `destination`, assuming
    /// the command runs at the repository root where `schema/` lives.
    /// An absolute destination, or one that climbs with `..`, gets `repositoryRoot`'s absolute path
    /// to the schema when it is known.
    public static func schemaReference(from destination: String, repositoryRoot: String? = nil) -> String {
        let folders = destination.split(separator: "/").dropLast()
        // An absolute destination inside the repository is linked to the schema relatively, so
        // the template still finds it once committed and cloned elsewhere.
        if destination.hasPrefix("/"), let root = repositoryRoot {
            let base = root.hasSuffix("/") ? root : root + "/"
            if destination.hasPrefix(base) { return schemaReference(from: String(destination.dropFirst(base.count)), repositoryRoot: root) }
        }
        if destination.hasPrefix("/") || folders.contains("..") {
            guard let root = repositoryRoot else { return ChecklistSchema.committedPath }
            return (root.hasSuffix("/") ? root : root + "/") + ChecklistSchema.committedPath
        }
        let depth = folders.filter { $0 != "." }.count
        return String(repeating: "../", count: depth) + ChecklistSchema.committedPath
    }

    /// The template for one unit.
    public static func render(unitID: String, name: String?, category: String?, schemaPath: String,
                              catalogues: Catalogues = .builtIn) -> String {
        var lines = [
            "# yaml-language-server: $schema=\(schemaPath)",
            "# 五有检查清单 / Five-haves checklist: \(unitID)",
            "# 填写：冒号后为空的项必须填写；以 # 开头的可选项适用时去掉 # 并改写示例值。",
            "# Fill in: every empty value after a colon is required; optional keys are commented out —",
            "# remove the # and change the example when they apply. Check with: audit validate",
            "",
        ]
        let prefilled = ["unit.id": unitID, "unit.name": name.map(quoted), "unit.category": category]
        var writer = Writer(catalogues: catalogues, prefilled: prefilled.compactMapValues { $0 })
        writer.fields(ChecklistFormat.root, indent: "", path: "")
        lines += writer.lines
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a double-quoted YAML scalar, so a name with `: `, `#`, quotes or brackets stays a name.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private struct Writer {
        let catalogues: Catalogues
        let prefilled: [String: String]
        var lines: [String] = []

        mutating func fields(_ fields: [Field], indent: String, path: String, firstPrefix: String? = nil) {
            for (index, field) in fields.enumerated() {
                let lead = index == 0 && firstPrefix != nil ? firstPrefix! : indent
                let childPath = path.isEmpty ? field.key : "\(path).\(field.key)"
                if needsValue(field) {
                    required(field, lead: lead, indent: indent, path: childPath)
                } else {
                    optional(field, lead: lead, indent: indent)
                }
            }
        }

        private func needsValue(_ field: Field) -> Bool {
            switch field.presence {
            case .required, .requiredUnless: return true
            case .optional, .requiredWhen: return false
            }
        }

        private mutating func required(_ field: Field, lead: String, indent: String, path: String) {
            switch field.type {
            case .object(let children):
                lines.append(comment("\(lead)\(field.key):", field))
                fields(children, indent: indent + "  ", path: path)
            case .list(.object(let children)):
                lines.append(comment("\(lead)\(field.key):", field, adding: .init(zh: "；没有时写 []", en: "; write [] when there are none")))
                fields(children, indent: indent + "    ", path: path, firstPrefix: indent + "  - ")
            default:
                let value = prefilled[path] ?? (field.type.isConstant ? field.example ?? "" : "")
                let head = value.isEmpty ? "\(lead)\(field.key):" : "\(lead)\(field.key): \(value)"
                if let choices = choiceList(field.type) { lines.append("\(indent)# \(choices)") }
                lines.append(comment(head, field))
            }
        }

        private mutating func optional(_ field: Field, lead: String, indent: String) {
            switch field.type {
            case .list(.object(let children)):
                lines.append(comment("\(lead)# \(field.key):", field))
                for (index, child) in children.enumerated() {
                    let prefix = index == 0 ? "\(indent)#   - " : "\(indent)#     "
                    lines.append(comment("\(prefix)\(child.key): \(child.example ?? "")", child))
                }
            default:
                if let choices = choiceList(field.type) { lines.append("\(indent)# \(choices)") }
                // What leaving the key out means, when it means a value (party_branch: false).
                let fallback = field.defaultValue.map { Localized(zh: "；不填按 \($0) 计", en: "; \($0) when left out") }
                lines.append(comment("\(lead)# \(field.key): \(field.example ?? "")", field, adding: fallback ?? .init(zh: "", en: "")))
            }
        }

        private func choiceList(_ type: ValueType) -> String? {
            switch type {
            case .choice(let choices): return "取值之一 one of: " + choices.map(\.id).joined(separator: " | ")
            case .catalogue(let kind): return "取值之一 one of: " + catalogues.entries(kind).map(\.id).joined(separator: " | ")
            case .list(.choice(let choices)): return "取值任选 any of: " + choices.map(\.id).joined(separator: " | ")
            default: return nil
            }
        }

        /// `head` and the field's description as a comment, each language with its own `adding`.
        private func comment(_ head: String, _ field: Field, adding: Localized = .init(zh: "", en: "")) -> String {
            let width = head.displayWidth < 34 ? 34 : head.displayWidth + 1
            var text = head.padding(to: width) + "# " + Localized(zh: field.doc.zh + adding.zh, en: field.doc.en + adding.en).bilingual
            if needsValue(field), let example = field.example, !field.type.isConstant, !field.type.isContainer {
                text += "（例 e.g. \(example)）"
            }
            return text
        }
    }
}

extension ValueType {
    var isConstant: Bool { if case .constant = self { return true }; return false }
    var isContainer: Bool {
        switch self {
        case .object, .list: return true
        default: return false
        }
    }
}

extension String {
    /// The columns the string takes in a terminal or editor: East Asian wide characters take two.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1.value <= 0xFFEF ? 2 : 1) }
    }

    /// The string padded with spaces to `width` display columns.
    func padding(to width: Int) -> String {
        displayWidth >= width ? self : self + String(repeating: " ", count: width - displayWidth)
    }
}
