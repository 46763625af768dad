import Foundation

/// A whole percentage in a locale's percent style: `15%` in en, `15 %` in de (with U+00A0).
public func percentText(_ percent: Int, localeTag: String) -> String {
    percentFormatters.value(for: localeTag) { LockedPercentFormatter(localeTag: localeTag) }.string(percent)
}

private let percentFormatters = LockedCache<String, LockedPercentFormatter>()

/// A percent-style NumberFormatter behind a lock, with a cache of its results.
private final class LockedPercentFormatter: @unchecked Sendable {
    // @unchecked: `formatter` and `texts` are touched only while holding `lock`.
    private let lock = NSLock()
    private let formatter = NumberFormatter()
    private var texts: [Int: String] = [:]

    init(localeTag: String) {
        formatter.locale = Locale(identifier: localeTag)
        formatter.numberStyle = .percent
        formatter.maximumFractionDigits = 0
    }

    func string(_ percent: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let text = texts[percent] { return text }
        // percent / 100 exactly, as a Decimal; never through Double.
        let fraction = Decimal(sign: percent < 0 ? .minus : .plus, exponent: -2, significand: Decimal(percent.magnitude))
        let text = formatter.string(from: fraction as NSDecimalNumber) ?? "\(percent)%"
        if texts.count < 1_000 { texts[percent] = text }
        return text
    }
}
