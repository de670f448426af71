#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report set into an output folder safely.
///
/// Every file is first written to a temporary sibling and flushed; only when all of them are
/// written are they renamed into place, so a failed write leaves the previous reports as they were.
/// A list of the files written (`.audit-outputs`) lets the next run remove the reports it no longer
/// produces (a unit that left, say) while never touching a file it did not write itself.
public enum ReportWriter {
    /// The name of the list of files the last run wrote.
    public static let manifestName = ".audit-outputs"

    /// Writes `set` into `folder`; returns the paths removed because the new set no longer has them.
    @discardableResult
    public static func write(_ set: ReportSet, to folder: String) throws(OutputError) -> [String] {
        try FileOutput.makeFolder(folder)
        let previous = readManifest(folder)
        var staged: [(temporary: String, target: String)] = []
        do throws(OutputError) {
            for file in set.files {
                let target = folder + "/" + file.path
                let temporary = target + ".partial-\(getpid())"
                staged.append((temporary, target))
                try FileOutput.writeFresh(temporary, bytes: file.bytes)
            }
        } catch {
            for item in staged { unlink(item.temporary) }
            throw error
        }
        for item in staged where rename(item.temporary, item.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged { unlink(rest.temporary) }
            throw OutputError(path: item.target, reason: reason)
        }
        let current = Set(set.files.map(\.path))
        var removed: [String] = []
        for path in previous.sorted() where !current.contains(path) && isSafeRelative(path) {
            if unlink(folder + "/" + path) == 0 { removed.append(path) }
        }
        let manifest = set.files.map(\.path).joined(separator: "\n") + "\n"
        try FileOutput.replace(folder + "/" + manifestName, with: Array(manifest.utf8))
        return removed
    }

    private static func readManifest(_ folder: String) -> [String] {
        guard case .success(let bytes) = SourceFile.read(folder + "/" + manifestName, limit: 1 << 22) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A manifest entry is trusted only as a plain relative path inside the folder.
    private static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}

extension FileOutput {
    /// Writes `bytes` to a new or truncated file at `path` and flushes it to disk.
    static func writeFresh(_ path: String, bytes: [UInt8]) throws(OutputError) {
        try makeParent(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }
}
