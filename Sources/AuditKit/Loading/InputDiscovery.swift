#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One checklist file to read, and the checklists tree it belongs to.
public struct InputFile: Sendable, Hashable {
    /// The path as the user will see it: the folder they named joined with the file's relative path.
    public var path: String
    /// The folder whose tree evidence paths must stay inside.
    public var treeRoot: String

    /// Creates an input.
    public init(path: String, treeRoot: String) {
        self.path = path
        self.treeRoot = treeRoot
    }
}

/// Why the inputs could not be listed.
public enum DiscoveryError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case unreadable(String)

    public var description: String { message.en }

    /// What went wrong, in both languages.
    public var message: Localized {
        switch self {
        case .missing(let path) where path.contains("\u{FFFD}"):
            // Shown with � where its bytes are not UTF-8: a GBK name cannot be opened by that name.
            return .init(zh: "没有这个文件或目录：\(path)（名字不是 UTF-8 编码，可能是 GBK：改成 UTF-8 文件名，如 convmv -f gbk -t utf8 --notest，再重试）",
                         en: "no such file or folder: \(path) (the name is not UTF-8, perhaps GBK: give it a UTF-8 name, e.g. convmv -f gbk -t utf8 --notest, and run again)")
        case .missing(let path): return .init(zh: "没有这个文件或目录：\(path)", en: "no such file or folder: \(path)")
        case .unreadable(let path): return .init(zh: "无法读取：\(path)", en: "cannot read: \(path)")
        }
    }
}

/// Finds the checklists named on the command line: files as given, folders searched recursively for
/// `.yaml` and `.yml` files in name order; hidden folders (`.git`) are skipped. Symbolic links to
/// folders are searched after the folders themselves, each once, so a checklist keeps its own
/// folder's name when a link also leads to it: a link to a folder already searched (a loop), to
/// the folder named or the link's own folder or one holding them (`up -> ..`, which would search
/// past what was named), or through a hidden folder is passed over. A linked folder outside the checklists tree is a tree of its own for
/// the evidence its checklists name.
public enum InputDiscovery {
    /// The checklist files under `paths`, without duplicates, in a stable order.
    /// A folder that cannot be listed is returned as an input of its own, so that reading it
    /// reports the problem in line with the other files.
    /// With `keepingMissing`, a path that does not exist or cannot be looked at is not an error but
    /// an input of its own, which reading then reports (FH100) alongside the other files' results.
    public static func files(in paths: [String], keepingMissing: Bool = false) throws(DiscoveryError) -> [InputFile] {
        var found: [Found] = []
        var seen = Set<String>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let missing = errno == ENOENT || errno == ENOTDIR
                // Kept, a path that cannot be looked at (gone, a link loop, no permission) is read
                // like a file, and reading says why it failed.
                guard keepingMissing else { throw missing ? .missing(path) : .unreadable(path) }
                found.append(Found(file: InputFile(path: path, treeRoot: treeRoot(of: path, isFolder: false)), real: nil))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let real = canonical(path)
                let root = treeRoot(of: path, isFolder: true)
                var search = Search(named: real, searched: [real])
                walk(path, real: real, root: root, search: &search, into: &found)
                // Then the links, in the order found, and those found in linked folders. Outside
                // the tree's real folder, a linked folder is the tree its checklists' evidence
                // stays in, as when one of them is named on the command line.
                let rootReal = canonical(root)
                var next = 0
                while next < search.links.count {
                    let link = search.links[next]
                    next += 1
                    guard let target = linkedFolder(link.path), search.mayEnter(target, from: link.container) else { continue }
                    search.searched.insert(target)
                    walk(link.path, real: target, root: isInside(target, rootReal) ? root : target, search: &search, into: &found)
                }
            } else {
                found.append(Found(file: InputFile(path: path, treeRoot: treeRoot(of: path, isFolder: false)), real: nil))
            }
        }
        // One file named two ways (`checklists` and `./checklists/a.yaml`, or through a link) is
        // read once, under the name it was first found by.
        seen.reserveCapacity(found.count)
        return found.filter { seen.insert($0.real ?? canonical($0.file.path)).inserted }.map(\.file)
    }

    /// A file found, and its real path when the search already knows it: a file listed in a
    /// folder whose real path is known, not through a link, is that folder's real path and its
    /// name, so only files named on the command line or reached through a link are resolved one
    /// by one (ten thousand `realpath` calls were a tenth of validating ten thousand files).
    private struct Found {
        var file: InputFile
        var real: String?
    }

    /// What a folder entry is, for the search.
    private enum Kind {
        /// A folder, not a link to one.
        case folder
        /// A regular file, not a link to one.
        case file
        case other
    }

    /// The kind of the entry at `path`, from its listing's type where the file system gives one,
    /// else looked up without following links.
    private static func kind(_ listed: UInt8, path: String) -> Kind {
        switch Int32(listed) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    /// The tree evidence paths must stay inside, for a file or folder named on the command line:
    /// the nearest enclosing folder named `checklists` (the convention), so that CI checking only
    /// the changed files (`checklists/town/a.yaml`) judges evidence exactly as a run over
    /// `checklists` does; else the folder named, or the file's own folder.
    static func treeRoot(of path: String, isFolder: Bool) -> String {
        // Folded first: in `checklists/../other/a.yaml` the file is not under checklists.
        let folder = folded(isFolder ? path : parentFolder(of: path))
        let parts = folder.split(separator: "/")
        if let index = parts.lastIndex(of: "checklists") {
            let root = (folder.hasPrefix("/") ? "/" : "") + parts[...index].joined(separator: "/")
            // Below it, a link to a folder outside its real folder leads to a tree of its own, as
            // the search of the tree takes it.
            let rootReal = canonical(root)
            var below = root
            for part in parts[(index + 1)...] {
                below += "/" + part
                var info = stat()
                guard lstat(below, &info) == 0 else { break }
                if info.st_mode & S_IFMT == S_IFLNK, case let real = canonical(below), !isInside(real, rootReal) { return real }
            }
            return root
        }
        // Named from inside the tree (`town/a.yaml` run in checklists/): the folder's real path
        // tells which checklists folder it is in.
        let real = canonical(folder)
        let realParts = real.split(separator: "/")
        if real.hasPrefix("/"), let index = realParts.lastIndex(of: "checklists") {
            return "/" + realParts[...index].joined(separator: "/")
        }
        return folder
    }

    /// `path` with `.` and `..` folded away by its text alone; a relative path keeps the `..` that
    /// climb above its start.
    static func folded(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The folder a file named on the command line is in.
    private static func parentFolder(of path: String) -> String {
        let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return parent.isEmpty ? "/" : parent
    }

    /// The absolute path with links resolved, or `path` itself when it cannot be resolved.
    static func canonical(_ path: String) -> String {
        resolved(path) ?? path
    }

    /// The absolute path with links resolved, or nil when something on it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a file name is a checklist's.
    public static func isChecklistName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// The search of one folder named on the command line.
    private struct Search {
        /// The real path of the folder named.
        let named: String
        /// The real paths of the folders searched so far.
        var searched: Set<String>
        /// Links met in the folders searched, with the real path of the folder each is in, to be
        /// looked at once the folders themselves are.
        var links: [(path: String, container: String)] = []

        /// Whether the folder at real path `target`, linked from the folder at real path
        /// `container`, is still to be searched: not searched yet, not the named folder or the
        /// link's own folder or one holding them (which would search past what was named), and
        /// not hidden where it leaves the link's folder.
        func mayEnter(_ target: String, from container: String) -> Bool {
            guard !searched.contains(target), !isInside(named, target), !isInside(container, target) else { return false }
            let shared = zip(target.split(separator: "/"), container.split(separator: "/")).prefix { $0 == $1 }.count
            return !target.split(separator: "/").dropFirst(shared).contains { $0.hasPrefix(".") }
        }
    }

    /// Whether the real path `path` is `folder` or inside it.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// Adds the checklists under `folder`, whose real path is `real`, and notes the links in it in
    /// `search`. An entry's kind is taken from the folder listing where the file system gives it,
    /// else looked up without following links.
    private static func walk(_ folder: String, real: String, root: String, search: inout Search, into found: inout [Found]) {
        guard let listed = FolderListing.entries(folder) else {
            found.append(Found(file: InputFile(path: folder, treeRoot: root), real: nil))
            return
        }
        for entry in listed.filter({ !$0.name.hasPrefix(".") }).sorted(by: { $0.name < $1.name }) {
            let name = entry.name
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let realPath = real.hasSuffix("/") ? real + name : real + "/" + name
            switch kind(entry.type, path: path) {
            case .folder:
                guard search.searched.insert(realPath).inserted else { break }
                walk(path, real: realPath, root: root, search: &search, into: &found)
            case .file where isChecklistName(name):
                found.append(Found(file: InputFile(path: path, treeRoot: root), real: realPath))
            case .other where isChecklistName(name):
                // A link (to a file, or to a folder named like a checklist), an entry that cannot
                // be looked at or is gone, or something else: resolved when duplicates are looked
                // for, and read like any file, which reports what is wrong with it.
                found.append(Found(file: InputFile(path: path, treeRoot: root), real: nil))
            case .other:
                // Perhaps a link to a folder: looked at when the folders are searched.
                search.links.append((path, real))
            case .file:
                break
            }
        }
    }

    /// The real path of the folder the symbolic link at `path` leads to, or nil when it is not a
    /// link to a folder.
    private static func linkedFolder(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
              stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return canonical(path)
    }
}
