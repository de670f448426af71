import Testing
@testable import AuditKit

/// `Standard.privateCopy()`, which each lane of a parallel run scores with: the same standard, in
/// storage none of which the original shares.
@Suite struct StandardPrivateCopyTests {
    /// Where a text's bytes are held. (Asked of a native string, `withUTF8` reads them in place.)
    static func storage(of text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// Every text of a standard a run reads, each with where it is, for the failure message.
    static func texts(of standard: Standard) -> [(String, String)] {
        var texts = [("id", standard.id), ("title.zh", standard.title.zh), ("title.en", standard.title.en)]
        for choice in standard.catalogues.equipment + standard.catalogues.rules {
            texts += [(choice.id, choice.id), (choice.id + ".zh", choice.label.zh), (choice.id + ".en", choice.label.en)]
        }
        for have in standard.haves {
            texts += [(have.id, have.id), (have.id + ".zh", have.label.zh)]
            for criterion in have.criteria {
                texts += [(criterion.id + ".label", criterion.label.zh), (criterion.id + ".action", criterion.action.zh),
                          (criterion.id + ".action.en", criterion.action.en), (criterion.id + ".source", criterion.source.zh)]
                if let condition = criterion.appliesWhen { texts.append((criterion.id + ".applies_when", condition.field)) }
            }
        }
        return texts
    }

    @Test func theCopyScoresAndReadsAsTheOriginal() {
        let original = Standard.builtIn
        let copy = original.privateCopy()
        #expect(copy.scoringDigest == original.scoringDigest)
        #expect(copy.label == original.label)
        #expect(copy.catalogues.equipment == original.catalogues.equipment)
        #expect(copy.catalogues.rules == original.catalogues.rules)
        #expect(copy.catalogues.tailored == original.catalogues.tailored)
        #expect(Self.texts(of: copy).map(\.1) == Self.texts(of: original).map(\.1))
        #expect(copy.haves.flatMap(\.criteria).map(\.mark) == original.haves.flatMap(\.criteria).map(\.mark))
    }

    @Test func theCopySharesNoTextAndNoCriterionWithTheOriginal() {
        let original = Standard.builtIn
        let copy = original.privateCopy()
        let pairs = zip(Self.texts(of: original), Self.texts(of: copy))
        // Texts of up to 15 bytes live in the string value itself, with nothing to share.
        let stored = pairs.filter { $0.0.1.utf8.count > 15 }
        #expect(stored.count > 50)
        for ((place, text), (_, copied)) in stored {
            #expect(Self.storage(of: text) != Self.storage(of: copied), "\(place) shares its storage")
        }
        for (criterion, copied) in zip(original.haves.flatMap(\.criteria), copy.haves.flatMap(\.criteria)) {
            #expect(criterion !== copied)
        }
    }

    @Test func aCopiedTextIsTheSameText() {
        for text in ["", "V3", "unit.party_branch", "有一个学习活动场所", String(repeating: "经费", count: 400)] {
            let copy = text.privateCopy()
            #expect(copy == text)
            #expect(copy.utf8.count == text.utf8.count)
        }
    }
}
