/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
/// Actions runner turns into annotations on the pull request.
struct GitHubDiagnosticsRenderer {
    let context: ValidationRenderContext

    func write(_ run: ValidationRun, to out: inout some TextOutput) {
        for diagnostic in run.diagnostics {
            let level = context.fails(diagnostic) ? "error" : "warning"
            let title = "\(diagnostic.code.rawValue) \(diagnostic.code.title.text(context.language))"
            let hintLabel = context.language == .zh ? "提示：" : "Hint: "
            let message = diagnostic.message.text(context.language) + "\n" + hintLabel + diagnostic.hint.text(context.language)
            out.write("::\(level) file=\(Escaping.githubCommand(diagnostic.file, property: true)),"
                + "line=\(diagnostic.line),col=\(diagnostic.column),"
                + "title=\(Escaping.githubCommand(title, property: true))::\(Escaping.githubCommand(message))\n")
        }
    }
}
