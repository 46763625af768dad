/// The files of a build besides pages and assets: sitemap, robots, the routing table and the CDN configs.
struct SiteFiles {
    static let fixedPaths = ["sitemap.xml", "robots.txt", RouteTable.path]

    let inputs: BuildInputs
    let pages: [PageSpec]

    /// Robots, the routing table and the CDN configs; the sitemap is streamed by `writeSitemap`.
    func files() -> [(String, [UInt8])] {
        let site = inputs.content.site
        let table = RouteTable(content: inputs.content)
        return [
            ("robots.txt", Robots.text(baseURL: site.baseURL)),
            (RouteTable.path, table.json()),
        ] + RoutingFiles.files(formats: site.routing, table: table)
    }
}

extension SiteFiles {
    /// Streams `sitemap.xml` to `append`: its size grows with pages × locales, so it is never held whole, and
    /// pages with the same alternates (the same kind and item in every locale) share one block of bytes.
    func writeSitemap(to append: ([UInt8]) throws -> Void) throws {
        let builder = PageModelBuilder(inputs: inputs)
        var blockIndex: [String: Int] = [:]
        var blocks: [[UInt8]] = []
        var listed: [(url: String, block: Int)] = []
        for page in pages where page.segment == nil {
            let key = page.kind.rawValue + "/" + (page.item ?? "")
            let block: Int
            if let known = blockIndex[key] {
                block = known
            } else {
                block = blocks.count
                blockIndex[key] = block
                blocks.append(Sitemap.alternatesBlock(builder.alternates(of: page).map {
                    SitemapEntry.Alternate(hreflang: $0.hreflang, url: $0.url)
                }))
            }
            listed.append((inputs.absoluteURL(page.path), block))
        }
        try Sitemap.write(listed, blocks: blocks, to: append)
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
