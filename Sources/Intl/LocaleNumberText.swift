import Foundation

/// Formats exact decimals in a locale's decimal style (`1.234,5` in German), with every visible
/// fraction digit kept; one shared NumberFormatter per locale, guarded by a lock, and a cache.
final class LocaleNumberText: @unchecked Sendable {
    // @unchecked: `formatter` (not thread-safe) and `texts` are touched only while holding `lock`.
    private let lock = NSLock()
    private let formatter: NumberFormatter
    private var texts: [ScaledDecimal: String] = [:]
    private static let cacheLimit = 50_000

    private static let shared = LockedCache<String, LocaleNumberText>()

    /// The shared formatter for a locale tag such as `de-DE`.
    static func forLocale(_ localeTag: String) -> LocaleNumberText {
        shared.value(for: localeTag) { LocaleNumberText(localeTag: localeTag) }
    }

    private init(localeTag: String) {
        formatter = NumberFormatter()
        formatter.locale = Locale(identifier: localeTag)
        formatter.numberStyle = .decimal
    }

    /// The number as the locale writes it, with exactly `value.scale` fraction digits.
    func text(_ value: ScaledDecimal) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let text = texts[value] { return text }
        let text =
            formatter.exactString(isNegative: value.isNegative, magnitude: value.magnitude, scale: value.scale)
            ?? value.plainText
        if texts.count < LocaleNumberText.cacheLimit { texts[value] = text }
        return text
    }
}
