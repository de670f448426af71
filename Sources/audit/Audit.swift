import ArgumentParser
import AuditKit

/// The `audit` command: a thin layer that parses arguments, calls AuditKit and picks the exit code.
@main
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit units against the five-haves (五有) standard for retired cadres' facilities.",
        discussion: """
        Inspectors fill one YAML checklist per unit under checklists/ (`audit new` writes a commented \
        template; `audit schema` prints the JSON Schema for editors). `audit validate` checks them, \
        `audit score` scores them and `audit run` writes the county summary under reports/.
        Exit codes: 0 clean, 1 findings, 2 the tool could not do its job (unreadable path, bad standard), 64 usage.
        """,
        version: ToolInfo.version,
        subcommands: [Run.self, Validate.self, Score.self, StandardCommand.self, RollupCommand.self, Schema.self, New.self, Docs.self]
    )
}

extension ValidationOutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
