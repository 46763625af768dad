import Foundation
import Testing
@testable import VaryKit

@Suite("vary serve: routing as the CDN does it")
struct RoutingTests {
    @Test("/ redirects by the country header and Accept-Language, keeping other query items")
    func rootRedirects() throws {
        let store = try ServedStore()
        defer { store.stop() }
        #expect(store.get("/", [("X-Country", "AT")]).header("Location") == "/de/de-de/")
        let english = store.get("/", [("X-Country", "DE"), ("Accept-Language", "fr;q=0.9, en;q=0.8")])
        #expect(english.status == 302)
        #expect(english.header("Location") == "/de/en/")
        #expect(store.get("/", [("X-Country", "JP")]).header("Location") == "/jp/ja-jp/")
        #expect(store.get("/", [("X-Country", "ZZ")]).header("Location") == "/us/en-us/")
        #expect(store.get("/").header("Location") == "/us/en-us/")
        #expect(store.get("/?utm_source=mail", [("X-Country", "KW")]).header("Location") == "/kw/ar-kw/?utm_source=mail")
    }

    @Test("?country= simulates the geo header in the preview and is not carried into the redirect")
    func countryQuery() throws {
        let store = try ServedStore()
        defer { store.stop() }
        #expect(store.get("/?country=DE").header("Location") == "/de/de-de/")
        #expect(store.get("/?country=jp&x=1", [("X-Country", "DE")]).header("Location") == "/jp/ja-jp/?x=1")
    }

    @Test("a known segment cookie serves that segment's landing in place; unknown cookies get the default")
    func cookieRewrite() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let climbers = store.get("/us/en-us/", [("Cookie", "theme=dark; vary_segment=climbers")])
        #expect(climbers.status == 200)
        #expect(climbers.header("Location") == nil)
        #expect(climbers.body.contains("<h1>Go vertical</h1>"))
        #expect(climbers.body.contains("segment <b class=\"vary-segment\">climbers</b>"))
        #expect(store.get("/us/en-us/index.html", [("Cookie", "vary_segment=climbers")]).body.contains("<h1>Go vertical</h1>"))
        for cookie in ["vary_segment=hackers", "vary_segment=../x", "vary_segment=", "other=climbers"] {
            let body = store.get("/us/en-us/", [("Cookie", cookie)]).body
            #expect(body.contains("<h1>Gear for every trail</h1>"), "cookie \(cookie)")
        }
    }

    @Test("?segment= sets the cookie and redirects to the clean URL; the default segment clears it")
    func segmentSwitch() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let set = store.get("/de/de-de/?segment=climbers&ref=bar")
        #expect(set.status == 302)
        #expect(set.header("Location") == "/de/de-de/?ref=bar")
        #expect(set.header("Set-Cookie") == "vary_segment=climbers; Path=/; SameSite=Lax")
        let back = store.get("/de/de-de/?segment=everyone")
        #expect(back.header("Location") == "/de/de-de/")
        #expect(back.header("Set-Cookie") == "vary_segment=; Path=/; Max-Age=0; SameSite=Lax")
        let unknown = store.get("/de/de-de/?segment=hackers")
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("unknown segment 'hackers'; the segments are everyone, climbers"))
        #expect(unknown.header("Set-Cookie") == nil)
    }
}
