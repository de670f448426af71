import Foundation
import Testing
@testable import AuditKit

/// The summaries render their rows on all cores and write each piece as soon as those before it
/// are written. Whatever order the pieces finish in, the file must read as a plain loop writes it.
@Suite struct WriteRowsTests {
    /// Row `index` as the plain loop writes it: lengths that vary from row to row, some rows
    /// empty, some longer than a file output's buffer, and the index spelt out so a row out of
    /// place shows.
    private static func row(_ index: Int) -> String {
        switch index % 97 {
        case 0: return ""
        case 13: return "long \(index) " + String(repeating: "行", count: 100_000)
        default: return "row \(index): " + String(repeating: "x", count: index % 41)
        }
    }

    /// Renders `row(index)`, after making the first row of every other piece of 16 slow, so later
    /// pieces finish before earlier ones on any machine with more than one core.
    private static func render(_ index: Int, _ out: inout StringOutput) {
        if index % 32 == 0 { usleep(2_000) }
        out.write(row(index))
    }

    private static func plainLoop(count: Int, separator: String) -> String {
        (0..<count).map(row).joined(separator: separator)
    }

    @Test(arguments: [0, 1, 15, 16, 17, 255, 256, 257, 2_000])
    func rowsInMemoryReadAsAPlainLoop(_ count: Int) {
        var out = StringOutput()
        out.writeRows(count: count, separator: ",\n", render: Self.render)
        #expect(out.text == Self.plainLoop(count: count, separator: ",\n"))
    }

    @Test func rowsInAFileReadAsAPlainLoop() throws {
        try ScratchFolder.with { folder in
            let path = folder.appendingPathComponent("rows.txt").path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            var out = FileTextOutput(descriptor: descriptor, path: path)
            out.write("head\n")
            out.writeRows(count: 3_000, separator: "\n", render: Self.render)
            out.write("\ntail")
            #expect(out.finish() == nil)
            close(descriptor)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == "head\n" + Self.plainLoop(count: 3_000, separator: "\n") + "\ntail")
        }
    }
}
