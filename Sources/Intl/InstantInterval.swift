import Foundation

/// An ISO 8601 time interval `start/end` of two instants, as Google Merchant Center's `sale_price_effective_date`
/// writes it (`2016-02-24T13:00-0800/2016-02-29T15:30-0800`).
public struct InstantInterval: Sendable, Hashable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Why a text is not an interval.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case notTwoInstants
        case badInstant(String)
        case endNotAfterStart

        public var description: String {
            switch self {
            case .notTwoInstants: "is not an ISO 8601 interval (two instants separated by '/')"
            case .badInstant(let text): "\"\(text)\" is not an ISO 8601 instant with a time and an offset"
            case .endNotAfterStart: "ends before it starts"
            }
        }
    }

    /// Reads `start/end`, each `YYYY-MM-DDThh:mm[:ss[.fraction]]` with `Z`, `±hh:mm` or `±hhmm`; spaces around the
    /// slash are allowed (Google's own examples have them). As Google reads them, an instant without an offset is
    /// UTC, and a bare date `YYYY-MM-DD` starts at its midnight (UTC) or, as the end, lasts the whole day.
    public static func parse(_ text: String) -> Result<InstantInterval, ParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(.notTwoInstants) }
        var instants: [Date] = []
        for (index, part) in parts.enumerated() {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if let day = CalendarDate(trimmed) {
                instants.append(Date(timeIntervalSince1970: Double((day.daysSinceEpoch + index) * 86_400)))
                continue
            }
            guard let instant = instant(trimmed) ?? instant(trimmed + "Z") else { return .failure(.badInstant(trimmed)) }
            instants.append(instant)
        }
        guard instants[0] < instants[1] else { return .failure(.endNotAfterStart) }
        return .success(InstantInterval(start: instants[0], end: instants[1]))
    }

    /// An instant in the forms `parse` accepts: seconds optional, the offset with or without its colon.
    public static func instant(_ text: String) -> Date? {
        var scalars = Array(text.unicodeScalars)
        // ±hhmm at the end → ±hh:mm.
        if scalars.count >= 5, scalars[scalars.count - 5] == "+" || scalars[scalars.count - 5] == "-",
            scalars.suffix(4).allSatisfy({ ("0"..."9").contains($0) })
        {
            scalars.insert(":", at: scalars.count - 2)
        }
        var normalized = String(String.UnicodeScalarView(scalars))
        // YYYY-MM-DDThh:mm followed directly by the offset → add :00.
        let bytes = Array(normalized.utf8)
        if bytes.count > 16, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] != UInt8(ascii: ":") {
            normalized = String(decoding: bytes[0..<16], as: UTF8.self) + ":00" + String(decoding: bytes[16...], as: UTF8.self)
        }
        return Instant.parse(normalized)
    }
}
