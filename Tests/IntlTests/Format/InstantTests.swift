import Foundation
import Testing
import Intl

@Suite("Strict ISO 8601 instants and dates")
struct InstantTests {
    static let validInstants: [(String, Double)] = [
        ("2026-11-24T00:00:00Z", 1_795_478_400.0),
        ("2026-11-24T10:00:00+01:00", 1_795_510_800),
        ("2026-11-24T10:00:00-05:30", 1_795_534_200),
        ("2026-11-24T10:00:00+00:00", 1_795_514_400),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("2026-11-24T00:00:00.5Z", 1_795_478_400.5),
        ("2026-11-24T00:00:00.250+00:00", 1_795_478_400.25),
    ]

    @Test("instants with Z or an offset are read exactly", arguments: validInstants)
    func valid(text: String, seconds: Double) throws {
        let date = try #require(Instant.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test("anything but a full date, time and offset is rejected", arguments: [
        "2026-11-24T10:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-24", "2026-11-24 10:00:00Z",
        "2026-11-24t10:00:00z", "2026-11-24T24:00:00Z", "2026-11-24T10:60:00Z", "2026-11-24T10:00:60Z",
        "2026-11-24T10:00Z", "2026-11-24T10:00:00+0100", "2026-11-24T10:00:00+01", "2026-11-24T10:00:00+24:00",
        "2026-11-24T10:00:00.Z", "2026-11-24T10:00:00Z ", " 2026-11-24T10:00:00Z", "2026-11-24T10:00:00ZZ",
        "20261124T100000Z", "2026-11-24T10:00:00+01:60", "+2026-11-24T10:00:00Z", "", "2026-1a-24T10:00:00Z",
    ])
    func invalid(text: String) {
        #expect(Instant.parse(text) == nil)
    }

    @Test("date-only strings must be real calendar days", arguments: [
        ("2026-12-05", true), ("2024-02-29", true), ("2000-02-29", true), ("1900-02-29", false),
        ("2026-02-29", false), ("2026-02-30", false), ("2026-04-31", false), ("2026-13-01", false),
        ("2026-00-10", false), ("2026-01-00", false), ("2026-1-01", false), ("2026/01/01", false),
        ("2026-01-01T00:00:00Z", false), ("", false), ("２０２６-01-01", false),
    ])
    func isoDates(text: String, valid: Bool) {
        #expect(Instant.isoDate(text) == valid)
    }
}
