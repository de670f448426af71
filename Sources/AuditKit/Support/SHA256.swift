import CSHA256

/// SHA-256 (FIPS 180-4), used to name each input of a summary by its exact bytes. Written here
/// rather than pulling in a cryptography package for one digest.
///
/// Whole 64-byte blocks are compressed straight from the caller's buffer; only the last partial
/// block and the length are copied into a padding buffer, so hashing allocates nothing per byte.
/// On x86-64 CPUs with the SHA extensions the blocks go through CSHA256's compression, several
/// times faster; elsewhere, through the Swift one below.
public enum SHA256 {
    /// Whether this CPU can run CSHA256's compression; asked once.
    static let hasSHAExtensions = csha256_available()

    /// The round constants: CSHA256's table, which its own compression reads too.
    private static var roundConstants: UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: csha256_round_constants(), count: 64)
    }

    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex(of bytes: [UInt8]) -> String {
        let digest = digest(of: bytes)
        return String(unsafeUninitializedCapacity: 64) { text in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for (index, byte) in digest.enumerated() {
                text[2 * index] = table[Int(byte >> 4)]
                text[2 * index + 1] = table[Int(byte & 0x0f)]
            }
            return 64
        }
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(of bytes: [UInt8]) -> [UInt8] {
        digest(of: bytes, accelerated: hasSHAExtensions)
    }

    /// The digest of `bytes`, compressed with the SHA extensions when `accelerated`, else in
    /// Swift. Tests pass false to check the two agree; true is only safe on such a CPU.
    static func digest(of bytes: [UInt8], accelerated: Bool) -> [UInt8] {
        var state = State()
        let count = bytes.count
        let whole = count - count % 64
        // The tail: the remaining bytes, 0x80, zeros, and the length in bits, in one or two blocks.
        var tail = [UInt8](repeating: 0, count: 128)
        let rest = count - whole
        for index in 0..<rest { tail[index] = bytes[whole + index] }
        tail[rest] = 0x80
        let tailLength = rest < 56 ? 64 : 128
        let bitLength = UInt64(count) &* 8
        for index in 0..<8 {
            tail[tailLength - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index))
        }
        if accelerated {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                state.compressWithSHAExtensions(base, blocks: whole / 64)
            }
            tail.withUnsafeBufferPointer { buffer in
                state.compressWithSHAExtensions(buffer.baseAddress!, blocks: tailLength / 64)
            }
        } else {
            let constants = roundConstants
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    var offset = 0
                    while offset < whole {
                        state.compress(base + offset, schedule: schedule, constants: constants)
                        offset += 64
                    }
                }
                tail.withUnsafeBufferPointer { buffer in
                    state.compress(buffer.baseAddress!, schedule: schedule, constants: constants)
                    if tailLength == 128 { state.compress(buffer.baseAddress! + 64, schedule: schedule, constants: constants) }
                }
            }
        }
        var result = [UInt8](repeating: 0, count: 32)
        for (index, word) in state.words.enumerated() {
            for byte in 0..<4 { result[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - byte * 8)) }
        }
        return result
    }

    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        var words: [UInt32] { [h0, h1, h2, h3, h4, h5, h6, h7] }

        /// Compresses the `blocks` 64-byte blocks at `data` into the state with CSHA256; only
        /// on a CPU with the SHA extensions.
        mutating func compressWithSHAExtensions(_ data: UnsafePointer<UInt8>, blocks: Int) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { words in
                let h = words.baseAddress!
                h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7
                csha256_compress_blocks(h, data, blocks)
                h0 = h[0]; h1 = h[1]; h2 = h[2]; h3 = h[3]; h4 = h[4]; h5 = h[5]; h6 = h[6]; h7 = h[7]
            }
        }

        /// Compresses the 64 bytes at `block` into the state, using `schedule` (64 words) as
        /// scratch space.
        mutating func compress(_ block: UnsafePointer<UInt8>, schedule w: UnsafeMutableBufferPointer<UInt32>,
                               constants k: UnsafeBufferPointer<UInt32>) {
            for t in 0..<16 {
                let i = t * 4
                w[t] = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16 | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
            }
            for t in 16..<64 {
                let s0 = rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            for t in 0..<64 {
                let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choose = (e & f) ^ (~e & g)
                let temp1 = h &+ sum1 &+ choose &+ k[t] &+ w[t]
                let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let temp2 = sum0 &+ majority
                h = g; g = f; f = e; e = d &+ temp1
                d = c; c = b; b = a; a = temp1 &+ temp2
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
            h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }

        @inline(__always)
        private func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
            (value >> count) | (value << (32 - count))
        }
    }
}
