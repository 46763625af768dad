import Intl
import Mustache

/// The Open Graph and Twitter card tags of a page (`page.openGraph`, `page.twitter`), built in one place so
/// that every page kind carries the same set and a kind with more to say (a product's `og:type` and price)
/// adds to it here rather than in its template.
///
/// The layout writes them as `<meta property content>` and `<meta name content>`; the values are plain text,
/// escaped by the template like any other attribute value.
public struct OpenGraph: Sendable {
    /// `og:title`: the page's own title (without the site's name, which is `og:site_name`).
    public var title: String
    /// `og:description`: the page's meta description.
    public var description: String
    /// `og:url`: the page's canonical URL.
    public var url: String
    /// `og:image`: an absolute URL, or nil when the page shows no image (then the card is `summary`).
    public var image: String?
    /// `og:image:alt`: the image's text alternative.
    public var imageAlt: String?
    /// `og:locale`: the page's locale in Open Graph's form (`de_DE`).
    public var locale: String
    /// `og:locale:alternate`: the same page's other locales, sorted, without `locale`.
    public var alternateLocales: [String]
    /// `og:type`: `website` unless a page kind says otherwise (`product`).
    public var type = "website"
    /// `og:site_name`.
    public var siteName: String
    /// More properties after the standard ones, in order (`product:price:amount`, …).
    public var extra: [(property: String, content: String)] = []

    /// Marks the page as a product's (`og:type` `product`) with its price: `product:price:amount` in major units
    /// with the currency's digits and `product:price:currency`.
    mutating func describeProduct(price: Money) {
        type = "product"
        extra = [("product:price:amount", price.amountText), ("product:price:currency", price.currency.code)]
    }

    /// Open Graph's locale form of a BCP 47 tag: `de-DE` → `de_DE`, `zh-Hant-TW` → `zh_Hant_TW`.
    public static func locale(_ tag: String) -> String {
        // A hyphen is one byte in UTF-8 and never part of another character's bytes.
        guard tag.utf8.contains(UInt8(ascii: "-")) else { return tag }
        return String(decoding: tag.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// Every `og:` (and extra) property in the order the layout writes them.
    public var properties: [(property: String, content: String)] {
        var result: [(String, String)] = [
            ("og:type", type), ("og:site_name", siteName), ("og:title", title), ("og:description", description),
            ("og:url", url),
        ]
        if let image {
            result.append(("og:image", image))
            if let imageAlt, !imageAlt.isEmpty { result.append(("og:image:alt", imageAlt)) }
        }
        result.append(("og:locale", locale))
        result += alternateLocales.map { ("og:locale:alternate", $0) }
        return result + extra
    }

    /// The Twitter card: a large image when the page has one, else the summary card.
    public var twitter: [(name: String, content: String)] {
        [("twitter:card", image == nil ? "summary" : "summary_large_image")]
    }

    /// `page.openGraph` and `page.twitter` for the template context.
    var values: (openGraph: Value, twitter: Value) {
        (.list(properties.map { .object(["property": .string($0.property), "content": .string($0.content)]) }),
         .list(twitter.map { .object(["name": .string($0.name), "content": .string($0.content)]) }))
    }
}
