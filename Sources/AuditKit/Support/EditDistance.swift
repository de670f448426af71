/// Suggestions for a mistyped word, the way "did you mean" works in compilers.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        // Compared lower-cased, character by character; text of ASCII letters without a CR (whose
        // pair with LF is one character) has a character per byte, and is compared by bytes.
        let lowered = Letters(word.lowercased())
        let loweredCandidates = candidates.map { Letters($0.lowercased()) }
        // The distance is at least the difference in length, and no candidate allows more than
        // max(2, its length / 3): a word longer than that past the longest candidate matches none,
        // and a megabyte-long value must not cost a quadratic search.
        let longest = candidates.map(\.count).max() ?? 0
        let longestLowered = loweredCandidates.map(\.count).max() ?? 0
        guard lowered.count - longestLowered <= max(2, longest / 3) else { return nil }
        // No candidate is suggested at a distance above the most any candidate allows, so
        // distances are measured only up to one more than that: `cap`. Below it they are exact,
        // so the closest (the first of equals) is the same; when none is below it, there is no
        // suggestion either way. A file of thousands of unknown keys asks for each.
        let word = word.count
        let cap = 1 + candidates.map { max(2, min(word, $0.count) / 3) }.max()!
        var best: (candidate: String, distance: Int)?
        for (candidate, loweredCandidate) in zip(candidates, loweredCandidates) {
            // A candidate cannot come closer than the difference in length: one that could not
            // beat the best so far is not measured.
            let apart = abs(lowered.count - loweredCandidate.count)
            if let best, apart >= best.distance { continue }
            let distance = apart >= cap ? cap : lowered.distance(to: loweredCandidate, cap: cap)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(word, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A word as its characters, or as its bytes when each byte is one character.
    private enum Letters {
        case bytes([UInt8])
        case characters([Character])

        init(_ text: String) {
            self = text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? .bytes(Array(text.utf8)) : .characters(Array(text))
        }

        var count: Int {
            switch self {
            case .bytes(let bytes): return bytes.count
            case .characters(let characters): return characters.count
            }
        }

        /// The edit distance to `other`, or `cap` when it is that or more.
        func distance(to other: Letters, cap: Int) -> Int {
            switch (self, other) {
            case (.bytes(let a), .bytes(let b)): return editDistance(a, b, cap: cap)
            case (.characters(let a), .characters(let b)): return editDistance(a, b, cap: cap)
            default: return editDistance(characters, other.characters, cap: cap)
            }
        }

        private var characters: [Character] {
            switch self {
            case .bytes(let bytes): return bytes.map { Character(Unicode.Scalar($0)) }
            case .characters(let characters): return characters
            }
        }
    }

    /// Levenshtein distance between two arrays of letters, in one rolling row; `cap` when it is
    /// that or more (a row's smallest entry never decreases, so the rows stop once it reaches `cap`).
    static func editDistance<Letter: Equatable>(_ a: [Letter], _ b: [Letter], cap: Int = .max) -> Int {
        if a.isEmpty { return min(b.count, cap) }
        if b.isEmpty { return min(a.count, cap) }
        var row = [Int](repeating: 0, count: b.count + 1)
        for j in row.indices { row[j] = j }
        for i in 1...a.count {
            var previousDiagonal = row[0]
            row[0] = i
            var smallest = i
            for j in 1...b.count {
                let saved = row[j]
                row[j] = a[i - 1] == b[j - 1]
                    ? previousDiagonal
                    : 1 + min(previousDiagonal, row[j], row[j - 1])
                previousDiagonal = saved
                smallest = min(smallest, row[j])
            }
            if smallest >= cap { return cap }
        }
        return min(row[b.count], cap)
    }
}
