import CYAML
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report set into an output folder safely.
///
/// Every file is first written to a temporary sibling; when all of them are written they are
/// flushed to disk (one `syncfs` on Linux, an `fsync` per file elsewhere) and only then renamed
/// into place, so a failed write leaves the previous reports as they were.
/// A list of the files written (`.audit-outputs`) lets the next run remove the reports it no longer
/// produces (a unit that left, say) while never touching a file it did not write itself.
public enum ReportWriter {
    /// The name of the list of files the last run wrote.
    public static let manifestName = ".audit-outputs"

    /// Writes `set` into `folder`; returns the paths removed because the new set no longer has them.
    @discardableResult
    public static func write(_ set: ReportSet, to folder: String) throws(OutputError) -> [String] {
        let hold = try FolderHold(folder)
        defer { withExtendedLifetime(hold) {} }
        removeLeftovers(in: folder)
        var staging = try Staging(folder: folder)
        do throws(OutputError) {
            for file in set.files {
                try staging.stage(file.path) { $0.write(bytes: file.bytes) }
            }
            return try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// A report set being written: each file goes to a temporary sibling as it is produced, and
    /// `commit` flushes them and renames them all into place. Files must be staged in path order.
    struct Staging {
        let folder: String
        private let previous: [String]
        /// The files staged, in order: each path, and the serial number that ends the name of its
        /// temporary file when a writer other than `stage` chose it (0 when `stage` did). Names
        /// are spelt out when needed, so a province's hundred thousand entries stay small.
        private var staged: [(path: String, serial: Int)] = []
        private let suffix = ".partial-\(ReportWriter.processID)"
        private var madeFolders: Set<String> = []
        /// A folder of reports written whole into a new folder of its own (`adopt(folder:from:files:)`):
        /// its path (`units`), and where it was written. Its files are staged with serial -1.
        private var newFolder: (path: String, temporary: String)?

        /// Makes `folder` and reads the list of what the last run wrote there.
        init(folder: String) throws(OutputError) {
            try FileOutput.makeFolder(folder)
            self.folder = folder
            previous = ReportWriter.readManifest(folder)
        }

        /// Writes the file `path` (relative to the folder) to its temporary sibling through `body`.
        mutating func stage(_ path: String, _ body: (inout FileTextOutput) -> Void) throws(OutputError) {
            let temporary = self.temporary((path, 0))
            staged.append((path, 0))
            try makeParent(of: temporary)
            try Self.write(temporary, body)
        }

        /// Writes several files at once, each through its own `body`, in parallel; the files are
        /// created in order first. On failure the error of the first file in path order is thrown.
        /// The files in `startingWith` start first, in that order, then the others: with more
        /// files than cores the last to start may finish alone, so the longest should go first.
        mutating func stage(_ files: [(path: String, body: @Sendable (inout FileTextOutput) -> Void)],
                            startingWith: [String] = []) throws(OutputError) {
            var opened: [(descriptor: Int32, temporary: String)] = []
            defer { for file in opened { close(file.descriptor) } }
            for file in files {
                let temporary = self.temporary((file.path, 0))
                staged.append((file.path, 0))
                try makeParent(of: temporary)
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { throw OutputError(path: temporary, reason: String(cString: strerror(errno))) }
                opened.append((descriptor, temporary))
            }
            var failures = [OutputError?](repeating: nil, count: files.count)
            failures.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                let targets = opened
                // Each file as a block of its own, not in a concurrentPerform: a body renders its
                // rows with concurrentPerform, which libdispatch gives fewer threads when nested
                // in another (none beyond its own with five files on two cores), so the longest
                // file (summary.json) finished on one core after the others were done. Waiting
                // blocks this thread, which is the command's, outside the dispatch pool.
                let group = DispatchGroup()
                var first: [Int] = []
                for path in startingWith {
                    if let index = files.firstIndex(where: { $0.path == path }), !first.contains(index) { first.append(index) }
                }
                let order = first + files.indices.filter { !first.contains($0) }
                for index in order {
                    DispatchQueue.global().async(group: group) {
                        var output = FileTextOutput(descriptor: targets[index].descriptor, path: targets[index].temporary)
                        files[index].body(&output)
                        buffer[index] = output.finish() ?? Self.flushOne(targets[index].descriptor, path: targets[index].temporary)
                    }
                }
                group.wait()
            }
            if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
        }

        /// Flushes every staged file, renames them into place, removes the reports the last run
        /// wrote and this one does not, and records what was written. Returns the removed paths.
        func commit() throws(OutputError) -> [String] {
            try flush()
            let current = Set(staged.map(\.path))
            // A folder written whole goes in place with one rename while nothing stands where it
            // goes; if something has come there since, its files are renamed one by one after all.
            var info = stat()
            let wholeFolder = newFolder.map { lstat(folder + "/" + $0.path, &info) != 0 && errno == ENOENT } ?? false
            // A folder where a report goes would stop its rename halfway through the set: found
            // before any report is replaced, so a run puts all its reports in place or none.
            if let blocked = firstFolderInTheWay(of: current, skippingNewFolder: wholeFolder) {
                abandon()
                throw OutputError(path: folder + "/" + blocked, reason: String(cString: strerror(EISDIR)))
            }
            if let (path, code) = renameAll(wholeFolder: wholeFolder) {
                abandon()
                throw OutputError(path: folder + "/" + path, reason: String(cString: strerror(code)))
            }
            if let newFolder, !wholeFolder { rmdir(newFolder.temporary) }
            var removed: [String] = []
            for path in previous.sorted() where !current.contains(path) && ReportWriter.isSafeRelative(path) {
                // A scorecard goes only while it still reads as one: a Markdown file of the user's
                // in units/ stays even when the list was edited to name it.
                guard ReportSet.summaryNames.contains(path) || ReportWriter.isScorecard(folder + "/" + path) else { continue }
                if unlink(folder + "/" + path) == 0 { removed.append(path) }
            }
            let manifest = staged.map(\.path).joined(separator: "\n") + "\n"
            try FileOutput.replace(folder + "/" + manifestName, with: Array(manifest.utf8))
            return removed
        }

        /// The first staged path, in staging order, where a folder stands. On Linux each folder the
        /// reports go into is listed once for the folders in it, one listing instead of an `lstat`
        /// per report (a province's run stages a hundred thousand; each call took 3 µs here). File
        /// systems that fold case (macOS's, usually) would not match a listed `Foo.md` with
        /// `foo.md`, so elsewhere every report is looked at on its own.
        /// With `skippingNewFolder`, the files of the folder written whole are not looked for:
        /// their folder does not exist, so nothing stands in their way.
        private func firstFolderInTheWay(of paths: Set<String>, skippingNewFolder: Bool) -> String? {
            func folderOf(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
            func isFolder(_ path: String) -> Bool {
                var info = stat()
                return lstat(folder + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            var blocked: Set<String> = []
            var parents: Set<String> = []
            for item in staged where !(skippingNewFolder && item.serial < 0) {
                let parent = folderOf(item.path)
                guard parents.insert(parent).inserted else { continue }
                #if os(Linux)
                let entries = FolderListing.possibleFolders(parent.isEmpty ? folder : folder + "/" + parent)
                #else
                let entries: [FolderListing.Entry]? = nil
                #endif
                guard let entries else {
                    // Not listable: each report there is looked at on its own.
                    for other in staged where folderOf(other.path) == parent && isFolder(other.path) { blocked.insert(other.path) }
                    continue
                }
                for entry in entries {
                    let path = parent.isEmpty ? entry.name : parent + "/" + entry.name
                    if paths.contains(path) && (entry.type == DT_DIR || isFolder(path)) { blocked.insert(path) }
                }
            }
            return blocked.isEmpty ? nil : staged.first { blocked.contains($0.path) }?.path
        }

        /// Renames every staged file into place, in two lanes (every other file each) when there
        /// are many: a rename waits on the system more than it works, and 10,000 took 0.08 s on
        /// one thread here, 0.05 s on two. Returns the first file in staging order that could not
        /// be renamed, and why: a lane stops at a file past the first failure known, so every file
        /// before the one returned was tried, as one loop in order would. Files after it may have
        /// been renamed by the other lane by then; one loop would have left them as they were.
        ///
        /// With `wholeFolder`, the folder written whole is one rename, at the place of its first file.
        private func renameAll(wholeFolder: Bool) -> (path: String, code: Int32)? {
            var planned: [(from: String, path: String)] = []
            planned.reserveCapacity(staged.count)
            for item in staged {
                if wholeFolder, item.serial < 0, let newFolder {
                    if planned.last?.path != newFolder.path { planned.append((newFolder.temporary, newFolder.path)) }
                } else {
                    planned.append((temporary(item), item.path))
                }
            }
            let moves = planned
            // Below a few hundred files a second thread costs more than it saves.
            let lanes = moves.count >= 256 ? 2 : 1
            var failures = [(index: Int, code: Int32)?](repeating: nil, count: lanes)
            let firstFailure = Atomic<Int>(Int.max)
            failures.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    var index = lane
                    while index < moves.count, index < firstFailure.load(ordering: .relaxed) {
                        if rename(moves[index].from, folder + "/" + moves[index].path) != 0 {
                            buffer[lane] = (index, errno)
                            var known = firstFailure.load(ordering: .relaxed)
                            while index < known {
                                let (exchanged, found) = firstFailure.compareExchange(expected: known, desired: index, ordering: .relaxed)
                                if exchanged { break }
                                known = found
                            }
                            return
                        }
                        index += lanes
                    }
                }
            }
            guard let first = failures.compactMap({ $0 }).min(by: { $0.index < $1.index }) else { return nil }
            return (moves[first.index].path, first.code)
        }

        /// Counts the file already written to `ReportWriter.temporary(folder:path:serial:)` as staged.
        mutating func adopt(_ path: String, serial: Int) {
            staged.append((path, serial))
        }

        /// Counts the folder `path` (such as `units`) as staged whole: it did not exist, and its
        /// files, `files` (paths in the set, each in `path`, in path order), were written under
        /// their own names into the new folder `temporary`, which holds nothing else. `commit`
        /// renames that folder into place: one rename instead of one per file, a tenth of a
        /// province's run. Only one folder is staged so.
        mutating func adopt(folder path: String, from temporary: String, files: [String]) {
            precondition(newFolder == nil, "one folder is staged whole at most")
            newFolder = (path, temporary)
            staged.reserveCapacity(staged.count + files.count)
            for file in files { staged.append((file, -1)) }
        }

        /// Removes every temporary file staged so far, and the folder written whole.
        func abandon() {
            for item in staged { unlink(temporary(item)) }
            if let newFolder { rmdir(newFolder.temporary) }
        }

        private func temporary(_ item: (path: String, serial: Int)) -> String {
            if item.serial < 0, let newFolder {
                return newFolder.temporary + "/" + item.path.dropFirst(newFolder.path.count + 1)
            }
            // A scorecard's always ends in a serial number (0 here), as the parallel stage's do:
            // a leftover in `units/` is known by it.
            return item.serial > 0 || item.path.hasPrefix("units/") ? ReportWriter.temporary(folder: folder, path: item.path, serial: item.serial)
                : folder + "/" + item.path + suffix
        }

        private mutating func makeParent(of path: String) throws(OutputError) {
            guard let slash = path.lastIndex(of: "/") else { return }
            let parent = String(path[..<slash])
            guard !madeFolders.contains(parent) else { return }
            if parent == folder {
                try FileOutput.makeParent(of: path)
            } else {
                try FileOutput.makeSubfolder(parent)
            }
            madeFolders.insert(parent)
        }

        /// Writes a new or truncated file at `path` through `body`; flushes it on systems without
        /// `syncfs`.
        static func write(_ path: String, _ body: (inout FileTextOutput) -> Void) throws(OutputError) {
            try withNewFile(path) { descriptor throws(OutputError) in
                var output = FileTextOutput(descriptor: descriptor, path: path)
                body(&output)
                if let failure = output.finish() { throw failure }
            }
        }

        /// Writes `bytes` as a new or truncated file at `path` in one go, without the buffer a
        /// streamed file takes: a province's run writes a hundred thousand scorecards this way.
        static func write(_ path: String, bytes: UnsafeRawBufferPointer) throws(OutputError) {
            try withNewFile(path) { descriptor throws(OutputError) in try FileOutput.writeAll(descriptor, bytes, path: path) }
        }

        /// Writes `bytes` as the new file `path`, which must not exist yet; returns false, writing
        /// nothing, when it does.
        static func writeNew(_ path: String, bytes: UnsafeRawBufferPointer) throws(OutputError) -> Bool {
            try withNewFile(path, exclusive: true) { descriptor throws(OutputError) in try FileOutput.writeAll(descriptor, bytes, path: path) }
        }

        /// Creates or truncates `path`, lets `body` write to it, and flushes it on systems without
        /// `syncfs`. With `exclusive`, a file already at `path` is left alone, and the result is
        /// false.
        @discardableResult
        private static func withNewFile(_ path: String, exclusive: Bool = false,
                                        _ body: (Int32) throws(OutputError) -> Void) throws(OutputError) -> Bool {
            let descriptor = open(path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
            if descriptor < 0 && exclusive && errno == EEXIST { return false }
            guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            try body(descriptor)
            if let failure = flushOne(descriptor, path: path) { throw failure }
            return true
        }

        /// Flushes one file on systems where `commit` cannot flush them all at once.
        private static func flushOne(_ descriptor: Int32, path: String) -> OutputError? {
            #if !os(Linux)
            guard fsync(descriptor) == 0 else { return OutputError(path: path, reason: String(cString: strerror(errno))) }
            #endif
            return nil
        }

        /// Makes every staged file durable before any is renamed.
        private func flush() throws(OutputError) {
            #if os(Linux)
            let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard syncfs(descriptor) == 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
            #endif
        }
    }

    /// An output folder held by one writer at a time, from before the leftovers of killed runs
    /// are removed until its reports are in place: two commands writing into one folder at once
    /// would each rename some of their files over the other's, and leave scorecards no list
    /// names. The system lets go of the hold when the process ends, however it ends.
    public final class FolderHold: Sendable {
        private let descriptor: Int32

        /// Makes `folder` when missing and holds it; refuses (`busy`) when another process does.
        /// A file system that cannot hold folders (some network shares) is written to unheld, as
        /// before there was a hold: refusing would leave its users no reports at all.
        public init(_ folder: String) throws(OutputError) {
            try FileOutput.makeFolder(folder)
            let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
                close(descriptor)
                throw OutputError(path: folder, reason: Self.busy)
            }
            self.descriptor = descriptor
        }

        deinit { close(descriptor) }

        /// Why a folder another process holds is refused.
        static let busy = "another audit command is writing reports into this folder; wait for it to finish, or choose another --out folder"
    }

    /// The temporary file that a writer other than `Staging.stage` (the parallel stage of `audit
    /// run`) writes `path` to, told apart by `serial` (1 or more; 0 for a scorecard `Staging.stage`
    /// writes): `path.partial-PID-SERIAL`.
    static func temporary(folder: String, path: String, serial: Int) -> String {
        folder + "/" + path + ".partial-\(processID)-\(serial)"
    }

    /// This process's id, asked of the system once: a province's run names two hundred thousand
    /// temporary files with it.
    static let processID = getpid()

    /// Removes from `folder` what runs that ended before their commit (killed, or the machine
    /// stopped) left there: temporary reports, in the folder and in its `units/`, and the new
    /// folder of a first run with all it holds. Only the temporary names of this tool's own
    /// reports are touched (`summary.md.partial-PID`, `units/ID.md.partial-PID-SERIAL`,
    /// `units.partial-PID`, `.audit-outputs.tmp-PID`: see `isLeftover`), and only those of
    /// processes no longer running; to be called before this process writes any report into
    /// `folder`, so that a name with its own id is a leftover too.
    static func removeLeftovers(in folder: String) {
        func gone(_ process: Int32) -> Bool {
            process == processID || (kill(process, 0) != 0 && errno == ESRCH)
        }
        for name in FolderListing.names(folder, containing: ".") ?? [] {
            guard let process = isLeftover(name, inUnits: false), gone(process) else { continue }
            let path = folder + "/" + name
            if name == "units.partial-\(process)" {
                // Only a folder itself, never one a link of that name leads to, is emptied.
                FileOutput.removeFolderOfFiles(path)
            } else {
                unlink(path)
            }
        }
        // Never through a link: `units/` that is one is refused, not cleaned.
        guard !FileOutput.isLink(folder + "/units") else { return }
        for name in FolderListing.names(folder + "/units", containing: ".partial-") ?? [] {
            if let process = isLeftover(name, inUnits: true), gone(process) { unlink(folder + "/units/" + name) }
        }
    }

    /// The process id in `name` when it is a temporary name this tool gives its reports: in the
    /// output folder, a summary's (`summary.json.partial-PID`), the new `units.partial-PID` or the
    /// list's (`.audit-outputs.tmp-PID`); in `units/`, a scorecard's (`ID.md.partial-PID-SERIAL`,
    /// ID a unit id). Nil for any other name, however alike: a `budget.partial-2022` of one's own
    /// stays, and so does a `units/my-notes.md.partial-2021`.
    static func isLeftover(_ name: String, inUnits: Bool) -> Int32? {
        if !inUnits, name.hasPrefix(manifestName + "."), let process = leftover(name, marker: ".tmp-") {
            return name == manifestName + ".tmp-\(process)" ? process : nil
        }
        guard let process = leftover(name, marker: ".partial-"),
              let marker = name.range(of: ".partial-", options: .backwards) else { return nil }
        let stem = String(name[..<marker.lowerBound])
        if inUnits {
            guard stem.hasSuffix(".md"), StringPattern.identifier.matches(String(stem.dropLast(3))),
                  name[marker.upperBound...].contains("-") else { return nil }
            return process
        }
        return stem == "units" || ReportSet.summaryNames.contains(stem) ? process : nil
    }

    /// The process id in a temporary name of this tool: `NAME` + `marker` + `PID`, or
    /// `NAME` + `.partial-PID-SERIAL`; nil for any other name.
    static func leftover(_ name: String, marker: String) -> Int32? {
        let bytes = Array(name.utf8)
        let mark = Array(marker.utf8)
        guard bytes.count > mark.count else { return nil }
        // The last place the marker is, with something before it.
        var start = bytes.count - mark.count
        while start > 0 && !bytes[start..<start + mark.count].elementsEqual(mark) { start -= 1 }
        guard start > 0 else { return nil }
        let parts = bytes[(start + mark.count)...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...(marker == ".partial-" ? 2 : 1)).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 10 && $0.allSatisfy { (0x30...0x39).contains($0) } }),
              let process = Int32(String(decoding: parts[0], as: UTF8.self)), process > 0 else { return nil }
        return process
    }

    static func readManifest(_ folder: String) -> [String] {
        guard case .success(let bytes) = SourceFile.read(folder + "/" + manifestName, limit: 1 << 22) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Whether the file at `path`, `units/ID.md`, reads as the scorecard of unit ID this tool
    /// writes: its first line is the scorecard's heading, `# NAME (`ID`)` (`（`ID`）` in Chinese).
    static func isScorecard(_ path: String) -> Bool {
        guard path.hasSuffix(".md"), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")),
              case .success(let bytes) = SourceFile.read(path, limit: 1 << 22) else { return false }
        let unit = Array(path.utf8[path.utf8.index(after: slash)...].dropLast(3))
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let id = Array("`".utf8) + unit + Array("`".utf8)
        return line.starts(with: Array("# ".utf8))
            && [Array(" (".utf8) + id + Array(")".utf8), Array("（".utf8) + id + Array("）".utf8)].contains { heading in
                line.count > heading.count + 2 && line.suffix(heading.count).elementsEqual(heading)
            }
    }

    /// Which of `inputs` (a baseline, a rollup's summaries) writing reports into `folder` would
    /// replace or remove: each such input, with the report it is, as a path in `folder`. Paths are
    /// compared as the system resolves them, so `reports/../reports/summary.json`, or a link to
    /// it, is found too. A summary given as the baseline of the run that writes over it would be
    /// lost, and the next run would measure the round against itself.
    public static func inputsInTheWay(_ inputs: [String], of folder: String) -> [(input: String, report: String)] {
        // A folder not made yet may still lead into one that exists (`new/../reports`): the
        // writer makes `new` and goes up from it, as the path read with `..` folded away does.
        // No folder yet: nothing in it to replace.
        guard let root = InputDiscovery.resolved(folder) ?? InputDiscovery.resolved(InputDiscovery.folded(folder)) else { return [] }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return inputs.compactMap { input in
            let real = InputDiscovery.canonical(input)
            guard real.hasPrefix(prefix) else { return nil }
            let name = String(real.dropFirst(prefix.count))
            guard isSafeRelative(name) else { return nil }
            return (input, folder.hasSuffix("/") ? folder + name : folder + "/" + name)
        }
    }

    /// A manifest entry is trusted only as a plain relative path inside the folder, and only as a
    /// name a report of this tool has (a summary, or a scorecard in `units/`): a manifest edited
    /// by hand to list `notes.txt` does not make the next run remove it.
    static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return false }
        if ReportSet.summaryNames.contains(path) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == "units" && parts[1].hasSuffix(".md") && parts[1].count > 3
    }
}
