import Mustache

/// A start tag written literally in a template, found by the template proof, so that a page problem caused by
/// that tag can be reported once at the tag's file, line and column instead of on every page showing it.
struct TemplateTag: Sendable, Hashable {
    /// The element's lower-cased name, `img`.
    var name: String
    /// The template holding the tag's `<`, `partials/product-card`.
    var template: String
    var position: TemplatePosition
    /// The attributes in source order, names lower-cased; the value is nil when a Mustache tag writes any of it.
    var attributes: [Attribute]

    struct Attribute: Sendable, Hashable {
        var name: String
        var value: String?
    }

    /// The elements whose problems are traced back to their templates.
    static let traced: Set<String> = ["img", "h1"]

    /// The value of the first attribute of that name: nil when absent, `.some(nil)` when data writes it.
    func attribute(_ name: String) -> String?? {
        attributes.first { $0.name == name }.map(\.value)
    }

    /// Whether the template writes the attribute's value itself, or leaves the attribute out (no data in it).
    func writesLiterally(_ name: String) -> Bool {
        attribute(name).map { $0 != nil } ?? true
    }

    /// Whether a page element is this tag rendered: the same attribute names, and the same value for every
    /// attribute the template writes literally.
    func matches(_ element: PageElement) -> Bool {
        guard element.name == name, element.attributes.count == attributes.count else { return false }
        for (own, other) in zip(attributes, element.attributes) {
            guard own.name == other.name else { return false }
            if let value = own.value, value != other.value { return false }
        }
        return true
    }

    /// The tag as its template writes it, data shown as `{{…}}`: `<img src="{{…}}" alt="">`.
    var source: String {
        "<" + name + attributes.map { " \($0.name)=\"\(PageElement.shortened($0.value ?? "{{…}}", limit: 40))\"" }.joined() + ">"
    }

    /// `site-templates/partials/product-card.mustache`, under the templates folder as printed.
    func file(root: String) -> String { "\(root)/\(template).mustache" }

    /// Reads a start tag's attributes from its literal text, where byte 0 stands for what a Mustache tag writes.
    static func attributes(of text: [UInt8]) -> [Attribute]? {
        var index = 1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        while index < text.count, !isSpace(text[index]), text[index] != UInt8(ascii: ">"), text[index] != UInt8(ascii: "/") { index += 1 }
        var result: [Attribute] = []
        while index < text.count {
            while index < text.count, isSpace(text[index]) || text[index] == UInt8(ascii: "/") { index += 1 }
            guard index < text.count, text[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            while index < text.count, !isSpace(text[index]), ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(text[index]) { index += 1 }
            let nameBytes = text[nameStart..<index]
            // An attribute whose name data writes cannot be matched.
            if nameBytes.contains(0) { return nil }
            var value: [UInt8]? = []
            while index < text.count, isSpace(text[index]) { index += 1 }
            if index < text.count, text[index] == UInt8(ascii: "=") {
                index += 1
                while index < text.count, isSpace(text[index]) { index += 1 }
                var bytes: [UInt8] = []
                if index < text.count, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
                    let quote = text[index]
                    index += 1
                    while index < text.count, text[index] != quote { bytes.append(text[index]); index += 1 }
                    index += 1
                } else {
                    while index < text.count, !isSpace(text[index]), text[index] != UInt8(ascii: ">") { bytes.append(text[index]); index += 1 }
                }
                value = bytes.contains(0) ? nil : bytes
            }
            result.append(Attribute(name: String(decoding: nameBytes, as: UTF8.self).lowercased(),
                                    value: value.map { String(decoding: $0, as: UTF8.self) }))
        }
        return result
    }
}
