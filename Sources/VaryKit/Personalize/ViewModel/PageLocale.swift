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

    init(tag: String, region: Region, inputs: BuildInputs) {
        self.tag = tag
        self.region = region
        numbersTag = LocaleTag.numbersTag(tag, numbers: region.numbers)
        localizer = inputs.localizers[numbersTag] ?? Localizer(content: inputs.content, tag: tag, numbers: numbersTag)
        money = inputs.moneyFormats[numbersTag] ?? MoneyFormat(localeTag: numbersTag)
        dates = DateText(localeTag: numbersTag, timeZone: region.timeZone)
    }

    /// A whole percentage in the locale's CLDR percent pattern and the page's digits (`15 %` in de, `١٥٪؜` in ar-KW).
    func percent(_ value: Int) -> String {
        percentText(value, localeTag: numbersTag)
    }

    /// An integer in the page's digits.
    func number(_ value: Int) -> String {
        numberText(value, localeTag: numbersTag)
    }

    func text(_ localized: LocalizedText, defaultTag: String) -> String {
        localized.resolve(tag, fallback: defaultTag)
    }

    /// A category's display name: the message `category.<path with / as ->` if any, else its last part in words.
    func categoryName(_ path: String) -> String {
        let id = "category." + path.replacingOccurrences(of: "/", with: "-")
        let text = localizer.format(id)
        if text != id { return text }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        let words = last.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A season's display name: the message `season.<tag>` if any, else the tag.
    func seasonName(_ season: String) -> String {
        let id = "season." + season
        let text = localizer.format(id)
        return text == id ? season : text
    }
}
