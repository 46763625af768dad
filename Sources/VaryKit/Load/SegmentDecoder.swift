/// Decodes `segments.json`.
enum SegmentDecoder {
    static let keys = ["id", "name", "hero", "affinity", "priceCeiling", "pinned", "exclude"]

    static func decode(_ field: Field) -> Segment? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let id = field.required("id")?.id
        let name = field.required("name")?.localizedText
        let hero = field.required("hero")
        hero?.rejectUnknownKeys(["headline", "subline"])
        let headline = hero?.required("headline")?.localizedText
        let subline = hero?.optional("subline")?.localizedText ?? LocalizedText("")
        var affinity = Affinity()
        if let affinityField = field.optional("affinity"), affinityField.members != nil {
            affinityField.rejectUnknownKeys(["categories", "tags", "brands"])
            affinity.categories = affinityField.optional("categories")?.weights ?? [:]
            affinity.tags = affinityField.optional("tags")?.weights ?? [:]
            affinity.brands = affinityField.optional("brands")?.weights ?? [:]
        }
        let ceiling = field.optional("priceCeiling")?.moneyByCurrency ?? [:]
        let pinned = field.optional("pinned")?.references ?? []
        var exclude = Exclusions()
        if let excludeField = field.optional("exclude"), excludeField.members != nil {
            excludeField.rejectUnknownKeys(["categories", "tags", "products"])
            exclude.categories = excludeField.optional("categories")?.strings ?? []
            exclude.tags = excludeField.optional("tags")?.strings ?? []
            exclude.products = excludeField.optional("products")?.references ?? []
        }
        guard let id, let name, let headline else { return nil }
        return Segment(
            id: id, name: name, headline: headline, subline: subline, affinity: affinity, priceCeiling: ceiling,
            pinned: pinned, exclude: exclude, location: field.location)
    }
}
