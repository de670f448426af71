#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import AuditKit

/// A folder the user may not list is reported as a folder, with the permission it lacks. (Tests
/// run as root, which lists any folder, so the mapping from the error is tested directly.)
@Suite struct UnreadableFolderTests {
    @Test func aFolderThatCannotBeOpenedIsNotCalledAFile() {
        #expect(SourceFile.failure(EACCES, isFolder: true) == .folderPermission)
        #expect(SourceFile.failure(EACCES, isFolder: false) == .permission)
        #expect(SourceFile.failure(EPERM, isFolder: true) == .folderPermission)
        #expect(SourceFile.failure(ENOENT, isFolder: true) == .missing)

        let (code, message, hint) = ChecklistReader.describe(.folderPermission)
        #expect(code == .unreadable)
        #expect(message.en == "permission to list the folder is denied, so its checklists cannot be checked")
        #expect(message.zh.contains("文件夹"))
        #expect(hint.en.contains("chmod a+rx") && hint.zh.contains("chmod a+rx"))
        #expect(!ChecklistReader.describe(.permission).1.en.contains("folder"))
        #expect(ChecklistReader.describe(.pathPermission).2.en.contains("chmod a+x"))
    }
}
