/// Checks of `<link rel="alternate" hreflang>` and `<link rel="canonical">`.
enum AlternateRules {
    /// Every alternate and canonical problem of one page.
    static func check(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var canonicalLine: Int? = nil
        for link in tree.elements(named: "link") {
            let relations = Set((link.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
            if relations.contains("alternate"), let hreflang = link.attribute("hreflang") {
                diagnostics += alternate(link, hreflang: hreflang, seen: &seen, in: context)
            }
            if relations.contains("canonical") {
                diagnostics += canonical(link, firstLine: canonicalLine, in: context)
                canonicalLine = canonicalLine ?? link.line
            }
        }
        let own = context.expectedLanguage
            ?? tree.elements(named: "html").first?.attribute("lang").map(PageElement.trimmed)
        // A page in `en` for a region may be announced as `en-DE`: the region's country refines the language.
        let ownKey = own?.lowercased() ?? ""
        if !seen.isEmpty, let own, !own.isEmpty,
            !seen.keys.contains(where: { $0 == ownKey || $0.hasPrefix(ownKey + "-") })
        {
            let line = tree.elements(named: "link").first(where: { $0.attribute("hreflang") != nil })?.line ?? 0
            diagnostics.append(context.error(
                line: line, "the hreflang alternates do not include the page's own language \(own)",
                hint: "add <link rel=\"alternate\" hreflang=\"\(own)\" href=\"…\"> pointing at this page"))
        }
        return diagnostics
    }

    private static func alternate(
        _ link: PageElement, hreflang: String, seen: inout [String: Int], in context: PageContext
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let tag = "<link rel=\"alternate\" hreflang=\"\(PageElement.shortened(hreflang))\">"
        if !LanguageTag.isValidHreflang(hreflang) {
            diagnostics.append(context.error(
                line: link.line, "\(tag): \"\(PageElement.shortened(hreflang))\" is not a language tag",
                hint: "use a BCP 47 tag such as de-DE, or x-default"))
        }
        if let first = seen[hreflang.lowercased()] {
            diagnostics.append(context.error(
                line: link.line, "\(tag) is listed twice (the first is on line \(first))"))
        } else {
            seen[hreflang.lowercased()] = link.line
        }
        if link.attribute("href") == nil {
            diagnostics.append(context.error(line: link.line, "\(tag) has no href"))
        }
        return diagnostics
    }

    private static func canonical(_ link: PageElement, firstLine: Int?, in context: PageContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let firstLine {
            diagnostics.append(context.error(
                line: link.line, "a second <link rel=\"canonical\"> (the first is on line \(firstLine)); a page has one"))
        }
        let href = link.attribute("href").map(LinkTarget.strippedForScheme) ?? ""
        let scheme = LinkTarget.scheme(of: href)
        if scheme != "https" && scheme != "http" {
            diagnostics.append(context.error(
                line: link.line,
                "<link rel=\"canonical\" href=\"\(PageElement.shortened(href))\">: a canonical URL must be absolute",
                hint: "use the site's baseURL, such as https://shop.example/de/de-de/"))
        }
        return diagnostics
    }
}
