import DataFormats

/// schema.org structured data for a page, as a JSON string that is safe inside `<script>`.
public enum JSONLD {
    /// A product with its offer on one page.
    public struct ProductOffer: Sendable, Hashable {
        public var name: String
        public var description: String
        public var sku: String
        public var brand: String
        public var image: String
        /// The amount in major units with the currency's digits (`"24.00"`).
        public var price: String
        public var currency: String
        public var inStock: Bool
        public var url: String
    }

    /// A page's JSON-LD: the chooser is a `WebSite`, other pages a `@graph` of `Product`s with their `Offer`s.
    public static func page(kind: PageSpec.Kind, name: String, url: String, siteName: String, products: [ProductOffer]) -> String {
        let context: (String, JSONValue) = ("@context", .string("https://schema.org"))
        let value: JSONValue
        if kind == .chooser || products.isEmpty {
            value = .object(pairs: [
                context, ("@type", .string(kind == .chooser ? "WebSite" : "WebPage")),
                ("name", .string(kind == .chooser ? siteName : name)), ("url", .string(url)),
            ])
        } else {
            value = .object(pairs: [context, ("@graph", .array(values: products.map(product)))])
        }
        return JSONWriter.string(value, pretty: false, escapeForScript: true)
    }

    private static func product(_ offer: ProductOffer) -> JSONValue {
        .object(pairs: [
            ("@type", .string("Product")),
            ("name", .string(offer.name)),
            ("description", .string(offer.description)),
            ("sku", .string(offer.sku)),
            ("brand", .object(pairs: [("@type", .string("Brand")), ("name", .string(offer.brand))])),
            ("image", .string(offer.image)),
            ("offers", .object(pairs: [
                ("@type", .string("Offer")),
                ("price", .string(offer.price)),
                ("priceCurrency", .string(offer.currency)),
                ("availability", .string(offer.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")),
                ("url", .string(offer.url)),
            ])),
        ])
    }
}
