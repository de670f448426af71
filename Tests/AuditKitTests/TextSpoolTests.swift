import Foundation
import Testing
@testable import AuditKit

/// The spool gathers appends into batches written at fixed places; whatever happens to the file,
/// every text appended reads back as it was, in any order.
@Suite struct TextSpoolTests {
    /// The bytes of part `part` of text `index`: a length and contents that differ from text to text.
    static func bytes(_ index: Int, part: Int) -> [UInt8] {
        let count = (index * 7919 + part * 104_729) % 3000
        return (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index &+ part) }
    }

    /// Appends several megabytes from every core, then reads each part back, last appended first.
    static func roundTrip(_ spool: TextSpool, texts: Int = 4000) {
        final class Entries: @unchecked Sendable {
            var values: [TextSpool.Entry?]
            init(count: Int) { values = Array(repeating: nil, count: count) }
        }
        let entries = Entries(count: texts)
        entries.values.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: texts) { index in
                buffer[index] = spool.append((0..<(1 + index % 3)).map { bytes(index, part: $0) })
            }
        }
        var mismatches = 0
        for index in (0..<texts).reversed() {
            guard let entry = entries.values[index] else { mismatches += 1; continue }
            for part in 0..<(1 + index % 3) where spool.read(entry, part: part) != bytes(index, part: part) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(!spool.readFailed)
    }

    @Test func textsInATemporaryFileReadBackAsAppended() {
        let spool = TextSpool()
        Self.roundTrip(spool)
    }

    /// A file that cannot be written: the batches that fail stay in memory at their places, and
    /// the texts after them go to memory.
    @Test func textsSurviveAFileThatCannotBeWritten() throws {
        let descriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        Self.roundTrip(TextSpool(descriptor: descriptor))
    }

    @Test func textsWithoutAFileStayInMemory() {
        Self.roundTrip(TextSpool(descriptor: -1), texts: 500)
    }
}
