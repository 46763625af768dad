import Foundation
import Intl
import Testing

@Suite("ISO 8601 intervals")
struct InstantIntervalTests {
    private func utc(_ text: String) -> Date { Instant.parse(text)! }

    @Test("Google's sale_price_effective_date example reads with its -0800 offsets")
    func googleExample() throws {
        let interval = try InstantInterval.parse("2016-02-24T13:00-0800/2016-02-29T15:30-0800").get()
        #expect(interval.start == utc("2016-02-24T21:00:00Z"))
        #expect(interval.end == utc("2016-02-29T23:30:00Z"))
    }

    @Test("seconds, colons in offsets, Z and spaces around the slash are accepted")
    func forms() throws {
        let interval = try InstantInterval.parse("2026-11-27T00:00:00+01:00 / 2026-11-30T23:59Z").get()
        #expect(interval.start == utc("2026-11-26T23:00:00Z"))
        #expect(interval.end == utc("2026-11-30T23:59:00Z"))
    }

    @Test("bare dates run from the first day's midnight through the whole last day, in UTC")
    func dates() throws {
        let interval = try InstantInterval.parse("2026-11-27/2026-11-30").get()
        #expect(interval.start == utc("2026-11-27T00:00:00Z"))
        #expect(interval.end == utc("2026-12-01T00:00:00Z"))
    }

    @Test("an instant without an offset is UTC")
    func noOffset() throws {
        #expect(try InstantInterval.parse("2026-11-27T08:00/2026-11-28T08:00").get().start == utc("2026-11-27T08:00:00Z"))
    }

    @Test("one instant, a bad instant and an end before the start are refused with the reason")
    func bad() {
        #expect(InstantInterval.parse("2026-11-27T08:00Z") == .failure(.notTwoInstants))
        #expect(InstantInterval.parse("2026-11-27T08:00Z/2026-13-01T00:00Z") == .failure(.badInstant("2026-13-01T00:00Z")))
        #expect(InstantInterval.parse("2026-11-28T08:00Z/2026-11-27T08:00Z") == .failure(.endNotAfterStart))
    }
}
