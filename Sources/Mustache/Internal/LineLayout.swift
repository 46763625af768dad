/// Works out which lines stand alone, which tags close which, and how much indentation each block removes,
/// so that whitespace follows the Mustache specification, inheritance's block reindentation included.
struct LineLayout {
    enum Standalone { case no, yes, blockPair }

    /// Sections, parents and blocks may nest this deep; deeper is reported rather than risking the stack.
    static let maximumNesting = 100

    let tokens: [Token]
    let bytes: [UInt8]
    /// Token ranges, one per line; a line ends after a text token ending in a line feed.
    private(set) var lines: [Range<Int>] = []
    private(set) var lineOfToken: [Int] = []
    private(set) var standalone: [Standalone] = []
    /// For an opening tag, its close tag's index; for a close tag, its opening tag's index.
    private(set) var match: [Int?] = []
    /// Whether a tag takes its line with it (partials, parents and blocks then use the line's indentation).
    private(set) var tagStandsAlone: [Bool] = []
    /// Bytes of leading whitespace removed from each line by the innermost reindented block around it.
    private(set) var lineMargin: [Int] = []
    /// For a reindented block's opening tag, the indentation common to its body's lines.
    private(set) var blockMargin: [Int: [UInt8]] = [:]
    private(set) var problems: [(line: Int, column: Int, message: String)] = []

    init(tokens: [Token], bytes: [UInt8]) {
        self.tokens = tokens
        self.bytes = bytes
        splitLines()
        matchTags()
        measureBlocks()
    }

    // MARK: Lines

    private mutating func splitLines() {
        lineOfToken = Array(repeating: 0, count: tokens.count)
        var start = 0
        for (index, token) in tokens.enumerated() {
            lineOfToken[index] = lines.count
            if case .text = token.kind, bytes[token.range.upperBound - 1] == 0x0A {
                lines.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { lines.append(start..<tokens.count) }
    }

    func isWhitespaceText(_ index: Int) -> Bool {
        guard case .text = tokens[index].kind else { return false }
        return bytes[tokens[index].range].allSatisfy(isWhitespace)
    }

    func isBlank(line: Int) -> Bool { lines[line].allSatisfy(isWhitespaceText) }

    /// The spaces and tabs that begin a line, when its first token is text.
    func leadingWhitespace(line: Int) -> ArraySlice<UInt8> {
        let first = lines[line].lowerBound
        guard case .text = tokens[first].kind else { return [] }
        let range = tokens[first].range
        var end = range.lowerBound
        while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return bytes[range.lowerBound..<end]
    }

    // MARK: Matching and standalone lines

    private mutating func matchTags() {
        match = Array(repeating: nil, count: tokens.count)
        tagStandsAlone = Array(repeating: false, count: tokens.count)
        var stack: [Int] = []
        for line in lines.indices {
            let kind = classify(line: line, stack: stack)
            standalone.append(kind)
            for index in lines[line] {
                guard let tag = tokens[index].tagKind else { continue }
                if kind != .no { tagStandsAlone[index] = true }
                if tag.opens {
                    stack.append(index)
                    if stack.count == LineLayout.maximumNesting + 1 {
                        let token = tokens[index]
                        problems.append((token.line, token.column, "sections nested more than \(LineLayout.maximumNesting) deep"))
                    }
                } else if tag == .close {
                    close(index, stack: &stack)
                }
            }
        }
        for open in stack {
            let token = tokens[open]
            problems.append((token.line, token.column,
                             "unclosed \(token.tagKind!.noun) '\(token.closingName)': expected {{/\(token.closingName)}}"))
        }
    }

    private mutating func close(_ index: Int, stack: inout [Int]) {
        let token = tokens[index]
        guard let top = stack.last else {
            problems.append((token.line, token.column, "unexpected close tag {{/\(token.name)}}: no section is open"))
            return
        }
        let innermost = tokens[top]
        if innermost.closingName != token.name {
            problems.append((token.line, token.column,
                             "mismatched close tag {{/\(token.name)}}: expected {{/\(innermost.closingName)}} to close the \(innermost.tagKind!.noun) opened at \(innermost.line):\(innermost.column)"))
        }
        if let depth = stack.lastIndex(where: { tokens[$0].closingName == token.name }) {
            match[stack[depth]] = index
            match[index] = stack[depth]
            stack.removeSubrange(depth...)
        }
    }

    private func classify(line: Int, stack: [Int]) -> Standalone {
        var tags: [Int] = []
        for index in lines[line] {
            if tokens[index].tagKind != nil {
                tags.append(index)
            } else if !isWhitespaceText(index) {
                return .no
            }
        }
        if tags.count == 1 { return tokens[tags[0]].tagKind!.canStandAlone ? .yes : .no }
        guard tags.count == 2, tokens[tags[0]].range.upperBound == tokens[tags[1]].range.lowerBound else { return .no }
        let first = tokens[tags[0]], second = tokens[tags[1]]
        switch (first.tagKind!, second.tagKind!) {
        case (.parent, .close) where first.closingName == second.name: return .yes
        case (.block, .close) where first.closingName == second.name: return .blockPair
        case (.parent, .block): return .yes
        case (.close, .close):
            guard stack.count >= 2 else { return .no }
            let block = tokens[stack[stack.count - 1]], parent = tokens[stack[stack.count - 2]]
            if block.tagKind == .block, block.name == first.name, parent.tagKind == .parent, parent.closingName == second.name {
                return .yes
            }
            return .no
        default: return .no
        }
    }

    // MARK: Block reindentation

    /// A block whose opening tag stands alone has its body's common indentation removed where it is
    /// defined; the indentation of the place it is expanded is added back when it renders.
    private mutating func measureBlocks() {
        lineMargin = Array(repeating: 0, count: lines.count)
        for (open, token) in tokens.enumerated() where token.tagKind == .block && tagStandsAlone[open] {
            let close = match[open] ?? tokens.count
            var margin: ArraySlice<UInt8>? = nil
            var bodyLines: [Int] = []
            var line = lineOfToken[open] + 1
            while line < lines.count, lines[line].lowerBound < close {
                let containsClose = lines[line].contains(close)
                if !(containsClose && standalone[line] != .no), !isBlank(line: line) {
                    bodyLines.append(line)
                    let leading = leadingWhitespace(line: line)
                    if let current = margin {
                        let common = zip(current, leading).prefix(while: { $0 == $1 }).count
                        margin = current.prefix(common)
                    } else {
                        margin = leading
                    }
                }
                line += 1
            }
            let width = margin?.count ?? 0
            for line in bodyLines { lineMargin[line] = width }
            blockMargin[open] = Array(margin ?? [])
        }
    }
}
