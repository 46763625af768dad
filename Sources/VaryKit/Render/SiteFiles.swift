/// The files of a build besides pages and assets: sitemap (or its index and parts), robots, the routing
/// table and the CDN configs.
struct SiteFiles {
    static let fixedPaths = ["sitemap.xml", "robots.txt", RouteTable.path]

    /// The pages' builder, whose alternates the sitemap lists.
    let builder: PageModelBuilder
    let pages: [PageSpec]

    var inputs: BuildInputs { builder.inputs }

    /// Robots, the routing table and the CDN configs; the sitemap is streamed by `writeSitemaps`.
    func files() -> [(String, [UInt8])] {
        let site = inputs.content.site
        let table = RouteTable(content: inputs.content)
        return [
            ("robots.txt", Robots.text(baseURL: site.baseURL)),
            (RouteTable.path, table.json()),
        ] + RoutingFiles.files(formats: site.routing, table: table, assetPaths: Array(inputs.assetURLs.values))
    }
}

extension SiteFiles {
    /// Streams `sitemap.xml` (or its index and parts, as `Sitemap.files` splits them) into the staging folder:
    /// its size grows with pages × locales, so it is never held whole, and pages with the same alternates (the
    /// same kind and item in every locale) share one block of bytes.
    ///
    /// A file whose inputs (its URLs with their alternates, and Vary's binary) are those `previous` recorded for it
    /// is taken over from the previous output instead (`StagingDirectory.adopt`). Returns each sitemap file's inputs
    /// digest, for the next build's cache.
    func writeSitemaps(into staging: StagingDirectory, previous: [String: PageCache.Sitemaps.Entry],
                       stamps: [String: PageCache.Stamp]) throws -> [String: String] {
        var blockIndex: [String: Int] = [:]
        var blocks: [[UInt8]] = []
        var listed: [(url: String, block: Int)] = []
        for page in pages where page.isIndexable {
            let key = page.familyKey
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
        listed.sort { $0.url < $1.url }
        let sizes = listed.map { Sitemap.urlStart($0.url).count + blocks[$0.block].count + Sitemap.urlEnd.count }
        let parts = Sitemap.partition(sizes: sizes)
        // The blocks are few (one per family of pages) and the same in every part: digested once.
        var blockBytes: [UInt8] = []
        for block in blocks {
            ModelBytes.append(.int(block.count), to: &blockBytes)
            blockBytes += block
        }
        let blocksDigest = InputsHash.hex(blockBytes)
        var digests: [String: String] = [:]
        func write(_ path: String, _ part: Range<Int>) throws {
            var bytes: [UInt8] = []
            for text in [PageCache.Sitemaps.version, PageCache.executableIdentity, path, blocksDigest] {
                ModelBytes.append(.string(text), to: &bytes)
            }
            for item in listed[part] {
                ModelBytes.append(.string(item.url), to: &bytes)
                ModelBytes.append(.int(item.block), to: &bytes)
            }
            let digest = InputsHash.hex(bytes)
            digests[path] = digest
            if let known = previous[path], known.inputs == digest, let stamp = stamps[path],
               try staging.adopt(path, sha256: known.sha256, bytes: stamp.bytes, modified: (stamp.seconds, stamp.nanoseconds)) {
                return
            }
            try staging.write(path, streaming: { try Sitemap.write(listed[part], blocks: blocks, to: $0) })
        }
        guard parts.count > 1 else {
            try write("sitemap.xml", parts[0])
            return digests
        }
        try staging.write("sitemap.xml", Sitemap.index(parts: parts.count, baseURL: inputs.content.site.baseURL))
        for (number, part) in parts.enumerated() {
            try write(Sitemap.partName(number + 1), part)
        }
        return digests
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
