/// One page to build: its kind, its place in the variant matrix, and where it goes.
public struct PageSpec: Sendable, Hashable, Comparable {
    /// What a page shows.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case chooser, landing, promotion, bundle, product, configure
        /// `/404.html`: what the server answers for a path the site does not have.
        case notFound = "not-found"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    public var region: String?
    public var locale: String?
    /// The segment of a landing page; nil on the default landing and on other kinds.
    public var segment: String?
    /// The promotion, bundle or product id on those pages (the product's on a configurator).
    public var item: String?
    /// On a configurator's page for one value of its merchandised axis, the value's id.
    public var option: String?

    public init(kind: Kind, region: String? = nil, locale: String? = nil, segment: String? = nil, item: String? = nil,
                option: String? = nil) {
        self.kind = kind
        self.region = region
        self.locale = locale
        self.segment = segment
        self.item = item
        self.option = option
    }

    /// The same page (kind, item and option) in another region and locale.
    public func family(region: String, locale: String) -> PageSpec {
        PageSpec(kind: kind, region: region, locale: locale, item: item, option: option)
    }

    /// What pages of one family share in every region and locale: their kind, item and option.
    var familyKey: String { kind.rawValue + "/" + (item ?? "") + (option.map { "/" + $0 } ?? "") }

    /// The URL path, ending in `/` (`/de/de-de/for/families/`), except the not-found page's `/404.html`.
    public var path: String {
        if kind == .notFound { return "/404.html" }
        guard let region, let locale else { return "/" }
        let base = "/\(region)/\(LocaleTag.pathForm(locale))/"
        switch kind {
        case .chooser: return "/"
        case .landing: return segment.map { base + "for/\($0)/" } ?? base
        case .promotion: return base + "promotions/\(item ?? "")/"
        case .bundle: return base + "bundles/\(item ?? "")/"
        case .product: return base + "products/\(item ?? "")/"
        case .configure: return base + "configure/\(item ?? "")/" + (option.map { "\($0)/" } ?? "")
        case .notFound: return "/404.html"
        }
    }

    /// The output file, relative to the output folder: `de/de-de/for/families/index.html`, `404.html`.
    public var file: String { kind == .notFound ? "404.html" : String(path.dropFirst()) + "index.html" }

    /// Whether search engines may index the page: not a segment's landing (its canonical speaks for it)
    /// and not the not-found page; only these are in the sitemap and carry hreflang alternates.
    public var isIndexable: Bool { segment == nil && kind != .notFound }

    /// A stable identity, independent of the page's position in the plan: `landing/de/de-DE/families`.
    public var key: String {
        [kind.rawValue, region, locale, segment, item, option].compactMap { $0 }.joined(separator: "/")
    }

    public static func < (a: PageSpec, b: PageSpec) -> Bool { a.path < b.path }
}
