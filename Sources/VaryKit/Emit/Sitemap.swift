/// One indexable page in the sitemap, with the same page in the other locales.
public struct SitemapEntry: Sendable, Hashable {
    /// One `hreflang` alternate: the locale tag (or `x-default`) and the absolute URL.
    public struct Alternate: Sendable, Hashable {
        /// The locale tag, such as `de-DE`, or `x-default`.
        public var hreflang: String
        /// The alternate's absolute URL.
        public var url: String

        /// Names an alternate.
        public init(hreflang: String, url: String) {
            self.hreflang = hreflang
            self.url = url
        }
    }

    /// The page's absolute URL.
    public var url: String
    /// The page's alternates, including itself as search engines expect.
    public var alternates: [Alternate]

    /// Describes a page of the sitemap.
    public init(url: String, alternates: [Alternate] = []) {
        self.url = url
        self.alternates = alternates
    }
}

/// The `sitemap.xml` writer (sitemaps.org protocol with `xhtml:link` hreflang alternates).
public enum Sitemap {
    /// A `urlset` of the entries sorted by URL, each alternate sorted by hreflang, text XML-escaped.
    public static func xml(entries: [SitemapEntry]) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        let sorted = entries.sorted { a, b in
            a.url != b.url ? a.url < b.url : a.alternates.lexicographicallyPrecedes(b.alternates, by: precedes)
        }
        for entry in sorted {
            text += "  <url>\n    <loc>\(MarkupText.escape(entry.url))</loc>\n"
            for alternate in entry.alternates.sorted(by: precedes) {
                text += "    <xhtml:link rel=\"alternate\" hreflang=\"\(MarkupText.escape(alternate.hreflang))\""
                text += " href=\"\(MarkupText.escape(alternate.url))\"/>\n"
            }
            text += "  </url>\n"
        }
        text += "</urlset>\n"
        return Array(text.utf8)
    }

    private static func precedes(_ a: SitemapEntry.Alternate, _ b: SitemapEntry.Alternate) -> Bool {
        (a.hreflang, a.url) < (b.hreflang, b.url)
    }
}

/// Escaping for XML and HTML text and double- or single-quoted attribute values.
enum MarkupText {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, which both XML and HTML read.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
