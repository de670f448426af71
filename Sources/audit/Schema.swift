import ArgumentParser
import AuditKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the checklist format, for editors.")

    func run() throws {
        Terminal.out(ChecklistSchema.render(catalogues: .builtIn))
    }
}
