import ArgumentParser
import Foundation
import AuditKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented, bilingual checklist template for one unit.")

    @Argument(help: "The unit id, e.g. county-education-bureau.")
    var unitID: String

    @Option(help: "The unit's full name.")
    var name: String?

    @Option(help: "The unit's category: department, township, institution, enterprise, community or other.")
    var category: String?

    @Option(help: "Where to write the template (default: checklists/UNIT-ID.yaml). '-' writes to standard output.")
    var output: String?

    /// With a tailored standard, the template lists its catalogues' items.
    @OptionGroup var standardOption: StandardOption

    @Option(help: "Language of messages: zh or en (default from LC_ALL/LANG). The template itself is in both.")
    var lang: Language?

    func validate() throws {
        let zh = Terminal.language(lang) == .zh
        guard StringPattern.identifier.matches(unitID) else {
            let pattern = StringPattern.identifier.regex ?? ""
            throw ValidationError(zh ? "单位编号“\(unitID)”须符合 \(pattern)：只用小写字母、数字和“-”，以字母或数字开头，最长 63 个字符"
                                     : "unit id '\(unitID)' must match \(pattern): lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters")
        }
        if let name, !ChecklistFormat.shownText.matches(name), case .length(let limit) = ChecklistFormat.shownText {
            let length = name.unicodeScalars.count
            throw ValidationError(zh ? "名称长 \(length) 个字符，超过清单允许的 \(limit) 个"
                                     : "the name is \(length) characters long, over the \(limit) a checklist allows")
        }
        if let category, !ChecklistFormat.categories.contains(where: { $0.id == category }) {
            let allowed = ChecklistFormat.categories.map { zh ? "\($0.id)（\($0.label.zh)）" : $0.id }.joined(separator: zh ? "、" : ", ")
            let meant = Choice.named(category, among: ChecklistFormat.categories)
            throw ValidationError(zh ? "类别“\(category)”不在可选之列" + (meant.map { "，是不是 \($0.id)？" } ?? "。") + "可选：\(allowed)"
                                     : "category '\(category)' is not one of: \(allowed)" + (meant.map { "; did you mean \($0.id)?" } ?? ""))
        }
    }

    func run() throws {
        let destination = output ?? "checklists/\(unitID).yaml"
        let cwd = FileManager.default.currentDirectoryPath
        let root = FileManager.default.fileExists(atPath: cwd + "/" + ChecklistSchema.committedPath) ? cwd : nil
        let schemaPath = ChecklistTemplate.schemaReference(from: destination, repositoryRoot: root)
        let language = Terminal.language(lang)
        let standard = try standardOption.load(language: language)
        let text = ChecklistTemplate.render(unitID: unitID, name: name, category: category, schemaPath: schemaPath,
                                            catalogues: standard.catalogues)
        if destination == "-" {
            Terminal.out(text)
            return
        }
        do {
            try FileOutput.createNew(destination, contents: text)
        } catch {
            Terminal.err("audit: " + error.text(language))
            throw ExitCode(Exit.io)
        }
        Terminal.err(language, zh: "已写入 \(destination)", en: "wrote \(destination)")
    }
}
