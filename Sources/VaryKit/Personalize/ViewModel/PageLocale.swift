import Foundation
import Intl
import Mustache

/// Formatting for one page's region and locale: messages, money, dates and the category and season names.
struct PageLocale {
    let tag: String
    /// The tag numbers, money and dates are written with: one numbering system for every number on the page.
    let numbersTag: String
    let region: Region
    let localizer: Localizer
    let money: MoneyFormat
    let dates: DateText
    let taxonomy: Taxonomy
    let defaultTag: String
    /// The keys a text is looked up by for this tag and the site's default, with their languages worked out once.
    private let chain: LocaleChain

    init(tag: String, region: Region, inputs: BuildInputs) {
        self.tag = tag
        self.region = region
        numbersTag = LocaleTag.numbersTag(tag, numbers: region.numbers)
        localizer = inputs.localizers[numbersTag] ?? Localizer(content: inputs.content, tag: tag, numbers: numbersTag)
        money = inputs.moneyFormats[numbersTag] ?? MoneyFormat(localeTag: numbersTag)
        dates = DateText(localeTag: numbersTag, timeZone: region.timeZone)
        taxonomy = inputs.content.taxonomy
        defaultTag = inputs.content.site.defaultLocale
        chain = LocaleChain(tag, defaultTag: defaultTag)
    }

    /// A whole percentage in the locale's CLDR percent pattern and the page's digits (`15 %` in de, `١٥٪؜` in ar-KW).
    func percent(_ value: Int) -> String {
        percentText(value, localeTag: numbersTag)
    }

    func text(_ localized: LocalizedText, defaultTag: String) -> String {
        // Every caller but a few passes the site's default: its chain is made once, not on every text.
        defaultTag == self.defaultTag
            ? localized.entries[localized.key(chain)] ?? "" : localized.resolve(tag, fallback: defaultTag)
    }

    /// A taxonomy id's display name in the page's locale (after fallback); with no name anywhere, a readable form
    /// of the id (a brand as the catalog writes it). A season without a season name uses its tag's name.
    func name(_ kind: Taxonomy.Kind, _ id: String) -> String {
        if let name = taxonomy.name(kind, id) { return text(name.text, defaultTag: defaultTag) }
        switch kind {
        case .seasons: return name(.tags, id)
        case .brands: return id
        case .categories, .tags: return Taxonomy.readable(id)
        }
    }

    /// A category's display name: the name of its full path.
    func categoryName(_ path: String) -> String {
        name(.categories, path)
    }
}
