/// A recursive-descent JSON parser over bytes, remembering positions as it goes.
struct JSONParser {
    let bytes: [UInt8]
    private let start: Int
    var index: Int
    private var tracker: LineTracker

    init(bytes: [UInt8]) {
        self.bytes = bytes
        start = LineTracker.byteOrderMarkLength(bytes)
        index = start
        tracker = LineTracker(start: start)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw error("trailing characters after the JSON value", at: index) }
        return node
    }

    /// Parses a document whose top level is an array one element at a time, giving each element to `body` as soon
    /// as it is parsed, so that the elements' trees are never all held at once; returns nil then. A document of
    /// another kind is parsed whole and returned. A syntax error is thrown where `parseDocument` throws it, after
    /// `body` has had the elements before it.
    mutating func parseDocument(eachElement body: (JSONNode) -> Void) throws(JSONSyntaxError) -> JSONNode? {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == ASCII.openBracket else { return try parseDocument() }
        // The elements are at the depth `parseValue` gives a top-level array's elements.
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == ASCII.closeBracket {
            index += 1
        } else {
            while true {
                body(try parseValue(depth: 1))
                if try closes(ASCII.closeBracket, "]", after: "array element") { break }
            }
        }
        skipWhitespace()
        if index < bytes.count { throw error("trailing characters after the JSON value", at: index) }
        return nil
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw endOfInput() }
        let position = tracker.position(at: index, in: bytes)
        let byte = bytes[index]
        switch byte {
        case ASCII.openBrace:
            return JSONNode(.object(try parseObject(depth: depth + 1)), position: position)
        case ASCII.openBracket:
            return JSONNode(.array(try parseArray(depth: depth + 1)), position: position)
        case ASCII.quote:
            return JSONNode(.string(try parseString()), position: position)
        case ASCII.minus, ASCII.zero...ASCII.nine:
            return JSONNode(.number(try parseNumber()), position: position)
        default:
            if ASCII.isWordByte(byte) { return JSONNode(try parseLiteral(), position: position) }
            throw error("expected a value, found \(UTF8Bytes.describe(bytes, at: index))", at: index)
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
        if depth > JSON.maximumDepth { throw tooDeep() }
        index += 1
        skipWhitespace()
        var members: [JSONMember] = []
        if index < bytes.count, bytes[index] == ASCII.closeBrace {
            index += 1
            return members
        }
        while true {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == ASCII.quote else {
                let expected = members.isEmpty ? "a string key or '}'" : "a string key"
                throw error("expected \(expected), found \(UTF8Bytes.describe(bytes, at: index))", at: index)
            }
            let keyPosition = tracker.position(at: index, in: bytes)
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == ASCII.colon else { throw error("expected ':' after object key", at: index) }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            if try closes(ASCII.closeBrace, "}", after: "object member") { return members }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        if depth > JSON.maximumDepth { throw tooDeep() }
        index += 1
        skipWhitespace()
        var elements: [JSONNode] = []
        if index < bytes.count, bytes[index] == ASCII.closeBracket {
            index += 1
            return elements
        }
        while true {
            elements.append(try parseValue(depth: depth))
            if try closes(ASCII.closeBracket, "]", after: "array element") { return elements }
        }
    }

    /// Reads what follows an element or member: true at the closing bracket (consumed), false after a comma.
    private mutating func closes(_ close: UInt8, _ symbol: String, after item: String) throws(JSONSyntaxError) -> Bool {
        let itemEnd = index
        skipWhitespace()
        guard index < bytes.count else { throw endOfInput() }
        switch bytes[index] {
        case ASCII.comma:
            let comma = index
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == close {
                throw error("trailing comma before '\(symbol)'", at: comma)
            }
            return false
        case close:
            index += 1
            return true
        default:
            // A separator forgotten at the end of a line belongs there, not where the next line's value starts.
            if bytes[itemEnd..<index].contains(where: { $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }) {
                let next = LineTracker.position(of: index, in: bytes, from: start)
                throw error(
                    "expected ',' or '\(symbol)' after the \(item) ending here (found \(UTF8Bytes.describe(bytes, at: index)) at line \(next.line))",
                    at: itemEnd)
            }
            throw error("expected ',' or '\(symbol)' after \(item)", at: index)
        }
    }

    private mutating func parseLiteral() throws(JSONSyntaxError) -> JSONValue {
        let wordStart = index
        while index < bytes.count, ASCII.isWordByte(bytes[index]) { index += 1 }
        let word = bytes[wordStart..<index]
        if word.elementsEqual("true".utf8) { return .bool(true) }
        if word.elementsEqual("false".utf8) { return .bool(false) }
        if word.elementsEqual("null".utf8) { return .null }
        let shown = String(decoding: word.prefix(32), as: UTF8.self) + (word.count > 32 ? "…" : "")
        throw error("invalid literal '\(shown)' (expected true, false, null, a number, a string, an array or an object)", at: wordStart)
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let numberStart = index
        if bytes[index] == ASCII.minus { index += 1 }
        guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
            throw error("expected a digit after '-'", at: index)
        }
        if bytes[index] == ASCII.zero {
            index += 1
            if index < bytes.count, ASCII.isDigit(bytes[index]) {
                throw error("leading zeros are not allowed", at: numberStart)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == ASCII.dot {
            index += 1
            guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
                throw error("expected a digit after '.'", at: index)
            }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            index += 1
            if index < bytes.count, bytes[index] == ASCII.plus || bytes[index] == ASCII.minus { index += 1 }
            guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent", at: index)
            }
            skipDigits()
        }
        return String(decoding: bytes[numberStart..<index], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
    }

    // MARK: Whitespace and errors

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.space, ASCII.tab:
                index += 1
            case ASCII.lineFeed:
                index += 1
                tracker.beginLine(at: index)
            case ASCII.carriageReturn:
                index += 1
                if index < bytes.count, bytes[index] == ASCII.lineFeed { index += 1 }
                tracker.beginLine(at: index)
            default:
                return
            }
        }
    }

    func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(position: LineTracker.position(of: offset, in: bytes, from: start), message: message)
    }

    private func endOfInput() -> JSONSyntaxError {
        error("unexpected end of input", at: bytes.count)
    }

    private func tooDeep() -> JSONSyntaxError {
        error("nesting deeper than \(JSON.maximumDepth) arrays and objects", at: index)
    }
}
