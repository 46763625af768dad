/// RFC 4180 CSV parsing that keeps the line and column of every cell.
public enum CSV {
    /// Parses comma-separated UTF-8 bytes with a header row: quoted fields with `""` escapes may span lines, CRLF or LF end records, a leading byte order mark and trailing blank lines are ignored, and every row must have as many cells as the header.
    public static func parse(_ bytes: [UInt8]) throws(CSVSyntaxError) -> CSVTable {
        var parser = CSVParser(bytes: bytes)
        return try parser.parseTable()
    }

    /// Parses CSV text; see `parse(_:)` for bytes.
    public static func parse(_ text: String) throws(CSVSyntaxError) -> CSVTable {
        try parse(Array(text.utf8))
    }
}

/// Reads a CSV file record by record, for files too large to hold as a `CSVTable`: the same rules and errors as
/// `CSV.parse`, but each row is handed over as it is read and nothing of it is kept.
public struct CSVReader {
    private var parser: CSVParser
    /// The column names from the first record.
    public let header: [String]
    /// The 1-based line of the header record.
    public let headerLine: Int

    /// Reads the header row (skipping a byte order mark and blank lines before it).
    public init(bytes: [UInt8]) throws(CSVSyntaxError) {
        parser = CSVParser(bytes: bytes)
        let record = try parser.parseHeader()
        header = record.cells
        headerLine = record.line
    }

    /// The index into `header` (and every row's `cells`) of the column with that name, or nil.
    public func column(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The next record, with as many cells as the header, or nil after the last one (trailing blank lines ignored).
    public mutating func next() throws(CSVSyntaxError) -> CSVRow? {
        try parser.nextRow(cellCount: header.count)
    }
}
