/// An element of a parsed page, copied out of libxml2 so the rules work on plain values.
struct PageElement: Sendable {
    /// The lower-cased tag name, `img`.
    var name: String
    /// Attributes in source order, names lower-cased.
    var attributes: [(name: String, value: String)]
    /// The 1-based line of the start tag.
    var line: Int
    /// The element's own text, kept only for `<title>` and `<script>`.
    var text: String?

    /// The value of the first attribute with this (lower-case) name.
    func attribute(_ name: String) -> String? {
        attributes.first(where: { $0.name == name })?.value
    }

    /// The start tag as a reader would look for it in the source: `<img src="/a.jpg">`.
    func startTag(showing names: [String]) -> String {
        var text = "<" + name
        for attributeName in names {
            if let value = attribute(attributeName) {
                text += " \(attributeName)=\"\(Self.shortened(value))\""
            }
        }
        return text + ">"
    }

    /// The value without leading and trailing ASCII white space, as HTML reads attribute values.
    static func trimmed(_ value: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isASCII && $0.isWhitespace }
        guard let start = value.firstIndex(where: { !isSpace($0) }),
              let end = value.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(value[start...end])
    }

    /// A value short enough to quote in a message.
    static func shortened(_ value: String, limit: Int = 80) -> String {
        value.count <= limit ? value : String(value.prefix(limit)) + "…"
    }
}

/// A problem libxml2 reported while parsing a page.
struct ParseProblem: Sendable, Hashable {
    var code: Int
    var line: Int
    var column: Int
    var message: String
}

/// A page as the rules see it: its elements in document order and libxml2's parse problems.
struct PageTree: Sendable {
    var elements: [PageElement]
    var problems: [ParseProblem]
    /// False when libxml2 produced no document at all.
    var parsed: Bool

    /// Every element with this tag name, in document order.
    func elements(named name: String) -> [PageElement] {
        elements.filter { $0.name == name }
    }
}
