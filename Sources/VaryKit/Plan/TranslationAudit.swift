import DataFormats
import Foundation
import Intl

/// Which shopper-visible texts each page locale shows in its own language and which by falling back to another
/// (or, for taxonomy names, to a readable form of the id), with the pages that can show each.
///
/// It is computed from the content and the plan, before rendering, so it is the same on every build of the
/// same input and `failOnFallback` can stop a build before anything is written. A text "can show" on: every
/// page of its locale (messages, Vary's texts, region texts, segment names), the landings of the segments an
/// item targets plus its own page (promotions, bundles, segment headlines), or the landings plus the promotion
/// and bundle pages that hold it (products and their category and tag names; seasons on the landings); a
/// configurator's labels on its own pages.
public struct TranslationAudit: Sendable {
    /// Texts of one kind in one locale: how many resolved in the page's language, how many by fallback, and how
    /// many taxonomy ids have no name anywhere.
    public struct Completeness: Sendable, Hashable, Codable {
        public var exact = 0
        public var fallback = 0
        public var missing = 0
    }

    /// Per page locale, per kind of text (`messages`, `vary`, `products`, `categories`…).
    public var completeness: [String: [String: Completeness]] { results.completeness }
    /// One warning per fallen-back text, with its locales and page count, sorted.
    public var diagnostics: [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        appendDiagnostics(to: &diagnostics)
        return diagnostics.sorted()
    }

    /// Appends the warnings of `diagnostics`, unsorted, without an array of their own (they are tens of megabytes
    /// for a large store that lacks translations).
    func appendDiagnostics(to diagnostics: inout [Diagnostic]) {
        diagnostics.reserveCapacity(diagnostics.count + results.fallbacks.count)
        // Most warnings name one of a few sets of locales: each set's list is laid out once, up to a few megabytes
        // of lists kept, so that a store whose warnings name many sets holds no second copy of them all.
        var lists: [[UInt64]: [UInt8]] = [:]
        var room = 1 << 22
        for fallback in results.fallbacks.values {
            diagnostics.append(fallback.diagnostic { set in
                if let known = lists[set.words] { return known }
                var list: [UInt8] = []
                for (index, number) in set.numbers.enumerated() {
                    if index > 0 { list += ", ".utf8 }
                    list += tags[number].utf8
                }
                if list.count <= room {
                    room -= list.count
                    lists[set.words] = list
                }
                return list
            })
        }
    }

    private let results: Results
    /// The page locales, sorted: `TagSet` holds their numbers.
    private let tags: [String]

    private struct Results {
        var completeness: [String: [String: Completeness]] = [:]
        var fallbacks: [FallbackKey: Fallback] = [:]

        /// Adds another part's results: its locales' counts (a locale is counted in one part only), and its
        /// warnings' locales and pages.
        mutating func add(_ part: Results) {
            completeness.merge(part.completeness) { mine, _ in mine }
            for (key, fallback) in part.fallbacks {
                guard var known = fallbacks.removeValue(forKey: key) else {
                    fallbacks[key] = fallback
                    continue
                }
                known.tags.formUnion(fallback.tags)
                known.pages += fallback.pages
                fallbacks[key] = known
            }
        }
    }

    /// A set of page locales by number, one bit each: a text may fall back in hundreds of them.
    private struct TagSet {
        var words: [UInt64] = []

        mutating func insert(_ number: Int) {
            let word = number / 64
            if words.count <= word { words += [UInt64](repeating: 0, count: word + 1 - words.count) }
            words[word] |= 1 << UInt64(number % 64)
        }

        mutating func formUnion(_ other: TagSet) {
            if words.count < other.words.count { words += [UInt64](repeating: 0, count: other.words.count - words.count) }
            for (index, word) in other.words.enumerated() { words[index] |= word }
        }

        /// The numbers in the set, ascending.
        var numbers: [Int] {
            var numbers: [Int] = []
            for (index, word) in words.enumerated() {
                var rest = word
                while rest != 0 {
                    numbers.append(index * 64 + rest.trailingZeroBitCount)
                    rest &= rest - 1
                }
            }
            return numbers
        }
    }

    private struct FallbackKey: Hashable {
        var location: SourceLocation
        var used: String
    }

    private struct Fallback {
        var location: SourceLocation
        var used: String
        var tags = TagSet()
        var pages = 0
        var shownAs: String?

        /// The warning, naming its locales as `list` lays out a set of them: their tags in the order of their
        /// numbers (the audit's locales are sorted), joined by ", ".
        func diagnostic(list: (TagSet) -> [UInt8]) -> Diagnostic {
            let count = "(\(pages) \(pages == 1 ? "page" : "pages"))"
            if let shownAs {
                return location.warning("no name in any locale, shown as '\(shownAs)' \(count)")
            }
            let tags = list(self.tags)
            let tail = ", used \(used) \(count)".utf8
            // Laid out in storage of its own size: an interpolated text keeps the capacity it grew to, up to twice
            // its length, and a build holds thousands of these (kilobytes each) until it ends.
            var message: [UInt8] = []
            message.reserveCapacity(12 + tags.count + tail.count)
            message += "no text for ".utf8
            message += tags
            message += tail
            return location.warning(String(decoding: message, as: UTF8.self))
        }
    }

    /// Audits every page locale of the plan. `localizers` are the build's own, reused for where
    /// each message came from; a tag without one gets its own.
    public init(content: StoreContent, pages: [PageSpec], bundles: [String: [PricedBundle]], now: Date, localesFile: String,
                localizers: Localizers? = nil) {
        let site = content.site
        let pageCounts = Dictionary(grouping: pages.filter { $0.region != nil && $0.locale != nil }) {
            PageLocaleKey(region: $0.region!, tag: $0.locale!)
        }
        let catalog = CatalogFacts(content: content)
        // Which products each promotion holds (by catalog position) does not depend on the locale.
        let promotionProducts = content.promotions.reduce(into: [String: [Int]]()) { products, promotion in
            products[promotion.id] = content.products.filter { promotion.appliesTo.contains($0) }.compactMap { catalog.indexByID[$0.id] }
        }
        // What depends only on the region (what it sells) is worked out once per region. The product texts depend
        // on the locale only through the keys products have texts for: a tag no product text has resolves every
        // product text as its language does, so they are worked out once per language (and per such tag). Those
        // groups are audited in parallel, each over its locales and their regions in order, into results of their
        // own: a locale's counts are in its group only, and the warnings groups share (a text that falls back in
        // several locales) add up the same in any order.
        let regions = Dictionary(content.regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regionIDs = Set(pageCounts.keys.map(\.region)).filter { regions[$0] != nil }.sorted()
        let stocks = parallelMap(regionIDs) { RegionStock(content: content, region: regions[$0]!, catalog: catalog) }
        let regionStock = Dictionary(uniqueKeysWithValues: zip(regionIDs, stocks))
        let byTag = Dictionary(grouping: pageCounts.keys.filter { regions[$0.region] != nil }, by: \.tag)
        let tags = byTag.keys.sorted()
        let tagNumbers = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let groups = Dictionary(grouping: tags) { catalog.textKeys.contains($0) ? $0 : LocaleTag.language($0) }
        let total = Total()
        _ = parallelMap(groups.keys.sorted()) { productTag -> Bool in
            let texts = ProductTexts(
                content: content, chain: LocaleChain(productTag, defaultTag: site.defaultLocale))
            var results = Results()
            var slotTags = [TagSet](repeating: TagSet(), count: texts.slots.count)
            var slotPages = [Int](repeating: 0, count: texts.slots.count)
            for tag in groups[productTag]! {
                let messages = Self.messages(
                    localizer: localizers?.any(ofTag: tag) ?? Localizer(content: content, tag: tag), localesFile: localesFile)
                var slots = SlotPages(count: texts.slots.count)
                for key in byTag[tag]!.sorted(by: { $0.region < $1.region }) {
                    var scope = LocaleScope(
                        results: results, tag: tag, number: tagNumbers[tag]!, defaultTag: site.defaultLocale, pages: pageCounts[key]!)
                    results = Results()  // the scope now holds the only reference, so it mutates in place
                    scope.slots = slots
                    slots = SlotPages(count: 0)
                    scope.audit(
                        content: content, region: regions[key.region]!, bundles: bundles[key.region] ?? [],
                        promotionProducts: promotionProducts, now: now, catalog: catalog, messages: messages, texts: texts,
                        stock: regionStock[key.region]!)
                    slots = scope.slots
                    results = scope.results
                }
                for slot in texts.slots.indices where slots.used[slot] {
                    slotTags[slot].insert(tagNumbers[tag]!)
                    slotPages[slot] += slots.pages[slot]
                }
            }
            // The product texts that fell back, with every page locale and page count they were found on.
            for slot in texts.slots.indices where !slotTags[slot].words.isEmpty {
                let key = texts.slots[slot]
                results.fallbacks[key, default: Fallback(location: key.location, used: key.used)].tags.formUnion(slotTags[slot])
                results.fallbacks[key]!.pages += slotPages[slot]
            }
            total.add(results)
            return true
        }
        self.results = total.results
        self.tags = tags
    }

    /// The results of the groups, added as each one finishes.
    private final class Total: @unchecked Sendable {
        // @unchecked: every access to `value` happens while holding `lock`.
        private let lock = NSLock()
        private var value = Results()

        func add(_ part: Results) { lock.withLock { value.add(part) } }

        var results: Results { lock.withLock { value } }
    }


    private struct PageLocaleKey: Hashable {
        var region: String
        var tag: String
    }

    /// The catalog by position, with what every locale and region asks of each product worked out once.
    private struct CatalogFacts: Sendable {
        let indexByID: [String: Int]
        let ancestry: [[String]]
        /// Every key the products' audited texts (title, description, image alt) have an entry for.
        let textKeys: Set<String>

        init(content: StoreContent) {
            indexByID = Dictionary(content.products.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            ancestry = content.products.map(\.categoryAncestry)
            var keys: Set<String> = []
            for product in content.products {
                keys.formUnion(product.title.entries.keys)
                keys.formUnion(product.description.entries.keys)
                keys.formUnion(product.image.alt.entries.keys)
            }
            textKeys = keys
        }
    }

    /// The products a region sells at a price, by catalog position, and the categories and tags among them.
    private struct RegionStock {
        let sellable: [Int]
        let isSellable: [Bool]
        let categories: Set<String>
        let tags: Set<String>

        init(content: StoreContent, region: Region, catalog: CatalogFacts) {
            var isSellable = [Bool](repeating: false, count: content.products.count)
            var sellable: [Int] = []
            var categories: Set<String> = []
            var tags: Set<String> = []
            // Through a buffer: a method of an array's element would copy the product first.
            content.products.withUnsafeBufferPointer { products in
                for index in products.indices where products[index].price(in: region) != nil && products[index].isSold(in: region.id) {
                    sellable.append(index)
                    isSellable[index] = true
                    categories.formUnion(catalog.ancestry[index])
                    tags.formUnion(products[index].tags)
                }
            }
            self.sellable = sellable
            self.isSellable = isSellable
            self.categories = categories
            self.tags = tags
        }
    }

    /// How a locale's messages resolved, as the audit records them.
    private typealias Messages = [(kind: String, exact: Bool, location: SourceLocation, used: String)]

    /// One locale's messages' resolutions, by message id.
    private static func messages(localizer: Localizer, localesFile: String) -> Messages {
        localizer.resolutions.sorted(by: { $0.key < $1.key }).map { id, resolution in
            let kind = BuiltInTexts.byID[id] != nil && resolution.location == nil ? "vary" : "messages"
            let location = resolution.location.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column, path: id) }
                ?? SourceLocation(file: localesFile, path: id)
            let used: String
            switch resolution.source {
            case .store(let key): used = key
            case .builtIn(let language): used = "Vary's \(language)"
            }
            return (kind, resolution.isExact, location, used)
        }
    }

    /// For every product, how many of its texts are in a locale's language and which fell back (as indexes into
    /// `slots`); the same for every locale whose chain resolves the products' texts alike.
    private struct ProductTexts {
        let productExact: [Int]
        let productSlots: [[Int]]
        let slots: [FallbackKey]

        init(content: StoreContent, chain: LocaleChain) {
            var productExact: [Int] = []
            var productSlots: [[Int]] = []
            var slots: [FallbackKey] = []
            productExact.reserveCapacity(content.products.count)
            productSlots.reserveCapacity(content.products.count)
            // By index, so that only the texts looked at are read, not every product copied.
            let products = content.products
            for index in products.indices {
                var exact = 0
                var fallen: [Int] = []
                func look(_ text: LocalizedText, _ field: String) {
                    let used = text.key(chain)
                    if chain.isExact(used) {
                        exact += 1
                        return
                    }
                    fallen.append(slots.count)
                    slots.append(FallbackKey(location: products[index].location.at(field, name: products[index].id), used: used))
                }
                look(products[index].title, "title")
                look(products[index].description, "description")
                look(products[index].image.alt, "image.alt")
                productExact.append(exact)
                productSlots.append(fallen)
            }
            self.productExact = productExact
            self.productSlots = productSlots
            self.slots = slots
        }
    }

    /// Per fallen-back product text of one locale (a slot of `ProductTexts`): whether any page shows it, and on how many.
    private struct SlotPages {
        var used: [Bool]
        var pages: [Int]

        init(count: Int) {
            used = [Bool](repeating: false, count: count)
            pages = [Int](repeating: 0, count: count)
        }
    }

    /// Audits one region and locale's pages into `results`.
    private struct LocaleScope {
        var results: Results
        var slots = SlotPages(count: 0)
        let tag: String
        /// The tag's number among the audit's page locales (`TagSet`).
        let number: Int
        let pages: [PageSpec]
        let landings: [PageSpec]
        let chain: LocaleChain

        init(results: Results, tag: String, number: Int, defaultTag: String, pages: [PageSpec]) {
            self.results = results
            self.tag = tag
            self.number = number
            chain = LocaleChain(tag, defaultTag: defaultTag)
            self.pages = pages
            landings = pages.filter { $0.kind == .landing }
        }

        func landings(for segments: [String]?, defaultSegment: String) -> Int {
            landings.filter { segments?.contains($0.segment ?? defaultSegment) ?? true }.count
        }

        func ownPages(_ kind: PageSpec.Kind, _ id: String) -> Int {
            pages.filter { $0.kind == kind && $0.item == id }.count
        }

        mutating func audit(
            content: StoreContent, region: Region, bundles: [PricedBundle], promotionProducts: [String: [Int]], now: Date,
            catalog: CatalogFacts, messages: Messages, texts: ProductTexts, stock: RegionStock
        ) {
            let all = pages.count
            let defaultSegment = content.site.defaultSegment.id

            for message in messages {
                record(message.kind, exact: message.exact, location: message.location, used: message.used, pages: all)
            }

            text(region.name, "regions", region.location, "name", pages: all)
            if let note = region.taxNote { text(note, "regions", region.location, "taxNote", pages: all) }
            for (index, event) in region.events.enumerated() {
                text(event.title, "regions", region.location, "events[\(index)].title", pages: all)
            }
            for segment in content.segments {
                text(segment.name, "segments", segment.location, "name", pages: all)
                let own = landings(for: [segment.id], defaultSegment: defaultSegment)
                text(segment.headline, "segments", segment.location, "hero.headline", pages: own)
                text(segment.subline, "segments", segment.location, "hero.subline", pages: own)
            }

            // By catalog position: how many pages other than the landings show each product.
            var productPages = [Int](repeating: 0, count: content.products.count)
            for promotion in content.promotions where Planner.hasPage(promotion, region: region.id, locale: tag, now: now) {
                let count = ownPages(.promotion, promotion.id) + landings(for: promotion.segments?.map(\.id), defaultSegment: defaultSegment)
                text(promotion.title, "promotions", promotion.location, "title", pages: count)
                text(promotion.message, "promotions", promotion.location, "message", pages: count)
                let own = ownPages(.promotion, promotion.id)
                for index in promotionProducts[promotion.id] ?? [] where own > 0 { productPages[index] += own }
            }
            for priced in bundles {
                let bundle = priced.bundle
                let count = ownPages(.bundle, bundle.id) + landings(for: bundle.segments?.map(\.id), defaultSegment: defaultSegment)
                text(bundle.title, "bundles", bundle.location, "title", pages: count)
                text(bundle.description, "bundles", bundle.location, "description", pages: count)
                for item in priced.items {
                    if let index = catalog.indexByID[item.product.id] { productPages[index] += ownPages(.bundle, bundle.id) }
                }
            }

            // A product page shows its own product (one page per product in this locale).
            for page in pages where page.kind == .product {
                if let index = catalog.indexByID[page.item ?? ""] { productPages[index] += 1 }
            }
            for configurator in content.configurators {
                let own = ownPages(.configure, configurator.product.id)
                guard own > 0 else { continue }
                if let index = catalog.indexByID[configurator.product.id] { productPages[index] += own }
                for group in configurator.groups {
                    text(group.label, "configurators", group.location, "label", pages: own)
                    for value in group.values {
                        text(value.label, "configurators", value.location, "label", pages: own)
                        if let image = value.image { text(image.alt, "configurators", value.location, "image.alt", pages: own) }
                    }
                }
            }
            // Every product the region sells is on every landing, and on the promotion and bundle pages that hold it.
            let base = landings.count
            var exact = 0, fallback = 0
            func count(_ index: Int, pages: Int) {
                exact += texts.productExact[index]
                for slot in texts.productSlots[index] {
                    fallback += 1
                    slots.used[slot] = true
                    slots.pages[slot] += pages
                }
            }
            let extra = productPages.indices.filter { productPages[$0] > 0 && stock.isSellable[$0] }
                .map { (index: $0, pages: base + productPages[$0]) }
            if base > 0 {
                for index in stock.sellable where productPages[index] == 0 { count(index, pages: base) }
            }
            for (index, pages) in extra { count(index, pages: pages) }
            if exact + fallback > 0 {
                results.completeness[tag, default: [:]]["products", default: Completeness()].exact += exact
                results.completeness[tag, default: [:]]["products", default: Completeness()].fallback += fallback
            }

            var categoryPages: [String: Int] = [:]
            var tagPages: [String: Int] = [:]
            if base > 0 {
                for path in stock.categories { categoryPages[path] = base }
                for id in stock.tags { tagPages[id] = base }
            }
            for (index, pages) in extra {
                for path in catalog.ancestry[index] { categoryPages[path] = max(categoryPages[path] ?? 0, pages) }
                for id in content.products[index].tags { tagPages[id] = max(tagPages[id] ?? 0, pages) }
            }
            for (path, count) in categoryPages { name(.categories, path, content.taxonomy, pages: count) }
            for (id, count) in tagPages { name(.tags, id, content.taxonomy, pages: count) }
            for season in region.seasons { name(.seasons, season, content.taxonomy, pages: landings.count) }
        }

        /// Records a localized text of an entity (`products[3]` at `location`, or `name` where it has no JSON path, as
        /// in a CSV row) under `field`.
        mutating func text(
            _ text: LocalizedText, _ kind: String, _ location: SourceLocation, _ field: String, pages: Int, name: String = ""
        ) {
            guard pages > 0 else { return }
            let used = text.key(chain)
            if chain.isExact(used) {
                results.completeness[tag, default: [:]][kind, default: Completeness()].exact += 1
                return
            }
            record(kind, exact: false, location: location.at(field, name: name), used: used, pages: pages)
        }

        /// Records a taxonomy id's name; a season without a season name may use its tag's.
        mutating func name(_ kind: Taxonomy.Kind, _ id: String, _ taxonomy: Taxonomy, pages: Int) {
            guard pages > 0 else { return }
            if let name = taxonomy.name(kind, id) ?? (kind == .seasons ? taxonomy.name(.tags, id) : nil) {
                var at = name.location
                at.path = "\(kind.rawValue).\(id)"
                let used = name.text.key(chain)
                record(kind.rawValue, exact: chain.isExact(used), location: at, used: used, pages: pages)
                return
            }
            results.completeness[tag, default: [:]][kind.rawValue, default: Completeness()].missing += 1
            var at = taxonomy.location
            at.path = "\(kind.rawValue).\(id)"
            results.fallbacks[FallbackKey(location: at, used: ""), default: Fallback(location: at, used: "", shownAs: Taxonomy.readable(id))]
                .pages += pages
        }

        mutating func record(_ kind: String, exact: Bool, location: SourceLocation, used: String, pages: Int) {
            if exact {
                results.completeness[tag, default: [:]][kind, default: Completeness()].exact += 1
                return
            }
            results.completeness[tag, default: [:]][kind, default: Completeness()].fallback += 1
            let key = FallbackKey(location: location, used: used)
            results.fallbacks[key, default: Fallback(location: location, used: used)].tags.insert(number)
            results.fallbacks[key]!.pages += pages
        }
    }
}

private extension SourceLocation {
    /// The location of one field of the entity written at `self` (`products[3].title`), or of `name.field` where
    /// it has no JSON path, as in a CSV row.
    func at(_ field: String, name: String) -> SourceLocation {
        var at = self
        let base = path.isEmpty ? name : path
        at.path = base.isEmpty ? field : "\(base).\(field)"
        return at
    }
}

// MARK: Reuse

extension TranslationAudit {
    /// A digest of everything the audit reads, for a build whose other inputs have the digest `rest`: the build key
    /// with the catalog files left out (`PageCache.BuildKey`), which covers the messages, the taxonomy, the regions,
    /// segments, promotions, bundles and configurators and the settings. Of the catalog the audit reads each
    /// product's id, where it is written, its audited texts (title, description, image alt), its category and tags
    /// (promotion scopes, taxonomy names) and the regions that sell it at a price; of the plan, its pages and each
    /// region's published bundles. Two builds with the same key audit alike: a build that changed only prices or
    /// stock counts takes the previous build's results (`init?(record:)`).
    static func key(content: StoreContent, pages: [PageSpec], bundles: [String: [PricedBundle]], rest: String) -> String {
        var bytes: [UInt8] = []
        func add(_ text: String) { ModelBytes.append(.string(text), to: &bytes) }
        func add(_ number: Int) { ModelBytes.append(.int(number), to: &bytes) }
        add(Self.recordVersion)
        add(rest)
        add(content.products.count)
        // The products' bytes in parts made side by side, joined in order: the same bytes as made one by one.
        let products = content.products, regions = content.regions
        let parts = min(8, max(1, products.count / 256))
        for part in parallelMap(Array(0..<parts), { part in
            keyBytes(of: products[products.count * part / parts ..< products.count * (part + 1) / parts], regions: regions)
        }) {
            bytes += part
        }
        add(pages.count)
        for page in pages { add(page.file) }
        for region in bundles.keys.sorted() {
            add(region)
            add(bundles[region]!.count)
            for priced in bundles[region]! {
                add(priced.bundle.id)
                add(priced.items.count)
                for item in priced.items { add(item.product.id) }
            }
        }
        return InputsHash.hex(bytes)
    }

    /// What `key` reads of each of `products`: its id and where it is written, its texts, category and tags, and
    /// the regions that sell it at a price.
    private static func keyBytes(of products: ArraySlice<Product>, regions: [Region]) -> [UInt8] {
        var bytes: [UInt8] = []
        func add(_ text: String) { ModelBytes.append(.string(text), to: &bytes) }
        func add(_ number: Int) { ModelBytes.append(.int(number), to: &bytes) }
        func add(_ text: LocalizedText) {
            add(text.entries.count)
            for key in text.entries.keys.sorted() {
                add(key)
                add(text.entries[key]!)
            }
        }
        for product in products {
            add(product.id)
            let at = product.location
            add(at.file)
            add(at.line)
            add(at.column)
            add(at.path)
            add(product.title)
            add(product.description)
            add(product.image.alt)
            add(product.category)
            add(product.tags.count)
            for tag in product.tags { add(tag) }
            for region in regions {
                add(product.price(in: region) != nil && product.isSold(in: region.id) ? 1 : 0)
            }
        }
        return bytes
    }

    /// Bumped whenever what the audit finds could change for the same key.
    private static let recordVersion = "translation audit 1"

    /// The results as the page cache keeps them, in one line without a line break: the record's version, the
    /// page locales, the counts, one record per warning in the warnings' sorted order (`RecordText`), and an end,
    /// so that a record cut short does not read as a shorter one.
    func record() -> [UInt8] {
        var line: [UInt8] = []
        RecordText.append(Self.recordVersion, to: &line)
        line.append(RecordText.record)
        for (index, tag) in tags.enumerated() {
            if index > 0 { line.append(RecordText.item) }
            RecordText.append(tag, to: &line)
        }
        line.append(RecordText.record)
        var first = true
        for tag in results.completeness.keys.sorted() {
            for (kind, counts) in results.completeness[tag]!.sorted(by: { $0.key < $1.key }) {
                if !first { line.append(RecordText.item) }
                first = false
                RecordText.append(fields: [tag, kind, String(counts.exact), String(counts.fallback), String(counts.missing)], to: &line)
            }
        }
        let fallbacks = results.fallbacks.values.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.location.path, $0.used)
                < ($1.location.file, $1.location.line, $1.location.column, $1.location.path, $1.used)
        }
        for fallback in fallbacks {
            line.append(RecordText.record)
            let at = fallback.location
            RecordText.append(fields: [
                at.file, String(at.line), String(at.column), at.path, fallback.used,
                fallback.tags.words.map { String($0) }.joined(separator: ","), String(fallback.pages),
                fallback.shownAs.map { "+" + $0 } ?? "-",
            ], to: &line)
        }
        line.append(RecordText.record)
        RecordText.append(Self.recordEnd, to: &line)
        return line
    }

    private static let recordEnd = "end"

    /// The results `record()` wrote; nil when `record` is not such a record (another version, damaged).
    init?(record: some Collection<UInt8>) {
        let records = RecordText.split(Array(record)[...], at: RecordText.record)
        guard records.count >= 4, RecordText.text(records[0]) == Self.recordVersion,
              RecordText.text(records[records.count - 1]) == Self.recordEnd
        else { return nil }
        var tags: [String] = []
        for item in records[1].isEmpty ? [] : RecordText.split(records[1], at: RecordText.item) {
            // In ascending order, as the audit keeps them: a warning lists its locales in the order of their numbers.
            guard let tag = RecordText.text(item), tags.last.map({ $0 < tag }) ?? true else { return nil }
            tags.append(tag)
        }
        var completeness: [String: [String: Completeness]] = [:]
        for item in records[2].isEmpty ? [] : RecordText.split(records[2], at: RecordText.item) {
            guard let fields = RecordText.fields(item), fields.count == 5, let exact = Int(fields[2]), let fallback = Int(fields[3]), let missing = Int(fields[4])
            else { return nil }
            completeness[fields[0], default: [:]][fields[1]] = Completeness(exact: exact, fallback: fallback, missing: missing)
        }
        var fallbacks: [FallbackKey: Fallback] = [:]
        fallbacks.reserveCapacity(records.count - 4)
        for item in records.dropFirst(3).dropLast() {
            guard let fields = RecordText.fields(item), fields.count == 8, let line = Int(fields[1]), let column = Int(fields[2]), let pages = Int(fields[6]),
                  let shown = fields[7].first, shown == "+" || shown == "-"
            else { return nil }
            let texts = fields[5].isEmpty ? [] : fields[5].split(separator: ",")
            let words = texts.compactMap { UInt64($0) }
            guard words.count == texts.count else { return nil }
            let set = TagSet(words: words)
            // A locale number beyond the record's locales would name none.
            guard set.numbers.allSatisfy({ $0 < tags.count }) else { return nil }
            let location = SourceLocation(file: fields[0], line: line, column: column, path: fields[3])
            fallbacks[FallbackKey(location: location, used: fields[4])] = Fallback(
                location: location, used: fields[4], tags: set, pages: pages,
                shownAs: shown == "+" ? String(fields[7].dropFirst()) : nil)
        }
        results = Results(completeness: completeness, fallbacks: fallbacks)
        self.tags = tags
    }
}

/// Texts in a one-line record: records, the items of a list and the fields of an item are separated by the ASCII
/// separators, which a text holds only escaped (`%1E`), with `%` itself and line breaks.
private enum RecordText {
    static let item: UInt8 = 0x1D
    static let record: UInt8 = 0x1E
    static let field: UInt8 = 0x1F

    static func append(_ text: String, to line: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case item, record, field, UInt8(ascii: "%"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                line.append(UInt8(ascii: "%"))
                line.append(hexDigit(byte >> 4))
                line.append(hexDigit(byte & 0xF))
            default:
                line.append(byte)
            }
        }
    }

    static func append(fields: [String], to line: inout [UInt8]) {
        for (index, text) in fields.enumerated() {
            if index > 0 { line.append(field) }
            append(text, to: &line)
        }
    }

    /// The parts of `bytes` between separators.
    static func split(_ bytes: ArraySlice<UInt8>, at separator: UInt8) -> [ArraySlice<UInt8>] {
        bytes.parts(separatedBy: separator)
    }

    /// A text `append` wrote; nil when an escape is malformed.
    static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        return PercentEncoding.decode(String(decoding: bytes, as: UTF8.self), strict: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The texts of an item's fields; nil when one of them is malformed.
    static func fields(_ item: ArraySlice<UInt8>) -> [String]? {
        var texts: [String] = []
        for part in split(item, at: field) {
            guard let text = text(part) else { return nil }
            texts.append(text)
        }
        return texts
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
