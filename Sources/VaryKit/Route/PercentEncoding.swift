/// `%XX` escapes in URL paths and queries, shared by the link checker and the preview server.
enum PercentEncoding {
    /// The bytes with every `%XX` decoded; a malformed escape is kept as written, or makes the result nil when `strict`.
    static func decode(_ text: some StringProtocol, strict: Bool) -> [UInt8]? {
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%") {
                if index + 2 < source.count, let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                    continue
                }
                if strict { return nil }
            }
            bytes.append(source[index])
            index += 1
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
