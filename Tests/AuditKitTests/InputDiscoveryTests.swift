import Foundation
import Testing
@testable import AuditKit

/// Which files a run reads when the same checklist is named more than once.
@Suite struct InputDiscoveryTests {
    private static let samples = TestPaths.packageRoot.appendingPathComponent("checklists")

    /// `checklists` and `./checklists/a.yaml`, or a link to a file: one unit, not a duplicate id.
    @Test func aFileNamedTwoWaysIsReadOnce() throws {
        try ScratchFolder.with { folder in
            let tree = folder.appendingPathComponent("checklists")
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
            for name in ["hexi-township.yaml", "nanshan-town.yaml"] {
                try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name), to: tree.appendingPathComponent(name))
            }
            let link = folder.appendingPathComponent("link.yaml")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: tree.appendingPathComponent("nanshan-town.yaml"))
            let inputs = try InputDiscovery.files(in: [tree.path, folder.path + "/./checklists/hexi-township.yaml",
                                                       tree.path + "//hexi-township.yaml", link.path])
            #expect(inputs.map(\.path) == [tree.path + "/hexi-township.yaml", tree.path + "/nanshan-town.yaml"])
            let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
            #expect(run.diagnostics.isEmpty)
        }
    }

    /// A folder listed in many buffers' worth of entries with long names: every name is read
    /// whole, and none past the end of its entry (the last entry of a buffer ends near the end of
    /// its memory, which AddressSanitizer watches).
    @Test func aLongListingIsReadEntryByEntry() throws {
        try ScratchFolder.with { folder in
            let tree = folder.appendingPathComponent("checklists")
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
            var names: [String] = []
            for index in 0..<600 {
                // 40 to 232 bytes, so that the entries end at every offset of a buffer.
                let name = String(format: "%04d-", index) + String(repeating: "长", count: (index * 37) % 65 + 10) + ".yaml"
                names.append(name)
                #expect(FileManager.default.createFile(atPath: tree.appendingPathComponent(name).path, contents: Data()))
            }
            let inputs = try InputDiscovery.files(in: [tree.path])
            #expect(inputs.map(\.path) == names.sorted().map { tree.path + "/" + $0 })
            #expect(FolderListing.entries(tree.path)?.map(\.name).sorted() == names.sorted())
        }
    }

    /// Files listed in a folder are known by the folder's real path; those reached through a link
    /// (a linked folder named on the command line, a linked file inside the tree) still resolve to
    /// the file they name.
    @Test func linkedFoldersAndFilesAreReadOnce() throws {
        try ScratchFolder.with { folder in
            let tree = folder.appendingPathComponent("checklists/town")
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("hexi-township.yaml"),
                                             to: tree.appendingPathComponent("hexi-township.yaml"))
            try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("zz-link.yaml"),
                                                       withDestinationURL: tree.appendingPathComponent("hexi-township.yaml"))
            let linkedFolder = folder.appendingPathComponent("linked")
            try FileManager.default.createSymbolicLink(at: linkedFolder, withDestinationURL: tree)
            let inputs = try InputDiscovery.files(in: [folder.appendingPathComponent("checklists").path, linkedFolder.path])
            #expect(inputs.map(\.path) == [tree.path + "/hexi-township.yaml"])
            // A folder named with a slash at the end gives the same files, joined with one slash.
            #expect(try InputDiscovery.files(in: [tree.path + "/", tree.path]).map(\.path) == [tree.path + "/hexi-township.yaml"])
        }
    }

    /// A link to a folder found in the search is searched like the folder, after the folders
    /// themselves, so its checklists are not left out unseen and a checklist reached both ways
    /// keeps its own folder's name. A link back to a folder already searched, up to one that holds
    /// a folder searched (from the tree, or from the linked folder), or to a hidden folder is
    /// passed over. A linked folder outside the tree is the tree of its checklists' evidence.
    @Test func linkedFoldersInTheTreeAreSearchedOnce() throws {
        try ScratchFolder.with { folder in
            let tree = folder.appendingPathComponent("checklists")
            let other = folder.appendingPathComponent("other")
            let sub = tree.appendingPathComponent("sub")
            let hidden = tree.appendingPathComponent(".hidden")
            for made in [tree, other, sub, hidden] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true) }
            func copy(_ name: String, to place: URL, as newName: String? = nil) throws {
                try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name),
                                                 to: place.appendingPathComponent(newName ?? name))
            }
            try copy("hexi-township.yaml", to: tree)
            try copy("chengguan-town.yaml", to: sub)
            try copy("county-statistics-bureau.yaml", to: hidden)
            // Beside the tree: found only if a link up were followed.
            try copy("beiyuan-township.yaml", to: folder)
            // In the linked folder, with evidence beside it.
            let evidence = "\nevidence:\n  - file: photo.jpg\n    about: venue\n"
            let text = try String(contentsOf: Self.samples.appendingPathComponent("nanshan-town.yaml"), encoding: .utf8) + evidence
            try Data(text.utf8).write(to: other.appendingPathComponent("nanshan-town.yaml"))
            try Data("jpg".utf8).write(to: other.appendingPathComponent("photo.jpg"))
            let links = [(tree, "alias", "sub"), (tree, "linked", "../other"), (tree, "linked-again", "../other"), (tree, "again", "."),
                         (tree, "up", ".."), (tree, "root", "/"), (tree, "shown", ".hidden"), (other, "up-from-there", "..")]
            for (place, name, target) in links {
                try FileManager.default.createSymbolicLink(atPath: place.appendingPathComponent(name).path, withDestinationPath: target)
            }
            // A link into a linked folder's subfolder, named before a link to the whole of it: the
            // whole is still searched. A link into a hidden folder's subfolder is passed over.
            let data = folder.appendingPathComponent("data")
            for made in [data.appendingPathComponent("2023"), data.appendingPathComponent("2024"),
                         tree.appendingPathComponent(".archive/old")] {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            }
            try copy("dongguan-town.yaml", to: data.appendingPathComponent("2023"))
            try copy("xinhua-community.yaml", to: data.appendingPathComponent("2024"))
            try copy("county-agriculture-bureau.yaml", to: tree.appendingPathComponent(".archive/old"))
            for (name, target) in [("a-2024", "../data/2024"), ("b-data", "../data"), ("c-old", ".archive/old")] {
                try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent(name).path, withDestinationPath: target)
            }
            let inputs = try InputDiscovery.files(in: [tree.path])
            #expect(inputs.map(\.path) == [tree.path + "/hexi-township.yaml", tree.path + "/sub/chengguan-town.yaml",
                                            tree.path + "/a-2024/xinhua-community.yaml", tree.path + "/b-data/2023/dongguan-town.yaml",
                                            tree.path + "/linked/nanshan-town.yaml"])
            let otherReal = InputDiscovery.canonical(other.path)
            #expect(inputs.last?.treeRoot == otherReal)
            let run = ValidationRun.validate(inputs, reader: ChecklistReader(catalogues: .builtIn))
            #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.message.en))")
            // Named on its own, as CI names a changed file, the linked checklist has the same tree.
            let named = try InputDiscovery.files(in: [tree.path + "/linked/nanshan-town.yaml"])
            #expect(named.map(\.treeRoot) == [otherReal])
            #expect(ValidationRun.validate(named, reader: ChecklistReader(catalogues: .builtIn)).diagnostics.isEmpty)
        }
    }
}

/// The tree evidence must stay in is the enclosing `checklists` folder however the checklist is
/// named, so a CI run over the changed files judges evidence as a run over the whole folder does.
@Suite struct EvidenceTreeRootTests {
    @Test(arguments: [
        ("checklists/town/a.yaml", false, "checklists"),
        ("checklists/town", true, "checklists"),
        ("checklists/", true, "checklists"),
        ("./checklists/a.yaml", false, "checklists"),
        ("/srv/repo/checklists/town/a.yaml", false, "/srv/repo/checklists"),
        ("county/checklists/x/checklists/b.yaml", false, "county/checklists/x/checklists"),
        ("units/a.yaml", false, "units"),
        ("a.yaml", false, "."),
        ("submissions", true, "submissions"),
        // Folded before the search: this file is not under checklists.
        ("checklists/../other/a.yaml", false, "other"),
        ("../repo/checklists/town/a.yaml", false, "../repo/checklists"),
    ])
    func treeRoot(_ path: String, _ isFolder: Bool, _ root: String) {
        #expect(InputDiscovery.treeRoot(of: path, isFolder: isFolder) == root)
    }
}

/// Evidence inside the tree passes however the checklist is named: from above, from a sibling
/// folder through `..`, or by its own file.
@Suite struct EvidenceFromAnywhereTests {
    @Test func evidenceInsideTheTreePassesFromEveryStartingPoint() throws {
        let temporary = try TemporaryFolder()
        let tree = temporary.path("county/checklists")
        try FileManager.default.createDirectory(atPath: tree + "/town", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tree + "/photos", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: temporary.path("county/work"), withIntermediateDirectories: true)
        try Data("jpg".utf8).write(to: URL(fileURLWithPath: tree + "/photos/venue.jpg"))
        let text = try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
            + "evidence:\n  - file: ../photos/venue.jpg\n    about: venue\n"
        try text.write(toFile: tree + "/town/beiyuan-township.yaml", atomically: true, encoding: .utf8)
        let starts: [(String, [String])] = [
            ("county", ["checklists"]), ("county", ["checklists/town/beiyuan-township.yaml"]),
            ("county/work", ["../checklists"]), ("county/work", ["../checklists/town/beiyuan-township.yaml"]),
            // From inside the tree, where the path names no checklists folder at all.
            ("county/checklists", ["town"]), ("county/checklists/town", ["beiyuan-township.yaml"]),
        ]
        for (directory, arguments) in starts {
            let outcome = try AuditBinary.run(["validate", "--lang", "en"] + arguments, in: URL(fileURLWithPath: temporary.path(directory)))
            #expect(outcome.status == 0, "\(directory) \(arguments): \(outcome.stdout)")
            #expect(!outcome.stdout.contains("FH407"))
        }
    }
}

/// Evidence whose path stays in the tree by its text but reaches a file outside it through a link
/// (the file itself, or a folder on its way) leaves the tree; a link from one place in the tree to
/// another does not.
@Suite struct EvidenceThroughLinksTests {
    @Test func linksOutOfTheTreeAreReportedAndLinksWithinItAreNot() throws {
        let temporary = try TemporaryFolder()
        let tree = temporary.path("county/checklists")
        let outside = temporary.path("county/private")
        let manager = FileManager.default
        for folder in [tree + "/photos", outside] { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data("jpg".utf8).write(to: URL(fileURLWithPath: tree + "/photos/venue.jpg"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: outside + "/ledger.jpg"))
        try manager.createSymbolicLink(atPath: tree + "/ledger.jpg", withDestinationPath: "../private/ledger.jpg")
        try manager.createSymbolicLink(atPath: tree + "/private", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: tree + "/venue.jpg", withDestinationPath: "photos/venue.jpg")
        try manager.createSymbolicLink(atPath: tree + "/pictures", withDestinationPath: "photos")
        try manager.createSymbolicLink(atPath: tree + "/everything", withDestinationPath: ".")
        let entries = ["ledger.jpg", "private/ledger.jpg", "venue.jpg", "pictures/venue.jpg", "photos/venue.jpg",
                       "everything/photos/venue.jpg", "everything"]
        let text = try String(contentsOfFile: "checklists/beiyuan-township.yaml", encoding: .utf8)
            + "evidence:\n" + entries.map { "  - file: \($0)\n    about: venue\n" }.joined()
        try text.write(toFile: tree + "/beiyuan-township.yaml", atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of entry: String) -> Int { (lines.firstIndex { $0 == "  - file: \(entry)" } ?? -1) + 1 }

        let run = ValidationRun.validate(try InputDiscovery.files(in: [tree]), reader: ChecklistReader(catalogues: .builtIn))
        let report = try #require(run.reports.first)
        #expect(run.reports.count == 1)
        let found = report.diagnostics.filter { $0.code == .evidenceOutsideTree }
        #expect(found.map(\.line) == [line(of: "ledger.jpg"), line(of: "private/ledger.jpg")])
        #expect(found.map(\.keyPath) == ["evidence[0].file", "evidence[1].file"])
        for diagnostic in found {
            #expect(diagnostic.message.en.contains("through a link that leads outside the checklists tree"))
            #expect(diagnostic.message.zh.contains("经链接指向清单目录"))
            #expect(!diagnostic.hint.en.isEmpty && !diagnostic.hint.zh.isEmpty)
        }
        #expect(!report.hasErrors, "FH407 is a warning: the unit is still scored")
        // A link to the tree itself is a folder in the tree, not a way out of it.
        #expect(report.diagnostics.filter { $0.code == .evidenceMissing }.map(\.line) == [line(of: "everything")])
    }
}
