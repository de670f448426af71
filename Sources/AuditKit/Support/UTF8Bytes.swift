extension String {
    /// Whether some UTF-8 byte of the string satisfies `predicate`. The bytes are read where they
    /// are stored, which is several times faster than iterating `utf8`.
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        withBytes { $0.contains(where: predicate) }
    }

    /// Calls `body` with the string's UTF-8 bytes, read where they are stored. A native string
    /// lends them as they are; `withUTF8`, which needs a mutable copy of the string, retained and
    /// released it on every call, and the reports make millions of these calls.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return try text.withUTF8(body)
    }
}

extension Array where Element == UInt8 {
    /// Appends an ASCII escape sequence. A literal byte array appended instead (`+= [0x5C, b]`) is
    /// a new array each time, which made escaping a reason cost more than writing it.
    @inline(__always)
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a backslash and `byte`.
    @inline(__always)
    mutating func append(escaping byte: UInt8) {
        append(0x5C)
        append(byte)
    }
}
