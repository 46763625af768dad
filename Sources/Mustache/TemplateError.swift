/// A problem in a template, found while compiling or rendering, located at the offending tag so its author can fix it.
public struct TemplateError: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The template's name in its library (`pages/landing`).
    public var name: String
    /// 1-based line of the offending tag, or 0 when the problem concerns the whole template.
    public var line: Int
    /// 1-based column of the offending tag, counted in Unicode scalars, or 0 with `line`.
    public var column: Int
    /// What is wrong, in a sentence without the location.
    public var message: String

    /// Creates an error at a position in a named template.
    public init(name: String, line: Int, column: Int, message: String) {
        self.name = name
        self.line = line
        self.column = column
        self.message = message
    }

    /// `name:line:column: message`, the form editors and CI annotations understand; `name: message` without a position.
    public var description: String {
        line > 0 ? "\(name):\(line):\(column): \(message)" : "\(name): \(message)"
    }

    /// Orders errors by template name, then line, then column, then message.
    public static func < (lhs: TemplateError, rhs: TemplateError) -> Bool {
        (lhs.name, lhs.line, lhs.column, lhs.message) < (rhs.name, rhs.line, rhs.column, rhs.message)
    }
}

/// Every problem found while compiling a library of templates, sorted by name, line and column.
public struct TemplateErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted; never empty when thrown.
    public var errors: [TemplateError]

    /// Collects problems, sorting them.
    public init(_ errors: [TemplateError]) { self.errors = errors.sorted() }

    /// One problem per line, in order.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
