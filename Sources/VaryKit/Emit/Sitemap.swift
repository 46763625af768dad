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
        var bytes: [UInt8] = []
        let sorted = entries.sorted { a, b in
            a.url != b.url ? a.url < b.url : a.alternates.lexicographicallyPrecedes(b.alternates, by: precedes)
        }
        let blocks = sorted.map { alternatesBlock($0.alternates) }
        write(sorted.indices.map { (sorted[$0].url, $0) }, blocks: blocks) { bytes += $0 }
        return bytes
    }

    /// Streams a `urlset` piece by piece to `append`: each page's URL, sorted, with its alternates as the block
    /// `blocks[index]` (`alternatesBlock`), so pages that share alternates share their bytes.
    static func write<Failure: Error>(
        _ pages: [(url: String, block: Int)], blocks: [[UInt8]], to append: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var chunk = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """.utf8)
        for page in pages.sorted(by: { $0.url < $1.url }) {
            chunk += Array("  <url>\n    <loc>\(MarkupText.escape(page.url))</loc>\n".utf8)
            chunk += blocks[page.block]
            chunk += Array("  </url>\n".utf8)
            if chunk.count >= 1 << 20 {
                try append(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk += Array("</urlset>\n".utf8)
        try append(chunk)
    }

    /// The `xhtml:link` lines of a page's alternates, sorted by hreflang.
    static func alternatesBlock(_ alternates: [SitemapEntry.Alternate]) -> [UInt8] {
        var text = ""
        for alternate in alternates.sorted(by: precedes) {
            text += "    <xhtml:link rel=\"alternate\" hreflang=\"\(MarkupText.escape(alternate.hreflang))\""
            text += " href=\"\(MarkupText.escape(alternate.url))\"/>\n"
        }
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
