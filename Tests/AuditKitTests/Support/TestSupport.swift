import Foundation
@testable import AuditKit

/// Where the test fixtures and goldens live, found from this source file.
enum TestPaths {
    /// `Tests/AuditKitTests`.
    static let testsRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The package root.
    static let packageRoot: URL = testsRoot.deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/AuditKitTests/Fixtures`.
    static let fixtures = testsRoot.appendingPathComponent("Fixtures")
    /// `Tests/AuditKitTests/Goldens`.
    static let goldens = testsRoot.appendingPathComponent("Goldens")

    /// A fixture's path.
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}

/// Golden-file comparison. Set `AUDIT_RECORD_GOLDENS=1` to rewrite the goldens from the current
/// output; CI never sets it.
enum Golden {
    /// Compares `actual` with the golden file `name`, returning a description of the first
    /// difference, or nil when they are equal.
    static func mismatch(_ actual: String, golden name: String) -> String? {
        let url = TestPaths.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AUDIT_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden \(name) is missing; run the tests once with AUDIT_RECORD_GOLDENS=1"
        }
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < e.count ? String(e[index]) : "<end>"
            let right = index < a.count ? String(a[index]) : "<end>"
            if left != right { return "\(name) line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "\(name) differs"
    }
}

/// Runs the built `audit` binary, the way a user or CI would.
enum AuditBinary {
    /// The binary beside the test bundle (SwiftPM builds every product before testing).
    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["AUDIT_BINARY"] { return URL(fileURLWithPath: override) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the tests run inside an .xctest bundle's Contents/MacOS folder.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS" || directory.lastPathComponent == "Contents" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("audit")
    }

    /// What one run printed and returned.
    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs `audit` with `arguments` in `directory` (default: the package root). With
    /// `standardOutput`, the output goes there and `Outcome.stdout` is empty.
    static func run(_ arguments: [String], in directory: URL = TestPaths.packageRoot,
                    environment: [String: String] = [:], standardOutput: FileHandle? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Standard error goes to a file: reading two pipes one after the other deadlocks once the
        // second fills its buffer (a sanitizer's report on standard error does).
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("audit-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errURL.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        try err.close()
        try out.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Read through a file handle: Data(contentsOf:) on an empty file leaks its buffer, which
        // LeakSanitizer reports in the sanitizer runs.
        let errData = try FileHandle(forReadingFrom: errURL).readToEnd() ?? Data()
        return Outcome(stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self),
                       status: process.terminationStatus)
    }
}
