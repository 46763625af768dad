/// Runs a program's instructions over a context, writing bytes into a buffer.
/// One renderer serves one render call; the program it reads is shared and never changes.
struct Renderer {
    /// Partials, parents and passed blocks may nest this deep before rendering stops with an error.
    static let maximumDepth = 100

    private let program: Program
    private let strict: Bool
    private let code: UnsafeMutableBufferPointer<Instruction>
    private let pool: UnsafeMutableBufferPointer<UInt8>
    private let calls: UnsafeMutableBufferPointer<CallSite>
    private let nameParts: UnsafeMutableBufferPointer<String>
    private let nameSpans: UnsafeMutableBufferPointer<NameSpan>
    private var stack: [Value] = []
    /// Indentation bytes; the current indentation is `indent[indentStart...]`.
    private var indent: [UInt8] = []
    private var indentStart = 0
    /// Blocks passed by the parents being rendered, outermost first: the outermost definition wins.
    private var blocks: [BlockArgument] = []
    private var depth = 0

    init(program: Program, strict: Bool) {
        self.program = program
        self.strict = strict
        self.code = program.instructions
        self.pool = program.pool
        self.calls = program.calls
        self.nameParts = program.nameParts
        self.nameSpans = program.nameSpans
        stack.reserveCapacity(16)
        blocks.reserveCapacity(16)
    }

    /// Renders template number `template` with `context` at the bottom of the context stack.
    mutating func render(template: Int, context: Value, into out: inout OutputBuffer) throws(RenderError) {
        stack.append(context)
        let range = program.templateRanges[template]
        try run(range.lowerBound, range.upperBound, into: &out)
    }

    private mutating func run(_ start: Int, _ end: Int, into out: inout OutputBuffer) throws(RenderError) {
        var index = start
        while index < end {
            let instruction = code[index]
            switch instruction.opcode {
            case .text:
                if instruction.flag, indentStart < indent.count { writeIndent(into: &out) }
                out.append(pool.baseAddress! + Int(instruction.a), count: Int(instruction.b))
                index += 1
            case .lineStart:
                if indentStart < indent.count { writeIndent(into: &out) }
                index += 1
            case .variable:
                try interpolate(instruction, into: &out)
                index += 1
            case .section:
                try section(instruction, body: (index + 1)..<Int(instruction.b), into: &out)
                index = Int(instruction.b)
            case .call:
                try call(calls[Int(instruction.a)], into: &out)
                index = Int(instruction.b)
            case .block:
                try block(instruction, at: index, into: &out)
                index = Int(instruction.b)
            }
        }
    }

    // MARK: Tags

    private mutating func interpolate(_ instruction: Instruction, into out: inout OutputBuffer) throws(RenderError) {
        guard let value = resolve(instruction.a) else {
            if strict { throw error(at: instruction.b, "'\(program.names[Int(instruction.a)].text)' is not defined") }
            return
        }
        switch consume value {
        case .string(let text):
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                if instruction.flag { appendEscaped(bytes, to: &out) } else { out.append(bytes) }
            }
            if done == nil {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { if instruction.flag { appendEscaped($0, to: &out) } else { out.append($0) } }
            }
        case .int(let number):
            appendDecimal(number, to: &out)
        case .double(let number):
            appendNumber(number, to: &out)
        case .bool(let flag):
            var text = flag ? "true" : "false"
            text.withUTF8 { out.append($0) }
        case .null:
            break
        case .list:
            if strict { throw notText(instruction, "a list") }
        case .object, .extended:
            if strict { throw notText(instruction, "an object") }
        }
    }

    private func notText(_ instruction: Instruction, _ kind: String) -> RenderError {
        error(at: instruction.b, "'\(program.names[Int(instruction.a)].text)' is \(kind), not text: use a section to render its fields")
    }

    private mutating func section(_ instruction: Instruction, body: Range<Int>, into out: inout OutputBuffer) throws(RenderError) {
        let value = resolve(instruction.a)
        let truthy = value?.isTruthy ?? false
        if instruction.flag {
            if !truthy { try run(body.lowerBound, body.upperBound, into: &out) }
            return
        }
        guard truthy, let value else { return }
        if case .list(let items) = value {
            var position = 0
            while position < items.count {
                stack.append(items[position])
                try run(body.lowerBound, body.upperBound, into: &out)
                stack.removeLast()
                position += 1
            }
        } else {
            stack.append(consume value)
            try run(body.lowerBound, body.upperBound, into: &out)
            stack.removeLast()
        }
    }

    private mutating func call(_ site: CallSite, into out: inout OutputBuffer) throws(RenderError) {
        var template = Int(site.template)
        if site.dynamicName >= 0 {
            template = try dynamicTemplate(site)
        }
        guard template >= 0 else { return }
        guard depth < Renderer.maximumDepth else {
            throw error(at: site.location, "partials nested more than \(Renderer.maximumDepth) deep: does '\(program.templateNames[template])' include itself without end?")
        }
        let savedStart = indentStart, savedCount = indent.count, savedBlocks = blocks.count
        if site.indentCount >= 0 {
            indent.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(site.indentStart)..<Int(site.indentStart + site.indentCount)]))
        } else {
            // An inline partial's lines are not indented, whatever surrounds it.
            indentStart = indent.count
        }
        if site.argumentsEnd > site.argumentsStart {
            blocks.append(contentsOf: UnsafeMutableBufferPointer(rebasing: program.arguments[Int(site.argumentsStart)..<Int(site.argumentsEnd)]))
        }
        depth += 1
        let range = program.templateRanges[template]
        try run(range.lowerBound, range.upperBound, into: &out)
        depth -= 1
        blocks.removeSubrange(savedBlocks...)
        indent.removeSubrange(savedCount...)
        indentStart = savedStart
    }

    private mutating func dynamicTemplate(_ site: CallSite) throws(RenderError) -> Int {
        let name = program.names[Int(site.dynamicName)]
        guard let value = resolve(site.dynamicName) else {
            if strict { throw error(at: site.location, "'\(name.text)' is not defined") }
            return -1
        }
        guard case .string(let text) = value, let found = program.templateIndex[text] else {
            if strict {
                let shown = if case .string(let text) = value { "'\(text)'" } else { "not a template name" }
                throw error(at: site.location, "'\(name.text)' names no known template: it is \(shown)")
            }
            return -1
        }
        return found
    }

    private mutating func block(_ instruction: Instruction, at index: Int, into out: inout OutputBuffer) throws(RenderError) {
        var body = (index + 1)..<Int(instruction.b)
        var passed = false
        for argument in blocks where argument.block == instruction.a {
            body = Int(argument.start)..<Int(argument.end)
            passed = true
            break
        }
        let savedCount = indent.count
        if instruction.d >= 0 {
            indent.append(contentsOf: UnsafeBufferPointer(rebasing: pool[Int(instruction.c)..<Int(instruction.c + instruction.d)]))
        }
        if passed {
            guard depth < Renderer.maximumDepth else {
                let template = program.templateRanges.firstIndex { $0.contains(index) } ?? 0
                throw RenderError(name: program.templateNames[template], line: 0, column: 0,
                                  message: "blocks nested more than \(Renderer.maximumDepth) deep: does a block's content expand the same block?")
            }
            depth += 1
        }
        try run(body.lowerBound, body.upperBound, into: &out)
        if passed { depth -= 1 }
        indent.removeSubrange(savedCount...)
    }

    @inline(__always)
    private func writeIndent(into out: inout OutputBuffer) {
        indent.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[indentStart...])) }
    }

    // MARK: Names

    /// Looks a name up: its first part from the top of the context stack down, the rest inside what was found.
    @inline(__always)
    private func resolve(_ index: Int32) -> Value? {
        let span = nameSpans[Int(index)]
        let parts = nameParts.baseAddress! + Int(span.start)
        return stack.withUnsafeBufferPointer { frames -> Value? in
            guard span.count > 0 else { return frames.last }
            var level = frames.count - 1
            while level >= 0 {
                // Reading through the buffer lets the dictionary be borrowed in place rather than copied.
                if let found = frames[level][parts[0]] {
                    if span.count == 1 { return found }
                    return descend(from: found, parts: parts, count: Int(span.count))
                }
                level -= 1
            }
            return nil
        }
    }

    private func descend(from start: Value, parts: UnsafeMutablePointer<String>, count: Int) -> Value? {
        var value = start
        var position = 1
        while position < count {
            guard let next = value[parts[position]] else { return nil }
            value = next
            position += 1
        }
        return value
    }

    private func error(at location: Int32, _ message: String) -> RenderError {
        let place = program.locations[Int(location)]
        return RenderError(name: program.templateNames[Int(place.template)], line: Int(place.line),
                           column: Int(place.column), message: message)
    }
}
