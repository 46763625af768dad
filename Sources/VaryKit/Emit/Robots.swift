/// The `robots.txt` writer.
///
/// Segment variants are not disallowed: they carry `noindex`, and a crawler must be able to fetch a
/// page to see its `noindex` (a disallowed URL can still be indexed from links, without content).
public enum Robots {
    /// `User-agent: *`, one `Disallow:` per path (sorted, unique) or `Allow: /` when there are none,
    /// and the `Sitemap:` line for `<baseURL>/sitemap.xml`.
    public static func text(baseURL: String, disallow: [String] = []) -> [UInt8] {
        var text = "User-agent: *\n"
        if disallow.isEmpty {
            text += "Allow: /\n"
        } else {
            for path in Set(disallow).sorted() { text += "Disallow: \(path)\n" }
        }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        text += "\nSitemap: \(base)/sitemap.xml\n"
        return Array(text.utf8)
    }
}
