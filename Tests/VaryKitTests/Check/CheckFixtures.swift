import Foundation
import Testing
@testable import VaryKit

/// Builds pages for the check tests and runs the check over them.
enum CheckFixtures {
    /// The fixture output folder: a chooser, two landings, a segment landing and assets.
    static let siteFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/check/site")

    /// Every path of the small site the inline pages live in.
    static let sitePaths: Set<String> = [
        "index.html", "de/de-de/index.html", "de/de-de/for/outdoor/index.html", "fr/fr-fr/index.html",
        "assets/css/store.1a2b.css", "assets/img/jacket.5c6d.jpg", "assets/js/switcher.9f8e.js",
        "_vary/manifest.json",
    ]

    /// A complete, valid German landing page with `body` placed from line 13 on.
    ///
    /// Lines 1–12 are the doctype, `<html>` (2), `<head>` with `<title>` (5), canonical (6), the
    /// de-DE alternate (7) and stylesheet (8), then `<body>` (10), `<main>` (11) and `<h1>` (12).
    static func page(
        body: String = "<p>Hallo</p>", html: String = "<html lang=\"de-DE\" dir=\"ltr\">",
        title: String = "<title>Winterjacken</title>", extraHead: String = ""
    ) -> String {
        """
        <!DOCTYPE html>
        \(html)
        <head>
        <meta charset="utf-8">
        \(title)
        <link rel="canonical" href="https://shop.example/de/de-de/">
        <link rel="alternate" hreflang="de-DE" href="https://shop.example/de/de-de/">
        <link rel="stylesheet" href="/assets/css/store.1a2b.css">
        </head>\(extraHead)
        <body>
        <main>
        <h1>Winterjacken</h1>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// The diagnostics for one page at `de/de-de/index.html` of the small site, as `vary check` finds them.
    ///
    /// Every page is also checked the way a build checks pages of proven templates (`CheckDepth.data`): on a
    /// well-formed page, which is all proven templates can render, that check must find exactly the same problems.
    static func check(
        _ html: String, path: String = "de/de-de/index.html", language: String? = "de-DE",
        siteURL: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [Diagnostic] {
        let pages = [CheckedPage(path: path, bytes: Array(html.utf8), expectedLanguage: language)]
        let full = SiteCheck.check(pages: pages, allPaths: sitePaths.union([path]), siteURL: siteURL)
        if !full.contains(where: { $0.message.hasPrefix("malformed HTML") }) {
            let data = SiteCheck.check(pages: pages, allPaths: sitePaths.union([path]), siteURL: siteURL, depth: .data)
            #expect(summary(data) == summary(full), "the build's check differs from vary check", sourceLocation: sourceLocation)
        }
        return full
    }

    /// `line: message` of each diagnostic, for compact expectations.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.line): \($0.message)" }
    }
}
