import DataFormats

extension JSONLD {
    /// A product page's JSON-LD: a `@graph` of the `Product` with its `Offer` and the page's `BreadcrumbList`
    /// (each crumb's `item` is its page's URL; a crumb without a page of its own, a category, has none).
    static func productPage(_ offer: ProductOffer, breadcrumbs: [(name: String, url: String?)]) -> String {
        let list = JSONValue.object(pairs: [
            ("@type", .string("BreadcrumbList")),
            ("itemListElement", .array(values: breadcrumbs.enumerated().map { index, crumb in
                var pairs: [(String, JSONValue)] = [
                    ("@type", .string("ListItem")), ("position", .integer(index + 1)), ("name", .string(crumb.name)),
                ]
                if let url = crumb.url { pairs.append(("item", .string(url))) }
                return .object(pairs: pairs)
            })),
        ])
        let value = JSONValue.object(pairs: [
            ("@context", .string("https://schema.org")), ("@graph", .array(values: [product(offer), list])),
        ])
        return JSONWriter.string(value, pretty: false, escapeForScript: true)
    }
}
