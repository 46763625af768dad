import DataFormats

/// The products of a JSON-LD text read as strictly as `JSON.parse` reads it (`ProductJSONReader`, which keeps only
/// the members read here), for `StructuredDataRules` on a page whose JSON-LD is well-formed: the same products, in
/// the same order, with the same problems as Foundation's `JSONSerialization` reading gives, without building
/// Foundation objects.
///
/// Where the two readings could differ, this one declines (nil) and the rules take Foundation's path, which
/// also explains malformed JSON: text the strict parser rejects, a byte order mark, objects with a repeated key
/// (which member Foundation keeps is its business), numbers beyond plain decimals of 15 digits (which Foundation
/// might not represent), nesting deeper than 64, and a `true`/`false` where a name, price or currency is read
/// (Foundation gives those as numbers).
enum StrictProducts {
    /// The deepest nesting read here; deeper JSON-LD is left to Foundation.
    static let maximumDepth = 64

    /// A product object found in the JSON-LD, with what its rules read.
    struct Product {
        /// The product's members.
        var members: [JSONMember]

        /// The same problems `StructuredDataRules.problems(ofProduct:path:)` reports for the Foundation reading.
        func problems(path: String) -> [(path: String, message: String)] {
            let name: String
            if case .string(let text)? = StrictProducts.member("name", of: members) { name = PageElement.trimmed(text) } else { name = "" }
            // Made only for a message: most products have none.
            var label: String { StructuredDataRules.label(name: name) }
            var problems: [(path: String, message: String)] = []
            if name.isEmpty { problems.append((StructuredDataRules.join(path, "name"), "\(label) has no name")) }
            var offers: [(path: String, offer: [JSONMember])] = []
            switch StrictProducts.member("offers", of: members) {
            case .object(let offer)?: offers = [(StructuredDataRules.join(path, "offers"), offer)]
            case .array(let list)?:
                for (index, item) in list.enumerated() {
                    if case .object(let offer) = item.value { offers.append(("\(StructuredDataRules.join(path, "offers"))[\(index)]", offer)) }
                }
            default: break
            }
            if offers.isEmpty {
                problems.append((StructuredDataRules.join(path, "offers"), "\(label) has no offers"))
            }
            for (offerPath, offer) in offers {
                let isAggregate = StrictProducts.types(of: offer).contains("AggregateOffer")
                let priceKey = isAggregate && StrictProducts.member("price", of: offer) == nil ? "lowPrice" : "price"
                let price: StructuredDataRules.OfferPrice = switch StrictProducts.member(priceKey, of: offer) {
                case nil, .null?: .missing
                case .string(let text)?: .text(text)
                case .number?, .bool?: .number
                case .array?, .object?: .other
                }
                var currency: String?
                if case .string(let text)? = StrictProducts.member("priceCurrency", of: offer) { currency = text }
                problems += StructuredDataRules.offerProblems(
                    label: label, offerPath: offerPath, priceKey: priceKey, price: price, currency: currency)
            }
            return problems
        }
    }

    /// The products of `text` as `StructuredDataRules.products(in:path:)` finds them in Foundation's reading, or nil
    /// when this reading declines (see the type's note).
    static func products(in text: String, path: String) -> [(path: String, product: Product)]? {
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        guard let root = ProductJSONReader.read(text) else { return nil }
        var found: [(path: String, product: Product)] = []
        collect(root, path: path, into: &found)
        return found
    }

    /// `StructuredDataRules.products(in:path:)` over the strict reading.
    private static func collect(_ value: JSONValue, path: String, into found: inout [(path: String, product: Product)]) {
        if case .array(let elements) = value {
            for (index, element) in elements.enumerated() { collect(element.value, path: "\(path)[\(index)]", into: &found) }
            return
        }
        guard case .object(let members) = value else { return }
        let types = types(of: members)
        if types.contains("Product") { found.append((path, Product(members: members))) }
        for key in ["@graph", "mainEntity", "itemListElement", "hasVariant"] {
            if let nested = member(key, of: members) { collect(nested, path: StructuredDataRules.join(path, key), into: &found) }
        }
        if types.contains("ListItem"), let item = member("item", of: members) {
            collect(item, path: StructuredDataRules.join(path, "item"), into: &found)
        }
    }

    /// The value of the member named `key` (keys are unique here, and the rules' keys are kept).
    static func member(_ key: String, of members: [JSONMember]) -> JSONValue? {
        members.first(where: { $0.key == key })?.value.value
    }

    /// `@type` as a list of names, as `StructuredDataRules` reads it.
    static func types(of members: [JSONMember]) -> [String] {
        switch member("@type", of: members) {
        case .string(let type)?: [type]
        case .array(let list)?: list.compactMap { if case .string(let type) = $0.value { type } else { nil } }
        default: []
        }
    }
}
