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
        Exit codes: 0 clean, 1 findings, 2 the tool could not do its job (a usage error, an unreadable path, a bad standard).
        """,
        version: ToolInfo.version,
        subcommands: [Run.self, Validate.self, Score.self, StandardCommand.self, RollupCommand.self, Schema.self, New.self, Docs.self]
    )

    /// `audit` alone names no command: a usage error, so the help goes to standard error and the
    /// exit code is 2, rather than ArgumentParser's help on standard output and 0.
    func run() throws {
        try Self.missingSubcommand(Self.self)
    }

    /// Ends a command group run without one of its subcommands as a usage error.
    static func missingSubcommand(_ command: any ParsableCommand.Type) throws {
        Terminal.err("Error: Missing subcommand.\n" + Audit.helpMessage(for: command))
        throw ExitCode(Exit.io)
    }

    /// Runs the command, as ArgumentParser does, except that a usage error exits with 2 like every
    /// other reason the tool could not do its job, not with ArgumentParser's own 64: a CI step or
    /// script then tells findings (1) from "the check did not run" (2) without a third code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.err(fullMessage(for: error))
                exit(withError: ExitCode(Exit.io))
            }
            // Help, --version and completion scripts go to standard output as every result does,
            // so that one that cannot be written is an error (exit 2), not a silent 0.
            if exitCode(for: error) == .success {
                let text = fullMessage(for: error)
                if !text.isEmpty { Terminal.out(text + "\n") }
                Terminal.exitNow(0)
            }
            exit(withError: error)
        }
    }
}

extension ValidationOutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
