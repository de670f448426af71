/// Tests on eight bytes at once, read as one 64-bit word: the escapers skip the long runs of text
/// that need no escaping in a few instructions per eight bytes instead of comparisons per byte.
///
/// Each test says only whether some byte of the word matches, not which: the subtraction that
/// finds a match may borrow into the bytes after it, which then look like matches too. The
/// escapers use them only to skip words with no match, and look at the rest byte by byte.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `bound`, which is at most 0x80.
    @inline(__always)
    static func hasByte(below bound: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// How many bytes from the start of `bytes` lie in whole words for which `clean` holds: the
    /// bytes before the first word that may hold a match, or before the last few bytes that make
    /// no whole word.
    @inline(__always)
    static func cleanPrefix(_ bytes: UnsafeBufferPointer<UInt8>, where clean: (UInt64) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count, clean(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        return index
    }
}
