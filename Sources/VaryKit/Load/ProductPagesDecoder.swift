/// Decodes `site.json` `productPages`: `true`, `false`, or an object with `categories`, `crossSell` and
/// `boughtTogether` (`percent`, `size`).
enum ProductPagesDecoder {
    static let keys = ["enabled", "categories", "crossSell", "boughtTogether"]
    static let bundleKeys = ["percent", "size"]

    /// The settings, or nil after reporting what is wrong.
    static func decode(_ field: Field) -> ProductPageSettings? {
        var settings = ProductPageSettings()
        settings.isExplicit = true
        settings.location = field.location
        guard field.node.members != nil else {
            guard let enabled = field.bool else { return nil }
            settings.enabled = enabled
            return settings
        }
        field.rejectUnknownKeys(keys)
        var valid = true
        if let enabled = field.optional("enabled") {
            if let value = enabled.bool { settings.enabled = value } else { valid = false }
        }
        if let categories = field.optional("categories") {
            // Category paths hold slashes, so they are read as text; the validate stage checks that each exists.
            let elements = categories.elements ?? []
            let references = elements.compactMap { element in element.nonEmptyString.map { Reference($0, at: element.location) } }
            if categories.node.array != nil, elements.isEmpty {
                categories.error("an empty category list admits no product", hint: "write \"enabled\": false to build no product pages")
            }
            if references.isEmpty || references.count != elements.count { valid = false } else { settings.categories = references }
        }
        if let count = field.optional("crossSell") {
            if let value = count.int(in: 0...24) { settings.crossSell = value } else { valid = false }
        }
        if let bundle = field.optional("boughtTogether") {
            bundle.rejectUnknownKeys(bundleKeys)
            if bundle.node.members == nil, bundle.members == nil { valid = false }
            if let percent = bundle.optional("percent") {
                if let value = percent.int(in: 0...100) { settings.bundlePercent = value } else { valid = false }
            }
            if let size = bundle.optional("size") {
                if let value = size.int(in: 2...6) { settings.bundleSize = value } else { valid = false }
            }
        }
        return valid ? settings : nil
    }

    /// An error when `site.json` asks for product pages (names `productPages` and does not turn them off) but the
    /// templates have no `pages/product`; a store that never mentions them simply builds none.
    static func missingTemplate(_ site: Site, _ templates: SiteTemplates, root: String) -> Diagnostic? {
        let settings = site.productPages
        guard settings.isExplicit, settings.enabled, !templates.hasPage(.product) else { return nil }
        return (settings.location ?? site.location).error(
            "productPages asks for product pages but \(root)/pages/product.mustache does not exist",
            hint: "add the template, or write \"productPages\": false")
    }
}
