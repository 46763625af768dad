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
    /// The protocol's limits for one sitemap file: 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed.
    public static let urlLimit = 50_000
    public static let byteLimit = 52_428_800

    private static let header = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """.utf8)
    private static let footer = Array("</urlset>\n".utf8)

    /// A `urlset` of the entries sorted by URL, each alternate sorted by hreflang, text XML-escaped.
    public static func xml(entries: [SitemapEntry]) -> [UInt8] {
        header + sorted(entries).flatMap(block) + footer
    }

    /// The sitemap files of a site: `sitemap.xml` alone while it holds at most `urlLimit` URLs in at most
    /// `byteLimit` bytes; beyond, `sitemap.xml` is a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`…,
    /// each filled in URL order up to the limits, so robots.txt names one file either way.
    public static func files(
        entries: [SitemapEntry], baseURL: String, urlLimit: Int = urlLimit, byteLimit: Int = byteLimit
    ) -> [(String, [UInt8])] {
        let blocks = sorted(entries).map(block)
        let parts = partition(sizes: blocks.map(\.count), urlLimit: urlLimit, byteLimit: byteLimit)
        let bytes = parts.map { header + blocks[$0].joined() + footer }
        guard parts.count > 1 else { return [("sitemap.xml", bytes[0])] }
        return [("sitemap.xml", index(parts: parts.count, baseURL: baseURL))]
            + bytes.enumerated().map { (partName($0.offset + 1), $0.element) }
    }

    /// Where each sitemap file's URLs begin and end, for `<url>` elements of these sizes in URL order.
    static func partition(sizes: [Int], urlLimit: Int = urlLimit, byteLimit: Int = byteLimit) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        var current = header.count
        for (position, size) in sizes.enumerated() {
            let count = position - start
            if count > 0 && (count == urlLimit || current + size + footer.count > byteLimit) {
                parts.append(start..<position)
                start = position
                current = header.count
            }
            current += size
        }
        parts.append(start..<sizes.count)
        return parts
    }

    /// The sitemap index naming `parts` files.
    static func index(parts: Int, baseURL: String) -> [UInt8] {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 1...parts {
            index += "  <sitemap>\n    <loc>\(MarkupText.escape("\(base)/\(partName(number))"))</loc>\n  </sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return Array(index.utf8)
    }

    /// `sitemap-3.xml`.
    static func partName(_ number: Int) -> String { "sitemap-\(number).xml" }

    private static func sorted(_ entries: [SitemapEntry]) -> [SitemapEntry] {
        entries.sorted { a, b in
            a.url != b.url ? a.url < b.url : a.alternates.lexicographicallyPrecedes(b.alternates, by: precedes)
        }
    }

    /// One `<url>` element.
    private static func block(_ entry: SitemapEntry) -> [UInt8] {
        urlStart(entry.url) + alternatesBlock(entry.alternates) + urlEnd
    }

    /// A `<url>` element's start, with its `<loc>`.
    static func urlStart(_ url: String) -> [UInt8] { Array("  <url>\n    <loc>\(MarkupText.escape(url))</loc>\n".utf8) }
    static let urlEnd = Array("  </url>\n".utf8)

    /// The `xhtml:link` lines of a page's alternates, sorted by hreflang.
    static func alternatesBlock(_ alternates: [SitemapEntry.Alternate]) -> [UInt8] {
        var text = ""
        for alternate in alternates.sorted(by: precedes) {
            text += "    <xhtml:link rel=\"alternate\" hreflang=\"\(MarkupText.escape(alternate.hreflang))\""
            text += " href=\"\(MarkupText.escape(alternate.url))\"/>\n"
        }
        return Array(text.utf8)
    }

    /// Streams one `urlset` piece by piece to `append`: the pages' URLs, in the order given, each with its
    /// alternates as the block `blocks[block]`, so pages that share alternates share their bytes.
    static func write(
        _ pages: ArraySlice<(url: String, block: Int)>, blocks: [[UInt8]], to append: ([UInt8]) throws -> Void
    ) throws {
        var chunk = header
        for page in pages {
            chunk += urlStart(page.url)
            chunk += blocks[page.block]
            chunk += urlEnd
            if chunk.count >= 1 << 20 {
                try append(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk += footer
        try append(chunk)
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
