import ArgumentParser
import AuditKit

/// `--standard FILE`, shared by every command that validates or scores.
struct StandardOption: ParsableArguments {
    @Option(name: .customLong("standard"), help: "A tailored standard file (YAML); the built-in default otherwise.")
    var path: String?

    /// The standard in force; a broken standard file is reported and ends the command with exit 2.
    func load(language: Language) throws -> Standard {
        guard let path else { return Standard.builtIn }
        let result = StandardLoader.load(path: path)
        guard let standard = result.standard else {
            let text = TextDiagnosticsRendering.lines(result.diagnostics, language: language)
            // A file that could not be read says so on its own; one that was read but is wrong is
            // summed up as invalid.
            if result.diagnostics.contains(where: { $0.code == .unreadable }) {
                Terminal.err(text)
            } else {
                Terminal.err(text + "\n" + (language == .zh ? "audit：标准文件 \(path) 无效" : "audit: the standard file \(path) is not valid"))
            }
            throw ExitCode(Exit.io)
        }
        return standard
    }
}
