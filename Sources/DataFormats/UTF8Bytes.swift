/// UTF-8 checks the parsers need for precise error positions.
enum UTF8Bytes {
    /// Decodes `range` of `bytes` as UTF-8, or returns the offset of the first invalid byte.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> Result<String, InvalidByte> {
        if let text = String(validating: bytes[range], as: UTF8.self) { return .success(text) }
        return .failure(InvalidByte(offset: firstInvalid(bytes, range) ?? range.lowerBound))
    }

    /// The offset of an invalid UTF-8 byte.
    struct InvalidByte: Error { var offset: Int }

    /// The offset of the first byte in `range` that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalid(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            let length = sequenceLength(bytes, at: i, end: range.upperBound)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid.
    static func sequenceLength(_ bytes: [UInt8], at i: Int, end: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xED: length = 3; high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; low = 0x90
        case 0xF4: length = 4; high = 0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard i + length <= end else { return 0 }
        let second = bytes[i + 1]
        guard second >= low && second <= high else { return 0 }
        for j in (i + 2)..<(i + length) where bytes[j] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// How a byte is shown in an error message: `'x'`, `'“'`, `U+0007` or `byte 0xFF`.
    static func describe(_ bytes: [UInt8], at i: Int) -> String {
        guard i < bytes.count else { return "end of input" }
        let byte = bytes[i]
        if byte < 0x20 || byte == 0x7F {
            return "control character U+" + hex(UInt32(byte), width: 4)
        }
        if byte < 0x80 { return "'" + String(UnicodeScalar(byte)) + "'" }
        let length = sequenceLength(bytes, at: i, end: bytes.count)
        if length == 0 { return "byte 0x" + hex(UInt32(byte), width: 2) }
        return "'" + String(decoding: bytes[i..<(i + length)], as: UTF8.self) + "'"
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
