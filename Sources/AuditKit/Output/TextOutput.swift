import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text a renderer writes in pieces as it goes: into memory, or through a buffer into a file, so
/// that a report of any size never has to exist as one string.
protocol TextOutput: SendableMetatype {
    /// Appends `text`.
    mutating func write(_ text: String)
    /// Appends bytes that are already UTF-8 text.
    mutating func write(bytes: UnsafeRawBufferPointer)
}

extension TextOutput {
    /// Appends `text` and a line feed.
    mutating func line(_ text: String) {
        write(text)
        write("\n")
    }

    /// Appends bytes that are already UTF-8 text.
    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }
}

/// Collects the text in memory.
struct StringOutput: TextOutput {
    private var buffer: ByteBuffer

    /// An empty output with room for `capacity` bytes before it grows.
    init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The bytes written so far.
    var bytes: [UInt8] { buffer.array }

    /// The text written so far.
    var text: String { buffer.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes written so far, in place.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try buffer.withBytes(body)
    }

    mutating func write(_ text: String) {
        // Read in place, as `withBytes` does, spelt out here: the closure stays inlined, and
        // every piece of every report comes through here.
        if text.utf8.withContiguousStorageIfAvailable({ buffer.append(UnsafeRawBufferPointer($0)) }) == nil {
            text.withBytes { buffer.append(UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Empties the output, keeping its room.
    mutating func removeAll() {
        buffer.removeAll()
    }
}

/// Writes through a buffer into an open file. The first write error is kept and later writes are
/// dropped, so renderers need not handle errors: the owner checks `finish()`.
struct FileTextOutput: TextOutput {
    /// The file, as the error names it.
    let path: String
    private let descriptor: Int32
    private var buffer = ByteBuffer(capacity: Self.capacity)
    private(set) var failure: OutputError?
    private static let capacity = 1 << 18

    /// Writes to `descriptor`, which the caller opened and closes; `path` names it in errors.
    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    mutating func write(_ text: String) {
        text.withBytes { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func write(bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if buffer.count + bytes.count > Self.capacity {
            flushBuffer()
            if bytes.count >= Self.capacity {
                writeAll(bytes)
                return
            }
        }
        buffer.append(bytes)
    }

    /// Writes out what is buffered; returns the first error met, if any.
    mutating func finish() -> OutputError? {
        flushBuffer()
        return failure
    }

    private mutating func flushBuffer() {
        guard !buffer.isEmpty, failure == nil else { return }
        buffer.withBytes { writeAll($0) }
        buffer.removeAll()
    }

    private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do throws(OutputError) {
            try FileOutput.writeAll(descriptor, bytes, path: path)
        } catch {
            failure = error
        }
    }
}

extension TextOutput {
    /// Writes `count` rows, `separator` between two, rendering them on all cores a batch at a time
    /// and writing each batch in order: the output is what a plain loop writes, and memory holds
    /// one batch of rows, not all of them.
    mutating func writeRows(count: Int, separator: String = "", row render: @Sendable (Int) -> String) {
        writeRows(count: count, separator: separator) { (index: Int, out: inout StringOutput) in out.write(render(index)) }
    }

    /// As `writeRows`, each row written by `render` into an output of its batch.
    mutating func writeRows(count: Int, separator: String = "", render: @Sendable (Int, inout StringOutput) -> Void) {
        // A few hundred rows of a few kilobytes each: enough to keep every core busy, and several
        // reports may be rendering batches at once.
        let batch = 256
        let piece = 16
        var start = 0
        withUnsafeMutablePointer(to: &self) { target in
            nonisolated(unsafe) let target = target
            while start < count {
                let end = min(count, start + batch)
                let pieces = (end - start + piece - 1) / piece
                let batchStart = start
                // Each piece is written as soon as those before it are, by whichever thread
                // finished it, while the other threads go on rendering: writing a large report
                // into the file system is as much work as rendering it, and waiting for a whole
                // batch before writing any of it left the cores idle in turn.
                let pending = PiecesInOrder(count: pieces)
                DispatchQueue.concurrentPerform(iterations: pieces) { index in
                    var text = StringOutput()
                    let first = batchStart + index * piece
                    for row in first..<min(end, first + piece) {
                        if row > 0 { text.write(separator) }
                        render(row, &text)
                    }
                    pending.deliver(text, at: index) { ready in ready.withBytes { target.pointee.write(bytes: $0) } }
                }
                start = end
            }
        }
    }
}

/// The rendered pieces of one batch of rows, handed over in any order and written in theirs: the
/// thread that delivers the next piece to write writes it, and every later one that is ready,
/// one thread at a time.
private final class PiecesInOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [StringOutput?]
    /// The next piece to write.
    private var next = 0
    /// Whether some thread is writing pieces now.
    private var writing = false

    init(count: Int) {
        pieces = Array(repeating: nil, count: count)
    }

    /// Hands over piece `index`; `write` is called for each piece that is now next, in order,
    /// never on two threads at once.
    func deliver(_ text: StringOutput, at index: Int, write: (StringOutput) -> Void) {
        lock.lock()
        pieces[index] = text
        guard !writing else {
            // The thread writing takes this piece when its turn comes.
            lock.unlock()
            return
        }
        writing = true
        while next < pieces.count, let ready = pieces[next].take() {
            next += 1
            lock.unlock()
            write(ready)
            lock.lock()
        }
        writing = false
        lock.unlock()
    }
}
