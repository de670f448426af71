import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts rendered in the parallel stage of `audit run` and copied into the reports later, in
/// another order. They are kept in an unlinked temporary file, so in the page cache rather than in
/// the process; when no temporary file can be made or written, in memory. Any thread may append;
/// reading starts once the appending is over.
final class TextSpool: @unchecked Sendable {
    /// Where one append went: its offset and the length of each of its parts (at most eight,
    /// kept inline so that an entry costs no allocation).
    struct Entry: Sendable {
        fileprivate var offset: Int
        fileprivate var inMemory: Bool
        fileprivate var lengths: SIMD8<UInt32>

        /// The length of part `index`.
        func length(of index: Int) -> Int { Int(lengths[index]) }
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var fileEnd = 0
    private var memory: [UInt8] = []
    private var useMemory: Bool
    private var failedRead = false

    /// Whether a text could not be read back (the reports that copied it are then incomplete).
    var readFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failedRead
    }

    /// A spool in the system's temporary folder.
    init() {
        let environment = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        let folder = environment.isEmpty ? "/tmp" : environment
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8) + Array("audit-spool-XXXXXX".utf8) + [0]
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkstemp($0) }
        }
        if descriptor >= 0 {
            template.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { _ = unlink($0) }
            }
        }
        self.descriptor = descriptor
        self.useMemory = descriptor < 0
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Stores `parts` one after another and says where.
    func append(_ parts: [[UInt8]]) -> Entry {
        precondition(parts.count <= 8, "a spool entry has at most eight parts")
        var lengths = SIMD8<UInt32>()
        for (index, part) in parts.enumerated() { lengths[index] = UInt32(part.count) }
        // One part (as `audit run` spools) is written as it is; several are joined first.
        var joined: [UInt8]
        if parts.count == 1 {
            joined = parts[0]
        } else {
            joined = []
            joined.reserveCapacity(Int(lengths.wrappedSum()))
            for part in parts { joined += part }
        }
        lock.lock()
        let toFile = !useMemory
        let offset = toFile ? fileEnd : memory.count
        if toFile { fileEnd += joined.count } else { memory += joined }
        lock.unlock()
        guard toFile else { return Entry(offset: offset, inMemory: true, lengths: lengths) }
        if writeAll(joined, at: offset) { return Entry(offset: offset, inMemory: false, lengths: lengths) }
        // The temporary folder is full or failing: keep this and every later text in memory.
        lock.lock()
        useMemory = true
        let memoryOffset = memory.count
        memory += joined
        lock.unlock()
        return Entry(offset: memoryOffset, inMemory: true, lengths: lengths)
    }

    /// Part `index` of `entry`; empty, with `readFailed` set, when the temporary file cannot be
    /// read back.
    func read(_ entry: Entry, part index: Int) -> [UInt8] {
        var start = entry.offset
        for earlier in 0..<index { start += Int(entry.lengths[earlier]) }
        let count = Int(entry.lengths[index])
        if entry.inMemory {
            lock.lock()
            defer { lock.unlock() }
            return Array(memory[start..<start + count])
        }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(start + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == count
            initialized = complete ? count : 0
        }
        guard complete else {
            lock.lock()
            failedRead = true
            lock.unlock()
            return []
        }
        return bytes
    }

    private func writeAll(_ bytes: [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let put = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if put < 0, errno == EINTR { continue }
            guard put > 0 else { return false }
            done += put
        }
        return true
    }
}
