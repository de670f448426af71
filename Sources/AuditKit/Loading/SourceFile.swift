#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files without ever blocking on something that is not a regular file, and without
/// reading more than a limit: a 50 MB file is refused from its size alone.
public enum SourceFile {
    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case notRegular
        case permission
        /// A folder that may not be listed (named where a file was expected, or met in a tree).
        case folderPermission
        /// A folder on the way to the file may not be searched (read but no execute permission).
        case pathPermission
        case tooLarge(Int)
        case other(Int32)

        /// Why, in a few words of `language`, for a message about a file named on the command line.
        public func reason(_ language: Language) -> String {
            let zh = language == .zh
            switch self {
            case .missing: return zh ? "没有这个文件" : "no such file"
            case .notRegular: return zh ? "不是普通文件（是文件夹、设备或管道？）" : "not a regular file (a folder, a device or a pipe?)"
            case .permission: return zh ? "没有读取权限" : "permission denied"
            case .folderPermission: return zh ? "没有列出该文件夹的权限" : "permission to list the folder denied"
            case .pathPermission: return zh ? "所在文件夹不允许进入" : "a folder on its path may not be searched"
            case .tooLarge(let size): return zh ? "文件过大（\(size) 字节）" : "too large (\(size) bytes)"
            case .other(let code) where code == ENAMETOOLONG: return zh ? "路径太长，超出系统的上限" : "the path is longer than the system allows"
            case .other(let code): return zh ? "读取失败（错误号 \(code)）" : "reading failed (errno \(code))"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            var info = stat()
            let found = stat(path, &info) == 0
            // Not even looked up: a folder on the way may be listed but not searched.
            if !found && errno == EACCES && code == EACCES { return .failure(.pathPermission) }
            return .failure(failure(code, isFolder: found && info.st_mode & S_IFMT == S_IFDIR))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                #else
                Darwin.read(descriptor, buffer.baseAddress! + filled, size - filled)
                #endif
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeSubrange(filled...) }
        return .success(bytes)
    }

    /// What `errno` `code` means for reading `path`, a folder when `isFolder` (one that cannot be
    /// opened, so not listed either: its checklists are out of reach).
    static func failure(_ code: Int32, isFolder: Bool = false) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case EACCES, EPERM: return isFolder ? .folderPermission : .permission
        case ELOOP: return .notRegular
        default: return .other(code)
        }
    }
}
