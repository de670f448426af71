/// JUnit XML as CI systems read it: one test case per checklist file, failing when the file has an
/// error (or, under `--strict`, a warning); the problems are the failure's text.
struct JUnitRenderer {
    let context: ValidationRenderContext

    func render(_ run: ValidationRun) -> String {
        // A file that could not be read (FH100) was not checked: an error of the run, not a failed
        // check, as CI reporters tell the two apart.
        let errors = run.reports.filter(\.isUnreadable).count
        let failing = run.reports.filter { report in !report.isUnreadable && report.diagnostics.contains(where: context.fails) }.count
        let name = "audit validate"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(name)\" tests=\"\(run.reports.count)\" failures=\"\(failing)\" errors=\"\(errors)\">\n"
        xml += "  <testsuite name=\"\(name)\" tests=\"\(run.reports.count)\" failures=\"\(failing)\" errors=\"\(errors)\" skipped=\"0\">\n"
        for report in run.reports {
            let path = Escaping.xml(report.path, attribute: true)
            let failures = report.diagnostics.filter(context.fails)
            let others = report.diagnostics.filter { !context.fails($0) }
            let classname = Escaping.xml(Self.folder(of: report.path), attribute: true)
            xml += "    <testcase classname=\"\(classname)\" name=\"\(path)\" file=\"\(path)\""
            if failures.isEmpty && others.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            if let first = failures.first {
                let summary = context.language == .zh ? "\(failures.count) 个问题" : "\(failures.count) problem\(failures.count == 1 ? "" : "s")"
                let element = report.isUnreadable ? "error" : "failure"
                xml += "      <\(element) message=\"\(Escaping.xml(summary + ": " + first.message.text(context.language), attribute: true))\" type=\"\(first.code.rawValue)\">"
                xml += Escaping.xml(failures.map(describe).joined(separator: "\n")) + "</\(element)>\n"
            }
            if !others.isEmpty {
                xml += "      <system-out>" + Escaping.xml(others.map(describe).joined(separator: "\n")) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private func describe(_ diagnostic: Diagnostic) -> String {
        let hintLabel = context.language == .zh ? "提示：" : "hint: "
        return "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.label(context.language))"
            + "[\(diagnostic.code.rawValue)]: \(diagnostic.message.text(context.language)) (\(hintLabel)\(diagnostic.hint.text(context.language)))"
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
