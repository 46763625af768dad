import DataFormats

/// Finds and reads `catalog/merchant/<region>.<locale>.xml|tsv`, reporting a name that is not a region and one of
/// its locales, and a file that does not parse, at its line and column.
enum MerchantFeeds {
    static let folder = "catalog/merchant"

    static func load(_ source: SourceFiles, regions: [Region], defaultLocale: String, log: DiagnosticLog) -> MerchantCatalog {
        var feeds: [MerchantCatalog.Feed] = []
        let paths = (source.paths(under: folder, extension: "xml") + source.paths(under: folder, extension: "tsv")).sorted()
        for path in paths {
            let file = source.displayPath(path)
            guard let (region, locale) = feedName(path, file: file, regions: regions, log: log) else { continue }
            let bytes = source.files[path] ?? []
            do {
                let items = path.hasSuffix(".xml") ? try MerchantXML.items(bytes) : try MerchantTSV.items(bytes)
                let decoder = MerchantDecoder(file: file, region: region, log: log)
                feeds.append(MerchantCatalog.Feed(file: file, region: region, locale: locale, entries: items.compactMap(decoder.decode)))
            } catch {
                var diagnostic = Diagnostic(file: file, line: error.position.line, column: error.position.column, message: error.message)
                diagnostic.excerpt = SourceExcerpt.excerpt(of: bytes, at: error.position)
                log.add(diagnostic)
            }
        }
        return MerchantCatalog(feeds: feeds, defaultLocale: defaultLocale, log: log)
    }

    /// The region and locale a feed's file name gives (`merchant/de.de-DE.xml` → region `de`, locale `de-DE`).
    private static func feedName(_ path: String, file: String, regions: [Region], log: DiagnosticLog) -> (Region, String)? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").dropLast().map(String.init)
        guard path.split(separator: "/").count == 3, stem.count == 2 else {
            log.add(Diagnostic(
                file: file, message: "a Merchant Center feed is named <region>.<locale>.xml or .tsv (such as de.de-DE.xml)"))
            return nil
        }
        guard let region = regions.first(where: { $0.id == stem[0] }) else {
            log.add(Diagnostic(
                file: file, message: "feed name names region '\(stem[0])', which regions.json does not have",
                hint: Suggestion.hint(for: stem[0], among: regions.map(\.id))))
            return nil
        }
        guard let locale = region.locales.first(where: { $0.lowercased() == stem[1].lowercased() }) else {
            log.add(Diagnostic(
                file: file, message: "feed name names locale '\(stem[1])', which region '\(region.id)' does not list",
                hint: Suggestion.hint(for: stem[1], among: region.locales) ?? "its locales: \(region.locales.joined(separator: ", "))"))
            return nil
        }
        return (region, locale)
    }
}
