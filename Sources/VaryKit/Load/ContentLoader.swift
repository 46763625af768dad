import DataFormats
import Dispatch
import Foundation
import Intl

/// The load stage: parses and decodes every content file into typed models, collecting every problem.
public enum ContentLoader {
    /// Decodes `content/`; returns nil content when a problem makes the store unusable. Diagnostics include warnings.
    public static func load(_ source: SourceFiles) -> (content: StoreContent?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let reader = Reader(source: source, log: log)
        let overlaps = StageOverlap.applies(to: source)

        let site = reader.json("site.json", required: true).flatMap(SiteDecoder.decode)

        var locales: [String: LocaleMessages] = [:]
        for path in source.paths(under: "locales", extension: "json") {
            let tag = String(path.dropFirst("locales/".count).dropLast(".json".count))
            guard LocaleTag.isValid(tag) else {
                log.add(Diagnostic(file: source.displayPath(path), message: "file name \"\(tag)\" is not a locale tag"))
                continue
            }
            if let messages = reader.json(path, required: false).flatMap({ MessagesDecoder.decode($0, tag: tag) }) {
                locales[tag] = messages
            }
        }
        if source.paths(under: "locales", extension: "json").isEmpty {
            log.add(Diagnostic(file: source.displayPath("locales"), message: "no message files (locales/<tag>.json)"))
        }

        let regions = reader.array("regions.json", required: true, decode: RegionDecoder.decode)
        let currencies = Dictionary(regions.map { ($0.id, $0.currency) }, uniquingKeysWith: { first, _ in first })
        let segments = reader.array("segments.json", required: true, decode: SegmentDecoder.decode)

        var products: [Product] = []
        // Feeds and exports in their own folders are read by their own loaders below.
        let isFeed = { (path: String) in path.hasPrefix(MerchantFeeds.folder + "/") || path.hasPrefix(ShopifyExports.folder + "/") }
        let catalogJSON = source.paths(under: "catalog", extension: "json").filter { !isFeed($0) }
        let catalogCSV = source.paths(under: "catalog", extension: "csv").filter { !isFeed($0) }
        for path in catalogJSON {
            products += reader.array(path, required: false, aside: overlaps) { ProductDecoder.decode($0, regionCurrencies: currencies) }
        }
        for path in catalogCSV {
            guard let table = reader.csv(path) else { continue }
            let root = Field(node: CatalogCSV.products(from: table), path: "", file: source.displayPath(path), log: log)
            products += (root.elements ?? []).compactMap { row in
                ProductDecoder.decode(Field(node: row.node, path: "", file: row.file, log: log), regionCurrencies: currencies)
            }
        }
        let merchant = MerchantFeeds.load(source, regions: regions, defaultLocale: site?.defaultLocale ?? "en", log: log)
        let shopify = ShopifyExports.load(source, site: site, regions: regions, log: log)
        products += merchant.products + shopify.products
        if catalogJSON.isEmpty && catalogCSV.isEmpty && !source.files.keys.contains(where: isFeed) {
            log.add(Diagnostic(file: source.displayPath("catalog"), message: "no catalog files (catalog/*.json or catalog/*.csv)"))
        }

        let promotions = reader.array("promotions.json", required: false, decode: PromotionDecoder.decode) + merchant.promotions
        let bundles = reader.array("bundles.json", required: false, decode: BundleDecoder.decode)
        let configurators = reader.array("configurators.json", required: false) {
            ConfiguratorDecoder.decode($0, regionCurrencies: currencies)
        }
        var taxonomy = reader.json("taxonomy.json", required: false).flatMap(TaxonomyDecoder.decode)
            ?? Taxonomy(location: SourceLocation(file: source.displayPath("taxonomy.json")))
        // Names a feed brings (its product_type levels and custom labels) fill in what taxonomy.json does not name.
        for (kind, names) in [merchant.names, shopify.names].flatMap({ $0 }) {
            for (id, name) in names where taxonomy.names[kind]?[id] == nil { taxonomy.names[kind, default: [:]][id] = name }
        }
        var orders = reader.csvRecords("orders.csv") { (rows, log) throws(CSVSyntaxError) in
            try OrdersDecoder.decode(&rows, file: source.displayPath("orders.csv"), log: log)
        } ?? []
        if let customers = reader.csv("customers.csv").map({
            CustomersDecoder.decode($0, file: source.displayPath("customers.csv"), log: log)
        }) {
            // The segment at ordering time, when the orders give it, wins over the customer's current one.
            let segments = customers.mapValues { ($0.id, Order.Elsewhere(segment: $0.location)) }
            for index in orders.indices where orders[index].segmentID == nil {
                if let customer = orders[index].customer, let (segment, location) = segments[customer] {
                    orders[index].setSegment(segment, at: location)
                }
            }
        }

        let priceHistory = reader.csv("price-history.csv").map {
            PriceHistoryDecoder.decode($0, file: source.displayPath("price-history.csv"), regions: regions, log: log)
        } ?? PriceHistory()

        reportDuplicates(products.map { ($0.id, $0.location) }, kind: "product", log: log)
        reportDuplicates(regions.map { ($0.id, $0.location) }, kind: "region", log: log)
        reportDuplicates(segments.map { ($0.id, $0.location) }, kind: "segment", log: log)
        reportDuplicates(promotions.map { ($0.id, $0.location) }, kind: "promotion", log: log)
        reportDuplicates(bundles.map { ($0.id, $0.location) }, kind: "bundle", log: log)
        reportDuplicates(configurators.map { ($0.product.id, $0.product.location) }, kind: "configurator product", log: log)

        guard let site, !log.hasErrors else { return (nil, log.sorted) }
        let content = StoreContent(
            site: site, products: products.sorted { $0.id < $1.id }, segments: segments, regions: regions,
            locales: locales, promotions: promotions, bundles: bundles, orders: orders,
            taxonomy: taxonomy, priceHistory: priceHistory,
            configurators: configurators.sorted { $0.product.id < $1.product.id })
        return (content, log.sorted)
    }

    private static func reportDuplicates(_ items: [(String, SourceLocation)], kind: String, log: DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let earlier = first[id] {
                let place = earlier.file == location.file ? "line \(earlier.line)" : "\(earlier.file):\(earlier.line)"
                log.add(location.error("duplicate \(kind) id '\(id)' (first defined at \(place))"))
            } else {
                first[id] = location
            }
        }
    }

    /// Reads files from the source, reporting missing files and syntax errors at their position.
    private struct Reader {
        let source: SourceFiles
        let log: DiagnosticLog

        /// A file's bytes and its path as diagnostics show it; nil, reported when `required`, when it is missing.
        func file(_ path: String, required: Bool) -> (bytes: [UInt8], display: String)? {
            let display = source.displayPath(path)
            guard let bytes = source.files[path] else {
                if required { log.add(Diagnostic(file: display, message: "file not found")) }
                return nil
            }
            return (bytes, display)
        }

        func json(_ path: String, required: Bool) -> Field? {
            guard let (bytes, display) = file(path, required: required) else { return nil }
            do {
                return Field(node: try JSON.parse(bytes), path: "", file: display, log: log)
            } catch {
                report(error, in: path)
                return nil
            }
        }

        /// Decodes a file holding an array; each element's path is `<file name>[i]` (`promotions[2]`).
        ///
        /// Each element is decoded as soon as it is parsed and its tree dropped, so a large catalog is never held
        /// as a whole tree of positioned values. What the elements' decoding reports is kept apart until the whole
        /// file has parsed: a file with a syntax error reports that error alone and decodes to nothing.
        ///
        /// `aside` decodes the elements on other cores while the file is parsed, a few dozen at a time, with only
        /// so many waiting at once: for a catalog, whose decoding costs more than its parse. The values and what
        /// their decoding reports are the same, in the same order.
        func array<T: Sendable>(
            _ path: String, required: Bool, aside: Bool = false, decode: @escaping @Sendable (Field) -> T?
        ) -> [T] {
            guard let (bytes, display) = file(path, required: required) else { return [] }
            let name = String(path.split(separator: "/").last!.dropLast(".json".count))
            let batches = DecodedBatches<T>()
            let waiting = DispatchSemaphore(value: 4)
            let decoding = DispatchGroup()
            var batch: [JSONNode] = []
            var first = 0
            func send() {
                let (nodes, start, number) = (batch, first, batches.reserve())
                batch = []
                first += nodes.count
                let work: @Sendable () -> Void = {
                    let log = DiagnosticLog()
                    let values = nodes.indices.compactMap { offset in
                        decode(Field(node: nodes[offset], path: "\(name)[\(start + offset)]", file: display, log: log))
                    }
                    batches.store(number, values: values, diagnostics: log.diagnostics)
                }
                guard aside else { return work() }
                waiting.wait()
                DispatchQueue.global().async(group: decoding) {
                    work()
                    waiting.signal()
                }
            }
            do {
                defer { decoding.wait() }
                let whole = try JSON.parse(bytes) { element in
                    batch.append(element)
                    if !aside || batch.count == DecodedBatches<T>.size { send() }
                }
                if !batch.isEmpty { send() }
                if let whole {
                    // Not an array: reported as one, as for any other field.
                    let named = Field(node: whole, path: name, file: display, log: log)
                    return (named.elements ?? []).compactMap(decode)
                }
            } catch {
                report(error, in: path)
                return []
            }
            let (values, diagnostics) = batches.all
            log.add(contentsOf: diagnostics)
            return values
        }

        func csv(_ path: String) -> CSVTable? {
            guard let bytes = source.files[path] else { return nil }
            do {
                return try CSV.parse(bytes)
            } catch {
                report(error, in: path)
                return nil
            }
        }

        /// Reads a CSV file record by record; a syntax error anywhere is reported alone, as for `csv(_:)`.
        func csvRecords<T>(
            _ path: String, decode: (inout CSVReader, DiagnosticLog) throws(CSVSyntaxError) -> T
        ) -> T? {
            guard let bytes = source.files[path] else { return nil }
            let rows = DiagnosticLog()
            do {
                var reader = try CSVReader(bytes: bytes)
                let value = try decode(&reader, rows)
                log.add(contentsOf: rows.diagnostics)
                return value
            } catch {
                report(error, in: path)
                return nil
            }
        }

        private func report(_ error: SyntaxError, in path: String) {
            var diagnostic = Diagnostic(
                file: source.displayPath(path), line: error.position.line, column: error.position.column,
                message: error.message)
            diagnostic.excerpt = source.files[path].flatMap { SourceExcerpt.excerpt(of: $0, at: error.position) }
            log.add(diagnostic)
        }
    }
}

/// The decoded batches of `Reader.array(_:required:aside:decode:)`, each stored by the thread that decoded it and
/// read back in the file's order.
private final class DecodedBatches<T>: @unchecked Sendable {
    // @unchecked: `batches` is read and written only while holding `lock`.
    /// Elements per batch: enough to outweigh handing a batch over, few enough that both cores have work early.
    static var size: Int { 32 }

    private let lock = NSLock()
    private var batches: [(values: [T], diagnostics: [Diagnostic])?] = []

    /// A number for the next batch, in the file's order.
    func reserve() -> Int {
        lock.withLock {
            batches.append(nil)
            return batches.count - 1
        }
    }

    func store(_ number: Int, values: [T], diagnostics: [Diagnostic]) {
        lock.withLock { batches[number] = (values, diagnostics) }
    }

    /// Every batch's values and diagnostics, in order; called once every batch is stored.
    var all: (values: [T], diagnostics: [Diagnostic]) {
        lock.withLock {
            (batches.flatMap { $0!.values }, batches.flatMap { $0!.diagnostics })
        }
    }
}
