import Foundation

/// Writes dates in a locale's medium date style (`24 Nov 2026`, `24.11.2026`) in a time zone.
public struct DateText: Sendable {
    /// The locale whose date style is used.
    public let localeTag: String
    /// The IANA time zone the day is taken in; an unknown name falls back to `UTC`.
    public let timeZone: String
    private let formatter: LockedDateFormatter

    /// The date format of a locale in an IANA time zone such as `Europe/Berlin`.
    public init(localeTag: String, timeZone: String = "UTC") {
        let known = TimeZone(identifier: timeZone)
        let zone = known ?? TimeZone(secondsFromGMT: 0)!
        self.localeTag = localeTag
        self.timeZone = known == nil ? "UTC" : timeZone
        self.formatter = LockedDateFormatter(locale: Locale(identifier: localeTag), timeZone: zone)
    }

    /// Whether `identifier` names a time zone this system knows (`Europe/Berlin`, `UTC`).
    public static func isKnownTimeZone(_ identifier: String) -> Bool {
        TimeZone(identifier: identifier) != nil
    }

    /// The day `date` falls on in the time zone, in the medium date style.
    public func string(_ date: Date) -> String {
        formatter.string(date)
    }

    /// A date-only ISO string (`2026-12-05`) in the medium style, the same day in every time
    /// zone; nil unless the text is a real `YYYY-MM-DD` date.
    public func string(isoDate: String) -> String? {
        guard let day = CalendarDate(isoDate) else { return nil }
        // Noon of that day in the formatter's zone is that day, whatever the zone's offset.
        let noonUTC = Double(day.daysSinceEpoch * 86_400 + 12 * 3_600)
        let zoneOffset = Double(formatter.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: noonUTC)))
        return formatter.string(Date(timeIntervalSince1970: noonUTC - zoneOffset))
    }
}

/// A medium-style DateFormatter behind a lock, since DateFormatter is not thread-safe.
final class LockedDateFormatter: @unchecked Sendable {
    // @unchecked: `formatter` is used only while holding `lock`; `timeZone` is immutable.
    private let lock = NSLock()
    private let formatter: DateFormatter
    let timeZone: TimeZone

    init(locale: Locale, timeZone: TimeZone) {
        self.timeZone = timeZone
        formatter = DateFormatter()
        formatter.locale = locale
        formatter.timeZone = timeZone
        formatter.dateStyle = .medium
        formatter.timeStyle = .none
    }

    func string(_ date: Date) -> String {
        lock.lock()
        defer { lock.unlock() }
        return formatter.string(from: date)
    }
}
