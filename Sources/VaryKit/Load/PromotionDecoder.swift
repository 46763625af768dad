/// Decodes `promotions.json`.
enum PromotionDecoder {
    static let keys = [
        "id", "title", "message", "discount", "appliesTo", "segments", "regions", "locales", "starts", "ends",
        "priority", "stackable", "code",
    ]

    static func decode(_ field: Field) -> Promotion? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let id = field.required("id")?.id
        let title = field.required("title")?.localizedText
        let message = field.optional("message")?.localizedText ?? LocalizedText("")
        let discount = field.required("discount").flatMap(decodeDiscount)
        let appliesTo = field.optional("appliesTo").map(decodeSelection) ?? ProductSelection()
        let segments = field.optional("segments")?.references
        let regions = field.optional("regions")?.references
        let localeFields = field.optional("locales")?.elements
        let locales = localeFields?.compactMap(decodeLocaleTag)
        let localeReferences = localeFields?.compactMap { item in decodeLocaleTag(item).map { Reference($0, at: item.location) } }
        let starts = field.required("starts")?.instant
        let endsField = field.required("ends")
        let ends = endsField?.instant
        if let starts, let ends, let endsField, ends <= starts {
            endsField.error("ends before or when it starts")
        }
        let priority = field.optional("priority").map { $0.int } ?? 0
        let stackable = field.optional("stackable").map { $0.bool } ?? false
        let code = field.optional("code")?.nonEmptyString
        guard let id, let title, let discount, let starts, let ends, ends > starts, let priority, let stackable
        else { return nil }
        return Promotion(
            id: id, title: title, message: message, discount: discount, appliesTo: appliesTo, segments: segments,
            regions: regions, locales: locales, starts: starts, ends: ends, priority: priority, stackable: stackable,
            code: code, location: field.location, localeReferences: localeReferences ?? [])
    }

    private static func decodeDiscount(_ field: Field) -> Discount? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["type", "value"])
        guard let type = field.required("type")?.string, let value = field.required("value") else { return nil }
        switch type {
        case "percent":
            return value.int(in: 1...100).map(Discount.percent)
        case "amount":
            guard let amounts = value.moneyByCurrency else { return nil }
            if amounts.isEmpty, value.members?.isEmpty == true { value.error("needs an amount in at least one currency") }
            return .amount(amounts)
        default:
            field.optional("type")?.error(
                "unknown discount type '\(type)' (expected \"percent\" or \"amount\")",
                hint: Suggestion.hint(for: type, among: ["percent", "amount"]))
            return nil
        }
    }

    static func decodeSelection(_ field: Field) -> ProductSelection {
        guard field.members != nil else { return ProductSelection() }
        field.rejectUnknownKeys(["products", "categories", "tags"])
        return ProductSelection(
            products: field.optional("products")?.references ?? [],
            categories: field.optional("categories")?.elements?.compactMap(ProductDecoder.decodeCategory) ?? [],
            tags: field.optional("tags")?.strings ?? [])
    }
}
