import Testing
@testable import AuditKit

@Suite struct SHA256Tests {
    /// Digests of the bytes `(i * 7 + 3) & 0xff` for i in 0..<n, from an independent implementation,
    /// at every padding boundary: the length fits in the last block, just does not, whole blocks.
    static let vectors: [(Int, String)] = [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"),
        (3, "6ab0dba1f4f1dfbb37b4f9eeb092c09fca4900ad32bdcd147d8dde35d6c87c35"),
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ]

    @Test func knownDigestsAtEveryPaddingBoundary() {
        for (count, expected) in Self.vectors {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
            #expect(SHA256.hex(of: bytes) == expected, "\(count) bytes")
        }
    }

    /// The SHA-extension compression and the Swift one give the same digest at every length up to
    /// 300 bytes (past four blocks, with one- and two-block tails) and on a few large buffers. On a CPU without the extensions both sides run the
    /// Swift path, so this only checks it against itself there; the vectors above still hold it to
    /// the right answers.
    @Test func acceleratedAndSwiftPathsAgree() {
        let accelerated = SHA256.hasSHAExtensions
        // A fixed xorshift stream, so a failure names a length that fails again.
        var seed: UInt64 = 0x9e37_79b9_7f4a_7c15
        func bytes(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in
                seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
                return UInt8(truncatingIfNeeded: seed >> 32)
            }
        }
        let lengths = Array(0...300) + [4_095, 4_096, 65_537, 1_000_003]
        for count in lengths {
            let input = bytes(count)
            #expect(SHA256.digest(of: input, accelerated: accelerated) == SHA256.digest(of: input, accelerated: false),
                    "\(count) bytes")
        }
    }

    @Test func standardVector() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.digest(of: Array("abc".utf8)).count == 32)
    }
}
