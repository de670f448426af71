/// `path:line:col: severity[CODE]: message`, an indented hint, and a closing count line. Each
/// diagnostic stays on its own two lines: control characters in paths, messages and hints (a
/// quoted value may hold a line break) are shown as escapes.
struct TextDiagnosticsRenderer {
    let context: ValidationRenderContext

    func write(_ run: ValidationRun, to out: inout some TextOutput) {
        let hintLabel = context.language == .zh ? "提示：" : "hint: "
        for diagnostic in run.diagnostics {
            out.line(line(for: diagnostic))
            out.line("    " + paint(hintLabel, "2") + Escaping.singleLine(diagnostic.hint.text(context.language)))
        }
        if !context.quiet {
            out.line(summary(run))
        }
    }

    private func line(for diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.label(context.language)
        let colour = diagnostic.severity == .error ? "1;31" : "1;33"
        let location = "\(Escaping.singleLine(diagnostic.file)):\(diagnostic.line):\(diagnostic.column):"
        return "\(paint(location, "1")) \(paint("\(severity)[\(diagnostic.code.rawValue)]", colour)): "
            + Escaping.singleLine(diagnostic.message.text(context.language))
    }

    private func summary(_ run: ValidationRun) -> String {
        let files = run.reports.count
        let invalid = run.invalidReports.count
        let standard = context.subject == .standard
        switch context.language {
        case .zh:
            return "检查了 \(files) 个\(standard ? "标准文件" : "清单")：\(invalid) 个无效，\(run.errorCount) 个错误，\(run.warningCount) 个警告"
        case .en:
            return "\(English.count(files, standard ? "standard file" : "checklist")) checked: \(invalid) invalid, "
                + "\(English.count(run.errorCount, "error")), \(English.count(run.warningCount, "warning"))"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        context.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Diagnostics as plain text lines, for standard error.
public enum TextDiagnosticsRendering {
    /// `path:line:col: severity[CODE]: message` and the hint, for each diagnostic.
    public static func lines(_ diagnostics: [Diagnostic], language: Language) -> String {
        let run = ValidationRun(reports: [FileReport(input: InputFile(path: "", treeRoot: "."), checklist: nil,
                                                     diagnostics: diagnostics, sha256: "", isUnreadable: false)])
        var out = StringOutput()
        TextDiagnosticsRenderer(context: ValidationRenderContext(language: language, quiet: true)).write(run, to: &out)
        // Quiet: no count line, so only the final line break goes.
        let text = out.text
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
