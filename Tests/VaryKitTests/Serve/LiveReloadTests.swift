import Foundation
import Testing
@testable import VaryKit

@Suite("vary serve: live preview")
struct LiveReloadTests {
    private let headline = "Gear for every trail"

    @Test("changing a content file rebuilds, the page changes and open pages hear of it")
    func rebuildsOnChange() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let events = store.client.connectSocket()
        defer { close(events) }
        let request = "GET /_vary/events HTTP/1.1\r\nHost: a\r\n\r\n"
        _ = request.withCString { send(events, $0, strlen($0), 0) }
        let opening = store.client.read(events, until: "data: 1\n\n")
        #expect(opening.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"))
        #expect(store.get("/us/en-us/").body.contains("data-generation=\"1\""))

        let segments = try #require(store.build.read("segments.json", in: store.build.content))
        store.build.write("content/segments.json", segments.replacingOccurrences(of: headline, with: "Gear for every summit"))
        // The output is swapped in a moment before the build is announced; wait for both.
        let changed = store.waitFor("/us/en-us/") { $0.body.contains("data-generation=\"2\"") }
        #expect(changed.status == 200)
        #expect(changed.body.contains("<h1>Gear for every summit</h1>"))
        #expect(store.client.read(events, until: "data: 2\n\n").contains("event: build\ndata: 2\n\n"))
        let build = try #require(store.log.all.last)
        #expect(build.succeeded)
        #expect(build.changedFiles == ["content/segments.json"])
    }

    @Test("a broken content file turns every page into the error page with file:line:column; fixing it restores the page")
    func errorPageUntilFixed() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let css = try #require(store.build.tree().keys.first { $0.hasPrefix("assets/css/store.") })
        let promotions = try #require(store.build.read("promotions.json", in: store.build.content))
        let broken = promotions.replacingOccurrences(of: "\"2026-12-01T00:00:00+01:00\"", with: "\"2026-13-01\"")
        #expect(broken != promotions)
        store.build.write("content/promotions.json", broken)

        let failed = store.waitFor("/us/en-us/") { $0.status == 500 }
        #expect(failed.status == 500)
        #expect(failed.header("Content-Type") == "text/html; charset=utf-8")
        #expect(failed.body.contains("<h1>Build failed</h1>"))
        #expect(failed.body.contains(
            "<li><code>content/promotions.json:9:13: promotions[0].ends: &quot;2026-13-01&quot; is not an ISO 8601 instant</code></li>"))
        #expect(failed.body.contains("new EventSource(\"/_vary/events\")"))
        #expect(store.get("/de/de-de/for/climbers/").status == 500)
        #expect(store.get("/us/en-us/promotions/not-yet/").status == 500)
        // The last good output still serves assets and data, and the files were not touched.
        #expect(store.get("/" + css).status == 200)
        #expect(store.get("/robots.txt").status == 200)
        #expect(store.build.read("us/en-us/index.html")?.contains("<h1>\(headline)</h1>") == true)
        #expect(store.log.all.last?.succeeded == false)

        store.build.write("content/promotions.json", promotions)
        let restored = store.waitFor("/us/en-us/") { $0.status == 200 }
        #expect(restored.status == 200)
        #expect(restored.body.contains("<h1>\(headline)</h1>"))
        #expect(!restored.body.contains("Build failed"))
    }

    @Test("when the first build fails the server still starts and every page is the error page")
    func firstBuildFails() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("content/site.json", "{\"name\": \"Mini\",\n  \"baseURL\": 5}\n")
        var options = BuildOptions(content: build.content.path, templates: build.templates.path, output: build.output.path, now: MiniStore.now)
        options.contentName = "content"
        let server = PreviewServer(options: ServeOptions(build: options, port: 0), now: { MiniStore.now })
        try server.start()
        defer { server.stop() }
        let client = HTTPTestClient(port: server.port)
        let root = client.get("/")
        #expect(root.status == 500)
        #expect(root.body.contains("<li><code>content/site.json:2:14: "))
        #expect(client.get("/us/en-us/").status == 500)
        #expect(client.get("/robots.txt").status == 404)
    }

    @Test("a broken template shows its file and line on the error page")
    func brokenTemplate() throws {
        let store = try ServedStore()
        defer { store.stop() }
        store.build.write("site-templates/partials/card.mustache", "<li>{{#reasons}}{{.}}</li>\n")
        let failed = store.waitFor("/us/en-us/") { $0.status == 500 }
        #expect(failed.status == 500)
        #expect(failed.body.contains("<code>site-templates/partials/card.mustache:1:"))
    }
}

@Suite("vary serve: pieces")
struct PreviewPiecesTests {
    private let bar = PreviewInjection.Bar(region: "us", locale: "en-us", segment: "everyone", switches: [("everyone", "/us/en-us/?segment=everyone")], generation: 7)

    @Test("the bar goes before the last </body>, whatever its case, or at the end without one")
    func injection() {
        let html = Array("<html><body><p>&lt;/body&gt;</p></BODY>\n</html>".utf8)
        let result = String(decoding: PreviewInjection.inject(into: html, bar: bar), as: UTF8.self)
        #expect(result.hasPrefix("<html><body><p>&lt;/body&gt;</p><div id=\"vary-preview\""))
        #expect(result.hasSuffix("</script>\n</BODY>\n</html>"))
        let bare = String(decoding: PreviewInjection.inject(into: Array("<p>x</p>".utf8), bar: bar), as: UTF8.self)
        #expect(bare.hasPrefix("<p>x</p><div id=\"vary-preview\""))
        #expect(result.contains("var g=\"7\""))
    }

    @Test("the error page escapes diagnostics and lists only errors")
    func errorPageEscapes() {
        let page = String(decoding: PreviewInjection.errorPage([
            Diagnostic(file: "content/a.json", line: 2, column: 5, path: "x", message: "bad </ol><script>alert(1)</script>"),
            Diagnostic(.warning, file: "content/b.json", message: "just a warning"),
        ], bar: bar), as: UTF8.self)
        #expect(page.contains("<li><code>content/a.json:2:5: x: bad &lt;/ol&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></li>"))
        #expect(!page.contains("just a warning"))
        #expect(page.contains("<p>1 error."))
    }

    @Test("a snapshot of the sources tells which files were added, changed or removed")
    func snapshotChanges() throws {
        let store = TestBuild()
        defer { store.cleanUp() }
        let folders = [(store.content, "content"), (store.templates, "site-templates")]
        let before = SourceSnapshot.take(folders)
        #expect(before.files["content/site.json"] != nil)
        #expect(before.files["site-templates/pages/landing.mustache"] != nil)
        store.write("content/site.json", (store.read("site.json", in: store.content) ?? "") + " ")
        store.write("content/extra.json", "[]")
        try FileManager.default.removeItem(at: store.templates.appendingPathComponent("partials/card.mustache"))
        let after = SourceSnapshot.take(folders)
        #expect(after.changes(since: before) == ["content/extra.json", "content/site.json", "site-templates/partials/card.mustache"])
        #expect(after.changes(since: after).isEmpty)
        store.write("content/.site.json.swp", "x")
        store.write("site-templates/.git/HEAD", "x")
        #expect(SourceSnapshot.take(folders) == after)
    }
}
