import Foundation
import Testing
@testable import AuditKit

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    /// The folder.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    var path: String { url.path }

    /// A path inside the folder.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// Reading and writing whole folders of files, byte for byte.
enum FileTree {
    /// Every regular file under `folder` (hidden ones included), by path relative to it.
    static func files(in folder: String) throws -> [String: [UInt8]] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder) else { return [:] }
        var result: [String: [UInt8]] = [:]
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = folder + "/" + relative
            guard manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[relative] = try bytes(full)
        }
        return result
    }

    /// The bytes of one file.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The text of one file, decoded as UTF-8.
    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// Writes `bytes` to `path`, creating its folder.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The first difference between two trees, or nil when they hold the same files with the same bytes.
    static func difference(_ expected: [String: [UInt8]], _ actual: [String: [UInt8]]) -> String? {
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        if !missing.isEmpty || !extra.isEmpty { return "missing: \(missing); extra: \(extra)" }
        for name in expected.keys.sorted() where expected[name] != actual[name] {
            return "\(name) differs"
        }
        return nil
    }
}

/// Golden files compared byte for byte (byte-order marks and CRLF line ends included).
/// `AUDIT_RECORD_GOLDENS=1` rewrites them, as for `Golden`.
enum ByteGolden {
    static func mismatch(_ actual: [UInt8], golden name: String) -> String? {
        let url = TestPaths.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AUDIT_RECORD_GOLDENS"] == "1" {
            do {
                try FileTree.write(actual, to: url.path)
                return nil
            } catch {
                return "cannot record \(name): \(error)"
            }
        }
        guard let expected = try? FileTree.bytes(url.path) else {
            return "golden \(name) is missing; run the tests once with AUDIT_RECORD_GOLDENS=1"
        }
        if expected == actual { return nil }
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < e.count ? String(e[index]) : "<end>"
            let right = index < a.count ? String(a[index]) : "<end>"
            if left.unicodeScalars.elementsEqual(right.unicodeScalars) { continue }
            return "\(name) line \(index + 1):\n  expected: \(left.debugDescription)\n  actual:   \(right.debugDescription)"
        }
        return "\(name) differs"
    }

    /// The golden files under `folder` (relative to the goldens), by path relative to it.
    static func names(under folder: String) -> [String] {
        let root = TestPaths.goldens.appendingPathComponent(folder).path
        return ((try? FileTree.files(in: root)) ?? [:]).keys.sorted()
    }
}

/// A small RFC 4180 reader, strict about what the reports promise.
struct CSVFile {
    /// Whether the bytes start with the UTF-8 byte-order mark.
    var hasByteOrderMark: Bool
    /// The records, each a list of fields with quoting undone.
    var rows: [[String]]
    /// Whether every record ends with CRLF (line breaks inside quoted fields do not count).
    var recordsEndWithCRLF: Bool

    init(_ bytes: [UInt8]) {
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let scalars = Array(String(decoding: hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self).unicodeScalars)
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var crlf = true
        var index = 0
        func endField() { row.append(String(field)); field = String.UnicodeScalarView() }
        func endRecord() { endField(); rows.append(row); row = [] }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": endField()
            case "\r" where index < scalars.count && scalars[index] == "\n":
                index += 1
                endRecord()
            case "\n", "\r":
                crlf = false
                endRecord()
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            crlf = false
            endRecord()
        }
        self.rows = rows
        self.recordsEndWithCRLF = crlf
    }

    /// The header row.
    var header: [String] { rows.first ?? [] }

    /// The value of `column` in the first row whose `keyColumn` is `key`.
    func value(_ column: String, where keyColumn: String, is key: String) -> String? {
        guard let keyIndex = header.firstIndex(of: keyColumn), let index = header.firstIndex(of: column) else { return nil }
        return rows.dropFirst().first { $0.count > keyIndex && $0[keyIndex] == key }.flatMap { $0.count > index ? $0[index] : nil }
    }
}
