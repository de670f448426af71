#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that each evidence file exists and stays inside the checklists tree.
struct EvidenceChecks {
    let input: InputFile

    func run(_ root: Value, sink: inout DiagnosticSink) {
        for (index, item) in (root["evidence"]?.list ?? []).enumerated() {
            guard let fileValue = item["file"], let file = fileValue.string else { continue }
            let path = "evidence[\(index)].file"
            guard let resolved = resolve(file) else {
                sink.report(.evidenceOutsideTree, at: fileValue.mark, path: path,
                            .init(zh: "佐证路径 \(Messages.shown(file)) 超出了清单目录 \(input.treeRoot)",
                                  en: "evidence path \(Messages.shown(file)) leaves the checklists tree \(input.treeRoot)"),
                            hint: .init(zh: "把文件放进清单目录，写相对于本清单的路径，不用 .. 或绝对路径",
                                        en: "put the file inside the checklists folder and give a path relative to this checklist, without .. or a leading /"))
                continue
            }
            var info = stat()
            if stat(resolved, &info) != 0 {
                sink.report(.evidenceMissing, at: fileValue.mark, path: path,
                            .init(zh: "佐证文件 \(Messages.shown(file)) 不存在", en: "evidence file \(Messages.shown(file)) does not exist"),
                            hint: .init(zh: "补交该文件，或改正路径（相对于本清单所在目录）",
                                        en: "add the file, or correct the path (relative to this checklist's folder)"))
            } else if !staysInside(resolved) {
                // A link in the tree (the file, or a folder on its way) to a place outside it.
                sink.report(.evidenceOutsideTree, at: fileValue.mark, path: path,
                            .init(zh: "佐证文件 \(Messages.shown(file)) 经链接指向清单目录 \(input.treeRoot) 之外",
                                  en: "evidence file \(Messages.shown(file)) is reached through a link that leads outside the checklists tree \(input.treeRoot)"),
                            hint: .init(zh: "把文件本身复制进清单目录，不要用链接指向目录外的文件",
                                        en: "copy the file itself into the checklists folder rather than linking to one outside it"))
            } else if info.st_mode & S_IFMT != S_IFREG {
                // A folder is not an evidence file either.
                var folder = Substring(file)
                while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
                sink.report(.evidenceMissing, at: fileValue.mark, path: path,
                            .init(zh: "佐证 \(Messages.shown(file)) 是文件夹，不是文件", en: "evidence \(Messages.shown(file)) is a folder, not a file"),
                            hint: .init(zh: "写出文件夹里的具体文件，如 \(Messages.shown(String(folder)))/照片.jpg",
                                        en: "name the file inside it, e.g. \(Messages.shown(String(folder)))/photo.jpg"))
            }
        }
    }

    /// Where `file`, written relative to the checklist, is; nil when it is absolute or climbs out of the tree.
    private func resolve(_ file: String) -> String? {
        if file.hasPrefix("/") || file.hasPrefix("~") || file.hasPrefix("\\") || Self.isDriveOrURL(file) { return nil }
        let directory = input.path.contains("/") ? String(input.path[..<input.path.lastIndex(of: "/")!]) : "."
        // Real paths on both sides, so that however the checklist and its tree were named (from
        // above, through ../, from inside the tree) the file's place in the tree is the same.
        let root = InputDiscovery.folded(InputDiscovery.canonical(input.treeRoot))
        let target = InputDiscovery.folded(InputDiscovery.canonical(directory) + "/" + String(file.map { $0 == "\\" ? "/" : $0 }))
        let rootParts = root.split(separator: "/")
        let targetParts = target.split(separator: "/")
        // The tree's own folder (`.` beside a checklist at its top) is inside it: a folder, not a
        // file, as it is then reported, rather than a path that leaves the tree.
        guard root.hasPrefix("/") == target.hasPrefix("/"), targetParts.count >= rootParts.count,
              targetParts.starts(with: rootParts) else { return nil }
        return target
    }

    /// Whether the existing file at `target` (a path inside the tree by its text) is inside the
    /// tree once every link on its way is followed.
    private func staysInside(_ target: String) -> Bool {
        let root = InputDiscovery.canonical(input.treeRoot)
        let real = InputDiscovery.canonical(target)
        // A path that cannot be resolved is judged by its text alone, as it was already.
        guard root.hasPrefix("/"), real.hasPrefix("/") else { return true }
        // By bytes: a name that begins with a combining mark must not join the slash before it.
        return root == "/" || real == root || real.utf8.starts(with: (root + "/").utf8)
    }

    /// `C:…` (a Windows drive) or `scheme://…`: absolute, wherever the checklist was written. A colon
    /// elsewhere is a legal character of a file name.
    private static func isDriveOrURL(_ file: String) -> Bool {
        let scalars = Array(file.unicodeScalars.prefix(3))
        if scalars.count >= 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic { return true }
        guard let colon = file.firstIndex(of: ":") else { return false }
        return file[colon...].hasPrefix("://") && file[..<colon].allSatisfy { $0.isASCII && $0.isLetter }
    }
}
