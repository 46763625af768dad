/// A recursive-descent JSON parser over bytes, remembering positions as it goes.
struct JSONParser {
    private let bytes: [UInt8]
    private let start: Int
    private var index: Int
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
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case ASCII.comma:
                let comma = index
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == ASCII.closeBrace {
                    throw error("trailing comma before '}'", at: comma)
                }
            case ASCII.closeBrace:
                index += 1
                return members
            default:
                throw error("expected ',' or '}' after object member", at: index)
            }
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
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case ASCII.comma:
                let comma = index
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == ASCII.closeBracket {
                    throw error("trailing comma before ']'", at: comma)
                }
            case ASCII.closeBracket:
                index += 1
                return elements
            default:
                throw error("expected ',' or ']' after array element", at: index)
            }
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

extension JSONParser {
    /// Parses the string whose opening quote is at `index`, leaving `index` after its closing quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                let text = try decode(contentStart..<index)
                index += 1
                return text
            }
            if byte == ASCII.backslash { return try parseEscapedString(quote: quote, contentStart: contentStart) }
            if byte < 0x20 { throw stringControlCharacter(quote: quote) }
            index += 1
        }
        throw error("unterminated string", at: quote)
    }

    private mutating func parseEscapedString(quote: Int, contentStart: Int) throws(JSONSyntaxError) -> String {
        var buffer = Array(bytes[contentStart..<index])
        buffer.reserveCapacity(buffer.count + 16)
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.quote:
                // Escapes are ASCII, so the decoded bytes are valid exactly when the source bytes are.
                if let bad = UTF8Bytes.firstInvalid(bytes, contentStart..<index) {
                    throw error("invalid UTF-8 in string", at: bad)
                }
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case ASCII.backslash:
                try appendEscape(to: &buffer, quote: quote)
            case 0..<0x20:
                throw stringControlCharacter(quote: quote)
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: quote)
    }

    private mutating func appendEscape(to buffer: inout [UInt8], quote: Int) throws(JSONSyntaxError) {
        let backslash = index
        index += 1
        guard index < bytes.count else { throw error("unterminated string", at: quote) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case ASCII.quote, ASCII.backslash, ASCII.slash: buffer.append(letter)
        case 0x62: buffer.append(0x08)  // b
        case 0x66: buffer.append(0x0C)  // f
        case 0x6E: buffer.append(ASCII.lineFeed)  // n
        case 0x72: buffer.append(ASCII.carriageReturn)  // r
        case 0x74: buffer.append(ASCII.tab)  // t
        case 0x75:  // u
            let scalar = try parseUnicodeEscape(backslash: backslash)
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            let shown = UTF8Bytes.describe(bytes, at: backslash + 1)
            if shown.hasPrefix("'") { throw error("invalid escape '\\\(shown.dropFirst())", at: backslash) }
            throw error("invalid escape: '\\' followed by \(shown)", at: backslash)
        }
    }

    /// Reads the four hex digits after `\u` (and a low surrogate's escape after a high one).
    private mutating func parseUnicodeEscape(backslash: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let unit = readHex4() else {
            let shown = bytes[(backslash)..<min(backslash + 6, bytes.count)]
                .prefix { $0 >= 0x21 && $0 < 0x7F && $0 != ASCII.quote || $0 == ASCII.backslash }
            throw error("invalid unicode escape '\(String(decoding: shown, as: UTF8.self))': expected 4 hex digits", at: backslash)
        }
        switch unit {
        case 0xD800...0xDBFF:
            let save = index
            if index + 1 < bytes.count, bytes[index] == ASCII.backslash, bytes[index + 1] == 0x75 {
                index += 2
                if let low = readHex4(), (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value)!
                }
            }
            index = save
            throw unpairedSurrogate(unit, at: backslash)
        case 0xDC00...0xDFFF:
            throw unpairedSurrogate(unit, at: backslash)
        default:
            return Unicode.Scalar(unit)!
        }
    }

    private mutating func readHex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte - ASCII.zero
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private func unpairedSurrogate(_ unit: UInt32, at backslash: Int) -> JSONSyntaxError {
        error("invalid unicode escape '\\u\(UTF8Bytes.hex(unit, width: 4))': unpaired surrogate", at: backslash)
    }

    /// A line break inside a string almost always means a missing closing quote.
    private func stringControlCharacter(quote: Int) -> JSONSyntaxError {
        let byte = bytes[index]
        if byte == ASCII.lineFeed || byte == ASCII.carriageReturn { return error("unterminated string", at: quote) }
        return error("control character in string", at: index)
    }

    private func decode(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        switch UTF8Bytes.decode(bytes, range) {
        case .success(let text): return text
        case .failure(let invalid): throw error("invalid UTF-8 in string", at: invalid.offset)
        }
    }
}
