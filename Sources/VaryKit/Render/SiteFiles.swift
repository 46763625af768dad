/// The files of a build besides pages and assets: sitemap, robots and the routing table.
struct SiteFiles {
    static let fixedPaths = ["sitemap.xml", "robots.txt", RouteTable.path]

    let inputs: BuildInputs
    let pages: [PageSpec]

    func files() -> [(String, [UInt8])] {
        let site = inputs.content.site
        let builder = PageModelBuilder(inputs: inputs)
        let entries = pages.filter { $0.segment == nil }.map { page in
            SitemapEntry(
                url: inputs.absoluteURL(page.path),
                alternates: builder.alternates(of: page).map { SitemapEntry.Alternate(hreflang: $0.hreflang, url: $0.url) })
        }
        return [
            ("sitemap.xml", Sitemap.xml(entries: entries)),
            ("robots.txt", Robots.text(baseURL: site.baseURL)),
            (RouteTable.path, RouteTable(content: inputs.content).json()),
        ]
    }
}
