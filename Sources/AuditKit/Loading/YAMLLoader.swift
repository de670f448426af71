import CYAML

/// Builds a `YAMLNode` tree straight from libyaml's event stream.
///
/// The loader never interprets scalars (no YAML 1.1 implicit typing: `NO` stays the text `NO`), keeps
/// every node's 1-based start mark, and bounds what hostile input can cost: nesting depth and the
/// number of nodes that aliases may add are capped, and the first violation ends the parse.
public struct YAMLLoader: Sendable {
    /// The deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// How many nodes aliases may add to a document in total.
    public var aliasBudget: Int

    /// Creates a loader with the given limits.
    public init(maxDepth: Int = 64, aliasBudget: Int = 10_000) {
        self.maxDepth = maxDepth
        self.aliasBudget = aliasBudget
    }

    /// Loads the first document of `bytes`, reporting every problem met on the way.
    public func load(_ bytes: [UInt8]) -> LoadResult {
        if let problem = SourceCheck.problem(in: bytes) {
            return LoadResult(root: nil, problems: [problem])
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return LoadResult(root: nil, problems: [LoadProblem(
                code: .syntax, mark: .start,
                message: .init(zh: "无法初始化 YAML 解析器", en: "could not initialise the YAML parser"),
                hint: .init(zh: "内存不足，请重试", en: "the machine may be out of memory; try again"))])
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder(maxDepth: maxDepth, aliasBudget: aliasBudget)
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
            return LoadResult(root: builder.root, problems: builder.problems)
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
/// Finished nodes wait on one shared stack until their collection ends; the collection then takes
/// its children off the top in one exactly sized array. No per-collection buffers grow, and no
/// half-built mapping is copied when a key or value arrives.
private struct TreeBuilder {
    struct Frame {
        var mark: Mark
        var tag: String?
        var anchor: String?
        var isMapping: Bool
        /// Where this collection's children start on `children`.
        var start: Int
        var size = 1
    }

    let maxDepth: Int
    let aliasBudget: Int
    var stack: [Frame] = []
    var children: [YAMLNode] = []
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var aliasNodes = 0
    var documents = 0
    var root: YAMLNode?
    var problems: [LoadProblem] = []

    init(maxDepth: Int, aliasBudget: Int) {
        self.maxDepth = maxDepth
        self.aliasBudget = aliasBudget
        stack.reserveCapacity(8)
        children.reserveCapacity(64)
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
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            let node = YAMLNode(content: .scalar(text, Self.style(scalar.style)), mark: mark,
                                tag: checkTag(scalar.tag, at: mark))
            register(anchor: scalar.anchor, node: node, size: 1)
            complete(node, size: 1)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < maxDepth else {
                problems.append(LoadProblem(
                    code: .tooDeep, mark: mark,
                    message: .init(zh: "嵌套超过 \(maxDepth) 层", en: "nesting is deeper than \(maxDepth) levels"),
                    hint: .init(zh: "清单最多嵌套几层；检查缩进是否错位", en: "a checklist nests only a few levels; check the indentation")))
                return false
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            stack.append(Frame(mark: mark, tag: checkTag(tag, at: mark),
                               anchor: anchor.map { String(cString: $0) }, isMapping: isMapping, start: children.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            let content: YAMLNode.Content
            // The children are moved out of the stack, an empty scalar left in each place: copying
            // them retained every string and array in them, and removing them released it again.
            if frame.isMapping {
                // A key left without a value (the stream broke off) is dropped, as before.
                let pairCount = (children.count - frame.start) / 2
                var pairs: [YAMLNode.Pair] = []
                pairs.reserveCapacity(pairCount)
                var index = frame.start
                for _ in 0..<pairCount {
                    pairs.append(YAMLNode.Pair(key: takeChild(index), value: takeChild(index + 1)))
                    index += 2
                }
                content = .mapping(pairs)
            } else {
                var items: [YAMLNode] = []
                items.reserveCapacity(children.count - frame.start)
                for index in frame.start..<children.count { items.append(takeChild(index)) }
                content = .sequence(items)
            }
            children.removeSubrange(frame.start...)
            let node = YAMLNode(content: content, mark: frame.mark, tag: frame.tag)
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
            complete(node, size: frame.size)
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
            guard aliasNodes <= aliasBudget else {
                problems.append(LoadProblem(
                    code: .aliasBudget, mark: mark,
                    message: .init(zh: "别名展开超过 \(aliasBudget) 个节点", en: "aliases expand to more than \(aliasBudget) nodes"),
                    hint: .init(zh: "清单不需要别名（*name）；直接写出值", en: "checklists need no aliases (*name); write the values out")))
                return false
            }
            complete(target.node, size: target.size)
        case YAML_STREAM_END_EVENT:
            return false
        default:
            break
        }
        return true
    }

    /// The child at `index` of the stack, moved out: an empty scalar takes its place until the
    /// stack is cut back.
    private mutating func takeChild(_ index: Int) -> YAMLNode {
        var child = YAMLNode(content: .scalar("", .plain), mark: .start, tag: nil)
        swap(&child, &children[index])
        return child
    }

    private mutating func complete(_ node: consuming YAMLNode, size: Int) {
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        stack[stack.count - 1].size += size
        children.append(consume node)
    }

    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, node: YAMLNode, size: Int) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (node, size)
    }

    private mutating func checkTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, at mark: Mark) -> String? {
        guard let pointer else { return nil }
        let tag = String(cString: pointer)
        if tag != "!" && !tag.hasPrefix("tag:yaml.org,2002:") {
            problems.append(LoadProblem(
                code: .customTag, mark: mark,
                message: .init(zh: "不支持自定义标签 \(tag)", en: "custom tag \(tag) is not supported"),
                hint: .init(zh: "删除标签，只写值", en: "remove the tag and write the plain value")))
        }
        return tag
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
