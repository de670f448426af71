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
///
/// Appends are gathered into batches of about a megabyte, each written with one call: a unit's
/// texts are a few kilobytes, and a write per unit cost a system call and a turn at the file's
/// lock each. An entry's place in the file is fixed when it is appended; a batch whose write fails
/// is kept in memory at its place, and every later text goes to memory, so no text is lost.
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

    /// How many bytes are gathered before they are written.
    static let batchSize = 1 << 20

    private let descriptor: Int32
    private let lock = NSLock()
    /// Where the next text goes in the file.
    private var fileEnd = 0
    /// Texts appended but not yet written, and where in the file they start.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// Batches whose write failed, by where they belong in the file.
    private var unwritten: [(offset: Int, bytes: [UInt8])] = []
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
    convenience init() {
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
        self.init(descriptor: descriptor)
    }

    /// A spool in the open file `descriptor`, which it closes when done, or in memory when it is
    /// negative. The tests give it files that cannot be written.
    init(descriptor: Int32) {
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
        let count = Int(lengths.wrappedSum())
        lock.lock()
        if useMemory {
            let offset = memory.count
            for part in parts { memory += part }
            lock.unlock()
            return Entry(offset: offset, inMemory: true, lengths: lengths)
        }
        let offset = fileEnd
        fileEnd += count
        if pending.isEmpty { pending.reserveCapacity(Self.batchSize + count) }
        for part in parts { pending += part }
        // A full batch is taken by this thread and written outside the lock.
        var batch: (offset: Int, bytes: [UInt8])?
        if pending.count >= Self.batchSize {
            batch = (pendingOffset, pending)
            pending = []
            pendingOffset = fileEnd
        }
        lock.unlock()
        if let batch { write(batch) }
        return Entry(offset: offset, inMemory: false, lengths: lengths)
    }

    /// Writes a batch at its place; when that fails, keeps it in memory there, and sends every later
    /// text to memory.
    private func write(_ batch: (offset: Int, bytes: [UInt8])) {
        guard !writeAll(batch.bytes, at: batch.offset) else { return }
        lock.lock()
        unwritten.append(batch)
        useMemory = true
        lock.unlock()
    }

    /// Part `index` of `entry`; empty, with `readFailed` set, when the temporary file cannot be
    /// read back.
    func read(_ entry: Entry, part index: Int) -> [UInt8] {
        var start = entry.offset
        for earlier in 0..<index { start += Int(entry.lengths[earlier]) }
        let count = Int(entry.lengths[index])
        lock.lock()
        if entry.inMemory {
            defer { lock.unlock() }
            return Array(memory[start..<start + count])
        }
        // The last batch is written when the first text is read (appending is over by then).
        if !pending.isEmpty {
            let batch = (pendingOffset, pending)
            pending = []
            if !writeAll(batch.1, at: batch.0) { unwritten.append(batch) }
        }
        if let batch = unwritten.first(where: { $0.offset <= start && start + count <= $0.offset + $0.bytes.count }) {
            defer { lock.unlock() }
            return Array(batch.bytes[(start - batch.offset)..<(start - batch.offset + count)])
        }
        lock.unlock()
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
