/// Splits a template's source into text and tags, following delimiter changes, and reports malformed tags.
struct Scanner {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var columnCache: (lineStart: Int, offset: Int, column: Int) = (0, 0, 1)
    private(set) var tokens: [Token] = []
    private(set) var problems: [(line: Int, column: Int, message: String)] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Tokenizes the whole source.
    mutating func scan() {
        while position < bytes.count {
            let tagStart = find(open, from: position) ?? bytes.count
            emitText(upTo: tagStart)
            if tagStart == bytes.count { break }
            scanTag()
        }
    }

    // MARK: Text

    private mutating func emitText(upTo end: Int) {
        var start = position
        var index = position
        while index < end {
            if bytes[index] == 0x0A {
                tokens.append(Token(kind: .text, range: start..<(index + 1), line: line, column: column(of: start)))
                line += 1
                lineStart = index + 1
                start = index + 1
            }
            index += 1
        }
        if start < end {
            tokens.append(Token(kind: .text, range: start..<end, line: line, column: column(of: start)))
        }
        position = end
    }

    // MARK: Tags

    private mutating func scanTag() {
        let tagStart = position
        let tagLine = line
        let tagColumn = column(of: tagStart)
        var contentStart = tagStart + open.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        var kind: TagKind = .variable(escaped: true)
        var closing = close
        switch sigil {
        case UInt8(ascii: "{"): kind = .variable(escaped: false); closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters
        default: break
        }
        if kind != .variable(escaped: true) { contentStart += 1 }

        if kind == .delimiters {
            scanDelimiters(tagStart: tagStart, contentStart: contentStart, line: tagLine, column: tagColumn)
            return
        }
        let closeAt = find(closing, from: contentStart)
        let nextOpen = kind == .comment ? nil : find(open, from: contentStart)
        guard let closeAt, nextOpen.map({ $0 >= closeAt }) ?? true else {
            reportUnclosed(tagStart: tagStart, contentStart: contentStart, closing: closing, line: tagLine, column: tagColumn)
            // Resume at the next tag so the rest of the template is still checked.
            emitText(upTo: nextOpen ?? bytes.count)
            return
        }
        let tagEnd = closeAt + closing.count
        var name = trimmed(contentStart..<closeAt)
        var isDynamic = false
        if (kind == .partial || kind == .parent), name.first == UInt8(ascii: "*") {
            isDynamic = true
            name = trimmed(name.dropFirst())
        }
        let text = String(decoding: name, as: UTF8.self)
        if kind != .comment { validate(name: text, kind: kind, line: tagLine, column: tagColumn) }
        tokens.append(Token(kind: .tag(kind), range: tagStart..<tagEnd, name: text, isDynamic: isDynamic, line: tagLine, column: tagColumn))
        advance(to: tagEnd)
    }

    private mutating func scanDelimiters(tagStart: Int, contentStart: Int, line tagLine: Int, column tagColumn: Int) {
        guard let closeAt = find([UInt8(ascii: "=")] + close, from: contentStart) else {
            if let plainClose = find(close, from: contentStart) {
                let tagEnd = plainClose + close.count
                problems.append((tagLine, tagColumn, "bad delimiter change '\(snippet(tagStart..<tagEnd))': it must end with '=\(String(decoding: close, as: UTF8.self))', like {{=<% %>=}}"))
                tokens.append(Token(kind: .tag(.delimiters), range: tagStart..<tagEnd, line: tagLine, column: tagColumn))
                advance(to: tagEnd)
            } else {
                reportUnclosed(tagStart: tagStart, contentStart: contentStart, closing: close, line: tagLine, column: tagColumn)
                emitText(upTo: bytes.count)
            }
            return
        }
        let tagEnd = closeAt + 1 + close.count
        let parts = bytes[contentStart..<closeAt].split(whereSeparator: isWhitespace)
        if parts.count == 2, parts.allSatisfy({ !$0.contains(UInt8(ascii: "=")) }) {
            open = Array(parts[0])
            close = Array(parts[1])
        } else {
            problems.append((tagLine, tagColumn, "bad delimiter change '\(snippet(tagStart..<tagEnd))': expected two delimiters separated by a space, like {{=<% %>=}}"))
        }
        tokens.append(Token(kind: .tag(.delimiters), range: tagStart..<tagEnd, line: tagLine, column: tagColumn))
        advance(to: tagEnd)
    }

    private mutating func reportUnclosed(tagStart: Int, contentStart: Int, closing: [UInt8], line tagLine: Int, column tagColumn: Int) {
        var end = contentStart
        while end < bytes.count, end - tagStart < 40, bytes[end] != 0x0A, bytes[end] != 0x0D,
              !bytes[end...].starts(with: open) {
            end += 1
        }
        let shownEnd = trimmedEnd(tagStart..<end)
        problems.append((tagLine, tagColumn, "unclosed tag '\(snippet(tagStart..<shownEnd))': expected '\(String(decoding: closing, as: UTF8.self))'"))
    }

    private mutating func validate(name: String, kind: TagKind, line tagLine: Int, column tagColumn: Int) {
        let label = "'\(String(decoding: open, as: UTF8.self))\(kind.sigil)\(name)\(String(decoding: close, as: UTF8.self))'"
        if name.isEmpty {
            problems.append((tagLine, tagColumn, "empty tag \(label): expected a name"))
        } else if name.utf8.contains(where: isWhitespace) {
            problems.append((tagLine, tagColumn, "invalid name in \(label): a name cannot contain spaces"))
        } else if kind.looksUpContext, name != ".",
                  name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            problems.append((tagLine, tagColumn, "invalid name in \(label): a dotted name needs a name between every two dots"))
        }
    }

    // MARK: Positions and bytes

    private mutating func advance(to end: Int) {
        var index = position
        while index < end {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
        position = end
    }

    /// The 1-based column of a byte, counting Unicode scalars from the start of its line. Counting resumes
    /// from the previous answer on the same line, so a long line with many tags costs linear time.
    private mutating func column(of offset: Int) -> Int {
        if columnCache.lineStart != lineStart || columnCache.offset > offset {
            columnCache = (lineStart, lineStart, 1)
        }
        var count = columnCache.column
        var index = columnCache.offset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        columnCache = (lineStart, offset, count)
        return count
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                var offset = 1
                while offset < needle.count {
                    if bytes[index + offset] != needle[offset] { matched = false; break }
                    offset += 1
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> ArraySlice<UInt8> { trimmed(bytes[range]) }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = slice.startIndex
        var upper = slice.endIndex
        while lower < upper, isWhitespace(slice[lower]) { lower += 1 }
        while upper > lower, isWhitespace(slice[upper - 1]) { upper -= 1 }
        return slice[lower..<upper]
    }

    private func trimmedEnd(_ range: Range<Int>) -> Int {
        var upper = range.upperBound
        while upper > range.lowerBound, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return upper
    }

    private func snippet(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

/// Space, tab, carriage return or line feed.
@inline(__always)
func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
