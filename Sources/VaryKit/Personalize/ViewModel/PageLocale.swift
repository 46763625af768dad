import Foundation
import Intl
import Mustache

/// Formatting for one page's region and locale: messages, money, dates and the category and season names.
struct PageLocale {
    let tag: String
    let region: Region
    let localizer: Localizer
    let money: MoneyFormat
    let dates: DateText

    init(tag: String, region: Region, inputs: BuildInputs) {
        self.tag = tag
        self.region = region
        localizer = inputs.localizers[tag] ?? Localizer(content: inputs.content, tag: tag)
        money = inputs.moneyFormats[tag] ?? MoneyFormat(localeTag: tag)
        dates = DateText(localeTag: tag, timeZone: region.timeZone)
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
