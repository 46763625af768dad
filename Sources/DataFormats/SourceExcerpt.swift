/// The line of a text a position is on, with a caret under the position's column, as compilers show it:
///
/// ```
///    56 |     "price": "12.00"
///       |                     ^
/// ```
public enum SourceExcerpt {
    /// The two lines, or nil when the position is not in the text (line 0, or past the end).
    public static func excerpt(of bytes: [UInt8], at position: TextPosition) -> String? {
        guard position.line > 0, let line = self.line(position.line, of: bytes) else { return nil }
        let scalars = Array(line.unicodeScalars)
        // Under the text before the caret: a tab stays a tab, so the caret lines up however tabs are shown.
        let lead = scalars.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let number = String(position.line)
        let gutter = String(repeating: " ", count: max(5, number.count))
        let padded = String(repeating: " ", count: gutter.count - number.count) + number
        return "\(padded) | \(line)\n\(gutter) | \(lead)^"
    }

    /// The text of the 1-based line `number`, without its line break (`\n`, `\r\n` or `\r` end a line).
    static func line(_ number: Int, of bytes: [UInt8]) -> String? {
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count, line < number {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
