#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a folder as the system lists them.
///
/// A `dirent` is as long as its name, not as long as its declared 256-byte name field, so the
/// name is read through a pointer to where it starts; copying the field (as reading
/// `entry.pointee.d_name` into a value does) reads past the end of the last entry the system
/// buffered, which crashed a run over 100,000 files when that entry sat at the end of a page.
enum FolderListing {
    struct Entry {
        var name: String
        /// The type the listing gives (`DT_DIR`, `DT_REG`, `DT_LNK`…), `DT_UNKNOWN` when the file
        /// system does not say.
        var type: UInt8
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// The entries of the folder at `path` other than `.` and `..`, in the order listed; nil when
    /// it cannot be opened.
    static func entries(_ path: String) -> [Entry]? {
        entries(path) { _, _ in true }
    }

    /// The entries of the folder at `path` that are, or may be, folders (`DT_DIR`, or
    /// `DT_UNKNOWN`), other than `.` and `..`; nil when it cannot be opened. No name is made for
    /// the other entries: a folder of a hundred thousand scorecards lists none.
    static func possibleFolders(_ path: String) -> [Entry]? {
        entries(path) { _, type in type == DT_DIR || type == DT_UNKNOWN }
    }

    /// The names of the entries of the folder at `path` that contain `part`; nil when it cannot
    /// be opened. No string is made for the other names.
    static func names(_ path: String, containing part: String) -> [String]? {
        part.withCString { part in
            entries(path) { name, _ in strstr(name, part) != nil }?.map(\.name)
        }
    }

    /// The entries whose name and type `keep` accepts, other than `.` and `..`; a name becomes a
    /// string only once accepted.
    private static func entries(_ path: String, where keep: (UnsafePointer<CChar>, UInt8) -> Bool) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let start = UnsafeRawPointer(entry)
            let type = start.load(fromByteOffset: typeOffset, as: UInt8.self)
            let pointer = start.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            guard keep(pointer, type) else { continue }
            let name = String(cString: pointer)
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, type: type))
        }
        return entries
    }
}
