/// A single-pass CSV reader over bytes.
struct CSVParser {
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

    mutating func parseTable() throws(CSVSyntaxError) -> CSVTable {
        let header = try parseHeader()
        var rows: [CSVRow] = []
        while let row = try nextRow(cellCount: header.cells.count) { rows.append(row) }
        return CSVTable(header: header.cells, headerLine: header.line, rows: rows)
    }

    /// Reads the header record, which must name each column once.
    mutating func parseHeader() throws(CSVSyntaxError) -> CSVRow {
        guard !atTrailingBlankLines() else { throw error("empty file: expected a header row", at: start) }
        // Blank lines before the header are skipped; headerLine says where it really is.
        while bytes[index] == ASCII.lineFeed || bytes[index] == ASCII.carriageReturn { skipLineBreak() }
        let header = try parseRecord()
        var seen: Set<String> = []
        for (name, position) in zip(header.cells, header.positions) where !seen.insert(name).inserted {
            throw CSVSyntaxError(position: position, message: "duplicate column '\(name)' in header")
        }
        return header
    }

    /// Reads the next record, which must have `cellCount` cells, or nil when only line breaks remain.
    mutating func nextRow(cellCount expected: Int) throws(CSVSyntaxError) -> CSVRow? {
        guard !atTrailingBlankLines() else { return nil }
        let row = try parseRecord()
        if row.cells.count != expected {
            throw CSVSyntaxError(
                position: TextPosition(line: row.line, column: 1),
                message: "row has \(cellCount(row.cells.count)), header has \(expected)")
        }
        return row
    }

    private func cellCount(_ count: Int) -> String {
        count == 1 ? "1 cell" : "\(count) cells"
    }

    /// Whether only line breaks remain.
    private func atTrailingBlankLines() -> Bool {
        var i = index
        while i < bytes.count {
            if bytes[i] != ASCII.lineFeed && bytes[i] != ASCII.carriageReturn { return false }
            i += 1
        }
        return true
    }

    /// Reads one record and the line break that ends it.
    private mutating func parseRecord() throws(CSVSyntaxError) -> CSVRow {
        let line = tracker.line
        var cells: [String] = []
        var positions: [TextPosition] = []
        while true {
            positions.append(tracker.position(at: index, in: bytes))
            if index < bytes.count, bytes[index] == ASCII.quote {
                cells.append(try parseQuotedCell())
            } else {
                cells.append(try parseUnquotedCell())
            }
            if index < bytes.count, bytes[index] == ASCII.comma {
                index += 1
                continue
            }
            skipLineBreak()
            return CSVRow(cells: cells, line: line, columns: positions.map(\.column), positions: positions)
        }
    }

    private mutating func parseUnquotedCell() throws(CSVSyntaxError) -> String {
        let cellStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.comma || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
            if byte == ASCII.quote {
                throw error("quote inside an unquoted field (quote the whole field and write a quote as \"\")", at: index)
            }
            index += 1
        }
        return try decode(cellStart..<index)
    }

    private mutating func parseQuotedCell() throws(CSVSyntaxError) -> String {
        let quote = index
        index += 1
        var runStart = index
        var unescaped: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unterminated quoted field", at: quote) }
            let byte = bytes[index]
            if byte == ASCII.quote {
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.quote {
                    unescaped.append(contentsOf: bytes[runStart...index])
                    index += 2
                    runStart = index
                    continue
                }
                break
            }
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                skipLineBreak()
            } else {
                index += 1
            }
        }
        let text: String
        if unescaped.isEmpty {
            text = try decode(runStart..<index)
        } else {
            if let bad = UTF8Bytes.firstInvalid(bytes, (quote + 1)..<index) { throw error("invalid UTF-8", at: bad) }
            unescaped.append(contentsOf: bytes[runStart..<index])
            text = String(decoding: unescaped, as: UTF8.self)
        }
        index += 1
        if index < bytes.count {
            let next = bytes[index]
            if next != ASCII.comma && next != ASCII.lineFeed && next != ASCII.carriageReturn {
                throw error("unexpected \(UTF8Bytes.describe(bytes, at: index)) after closing quote (expected ',' or a line break)", at: index)
            }
        }
        return text
    }

    /// Steps over one `\n`, `\r\n` or `\r` at `index`, if there is one.
    private mutating func skipLineBreak() {
        guard index < bytes.count else { return }
        if bytes[index] == ASCII.carriageReturn {
            index += 1
            if index < bytes.count, bytes[index] == ASCII.lineFeed { index += 1 }
        } else if bytes[index] == ASCII.lineFeed {
            index += 1
        } else {
            return
        }
        tracker.beginLine(at: index)
    }

    private func decode(_ range: Range<Int>) throws(CSVSyntaxError) -> String {
        switch UTF8Bytes.decode(bytes, range) {
        case .success(let text): return text
        case .failure(let invalid): throw error("invalid UTF-8", at: invalid.offset)
        }
    }

    private func error(_ message: String, at offset: Int) -> CSVSyntaxError {
        CSVSyntaxError(position: LineTracker.position(of: offset, in: bytes, from: start), message: message)
    }
}
