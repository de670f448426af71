import CYAML

/// Builds a `YAMLDocument` straight from libyaml's event stream.
///
/// The loader never interprets scalars (no YAML 1.1 implicit typing: `NO` stays the text `NO`), keeps
/// every node's 1-based start mark, and bounds what hostile input can cost: nesting depth, the
/// number of nodes aliases may add and the text they may repeat are capped, and the first
/// violation ends the parse.
public struct YAMLLoader: Sendable {
    /// The deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// How many nodes aliases may add to a document in total.
    public var aliasBudget: Int
    /// How many bytes of scalar text aliases may repeat in total: one long text named a thousand
    /// times is one node each time, but every check reads it again.
    public var aliasTextBudget: Int

    /// Creates a loader with the given limits.
    public init(maxDepth: Int = 64, aliasBudget: Int = 10_000, aliasTextBudget: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.aliasBudget = aliasBudget
        self.aliasTextBudget = aliasTextBudget
    }

    /// Loads the first document of `bytes`, reporting every problem met on the way.
    public func load(_ bytes: [UInt8]) -> LoadResult {
        // Nodes count their places in 32 bits, and a scalar's text can be half as long again as
        // its source (`\L` is three bytes); the readers refuse files over 1 MiB long before.
        guard bytes.count <= 1 << 30 else {
            return LoadResult(document: nil, problems: [LoadProblem(
                code: .tooLarge, mark: .start,
                message: .init(zh: "文件有 \(bytes.count) 字节，超过 1 GiB", en: "the file is \(bytes.count) bytes, over 1 GiB"),
                hint: .init(zh: "一个清单只写一个单位；检查是否误放了其他文件", en: "a checklist describes one unit; check that this is the right file"))])
        }
        if let problem = SourceCheck.problem(in: bytes) {
            return LoadResult(document: nil, problems: [problem])
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return LoadResult(document: nil, problems: [LoadProblem(
                code: .syntax, mark: .start,
                message: .init(zh: "无法初始化 YAML 解析器", en: "could not initialise the YAML parser"),
                hint: .init(zh: "内存不足，请重试", en: "the machine may be out of memory; try again"))])
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = DocumentBuilder(maxDepth: maxDepth, aliasBudget: aliasBudget, aliasTextBudget: aliasTextBudget,
                                          size: bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    builder.problems.append(Self.syntaxProblem(parser, bytes: bytes))
                    break
                }
                let more = builder.consume(event)
                yaml_event_delete(&event)
                if !more { break }
            }
            return LoadResult(document: builder.document, problems: builder.problems)
        }
    }

    private static func syntaxProblem(_ parser: yaml_parser_t, bytes: [UInt8]) -> LoadProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark: Mark
        if parser.error == YAML_READER_ERROR {
            mark = SourceCheck.mark(ofByte: Int(parser.problem_offset), in: bytes)
        } else {
            mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
        if parser.error == YAML_READER_ERROR, problem.contains("control characters") {
            return LoadProblem(
                code: .syntax, mark: mark,
                message: .init(zh: "文件含有不允许的控制字符（如 NUL）", en: "the file contains a control character (such as NUL)"),
                hint: .init(zh: "删除该位置的不可见字符后保存", en: "delete the invisible character at this position"))
        }
        let contextMark = Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        let advice = SyntaxAdvice.advice(problem: problem, context: context, mark: mark, contextMark: contextMark, bytes: bytes)
        return LoadProblem(code: .syntax, mark: advice.mark, message: advice.message, hint: advice.hint)
    }
}

/// Turns libyaml events into nodes, one frame per open collection.
///
/// Finished nodes wait on one shared stack until their collection ends; the collection then moves
/// its children off the top into the document's nodes, side by side, and waits on the stack
/// itself. Nodes are plain numbers and scalars' bytes go into one buffer, so nothing is allocated
/// per node.
private struct DocumentBuilder {
    struct Frame {
        var mark: Mark
        var anchor: String?
        var isMapping: Bool
        /// Where this collection's children start on `pending`.
        var start: Int
        /// `counted` and `textCounted` when the collection started.
        var counted: Int
        var textCounted: Int
    }

    let maxDepth: Int
    let aliasBudget: Int
    let aliasTextBudget: Int
    var stack: [Frame] = []
    var pending: [YAMLNode] = []
    var nodes: [YAMLNode] = []
    var text: YAMLDocument.Text
    /// Nodes completed so far, an alias counted as the nodes it stands for and a collection as
    /// one: what a collection holds, with itself, is the count at its end less that at its start.
    var counted = 0
    /// Scalar bytes completed so far, an alias counted as the bytes it repeats.
    var textCounted = 0
    var anchors: [String: (node: YAMLNode, size: Int, text: Int)] = [:]
    var aliasNodes = 0
    var aliasText = 0
    var documents = 0
    var root: YAMLNode?
    var problems: [LoadProblem] = []

    init(maxDepth: Int, aliasBudget: Int, aliasTextBudget: Int, size: Int) {
        self.maxDepth = maxDepth
        self.aliasBudget = aliasBudget
        self.aliasTextBudget = aliasTextBudget
        stack.reserveCapacity(8)
        pending.reserveCapacity(64)
        // A checklist has a node per dozen bytes or so, and less text than the file.
        nodes.reserveCapacity(size / 12 + 16)
        text = YAMLDocument.Text(capacity: size / 2 + 16)
    }

    /// The document built, once the root is complete.
    var document: YAMLDocument? {
        root.map { YAMLDocument(nodes: nodes, text: text, root: $0) }
    }

    /// Takes one event; returns false when parsing should stop.
    mutating func consume(_ event: yaml_event_t) -> Bool {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                problems.append(LoadProblem(
                    code: .multipleDocuments, mark: mark,
                    message: .init(zh: "一个文件只能有一个文档，这里开始了第二个", en: "a second YAML document starts here; a checklist holds exactly one"),
                    hint: .init(zh: "每个单位一个文件：删除 `---` 及其后的内容，或拆成两个文件",
                                en: "one unit per file: remove this `---` and what follows, or split it into its own file")))
                return false
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            checkTag(scalar.tag, at: mark)
            let node = YAMLNode(kind: .scalar, style: Self.style(scalar.style), mark: mark, start: text.count, count: Int(scalar.length))
            text.append(scalar.value, count: Int(scalar.length))
            register(anchor: scalar.anchor, node: node, size: 1, text: Int(scalar.length))
            complete(node, size: 1, text: Int(scalar.length))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < maxDepth else {
                problems.append(LoadProblem(
                    code: .tooDeep, mark: mark,
                    message: .init(zh: "嵌套超过 \(maxDepth) 层", en: "nesting is deeper than \(maxDepth) levels"),
                    hint: .init(zh: "清单最多嵌套几层；检查缩进是否错位", en: "a checklist nests only a few levels; check the indentation")))
                return false
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            checkTag(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag, at: mark)
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            stack.append(Frame(mark: mark, anchor: anchor.map { String(cString: $0) }, isMapping: isMapping,
                               start: pending.count, counted: counted, textCounted: textCounted))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            var count = pending.count - frame.start
            // libyaml gives every key a value; were a mapping ever to end on a key, it is dropped.
            if frame.isMapping { count -= count % 2 }
            let node = YAMLNode(kind: frame.isMapping ? .mapping : .sequence, style: .plain, mark: frame.mark,
                                start: nodes.count, count: count)
            nodes.append(contentsOf: pending[frame.start..<(frame.start + count)])
            pending.removeSubrange(frame.start...)
            complete(node, size: 1, text: 0)
            if let anchor = frame.anchor { anchors[anchor] = (node, counted - frame.counted, textCounted - frame.textCounted) }
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                problems.append(LoadProblem(
                    code: .syntax, mark: mark,
                    message: .init(zh: "别名 *\(name) 没有在前面定义", en: "alias *\(name) refers to no anchor defined before it"),
                    hint: .init(zh: "先用 &\(name) 定义锚点，或直接写出值", en: "define &\(name) before using it, or write the value out")))
                return false
            }
            aliasNodes += target.size
            aliasText += target.text
            let over: Localized? = aliasNodes > aliasBudget
                ? .init(zh: "别名展开超过 \(aliasBudget) 个节点", en: "aliases expand to more than \(aliasBudget) nodes")
                : aliasText > aliasTextBudget
                ? .init(zh: "别名重复的文字超过 \(aliasTextBudget) 字节", en: "aliases repeat more than \(aliasTextBudget) bytes of text")
                : nil
            if let over {
                problems.append(LoadProblem(
                    code: .aliasBudget, mark: mark, message: over,
                    hint: .init(zh: "清单不需要别名（*name）；直接写出值", en: "checklists need no aliases (*name); write the values out")))
                return false
            }
            // The anchored node's children are in place already: the alias shares them. A
            // problem with the alias itself (a key written twice through it) is at the alias.
            complete(target.node.written(at: mark), size: target.size, text: target.text)
        case YAML_STREAM_END_EVENT:
            return false
        default:
            break
        }
        return true
    }

    private mutating func complete(_ node: YAMLNode, size: Int, text added: Int) {
        counted += size
        textCounted += added
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        pending.append(node)
    }

    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, node: YAMLNode, size: Int, text: Int) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (node, size, text)
    }

    /// Reports any tag. Values are read by the type their key expects, and tags are not kept: a
    /// tagged value would mean one thing here and another to editors and schema tools that honour
    /// the tag (`!!str 45` is text to them, a number here), and other tags mean nothing at all.
    private mutating func checkTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, at mark: Mark) {
        guard let pointer else { return }
        var tag = String(cString: pointer)
        let core = "tag:yaml.org,2002:"
        if tag.hasPrefix(core) { tag = "!!" + tag.dropFirst(core.count) }
        problems.append(LoadProblem(
            code: .customTag, mark: mark,
            message: .init(zh: "不支持标签 \(tag)", en: "the tag \(tag) is not supported"),
            hint: .init(zh: "删除标签，只写值", en: "remove the tag and write the plain value")))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
