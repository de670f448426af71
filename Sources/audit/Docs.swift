import ArgumentParser
import AuditKit

/// `audit docs`: writes the generated reference documents. Hidden from help: it is for keeping
/// `docs/` in step with the code, which CI checks.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the generated reference docs (format.md, diagnostics.md, rules.md) into a folder.",
        shouldDisplay: false)

    @Option(help: "The folder to write into; created when missing.")
    var output: String = "docs"

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a folder") }
    }

    func run() throws {
        let documents = [
            ("format.md", FormatReference.render(catalogues: .builtIn)),
            ("diagnostics.md", DiagnosticsReference.render()),
            ("rules.md", RulesReference.render()),
        ]
        for (name, text) in documents {
            let path = output.hasSuffix("/") ? output + name : "\(output)/\(name)"
            do {
                try FileOutput.replace(path, with: Array(text.utf8))
            } catch {
                Terminal.err("audit: \(error)")
                throw ExitCode(Exit.io)
            }
            Terminal.err("wrote \(path)")
        }
    }
}
