import Foundation

/// Strict ISO 8601 reading of instants (`2026-11-24T10:00:00+01:00`) and calendar dates.
public enum Instant {
    /// The instant of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else,
    /// including a missing offset, an impossible date or time, or a leap second.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        // The shortest form is 2026-11-24T10:00:00Z (20 bytes).
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = ISODigits.number(bytes[11..<13]), hour <= 23,
            let minute = ISODigits.number(bytes[14..<16]), minute <= 59,
            let second = ISODigits.number(bytes[17..<19]), second <= 59
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return nil }
            // Nanoseconds are as much as Date can hold; further digits are read but dropped.
            let digits = bytes[start..<min(index, start + 9)]
            fraction = Double(ISODigits.number(digits)!) / pow(10, Double(digits.count))
        }
        guard let offsetSeconds = offset(bytes[index...]) else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Whether `text` is exactly `YYYY-MM-DD` and names a real calendar day (`2026-02-30` is not).
    public static func isoDate(_ text: String) -> Bool {
        CalendarDate(text) != nil
    }

    /// `Z` is 0; `±HH:MM` is its signed seconds east of UTC; anything else (or more) is nil.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let sign = bytes.first else { return nil }
        if sign == UInt8(ascii: "Z") { return bytes.count == 1 ? 0 : nil }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.count == 6,
            bytes[bytes.startIndex + 3] == UInt8(ascii: ":"),
            let hours = ISODigits.number(bytes[(bytes.startIndex + 1)..<(bytes.startIndex + 3)]), hours <= 23,
            let minutes = ISODigits.number(bytes[(bytes.startIndex + 4)..<(bytes.startIndex + 6)]), minutes <= 59
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return sign == UInt8(ascii: "+") ? seconds : -seconds
    }
}
