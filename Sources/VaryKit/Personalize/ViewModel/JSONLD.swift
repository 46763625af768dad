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
        /// The last day (`YYYY-MM-DD`) the price holds, when a promotion that lowers it ends.
        public var priceValidUntil: String? = nil
    }

    /// A page's JSON-LD: the chooser is a `WebSite`, other pages a `@graph` of `Product`s with their `Offer`s.
    public static func page(kind: PageSpec.Kind, name: String, url: String, siteName: String, products: [ProductOffer]) -> String {
        page(kind: kind, name: name, url: url, siteName: siteName, productTexts: products.map { offerHead($0) + urlTail($0.url) })
    }

    /// `page(kind:name:url:siteName:products:)` from each product's JSON text, made of `offerHead` and `urlTail`
    /// so that a page can reuse the heads of products it shares with other pages.
    static func page(kind: PageSpec.Kind, name: String, url: String, siteName: String, productTexts: [String]) -> String {
        let context: (String, JSONValue) = ("@context", .string("https://schema.org"))
        if kind == .chooser || productTexts.isEmpty {
            let value = JSONValue.object(pairs: [
                context, ("@type", .string(kind == .chooser ? "WebSite" : "WebPage")),
                ("name", .string(kind == .chooser ? siteName : name)), ("url", .string(url)),
            ])
            return JSONWriter.string(value, pretty: false, escapeForScript: true)
        }
        // The compact writer puts nothing between members and elements, so the graph is its items joined by commas.
        return #"{"@context":"https://schema.org","@graph":["# + productTexts.joined(separator: ",") + "]}"
    }

    /// A product's JSON text up to its offer's URL, which comes last: everything but the page it is on.
    static func offerHead(_ offer: ProductOffer) -> String {
        var withoutURL = offer
        withoutURL.url = ""
        let text = JSONWriter.string(product(withoutURL), pretty: false, escapeForScript: true)
        return String(text.dropLast(#"""}}"#.count))
    }

    /// The rest of a product's JSON text after `offerHead`: the offer's URL and the closing braces.
    static func urlTail(_ url: String) -> String {
        JSONWriter.string(.string(url), pretty: false, escapeForScript: true) + "}}"
    }

    static func product(_ offer: ProductOffer) -> JSONValue {
        var offerPairs: [(String, JSONValue)] = [
            ("@type", .string("Offer")),
            ("price", .string(offer.price)),
            ("priceCurrency", .string(offer.currency)),
            ("availability", .string(offer.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")),
        ]
        if let until = offer.priceValidUntil { offerPairs.append(("priceValidUntil", .string(until))) }
        // The URL comes last: `offerHead` cuts the text just before it.
        offerPairs.append(("url", .string(offer.url)))
        return .object(pairs: [
            ("@type", .string("Product")),
            ("name", .string(offer.name)),
            ("description", .string(offer.description)),
            ("sku", .string(offer.sku)),
            ("brand", .object(pairs: [("@type", .string("Brand")), ("name", .string(offer.brand))])),
            ("image", .string(offer.image)),
            ("offers", .object(pairs: offerPairs)),
        ])
    }
}
