/// The files of a build besides pages and assets: sitemap (or its index and parts), robots, the routing
/// table and the CDN configs.
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
        let table = RouteTable(content: inputs.content)
        return [
            ("robots.txt", Robots.text(baseURL: site.baseURL)),
            (RouteTable.path, table.json()),
        ] + Sitemap.files(entries: entries, baseURL: site.baseURL)
            + RoutingFiles.files(formats: site.routing, table: table, assetPaths: Array(inputs.assetURLs.values))
    }
}

extension RouteTable {
    /// The routing table of a store: its regions with their countries and locales, segments and cookie.
    init(content: StoreContent) {
        let site = content.site
        self.init(
            defaultRegion: site.defaultRegion.id, segmentCookie: site.segmentCookie, countryHeader: site.countryHeader,
            defaultSegment: site.defaultSegment.id, segments: content.segments.map(\.id),
            regions: content.regions.map { region in
                RouteTable.Region(id: region.id, countries: region.countries, locales: region.locales.map { LocalePath(tag: $0) })
            })
    }
}
