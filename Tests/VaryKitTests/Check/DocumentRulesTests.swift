import Testing
@testable import VaryKit

@Suite("Check: document shape")
struct DocumentRulesTests {
    @Test("a page without a doctype is reported on line 1")
    func missingDoctype() {
        let html = CheckFixtures.page().replacingOccurrences(of: "<!DOCTYPE html>\n", with: "<!-- no doctype -->\n")
        #expect(CheckFixtures.summary(CheckFixtures.check(html)) == [
            "1: the page does not start with <!DOCTYPE html>",
        ])
    }

    @Test("the doctype is matched without regard to case, after white space")
    func lowercaseDoctype() {
        let html = "\n" + CheckFixtures.page().replacingOccurrences(of: "<!DOCTYPE html>", with: "<!doctype HTML>")
        #expect(CheckFixtures.check(html).isEmpty)
    }

    @Test("<html> without lang is an error naming the expected locale")
    func missingLang() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(html: "<html>"))
        #expect(CheckFixtures.summary(diagnostics) == ["2: <html> has no lang attribute"])
        #expect(diagnostics.first?.hint == "set lang=\"de-DE\"")
        #expect(diagnostics.first?.file == "output/de/de-de/index.html")
    }

    @Test("<html lang> for another locale is an error")
    func wrongLang() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(html: "<html lang=\"en-US\">"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "2: <html lang=\"en-US\"> does not match the page's locale de-DE",
        ])
    }

    @Test("lang matches the locale without regard to case")
    func langCase() {
        #expect(CheckFixtures.check(CheckFixtures.page(html: "<html lang=\"de-de\">")).isEmpty)
    }

    @Test("without an expected locale, lang must only be present and non-empty")
    func langWithoutExpectation() {
        #expect(CheckFixtures.check(CheckFixtures.page(html: "<html lang=\"fr-CA\">"), language: nil).count == 1)
        let empty = CheckFixtures.check(CheckFixtures.page(html: "<html lang=\" \">"), language: nil)
        #expect(CheckFixtures.summary(empty) == ["2: <html> has an empty lang attribute"])
    }

    @Test("dir must be ltr or rtl")
    func badDir() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(html: "<html lang=\"de-DE\" dir=\"auto\">"))
        #expect(CheckFixtures.summary(diagnostics) == ["2: <html dir=\"auto\"> must be \"ltr\" or \"rtl\""])
        #expect(CheckFixtures.check(CheckFixtures.page(html: "<html lang=\"de-DE\" dir=\"rtl\">")).isEmpty)
    }

    @Test("a second <h1> is reported at its own line, naming the first")
    func twoHeadings() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<p>x</p>\n<h1>Noch eine</h1>"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "14: a second <h1> (the first is on line 12); a page has exactly one <h1>",
        ])
    }

    @Test("a page without <h1> is reported at its <body>")
    func noHeading() {
        let html = CheckFixtures.page().replacingOccurrences(of: "<h1>Winterjacken</h1>", with: "<h2>Winterjacken</h2>")
        #expect(CheckFixtures.summary(CheckFixtures.check(html)) == ["10: the page has no <h1>"])
    }

    @Test("a missing or blank <title> is an error")
    func titles() {
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(title: "<meta name=\"x\" content=\"y\">")))
            == ["3: the page has no <title>"])
        #expect(CheckFixtures.summary(CheckFixtures.check(CheckFixtures.page(title: "<title>  </title>")))
            == ["5: <title> is empty"])
    }

    @Test("an <img> without alt is an error; an empty alt only passes on an image marked aria-hidden")
    func imageText() {
        let body = """
            <img src="/assets/img/jacket.5c6d.jpg">
            <img src="/assets/img/jacket.5c6d.jpg" alt="">
            <img src="/assets/img/jacket.5c6d.jpg" alt="" aria-hidden="true">
            <img src="/assets/img/jacket.5c6d.jpg" alt="Rote Jacke">
            """
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: body))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <img src=\"/assets/img/jacket.5c6d.jpg\"> has no alt attribute",
            "14: <img src=\"/assets/img/jacket.5c6d.jpg\"> has an empty alt attribute",
        ])
        #expect(diagnostics.allSatisfy { $0.hint?.contains("aria-hidden=\"true\"") == true })
    }

    @Test("an <img> with an empty alt and a role is an error, as HTML forbids it, with the valid marking as the hint")
    func imageRoleOnEmptyAlt() {
        let body = """
            <img src="/assets/img/jacket.5c6d.jpg" alt="" role="presentation">
            """
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: body))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: <img src=\"/assets/img/jacket.5c6d.jpg\"> has an empty alt and a role attribute, which HTML does not allow",
        ])
        #expect(diagnostics.first?.hint == "remove the role; mark a decorative image with alt=\"\" aria-hidden=\"true\"")
    }

    @Test("HTML5 elements that libxml2 2.9 calls invalid tags produce no diagnostics")
    func html5ElementsAreNotNoise() {
        let body = """
            <header><nav><a href="/">Start</a></nav></header>
            <section><article><figure><picture><source srcset="/assets/img/jacket.5c6d.jpg">
            <img src="/assets/img/jacket.5c6d.jpg" alt="Jacke"></picture><figcaption>Jacke</figcaption></figure>
            <details><summary>Mehr</summary><p>Text<wbr>mehr</p></details>
            <svg viewBox="0 0 1 1"><path d="M0 0"/></svg><template><p>t</p></template>
            <aside><mark>neu</mark> <time datetime="2026-01-01">1. Januar</time></aside></article></section>
            <footer><small>©</small></footer>
            """
        #expect(CheckFixtures.check(CheckFixtures.page(body: body)).map(\.description) == [])
    }

    @Test("an element left open inside another is reported where it opens")
    func unclosedInside() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<div>\n<span>offen\n</div>"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "14: malformed HTML: <span> is not closed before </div> on line 15",
        ])
    }

    @Test("an element never closed and a stray end tag are both reported")
    func neverClosedAndStray() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "</span>\n<div class=\"wrap\">"))
        #expect(CheckFixtures.summary(diagnostics) == [
            "13: malformed HTML: </span> has no open <span> to close",
            "14: malformed HTML: <div> is not closed before </main> on line 15",
        ])
    }

    @Test("a start tag missing its > is reported with libxml2's line and column")
    func brokenStartTag() {
        let diagnostics = CheckFixtures.check(CheckFixtures.page(body: "<div class=\"a\"\n<p>x</p></div>"))
        #expect(diagnostics.map { "\($0.line):\($0.column): \($0.message)" }.contains(
            "14:1: malformed HTML: error parsing attribute name"))
    }

    @Test("an empty page is one error")
    func emptyPage() {
        #expect(CheckFixtures.summary(CheckFixtures.check("")) == [
            "0: the page is empty or could not be parsed as HTML",
        ])
    }
}
