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
        public var gtin: String? = nil
        public var mpn: String? = nil
        /// schema.org properties the variants differ in (`size`); with `variants`, the product is a `ProductGroup`.
        public var variesBy: [String] = []
        public var variants: [VariantOffer] = []
        /// The highest variant price, for the group's `AggregateOffer` (whose `lowPrice` is `price`).
        public var highPrice: String? = nil
    }

    /// One variant of a `ProductGroup`: a `Product` with its option values and its own offer.
    public struct VariantOffer: Sendable, Hashable {
        public var name: String
        public var sku: String
        public var gtin: String?
        public var image: String
        /// schema.org property → value (`size` → `M`), in the group's `variesBy` order.
        public var properties: [(key: String, value: String)]
        public var price: String
        public var currency: String
        public var inStock: Bool

        public static func == (a: VariantOffer, b: VariantOffer) -> Bool {
            a.name == b.name && a.sku == b.sku && a.gtin == b.gtin && a.image == b.image && a.price == b.price
                && a.currency == b.currency && a.inStock == b.inStock
                && a.properties.map(\.key) == b.properties.map(\.key) && a.properties.map(\.value) == b.properties.map(\.value)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(sku) }
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

    /// A `Product` with its `Offer`, or for a product with variants a `ProductGroup` with `variesBy`, a `Product` per
    /// variant in `hasVariant` and an `AggregateOffer` from the lowest to the highest variant price. The page's
    /// URL is always the last member of the last object, which `offerHead` relies on.
    static func product(_ offer: ProductOffer) -> JSONValue {
        let isGroup = !offer.variants.isEmpty
        var pairs: [(String, JSONValue)] = [
            ("@type", .string(isGroup ? "ProductGroup" : "Product")),
            ("name", .string(offer.name)),
            ("description", .string(offer.description)),
            (isGroup ? "productGroupID" : "sku", .string(offer.sku)),
            ("brand", .object(pairs: [("@type", .string("Brand")), ("name", .string(offer.brand))])),
            ("image", .string(offer.image)),
        ]
        if let gtin = offer.gtin, !isGroup { pairs.append(("gtin", .string(gtin))) }
        if let mpn = offer.mpn { pairs.append(("mpn", .string(mpn))) }
        var offerPairs: [(String, JSONValue)]
        if isGroup {
            pairs.append(("variesBy", .array(values: offer.variesBy.map { .string("https://schema.org/" + $0) })))
            pairs.append(("hasVariant", .array(values: offer.variants.map(variant))))
            offerPairs = [
                ("@type", .string("AggregateOffer")),
                ("lowPrice", .string(offer.price)),
                ("highPrice", .string(offer.highPrice ?? offer.price)),
                ("offerCount", .integer(offer.variants.count)),
                ("priceCurrency", .string(offer.currency)),
                ("availability", .string(availability(offer.variants.contains(where: \.inStock)))),
            ]
        } else {
            offerPairs = [
                ("@type", .string("Offer")),
                ("price", .string(offer.price)),
                ("priceCurrency", .string(offer.currency)),
                ("availability", .string(availability(offer.inStock))),
            ]
        }
        if let until = offer.priceValidUntil { offerPairs.append(("priceValidUntil", .string(until))) }
        // The URL comes last: `offerHead` cuts the text just before it.
        offerPairs.append(("url", .string(offer.url)))
        pairs.append(("offers", .object(pairs: offerPairs)))
        return .object(pairs: pairs)
    }

    private static func variant(_ variant: VariantOffer) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("@type", .string("Product")), ("name", .string(variant.name)), ("sku", .string(variant.sku)),
        ]
        if let gtin = variant.gtin { pairs.append(("gtin", .string(gtin))) }
        pairs.append(("image", .string(variant.image)))
        pairs += variant.properties.map { ($0.key, JSONValue.string($0.value)) }
        pairs.append(("offers", .object(pairs: [
            ("@type", .string("Offer")),
            ("price", .string(variant.price)),
            ("priceCurrency", .string(variant.currency)),
            ("availability", .string(availability(variant.inStock))),
        ])))
        return .object(pairs: pairs)
    }

    private static func availability(_ inStock: Bool) -> String {
        inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock"
    }
}
