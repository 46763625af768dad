/// Where a value came from: the file, its 1-based line and column, and its JSON path.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The JSON path (`bundles[1].items[0].product`) or CSV locator (`row 4, column stock.de`).
    public var path: String

    public init(file: String, line: Int = 0, column: Int = 0, path: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// A diagnostic at this location.
    public func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, path: path, message: message, hint: hint)
    }

    /// A warning at this location.
    public func warning(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, path: path, message: message, hint: hint)
    }
}

/// An id that refers to another entity, remembered with where it was written so that an unknown id can be reported there.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var location: SourceLocation

    public init(_ id: String, at location: SourceLocation) {
        self.id = id
        self.location = location
    }

    public var description: String { id }
}
