/// JUnit XML as CI systems read it: one test case per checklist file, failing when the file has an
/// error (or, under `--strict`, a warning); the problems are the failure's text.
struct JUnitRenderer {
    let context: ValidationRenderContext

    func write(_ run: ValidationRun, to out: inout some TextOutput) {
        // A file that could not be read (FH100) was not checked: an error of the run, not a failed
        // check, as CI reporters tell the two apart.
        let errors = run.reports.filter(\.isUnreadable).count
        let failing = run.reports.filter { report in !report.isUnreadable && report.diagnostics.contains(where: context.fails) }.count
        // The command whose results these are, as CI lists the suite.
        let name = context.subject == .standard ? "audit standard check" : "audit validate"
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"\(name)\" tests=\"\(run.reports.count)\" failures=\"\(failing)\" errors=\"\(errors)\">\n")
        out.write("  <testsuite name=\"\(name)\" tests=\"\(run.reports.count)\" failures=\"\(failing)\" errors=\"\(errors)\" skipped=\"0\">\n")
        for report in run.reports {
            let path = Escaping.xml(report.path, attribute: true)
            let failures = report.diagnostics.filter(context.fails)
            let others = report.diagnostics.filter { !context.fails($0) }
            let classname = Escaping.xml(Self.folder(of: report.path), attribute: true)
            out.write("    <testcase classname=\"\(classname)\" name=\"\(path)\" file=\"\(path)\"")
            if failures.isEmpty && others.isEmpty {
                out.write("/>\n")
                continue
            }
            out.write(">\n")
            if let first = failures.first {
                let summary = Self.count(failures, context.language)
                let element = report.isUnreadable ? "error" : "failure"
                out.write("      <\(element) message=\"\(Escaping.xml(summary + ": " + first.message.text(context.language), attribute: true))\" type=\"\(first.code.rawValue)\">")
                out.write(Escaping.xml(failures.map(describe).joined(separator: "\n")) + "</\(element)>\n")
            }
            if !others.isEmpty {
                out.write("      <system-out>" + Escaping.xml(others.map(describe).joined(separator: "\n")) + "</system-out>\n")
            }
            out.write("    </testcase>\n")
        }
        out.write("  </testsuite>\n</testsuites>\n")
    }

    private func describe(_ diagnostic: Diagnostic) -> String {
        let hintLabel = context.language == .zh ? "提示：" : "hint: "
        return "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.label(context.language))"
            + "[\(diagnostic.code.rawValue)]: \(diagnostic.message.text(context.language)) (\(hintLabel)\(diagnostic.hint.text(context.language)))"
    }

    /// What the failure holds, by severity: `15 errors`, or under `--strict` `15 errors, 7 warnings`.
    static func count(_ failures: [Diagnostic], _ language: Language) -> String {
        let errors = failures.filter { $0.severity == .error }.count
        let warnings = failures.count - errors
        var parts: [String] = []
        if language == .zh {
            if errors > 0 { parts.append("\(errors) 个错误") }
            if warnings > 0 { parts.append("\(warnings) 个警告") }
            return parts.joined(separator: "、")
        }
        if errors > 0 { parts.append(English.count(errors, "error")) }
        if warnings > 0 { parts.append(English.count(warnings, "warning")) }
        return parts.joined(separator: ", ")
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
