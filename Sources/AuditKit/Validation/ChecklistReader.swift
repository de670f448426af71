#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading one checklist produced.
public struct FileReport: Sendable {
    /// The input it came from.
    public var input: InputFile
    /// The valid checklist, when the file had no errors (and the run kept the tree).
    public var checklist: Checklist? {
        get { checklistBox?.checklist }
        set { checklistBox = newValue.map(ChecklistBox.init) }
    }
    /// The checklist, boxed: a report without one (every report of a large run) stays small.
    private var checklistBox: ChecklistBox?
    /// The valid checklist's `unit.id`, kept even when the run dropped the tree; nil when the file
    /// has errors.
    public var unitID: String? { hasErrors ? nil : claimedUnitID }
    /// Where `unit.id`'s value is written, for the duplicate-id diagnostic.
    var unitIDMark: Mark = .start
    /// The `unit.id` the file gives, when that value itself is valid, even if other parts of the
    /// file have errors: two files claiming one unit are reported whichever of them is broken.
    var claimedUnitID: String?
    /// The problems past the limit of a file that has more, which `diagnostics` counts in one.
    var unlisted: DiagnosticSink.Unlisted?
    /// Every diagnostic for the file, in file, line, column, code order.
    public var diagnostics: [Diagnostic]
    /// The file's bytes' SHA-256, in lower-case hex; empty when it could not be read or the reader
    /// was told not to compute it.
    public var sha256: String
    /// Whether the file could not be read at all (an I/O problem, not a content problem).
    public var isUnreadable: Bool

    /// Creates a report.
    public init(input: InputFile, checklist: Checklist?, diagnostics: [Diagnostic], sha256: String, isUnreadable: Bool) {
        self.input = input
        self.checklistBox = checklist.map(ChecklistBox.init)
        self.unitIDMark = checklist?.root.value(at: "unit.id")?.mark ?? .start
        self.claimedUnitID = checklist?.unitID
        self.diagnostics = diagnostics
        self.sha256 = sha256
        self.isUnreadable = isUnreadable
    }

    /// The path as the user named it.
    public var path: String { input.path }
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { Self.hasErrors(diagnostics) }

    /// Whether any of `diagnostics` is an error. (Asked of a report's diagnostics in place, this
    /// copies no report, where asking the report itself copied it whole.)
    static func hasErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// A checklist kept by reference in a report.
private final class ChecklistBox: Sendable {
    let checklist: Checklist

    init(_ checklist: Checklist) {
        self.checklist = checklist
    }
}

/// Reads, loads and validates one checklist file: the whole per-file pipeline, free of shared state,
/// so files can be processed in parallel.
public struct ChecklistReader: Sendable {
    /// The largest file accepted, in bytes.
    public static let sizeLimit = 1 << 20

    /// The catalogues item and rule ids are checked against.
    public let catalogues: Catalogues
    /// The YAML loader and its limits.
    public let loader: YAMLLoader
    /// Whether `read` computes each file's SHA-256: a summary and the JSON validation output name
    /// their inputs by digest; the other outputs have no use for it.
    public let computesDigest: Bool

    /// Creates a reader.
    public init(catalogues: Catalogues, loader: YAMLLoader = YAMLLoader(), computesDigest: Bool = true) {
        self.catalogues = catalogues
        self.loader = loader
        self.computesDigest = computesDigest
    }

    /// The same reader with catalogues of its own, for one lane of a parallel run
    /// (`Standard.privateCopy()` says why).
    func privateCopy() -> ChecklistReader {
        ChecklistReader(catalogues: catalogues.privateCopy(), loader: loader, computesDigest: computesDigest)
    }

    /// Reads and validates the file `input`.
    public func read(_ input: InputFile) -> FileReport {
        switch SourceFile.read(input.path, limit: Self.sizeLimit) {
        case .failure(let failure):
            var sink = DiagnosticSink(file: input.path)
            let (code, message, hint) = Self.describe(failure, path: input.path)
            sink.report(code, at: .start, path: "", message, hint: hint)
            return FileReport(input: input, checklist: nil, diagnostics: sink.diagnostics, sha256: "",
                              isUnreadable: code == .unreadable)
        case .success(let bytes):
            var report = validate(bytes, input: input)
            if computesDigest { report.sha256 = SHA256.hex(of: bytes) }
            return report
        }
    }

    /// Validates `bytes` as the content of `input` (no file access except for evidence checks).
    public func validate(_ bytes: [UInt8], input: InputFile) -> FileReport {
        var sink = DiagnosticSink(file: input.path)
        let loaded = loader.load(bytes)
        for problem in loaded.problems {
            sink.report(problem.code, at: problem.mark, path: "", problem.message, hint: problem.hint)
        }
        var checklist: Checklist?
        var claimed: Value?
        if let document = loaded.document {
            let root = document.root
            if document.isNull(root) {
                sink.report(.empty, at: root.mark, path: "", .init(zh: "文件没有内容", en: "the document is empty"),
                            hint: .init(zh: "用 `audit new 单位编号` 生成模板后填写", en: "start from a template: `audit new UNIT-ID`"))
            } else if root.kind == .mapping {
                var validator = StructureValidator(catalogues: catalogues, document: document, sink: sink)
                let value = validator.value(root, as: .object(ChecklistFormat.root), path: "", keyMark: root.mark)
                sink = validator.sink
                if let value {
                    claimed = value.value(at: "unit.id")
                    ConsistencyChecks(file: input.path).run(value, sink: &sink)
                    EvidenceChecks(input: input).run(value, sink: &sink)
                    if !sink.hasErrors { checklist = Checklist(file: input.path, root: value) }
                }
            } else {
                sink.report(.notMapping, at: root.mark, path: "",
                            .init(zh: "清单顶层应为键值映射（format:、unit: 等）", en: "the top level must be a mapping of keys (format:, unit:, ...)"),
                            hint: .init(zh: "参考 `audit new` 生成的模板，顶层的键从行首写起", en: "follow the template from `audit new`; top-level keys start at column 1"))
            }
        } else if loaded.problems.isEmpty {
            sink.report(.empty, at: .start, path: "", .init(zh: "文件没有内容", en: "the file has no content"),
                        hint: .init(zh: "用 `audit new 单位编号` 生成模板后填写", en: "start from a template: `audit new UNIT-ID`"))
        }
        var diagnostics = sink.diagnostics.sorted(by: Diagnostic.ordered)
        Self.pointAtFullWidthIndentation(&diagnostics, bytes: bytes)
        var report = FileReport(input: input, checklist: checklist, diagnostics: diagnostics, sha256: "", isUnreadable: false)
        report.unlisted = sink.unlistedProblems
        if checklist == nil, let claimed, let id = claimed.string {
            report.claimedUnitID = id
            report.unitIDMark = claimed.mark
        }
        return report
    }

    /// A key left empty (FH203) because the line after it is indented with full-width spaces,
    /// which YAML does not count as indentation: that line is the slip, so the hint points there
    /// rather than asking for a value after the colon.
    static func pointAtFullWidthIndentation(_ diagnostics: inout [Diagnostic], bytes: [UInt8]) {
        // Only a mapping or a list has lines of its own below it; and only a file with a
        // full-width space (E3 80 80) can have them indented so.
        func isContainer(_ path: String) -> Bool { ChecklistFormat.field(at: path)?.type.isContainer == true }
        guard diagnostics.contains(where: { $0.code == .notFilled && isContainer($0.keyPath) }),
              bytes.indices.dropLast(2).contains(where: { bytes[$0] == 0xE3 && bytes[$0 + 1] == 0x80 && bytes[$0 + 2] == 0x80 }) else { return }
        let lines = SyntaxAdvice.lines(bytes)
        // For each line, the first line from it on with content (blank and comment lines
        // skipped): one pass from the end, however many keys are empty.
        var nextContent = [Int](repeating: lines.count, count: lines.count + 1)
        for index in lines.indices.reversed() {
            let content = lines[index].drop { $0 == " " }
            nextContent[index] = content.isEmpty || content.hasPrefix("#") ? nextContent[index + 1] : index
        }
        for index in diagnostics.indices where diagnostics[index].code == .notFilled && isContainer(diagnostics[index].keyPath) {
            let next = nextContent[min(diagnostics[index].mark.line, lines.count)]
            guard let line = lines[safe: next], line.drop(while: { $0 == " " }).hasPrefix("\u{3000}") else { continue }
            let key = diagnostics[index].keyPath.split(separator: ".").last.map(String.init) ?? diagnostics[index].keyPath
            diagnostics[index].hint = Messages.fullWidthIndentBelowHint(key, line: next + 1)
        }
    }

    static func describe(_ failure: SourceFile.Failure, path: String = "") -> (DiagnosticCode, Localized, Localized) {
        switch failure {
        case .missing where path.contains("\u{FFFD}"):
            // A name in another encoding (GBK, from a Windows computer or a zip made on one) is
            // shown with � where its bytes are not UTF-8, and cannot be opened by that name.
            return (.unreadable,
                    .init(zh: "名字不是 UTF-8 编码（可能是 Windows 电脑或在其上打包的 zip 带来的 GBK 名字），无法按显示的名字打开",
                          en: "the name is not UTF-8 (perhaps GBK, from a Windows computer or a zip made on one), so it cannot be opened by the name shown"),
                    .init(zh: "改成 UTF-8 的名字（如 convmv -f gbk -t utf8 --notest 名字，或解压时用 unzip -O GBK）后重试",
                          en: "give it a UTF-8 name (convmv -f gbk -t utf8 --notest NAME, or unzip -O GBK when unpacking) and run again"))
        case .tooLarge(let size):
            return (.tooLarge,
                    .init(zh: "文件有 \(size) 字节，超过 1 MiB 上限", en: "the file is \(size) bytes, over the 1 MiB limit"),
                    .init(zh: "一个清单只写一个单位；检查是否误放了其他文件", en: "a checklist describes one unit; check that this is the right file"))
        case .missing:
            return (.unreadable, .init(zh: "文件不存在或在运行中被删除", en: "the file does not exist or vanished during the run"),
                    .init(zh: "确认文件路径后重试", en: "check the path and run again"))
        case .permission:
            return (.unreadable, .init(zh: "没有读取该文件的权限", en: "permission to read the file is denied"),
                    .init(zh: "修改文件权限（chmod a+r）后重试", en: "make the file readable (chmod a+r) and run again"))
        case .pathPermission:
            return (.unreadable, .init(zh: "无法进入文件所在的文件夹，文件读不到", en: "a folder on the file's path may not be searched, so the file cannot be reached"),
                    .init(zh: "给所在文件夹加上进入权限（chmod a+x）后重试", en: "make the folders on its path searchable (chmod a+x) and run again"))
        case .folderPermission:
            return (.unreadable, .init(zh: "没有列出该文件夹的权限，其中的清单无法检查", en: "permission to list the folder is denied, so its checklists cannot be checked"),
                    .init(zh: "修改文件夹权限（chmod a+rx）后重试", en: "make the folder readable and searchable (chmod a+rx) and run again"))
        case .notRegular:
            return (.unreadable, .init(zh: "不是普通文件（可能是目录、设备或循环链接）", en: "not a regular file (a folder, a device or a symbolic link loop)"),
                    .init(zh: "删除或改名，使其不以 .yaml 结尾", en: "remove it, or rename it so it does not end in .yaml"))
        case .other(let code) where code == ENAMETOOLONG:
            return (.unreadable, .init(zh: "路径太长，超出系统的上限（文件夹嵌套过深或名字过长）", en: "the path is longer than the system allows (folders nested too deep, or names too long)"),
                    .init(zh: "把清单移到层级较浅的文件夹后重试", en: "move the checklists to a folder nearer the top and run again"))
        case .other(let code):
            return (.unreadable, .init(zh: "读取失败（错误号 \(code)）", en: "reading failed (errno \(code))"),
                    .init(zh: "检查磁盘和文件后重试", en: "check the disk and the file, then run again"))
        }
    }
}
