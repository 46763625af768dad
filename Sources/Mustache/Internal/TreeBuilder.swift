/// Turns a template's tokens into nodes, dropping standalone lines, placing line starts for indentation,
/// and removing reindented blocks' margins.
struct TreeBuilder {
    private let layout: LineLayout
    private var tokens: [Token] { layout.tokens }
    private var bytes: [UInt8] { layout.bytes }
    private(set) var problems: [(line: Int, column: Int, message: String)] = []

    init(layout: LineLayout) { self.layout = layout }

    /// Builds the whole template.
    mutating func build() -> [Node] { build(0..<tokens.count, depth: 0) }

    private mutating func build(_ range: Range<Int>, depth: Int) -> [Node] {
        // Too deep was already reported by the layout; stopping here keeps a hostile template off the stack.
        guard depth <= LineLayout.maximumNesting else { return [] }
        var nodes: [Node] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            let line = layout.lineOfToken[index]
            let firstOfLine = layout.lines[line].lowerBound == index
            if firstOfLine, layout.standalone[line] == .no, !layout.isBlank(line: line) {
                nodes.append(.lineStart)
            }
            guard let kind = token.tagKind else {
                appendText(index, line: line, firstOfLine: firstOfLine, to: &nodes)
                index += 1
                continue
            }
            let position = SourcePosition(line: token.line, column: token.column)
            let end = layout.match[index] ?? range.upperBound
            let next = layout.match[index].map { $0 + 1 } ?? range.upperBound
            switch kind {
            case .variable(let escaped):
                nodes.append(.variable(Name(token.name), escaped: escaped, position))
            case .section, .invertedSection:
                nodes.append(.section(Name(token.name), inverted: kind == .invertedSection, body: build((index + 1)..<end, depth: depth + 1), position))
                index = next
                continue
            case .block:
                nodes.append(.block(token.name, indent: blockIndent(index), body: build((index + 1)..<end, depth: depth + 1), position))
                index = next
                continue
            case .parent:
                let blocks = definitions((index + 1)..<end, depth: depth + 1)
                nodes.append(.parent(templateName(token), indent: tagIndent(index), blocks: blocks, position))
                index = next
                continue
            case .partial:
                nodes.append(.partial(templateName(token), indent: tagIndent(index), position))
            case .close, .comment, .delimiters:
                break
            }
            index += 1
        }
        return nodes
    }

    /// The blocks a parent tag passes; everything else between its tags is ignored, as the specification says.
    private mutating func definitions(_ range: Range<Int>, depth: Int) -> [BlockDefinition] {
        var result: [BlockDefinition] = []
        var seen: [String: SourcePosition] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            guard let kind = token.tagKind, kind.opens else { index += 1; continue }
            let end = layout.match[index] ?? range.upperBound
            if kind == .block {
                let position = SourcePosition(line: token.line, column: token.column)
                if let first = seen[token.name] {
                    problems.append((token.line, token.column,
                                     "block '\(token.name)' is passed twice to the same parent (first at \(first.line):\(first.column))"))
                } else {
                    seen[token.name] = position
                    result.append(BlockDefinition(name: token.name, body: build((index + 1)..<end, depth: depth + 1), position: position))
                }
            }
            index = layout.match[index].map { $0 + 1 } ?? range.upperBound
        }
        return result
    }

    private func appendText(_ index: Int, line: Int, firstOfLine: Bool, to nodes: inout [Node]) {
        let standalone = layout.standalone[line]
        if standalone == .yes { return }
        var range = tokens[index].range
        if standalone == .blockPair {
            // The whitespace before a block pair is its indentation; the line break after it stays.
            if firstOfLine, layout.isWhitespaceText(index), layout.lines[line].count > 1 { return }
        } else if firstOfLine {
            let margin = min(layout.lineMargin[line], layout.leadingWhitespace(line: line).count)
            range = (range.lowerBound + margin)..<range.upperBound
        }
        if range.isEmpty { return }
        // The margin removed is white space, one column per byte.
        let start = SourcePosition(
            line: tokens[index].line, column: tokens[index].column + range.lowerBound - tokens[index].range.lowerBound)
        if case .text(let previous, let pieces) = nodes.last {
            nodes[nodes.count - 1] = .text(previous + bytes[range], pieces + [TextPiece(offset: previous.count, position: start)])
        } else {
            nodes.append(.text(Array(bytes[range]), [TextPiece(offset: 0, position: start)]))
        }
    }

    /// The indentation of a standalone partial or parent tag, relative to any reindented block around it.
    private func tagIndent(_ index: Int) -> [UInt8]? {
        guard layout.tagStandsAlone[index] else { return nil }
        let line = layout.lineOfToken[index]
        return Array(layout.leadingWhitespace(line: line).dropFirst(layout.lineMargin[line]))
    }

    /// The indentation a standalone block adds where it expands: its body's own margin, else its tag's indentation.
    private func blockIndent(_ index: Int) -> [UInt8]? {
        guard layout.tagStandsAlone[index] else { return nil }
        let line = layout.lineOfToken[index]
        let enclosing = layout.lineMargin[line]
        if let margin = layout.blockMargin[index], !margin.isEmpty {
            return Array(margin.dropFirst(enclosing))
        }
        return Array(layout.leadingWhitespace(line: line).dropFirst(enclosing))
    }

    private func templateName(_ token: Token) -> TemplateName {
        token.isDynamic ? .dynamic(Name(token.name)) : .fixed(token.name)
    }
}
