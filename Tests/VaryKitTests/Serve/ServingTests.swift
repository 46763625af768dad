import Foundation
import Testing
@testable import VaryKit

@Suite("vary serve: files")
struct ServingTests {
    @Test("a landing page is served with the preview bar, and the file in the output stays as built")
    func servesLandingWithBar() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let response = store.get("/us/en-us/")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Connection") == "close")
        #expect(response.body.contains("<h1>Gear for every trail</h1>"))
        #expect(response.body.contains("id=\"vary-preview\""))
        #expect(response.body.contains("new EventSource(\"/_vary/events\")"))
        // The bar sits just before </body>, and only in the response.
        #expect(response.body.range(of: "id=\"vary-preview\"")!.lowerBound < response.body.range(of: "</body>")!.lowerBound)
        let file = try #require(store.build.read("us/en-us/index.html"))
        #expect(!file.contains("vary-preview"))
        #expect(response.header("Content-Length") == String(response.body.utf8.count))
    }

    @Test("the bar names the region, locale and segment and links every segment with ?segment=")
    func barContents() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let body = store.get("/de/de-de/").body
        #expect(body.contains("de · de-de · segment <b class=\"vary-segment\">everyone</b>"))
        #expect(body.contains("<a href=\"/de/de-de/?segment=everyone\" aria-current=\"true\""))
        #expect(body.contains("<a href=\"/de/de-de/?segment=climbers\" style="))
        #expect(body.contains("id=\"vary-why\""))
    }

    @Test("assets are served with their content type and without the bar")
    func servesAssets() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let css = try #require(store.build.tree().keys.first { $0.hasPrefix("assets/css/store.") })
        let response = store.get("/" + css)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/css; charset=utf-8")
        #expect(response.body == store.build.read(css))
        let svg = try #require(store.build.tree().keys.first { $0.hasSuffix(".svg") })
        #expect(store.get("/" + svg).header("Content-Type") == "image/svg+xml")
        #expect(store.get("/_vary/routes.json").header("Content-Type") == "application/json")
    }

    @Test("HEAD answers with the headers of GET and no body")
    func head() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let get = store.get("/robots.txt")
        let head = store.client.get("/robots.txt", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(Int(get.header("Content-Length") ?? "") ?? 0 > 0)
    }

    @Test("a folder without its trailing slash redirects to it, and a missing file is 404")
    func foldersAndMissing() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let folder = store.get("/us/en-us/for/climbers?x=1")
        #expect(folder.status == 301)
        #expect(folder.header("Location") == "/us/en-us/for/climbers/?x=1")
        #expect(store.get("/us/en-us/for/climbers/").body.contains("<h1>Go vertical</h1>"))
        #expect(store.get("/nothing-here.html").status == 404)
        #expect(store.get("/assets/").status == 404)
    }

    @Test("a missing page is answered with the site's 404.html, status 404, carrying the preview bar")
    func notFoundPage() throws {
        let store = try ServedStore()
        defer { store.stop() }
        for target in ["/nothing-here.html", "/us/en-us/promotions/gone/"] {
            let response = store.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.body.contains("<h1>Page not found</h1>"), "\(target)")
            #expect(response.body.contains("<a href=\"/\">Choose a region and language</a>"), "\(target)")
            #expect(response.body.contains("vary-preview"), "\(target)")
        }
        #expect(store.get("/404.html").status == 200)
    }
}
