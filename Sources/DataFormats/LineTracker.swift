/// Turns byte offsets into line and column while a parser moves forward through the bytes.
///
/// Parsers ask for positions in increasing order, so the column is counted from the last
/// answer instead of from the start of the line; a minified one-line file stays linear.
struct LineTracker {
    private(set) var line = 1
    private(set) var lineStart: Int
    private var countedUpTo: Int
    private var countedColumn = 1

    init(start: Int) {
        lineStart = start
        countedUpTo = start
    }

    /// Records that a new line begins at byte offset `start`.
    mutating func beginLine(at start: Int) {
        line += 1
        lineStart = start
        countedUpTo = start
        countedColumn = 1
    }

    /// The position of the byte at `index`, which must be on the current line.
    mutating func position(at index: Int, in bytes: [UInt8]) -> TextPosition {
        if index < countedUpTo {
            countedUpTo = lineStart
            countedColumn = 1
        }
        var column = countedColumn
        var i = countedUpTo
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        countedUpTo = index
        countedColumn = column
        return TextPosition(line: line, column: column)
    }

    /// The position of the byte at `index`, counted from `start`; slow, for error messages.
    static func position(of index: Int, in bytes: [UInt8], from start: Int) -> TextPosition {
        var line = 1
        var lineStart = start
        var i = start
        let end = min(index, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == ASCII.lineFeed {
                line += 1
                lineStart = i + 1
            } else if byte == ASCII.carriageReturn, i + 1 >= bytes.count || bytes[i + 1] != ASCII.lineFeed {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for j in lineStart..<end where bytes[j] & 0xC0 != 0x80 { column += 1 }
        if index > end { column += index - end }
        return TextPosition(line: line, column: column)
    }

    /// The length of a UTF-8 byte order mark at the start of `bytes`, or 0.
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
