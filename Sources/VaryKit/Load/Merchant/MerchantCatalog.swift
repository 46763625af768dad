import Foundation
import Intl

/// Joins the entries of every Merchant Center feed into products: one product per `id` (or per `item_group_id`,
/// whose items become its variants), with each feed's locale giving texts and its region giving prices and stock.
struct MerchantCatalog {
    /// A feed's region and locale, from its file name `<region>.<locale>.xml`.
    struct Feed {
        var file: String
        var region: Region
        var locale: String
        var entries: [MerchantEntry]
    }

    var products: [Product] = []
    /// Time-boxed sales (`sale_price` with `sale_price_effective_date`), one promotion per product, region and sale.
    var promotions: [Promotion] = []
    /// Display names of the categories (`product_type` levels) and tags (custom labels) the feeds introduce.
    var names: [Taxonomy.Kind: [String: Taxonomy.Name]] = [:]

    /// Joins feeds; those in the site's default language come first, so that their texts give the category and tag
    /// ids and the first title, and the others add their locale's names.
    init(feeds unordered: [Feed], defaultLocale: String, log: DiagnosticLog) {
        let language = LocaleTag.language(defaultLocale)
        let feeds = unordered.filter { LocaleTag.language($0.locale) == language }
            + unordered.filter { LocaleTag.language($0.locale) != language }
        var order: [String] = []
        var groups: [String: [(feed: Feed, entry: MerchantEntry)]] = [:]
        for feed in feeds {
            var seenItems: [String: SourceLocation] = [:]
            var kinds: [String: (grouped: Bool, location: SourceLocation)] = [:]
            for entry in feed.entries {
                if let earlier = seenItems[entry.itemID] {
                    log.add(entry.location.error("duplicate item id '\(entry.itemID)' (first at line \(earlier.line))"))
                    continue
                }
                seenItems[entry.itemID] = entry.location
                if let kind = kinds[entry.productID], kind.grouped != (entry.groupID != nil) {
                    log.add(entry.location.error(
                        "product id '\(entry.productID)' is both an item id and an item_group_id (first at line \(kind.location.line))"))
                    continue
                }
                kinds[entry.productID] = (entry.groupID != nil, entry.location)
                if groups[entry.productID] == nil { order.append(entry.productID) }
                groups[entry.productID, default: []].append((feed, entry))
            }
        }
        for id in order { products.append(product(id, groups[id]!)) }
    }

    private mutating func product(_ id: String, _ entries: [(feed: Feed, entry: MerchantEntry)]) -> Product {
        let first = entries[0].entry
        var title: [String: String] = [:], description: [String: String] = [:]
        for (feed, entry) in entries where title[feed.locale] == nil {
            title[feed.locale] = entry.title
            description[feed.locale] = entry.description
        }
        let levels = first.categoryLevels.map { PathSafeID.make($0) ?? "other" }
        for (feed, entry) in entries where entry.categoryLevels.count == levels.count {
            for depth in levels.indices {
                addName(.categories, levels[...depth].joined(separator: "/"), entry.categoryLevels[depth], feed.locale, entry.location)
            }
        }
        var tags: [String] = []
        for (feed, entry) in entries {
            for label in entry.labels {
                guard let tag = PathSafeID.make(label) else { continue }
                if !tags.contains(tag) { tags.append(tag) }
                addName(.tags, tag, label, feed.locale, entry.location)
            }
        }
        var product = Product(
            id: id, sku: first.groupID ?? first.itemID, title: LocalizedText(entries: title),
            description: LocalizedText(entries: description), category: levels.joined(separator: "/"),
            brand: first.brand, tags: tags,
            image: ProductImage(src: first.image, alt: LocalizedText(entries: title), location: first.location),
            prices: [:], regionPrices: [:], stock: [:], popularity: 0, complements: [], attributes: [],
            location: first.location, regionReferences: [])
        product.countsStock = false
        product.link = first.link
        product.additionalImages = first.additionalImages
        product.unitPricing = first.unitPricing
        product.mpn = first.mpn
        if let category = first.googleProductCategory { product.attributes = [("googleProductCategory", category)] }
        var regionsSeen: Set<String> = []
        for (feed, entry) in entries {
            if regionsSeen.insert(feed.region.id).inserted { product.regionReferences.append(Reference(feed.region.id, at: entry.location)) }
            for (country, money) in entry.shipping where product.shipping[country] == nil { product.shipping[country] = money }
        }
        if first.groupID == nil {
            product.gtin = first.gtin
            var once: Set<String> = []
            for (feed, entry) in entries where once.insert(feed.region.id).inserted {
                (product.regionPrices[feed.region.id], product.regionCompareAtPrices[feed.region.id]) = prices(entry)
                product.stock[feed.region.id] = entry.availability == .inStock ? 1 : 0
                addSale(entry, product: product, region: feed.region)
            }
            return product
        }
        // An attribute is an option when the group's items differ in it (all items grey is no choice).
        let optionAttributes = MerchantDecoder.variantAttributes.filter { name in
            Set(entries.filter { $0.feed.locale == entries[0].feed.locale }.map { entry in
                entry.entry.options.first { $0.attribute == name }?.value ?? ""
            }).count > 1
        }
        product.options = optionAttributes.map { ProductOption(key: ProductOption.key(forName: $0), name: Self.optionName($0)) }
        product.variants = variants(entries, options: optionAttributes, product: product)
        product.summarizeVariants()
        return product
    }

    /// A group's items as variants: option values per locale, and per region the price, stock and sale.
    private mutating func variants(
        _ entries: [(feed: Feed, entry: MerchantEntry)], options optionAttributes: [String], product: Product
    ) -> [ProductVariant] {
        let first = entries[0].entry
        var variants: [ProductVariant] = []
        var regionsPerVariant: [String: Set<String>] = [:]
        for (feed, entry) in entries {
            let index = variants.firstIndex { $0.id == entry.itemID } ?? {
                variants.append(ProductVariant(id: entry.itemID, sku: entry.itemID, optionValues: [], location: entry.location))
                variants[variants.count - 1].gtin = entry.gtin
                if entry.image != first.image {
                    variants[variants.count - 1].image = ProductImage(
                        src: entry.image, alt: LocalizedText(entries: [feed.locale: entry.title]), location: entry.location)
                }
                return variants.count - 1
            }()
            var values = variants[index].optionValues
            for (position, option) in optionAttributes.enumerated() {
                if values.count <= position { values.append(LocalizedText(entries: [:])) }
                if let value = entry.options.first(where: { $0.attribute == option })?.value, values[position].entries[feed.locale] == nil {
                    values[position].entries[feed.locale] = value
                }
            }
            variants[index].optionValues = values
            guard regionsPerVariant[entry.itemID, default: []].insert(feed.region.id).inserted else { continue }
            (variants[index].regionPrices[feed.region.id], variants[index].regionCompareAtPrices[feed.region.id]) = prices(entry)
            variants[index].stock[feed.region.id] = entry.availability == .inStock ? 1 : 0
            addSale(entry, product: product, region: feed.region)
        }
        return variants
    }

    /// The shopper-visible name of one of Google's variant attributes, in the languages of Vary's built-in texts.
    static func optionName(_ attribute: String) -> LocalizedText {
        let names: [String: [String: String]] = [
            "color": ["en": "Color", "de": "Farbe", "fr": "Couleur", "es": "Color", "it": "Colore", "nl": "Kleur", "pl": "Kolor", "pt": "Cor", "sv": "Färg", "ja": "カラー", "ar": "اللون"],
            "size": ["en": "Size", "de": "Größe", "fr": "Taille", "es": "Talla", "it": "Taglia", "nl": "Maat", "pl": "Rozmiar", "pt": "Tamanho", "sv": "Storlek", "ja": "サイズ", "ar": "المقاس"],
            "material": ["en": "Material", "de": "Material", "fr": "Matière", "es": "Material", "it": "Materiale", "nl": "Materiaal", "pl": "Materiał", "pt": "Material", "sv": "Material", "ja": "素材", "ar": "الخامة"],
            "pattern": ["en": "Pattern", "de": "Muster", "fr": "Motif", "es": "Estampado", "it": "Fantasia", "nl": "Patroon", "pl": "Wzór", "pt": "Padrão", "sv": "Mönster", "ja": "柄", "ar": "النقشة"],
            "gender": ["en": "Gender", "de": "Geschlecht", "fr": "Genre", "es": "Género", "it": "Genere", "nl": "Geslacht", "pl": "Płeć", "pt": "Gênero", "sv": "Kön", "ja": "対象", "ar": "الجنس"],
            "age_group": ["en": "Age group", "de": "Altersgruppe", "fr": "Tranche d’âge", "es": "Edad", "it": "Fascia d’età", "nl": "Leeftijdsgroep", "pl": "Grupa wiekowa", "pt": "Faixa etária", "sv": "Åldersgrupp", "ja": "年齢層", "ar": "الفئة العمرية"],
        ]
        return LocalizedText(entries: names[attribute] ?? ["": attribute])
    }

    /// The price and no compare-at price, or with an untimed `sale_price` the sale price and the price as the
    /// compare-at price.
    private func prices(_ entry: MerchantEntry) -> (Money, Money?) {
        if let sale = entry.sale, entry.saleInterval == nil { return (sale, entry.price) }
        return (entry.price, nil)
    }

    /// A time-boxed sale as a promotion of the product in the region, taking off what the sale price saves.
    private mutating func addSale(_ entry: MerchantEntry, product: Product, region: Region) {
        guard let sale = entry.sale, let interval = entry.saleInterval, let location = entry.saleLocation else { return }
        let saving = Money(minorUnits: entry.price.minorUnits - sale.minorUnits, currency: sale.currency)
        let discount = Discount.amount([sale.currency.code: saving])
        if promotions.contains(where: {
            $0.appliesTo.products.first?.id == product.id && $0.regions?.first?.id == region.id && $0.starts == interval.start
                && $0.ends == interval.end && $0.discount == discount
        }) { return }
        var id = "sale-\(product.id)-\(region.id)"
        let base = id
        var number = 2
        while promotions.contains(where: { $0.id == id }) {
            id = "\(base)-\(number)"
            number += 1
        }
        promotions.append(Promotion(
            id: id, title: product.title, message: LocalizedText(""), discount: discount,
            appliesTo: ProductSelection(products: [Reference(product.id, at: location)]),
            segments: nil, regions: [Reference(region.id, at: location)], locales: nil,
            starts: interval.start, ends: interval.end, priority: 0, stackable: false, code: nil, location: location))
    }

    private mutating func addName(_ kind: Taxonomy.Kind, _ id: String, _ text: String, _ locale: String, _ location: SourceLocation) {
        var name = names[kind]?[id] ?? Taxonomy.Name(text: LocalizedText(entries: [:]), location: location)
        if name.text.entries[locale] == nil { name.text.entries[locale] = text }
        names[kind, default: [:]][id] = name
    }
}
