/// Parses the ICU MessageFormat subset Vary supports into pieces, reporting errors by position.
///
/// Quoting follows ICU's default (DOUBLE_OPTIONAL) mode: `''` is one apostrophe; an apostrophe
/// before `{` or `}` (or `#` inside a plural case) starts quoted literal text up to the next lone
/// apostrophe; any other apostrophe is literal, so `l'été` needs no escaping.
struct MessageParser {
    /// Deeper nesting than this is certainly a mistake and would only risk the stack.
    static let maxDepth = 32

    let chars: [Character]
    private var index = 0
    private var depth = 0
    private(set) var argumentNames: Set<String> = []

    init(_ pattern: String) {
        chars = Array(pattern)
    }

    /// The whole pattern as pieces.
    mutating func parse() throws(MessageFormatError) -> [MessagePiece] {
        try parseMessage(inPlural: false, closing: nil)
    }

    /// Text and arguments up to the `}` that closes `closing` (nil at top level: up to the end).
    private mutating func parseMessage(inPlural: Bool, closing: String?) throws(MessageFormatError) -> [MessagePiece] {
        var pieces: [MessagePiece] = []
        var text = ""
        while index < chars.count {
            let char = chars[index]
            if char == "'" {
                readApostrophe(into: &text, inPlural: inPlural)
            } else if char == "{" {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(try parseArgument())
            } else if char == "}" {
                guard closing != nil else { throw error(at: index, "unmatched '}'") }
                index += 1
                if !text.isEmpty { pieces.append(.text(text)) }
                return pieces
            } else if char == "#" && inPlural {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.pound)
                index += 1
            } else {
                text.append(char)
                index += 1
            }
        }
        if let closing { throw error(at: index, "expected '}' to close \(closing)") }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private mutating func readApostrophe(into text: inout String, inPlural: Bool) {
        index += 1
        guard index < chars.count else { text.append("'"); return }
        let next = chars[index]
        if next == "'" {
            text.append("'")
            index += 1
        } else if next == "{" || next == "}" || (next == "#" && inPlural) {
            // Quoted literal text; like ICU, an unclosed quote runs to the end of the pattern.
            while index < chars.count {
                if chars[index] == "'" {
                    if index + 1 < chars.count && chars[index + 1] == "'" {
                        text.append("'")
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                text.append(chars[index])
                index += 1
            }
        } else {
            text.append("'")
        }
    }

    private mutating func parseArgument() throws(MessageFormatError) -> MessagePiece {
        let start = index
        guard depth < MessageParser.maxDepth else { throw error(at: start, "arguments nested too deeply") }
        depth += 1
        defer { depth -= 1 }
        index += 1
        skipSpace()
        guard index < chars.count else { throw error(at: index, "unexpected end of message") }
        let name = identifier()
        guard !name.isEmpty else { throw error(at: index, "expected an argument name") }
        argumentNames.insert(name)
        let closeArgument = "expected '}' to close argument '\(name)'"
        skipSpace()
        if accept("}") { return .argument(name) }
        guard accept(",") else { throw error(at: index, closeArgument) }
        skipSpace()
        guard index < chars.count else { throw error(at: index, "unexpected end of message") }
        let typeStart = index
        let type = identifier()
        switch type {
        case "":
            throw error(at: index, "expected an argument type after '\(name),'")
        case "plural":
            return .plural(try parsePlural(name: name, start: start))
        case "select":
            return .select(try parseSelect(name: name, start: start))
        case "number":
            skipSpace()
            if accept("}") { return .number(name) }
            if index < chars.count && chars[index] == "," {
                throw error(at: index, "number styles are not supported (argument '\(name)')")
            }
            throw error(at: index, closeArgument)
        case "selectordinal", "date", "time", "spellout", "ordinal", "duration", "choice":
            throw error(at: typeStart, "argument type '\(type)' is not supported")
        default:
            throw error(at: typeStart, "unknown argument type '\(type)'")
        }
    }

    private mutating func parsePlural(name: String, start: Int) throws(MessageFormatError) -> PluralChoice {
        try expectCases(type: "plural", name: name, start: start)
        var offset = 0
        if peekWord("offset:") {
            index += "offset:".count
            skipSpace()
            let digits = take { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else {
                throw error(at: index - digits.count, "expected a number after 'offset:'")
            }
            offset = value
        }
        var exact: [PluralChoice.ExactCase] = []
        var categories: [PluralCategory: [MessagePiece]] = [:]
        var seen: Set<String> = []
        while true {
            skipSpace()
            guard index < chars.count else { throw error(at: index, "expected '}' to close argument '\(name)'") }
            if accept("}") { break }
            let caseStart = index
            let label: String
            if accept("=") {
                let number = take { $0 == "-" || $0 == "." || ($0.isASCII && $0.isNumber) }
                guard let value = ScaledDecimal(number) else {
                    throw error(at: caseStart + 1, "expected a number after '='")
                }
                label = "=" + number
                // Exact values are compared as numbers, so `=1` and `=1.0` are the same case.
                guard seen.insert("=" + value.normalized.plainText).inserted else { throw error(at: caseStart, "duplicate case '\(label)'") }
                exact.append(.init(value: value.normalized, pieces: try parseCase(label, name: name, inPlural: true)))
            } else {
                label = identifier()
                guard !label.isEmpty else {
                    throw error(at: index, "expected a plural case (zero, one, two, few, many, other or =number)")
                }
                guard let category = PluralCategory(rawValue: label) else {
                    throw error(at: caseStart, "unknown plural category '\(label)'")
                }
                guard seen.insert(label).inserted else { throw error(at: caseStart, "duplicate case '\(label)'") }
                categories[category] = try parseCase(label, name: name, inPlural: true)
            }
        }
        guard categories[.other] != nil else { throw error(at: start, "plural needs an 'other' case") }
        return PluralChoice(name: name, offset: offset, exact: exact, categories: categories)
    }

    private mutating func parseSelect(name: String, start: Int) throws(MessageFormatError) -> SelectChoice {
        try expectCases(type: "select", name: name, start: start)
        var cases: [String: [MessagePiece]] = [:]
        while true {
            skipSpace()
            guard index < chars.count else { throw error(at: index, "expected '}' to close argument '\(name)'") }
            if accept("}") { break }
            let caseStart = index
            let label = identifier(allowingHyphen: true)
            guard !label.isEmpty else { throw error(at: index, "expected a select case keyword") }
            guard cases[label] == nil else { throw error(at: caseStart, "duplicate case '\(label)'") }
            cases[label] = try parseCase(label, name: name, inPlural: false)
        }
        guard let other = cases.removeValue(forKey: "other") else {
            throw error(at: start, "select needs an 'other' case")
        }
        return SelectChoice(name: name, cases: cases, other: other)
    }

    /// After `plural`/`select`: the `,` that starts the cases; `}` right away means no `other`.
    private mutating func expectCases(type: String, name: String, start: Int) throws(MessageFormatError) {
        skipSpace()
        if accept(",") { skipSpace(); return }
        guard index < chars.count else { throw error(at: index, "expected '}' to close argument '\(name)'") }
        if chars[index] == "}" { throw error(at: start, "\(type) needs an 'other' case") }
        throw error(at: index, "expected ',' after '\(type)'")
    }

    /// `{…}` after a case label, parsed as a sub-message.
    private mutating func parseCase(_ label: String, name: String, inPlural: Bool) throws(MessageFormatError) -> [MessagePiece] {
        skipSpace()
        guard accept("{") else { throw error(at: index, "expected '{' after case '\(label)'") }
        return try parseMessage(inPlural: inPlural, closing: "case '\(label)' of argument '\(name)'")
    }

    private mutating func identifier(allowingHyphen: Bool = false) -> String {
        take { $0.isLetter || $0.isNumber || $0 == "_" || (allowingHyphen && $0 == "-") }
    }

    private mutating func take(while predicate: (Character) -> Bool) -> String {
        let begin = index
        while index < chars.count && predicate(chars[index]) { index += 1 }
        return String(chars[begin..<index])
    }

    private func peekWord(_ word: String) -> Bool {
        var position = index
        for char in word {
            guard position < chars.count, chars[position] == char else { return false }
            position += 1
        }
        return true
    }

    private mutating func accept(_ char: Character) -> Bool {
        guard index < chars.count, chars[index] == char else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < chars.count && chars[index].isWhitespace { index += 1 }
    }

    private func error(at offset: Int, _ message: String) -> MessageFormatError {
        MessageFormatError(offset: offset, in: chars, message: message)
    }
}
