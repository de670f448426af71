import Foundation
import Testing
@testable import AuditKit

@Suite struct SmokeTests {
    @Test func bundledChecklistsValidate() throws {
        let outcome = try AuditBinary.run(["validate", "checklists"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("0 invalid"))
    }
}
