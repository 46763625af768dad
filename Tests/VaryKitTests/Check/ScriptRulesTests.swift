import Testing
@testable import VaryKit

@Suite("Check: scripts and event handlers")
struct ScriptRulesTests {
    @Test("an onerror attribute is reported as an inline event handler")
    func onerror() {
        let diagnostics = CheckFixtures.check(
            CheckFixtures.page(body: "<img src=\"/assets/img/jacket.5c6d.jpg\" alt=\"x\" onerror=\"alert(1)\">"))
        #expect(CheckFixtures.summary(diagnostics) == ["13: <img onerror=\"alert(1)\"> is an inline event handler"])
    }

    @Test("any attribute starting with on, in any case, is an event handler")
    func otherHandlers() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<p ONCLICK=\"x()\">a</p>\n<div onmouseover=\"y()\"></div>"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <p onclick=\"x()\"> is an inline event handler",
            "14: <div onmouseover=\"y()\"> is an inline event handler",
        ])
    }

    @Test("a JSON data block passes; one with a raw '<', one that is not JSON or one with a src does not")
    func dataBlocks() {
        let body = """
            <script type="application/json">{"a":"\\u003c/script>"}</script>
            <script type="application/json">{"a":"<b>"}</script>
            <script type="application/json">{"a":</script>
            <script type="application/json" src="/assets/js/switcher.9f8e.js"></script>
            """
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "14: a data block contains a raw \"<\"",
            "15: a data block (<script type=\"application/json\">) is not valid JSON",
            "16: a data block (<script type=\"application/json\">) cannot load a file",
        ])
    }

    @Test("an inline script and a script from another site are errors; a local script file passes")
    func scripts() {
        let body = """
            <script>alert(1)</script>
            <script src="https://cdn.example.org/x.js"></script>
            <script src="/assets/js/switcher.9f8e.js" defer></script>
            <script src="/assets/js/switcher.9f8e.js">alert(2)</script>
            """
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "13: an inline <script> is not allowed",
            "14: <script src=\"https://cdn.example.org/x.js\"> does not load a file of the output",
            "16: <script src=\"/assets/js/switcher.9f8e.js\"> also has inline code",
        ])
    }

    @Test("javascript: URLs are errors, also when disguised by case, controls and spaces")
    func javascriptURLs() {
        let body = "<a href=\"javascript:alert(1)\">a</a>\n<a href=\" JaVa&#9;ScRiPt:alert(1)\">b</a>\n<form action=\"javascript:x()\"></form>"
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(body: body))) == [
            "13: <a href=\"javascript:alert(1)\"> runs script",
            "14: <a href=\"JaVaScRiPt:alert(1)\"> runs script",
            "15: <form action=\"javascript:x()\"> runs script",
        ])
    }

    @Test("escaped markup in text is not an element and passes")
    func escapedMarkup() {
        let body = "<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>"
        #expect(CheckFixtures.check(CheckFixtures.page(body: body)).isEmpty)
    }
}
