/// Decodes `site.json`.
enum SiteDecoder {
    static let keys = [
        "name", "baseURL", "defaultRegion", "defaultSegment", "defaultLocale", "recommendations",
        "segmentCookie", "countryHeader", "routing", "failOnFallback",
    ]

    static func decode(_ root: Field) -> Site? {
        guard root.members != nil else { return nil }
        root.rejectUnknownKeys(keys)
        let name = root.required("name")?.nonEmptyString
        let baseURL = root.required("baseURL").flatMap(decodeBaseURL)
        let defaultRegion = root.required("defaultRegion")?.reference
        let defaultSegment = root.required("defaultSegment")?.reference
        let defaultLocale = root.required("defaultLocale").flatMap(decodeLocaleTag)
        let recommendations = root.optional("recommendations").map { $0.int(in: 1...500) } ?? 24
        let cookie = root.optional("segmentCookie").map(decodeToken) ?? "vary_segment"
        let header = root.optional("countryHeader").map(decodeToken) ?? "X-Country"
        let failOnFallback = root.optional("failOnFallback")?.bool ?? false
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
        guard let name, let baseURL, let defaultRegion, let defaultSegment, let defaultLocale,
            let recommendations, let cookie, let header
        else { return nil }
        return Site(
            name: name, baseURL: baseURL, defaultRegion: defaultRegion, defaultSegment: defaultSegment,
            defaultLocale: defaultLocale, recommendations: recommendations, segmentCookie: cookie,
            countryHeader: header, routing: routing.sorted(), location: root.location, failOnFallback: failOnFallback)
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
