import Foundation
import Testing
import Intl

@Suite("Dates in a locale's medium style")
struct DateTextTests {
    // 2026-11-24T00:00:00Z
    let midnightUTC = Date(timeIntervalSince1970: 1_795_478_400)

    @Test("each locale writes the date in its own medium style", arguments: [
        ("en-US", "Nov 24, 2026"),
        ("en-GB", "24 Nov 2026"),
        ("de-DE", "24.11.2026"),
        ("fr-FR", "24 nov. 2026"),
        ("ja-JP", "2026/11/24"),
        ("pt-BR", "24 de nov. de 2026"),
        ("ar-KW", "\u{0662}\u{0664}\u{200F}/\u{0661}\u{0661}\u{200F}/\u{0662}\u{0660}\u{0662}\u{0666}"),
    ])
    func localeStyles(locale: String, expected: String) {
        #expect(DateText(localeTag: locale).string(midnightUTC) == expected)
    }

    @Test("the day is taken in the region's time zone")
    func timeZone() {
        #expect(DateText(localeTag: "en-GB", timeZone: "America/New_York").string(midnightUTC) == "23 Nov 2026")
        #expect(DateText(localeTag: "en-GB", timeZone: "Asia/Tokyo").string(midnightUTC.addingTimeInterval(-3600)) == "24 Nov 2026")
    }

    @Test("an unknown time zone name falls back to UTC")
    func unknownZone() {
        let text = DateText(localeTag: "en-GB", timeZone: "Mars/Olympus")
        #expect(text.timeZone == "UTC")
        #expect(text.string(midnightUTC) == "24 Nov 2026")
        #expect(!DateText.isKnownTimeZone("Mars/Olympus"))
        #expect(DateText.isKnownTimeZone("Europe/Berlin"))
    }

    @Test("a date-only ISO string names the same day in every time zone", arguments: [
        "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Europe/Berlin",
    ])
    func isoDateSameDay(zone: String) {
        #expect(DateText(localeTag: "en-GB", timeZone: zone).string(isoDate: "2026-12-05") == "5 Dec 2026")
        #expect(DateText(localeTag: "de-DE", timeZone: zone).string(isoDate: "2024-02-29") == "29.02.2024")
    }

    @Test("a date-only string that is not a real YYYY-MM-DD date has no text",
          arguments: ["2026-02-30", "2026-13-01", "26-12-05", "2026-12-5", "2026-12-05T00:00:00Z", ""])
    func invalidIsoDate(text: String) {
        #expect(DateText(localeTag: "en-GB").string(isoDate: text) == nil)
    }
}
