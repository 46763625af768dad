/// Strict RFC 8259 JSON parsing that keeps the line and column of every value.
public enum JSON {
    /// The deepest nesting of arrays and objects accepted; deeper input is a syntax error.
    public static let maximumDepth = 512

    /// Parses UTF-8 bytes (a leading byte order mark is skipped) into a node tree with positions.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Parses a document whose top level is an array element by element: each element's tree goes to `body` as
    /// soon as it is parsed and nil is returned, so that a large array is never held whole. Any other document is
    /// parsed whole and returned. On a syntax error, `body` has had the elements before it.
    public static func parse(_ bytes: [UInt8], eachElement body: (JSONNode) -> Void) throws(JSONSyntaxError) -> JSONNode? {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument(eachElement: body)
    }

    /// Parses a string into a node tree with positions.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }
}
