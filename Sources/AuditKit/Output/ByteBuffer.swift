#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable run of bytes that appends at the speed of `memcpy`. The renderers append a few
/// short pieces per cell, hundreds per scorecard; `Array.append(contentsOf:)` spent some hundreds
/// of instructions on each such piece, this a few dozen.
///
/// A value type, copied on write like `Array`: the storage is shared by copies until one of them
/// appends, which then takes a copy of its own.
struct ByteBuffer: @unchecked Sendable {
    // Sendable as Array is: the storage is only changed through a buffer that holds the sole
    // reference to it, so no two threads ever change, or read what another changes, at once.
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy(capacity: Int) -> Storage {
            let copy = Storage(capacity: Swift.max(capacity, count))
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    private var storage: Storage

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 0) {
        storage = Storage(capacity: capacity)
    }

    var count: Int { storage.count }
    var isEmpty: Bool { storage.count == 0 }

    /// Appends `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let added = bytes.count
        guard added > 0, let source = bytes.baseAddress else { return }
        if !isKnownUniquelyReferenced(&storage) || storage.count + added > storage.capacity {
            reserve(storage.count + added)
        }
        memcpy(storage.base + storage.count, source, added)
        storage.count += added
    }

    /// Empties the buffer, keeping its room when it is not shared.
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) { storage.count = 0 } else { storage = Storage(capacity: storage.capacity) }
    }

    /// Calls `body` with the bytes, in place.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// The bytes, as an array of their own.
    var array: [UInt8] { withBytes { Array($0) } }

    /// Makes the storage this buffer's alone, with room for `needed` bytes, at least doubling it
    /// when it has to grow.
    private mutating func reserve(_ needed: Int) {
        var capacity = storage.capacity
        while capacity < needed { capacity *= 2 }
        storage = storage.copy(capacity: capacity)
    }
}
