import Testing
@testable import VaryKit

@Suite("Check: internal links")
struct LinkRulesTests {
    @Test("a root-relative link to a missing page is an error naming the file looked for")
    func brokenLink() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<a href=\"/de/de-de/bundles/winter/\">Set</a>"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <a href=\"/de/de-de/bundles/winter/\">: de/de-de/bundles/winter/index.html is not in the output",
        ])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test("a link to an asset with a stale fingerprint suggests the current one")
    func staleFingerprint() {
        let diagnostics = CheckFixtures.check(
            CheckFixtures.page(body: "<img src=\"/assets/img/jacket.9999.jpg\" alt=\"Jacke\">"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <img src=\"/assets/img/jacket.9999.jpg\">: assets/img/jacket.9999.jpg is not in the output",
        ])
        #expect(diagnostics.first?.hint == "did you mean /assets/img/jacket.5c6d.jpg?")
    }

    @Test("a misspelled page id suggests the existing page")
    func misspelledPage() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<a href=\"/de/de-de/for/outdor/\">x</a>"))
        #expect(diagnostics.first?.hint == "did you mean /de/de-de/for/outdoor/?")
    }

    @Test("a link to a folder whose index.html exists passes, with query and fragment stripped")
    func folderLinkPasses() {
        let body = """
            <a href="/de/de-de/for/outdoor/">a</a> <a href="/">b</a> <a href="/fr/fr-fr/?utm=x#top">c</a>
            <a href="/de/de-de/for/outdoor/index.html">d</a> <a href="/de/%64e-de/">e</a>
            """
        #expect(CheckFixtures.check(CheckFixtures.page(body: body)).isEmpty)
    }

    @Test("a query or fragment is cut from a root path where its ? or # starts a character")
    func queryAndFragmentStripped() {
        let expected: [(String, LinkTarget)] = [
            ("/de/de-de/#offers", .file("de/de-de/index.html")), ("/a.css?v=2", .file("a.css")), ("/#main", .file("index.html")),
            ("/?q", .file("index.html")), ("/de?x#y", .file("de")), ("/a/%20b/#x", .file("a/ b/index.html")),
            ("/a/./b#x", .file("a/b")), ("/a//b?x", .file("a/b")), ("/a\u{301}#x", .file("a\u{301}")), ("/a#\u{301}x", .file("a#\u{301}x")),
            ("//cdn.example/a#x", .external),
        ]
        for (url, target) in expected {
            #expect(LinkTarget.resolve(url, onPage: "de/de-de/index.html") == target, "\(url)")
        }
    }

    @Test("a link to a folder without its trailing slash is a warning")
    func folderWithoutSlash() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<a href=\"/fr/fr-fr\">fr</a>"))
        #expect(CheckFixtures.summary(diagnostics) == ["13: <a href=\"/fr/fr-fr\">: fr/fr-fr is a folder"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test("relative links resolve against the page's folder")
    func relativeLinks() {
        let body = "<a href=\"for/outdoor/\">a</a> <a href=\"../../fr/fr-fr/\">b</a> <a href=\"./\">c</a>\n<a href=\"outdoor/\">d</a>"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "14: <a href=\"outdoor/\">: de/de-de/outdoor/index.html is not in the output",
        ])
    }

    @Test("a relative link climbing above the root is an error")
    func aboveRoot() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<a href=\"../../../x/\">x</a>"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <a href=\"../../../x/\">: the path goes above the site's root folder",
        ])
    }

    @Test("a same-page fragment must name an element's id")
    func fragments() {
        let body = "<p id=\"produkte\">x</p>\n<a href=\"#produkte\">ok</a> <a href=\"#\">top</a>\n<a href=\"#bewertungen\">no</a>"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "15: <a href=\"#bewertungen\">: no element on this page has id=\"bewertungen\"",
        ])
    }

    @Test("external https, http, mailto and tel links are allowed without being fetched")
    func externalLinks() {
        let body = """
            <a href="https://example.org/x?a=1&amp;b=2">a</a> <a href="http://example.org/">b</a>
            <a href="//cdn.example.org/x">c</a> <a href="mailto:help@shop.example">d</a> <a href="tel:+4930123">e</a>
            """
        #expect(CheckFixtures.check(CheckFixtures.page(body: body)).isEmpty)
    }

    @Test("data: URLs are errors except images; unknown schemes are errors")
    func schemes() {
        let body = """
            <img src="data:image/png;base64,iVBORw0KGgo=" alt="Punkt">
            <a href="data:text/html,hi">a</a>
            <a href="ftp://example.org/file">b</a>
            <link rel="stylesheet" href="mailto:x@example.org">
            <a href="">c</a>
            """
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "14: <a href=\"data:text/html,hi\">: data: URLs are allowed only for images",
            "15: <a href=\"ftp://example.org/file\">: ftp: URLs are not allowed",
            "16: <link href=\"mailto:x@example.org\">: mailto: URLs belong only in <a href>",
            "17: <a href=\"\">: the URL is empty",
        ])
    }

    @Test("each URL of a srcset is checked")
    func srcset() {
        let body = "<img src=\"/assets/img/jacket.5c6d.jpg\" srcset=\"/assets/img/jacket.5c6d.jpg 1x, /assets/img/jacket@2x.jpg 2x\" alt=\"Jacke\">"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "13: <img srcset=\"/assets/img/jacket@2x.jpg\">: assets/img/jacket@2x.jpg is not in the output",
        ])
    }

    @Test("with the site's URL, absolute links to the site itself are checked against the output")
    func absoluteSiteLinks() {
        let html = CheckFixtures.page(
            body: "<a href=\"https://shop.example/fr/fr-fr/\">ok</a>\n<a href=\"https://shop.example/it/it-it/\">missing</a>")
        #expect(CheckFixtures.check(html).isEmpty)
        #expect(CheckFixtures.summary(CheckFixtures.check(html, siteURL: "https://shop.example/")) == [
            "14: <a href=\"https://shop.example/it/it-it/\">: it/it-it/index.html is not in the output",
        ])
    }
}
