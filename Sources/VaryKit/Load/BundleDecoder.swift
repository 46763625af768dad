/// Decodes `bundles.json`.
enum BundleDecoder {
    static let keys = ["id", "title", "description", "items", "pricing", "segments", "regions"]

    static func decode(_ field: Field) -> ProductBundle? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let id = field.required("id")?.id
        let title = field.required("title")?.localizedText
        let description = field.optional("description")?.localizedText ?? LocalizedText("")
        let itemsField = field.required("items")
        let items = itemsField?.elements?.compactMap(decodeItem)
        if let itemsField, itemsField.node.array?.isEmpty == true { itemsField.error("a bundle needs at least one item") }
        let pricing = field.required("pricing").flatMap(decodePricing)
        let segments = field.optional("segments")?.references
        let regions = field.optional("regions")?.references
        guard let id, let title, let items, !items.isEmpty, let pricing else { return nil }
        return ProductBundle(
            id: id, title: title, description: description, items: items, pricing: pricing, segments: segments,
            regions: regions, location: field.location)
    }

    private static func decodeItem(_ field: Field) -> BundleItem? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["product", "quantity"])
        let product = field.required("product")?.reference
        let quantity = field.optional("quantity").map { $0.int(in: 1...999) } ?? 1
        guard let product, let quantity else { return nil }
        return BundleItem(product: product, quantity: quantity)
    }

    /// `{"percent": 15}`, `{"fixed": {"EUR": "99.00"}}`, or the promotion-like `{"type": "percent", "value": 15}`.
    private static func decodePricing(_ field: Field) -> BundlePricing? {
        guard let members = field.members else { return nil }
        if let typeField = field.optional("type") {
            field.rejectUnknownKeys(["type", "value"])
            guard let type = typeField.string, let value = field.required("value") else { return nil }
            return decodePricing(type: type, value: value, typeField: typeField)
        }
        field.rejectUnknownKeys(["percent", "fixed"])
        guard members.count == 1, let member = members.first, ["percent", "fixed"].contains(member.key) else {
            field.error("expected exactly one of 'percent' or 'fixed'")
            return nil
        }
        return decodePricing(type: member.key, value: member.value, typeField: member.value)
    }

    private static func decodePricing(type: String, value: Field, typeField: Field) -> BundlePricing? {
        switch type {
        case "percent":
            return value.int(in: 1...100).map(BundlePricing.percent)
        case "fixed":
            return value.moneyByCurrency.map(BundlePricing.fixed)
        default:
            typeField.error(
                "unknown pricing '\(type)' (expected \"percent\" or \"fixed\")",
                hint: Suggestion.hint(for: type, among: ["percent", "fixed"]))
            return nil
        }
    }
}
