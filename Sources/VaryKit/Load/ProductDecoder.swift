import Intl

/// Decodes a product from `catalog/*.json`, or from a CSV row turned into the same JSON shape.
enum ProductDecoder {
    static let keys = [
        "id", "sku", "title", "description", "category", "brand", "tags", "image", "prices", "regionPrices",
        "stock", "popularity", "complements", "attributes", "unitPricing",
    ]

    /// Decodes one product; `regionCurrencies` prices `regionPrices` in each region's currency.
    static func decode(_ field: Field, regionCurrencies: [String: Currency]) -> Product? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let id = field.required("id")?.id
        let sku = field.required("sku")?.nonEmptyString
        let title = field.required("title")?.localizedText
        let description = field.optional("description")?.localizedText ?? LocalizedText("")
        let category = field.required("category").flatMap(decodeCategory)
        let brand = field.required("brand")?.nonEmptyString
        let tags = field.optional("tags")?.strings ?? []
        let image = field.required("image").flatMap(decodeImage)
        let prices = field.required("prices")?.moneyByCurrency
        // Only keys that name no region are kept, with where they were written, for validation to report: a
        // catalog lists tens of regions per product, and their locations would be most of what a product holds.
        var regionReferences: [Reference] = []
        var regionPrices: [String: Money] = [:]
        for member in field.optional("regionPrices")?.members ?? [] {
            guard let currency = regionCurrencies[member.key] else {
                regionReferences.append(Reference(member.key, at: member.keyLocation))
                continue
            }
            if let money = member.value.money(in: currency) { regionPrices[member.key] = money }
        }
        var stock: [String: Int] = [:]
        for member in field.optional("stock")?.members ?? [] {
            if regionCurrencies[member.key] == nil { regionReferences.append(Reference(member.key, at: member.keyLocation)) }
            if let count = member.value.int(in: 0...Int(Int32.max)) { stock[member.key] = count }
        }
        let popularity = field.optional("popularity").map { $0.double(in: 0...1) } ?? 0
        let complements = field.optional("complements")?.references ?? []
        var attributes: [(name: String, value: String)] = []
        for member in field.optional("attributes")?.members ?? [] {
            if let value = member.value.string { attributes.append((member.key, value)) }
        }
        let unitPricing = field.optional("unitPricing").flatMap(decodeUnitPricing)
        guard let id, let sku, let title, let category, let brand, let image, let prices, let popularity else {
            return nil
        }
        return Product(
            id: id, sku: sku, title: title, description: description, category: category, brand: brand,
            tags: tags, image: image, prices: prices, regionPrices: regionPrices, stock: stock,
            popularity: popularity, complements: complements,
            attributes: attributes.sorted { $0.name < $1.name }, location: field.location,
            regionReferences: regionReferences, unitPricing: unitPricing)
    }

    /// `{"measure": "750 ml", "base": "1 l"}` (Merchant Center's `unit_pricing_measure` and `unit_pricing_base_measure`).
    static func decodeUnitPricing(_ field: Field) -> UnitPricing? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["measure", "base"])
        guard let measureField = field.required("measure"), let measure = decodeMeasure(measureField) else { return nil }
        let baseField = field.optional("base")
        let base = baseField.flatMap(decodeMeasure)
        if baseField != nil, base == nil { return nil }
        switch UnitPricing.make(measure: measure, base: base) {
        case .success(let pricing): return pricing
        case .failure(let problem):
            (baseField ?? measureField).error(problem.description)
            return nil
        }
    }

    private static func decodeMeasure(_ field: Field) -> Measure? {
        guard let text = field.string else { return nil }
        switch UnitPricingText.measure(text) {
        case .success(let measure): return measure
        case .failure(let problem):
            field.error(problem.message, hint: problem.hint)
            return nil
        }
    }

    /// A category path: ids separated by `/`.
    static func decodeCategory(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ Field.isValidID(String($0)) }) else {
            field.error("\"\(text)\" is not a category path (such as \"apparel/jackets\")")
            return nil
        }
        return text
    }

    static func decodeImage(_ field: Field) -> ProductImage? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["src", "alt"])
        let src = field.required("src")?.safeURL
        let alt = field.required("alt")?.localizedText
        guard let src, let alt else { return nil }
        return ProductImage(src: src, alt: alt, location: field.optional("src")?.location ?? field.location)
    }
}
