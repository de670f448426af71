/// Suggestions for a mistyped word, the way "did you mean" works in compilers.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        // The distance is at least the difference in length, and no candidate allows more than
        // max(2, its length / 3): a word longer than that past the longest candidate matches none,
        // and a megabyte-long value must not cost a quadratic search.
        let longest = candidates.map(\.count).max() ?? 0
        let longestLowered = candidates.map { $0.lowercased().count }.max() ?? 0
        guard lowered.count - longestLowered <= max(2, longest / 3) else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(word.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Levenshtein distance between two character arrays, in one rolling row.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previousDiagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let saved = row[j]
                row[j] = a[i - 1] == b[j - 1]
                    ? previousDiagonal
                    : 1 + min(previousDiagonal, row[j], row[j - 1])
                previousDiagonal = saved
            }
        }
        return row[b.count]
    }
}
