import Testing
@testable import AuditKit

/// The renderers' byte buffer behaves as an array of bytes: it grows as needed, and copies of it
/// never see each other's appends, however they were made.
@Suite struct ByteBufferTests {
    @Test func appendsGrowAndKeepEveryByte() {
        var buffer = ByteBuffer()
        var expected: [UInt8] = []
        for length in 0..<300 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            piece.withUnsafeBytes { buffer.append($0) }
            expected += piece
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
    }

    @Test func copiesDoNotShareAppends() {
        var first = ByteBuffer(capacity: 64)
        Array("shared".utf8).withUnsafeBytes { first.append($0) }
        var second = first
        Array(" first".utf8).withUnsafeBytes { first.append($0) }
        Array(" second".utf8).withUnsafeBytes { second.append($0) }
        #expect(String(decoding: first.array, as: UTF8.self) == "shared first")
        #expect(String(decoding: second.array, as: UTF8.self) == "shared second")

        // Emptying one copy leaves the other whole.
        var third = second
        third.removeAll()
        #expect(third.isEmpty)
        #expect(String(decoding: second.array, as: UTF8.self) == "shared second")

        // Outputs made from one empty value, as a batch of rows is, stay apart too.
        var outputs = [StringOutput](repeating: StringOutput(), count: 3)
        for index in outputs.indices { outputs[index].write("row \(index)") }
        #expect(outputs.map(\.text) == ["row 0", "row 1", "row 2"])
    }
}
