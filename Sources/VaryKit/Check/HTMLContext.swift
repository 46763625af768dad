/// Where an HTML tokenizer stands between two bytes of a template: the context a tag's value would be written in.
///
/// A small subset of the HTML5 tokenizer's states, enough to tell the contexts `html/template` distinguishes:
/// text, a tag's name or attribute list, quoted and unquoted attribute values, raw text (`<script>`, `<style>`),
/// escapable raw text (`<title>`, `<textarea>`), comments and declarations.
struct HTMLContext: Hashable, Sendable {
    enum Mode: Hashable, Sendable {
        case text
        /// After `<`, before the tag's first letter.
        case tagOpen
        /// After `<!`: a comment (`<!--`) or a declaration (`<!DOCTYPE …>`).
        case markup
        case tagName
        /// Between attributes of a start or end tag.
        case inTag
        case attributeName
        /// After an attribute's name, before `=` or the next attribute.
        case afterAttributeName
        /// After `=`, before the value.
        case beforeValue
        case doubleQuoted
        case singleQuoted
        case unquoted
        case comment
        case declaration
        /// Inside a raw-text or escapable raw-text element, up to its end tag.
        case rawText
    }

    var mode: Mode = .text
    /// The tag being read, lower-cased; in `rawText`, the element whose end tag ends it.
    var tag = ""
    var isEndTag = false
    /// The attribute being read, lower-cased.
    var attribute = ""
    /// The static text of the current `type` attribute, or nil once a tag wrote part of it.
    var typeValue: String? = ""
    /// For `<script>`: whether its `type` is `application/ld+json`, so it holds JSON-LD.
    var holdsJSONLD = false
    /// For `<script>`: whether its `type` is `application/json`, so it holds a data block that never runs.
    var holdsJSONData = false
    /// Progress through `</tag` in raw text, through `--` after `<!`, or through `-->` in a comment.
    var matched = 0
    /// Whether the last byte of the tag so far was `/`, which makes `<path/>` self-closing.
    var slash = false

    /// Elements whose content is raw text up to their own end tag.
    static let rawTextElements: Set<String> = TagBalance.rawText
    /// Raw-text elements whose content is still text with character references, where escaped values are safe.
    static let escapableRawText: Set<String> = ["title", "textarea"]

    /// Two contexts a section may start and end in are the same when a tag's value would land alike.
    func agrees(with other: HTMLContext) -> Bool {
        guard mode == other.mode else { return false }
        switch mode {
        case .text, .comment, .declaration, .markup, .tagOpen: return true
        case .rawText: return tag == other.tag
        case .inTag: return tag == other.tag && isEndTag == other.isEndTag
        default: return tag == other.tag && attribute == other.attribute
        }
    }
}

/// An element the tokenizer saw start or end, for the analysis to balance.
enum HTMLEvent: Equatable {
    case start(String, selfClosing: Bool)
    case end(String)
}

extension HTMLContext {
    /// Advances over literal template bytes, reporting each completed start or end tag.
    mutating func consume(_ bytes: [UInt8], events: (HTMLEvent) -> Void) {
        for byte in bytes { step(byte, events: events) }
    }

    /// Advances over what a tag wrote: the bytes are data, never markup, so only their presence matters.
    mutating func consumeValue() {
        if mode == .attributeName || mode == .tagName { return }
        if attribute == "type" { typeValue = nil }
        if mode == .beforeValue { mode = .unquoted }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    private static func lowered(_ byte: UInt8) -> Character {
        Character(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte))
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private mutating func step(_ byte: UInt8, events: (HTMLEvent) -> Void) {
        if mode == .tagName || mode == .inTag || mode == .attributeName || mode == .afterAttributeName {
            if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: slash, events: events)
                slash = false
                return
            }
            slash = byte == UInt8(ascii: "/")
        }
        switch mode {
        case .text:
            if byte == UInt8(ascii: "<") { mode = .tagOpen }
        case .tagOpen:
            if byte == UInt8(ascii: "!") {
                mode = .markup
                matched = 0
            } else if byte == UInt8(ascii: "/") {
                isEndTag = true
            } else if Self.isLetter(byte) {
                mode = .tagName
                tag = String(Self.lowered(byte))
                attribute = ""
                typeValue = ""
            } else {
                // `<` not followed by a tag is text, as HTML reads it.
                mode = .text
                isEndTag = false
                if byte == UInt8(ascii: "<") { mode = .tagOpen }
            }
        case .markup:
            if byte == UInt8(ascii: "-") {
                matched += 1
                if matched == 2 {
                    mode = .comment
                    matched = 0
                }
            } else {
                mode = byte == UInt8(ascii: ">") ? .text : .declaration
            }
        case .comment:
            if byte == UInt8(ascii: "-") {
                matched += 1
            } else if byte == UInt8(ascii: ">") && matched >= 2 {
                mode = .text
                matched = 0
            } else {
                matched = 0
            }
        case .declaration:
            if byte == UInt8(ascii: ">") { mode = .text }
        case .tagName:
            if Self.isSpace(byte) {
                mode = .inTag
            } else if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: false, events: events)
            } else if byte == UInt8(ascii: "/") {
                mode = .inTag
            } else {
                tag.append(Self.lowered(byte))
            }
        case .inTag, .afterAttributeName:
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                if byte == UInt8(ascii: "/") { mode = .inTag }
            } else if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: false, events: events)
            } else if byte == UInt8(ascii: "=") && mode == .afterAttributeName {
                mode = .beforeValue
            } else {
                mode = .attributeName
                attribute = String(Self.lowered(byte))
            }
        case .attributeName:
            if Self.isSpace(byte) {
                mode = .afterAttributeName
            } else if byte == UInt8(ascii: "=") {
                mode = .beforeValue
                if attribute == "type" { typeValue = "" }
            } else if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: false, events: events)
            } else if byte == UInt8(ascii: "/") {
                mode = .inTag
            } else {
                attribute.append(Self.lowered(byte))
            }
        case .beforeValue:
            if Self.isSpace(byte) { return }
            if byte == UInt8(ascii: "\"") {
                mode = .doubleQuoted
            } else if byte == UInt8(ascii: "'") {
                mode = .singleQuoted
            } else if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: false, events: events)
            } else {
                mode = .unquoted
                appendType(byte)
            }
        case .doubleQuoted, .singleQuoted:
            if byte == UInt8(ascii: mode == .doubleQuoted ? "\"" : "'") {
                mode = .inTag
            } else {
                appendType(byte)
            }
        case .unquoted:
            if Self.isSpace(byte) {
                mode = .inTag
            } else if byte == UInt8(ascii: ">") {
                finishTag(selfClosing: false, events: events)
            } else {
                appendType(byte)
            }
        case .rawText:
            stepRawText(byte)
        }
    }

    private mutating func appendType(_ byte: UInt8) {
        if attribute == "type", typeValue != nil { typeValue!.append(Self.lowered(byte)) }
    }

    private mutating func stepRawText(_ byte: UInt8) {
        // Looks for `</tag` followed by a space, `/` or `>`.
        let closing = Array("</".utf8) + Array(tag.utf8)
        if matched == closing.count {
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                let name = tag
                mode = .tagName
                isEndTag = true
                tag = name
                matched = 0
                step(byte, events: { _ in })
                return
            }
            matched = 0
        }
        let expected = closing[matched]
        if (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) == expected {
            matched += 1
        } else {
            matched = byte == UInt8(ascii: "<") ? 1 : 0
        }
    }

    private mutating func finishTag(selfClosing: Bool, events: (HTMLEvent) -> Void) {
        let name = tag
        if isEndTag {
            isEndTag = false
            mode = .text
            events(.end(name))
            return
        }
        events(.start(name, selfClosing: selfClosing))
        if Self.rawTextElements.contains(name) {
            holdsJSONLD = name == "script" && typeValue.map { $0.trimmingSpaces == "application/ld+json" } == true
            holdsJSONData = name == "script" && typeValue.map { $0.trimmingSpaces == "application/json" } == true
            mode = .rawText
            matched = 0
        } else {
            mode = .text
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" || text.first == "\n" { text.removeFirst() }
        while text.last == " " || text.last == "\t" || text.last == "\n" { text.removeLast() }
        return String(text)
    }
}
