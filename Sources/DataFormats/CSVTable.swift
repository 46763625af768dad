/// A parsed CSV file: its header row and the records under it, with positions.
public struct CSVTable: Sendable, Hashable {
    /// The column names from the first record.
    public var header: [String]
    /// The 1-based line of the header record.
    public var headerLine: Int
    /// The records after the header, each with as many cells as the header.
    public var rows: [CSVRow]

    /// Creates a table from its parts.
    public init(header: [String], headerLine: Int, rows: [CSVRow]) {
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The index into `header` (and every row's `cells`) of the column with that name, or nil.
    public func column(named name: String) -> Int? {
        header.firstIndex(of: name)
    }
}

/// One CSV record with where it and each of its cells start.
public struct CSVRow: Sendable, Hashable {
    /// The cells' decoded text, quotes removed and `""` turned into `"`.
    public var cells: [String]
    /// The 1-based line the record starts on.
    public var line: Int
    /// The 1-based column of each cell's first character (its opening quote, if quoted).
    public var columns: [Int]
    /// The line and column of each cell's first character; differs from `line` after a quoted cell that spans lines.
    public var positions: [TextPosition]

    /// Creates a row; without `positions`, every cell is taken to start on `line`.
    public init(cells: [String], line: Int, columns: [Int], positions: [TextPosition]? = nil) {
        self.cells = cells
        self.line = line
        self.columns = columns
        self.positions = positions ?? columns.map { TextPosition(line: line, column: $0) }
    }
}
