/// Flattens every template's nodes into one `Program`, resolving static partial and parent names once.
struct Linker {
    private let templateNames: [String]
    private let templateIndex: [String: Int]
    private let requireKnownPartials: Bool
    private var instructions: [Instruction] = []
    private var pool: [UInt8] = []
    private var names: [Name] = []
    private var nameIndex: [String: Int32] = [:]
    private var calls: [CallSite] = []
    private var arguments: [BlockArgument] = []
    private var locations: [Location] = []
    private var blockIndex: [String: Int32] = [:]
    private var current: Int32 = 0
    private(set) var problems: [TemplateError] = []

    init(templateNames: [String], requireKnownPartials: Bool) {
        self.templateNames = templateNames
        var index: [String: Int] = [:]
        for (position, name) in templateNames.enumerated() { index[name] = position }
        self.templateIndex = index
        self.requireKnownPartials = requireKnownPartials
    }

    /// Links all templates, given in the order of `templateNames`.
    mutating func link(_ trees: [[Node]]) -> Program {
        var ranges: [Range<Int>] = []
        for (position, tree) in trees.enumerated() {
            current = Int32(position)
            let start = instructions.count
            emit(tree)
            ranges.append(start..<instructions.count)
        }
        return Program(instructions: instructions, pool: pool, names: names, calls: calls, arguments: arguments,
                       locations: locations, templateNames: templateNames, templateRanges: ranges)
    }

    private mutating func emit(_ nodes: [Node]) {
        var pendingLineStart = false
        for node in nodes {
            if case .lineStart = node {
                if pendingLineStart { instructions.append(Instruction(opcode: .lineStart)) }
                pendingLineStart = true
                continue
            }
            if case .text(let bytes, _) = node {
                // A line start followed by text travels on the text instruction as its flag.
                instructions.append(Instruction(opcode: .text, flag: pendingLineStart, a: Int32(pool.count), b: Int32(bytes.count)))
                pool.append(contentsOf: bytes)
                pendingLineStart = false
                continue
            }
            if pendingLineStart {
                instructions.append(Instruction(opcode: .lineStart))
                pendingLineStart = false
            }
            emit(node)
        }
        if pendingLineStart { instructions.append(Instruction(opcode: .lineStart)) }
    }

    private mutating func emit(_ node: Node) {
        switch node {
        case .text, .lineStart:
            emit([node])
        case .variable(let name, let escaped, let position):
            instructions.append(Instruction(opcode: .variable, flag: escaped, a: intern(name), b: locate(position)))
        case .section(let name, let inverted, let body, _):
            let at = instructions.count
            instructions.append(Instruction(opcode: .section, flag: inverted, a: intern(name)))
            emit(body)
            instructions[at].b = Int32(instructions.count)
        case .block(let name, let indent, let body, _):
            let at = instructions.count
            var instruction = Instruction(opcode: .block, a: block(name))
            if let indent { instruction.c = Int32(pool.count); instruction.d = Int32(indent.count); pool.append(contentsOf: indent) }
            instructions.append(instruction)
            emit(body)
            instructions[at].b = Int32(instructions.count)
        case .partial(let name, let indent, let position):
            let site = callSite(name, indent: indent, position: position, kind: "partial")
            instructions.append(Instruction(opcode: .call, a: site, b: Int32(instructions.count + 1)))
        case .parent(let name, let indent, let blocks, let position):
            let site = callSite(name, indent: indent, position: position, kind: "parent")
            let at = instructions.count
            instructions.append(Instruction(opcode: .call, a: site))
            var passed: [BlockArgument] = []
            for definition in blocks {
                let start = instructions.count
                emit(definition.body)
                passed.append(BlockArgument(block: block(definition.name), start: Int32(start), end: Int32(instructions.count)))
            }
            calls[Int(site)].argumentsStart = Int32(arguments.count)
            arguments.append(contentsOf: passed)
            calls[Int(site)].argumentsEnd = Int32(arguments.count)
            instructions[at].b = Int32(instructions.count)
        }
    }

    private mutating func callSite(_ name: TemplateName, indent: [UInt8]?, position: SourcePosition, kind: String) -> Int32 {
        var site = CallSite(template: -1, dynamicName: -1, indentStart: Int32(pool.count), indentCount: -1,
                            argumentsStart: 0, argumentsEnd: 0, location: locate(position))
        if let indent { site.indentCount = Int32(indent.count); pool.append(contentsOf: indent) }
        switch name {
        case .fixed(let text):
            if let found = templateIndex[text] {
                site.template = Int32(found)
            } else if requireKnownPartials {
                problems.append(TemplateError(name: templateNames[Int(current)], line: position.line, column: position.column,
                                              message: "unknown \(kind) '\(text)'"))
            }
        case .dynamic(let dynamic):
            site.dynamicName = intern(dynamic)
        }
        calls.append(site)
        return Int32(calls.count - 1)
    }

    private mutating func intern(_ name: Name) -> Int32 {
        if let found = nameIndex[name.text] { return found }
        names.append(name)
        nameIndex[name.text] = Int32(names.count - 1)
        return Int32(names.count - 1)
    }

    private mutating func block(_ name: String) -> Int32 {
        if let found = blockIndex[name] { return found }
        blockIndex[name] = Int32(blockIndex.count)
        return Int32(blockIndex.count - 1)
    }

    private mutating func locate(_ position: SourcePosition) -> Int32 {
        locations.append(Location(template: current, line: Int32(position.line), column: Int32(position.column)))
        return Int32(locations.count - 1)
    }
}
