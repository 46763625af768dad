import Foundation

/// Writes money the way a locale does (`119,00 €` in de-DE, `€119.00` in en-IE), with exactly
/// the currency's ISO 4217 digits. Each amount's text is filled into the locale's layout for its number of digits,
/// which is cached: the texts themselves are not, so a large catalog's prices cost no memory past their pages.
public struct MoneyFormat: Sendable {
    /// The locale whose currency style is used, such as `de-DE`.
    public let localeTag: String
    private let texts: LocaleMoneyTexts

    /// The money format of a locale; formats for the same tag share one formatter and cache.
    public init(localeTag: String) {
        self.localeTag = localeTag
        self.texts = LocaleMoneyTexts.forLocale(localeTag)
    }

    /// The amount in the locale's currency style: `¥18,000`, `$24.00`, `119,00 €`.
    public func string(_ money: Money) -> String {
        texts.text(money)
    }
}

/// One locale's currency formatters (one per currency) and layouts, behind a lock.
final class LocaleMoneyTexts: @unchecked Sendable {
    // @unchecked: `formatters` (NumberFormatter is not thread-safe) and `layouts` are touched
    // only while holding `lock`.
    private let lock = NSLock()
    private let locale: Locale
    private var formatters: [Currency: NumberFormatter] = [:]
    private var layouts: [LayoutKey: String?] = [:]
    private struct LayoutKey: Hashable {
        var currency: Currency
        var isNegative: Bool
        var integerDigits: Int
    }

    private static let shared = LockedCache<String, LocaleMoneyTexts>()

    static func forLocale(_ localeTag: String) -> LocaleMoneyTexts {
        shared.value(for: localeTag) { LocaleMoneyTexts(locale: Locale(identifier: localeTag)) }
    }

    private init(locale: Locale) {
        self.locale = locale
    }

    func text(_ money: Money) -> String {
        // Formatting a template costs an ICU formatter; every amount with as many digits shares one.
        let scale = money.currency.exponent
        let padded = NumberFormatter.paddedDigits(UInt64(money.minorUnits.magnitude), scale: scale)
        let key = LayoutKey(currency: money.currency, isNegative: money.minorUnits < 0, integerDigits: padded.count - scale)
        let laidOut = lock.withLock { () -> String? in
            if let known = layouts[key] { return known }
            let made = formatter(for: money.currency).layout(isNegative: key.isNegative, integerDigits: key.integerDigits, scale: scale)
            layouts[key] = made
            return made
        }
        return laidOut.flatMap { NumberFormatter.fill($0, with: padded) } ?? money.description
    }

    /// Call only while holding `lock`.
    private func formatter(for currency: Currency) -> NumberFormatter {
        if let formatter = formatters[currency] { return formatter }
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .currency
        formatter.currencyCode = currency.code
        formatters[currency] = formatter
        return formatter
    }
}
