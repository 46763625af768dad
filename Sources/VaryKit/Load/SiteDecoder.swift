/// Decodes `site.json`.
enum SiteDecoder {
    static let keys = [
        "name", "baseURL", "defaultRegion", "defaultSegment", "defaultLocale", "recommendations",
        "segmentCookie", "countryHeader", "routing", "failOnFallback", "shareImage",
        "productPages", "shopify",
    ]

    static func decode(_ root: Field) -> Site? {
        guard root.members != nil else { return nil }
        root.rejectUnknownKeys(keys)
        let name = root.required("name")?.nonEmptyString
        let baseURL = root.required("baseURL").flatMap(decodeBaseURL)
        let defaultRegion = root.required("defaultRegion")?.reference
        let defaultSegment = root.required("defaultSegment")?.reference
        let defaultLocale = root.required("defaultLocale").flatMap(decodeLocaleTag)
        var learning = RecommendationSettings()
        let recommendations = root.optional("recommendations").map { decodeRecommendations($0, into: &learning) } ?? 24
        let cookie = root.optional("segmentCookie").map(decodeToken) ?? "vary_segment"
        let header = root.optional("countryHeader").map(decodeToken) ?? "X-Country"
        let failOnFallback = root.optional("failOnFallback")?.bool ?? false
        let shareImage = root.optional("shareImage").map(ProductDecoder.decodeImage)
        var shopifyRegions: [Reference] = []
        if let shopify = root.optional("shopify"), shopify.members != nil {
            shopify.rejectUnknownKeys(["regions"])
            shopifyRegions = shopify.required("regions")?.references ?? []
        }
        var routing: [String] = []
        for format in root.optional("routing")?.elements ?? [] {
            guard let text = format.string else { continue }
            if Site.routingFormats.contains(text) {
                if !routing.contains(text) { routing.append(text) }
            } else {
                format.error(
                    "unknown routing format '\(text)' (known: \(Site.routingFormats.joined(separator: ", ")))",
                    hint: Suggestion.hint(for: text, among: Site.routingFormats))
            }
        }
        let productPages = root.optional("productPages").map(ProductPagesDecoder.decode) ?? ProductPageSettings()
        guard let name, let baseURL, let defaultRegion, let defaultSegment, let defaultLocale,
            let recommendations, let cookie, let header, shareImage != .some(nil), let productPages
        else { return nil }
        var site = Site(
            name: name, baseURL: baseURL, defaultRegion: defaultRegion, defaultSegment: defaultSegment,
            defaultLocale: defaultLocale, recommendations: recommendations, segmentCookie: cookie,
            countryHeader: header, routing: routing.sorted(), location: root.location, learning: learning,
            failOnFallback: failOnFallback, shopifyRegions: shopifyRegions, shareImage: shareImage ?? nil)
        site.productPages = productPages
        return site
    }

    static let recommendationKeys = ["count", "halfLifeDays", "minimumCustomers", "similarity", "diversity", "holdoutDays"]

    /// `recommendations`: the number of products per landing page, or an object with `count` and the learning settings.
    private static func decodeRecommendations(_ field: Field, into settings: inout RecommendationSettings) -> Int? {
        guard field.node.members != nil else { return field.int(in: 1...500) }
        field.rejectUnknownKeys(recommendationKeys)
        var valid = true
        func read<T>(_ key: String, _ decode: (Field) -> T?, into value: inout T) {
            guard let member = field.optional(key) else { return }
            if let decoded = decode(member) { value = decoded } else { valid = false }
        }
        var count = 24
        read("count", { $0.int(in: 1...500) }, into: &count)
        read("halfLifeDays", { $0.double(in: 0.01...3650) }, into: &settings.halfLifeDays)
        read("minimumCustomers", { $0.int(in: 1...1_000_000) }, into: &settings.minimumCustomers)
        read("diversity", { $0.double(in: 0...1) }, into: &settings.diversity)
        read("holdoutDays", { $0.double(in: 0...365) }, into: &settings.holdoutDays)
        read("similarity", { member -> RecommendationSettings.Similarity? in
            guard let text = member.string else { return nil }
            guard let similarity = RecommendationSettings.Similarity(rawValue: text) else {
                let known = RecommendationSettings.Similarity.allCases.map(\.rawValue)
                member.error("unknown similarity '\(text)' (known: \(known.joined(separator: ", ")))",
                             hint: Suggestion.hint(for: text, among: known))
                return nil
            }
            return similarity
        }, into: &settings.similarity)
        return valid ? count : nil
    }

    private static func decodeBaseURL(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        if let problem = URLSpelling.problem(text) {
            field.error("\"\(text)\" \(problem.message)", hint: problem.hint)
            return nil
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !text.contains(" "),
            text.count > "https://".count
        else {
            field.error("\"\(text)\" is not an absolute https: or http: URL")
            return nil
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// A cookie or header name: letters, digits, `-` and `_`.
    private static func decodeToken(_ field: Field) -> String? {
        guard let text = field.nonEmptyString else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            field.error("\"\(text)\" may only contain letters, digits, '-' and '_'")
            return nil
        }
        return text
    }
}

/// A locale tag field, reporting malformed tags.
func decodeLocaleTag(_ field: Field) -> String? {
    guard let text = field.string else { return nil }
    guard LocaleTag.isValid(text) else {
        field.error("\"\(text)\" is not a locale tag (such as \"en\" or \"de-CH\")")
        return nil
    }
    return text
}
