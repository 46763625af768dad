/// String literals: the fast path without escapes, escapes, `\u` escapes and surrogate pairs.
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
            UTF8.encode(scalar) { buffer.append($0) }
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
