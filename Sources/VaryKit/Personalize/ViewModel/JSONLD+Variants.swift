import Intl

extension JSONLD {
    /// Makes a product's offer a `ProductGroup`: `variesBy` from its options and a variant `Product` for each variant
    /// sold and priced in the page's region, from the lowest to the highest price.
    static func addVariants(of product: Product, to offer: inout ProductOffer, locale: PageLocale, inputs: BuildInputs) {
        let region = locale.region
        let defaultTag = inputs.content.site.defaultLocale
        var highest: Money?
        offer.variesBy = product.options.map(\.key).filter(ProductOption.schemaProperties.contains)
        offer.variants = product.variants.compactMap { variant in
            guard variant.stock[region.id] != nil, let money = variant.price(in: region), money.currency == region.currency
            else { return nil }
            if highest.map({ money.minorUnits > $0.minorUnits }) ?? true { highest = money }
            let values = variant.optionValues.map { locale.text($0, defaultTag: defaultTag) }
            return VariantOffer(
                name: ([offer.name] + values).joined(separator: " – "), sku: variant.sku, gtin: variant.gtin,
                image: variant.image.map { inputs.absoluteImageURL($0.src) } ?? offer.image,
                properties: zip(product.options, values).filter { ProductOption.schemaProperties.contains($0.0.key) }.map { ($0.key, $1) },
                price: money.amountText, currency: money.currency.code, inStock: variant.isInStock(in: region.id))
        }
        offer.highPrice = highest?.amountText
    }
}
