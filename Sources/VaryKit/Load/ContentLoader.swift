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
            products += reader.array(path, required: false) { ProductDecoder.decode($0, regionCurrencies: currencies) }
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
        /// Elements are decoded in batches while the file is still being parsed, the batches on other threads
        /// (a few at a time, so that a large catalog is never held as a whole tree of positioned values), and put
        /// back in file order with what decoding them reported. That report is kept apart until the whole file has
        /// parsed: a file with a syntax error reports that error alone and decodes to nothing.
        func array<T: Sendable>(_ path: String, required: Bool, decode: @escaping @Sendable (Field) -> T?) -> [T] {
            guard let (bytes, display) = file(path, required: required) else { return [] }
            let name = String(path.split(separator: "/").last!.dropLast(".json".count))
            let batches = BatchDecoder(name: name, file: display, decode: decode)
            do {
                let whole = try JSON.parse(bytes) { element in batches.add(element) }
                if let whole {
                    // Not an array: reported as one, as for any other field.
                    let named = Field(node: whole, path: name, file: display, log: log)
                    return (named.elements ?? []).compactMap(decode)
                }
            } catch {
                batches.finish()
                report(error, in: path)
                return []
            }
            let (values, diagnostics) = batches.finish()
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

/// Decodes the elements of an array as they are parsed, in batches of consecutive elements: each full batch on a
/// worker thread while parsing goes on, at most a few batches at a time, the last one on the calling thread.
private final class BatchDecoder<T: Sendable>: @unchecked Sendable {
    // @unchecked: `results` is only touched while holding `lock`; the rest only by the parsing thread.
    private let name: String
    private let file: String
    private let decode: @Sendable (Field) -> T?
    private var pending: [(index: Int, node: JSONNode)] = []
    private var count = 0
    private var results: [Int: (values: [T], diagnostics: [Diagnostic])] = [:]
    private let lock = NSLock()
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 4)

    /// Elements per batch: enough that handing a batch to a thread costs little against decoding it.
    private static var batchSize: Int { 64 }

    init(name: String, file: String, decode: @escaping @Sendable (Field) -> T?) {
        self.name = name
        self.file = file
        self.decode = decode
    }

    func add(_ element: JSONNode) {
        pending.append((count, element))
        count += 1
        guard pending.count == Self.batchSize else { return }
        let batch = pending, number = count / Self.batchSize - 1
        pending = []
        slots.wait()
        DispatchQueue.global().async(group: group) {
            let result = self.decoded(batch)
            self.lock.withLock { self.results[number] = result }
            self.slots.signal()
        }
    }

    /// Every decoded value in file order, with what decoding reported in the same order.
    @discardableResult
    func finish() -> (values: [T], diagnostics: [Diagnostic]) {
        let last = decoded(pending)
        pending = []
        group.wait()
        var values: [T] = []
        values.reserveCapacity(count)
        var diagnostics: [Diagnostic] = []
        lock.withLock {
            for number in 0..<(count / Self.batchSize) {
                values += results[number]!.values
                diagnostics += results[number]!.diagnostics
            }
            results = [:]
        }
        return (values + last.values, diagnostics + last.diagnostics)
    }

    private func decoded(_ batch: [(index: Int, node: JSONNode)]) -> (values: [T], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let values = batch.compactMap { element in
            decode(Field(node: element.node, path: "\(name)[\(element.index)]", file: file, log: log))
        }
        return (values, log.diagnostics)
    }
}
