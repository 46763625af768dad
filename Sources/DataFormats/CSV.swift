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
