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
}

/// The tree evidence must stay in is the enclosing `checklists` folder however the checklist is
/// named, so a CI run over the changed files judges evidence as a run over the whole folder does.
@Suite struct EvidenceTreeRootTests {
    @Test(arguments: [
        ("checklists/town/a.yaml", false, "checklists"),
        ("checklists/town", true, "checklists"),
        ("checklists/", true, "checklists"),
        ("./checklists/a.yaml", false, "./checklists"),
        ("/srv/repo/checklists/town/a.yaml", false, "/srv/repo/checklists"),
        ("county/checklists/x/checklists/b.yaml", false, "county/checklists/x/checklists"),
        ("units/a.yaml", false, "units"),
        ("a.yaml", false, "."),
        ("submissions", true, "submissions"),
    ])
    func treeRoot(_ path: String, _ isFolder: Bool, _ root: String) {
        #expect(InputDiscovery.treeRoot(of: path, isFolder: isFolder) == root)
    }
}
