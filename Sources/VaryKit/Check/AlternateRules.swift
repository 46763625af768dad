/// Checks of `<link rel="alternate" hreflang>` and `<link rel="canonical">`.
enum AlternateRules {
    /// Every alternate and canonical problem of one page.
    static func check(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var canonicalLine: Int? = nil
        for link in tree.elements where link.name == "link" {
            let relations = relations(link.attribute("rel") ?? "")
            if relations.alternate, let hreflang = link.attribute("hreflang") {
                // An indexable page lists every region and locale: room for all its links at once, not doubled as it goes.
                if seen.isEmpty { seen.reserveCapacity(tree.elements.count { $0.name == "link" }) }
                diagnostics += alternate(link, hreflang: hreflang, seen: &seen, in: context)
            }
            if relations.canonical {
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

    /// Whether a `rel` value lists `alternate` and `canonical` among its white-space separated, case-insensitive
    /// tokens.
    static func relations(_ rel: String) -> (alternate: Bool, canonical: Bool) {
        // Nearly every value is the one token, which compares without being read.
        if rel == "alternate" { return (true, false) }
        if rel == "canonical" { return (false, true) }
        // Most values are ASCII, whose tokens can be compared byte by byte without making strings.
        if rel.utf8.allSatisfy({ $0 < 0x80 }) {
            var alternate = false, canonical = false
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
            let lowered: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
            for token in rel.utf8.split(whereSeparator: isSpace) {
                if token.lazy.map(lowered).elementsEqual("alternate".utf8) {
                    alternate = true
                } else if token.lazy.map(lowered).elementsEqual("canonical".utf8) {
                    canonical = true
                }
            }
            return (alternate, canonical)
        }
        let tokens = Set(rel.lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
        return (tokens.contains("alternate"), tokens.contains("canonical"))
    }

    private static func alternate(
        _ link: PageElement, hreflang: String, seen: inout [String: Int], in context: PageContext
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var tag: String { "<link rel=\"alternate\" hreflang=\"\(PageElement.shortened(hreflang))\">" }
        if !LanguageTag.isValidHreflang(hreflang) {
            diagnostics.append(context.error(
                line: link.line, "\(tag): \"\(PageElement.shortened(hreflang))\" is not a language tag",
                hint: "use a BCP 47 tag such as de-DE, or x-default"))
        }
        let key = hreflang.lowercased()
        if let first = seen[key] {
            diagnostics.append(context.error(
                line: link.line, "\(tag) is listed twice (the first is on line \(first))"))
        } else {
            seen[key] = link.line
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
