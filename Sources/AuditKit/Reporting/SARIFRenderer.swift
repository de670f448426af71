import Foundation

/// SARIF 2.1.0, as code-scanning services read it: every diagnostic code is a rule with its help
/// text, and every diagnostic a result located by file, line, column and key path.
struct SARIFRenderer {
    let context: ValidationRenderContext

    /// The log, pretty-printed as Foundation's encoder prints it, keys sorted, written result by
    /// result rather than built whole first.
    func write(_ run: ValidationRun, to out: inout some TextOutput) {
        let language = context.language
        let directory = FileManager.default.currentDirectoryPath
        let codes = DiagnosticCode.allCases
        var log = JSONContainer.open("{", level: 0, &out)
        log.key("$schema", &out); JSON.string("https://json.schemastore.org/sarif-2.1.0.json", &out)
        log.key("runs", &out)
        var runs = JSONContainer.open("[", level: 1, &out)
        runs.next(&out)
        var sarifRun = JSONContainer.open("{", level: 2, &out)
        sarifRun.key("columnKind", &out); JSON.string("unicodeCodePoints", &out)
        // Whether the run could check every file: false when one could not be read (exit code 2).
        sarifRun.key("invocations", &out)
        JSON.array([!run.hasUnreadableFiles && !context.foundNone], level: 3, &out) { successful, level, out in
            JSON.object(level: level, &out) { invocation, out in invocation.key("executionSuccessful", &out); JSON.bool(successful, &out) }
        }
        sarifRun.key("results", &out)
        let hintLabel = language == .zh ? "提示：" : "Hint: "
        JSON.array(run.diagnostics, level: 3, &out) { diagnostic, level, out in
            JSON.object(level: level, &out) { result, out in
                result.key("level", &out); JSON.string(context.fails(diagnostic) ? "error" : "warning", &out)
                result.key("locations", &out)
                JSON.array([diagnostic], level: level + 1, &out) { diagnostic, level, out in Self.location(of: diagnostic, in: directory, level: level, &out) }
                result.key("message", &out)
                Self.text(diagnostic.message.text(language) + "\n" + hintLabel + diagnostic.hint.text(language), level: level + 1, &out)
                result.key("ruleId", &out); JSON.string(diagnostic.code.rawValue, &out)
                result.key("ruleIndex", &out); JSON.integer(codes.firstIndex(of: diagnostic.code) ?? 0, &out)
            }
        }
        sarifRun.key("tool", &out)
        JSON.object(level: 3, &out) { tool, out in
            tool.key("driver", &out)
            // No informationUri: SARIF wants an absolute URI there, and the tool has no address of
            // its own; each rule carries its help text instead.
            JSON.object(level: 4, &out) { driver, out in
                driver.key("name", &out); JSON.string(ToolInfo.name, &out)
                driver.key("rules", &out)
                JSON.array(codes, level: 5, &out) { code, level, out in Self.rule(code, language: language, level: level, &out) }
                driver.key("version", &out); JSON.string(ToolInfo.version, &out)
            }
        }
        sarifRun.close("}", &out)
        runs.close("]", &out)
        log.key("version", &out); JSON.string("2.1.0", &out)
        log.close("}", &out)
        out.write("\n")
    }

    /// Where `diagnostic` is: its file (as `uri` names it from `directory`), line and column, and
    /// its key path when it has one.
    private static func location(of diagnostic: Diagnostic, in directory: String, level: Int, _ out: inout some TextOutput) {
        JSON.object(level: level, &out) { location, out in
            if !diagnostic.keyPath.isEmpty {
                location.key("logicalLocations", &out)
                JSON.array([diagnostic.keyPath], level: level + 1, &out) { keyPath, level, out in
                    JSON.object(level: level, &out) { logical, out in
                        logical.key("fullyQualifiedName", &out); JSON.string(keyPath, &out)
                        logical.key("kind", &out); JSON.string("member", &out)
                    }
                }
            }
            location.key("physicalLocation", &out)
            JSON.object(level: level + 1, &out) { physical, out in
                physical.key("artifactLocation", &out)
                JSON.object(level: level + 2, &out) { artifact, out in artifact.key("uri", &out); JSON.string(uri(diagnostic.file, in: directory), &out) }
                physical.key("region", &out)
                JSON.object(level: level + 2, &out) { region, out in
                    region.key("startColumn", &out); JSON.integer(diagnostic.column, &out)
                    region.key("startLine", &out); JSON.integer(diagnostic.line, &out)
                }
            }
        }
    }

    /// Every diagnostic code is a rule, with its title and its help text.
    private static func rule(_ code: DiagnosticCode, language: Language, level: Int, _ out: inout some TextOutput) {
        JSON.object(level: level, &out) { rule, out in
            rule.key("defaultConfiguration", &out)
            JSON.object(level: level + 1, &out) { configuration, out in
                configuration.key("level", &out); JSON.string(code.severity == .error ? "error" : "warning", &out)
            }
            rule.key("fullDescription", &out); text(code.title.bilingual, level: level + 1, &out)
            rule.key("help", &out); text(code.explanation.text(language), level: level + 1, &out)
            rule.key("id", &out); JSON.string(code.rawValue, &out)
            rule.key("name", &out); JSON.string(ruleName(code), &out)
            rule.key("shortDescription", &out); text(code.title.text(language), level: level + 1, &out)
        }
    }

    /// A SARIF message object: `{"text": …}`.
    private static func text(_ text: String, level: Int, _ out: inout some TextOutput) {
        JSON.object(level: level, &out) { object, out in
            object.key("text", &out); JSON.string(text, &out)
        }
    }

    /// A file's URI as code scanning places it: relative to the working directory (the
    /// repository's root in CI) when the path is inside it, with `.` and `..` folded away; a path
    /// outside it stays absolute, as a `file://` URI.
    static func uri(_ path: String, in directory: String) -> String {
        let relative = InputDiscovery.folded(path)
        // Inside the working directory: as it is. Above it (../x.yaml): anchored there first.
        guard relative.hasPrefix("/") || relative == ".." || relative.hasPrefix("../") else { return Escaping.uriPath(relative) }
        let folded = relative.hasPrefix("/") ? relative : InputDiscovery.folded(directory + "/" + relative)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if folded.hasPrefix(base) { return Escaping.uriPath(String(folded.dropFirst(base.count))) }
        return "file://" + Escaping.uriPath(folded)
    }

    /// A rule name in SARIF's PascalCase convention, from the code's English title.
    static func ruleName(_ code: DiagnosticCode) -> String {
        code.title.en.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
