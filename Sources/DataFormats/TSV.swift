/// Tab-separated text with a header row, as Google Merchant Center's text feeds are written.
///
/// One record per line (`\n`, `\r\n` or `\r`); cells are separated by tabs; a cell wholly in double quotes has them
/// removed and `""` turned into `"` (spreadsheets quote cells that contain quotes); blank lines and a leading byte
/// order mark are skipped. A record with fewer cells than the header is padded with empty cells, as spreadsheets drop
/// trailing empty cells; one with more is an error at its first extra cell.
public enum TSV {
    /// Parses tab-separated UTF-8 bytes into a table whose cells keep their line and column.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> CSVTable {
        var start = LineTracker.byteOrderMarkLength(bytes)
        if let bad = UTF8Bytes.firstInvalid(bytes, start..<bytes.count) {
            throw SyntaxError(position: position(ofByte: bad, in: bytes), message: "invalid UTF-8")
        }
        var header: CSVRow?
        var rows: [CSVRow] = []
        var line = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != ASCII.lineFeed, bytes[end] != ASCII.carriageReturn { end += 1 }
            let record = try row(bytes[start..<end], line: line)
            if !(record.cells.count == 1 && record.cells[0].isEmpty) {
                if let header {
                    if record.cells.count > header.cells.count {
                        throw SyntaxError(
                            position: record.positions[header.cells.count],
                            message: "row has \(record.cells.count) cells, header has \(header.cells.count)")
                    }
                    var padded = record
                    while padded.cells.count < header.cells.count {
                        padded.cells.append("")
                        let column = (padded.columns.last ?? 1) + 1
                        padded.columns.append(column)
                        padded.positions.append(TextPosition(line: line, column: column))
                    }
                    rows.append(padded)
                } else {
                    var seen: Set<String> = []
                    for (name, position) in zip(record.cells, record.positions) where !seen.insert(name).inserted {
                        throw SyntaxError(position: position, message: "duplicate column '\(name)' in header")
                    }
                    header = record
                }
            }
            guard end < bytes.count else { break }
            end += bytes[end] == ASCII.carriageReturn && end + 1 < bytes.count && bytes[end + 1] == ASCII.lineFeed ? 2 : 1
            start = end
            line += 1
        }
        guard let header else {
            throw SyntaxError(position: TextPosition(line: 1, column: 1), message: "empty file: expected a header row")
        }
        return CSVTable(header: header.cells, headerLine: header.line, rows: rows)
    }

    /// Parses tab-separated text; see `parse(_:)` for bytes.
    public static func parse(_ text: String) throws(SyntaxError) -> CSVTable {
        try parse(Array(text.utf8))
    }

    private static func row(_ bytes: ArraySlice<UInt8>, line: Int) throws(SyntaxError) -> CSVRow {
        var cells: [String] = []
        var columns: [Int] = []
        var column = 1
        for cell in bytes.split(separator: ASCII.tab, omittingEmptySubsequences: false) {
            let text = String(decoding: cell, as: UTF8.self)
            columns.append(column)
            cells.append(try unquoted(text, at: TextPosition(line: line, column: column)))
            column += text.unicodeScalars.count + 1
        }
        return CSVRow(cells: cells, line: line, columns: columns)
    }

    private static func unquoted(_ text: String, at position: TextPosition) throws(SyntaxError) -> String {
        guard text.hasPrefix("\"") else { return text }
        guard text.count >= 2, text.hasSuffix("\"") else {
            throw SyntaxError(position: position, message: "unterminated quoted cell (a quoted cell ends with a quote before the next tab)")
        }
        var result = ""
        var previousWasQuote = false
        for character in text.dropFirst().dropLast() {
            if character == "\"", previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }

    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> TextPosition {
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == ASCII.lineFeed {
            line += 1
            lineStart = index + 1
        }
        return TextPosition(line: line, column: String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1)
    }
}
