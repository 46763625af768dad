import DataFormats
import Foundation
import Intl

/// One Merchant Center item decoded for its feed's region and locale: typed values, each problem reported at its line.
struct MerchantEntry: Sendable {
    /// The feed's `id` as written, and the product (or variant group) id it becomes.
    var itemID: String
    var productID: String
    /// `item_group_id` as written, when the item is a variant.
    var groupID: String?
    var title: String
    var description: String
    var link: String?
    var image: String
    var additionalImages: [String]
    var price: Money
    /// `sale_price`, and the interval it runs in when `sale_price_effective_date` gives one.
    var sale: Money?
    var saleInterval: InstantInterval?
    var saleLocation: SourceLocation?
    var availability: Availability
    var brand: String
    var gtin: String?
    var mpn: String?
    /// `product_type` levels as written (`Apparel > Jackets` → `["Apparel", "Jackets"]`).
    var categoryLevels: [String]
    var googleProductCategory: String?
    /// Country code → shipping price.
    var shipping: [String: Money]
    /// `custom_label_0` … `custom_label_4` as written.
    var labels: [String]
    var unitPricing: FeedUnitPricing?
    /// The variant attributes present (`color`, `size`, …) with their values, in Google's order.
    var options: [(attribute: String, value: String)]
    var location: SourceLocation

    /// Google's `availability` values.
    enum Availability: String, Sendable, CaseIterable {
        case inStock = "in_stock", outOfStock = "out_of_stock", preorder, backorder
    }
}

/// Turns raw feed items into `MerchantEntry` values for one feed's region.
struct MerchantDecoder {
    let file: String
    let region: Region
    let log: DiagnosticLog

    /// Attributes Vary maps; `variantAttributes` become a variant's options, in this order.
    static let variantAttributes = ["color", "size", "material", "pattern", "gender", "age_group"]
    static let mapped: [String] = [
        "id", "title", "description", "link", "image_link", "additional_image_link", "price", "sale_price",
        "sale_price_effective_date", "availability", "brand", "gtin", "mpn", "product_type", "google_product_category",
        "item_group_id", "shipping", "custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3",
        "custom_label_4", "unit_pricing_measure", "unit_pricing_base_measure",
    ] + variantAttributes
    /// Attributes of Google's specification that Vary reads past without a warning.
    static let ignored: Set<String> = [
        "condition", "adult", "identifier_exists", "mobile_link", "availability_date", "expiration_date",
        "cost_of_goods_sold", "multipack", "is_bundle", "energy_efficiency_class", "size_type", "size_system",
        "product_detail", "product_highlight", "shipping_weight", "shipping_length", "shipping_width", "shipping_height",
        "shipping_label", "tax", "tax_category", "excluded_destination", "included_destination", "ads_redirect",
        "canonical_link", "lifestyle_image_link", "product_length", "product_width", "product_height", "product_weight",
        "promotion_id", "max_handling_time", "min_handling_time", "transit_time_label", "installment", "subscription_cost",
        "loyalty_points", "certification", "pause", "shopping_ads_excluded_country", "external_seller_id",
    ]

    func decode(_ item: MerchantItem) -> MerchantEntry? {
        let itemLocation = location(item.position, "item")
        for (name, values) in item.attributes where !Self.mapped.contains(name) && !Self.ignored.contains(name) {
            log.add(location(values[0].position, name).warning(
                "unknown attribute '\(name)' is ignored", hint: Suggestion.hint(for: name, among: Self.mapped)))
        }
        func required(_ name: String) -> MerchantItem.Value? {
            guard let value = item.first(name) else {
                log.add(itemLocation.error("missing required attribute '\(name)'"))
                return nil
            }
            return value
        }
        let idValue = required("id")
        let productID: String?
        let groupID = item.first("item_group_id")?.text
        if let idValue {
            let source = item.first("item_group_id") ?? idValue
            productID = PathSafeID.make(source.text)
            if productID == nil {
                log.add(location(source.position, groupID == nil ? "id" : "item_group_id").error(
                    "\"\(source.text)\" cannot be made a path-safe product id (it needs a letter or digit)"))
            }
        } else {
            productID = nil
        }
        let title = required("title")?.text
        let image = required("image_link").flatMap { url($0, "image_link") }
        let price = required("price").flatMap { money($0, "price") }
        let availability = required("availability").flatMap(availability)
        let brand = required("brand")?.text
        var sale: Money?, interval: InstantInterval?, saleLocation: SourceLocation?
        if let saleValue = item.first("sale_price"), let money = money(saleValue, "sale_price") {
            sale = money
            saleLocation = location(saleValue.position, "sale_price")
            if let price, money.minorUnits >= price.minorUnits {
                log.add(location(saleValue.position, "sale_price").warning(
                    "sale price \(money) is not below the price \(price): ignored"))
                sale = nil
            }
            if let dates = item.first("sale_price_effective_date") {
                switch InstantInterval.parse(dates.text) {
                case .success(let value): interval = value
                case .failure(let problem):
                    log.add(location(dates.position, "sale_price_effective_date").error(
                        "\"\(dates.text)\" \(problem)", hint: "write start/end, e.g. 2026-11-27T00:00+0100/2026-11-30T23:59+0100"))
                    sale = nil
                }
            }
        }
        var levels = item.first("product_type").map { PathSafeID.levels($0.text) } ?? []
        let googleCategory = item.first("google_product_category")?.text
        if levels.isEmpty, let googleCategory, googleCategory.contains(where: \.isLetter) { levels = PathSafeID.levels(googleCategory) }
        if levels.isEmpty {
            log.add(itemLocation.error(
                "missing 'product_type' (the category path, such as \"Apparel > Jackets\")",
                hint: "or give a google_product_category as text"))
        }
        var shipping: [String: Money] = [:]
        for value in item.all("shipping") {
            let priceText = value.parts["price"] ?? value.text
            guard let money = money(MerchantItem.Value(text: priceText, position: value.position), "shipping") else { continue }
            let country = (value.parts["country"] ?? "").uppercased()
            shipping[country.isEmpty ? (region.countries.first ?? "") : country] = money
        }
        let unit = item.first("unit_pricing_measure").map {
            FeedUnitPricing(measure: $0.text, baseMeasure: item.first("unit_pricing_base_measure")?.text)
        }
        guard let idValue, let productID, let title, let image, let price, let availability, let brand, !levels.isEmpty
        else { return nil }
        return MerchantEntry(
            itemID: idValue.text, productID: productID, groupID: groupID, title: title,
            description: item.first("description")?.text ?? "",
            link: item.first("link").flatMap { url($0, "link") },
            image: image, additionalImages: item.all("additional_image_link").compactMap { url($0, "additional_image_link") },
            price: price, sale: sale, saleInterval: interval, saleLocation: saleLocation,
            availability: availability, brand: brand, gtin: item.first("gtin")?.text, mpn: item.first("mpn")?.text,
            categoryLevels: levels, googleProductCategory: googleCategory, shipping: shipping,
            labels: (0...4).compactMap { item.first("custom_label_\($0)")?.text },
            unitPricing: unit,
            options: Self.variantAttributes.compactMap { name in item.first(name).map { (name, $0.text) } },
            location: itemLocation)
    }

    private func location(_ position: TextPosition, _ attribute: String) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column, path: attribute)
    }

    /// `"15.00 USD"` (or `"USD 15.00"`) in the region's currency.
    func money(_ value: MerchantItem.Value, _ attribute: String) -> Money? {
        let at = location(value.position, attribute)
        let words = value.text.split(separator: " ").map(String.init)
        let amountFirst = words.count == 2 && words[0].first?.isNumber == true
        guard words.count == 2 else {
            if words.count == 1, words[0].first?.isNumber == true {
                log.add(at.error(
                    "\"\(value.text)\" has no currency", hint: "write \"\(value.text) \(region.currency.code)\""))
            } else {
                log.add(at.error("\"\(value.text)\" is not a price such as \"15.00 \(region.currency.code)\""))
            }
            return nil
        }
        let (amount, code) = amountFirst ? (words[0], words[1].uppercased()) : (words[1], words[0].uppercased())
        guard let currency = Currency(code: code) else {
            log.add(at.error("unknown currency '\(code)'", hint: Suggestion.hint(for: code, among: Currency.allCodes)))
            return nil
        }
        guard currency == region.currency else {
            log.add(at.error(
                "\"\(value.text)\" is in \(code), but region '\(region.id)' uses \(region.currency.code)",
                hint: "a feed named \(region.id).<locale> gives prices in \(region.currency.code)"))
            return nil
        }
        switch Money.parse(Self.trimmedZeros(amount, exponent: currency.exponent), currency: currency) {
        case .success(let money) where money.minorUnits >= 0: return money
        case .success: log.add(at.error("\"\(value.text)\" is negative"))
        case .failure(let problem): log.add(at.error(problem.description))
        }
        return nil
    }

    /// `1099.00` for JPY is `1099`: zeros past the currency's digits say nothing (Google's own JPY examples have them).
    static func trimmedZeros(_ amount: String, exponent: Int) -> String {
        guard let dot = amount.firstIndex(of: ".") else { return amount }
        var fraction = amount[amount.index(after: dot)...]
        while fraction.count > exponent, fraction.last == "0" { fraction = fraction.dropLast() }
        return fraction.isEmpty ? String(amount[..<dot]) : String(amount[..<dot]) + "." + fraction
    }

    private func availability(_ value: MerchantItem.Value) -> MerchantEntry.Availability? {
        let normalized = value.text.lowercased().replacingOccurrences(of: " ", with: "_")
        if let known = MerchantEntry.Availability(rawValue: normalized) { return known }
        let names = MerchantEntry.Availability.allCases.map(\.rawValue)
        log.add(location(value.position, "availability").error(
            "unknown availability \"\(value.text)\" (expected \(names.joined(separator: ", ")))",
            hint: Suggestion.hint(for: normalized, among: names)))
        return nil
    }

    private func url(_ value: MerchantItem.Value, _ attribute: String) -> String? {
        let lower = value.text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), URLSpelling.problem(value.text) == nil else {
            log.add(location(value.position, attribute).error("\"\(value.text)\" is not an https: or http: URL"))
            return nil
        }
        return value.text
    }
}
