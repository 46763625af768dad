import DataFormats

/// One product entry of a Merchant Center feed as written: its attributes by name, each value with its position.
struct MerchantItem: Sendable {
    /// An attribute value; `parts` holds the sub-attributes of a group such as `shipping` (`country`, `price`).
    struct Value: Sendable {
        var text: String
        var position: TextPosition
        var parts: [String: String] = [:]
    }

    /// Where the item starts (its `<item>` element or its row).
    var position: TextPosition
    /// Attribute name (without the `g:` prefix) → values in the order written; repeated attributes have several.
    var attributes: [(name: String, values: [Value])] = []

    mutating func add(_ name: String, _ value: Value) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].values.append(value)
        } else {
            attributes.append((name, [value]))
        }
    }

    /// The first non-empty value of an attribute.
    func first(_ name: String) -> Value? {
        attributes.first { $0.name == name }?.values.first { !$0.text.isEmpty || !$0.parts.isEmpty }
    }

    /// Every non-empty value of an attribute.
    func all(_ name: String) -> [Value] {
        (attributes.first { $0.name == name }?.values ?? []).filter { !$0.text.isEmpty || !$0.parts.isEmpty }
    }
}
