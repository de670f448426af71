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
        guard StringPattern.identifier.matches(unitID) else {
            throw ValidationError("unit id '\(unitID)' must match \(StringPattern.identifier.regex ?? "")")
        }
        if let name, !ChecklistFormat.shownText.matches(name), case .length(let limit) = ChecklistFormat.shownText {
            throw ValidationError("the name is \(name.unicodeScalars.count) characters long, over the \(limit) a checklist allows")
        }
        if let category, !ChecklistFormat.categories.contains(where: { $0.id == category }) {
            let allowed = ChecklistFormat.categories.map(\.id).joined(separator: ", ")
            throw ValidationError("category '\(category)' is not one of: \(allowed)")
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
