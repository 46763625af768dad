/// Strict RFC 8259 JSON parsing that keeps the line and column of every value.
public enum JSON {
    /// The deepest nesting of arrays and objects accepted; deeper input is a syntax error.
    public static let maximumDepth = 512

    /// Parses UTF-8 bytes (a leading byte order mark is skipped) into a node tree with positions.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Parses a string into a node tree with positions.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }
}
