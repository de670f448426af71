import ArgumentParser
import AuditKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the checklist format, for editors.",
        discussion: "With --standard, the equipment and rules catalogues are the tailored standard's, so editors know its items.")

    @OptionGroup var standardOption: StandardOption

    func run() throws {
        let standard = try standardOption.load(language: Terminal.language(nil))
        Terminal.out(ChecklistSchema.render(catalogues: standard.catalogues))
    }
}
