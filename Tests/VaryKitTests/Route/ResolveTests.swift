import Foundation
import Testing
@testable import VaryKit

/// A table like the sample store's: Germany-Austria-Switzerland with two locales, the US, Japan.
let sampleRoutes = RouteTable(
    defaultRegion: "us", segmentCookie: "vary_segment", countryHeader: "X-Country",
    defaultSegment: "everyone", segments: ["families", "outdoor", "everyone"],
    regions: [
        .init(id: "us", countries: ["US", "pr"], locales: [.init(tag: "en-US"), .init(tag: "es-US")]),
        .init(id: "dach", countries: ["DE", "AT", "ch"], locales: [.init(tag: "de-DE"), .init(tag: "fr-CH"), .init(tag: "de-AT")]),
        .init(id: "jp", countries: ["JP"], locales: [.init(tag: "ja-JP")]),
    ])

@Suite("Resolving the root path")
struct ResolveRootTests {
    func root(country: String? = nil, language: String? = nil) -> RouteDecision {
        sampleRoutes.resolve(RouteRequest(path: "/", country: country, acceptLanguage: language))
    }

    @Test("the root redirects to the region listing the visitor's country and its first locale")
    func countryRegion() {
        #expect(root(country: "DE") == .redirect("/dach/de-de/"))
        #expect(root(country: "JP") == .redirect("/jp/ja-jp/"))
    }

    @Test("countries match regardless of case and surrounding spaces")
    func countryCase() {
        #expect(root(country: "at") == .redirect("/dach/de-de/"))
        #expect(root(country: " Ch ") == .redirect("/dach/de-de/"))
        #expect(root(country: "pr") == .redirect("/us/en-us/"))
    }

    @Test("an unknown, empty or missing country falls back to the default region")
    func defaultRegion() {
        #expect(root(country: "FR") == .redirect("/us/en-us/"))
        #expect(root(country: "") == .redirect("/us/en-us/"))
        #expect(root(country: nil) == .redirect("/us/en-us/"))
        #expect(root(country: "DEU") == .redirect("/us/en-us/"))
    }

    @Test("an exact Accept-Language tag picks that locale, case-insensitively")
    func exactLanguage() {
        #expect(root(country: "CH", language: "fr-CH") == .redirect("/dach/fr-ch/"))
        #expect(root(country: "AT", language: "DE-at") == .redirect("/dach/de-at/"))
    }

    @Test("a language without region, or with another region, matches the first locale of that language")
    func languageMatch() {
        #expect(root(country: "AT", language: "de") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: "fr") == .redirect("/dach/fr-ch/"))
        #expect(root(country: "CH", language: "fr-FR") == .redirect("/dach/fr-ch/"))
        #expect(root(country: "US", language: "es-MX,en;q=0.5") == .redirect("/us/es-us/"))
    }

    @Test("q-values order the ranges, and header order breaks ties")
    func qualities() {
        #expect(root(country: "CH", language: "de;q=0.7, fr;q=0.9") == .redirect("/dach/fr-ch/"))
        #expect(root(country: "CH", language: "fr-CH;q=0.8, de-AT") == .redirect("/dach/de-at/"))
        #expect(root(country: "CH", language: "de-AT;q=0.5, fr;q=0.5") == .redirect("/dach/de-at/"))
        #expect(root(country: "CH", language: "it, fr;q=0.1") == .redirect("/dach/fr-ch/"))
    }

    @Test("a range with q=0 is refused, not chosen")
    func zeroQuality() {
        #expect(root(country: "CH", language: "fr;q=0, de-AT;q=0.1") == .redirect("/dach/de-at/"))
        #expect(root(country: "CH", language: "fr-CH;q=0.000") == .redirect("/dach/de-de/"))
    }

    @Test("a wildcard accepts the region's first locale")
    func wildcard() {
        #expect(root(country: "CH", language: "it, *;q=0.5, fr;q=0.4") == .redirect("/dach/de-de/"))
        #expect(root(country: "JP", language: "*") == .redirect("/jp/ja-jp/"))
    }

    @Test("no acceptable language, or a malformed header, gives the region's first locale")
    func noMatch() {
        #expect(root(country: "JP", language: "en-US,en;q=0.9") == .redirect("/jp/ja-jp/"))
        #expect(root(country: "CH", language: "") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: ";;,,") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: "fr;q=2") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: "fr;q=abc") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: "fr;q=.5") == .redirect("/dach/de-de/"))
        #expect(root(country: "CH", language: "12-fr, fr_CH") == .redirect("/dach/de-de/"))
    }

    @Test("the query string is kept on the redirect and a fragment is dropped")
    func query() {
        let decision = sampleRoutes.resolve(RouteRequest(path: "/?utm_source=mail&x=1#top", country: "JP"))
        #expect(decision == .redirect("/jp/ja-jp/?utm_source=mail&x=1"))
        #expect(sampleRoutes.resolve(RouteRequest(path: "/?", country: "JP")) == .redirect("/jp/ja-jp/"))
    }

    @Test("a table whose default region is missing falls back to its first region, and an empty one finds nothing")
    func brokenTables() {
        var table = sampleRoutes
        table.defaultRegion = "nowhere"
        #expect(table.resolve(RouteRequest(path: "/")) == .redirect("/dach/de-de/"))
        table.regions = []
        #expect(table.resolve(RouteRequest(path: "/")) == .notFound)
    }
}

@Suite("Resolving landing pages and other paths")
struct ResolveLandingTests {
    func landing(_ path: String = "/dach/de-de/", cookie: String?) -> RouteDecision {
        sampleRoutes.resolve(RouteRequest(path: path, country: "DE", cookieHeader: cookie))
    }

    @Test("a known segment cookie rewrites the landing page to the segment's variant")
    func knownSegment() {
        #expect(landing(cookie: "vary_segment=families") == .rewrite("/dach/de-de/for/families/index.html"))
        #expect(landing("/dach/de-de/index.html", cookie: "vary_segment=outdoor") == .rewrite("/dach/de-de/for/outdoor/index.html"))
        #expect(landing("/jp/ja-jp/?ref=x", cookie: "vary_segment=families") == .rewrite("/jp/ja-jp/for/families/index.html"))
    }

    @Test("the segment cookie is found among others, with any whitespace and quotes")
    func cookieParsing() {
        let expected = RouteDecision.rewrite("/dach/de-de/for/families/index.html")
        #expect(landing(cookie: "a=1; vary_segment=families; b=2") == expected)
        #expect(landing(cookie: "a=1;vary_segment=families") == expected)
        #expect(landing(cookie: " a=1 ;\tvary_segment = families ; b") == expected)
        #expect(landing(cookie: "vary_segment=\"families\"") == expected)
        #expect(landing(cookie: "session=abc=def; vary_segment=families") == expected)
    }

    @Test("an absent, empty or malformed cookie gives the default landing")
    func malformedCookie() {
        let fallback = RouteDecision.serve("/dach/de-de/index.html")
        for cookie in [nil, "", "vary_segment", "vary_segment=", "vary_segment=\"\"", "vary_segment=Families",
                       "vary_segment=-families", "vary_segment=fami lies", "vary_segment=families,x",
                       "vary_segment=\"families", "vary_segment=../families", "vary_segment=families%20"] {
            #expect(landing(cookie: cookie) == fallback, "\(cookie ?? "nil")")
        }
    }

    @Test("an unknown segment, or the default segment, gives the default landing")
    func unknownSegment() {
        #expect(landing(cookie: "vary_segment=pirates") == .serve("/dach/de-de/index.html"))
        #expect(landing(cookie: "vary_segment=everyone") == .serve("/dach/de-de/index.html"))
    }

    @Test("a cookie whose name only ends or starts with the segment cookie's name does not count")
    func similarNames() {
        let fallback = RouteDecision.serve("/dach/de-de/index.html")
        #expect(landing(cookie: "xvary_segment=families") == fallback)
        #expect(landing(cookie: "vary_segment2=families") == fallback)
        #expect(landing(cookie: "VARY_SEGMENT=families") == fallback)
        #expect(landing(cookie: "xvary_segment=families; vary_segment=outdoor") == .rewrite("/dach/de-de/for/outdoor/index.html"))
    }

    @Test("when the cookie is sent twice only the first counts")
    func firstOccurrence() {
        #expect(landing(cookie: "vary_segment=outdoor; vary_segment=families") == .rewrite("/dach/de-de/for/outdoor/index.html"))
        #expect(landing(cookie: "vary_segment=bad value; vary_segment=families") == .serve("/dach/de-de/index.html"))
    }

    @Test("a landing path for a locale of another region, or an unknown region, is served as it is")
    func notALanding() {
        #expect(landing("/jp/de-de/", cookie: "vary_segment=families") == .serve("/jp/de-de/"))
        #expect(landing("/fr/fr-fr/", cookie: "vary_segment=families") == .serve("/fr/fr-fr/"))
        #expect(landing("/DACH/de-de/", cookie: "vary_segment=families") == .serve("/DACH/de-de/"))
        #expect(landing("/dach/de-DE/", cookie: "vary_segment=families") == .serve("/dach/de-DE/"))
    }

    @Test("other pages are served as they are, whatever the cookie")
    func otherPaths() {
        let cookie = "vary_segment=families"
        #expect(landing("/index.html", cookie: cookie) == .serve("/index.html"))
        #expect(landing("/dach/de-de/promotions/fall/index.html", cookie: cookie) == .serve("/dach/de-de/promotions/fall/index.html"))
        #expect(landing("/dach/de-de/for/outdoor/index.html", cookie: cookie) == .serve("/dach/de-de/for/outdoor/index.html"))
        #expect(landing("/dach/de-de", cookie: cookie) == .serve("/dach/de-de"))
        #expect(landing("/dach/", cookie: cookie) == .serve("/dach/"))
        #expect(landing("/assets/store.1a2b3c4d.css?v=2", cookie: cookie) == .serve("/assets/store.1a2b3c4d.css"))
    }

    @Test("paths that are relative or contain dot segments are not found")
    func badPaths() {
        for path in ["", "dach/de-de/", "/dach/../etc/passwd", "/./", "/dach/de-de/..", "*"] {
            #expect(landing(path, cookie: nil) == .notFound, "\(path)")
        }
    }
}

@Suite("The routing table")
struct RouteTableTests {
    @Test("the table sorts regions, segments and countries, drops the default segment and keeps locale order")
    func normalization() {
        #expect(sampleRoutes.regions.map(\.id) == ["dach", "jp", "us"])
        #expect(sampleRoutes.segments == ["families", "outdoor"])
        #expect(sampleRoutes.regions[0].countries == ["AT", "CH", "DE"])
        #expect(sampleRoutes.regions[0].locales.map(\.path) == ["de-de", "fr-ch", "de-at"])
    }

    @Test("routes.json is deterministic and reads back as the same table")
    func json() throws {
        let reordered = RouteTable(
            defaultRegion: "us", defaultSegment: "everyone", segments: ["outdoor", "families"],
            regions: sampleRoutes.regions.reversed())
        #expect(reordered.json() == sampleRoutes.json())
        let text = String(decoding: sampleRoutes.json(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"countryHeader\" : \"X-Country\",\n  \"defaultRegion\" : \"us\",\n"))
        #expect(text.contains("\"segmentCookie\" : \"vary_segment\""))
        let decoded = try JSONDecoder().decode(RouteTable.self, from: Data(sampleRoutes.json()))
        #expect(decoded == sampleRoutes)
    }
}
