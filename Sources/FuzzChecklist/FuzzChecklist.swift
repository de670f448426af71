// The libFuzzer target: arbitrary bytes through the checklist loader, validator and scorer,
// through the standard loader, and through the reader of the summary.json files a baseline or a
// rollup takes from other hands. Build and run it with `fuzz/run.sh [SECONDS]`; the README's
// "Fuzzing" section says more. In a normal build it is an executable that only says how to run it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit

/// One input: every path must end in a report, never a crash, a hang or a leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = ChecklistReader(catalogues: .builtIn).validate(bytes, input: InputFile(path: "fuzz.yaml", treeRoot: "."))
    // A valid checklist goes on to be scored, as `audit run` and `audit score` would.
    if let checklist = report.checklist { _ = Scorer(standard: .builtIn).score(checklist) }
    _ = StandardLoader.load(bytes, file: "fuzz.yaml")
    _ = try? Rollup.decode(bytes, path: "fuzz.json")
    return 0
}

#if FUZZING
// libFuzzer brings its own `main`, but SwiftPM links an executable on Linux with `main` defined as
// `<module>_main`, which it expects the `@main` type to provide. Built for fuzzing, this target has
// no `@main` type: it defines `FuzzChecklist_main` itself and hands over to libFuzzer's driver,
// which keeps the build a plain `swift build`.
@_extern(c, "LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzChecklist_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}
#else
/// In a normal build: say how to fuzz, and fail.
@main
enum FuzzChecklistNotice {
    static func main() {
        let message = Array("FuzzChecklist is built for fuzzing by fuzz/run.sh; this build only says so.\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(64)
    }
}
#endif
