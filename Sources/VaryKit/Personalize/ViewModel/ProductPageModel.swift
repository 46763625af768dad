import Foundation
import Intl
import Mustache

/// The product page's own part of its view model (SPEC "products" page): the product with its price after the
/// default segment's promotions, breadcrumbs, stock, attributes, promotions, cross-sell and bundles, and the
/// page's JSON-LD (`Product` with its `Offer`, and a `BreadcrumbList`).
struct ProductPageModel {
    let inputs: BuildInputs
    let cards: CardBuilder
    let locale: PageLocale

    /// What the page builder puts into the context and the `page` object.
    struct Parts {
        var product: Value
        var title: String
        var description: String
        var jsonLD: String
        /// The price after promotions, for Open Graph's `product:price` tags.
        var price: Money
    }

    private var defaultTag: String { inputs.content.site.defaultLocale }

    /// The parts of the page of `product`; `promotions` are those active for the page's audience, whose segment
    /// is the default one (product pages are not personalized); `crossSell`, when given, the product's cross-sell
    /// items, already worked out. Nil when the region cannot price the product.
    func parts(_ product: Product, page: PageSpec, audience: PageAudience, promotions: [Promotion],
               crossSell: [CrossSellItem]? = nil) -> Parts? {
        guard let priced = price(product, audience: audience, promotions: promotions)
        else { return nil }
        var fields = cards.productFields(product, price: priced, rank: 1, reasons: [], pinned: false)
        let region = audience.region
        let title = locale.text(product.title, defaultTag: defaultTag)
        let stock = product.stock[region.id] ?? 0
        fields["stock"] = .object([
            "count": .int(stock), "text": .string(locale.localizer.format("product.stock", ["count": .int(stock)])),
            "isCounted": .bool(product.countsStock),
        ])
        fields["attributes"] = .list(product.attributes.map { .object(["name": .string($0.name), "value": .string($0.value)]) })
        let crumbs = breadcrumbs(product, title: title, page: page)
        fields["breadcrumbs"] = .list(crumbs.enumerated().map { index, crumb in
            .object([
                "name": .string(crumb.name), "url": crumb.path.map(Value.string) ?? .null,
                "isCurrent": .bool(index == crumbs.count - 1),
            ])
        })
        let applied = appliedPromotions(priced, page: page)
        fields["promotions"] = .list(applied.cards)
        let validUntil = applied.earliestEnd.map { lastDay(before: $0, in: region) }
        if let validUntil { fields["priceValidUntil"] = .string(validUntil) }
        fields["goesWellWith"] = .list(goesWellWith(product, audience: audience, promotions: promotions, items: crossSell))
        if let generated = inputs.crossSell.bundles[region.id]?[product.id] {
            fields["boughtTogether"] = boughtTogether(generated)
        }
        fields["bundles"] = .list((inputs.bundles[region.id] ?? [])
            .filter { $0.items.contains { $0.product.id == product.id } }.map(cards.bundle))
        // Mustache cannot ask whether a list is empty without looping over it, so each list has its flag.
        for key in ["attributes", "promotions", "goesWellWith", "bundles"] {
            if case .list(let items)? = fields[key] { fields["has" + key.prefix(1).uppercased() + key.dropFirst()] = .bool(!items.isEmpty) }
        }

        var offer = JSONLD.ProductOffer(
            name: title, description: locale.text(product.description, defaultTag: defaultTag), sku: product.sku,
            brand: product.brand, image: inputs.absoluteImageURL(product.image.src), price: priced.final.amountText,
            currency: priced.final.currency.code, inStock: product.isInStock(in: region.id), url: inputs.absoluteURL(page.path))
        offer.priceValidUntil = validUntil
        offer.gtin = product.gtin
        offer.mpn = product.mpn
        if !product.variants.isEmpty { JSONLD.addVariants(of: product, to: &offer, locale: locale, inputs: inputs) }
        let jsonLD = JSONLD.productPage(offer, breadcrumbs: crumbs.enumerated().map { index, crumb in
            (crumb.name, crumb.path.map(inputs.absoluteURL) ?? (index == crumbs.count - 1 ? offer.url : nil))
        })
        return Parts(product: .object(fields), title: title, description: offer.description, jsonLD: jsonLD, price: priced.final)
    }

    /// The last day (`YYYY-MM-DD`, in the region's time zone) the price holds when a promotion ends at `end`.
    private func lastDay(before end: Date, in region: Region) -> String {
        let last = end.addingTimeInterval(-1)
        let offset = TimeZone(identifier: region.timeZone)?.secondsFromGMT(for: last) ?? 0
        return String(Instant.format(last.addingTimeInterval(Double(offset))).prefix(10))
    }

    /// Home (the region and locale's landing, named after the site), each level of the category path, the product.
    private func breadcrumbs(_ product: Product, title: String, page: PageSpec) -> [(name: String, path: String?)] {
        let home = PageSpec(kind: .landing, region: page.region, locale: page.locale).path
        // Categories have no pages of their own, so only home links.
        return [(inputs.content.site.name, home)]
            + product.categoryAncestry.map { (cards.parts?.categoryName($0) ?? locale.categoryName($0), nil) }
            + [(title, nil)]
    }

    /// The promotions that lowered the price, each with its saving and, where it has a page, its link; and the
    /// earliest instant one of them ends.
    private func appliedPromotions(_ priced: PricedProduct, page: PageSpec) -> (cards: [Value], earliestEnd: Date?) {
        var result: [Value] = []
        var earliest: Date?
        for applied in priced.applied {
            guard let promotion = inputs.activePromotions.first(where: { $0.id == applied.promotion }) else { continue }
            earliest = min(earliest ?? promotion.ends, promotion.ends)
            let hasPage = Planner.hasPage(promotion, region: locale.region.id, locale: locale.tag, now: inputs.now)
            let base = PageSpec(kind: .promotion, region: page.region, locale: page.locale, item: promotion.id)
            result.append(.object([
                "id": .string(promotion.id),
                "title": .string(locale.text(promotion.title, defaultTag: defaultTag)),
                "message": .string(locale.text(promotion.message, defaultTag: defaultTag)),
                "discountText": .string(cards.discountText(promotion.discount)),
                "savingText": .string(locale.localizer.format("price.saving", ["amount": .string(locale.money.string(applied.saving))])),
                "endsText": .string(locale.dates.string(promotion.ends)),
                "ends": .string(Instant.format(promotion.ends)),
                "url": hasPage ? .string(base.path) : .null,
            ]))
        }
        return (result, earliest)
    }

    /// "Goes well with": cards of the cross-sell products at their prices for the page's audience, with reasons.
    private func goesWellWith(_ product: Product, audience: PageAudience, promotions: [Promotion], items: [CrossSellItem]?) -> [Value] {
        let items = items ?? inputs.crossSell.items(
            for: product, in: audience.region, products: inputs.productsByID, limit: inputs.content.site.productPages.crossSell)
        return items.enumerated().compactMap { index, item in
            guard let priced = price(item.product, audience: audience, promotions: promotions) else { return nil }
            var reasons: [Reason] = []
            if item.baskets > 0 { reasons.append(.boughtTogether(item.baskets)) }
            if item.isComplement { reasons.append(.complement(product.id)) }
            return cards.product(item.product, price: priced, rank: index + 1, reasons: reasons, pinned: false)
        }
    }

    /// The generated bundle as a bundle card without a page of its own (`url` is null), with its discount's text.
    private func boughtTogether(_ generated: PricedBundle) -> Value {
        var fields = cards.bundleFields(generated)
        fields["url"] = .null
        if case .percent(let percent) = generated.bundle.pricing, percent > 0 {
            fields["discountText"] = .string(cards.discountText(.percent(percent)))
        }
        fields["hasSaving"] = .bool(generated.saving.minorUnits > 0)
        return .object(fields)
    }
}
