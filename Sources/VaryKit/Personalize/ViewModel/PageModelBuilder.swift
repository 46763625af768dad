import Intl
import Mustache

/// The personalize stage's last step: turns a planned page into the template context of SPEC "Template context".
public struct PageModelBuilder: Sendable {
    public let inputs: BuildInputs
    /// The alternates of every family but the product pages', which are the same on each page of the family in every
    /// region and locale: made once, before pages are built in parallel. (Product pages, one family per product, keep
    /// theirs in the `LocaleParts` of their run, so this table does not grow with the catalog.)
    private var familyAlternates: [String: FamilyAlternates] = [:]

    /// A family's alternates as pages show them: the template's list, and their `og:locale:alternate` values.
    struct FamilyAlternates: Sendable {
        var model: Value
        /// Sorted, without repeats; a page leaves out its own.
        var openGraphLocales: [String]
    }

    /// For the promotion of each promotion page and its region: the positions, in the region's ranking candidates,
    /// of the products it applies to, most popular first — the same for every locale of the region, and made once.
    private var promotionCandidates: [PromotionInRegion: [Int]] = [:]

    struct PromotionInRegion: Hashable {
        var promotion: String
        var region: String
    }

    public init(inputs: BuildInputs) {
        self.inputs = inputs
        var table: [String: FamilyAlternates] = [:]
        var candidates: [PromotionInRegion: [Int]] = [:]
        for page in inputs.pages {
            if page.isIndexable && page.kind != .product && page.kind != .chooser {
                let key = page.familyKey
                if table[key] == nil { table[key] = familyAlternates(of: page) }
            }
            if page.kind == .promotion, let id = page.item, let region = page.region,
               let promotion = inputs.activePromotions.first(where: { $0.id == id }) {
                let key = PromotionInRegion(promotion: id, region: region)
                if candidates[key] == nil { candidates[key] = promotionPositions(promotion, region: region) }
            }
        }
        familyAlternates = table
        promotionCandidates = candidates
    }

    private func familyAlternates(of page: PageSpec) -> FamilyAlternates {
        let all = alternates(of: page)
        return FamilyAlternates(
            // Every indexable page of the family lists them: each is hashed once, not on every page.
            model: .list(all.map { ModelBytes.sharedObject(["hreflang": .string($0.hreflang), "url": .string($0.url)]) }),
            openGraphLocales: Set(all.lazy.map(\.hreflang).filter { $0 != "x-default" }.map(OpenGraph.locale)).sorted())
    }

    private var site: Site { inputs.content.site }

    /// The view model of one page.
    public func model(for page: PageSpec) -> Value {
        var parts: LocaleParts?
        return model(for: page, reusing: &parts)
    }

    /// The view model of one page, reusing the parts made for the previous page when it had the same region
    /// and locale (and replacing them otherwise), so consecutive pages share their cards and messages.
    /// `selection`, when given, is the page's (`selection(for:)`): its ranking, promotion products and cross-sell are
    /// used, not worked out again.
    func model(for page: PageSpec, reusing kept: inout LocaleParts?, selection: PageSelection? = nil) -> Value {
        let region = page.region.flatMap { inputs.regionsByID[$0] } ?? inputs.regionsByID[site.defaultRegion.id]!
        let tag = page.locale ?? site.defaultLocale
        let segment = page.segment.flatMap { inputs.segmentsByID[$0] } ?? inputs.segmentsByID[site.defaultSegment.id]!
        let parts = LocaleParts.reuse(kept, region: region, tag: tag, inputs: inputs)
        kept = parts
        let locale = parts.locale
        var cards = CardBuilder(inputs: inputs, locale: locale, pagePath: page.path)
        cards.parts = parts
        let audience = PageAudience(region: region, localeTag: tag, segment: segment)
        cards.audience = audience
        let promotions = activePromotions(inputs.activePromotions, for: audience, at: inputs.now)

        // A page's context has about twenty names: room for them at once.
        var context: [String: Value] = Dictionary(minimumCapacity: 24)
        var products: [Value] = []
        // Each product's JSON-LD text; the URL tail is the same for every product of the page.
        var jsonLDProducts: [String] = []
        let urlTail = JSONLD.urlTail(inputs.absoluteURL(page.path))
        var title = site.name
        var configured: ConfiguratorModel.Built?
        // The page's own title (`og:title`) and its first product (`og:image`, else the site's `shareImage`).
        var ownTitle: String?
        var lead: Product?
        var jsonLD: String?
        var count: Int?
        var productPrice: Money?
        func pageTitle(_ own: String) -> String {
            locale.localizer.format("page.title", ["title": .string(own), "site": .string(site.name)])
        }

        switch page.kind {
        case .landing:
            let ranked = selection?.ranked ?? rank(
                using: inputs.ranking, audience: audience, promotions: promotions, popularity: inputs.popularity,
                limit: site.recommendations)
            lead = ranked.first?.product
            for item in ranked {
                products.append(cards.product(item.product, price: item.price, rank: item.rank, reasons: item.reasons, pinned: item.pinned))
                jsonLDProducts.append(offer(item.product, price: item.price.final, locale: locale, parts: parts) + urlTail)
            }
            ownTitle = locale.text(segment.headline, defaultTag: site.defaultLocale)
        case .promotion:
            if let promotion = inputs.activePromotions.first(where: { $0.id == page.item }) {
                let items = selection?.promoted ?? promotionProducts(promotion, audience: audience, promotions: promotions)
                lead = items.first?.0
                for (product, price) in items {
                    jsonLDProducts.append(offer(product, price: price.final, locale: locale, parts: parts) + urlTail)
                }
                let card = cards.promotion(promotion, products: items.enumerated().map { index, item in
                    cards.product(item.0, price: item.1, rank: index + 1, reasons: [.promotion(promotion.id)], pinned: false)
                })
                context["promotion"] = card
                ownTitle = locale.text(promotion.title, defaultTag: site.defaultLocale)
            }
        case .bundle:
            if let priced = inputs.bundles[region.id]?.first(where: { $0.bundle.id == page.item }) {
                context["bundle"] = cards.bundle(priced)
                lead = priced.items.first?.product
                jsonLDProducts = priced.items.map { offer($0.product, price: $0.product.price(in: region)!, locale: locale) + urlTail }
                ownTitle = locale.text(priced.bundle.title, defaultTag: site.defaultLocale)
            }
        case .product:
            let product = ProductPageModel(inputs: inputs, cards: cards, locale: locale)
            if let item = page.item.flatMap({ inputs.productsByID[$0] }),
                let own = product.parts(item, page: page, audience: audience, promotions: promotions, crossSell: selection?.crossSell)
            {
                context["product"] = own.product
                ownTitle = own.title
                lead = item
                jsonLD = own.jsonLD
                productPrice = own.price
                count = 1
            }
        case .chooser:
            context["regions"] = .list(inputs.content.regions.map { chooserRegion($0) })
        case .configure:
            if let plan = page.item.flatMap({ inputs.configurators[$0] }), let regional = plan.regions[region.id],
               let built = ConfiguratorModel(inputs: inputs, plan: plan, regional: regional, locale: locale, page: page)
                .build(audience: audience, promotions: promotions, cards: cards)
            {
                context["configurator"] = built.context
                ownTitle = built.title
                var shown = plan.product
                shown.image = built.image
                lead = shown
                jsonLD = built.jsonLD
                count = 1
                configured = built
            }
        case .notFound:
            ownTitle = locale.localizer.format("notFound.title")
        }
        if let ownTitle { title = pageTitle(ownTitle) }

        let arguments: [String: MessageArgument] = [
            "site": .string(site.name),
            "region": .string(locale.text(region.name, defaultTag: site.defaultLocale)),
            "segment": .string(locale.text(segment.name, defaultTag: site.defaultLocale)),
            "count": .int(count ?? (page.kind == .landing ? products.count : jsonLDProducts.count)),
        ]
        context["products"] = .list(products)
        context["promotions"] = .list(promotions.filter { Planner.hasPage($0, region: region.id, locale: tag, now: inputs.now) }.map {
            cards.promotion($0, products: [])
        })
        let bundles = (inputs.bundles[region.id] ?? []).filter { $0.bundle.segments?.contains { $0.id == segment.id } ?? true }
        context["bundles"] = .list(bundles.map(cards.bundle))
        context["t"] = locale.localizer.messageTree(arguments, over: parts.messages)
        context["site"] = .object(["name": .string(site.name), "baseURL": .string(site.baseURL)])
        context["assets"] = inputs.assetsModel
        if parts.localeModel == nil {
            parts.localeModel = ModelBytes.sharedObject([
                "tag": .string(tag), "language": .string(LocaleTag.language(tag)),
                "dir": .string(isRightToLeft(languageTag: tag) ? "rtl" : "ltr"),
                "name": .string(LanguageName.nativeName(of: tag)),
            ])
        }
        context["locale"] = parts.localeModel
        if parts.localeNames == nil { parts.localeNames = region.locales.map { LanguageName.nativeName(of: $0) } }
        let localeNames = parts.localeNames ?? []
        context["locales"] = .list(zip(region.locales, localeNames).map { other, name in
            .object([
                "tag": .string(other), "name": .string(name),
                "url": .string(counterpart(of: page, locale: other).path), "isCurrent": .bool(other == tag),
            ])
        })
        if parts.region == nil { parts.region = regionModel(region, locale: locale) }
        context["region"] = parts.region
        context["segment"] = .object([
            "id": .string(segment.id),
            "name": .string(locale.text(segment.name, defaultTag: site.defaultLocale)),
            "headline": .string(locale.text(segment.headline, defaultTag: site.defaultLocale)),
            "subline": .string(locale.text(segment.subline, defaultTag: site.defaultLocale)),
            "isDefault": .bool(segment.id == site.defaultSegment.id),
        ])
        let landing = PageSpec(kind: .landing, region: region.id, locale: region.locales.contains(tag) ? tag : region.locales[0])
        context["segments"] = .list(segmentLinks(current: page.kind == .landing ? segment.id : nil, parts: parts))
        context["links"] = .object(["home": .string(landing.path), "chooser": .string("/")])
        let description = configured?.description ?? description(of: page, context: context, locale: locale)
        var openGraph = OpenGraph(
            title: ownTitle ?? site.name, description: description, url: "", locale: OpenGraph.locale(inputs.hreflang(tag, in: region)),
            alternateLocales: [], siteName: site.name)
        if let image = lead?.image ?? site.shareImage {
            openGraph.image = inputs.absoluteImageURL(image.src)
            openGraph.imageAlt = locale.text(image.alt, defaultTag: site.defaultLocale)
        }
        if let productPrice { openGraph.describeProduct(price: productPrice) }
        context["page"] = pageModel(page, title: title, description: description, openGraph: openGraph,
                                    locale: locale, products: jsonLDProducts, jsonLD: jsonLD, parts: parts)
        return .object(context)
    }

    // MARK: Parts

    private func pageModel(_ page: PageSpec, title: String, description: String, openGraph: OpenGraph,
                           locale: PageLocale, products: [String], jsonLD own: String?, parts: LocaleParts) -> Value {
        let canonicalPage = page.kind == .landing && page.segment != nil
            ? PageSpec(kind: .landing, region: page.region, locale: page.locale) : page
        // Alternates list every region and locale, so they depend on the page's kind and item only; a
        // segment page is noindex and has none (its canonical speaks for it).
        let alternatesKey = page.familyKey
        let alternatesModel: Value
        var openGraph = openGraph
        if !page.isIndexable {
            alternatesModel = .list([])
            openGraph.alternateLocales = []
        } else {
            let known: FamilyAlternates
            if let shared = familyAlternates[alternatesKey] {
                known = shared
            } else if let kept = parts.alternates[alternatesKey] {
                known = kept
            } else {
                known = familyAlternates(of: page)
                parts.alternates[alternatesKey] = known
            }
            alternatesModel = known.model
            let own = openGraph.locale
            openGraph.alternateLocales = known.openGraphLocales.filter { $0 != own }
        }
        openGraph.url = inputs.absoluteURL(canonicalPage.path)
        let (openGraphModel, twitterModel) = openGraph.values
        let jsonLD = own ?? JSONLD.page(
            kind: page.kind, name: title, url: inputs.absoluteURL(page.path), siteName: site.name,
            productTexts: products)
        return .object([
            "kind": .string(page.kind.rawValue),
            "isLanding": .bool(page.kind == .landing), "isPromotion": .bool(page.kind == .promotion),
            "isBundle": .bool(page.kind == .bundle), "isChooser": .bool(page.kind == .chooser),
            "isConfigure": .bool(page.kind == .configure),
            "isNotFound": .bool(page.kind == .notFound),
            "inRegion": .bool(page.region != nil),
            "isProduct": .bool(page.kind == .product),
            "path": .string(page.path),
            "url": .string(inputs.absoluteURL(page.path)),
            "canonical": .string(inputs.absoluteURL(canonicalPage.path)),
            "noindex": .bool(!page.isIndexable),
            "title": .string(title),
            "description": .string(description),
            "alternates": alternatesModel,
            "jsonLD": .string(jsonLD),
            "openGraph": openGraphModel,
            "twitter": twitterModel,
        ])
    }

    /// The same page in every region and locale where it exists, plus `x-default`, sorted; empty for the
    /// chooser and for segment pages (`noindex`: search engines use hreflang only between indexable pages).
    ///
    /// Every page of a family lists the same set, so the alternates are reciprocal; `x-default` is the
    /// family's page in the default region's first locale (else its first page), itself one of them.
    public func alternates(of page: PageSpec) -> [(hreflang: String, url: String)] {
        guard page.kind != .chooser, page.isIndexable else { return [] }
        var result: [(hreflang: String, url: String)] = []
        for region in inputs.content.regions {
            for locale in region.locales {
                let other = page.family(region: region.id, locale: locale)
                if inputs.pages.contains(other) {
                    result.append((inputs.hreflang(locale, in: region), inputs.absoluteURL(other.path)))
                }
            }
        }
        result.sort { ($0.hreflang, $0.url) < ($1.hreflang, $1.url) }
        let home = inputs.regionsByID[site.defaultRegion.id]?.locales.first.map {
            page.family(region: site.defaultRegion.id, locale: $0)
        }
        guard let fallback = home.flatMap({ inputs.pages.contains($0) ? inputs.absoluteURL($0.path) : nil }) ?? result.first?.url
        else { return [] }
        return [("x-default", fallback)] + result
    }

    /// The page of the same kind in another locale of its region, else that locale's landing.
    private func counterpart(of page: PageSpec, locale: String) -> PageSpec {
        let region = page.region ?? site.defaultRegion.id
        var same = page.family(region: region, locale: locale)
        same.segment = page.segment
        return inputs.pages.contains(same) ? same : PageSpec(kind: .landing, region: region, locale: locale)
    }

    private func description(of page: PageSpec, context: [String: Value], locale: PageLocale) -> String {
        func field(_ object: String, _ key: String) -> String? {
            // An empty text (a bundle without a description) falls back too: a page never has an empty description.
            if case .string(let text)? = context[object]?[key],
               !text.allSatisfy(\.isWhitespace) { return text }
            return nil
        }
        switch page.kind {
        case .promotion: return field("promotion", "message") ?? site.name
        case .bundle: return field("bundle", "description") ?? site.name
        case .product: return field("product", "description") ?? site.name
        case .landing, .chooser, .configure: return field("segment", "subline") ?? site.name
        case .notFound: return locale.localizer.format("notFound.text")
        }
    }

    /// The region's model, the same on every page of the region and locale: a shared object, hashed once.
    private func regionModel(_ region: Region, locale: PageLocale) -> Value {
        let text = { (localized: LocalizedText) in locale.text(localized, defaultTag: self.site.defaultLocale) }
        var model: [String: Value] = [
            "id": .string(region.id),
            "name": .string(text(region.name)),
            "currency": .string(region.currency.code),
            "taxNote": .string(region.taxNote.map(text) ?? ""),
            "countries": .list(region.countries.map(Value.string)),
            "stores": .list(region.stores.map { store in
                var fields: [String: Value] = [
                    "name": .string(store.name), "city": .string(store.city), "address": .string(store.address),
                ]
                if let url = store.url { fields["url"] = .string(url) }
                return .object(fields)
            }),
            "events": .list(region.events.map { event in
                var fields: [String: Value] = [
                    "title": .string(text(event.title)), "date": .string(event.date),
                    "dateText": .string(locale.dates.string(isoDate: event.date) ?? event.date),
                ]
                if let url = event.url { fields["url"] = .string(url) }
                return .object(fields)
            }),
        ]
        if region.taxNote == nil { model["taxNote"] = nil }
        return ModelBytes.sharedObject(model)
    }

    private func chooserRegion(_ region: Region) -> Value {
        let name = region.name.resolve(region.locales[0], fallback: site.defaultLocale)
        return .object([
            "id": .string(region.id),
            "name": .string(name),
            "locales": .list(region.locales.map { tag in
                .object([
                    "tag": .string(tag), "name": .string(LanguageName.nativeName(of: tag)),
                    "url": .string(PageSpec(kind: .landing, region: region.id, locale: tag).path),
                ])
            }),
        ])
    }

    /// The products a promotion applies to that the region sells, most popular first.
    func promotionProducts(_ promotion: Promotion, audience: PageAudience, promotions: [Promotion])
        -> [(Product, PricedProduct)]
    {
        let tables = inputs.ranking
        guard let region = tables.regions[audience.region.id] else { return [] }
        let positions = promotionCandidates[PromotionInRegion(promotion: promotion.id, region: audience.region.id)]
            ?? promotionPositions(promotion, region: audience.region.id)
        let prices = tables.prices(at: positions, region, audience: audience, promotions: promotions)
        return zip(positions, prices).map { (tables.products[region.candidates[$0]], $1) }
    }

    /// The positions in the region's ranking candidates of the products `promotion` applies to, most popular first
    /// (then by id), at most `site.recommendations`: which products a promotion page shows, whatever their prices.
    private func promotionPositions(_ promotion: Promotion, region id: String) -> [Int] {
        // The region's ranking candidates are exactly its in-stock products priced in its currency.
        let tables = inputs.ranking
        guard let region = tables.regions[id] else { return [] }
        let selects = tables.selection(of: promotion)
        let applying = region.candidates.indices.filter { selects(region.candidates[$0]) }
        let products = tables.products, candidates = region.candidates, idOrder = tables.idOrder
        let sorted = applying.sorted { first, second in
            let a = candidates[first], b = candidates[second]
            return (products[b].popularity, idOrder[a]) < (products[a].popularity, idOrder[b])
        }
        return Array(sorted.prefix(site.recommendations))
    }

    /// A product's JSON-LD text up to the page's URL (`JSONLD.offerHead`).
    private func offer(_ product: Product, price: Money, locale: PageLocale, parts: LocaleParts? = nil) -> String {
        let key = LocaleParts.OfferKey(product: product.id, price: price)
        if let known = parts?.offers[key] { return known }
        let head = JSONLD.offerHead(makeOffer(product, price: price, locale: locale))
        parts?.offers[key] = head
        return head
    }

    private func makeOffer(_ product: Product, price: Money, locale: PageLocale) -> JSONLD.ProductOffer {
        var offer = JSONLD.ProductOffer(
            name: locale.text(product.title, defaultTag: site.defaultLocale),
            description: locale.text(product.description, defaultTag: site.defaultLocale),
            sku: product.sku, brand: product.brand,
            image: inputs.absoluteImageURL(product.image.src),
            price: price.amountText, currency: price.currency.code,
            inStock: product.isInStock(in: locale.region.id), url: "", gtin: product.gtin, mpn: product.mpn)
        if !product.variants.isEmpty { JSONLD.addVariants(of: product, to: &offer, locale: locale, inputs: inputs) }
        return offer
    }

    /// The "shop as" links of a region and locale, with `isCurrent` set on the current segment's.
    private func segmentLinks(current: String?, parts: LocaleParts) -> [Value] {
        func link(_ other: Segment, isCurrent: Bool) -> Value {
            let isDefault = other.id == site.defaultSegment.id
            let path = PageSpec(kind: .landing, region: parts.regionID, locale: parts.tag, segment: isDefault ? nil : other.id).path
            return ModelBytes.sharedObject([
                "id": .string(other.id), "name": .string(parts.locale.text(other.name, defaultTag: site.defaultLocale)),
                "url": .string(path), "isCurrent": .bool(isCurrent),
            ])
        }
        let segments = inputs.content.segments
        let links = parts.segmentLinks ?? segments.map { link($0, isCurrent: false) }
        parts.segmentLinks = links
        guard let current else { return links }
        var result = links
        for index in segments.indices where segments[index].id == current {
            result[index] = link(segments[index], isCurrent: true)
        }
        return result
    }
}

/// Template names for asset paths: `css/store.css` → `css_store_css`.
public enum AssetKey {
    public static func name(_ path: String) -> String {
        String(path.map { $0 == "/" || $0 == "." ? "_" : $0 })
    }
}
