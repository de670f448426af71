import Testing
@testable import AuditKit

/// "Did you mean" measures distances only up to what any candidate could allow, and compares
/// ASCII words by bytes; it must suggest exactly what measuring every distance in full, character
/// by character, suggests. The reference here is that plain statement of the rule.
@Suite struct SuggestionTests {
    static func reference(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        let longest = candidates.map(\.count).max() ?? 0
        let longestLowered = candidates.map { $0.lowercased().count }.max() ?? 0
        guard lowered.count - longestLowered <= max(2, longest / 3) else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestion.editDistance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        return best.distance <= max(2, min(word.count, best.candidate.count) / 3) ? best.candidate : nil
    }

    /// The format's keys and a catalogue's ids, as the validator offers them.
    static let candidateLists: [[String]] = [
        ChecklistFormat.root.map(\.key),
        ["dedicated", "shared", "none"],
        ["reading", "study", "culture", "fitness", "party", "briefing", "visit", "volunteer"],
        ["a", "ab", "abc", "Abcd", "ÉTÉ", "über", "汉字", "a\r\nb"],
    ]

    @Test func cappedSearchSuggestsWhatTheFullSearchDoes() {
        var random = GradeLiftSearchTests.Generator(state: 7)
        let pieces = ["a", "e", "i", "n", "t", "r", "s", "_", "U", "Q", "é", "É", "汉", "\r\n", "\r", "\n", "\u{301}", " "]
        var words = Self.candidateLists.flatMap { $0 }
        for _ in 0..<3000 {
            // Mostly near misses of a real candidate, some of them random strings.
            let list = Self.candidateLists[random.next(Self.candidateLists.count)]
            var letters = random.next(3) == 0 ? [] : list[random.next(list.count)].map(String.init)
            for _ in 0..<random.next(4) {
                let piece = pieces[random.next(pieces.count)]
                let place = random.next(letters.count + 1)
                switch random.next(3) {
                case 0: letters.insert(piece, at: place)
                case 1 where place < letters.count: letters[place] = piece
                default: if !letters.isEmpty { letters.remove(at: random.next(letters.count)) }
                }
            }
            for _ in 0..<(letters.isEmpty ? random.next(12) : 0) { letters.append(pieces[random.next(pieces.count)]) }
            words.append(letters.joined())
        }
        var suggested = 0
        for word in words {
            for candidates in Self.candidateLists {
                let expected = Self.reference(to: word, in: candidates)
                #expect(Suggestion.closest(to: word, in: candidates) == expected, "\(word.debugDescription) in \(candidates)")
                if expected != nil { suggested += 1 }
            }
        }
        // The words must exercise both outcomes.
        #expect(suggested > 1000)
        #expect(suggested < words.count * Self.candidateLists.count - 1000)
    }

    @Test func distancesAreCappedNotChanged() {
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting"), cap: 4) == 3)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting"), cap: 3) == 3)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting"), cap: 2) == 2)
        #expect(Suggestion.editDistance(Array(""), Array("abc"), cap: 2) == 2)
        #expect(Suggestion.editDistance(Array("abc"), Array("abc"), cap: 1) == 0)
    }
}
