/// Finds unclosed and stray tags in raw HTML, knowing HTML5's void elements and optional end tags.
///
/// libxml2 2.9 closes most unclosed elements silently (`<div><span></div>` parses without a word),
/// so the check tokenizes the bytes itself: comments, doctypes and raw-text elements are skipped,
/// start tags are pushed, end tags pop to their match.
enum TagBalance {
    /// A tag problem found by the scan.
    struct Problem: Sendable, Hashable {
        var line: Int
        var message: String
    }

    /// Elements that never have content or an end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    ]
    /// Elements whose end tag HTML lets a page leave out.
    static let optionalEnd: Set<String> = [
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
        "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    ]
    /// Elements whose content is text up to their own end tag.
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    /// Every unclosed or stray tag in the page, in source order.
    static func problems(in bytes: [UInt8]) -> [Problem] {
        var scanner = Scanner(bytes: bytes)
        var open: [(name: String, line: Int)] = []
        var problems: [Problem] = []
        while let tag = scanner.nextTag() {
            if !tag.isEnd {
                if rawText.contains(tag.name) && !tag.selfClosing {
                    if scanner.skipRawText(until: tag.name) {
                        _ = scanner.nextTag()
                    } else {
                        problems.append(Problem(line: tag.line, message: "<\(tag.name)> is never closed"))
                    }
                } else if !voidElements.contains(tag.name) && !tag.selfClosing {
                    open.append((tag.name, tag.line))
                }
                continue
            }
            guard let index = open.lastIndex(where: { $0.name == tag.name }) else {
                if !voidElements.contains(tag.name) {
                    problems.append(Problem(line: tag.line, message: "</\(tag.name)> has no open <\(tag.name)> to close"))
                }
                continue
            }
            for unclosed in open[(index + 1)...] where !optionalEnd.contains(unclosed.name) {
                problems.append(Problem(
                    line: unclosed.line,
                    message: "<\(unclosed.name)> is not closed before </\(tag.name)> on line \(tag.line)"))
            }
            open.removeSubrange(index...)
        }
        for unclosed in open where !optionalEnd.contains(unclosed.name) {
            problems.append(Problem(line: unclosed.line, message: "<\(unclosed.name)> is never closed"))
        }
        return problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }
}

/// A start or end tag found by `TagBalance.Scanner`.
private struct Tag {
    var name: String
    var isEnd: Bool
    var selfClosing: Bool
    var line: Int
}

extension TagBalance {
    /// Walks the bytes tag by tag, counting lines.
    fileprivate struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func nextTag() -> Tag? {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") { line += 1 }
                guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else {
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    if matches("<!--", at: index) {
                        skip(past: Array("-->".utf8), from: index + 4)
                    } else if matches("<![CDATA[", at: index) {
                        skip(past: Array("]]>".utf8), from: index + 9)
                    } else {
                        skip(past: [UInt8(ascii: ">")], from: index + 2)
                    }
                } else if next == UInt8(ascii: "?") {
                    skip(past: [UInt8(ascii: ">")], from: index + 2)
                } else if next == UInt8(ascii: "/"), index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                    return readTag(nameStart: index + 2, isEnd: true)
                } else if isLetter(next) {
                    return readTag(nameStart: index + 1, isEnd: false)
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// Skips a raw-text element's content, leaving the scan at its end tag; false when there is none.
        mutating func skipRawText(until name: String) -> Bool {
            let end = Array("</\(name)".utf8)
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), matches(end, at: index, ignoringCase: true) { return true }
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
            return false
        }

        private mutating func readTag(nameStart: Int, isEnd: Bool) -> Tag {
            let tagLine = line
            var cursor = nameStart
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var quote: UInt8? = nil
            var previous: UInt8 = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\n") { line += 1 }
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                if !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")) {
                    previous = byte
                }
                cursor += 1
            }
            index = min(cursor + 1, bytes.count)
            return Tag(name: name, isEnd: isEnd, selfClosing: previous == UInt8(ascii: "/"), line: tagLine)
        }

        private mutating func skip(past terminator: [UInt8], from start: Int) {
            var cursor = start
            while cursor < bytes.count {
                if matches(terminator, at: cursor) {
                    index = cursor + terminator.count
                    return
                }
                if bytes[cursor] == UInt8(ascii: "\n") { line += 1 }
                cursor += 1
            }
            index = bytes.count
        }

        private func matches(_ text: String, at position: Int) -> Bool {
            matches(Array(text.utf8), at: position)
        }

        private func matches(_ pattern: [UInt8], at position: Int, ignoringCase: Bool = false) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count {
                var byte = bytes[position + offset]
                if ignoringCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != pattern[offset] { return false }
            }
            return true
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
        }
    }
}
