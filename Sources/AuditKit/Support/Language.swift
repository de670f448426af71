/// The two languages every user-facing text is written in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// The language implied by the locale variables: Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// (the first one set, in that order) starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A text in Chinese and English.
public struct Localized: Sendable, Hashable, Codable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text from its two translations.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }

    /// Both translations joined, Chinese first, for places that show both at once.
    public var bilingual: String { zh == en ? zh : "\(zh) / \(en)" }
}
