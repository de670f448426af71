import Foundation

/// The order of the names people look up in a summary's tables (townships, counties): by their
/// pinyin, as a Chinese reader expects of a list of places, not by character code, which scatters
/// them (东关镇 before 北塬乡). Chinese collation also places Latin letters and digits sensibly.
/// Names that collate alike fall back to character order, so the order is total and the reports
/// stay the same from run to run.
enum NameOrder {
    private static let chinese = Locale(identifier: "zh_CN")
    private static let categories = ChecklistFormat.categories.map(\.id)

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        switch lhs.compare(rhs, options: [], range: nil, locale: chinese) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs < rhs
        }
    }

    /// Categories in the order the checklist format lists them (county departments first), any
    /// other value after them by name.
    static func categoryPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        switch (categories.firstIndex(of: lhs), categories.firstIndex(of: rhs)) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return precedes(lhs, rhs)
        }
    }
}
