/// How much a diagnostic matters: an error makes a checklist invalid, a warning does not
/// (unless the user asks for `--strict`).
public enum Severity: String, Sendable, Codable, CaseIterable {
    case error
    case warning

    /// The word shown to the user.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.error, .en): return "error"
        case (.warning, .en): return "warning"
        }
    }
}
