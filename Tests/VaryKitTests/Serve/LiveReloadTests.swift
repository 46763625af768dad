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

    @Test("a misspelled field shows in the warnings panel of every page, with file:line:column and the hint")
    func warningsPanel() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let segments = try #require(store.build.read("segments.json", in: store.build.content))
        let misspelled = segments.replacingOccurrences(of: "\"subline\": \"Ropes", with: "\"sublin\": \"Ropes")
        #expect(misspelled != segments)
        store.build.write("content/segments.json", misspelled)
        let page = store.waitFor("/de/de-de/for/climbers/") { $0.body.contains("sublin") }
        #expect(page.status == 200)
        #expect(page.body.contains("<details id=\"vary-warnings\""))
        #expect(page.body.contains(
            "<li><code>content/segments.json:10:41: warning: segments[1].hero.sublin: unknown field &#39;sublin&#39; is ignored (did you mean &#39;subline&#39;?)</code></li>"))
        #expect(page.body.contains("id=\"vary-warnings-close\""))
        // Only in the response: the file in the output has no panel.
        #expect(store.build.read("de/de-de/for/climbers/index.html")?.contains("vary-warnings") == false)
    }

    @Test("a template's empty alt shows in the panel once, at the template, with its page count")
    func templateProblemOnce() throws {
        let store = try ServedStore()
        defer { store.stop() }
        store.build.write("site-templates/partials/card.mustache", "<li><img src=\"{{image.src}}\" alt=\"\"> {{title}}</li>\n")
        let page = store.waitFor("/us/en-us/") { $0.body.contains("card.mustache") }
        #expect(page.body.components(separatedBy: "alt attribute").count == 2)
        #expect(page.body.contains("<li><code>site-templates/partials/card.mustache:1:5: &lt;img src=&quot;{{…}}&quot; alt=&quot;&quot;&gt; has an empty alt attribute [on "))
    }

    @Test("a syntax error's line and caret are on the error page")
    func errorPageExcerpt() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let site = try #require(store.build.read("site.json", in: store.build.content))
        store.build.write("content/site.json", site.replacingOccurrences(of: "\"defaultRegion\": \"us\",", with: "\"defaultRegion\": \"us\""))
        let failed = store.waitFor("/us/en-us/") { $0.status == 500 }
        #expect(failed.body.contains("content/site.json:4:24: expected &#39;,&#39; or &#39;}&#39; after the object member ending here"))
        #expect(failed.body.contains("\n    4 |   &quot;defaultRegion&quot;: &quot;us&quot;\n      |                        ^</code></li>"))
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

    @Test("the warnings panel escapes, lists at most 50 and counts the rest; without warnings there is none")
    func warningsPanelPiece() {
        var withWarnings = bar
        withWarnings.warnings = (1...52).map { Diagnostic(.warning, file: "content/a.json", line: $0, column: 3, message: "<b>odd</b> \($0)") }
        let html = PreviewInjection.markup(withWarnings)
        #expect(html.contains("<strong>52 warnings</strong>"))
        #expect(html.contains("<li><code>content/a.json:1:3: warning: &lt;b&gt;odd&lt;/b&gt; 1</code></li>"))
        #expect(!html.contains("content/a.json:51:3"))
        #expect(html.contains("and 2 more (see the terminal)"))
        #expect(html.contains("sessionStorage.setItem(k,g)"))
        #expect(!PreviewInjection.markup(bar).contains("vary-warnings"))
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
