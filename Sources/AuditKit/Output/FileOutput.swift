#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String { "\(path): \(reason)" }

    /// The error as the user reads it in `language`: the reasons the system and this tool give
    /// most often are translated; others are shown as the system words them.
    public func text(_ language: Language) -> String {
        guard language == .zh else { return description }
        return "\(path)：\(Self.chinese[reason] ?? reason)"
    }

    private static let chinese: [String: String] = [
        "Permission denied": "没有写入权限",
        "No such file or directory": "路径不存在",
        "Not a directory": "路径中有一段不是文件夹",
        "Is a directory": "这是一个文件夹",
        "No space left on device": "磁盘空间不足",
        "Read-only file system": "文件系统只读",
        "File exists": "已存在",
        "not a folder": "不是文件夹",
        ReportWriter.FolderHold.busy: "另一个 audit 命令正在向这个文件夹写入报告；等它结束，或用 --out 换一个输出文件夹",
        FileOutput.linkRefused: "是一个链接：报告只写入输出文件夹自己的子文件夹，不经链接写到别处；删除该链接后重试",
        "already exists; refusing to overwrite it": "已存在，不会覆盖",
        "a rendered text could not be read back from the temporary folder": "无法从临时文件夹读回已生成的内容",
    ]
}

/// Writing files safely: new files never overwrite, reports are replaced atomically.
public enum FileOutput {
    /// Creates `path` with `contents`, refusing when something already exists there.
    public static func createNew(_ path: String, contents: String) throws(OutputError) {
        try makeParent(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "already exists; refusing to overwrite it" : String(cString: strerror(errno))
            throw OutputError(path: path, reason: reason)
        }
        defer { close(descriptor) }
        try writeAll(descriptor, Array(contents.utf8), path: path)
    }

    /// Writes all of `text` to the open file `descriptor` (standard output, say), which `name`
    /// names in the error.
    public static func writeAll(_ text: String, to descriptor: Int32, name: String) throws(OutputError) {
        try writeAll(descriptor, Array(text.utf8), path: name)
    }

    /// Replaces `path` with `bytes` atomically: the bytes go to a temporary file in the same folder,
    /// which is flushed and then renamed over the target, so readers see the old file or the new one,
    /// never half of one.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(OutputError) {
        try makeParent(of: path)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        do throws(OutputError) {
            try writeAll(descriptor, bytes, path: path)
            guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Creates the folders leading to `path`.
    public static func makeParent(of path: String) throws(OutputError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeFolder(String(path[..<slash]))
    }

    /// Removes the folder at `path` with the files in it, when it is a folder itself and not a
    /// link to one. A folder inside it keeps it, and it, in place.
    static func removeFolderOfFiles(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        for name in FolderListing.names(path, containing: "") ?? [] { unlink(path + "/" + name) }
        rmdir(path)
    }

    /// Why a folder of the reports' own (`units/`) that is a link is refused.
    static let linkRefused = "is a link: reports are written only into a folder of the output folder's own, not through a link to another; remove the link and run again"

    /// Creates the folder `path` inside an output folder (made already) when missing; refuses one
    /// that is a link, which would take reports, and the removal of stale ones, somewhere else.
    static func makeSubfolder(_ path: String) throws(OutputError) {
        if isLink(path) { throw OutputError(path: path, reason: linkRefused) }
        try makeFolder(path)
    }

    /// Whether `path` is a link (to anything, or to nothing).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Creates `folder` and its parents when missing.
    public static func makeFolder(_ folder: String) throws(OutputError) {
        var current = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            var info = stat()
            if stat(current, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { throw OutputError(path: current, reason: "not a folder") }
                continue
            }
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw OutputError(path: current, reason: String(cString: strerror(errno)))
            }
        }
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { buffer in
            do throws(OutputError) { try writeAll(descriptor, buffer, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` to `descriptor`, again after an interrupted call; `path` names the
    /// file in the error. A descriptor left non-blocking (standard output, by some parents) that
    /// is full is waited on until it takes more, rather than failed.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(OutputError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            // Nothing written and no error: nothing more will be, and retrying would spin.
            guard count > 0 else { throw OutputError(path: path, reason: "nothing could be written") }
            written += count
        }
    }
}
