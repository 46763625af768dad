import Intl
import Mustache

/// Builds the template view of products, promotions and bundles for one page's region and locale.
struct CardBuilder {
    let inputs: BuildInputs
    let locale: PageLocale
    let pagePath: String
    /// Cards and texts already made for this region and locale, when the caller keeps them.
    var parts: LocaleParts? = nil
    /// The page's audience, whose prior prices a region under a price reduction rule shows.
    var audience: PageAudience? = nil

    private var defaultTag: String { inputs.content.site.defaultLocale }
    private var basePath: String { "/\(locale.region.id)/\(LocaleTag.pathForm(locale.tag))/" }

    /// A product card (SPEC "product card"): the page's `rank`, `isPinned` and `reasons` over the fields every page
    /// of the region and locale shares, which are made once and not copied (`Value.extended`).
    func product(_ product: Product, price: PricedProduct, rank: Int, reasons: [Reason], pinned: Bool) -> Value {
        .extended(pageFields(rank: rank, reasons: reasons, pinned: pinned), shared(product, price: price))
    }

    /// A product card as a plain dictionary, for a page that adds fields of its own to it.
    func productFields(_ product: Product, price: PricedProduct, rank: Int, reasons: [Reason], pinned: Bool) -> [String: Value] {
        var card = shared(product, price: price).fields
        for (key, value) in pageFields(rank: rank, reasons: reasons, pinned: pinned) { card[key] = value }
        return card
    }

    private func pageFields(rank: Int, reasons: [Reason], pinned: Bool) -> [String: Value] {
        ["rank": .int(rank), "isPinned": .bool(pinned), "reasons": .list(reasons.map { .string(reasonText($0)) })]
    }

    /// The fields of the card that depend only on the product, its price and the region and locale.
    private func shared(_ product: Product, price: PricedProduct) -> SharedFields {
        let prior = price.isDiscounted ? audience.flatMap { inputs.priorPrices.prior(of: product.id, for: $0) } : nil
        guard let parts else { return ModelBytes.shared(sharedCard(product, price: price, prior: prior)) }
        let key = LocaleParts.CardKey(product: product.id, price: price, prior: prior)
        if let known = parts.cards[key] { return known }
        let card = ModelBytes.shared(sharedCard(product, price: price, prior: prior))
        parts.cards[key] = card
        return card
    }

    /// The part of a product card that is the same on every page of the region and locale.
    private func sharedCard(_ product: Product, price: PricedProduct, prior: PriorPrice?) -> [String: Value] {
        var card: [String: Value] = [
            "id": .string(product.id),
            "sku": .string(product.sku),
            "title": .string(locale.text(product.title, defaultTag: defaultTag)),
            "description": .string(locale.text(product.description, defaultTag: defaultTag)),
            "category": .string(product.category),
            "categoryName": .string(parts?.categoryName(product.category) ?? locale.categoryName(product.category)),
            "categoryPath": parts?.categoryPath(of: product) ?? Self.categoryPath(of: product, name: locale.categoryName),
            "brand": .string(product.brand),
            "brandName": .string(parts?.name(.brands, product.brand) ?? locale.name(.brands, product.brand)),
            "tags": .list(product.tags.map(Value.string)),
            "tagNames": .list(product.tags.map { .string(parts?.name(.tags, $0) ?? locale.name(.tags, $0)) }),
            "image": .object([
                "src": .string(inputs.imageURL(product.image.src)),
                "alt": .string(locale.text(product.image.alt, defaultTag: defaultTag)),
            ]),
            "inStock": .bool(product.isInStock(in: locale.region.id)),
            // A key with no value stops Mustache's lookup, so `{{#url}}` never picks up an enclosing card's URL.
            "url": inputs.productPath(product.id, region: locale.region.id, locale: locale.tag).map(Value.string) ?? .null,
            "price": .object([
                "amount": .string(price.final.amountText),
                "currency": .string(price.final.currency.code),
                "text": .string(locale.money.string(price.final)),
            ]),
        ]
        addPrices(to: &card, product, price: price, prior: prior)
        if !product.variants.isEmpty { addVariants(of: product, to: &card) }
        if inputs.configurators[product.id]?.regions[locale.region.id] != nil {
            card["configureURL"] = .string(basePath + "configure/\(product.id)/")
        }
        if price.isDiscounted {
            if let first = price.applied.first, let promotion = inputs.activePromotions.first(where: { $0.id == first.promotion }) {
                card["promotion"] = .object([
                    "id": .string(promotion.id),
                    "title": .string(locale.text(promotion.title, defaultTag: defaultTag)),
                    "url": .string(basePath + "promotions/\(promotion.id)/"),
                ])
            }
        }
        return card
    }

    /// A card's `categoryPath`: the product's category and its ancestors, each with its `name`.
    static func categoryPath(of product: Product, name: (String) -> String) -> Value {
        .list(product.categoryAncestry.map { path in .object(["id": .string(path), "name": .string(name(path))]) })
    }

    /// `hasVariants`, `options` and `variants` of a product with variants, and `price.isFrom`/`fromText` when
    /// the variants sold in the region cost different amounts (the card's price is then the lowest).
    private func addVariants(of product: Product, to card: inout [String: Value]) {
        let region = locale.region
        let sold = product.variants.filter { $0.stock[region.id] != nil }
        card["hasVariants"] = .bool(true)
        card["options"] = .list(product.options.enumerated().map { index, option in
            var values: [String] = []
            for variant in sold where index < variant.optionValues.count {
                let value = locale.text(variant.optionValues[index], defaultTag: defaultTag)
                if !values.contains(value) { values.append(value) }
            }
            return .object([
                "key": .string(option.key), "name": .string(locale.text(option.name, defaultTag: defaultTag)),
                "values": .list(values.map(Value.string)),
            ])
        })
        card["variants"] = .list(sold.map { variant in
            let values = variant.optionValues.map { locale.text($0, defaultTag: defaultTag) }
            var item: [String: Value] = [
                "id": .string(variant.id), "sku": .string(variant.sku),
                "label": .string(values.joined(separator: " / ")),
                "options": .list(zip(product.options, values).map { option, value in
                    .object(["name": .string(locale.text(option.name, defaultTag: defaultTag)), "value": .string(value)])
                }),
                "stock": .int(variant.stock[region.id] ?? 0),
                "stockText": .string(locale.localizer.format("product.stock", ["count": .int(variant.stock[region.id] ?? 0)])),
                "inStock": .bool(variant.isInStock(in: region.id)), "isCounted": .bool(product.countsStock),
                // Null, not absent, so that a section on them never finds the product's own price or image.
                "price": .null, "originalPrice": .null, "image": .null,
            ]
            if let money = variant.price(in: region), money.currency == region.currency {
                item["price"] = .object(["amount": .string(money.amountText), "text": .string(locale.money.string(money))])
                if let compareAt = variant.compareAtPrice(in: region) {
                    item["originalPrice"] = .object([
                        "amount": .string(compareAt.amountText), "text": .string(locale.money.string(compareAt)),
                    ])
                }
            }
            if let image = variant.image {
                item["image"] = .object([
                    "src": .string(inputs.imageURL(image.src)), "alt": .string(locale.text(image.alt, defaultTag: defaultTag)),
                ])
            }
            return .object(item)
        })
        if product.variantPricesDiffer(in: region), case .object(var price)? = card["price"], case .string(let text)? = price["text"] {
            price["isFrom"] = .bool(true)
            price["fromText"] = .string(locale.localizer.format("price.from", ["amount": .string(text)]))
            card["price"] = .object(price)
        }
    }

    /// The localized line for a reason.
    func reasonText(_ reason: Reason) -> String {
        guard let parts else { return makeReasonText(reason) }
        if let known = parts.reasons[reason] { return known }
        let text = makeReasonText(reason)
        parts.reasons[reason] = text
        return text
    }

    private func makeReasonText(_ reason: Reason) -> String {
        let l = locale.localizer
        switch reason {
        case .pinned: return l.format("reason.pinned")
        case .category(let path): return l.format("reason.category", ["name": .string(locale.categoryName(path))])
        case .tag(let tag): return l.format("reason.tag", ["name": .string(locale.name(.tags, tag))])
        case .brand(let brand): return l.format("reason.brand", ["name": .string(locale.name(.brands, brand))])
        case .popular: return l.format("reason.popular")
        case .trending:
            return l.format("reason.trending", ["region": .string(locale.text(locale.region.name, defaultTag: defaultTag))])
        case .season(let season): return l.format("reason.season", ["season": .string(locale.name(.seasons, season))])
        case .promotion(let id):
            let title = inputs.activePromotions.first { $0.id == id }.map { locale.text($0.title, defaultTag: defaultTag) } ?? id
            return l.format("reason.promotion", ["title": .string(title)])
        case .segmentPopular(let id):
            let name = inputs.segmentsByID[id].map { locale.text($0.name, defaultTag: defaultTag) } ?? id
            return l.format(
                "reason.segmentPopular",
                ["segment": .string(name), "region": .string(locale.text(locale.region.name, defaultTag: defaultTag))])
        case .boughtWith(let id):
            let title = inputs.productsByID[id].map { locale.text($0.title, defaultTag: defaultTag) } ?? id
            return l.format("reason.boughtWith", ["product": .string(title)])
        case .complement(let id):
            let title = inputs.productsByID[id].map { locale.text($0.title, defaultTag: defaultTag) } ?? id
            return l.format("reason.complement", ["product": .string(title)])
        case .boughtTogether(let count): return l.format("reason.boughtTogether", ["count": .int(count)])
        }
    }

    /// A promotion card with the given product cards.
    func promotion(_ promotion: Promotion, products: [Value]) -> Value {
        guard products.isEmpty, let parts else { return .object(promotionFields(promotion, products: products)) }
        if let known = parts.promotionCards[promotion.id] { return known }
        // Without products it is the same on every page of the region and locale: hashed once.
        let card = ModelBytes.sharedObject(promotionFields(promotion, products: products))
        parts.promotionCards[promotion.id] = card
        return card
    }

    private func promotionFields(_ promotion: Promotion, products: [Value]) -> [String: Value] {
        var card: [String: Value] = [
            "id": .string(promotion.id),
            "title": .string(locale.text(promotion.title, defaultTag: defaultTag)),
            "message": .string(locale.text(promotion.message, defaultTag: defaultTag)),
            "discountText": .string(discountText(promotion.discount)),
            "startsText": .string(locale.dates.string(promotion.starts)),
            "endsText": .string(locale.dates.string(promotion.ends)),
            "starts": .string(Instant.format(promotion.starts)),
            "ends": .string(Instant.format(promotion.ends)),
            "url": .string(basePath + "promotions/\(promotion.id)/"),
            "products": .list(products),
            "productCountText": .string(locale.localizer.format("promotion.products", ["count": .int(products.count)])),
        ]
        if let code = promotion.code { card["code"] = .string(code) }
        return card
    }

    func discountText(_ discount: Discount) -> String {
        switch discount {
        case .percent(let percent):
            return locale.localizer.format(
                "discount.percent", ["percent": .int(percent), "percentText": .string(locale.percent(percent))])
        case .amount(let amounts):
            guard let amount = amounts[locale.region.currency.code] else { return "" }
            return locale.localizer.format("discount.amount", ["amount": .string(locale.money.string(amount))])
        }
    }

    /// A bundle card.
    func bundle(_ priced: PricedBundle) -> Value {
        guard let parts else { return .object(bundleFields(priced)) }
        if let known = parts.bundleCards[priced.bundle.id] { return known }
        // The same on every page of the region and locale that lists it: hashed once.
        let card = ModelBytes.sharedObject(bundleFields(priced))
        parts.bundleCards[priced.bundle.id] = card
        return card
    }

    /// A bundle card's fields made afresh, not remembered by id: a generated bundle's id is not a curated bundle's.
    func bundleFields(_ priced: PricedBundle) -> [String: Value] {
        let bundle = priced.bundle
        let items: [Value] = priced.items.enumerated().map { index, item in
            let regular = item.product.price(in: locale.region) ?? priced.price
            let price = PricedProduct(regular: regular, final: regular, applied: [])
            return .object([
                "product": product(item.product, price: price, rank: index + 1, reasons: [], pinned: false),
                "quantity": .int(item.quantity),
                "quantityText": .string(locale.localizer.format("bundle.quantity", ["quantity": .int(item.quantity)])),
            ])
        }
        let itemCount = priced.items.reduce(0) { $0 + $1.quantity }
        return [
            "id": .string(bundle.id),
            "title": .string(locale.text(bundle.title, defaultTag: defaultTag)),
            "description": .string(locale.text(bundle.description, defaultTag: defaultTag)),
            "url": .string(basePath + "bundles/\(bundle.id)/"),
            "items": .list(items),
            "itemCount": .int(itemCount),
            "itemCountText": .string(locale.localizer.format("bundle.items", ["count": .int(itemCount)])),
            "priceText": .string(locale.money.string(priced.price)),
            "originalPriceText": .string(locale.money.string(priced.original)),
            "savingText": .string(locale.localizer.format("price.saving", ["amount": .string(locale.money.string(priced.saving))])),
            "price": .object(["amount": .string(priced.price.amountText), "currency": .string(priced.price.currency.code)]),
        ]
    }
}
