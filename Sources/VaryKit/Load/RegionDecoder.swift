import Foundation
import Intl

/// Decodes `regions.json`.
enum RegionDecoder {
    static let keys = [
        "id", "name", "countries", "currency", "locales", "seasons", "taxNote", "timeZone", "numbers", "stores",
        "events", "priceReductionRule",
    ]

    static func decode(_ field: Field) -> Region? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let id = field.required("id")?.id
        let name = field.required("name")?.localizedText
        let countries = field.required("countries")?.elements?.compactMap(decodeCountry)
        let currency = field.required("currency").flatMap(decodeCurrency)
        let locales = field.required("locales")?.elements.map(decodeLocales)
        if let localesField = field.optional("locales"), locales?.isEmpty == true {
            localesField.error("a region needs at least one locale")
        }
        let seasons = field.optional("seasons")?.strings ?? []
        let taxNote = field.optional("taxNote")?.localizedText
        let timeZone = field.optional("timeZone").flatMap(decodeTimeZone) ?? "UTC"
        let numbers = field.optional("numbers").flatMap(decodeNumberingSystem)
        let rule = field.optional("priceReductionRule").flatMap(decodeRule)
        let stores = field.optional("stores")?.elements?.compactMap(decodeStore) ?? []
        let events = field.optional("events")?.elements?.compactMap(decodeEvent) ?? []
        guard let id, let name, let countries, let currency, let locales, !locales.isEmpty else { return nil }
        return Region(
            id: id, name: name, countries: countries, currency: currency, locales: locales, seasons: seasons,
            taxNote: taxNote, timeZone: timeZone, numbers: numbers, priceReductionRule: rule, stores: stores, events: events, location: field.location)
    }

    /// Locale tags, each once: two tags with the same URL form (`de-DE`, `de-de`) would be the same pages.
    private static func decodeLocales(_ fields: [Field]) -> [String] {
        var seen: [String: String] = [:]
        return fields.compactMap { field in
            guard let tag = decodeLocaleTag(field) else { return nil }
            if let earlier = seen[LocaleTag.pathForm(tag)] {
                field.error("locale \"\(tag)\" is listed twice (as \"\(earlier)\")")
                return nil
            }
            seen[LocaleTag.pathForm(tag)] = tag
            return tag
        }
    }

    private static func decodeCountry(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            field.error("\"\(text)\" is not an ISO 3166-1 alpha-2 country code (such as \"DE\")")
            return nil
        }
        return text
    }

    private static func decodeCurrency(_ field: Field) -> Currency? {
        guard let text = field.string else { return nil }
        guard let currency = Currency(code: text) else {
            field.error("unknown currency '\(text)'", hint: Suggestion.hint(for: text, among: Currency.allCodes))
            return nil
        }
        return currency
    }

    private static func decodeTimeZone(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        guard TimeZone(identifier: text) != nil else {
            field.error("unknown time zone '\(text)' (use an IANA name such as \"Europe/Berlin\")")
            return nil
        }
        return text
    }

    private static func decodeNumberingSystem(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        guard LocaleTag.numberingSystems.contains(text) else {
            field.error(
                "unknown numbering system '\(text)' (a CLDR numbering system such as \"latn\" or \"arab\")",
                hint: Suggestion.hint(for: text, among: LocaleTag.numberingSystems))
            return nil
        }
        return text
    }

    private static func decodeRule(_ field: Field) -> PriceReductionRule? {
        guard let text = field.string else { return nil }
        guard let rule = PriceReductionRule(rawValue: text) else {
            let known = PriceReductionRule.allCases.map(\.rawValue)
            field.error(
                "unknown price reduction rule '\(text)' (known: \(known.joined(separator: ", ")))",
                hint: Suggestion.hint(for: text, among: known))
            return nil
        }
        return rule
    }

    private static func decodeStore(_ field: Field) -> RegionStore? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["name", "city", "address", "url"])
        let name = field.required("name")?.nonEmptyString
        let city = field.required("city")?.string
        let address = field.required("address")?.string
        let url = field.optional("url")?.safeURL
        guard let name, let city, let address else { return nil }
        return RegionStore(name: name, city: city, address: address, url: url)
    }

    private static func decodeEvent(_ field: Field) -> RegionEvent? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(["title", "date", "url"])
        let title = field.required("title")?.localizedText
        let date = field.required("date")?.isoDate
        let url = field.optional("url")?.safeURL
        guard let title, let date else { return nil }
        return RegionEvent(title: title, date: date, url: url)
    }
}
