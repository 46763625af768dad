import Foundation
import Testing
@testable import VaryKit

@Suite("Active promotions")
struct ActivePromotionsTests {
    typealias F = StoreFixture

    func ids(_ promotions: [Promotion], _ audience: PageAudience = F.audience(), at now: Date = F.now) -> [String] {
        activePromotions(promotions, for: audience, at: now).map(\.id)
    }

    @Test("a promotion that ends exactly at now is over")
    func endingAtNowIsOver() {
        let promotion = F.promotion("flash", .percent(10), starts: F.now.addingTimeInterval(-3600), ends: F.now)
        #expect(ids([promotion]).isEmpty)
    }

    @Test("a promotion that starts exactly at now is on")
    func startingAtNowIsOn() {
        let promotion = F.promotion("launch", .percent(10), starts: F.now, ends: F.now.addingTimeInterval(3600))
        #expect(ids([promotion]) == ["launch"])
    }

    @Test("a promotion is on one second before its end and off one second before its start")
    func insideAndBeforeTheWindow() {
        let promotion = F.promotion("week", .percent(10), starts: F.now.addingTimeInterval(1), ends: F.now.addingTimeInterval(7200))
        #expect(ids([promotion]).isEmpty)
        #expect(ids([promotion], at: F.now.addingTimeInterval(7199)) == ["week"])
    }

    @Test("segment targeting keeps promotions for the page's segment and untargeted ones")
    func segmentTargeting() {
        let promotions = [
            F.promotion("all", .percent(5)),
            F.promotion("hikers-only", .percent(10), segments: ["hikers"]),
            F.promotion("runners-only", .percent(10), segments: ["runners"]),
        ]
        #expect(ids(promotions, F.audience(segment: F.segment("hikers"))) == ["all", "hikers-only"])
        #expect(ids(promotions, F.audience(segment: F.segment("everyone"))) == ["all"])
    }

    @Test("region targeting keeps promotions for the page's region only")
    func regionTargeting() {
        let promotions = [
            F.promotion("germany", .percent(5), regions: ["de", "at"]),
            F.promotion("japan", .percent(10), regions: ["jp"]),
        ]
        #expect(ids(promotions) == ["germany"])
        #expect(ids(promotions, F.audience(region: F.region("jp", currency: F.jpy))) == ["japan"])
    }

    @Test("a locale entry matches the exact tag or the tag's language, ignoring case")
    func localeTargeting() {
        let promotions = [
            F.promotion("german", .percent(5), locales: ["de"]),
            F.promotion("swiss-german", .percent(5), locales: ["DE-ch"]),
            F.promotion("english", .percent(5), locales: ["en"]),
        ]
        #expect(ids(promotions, F.audience(locale: "de-DE")) == ["german"])
        #expect(ids(promotions, F.audience(locale: "de-CH")) == ["german", "swiss-german"])
        #expect(ids(promotions, F.audience(locale: "en-DE")) == ["english"])
    }

    @Test("a regional locale entry does not match a bare language page or a sibling region")
    func regionalLocaleEntryIsExact() {
        let promotion = F.promotion("swiss", .percent(5), locales: ["de-CH"])
        #expect(ids([promotion], F.audience(locale: "de")).isEmpty)
        #expect(ids([promotion], F.audience(locale: "de-AT")).isEmpty)
    }

    @Test("an empty targeting list admits nobody, unlike an absent one")
    func emptyTargetingList() {
        let promotions = [F.promotion("nobody", .percent(5), regions: []), F.promotion("everybody", .percent(5))]
        #expect(ids(promotions) == ["everybody"])
    }

    @Test("all three targeting lists must admit the audience")
    func allTargetingMustMatch() {
        let promotion = F.promotion("narrow", .percent(5), segments: ["hikers"], regions: ["de"], locales: ["en"])
        let hikers = F.segment("hikers")
        #expect(ids([promotion], F.audience(locale: "en-DE", segment: hikers)) == ["narrow"])
        #expect(ids([promotion], F.audience(locale: "de-DE", segment: hikers)).isEmpty)
        #expect(ids([promotion], F.audience(region: F.region("at"), locale: "en-DE", segment: hikers)).isEmpty)
    }

    @Test("the next schedule instants are the starts and ends after now, sorted and unique")
    func nextInstants() {
        let a = F.instant("2026-12-01T00:00:00Z")
        let b = F.instant("2026-12-24T18:00:00Z")
        let c = F.instant("2027-01-06T00:00:00Z")
        let promotions = [
            F.promotion("xmas", .percent(10), starts: b, ends: c),
            F.promotion("november", .percent(10), starts: F.instant("2026-11-01T00:00:00Z"), ends: a),
            F.promotion("advent", .percent(5), starts: a, ends: b),
            F.promotion("ending-now", .percent(5), starts: F.instant("2026-10-01T00:00:00Z"), ends: F.now),
        ]
        #expect(nextScheduleInstants(promotions, after: F.now) == [a, b, c])
        #expect(nextScheduleInstants(promotions, after: c).isEmpty)
        #expect(nextScheduleInstants([], after: F.now).isEmpty)
    }
}
