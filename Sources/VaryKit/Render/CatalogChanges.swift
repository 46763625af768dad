import DataFormats
import Dispatch
import Foundation
import Intl
import Mustache

/// The products a build changed since the previous one, when the catalog is all it changed: then a page none of
/// whose products changed and whose selection (`PageSelection`) is the one it had has the view model it had, and is
/// taken over without building it.
///
/// As for messages (`MessageChanges`), the previous build records its key with the bytes of the catalog files
/// (`catalog/*.json` and `catalog/*.csv`, not the Merchant Center feeds and Shopify exports, which also bring
/// promotions and names) left out, a digest of every product's loaded value (`digests(of:)`), and per page its
/// selection (`CatalogReads`). When this build's key without the catalog is the recorded one and the build-wide
/// part of the pages' inputs is too (the same planned pages and files: a product added or removed with product
/// pages plans other pages, and every page is built), the changed products are those whose digests differ, and
/// those added or removed. What a model takes from the catalog as a whole (ranking, popularity, bundles, cross-sell,
/// prior prices, promotion scopes) is in the selection, which every page works out again.
struct CatalogChanges: Sendable, Hashable {
    /// The ids of the products changed, added or removed.
    var changed: Set<String>
    /// The numbers in this build's `ProductTable` of the changed and added ones (a removed product has none: a
    /// page that showed one has no record in this build's numbers, `CatalogReads.pages(in:)`).
    var numbers: Set<Int32>
    /// Whether this build's ranking tables have the previous build's key (`BuildInputs.rankingKey`): then every
    /// product that did not change scores as it did on every page, so a landing page whose products did not change
    /// keeps its ranking when no changed product can enter it (`RankingRead`).
    var keepsScores: Bool

    init(from previous: [String: String], to current: [String: String], table: ProductTable, keepsScores: Bool = false) {
        var changed: Set<String> = []
        for (id, digest) in current where previous[id] != digest { changed.insert(id) }
        for id in previous.keys where current[id] == nil { changed.insert(id) }
        self.changed = changed
        numbers = Set(changed.compactMap(table.number))
        self.keepsScores = keepsScores
    }

    /// Whether a page showing the products numbered `products` shows a changed one.
    func reach(_ products: [Int32]) -> Bool {
        !numbers.isEmpty && products.contains(where: numbers.contains)
    }

    /// The catalog files of a content folder: those `ContentLoader` reads products from, and nothing else.
    static func files(of content: SourceFiles) -> Set<String> {
        let isFeed = { (path: String) in path.hasPrefix(MerchantFeeds.folder + "/") || path.hasPrefix(ShopifyExports.folder + "/") }
        return Set((content.paths(under: "catalog", extension: "json") + content.paths(under: "catalog", extension: "csv"))
            .filter { !isFeed($0) })
    }

    /// Per product id, a digest of the product as loaded (every field, in a deterministic encoding, without the
    /// places in the files it was read from, which no page shows).
    static func digests(of content: StoreContent) -> [String: String] {
        let products = content.products
        let digests = Digests(count: products.count)
        DispatchQueue.concurrentPerform(iterations: min(8, max(1, products.count / 64))) { part in
            let parts = min(8, max(1, products.count / 64))
            for index in stride(from: part, to: products.count, by: parts) {
                var bytes: [UInt8] = []
                StableBytes.append(product: products[index], to: &bytes)
                digests.set(index, InputsHash.hex(bytes))
            }
        }
        var result: [String: String] = [:]
        for (index, product) in products.enumerated() { result[product.id] = digests.values[index] }
        return result
    }

    private final class Digests: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [String]
        init(count: Int) { values = Array(repeating: "", count: count) }
        func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    }
}

/// A value as unambiguous bytes, found by reflection, so that every stored property counts, including those added
/// later: a tag per shape, lengths before contents, the members of dictionaries and sets in sorted order, and
/// `SourceLocation`s left out.
///
/// The leaves and containers a product is mostly made of are written without reflection, which costs a hundred
/// times more: each with a tag of its own, so they never read as another shape.
enum StableBytes {
    /// A product: its fields by name (`fields(of:)`), each as `append` writes it. The fields of every product's
    /// shape are written by their types, not cast from `Any` (a catalog's digests cost a fifth of what they did);
    /// a test holds these bytes to `reflectedBytes(of:)`'s.
    static func append(product: Product, to bytes: inout [UInt8]) {
        bytes.append(4)
        appendCount(26, to: &bytes)
        func field(_ label: String, _ write: (inout [UInt8]) -> Void) {
            appendText(label, to: &bytes)
            write(&bytes)
        }
        field("id") { appendString(product.id, to: &$0) }
        field("sku") { appendString(product.sku, to: &$0) }
        field("title") { members(15, product.title.entries, to: &$0, value: appendString) }
        field("description") { members(15, product.description.entries, to: &$0, value: appendString) }
        field("category") { appendString(product.category, to: &$0) }
        field("brand") { appendString(product.brand, to: &$0) }
        field("tags") { appendTexts(product.tags, to: &$0) }
        field("image") {
            leaf(18, product.image.src, to: &$0)
            members(15, product.image.alt.entries, to: &$0, value: appendString)
        }
        field("prices") { appendPrices(product.prices, to: &$0) }
        field("regionPrices") { appendPrices(product.regionPrices, to: &$0) }
        field("stock") { appendCounts(product.stock, to: &$0) }
        field("popularity") { leaf(7, String(product.popularity.bitPattern), to: &$0) }
        field("complements") { appendReferences(product.complements, to: &$0) }
        field("attributes") { appendPairs(product.attributes, to: &$0) }
        field("regionReferences") { appendReferences(product.regionReferences, to: &$0) }
        field("unitPricing") { product.unitPricing == nil ? $0.append(20) : append(product.unitPricing as Any, to: &$0) }
        field("compareAtPrices") { appendPrices(product.compareAtPrices, to: &$0) }
        field("regionCompareAtPrices") { appendPrices(product.regionCompareAtPrices, to: &$0) }
        field("options") { product.options.isEmpty ? appendEmpty(11, to: &$0) : append(product.options, to: &$0) }
        field("variants") { product.variants.isEmpty ? appendEmpty(11, to: &$0) : append(product.variants, to: &$0) }
        field("gtin") { appendOptional(product.gtin, to: &$0) }
        field("mpn") { appendOptional(product.mpn, to: &$0) }
        field("link") { appendOptional(product.link, to: &$0) }
        field("additionalImages") { appendTexts(product.additionalImages, to: &$0) }
        field("shipping") { appendPrices(product.shipping, to: &$0) }
        field("countsStock") { leaf(8, product.countsStock ? "1" : "0", to: &$0) }
    }

    /// A product as `append(_:to:)` writes its fields cast from `Any`: the reference `append(product:to:)` is held to.
    static func reflectedBytes(of product: Product) -> [UInt8] {
        var bytes: [UInt8] = []
        let fields = fields(of: product)
        bytes.append(4)
        appendCount(fields.count, to: &bytes)
        for (label, value) in fields {
            appendText(label, to: &bytes)
            append(value, to: &bytes)
        }
        return bytes
    }

    /// Every stored property of a product but where it was read, in declaration order; a test holds this list to
    /// the type's properties, so a property added later is not left out.
    static func fields(of product: Product) -> [(String, Any)] {
        [
            ("id", product.id), ("sku", product.sku), ("title", product.title), ("description", product.description),
            ("category", product.category), ("brand", product.brand), ("tags", product.tags), ("image", product.image),
            ("prices", product.prices), ("regionPrices", product.regionPrices), ("stock", product.stock),
            ("popularity", product.popularity), ("complements", product.complements), ("attributes", product.attributes),
            ("regionReferences", product.regionReferences), ("unitPricing", product.unitPricing as Any),
            ("compareAtPrices", product.compareAtPrices), ("regionCompareAtPrices", product.regionCompareAtPrices),
            ("options", product.options), ("variants", product.variants), ("gtin", product.gtin as Any),
            ("mpn", product.mpn as Any), ("link", product.link as Any), ("additionalImages", product.additionalImages),
            ("shipping", product.shipping), ("countsStock", product.countsStock),
        ]
    }

    static func append(_ value: Any, to bytes: inout [UInt8]) {
        switch value {
        case is SourceLocation: return bytes.append(0)
        case let text as String: return appendString(text, to: &bytes)
        // An absent optional of any type casts to `String?` (a present one that is not a string does not).
        case let absent as String? where absent == nil: return bytes.append(20)
        case let number as Int: return appendInt(number, to: &bytes)
        case let number as Double: return leaf(7, String(number.bitPattern), to: &bytes)
        case let flag as Bool: return leaf(8, flag ? "1" : "0", to: &bytes)
        case let money as Money: return appendMoney(money, to: &bytes)
        case let date as Date: return leaf(10, String(date.timeIntervalSinceReferenceDate.bitPattern), to: &bytes)
        case let text as LocalizedText: return members(15, text.entries, to: &bytes, value: appendString)
        case let reference as Reference: return leaf(16, reference.id, to: &bytes)
        case let image as ProductImage:
            leaf(18, image.src, to: &bytes)
            return members(15, image.alt.entries, to: &bytes, value: appendString)
        // An empty array casts to every array type: it is written by the first case, the same for every field.
        case let texts as [String]: return appendTexts(texts, to: &bytes)
        case let references as [Reference]: return appendReferences(references, to: &bytes)
        case let pairs as [(name: String, value: String)]: return appendPairs(pairs, to: &bytes)
        case let texts as [String: String]: return members(12, texts, to: &bytes, value: appendString)
        case let counts as [String: Int]: return appendCounts(counts, to: &bytes)
        case let prices as [String: Money]: return appendPrices(prices, to: &bytes)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            var members: [[UInt8]] = []
            for child in mirror.children {
                var member: [UInt8] = []
                append(child.value, to: &member)
                members.append(member)
            }
            members.sort { $0.lexicographicallyPrecedes($1) }
            bytes.append(1)
            appendCount(members.count, to: &bytes)
            for member in members {
                appendCount(member.count, to: &bytes)
                bytes += member
            }
        case .enum:
            bytes.append(2)
            // A case without a payload reflects no children; its description is its name.
            let name = mirror.children.first?.label ?? String(describing: value)
            appendText(name, to: &bytes)
            for child in mirror.children { append(child.value, to: &bytes) }
        default:
            if mirror.children.isEmpty {
                bytes.append(3)
                appendText(String(describing: type(of: value)), to: &bytes)
                appendText(String(describing: value), to: &bytes)
            } else {
                bytes.append(4)
                appendCount(Int(mirror.children.count), to: &bytes)
                for child in mirror.children {
                    appendText(child.label ?? "", to: &bytes)
                    append(child.value, to: &bytes)
                }
            }
        }
    }

    // Values as `append` writes them once cast: an empty collection casts to the first collection case it meets
    // (an array to `[String]`, a dictionary to `[String: String]`), and an absent optional to `String?`.
    private static func appendEmpty(_ tag: UInt8, to bytes: inout [UInt8]) {
        bytes.append(tag)
        appendCount(0, to: &bytes)
    }

    private static func appendTexts(_ texts: [String], to bytes: inout [UInt8]) {
        bytes.append(11)
        appendCount(texts.count, to: &bytes)
        for text in texts { appendText(text, to: &bytes) }
    }

    private static func appendReferences(_ references: [Reference], to bytes: inout [UInt8]) {
        if references.isEmpty { return appendEmpty(11, to: &bytes) }
        bytes.append(17)
        appendCount(references.count, to: &bytes)
        for reference in references { appendText(reference.id, to: &bytes) }
    }

    private static func appendPairs(_ pairs: [(name: String, value: String)], to bytes: inout [UInt8]) {
        if pairs.isEmpty { return appendEmpty(11, to: &bytes) }
        bytes.append(19)
        appendCount(pairs.count, to: &bytes)
        for pair in pairs {
            appendText(pair.name, to: &bytes)
            appendText(pair.value, to: &bytes)
        }
    }

    private static func appendCounts(_ counts: [String: Int], to bytes: inout [UInt8]) {
        counts.isEmpty ? appendEmpty(12, to: &bytes) : members(13, counts, to: &bytes, value: appendInt)
    }

    private static func appendPrices(_ prices: [String: Money], to bytes: inout [UInt8]) {
        prices.isEmpty ? appendEmpty(12, to: &bytes) : members(14, prices, to: &bytes, value: appendMoney)
    }

    private static func appendOptional(_ text: String?, to bytes: inout [UInt8]) {
        if let text { appendString(text, to: &bytes) } else { bytes.append(20) }
    }

    // The leaves as `append` writes them.
    private static func appendString(_ text: String, to bytes: inout [UInt8]) { leaf(5, text, to: &bytes) }
    private static func appendInt(_ number: Int, to bytes: inout [UInt8]) { leaf(6, String(number), to: &bytes) }
    private static func appendMoney(_ money: Money, to bytes: inout [UInt8]) {
        leaf(9, "\(money.minorUnits) \(money.currency.code)", to: &bytes)
    }

    private static func leaf(_ tag: UInt8, _ text: String, to bytes: inout [UInt8]) {
        bytes.append(tag)
        appendText(text, to: &bytes)
    }

    /// A dictionary keyed by text, its members in the order of their keys, each value as `value` writes it.
    private static func members<Member>(
        _ tag: UInt8, _ dictionary: [String: Member], to bytes: inout [UInt8],
        value: (Member, inout [UInt8]) -> Void
    ) {
        bytes.append(tag)
        appendCount(dictionary.count, to: &bytes)
        for (key, member) in dictionary.sorted(by: { $0.key < $1.key }) {
            appendText(key, to: &bytes)
            value(member, &bytes)
        }
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        appendCount(text.utf8.count, to: &bytes)
        bytes += text.utf8
    }

    private static func appendCount(_ count: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
    }
}

/// A build's products by number, their ids in sorted order: a page's products are recorded as a short sorted list
/// of these numbers rather than a set of ids (tens of megabytes for the pages of a large catalog).
struct ProductTable: Sendable, Hashable {
    let ids: [String]
    private let numbers: [String: Int32]

    init(ids: some Sequence<String>) {
        self.ids = Array(Set(ids)).sorted()
        var numbers: [String: Int32] = [:]
        for (position, id) in self.ids.enumerated() { numbers[id] = Int32(position) }
        self.numbers = numbers
    }

    func number(_ id: String) -> Int32? { numbers[id] }

    /// The sorted numbers of `ids`; nil when one is not in the table.
    func numbers(of ids: Set<String>) -> [Int32]? {
        var result: [Int32] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            guard let number = numbers[id] else { return nil }
            result.append(number)
        }
        return result.sorted()
    }
}

/// What the previous build recorded for `CatalogChanges`, in one line of the page cache: the key of that build,
/// its key without the catalog, the digest of the build-wide part of its pages' inputs, the key of its ranking
/// tables, its products' digests, and per page the digest of its selection, the products it showed and, on a landing
/// page, its ranking's digest and bound.
struct CatalogReads: Sendable, Hashable {
    struct Page: Sendable, Hashable {
        var digest: String
        /// The products the page shows, by their sorted numbers in the table of `products`' ids.
        var products: [Int32]
        /// A landing page's ranking (`PageSelection.ranking`).
        var ranking: RankingRead?
    }

    var key = ""
    var withoutCatalog = ""
    var context = ""
    /// The key of the build's ranking tables (`BuildInputs.rankingKey`).
    var ranking = ""
    var products: [String: String] = [:]
    var pages: [String: Page] = [:]

    static let prefix = "reads\t"
    // Separators no path, id or digest holds: a record with one is not written (it only costs the shortcut).
    private static let record: UInt8 = 0x1E, field: UInt8 = 0x1F, item: UInt8 = 0x1D

    /// The table the pages' numbers refer to: the ids of `products`.
    var table: ProductTable { ProductTable(ids: products.keys) }

    /// The line, without its end; nil when a text holds a separator or a line end.
    func line() -> [UInt8]? {
        let table = table
        var bytes = Array(Self.prefix.utf8)
        for part in [key, withoutCatalog, context, ranking] {
            bytes += part.utf8
            bytes.append(UInt8(ascii: "\t"))
        }
        for (position, id) in table.ids.enumerated() {
            if position > 0 { bytes.append(Self.record) }
            bytes += id.utf8
            bytes.append(Self.field)
            bytes += products[id]!.utf8
        }
        bytes.append(UInt8(ascii: "\t"))
        var first = true
        for path in pages.keys.sorted() {
            let page = pages[path]!
            if !first { bytes.append(Self.record) }
            first = false
            bytes += path.utf8
            bytes.append(Self.field)
            bytes += page.digest.utf8
            bytes.append(Self.field)
            for (position, number) in page.products.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += String(number).utf8
            }
            bytes.append(Self.field)
            bytes += (page.ranking?.digest ?? "").utf8
            bytes.append(Self.field)
            bytes += (page.ranking.map { String($0.bound.bitPattern) } ?? "").utf8
        }
        let texts = [key, withoutCatalog, context, ranking] + table.ids + products.values + Array(pages.keys)
            + pages.values.map(\.digest) + pages.values.compactMap(\.ranking?.digest)
        guard !texts.contains(where: { $0.utf8.contains { $0 < 0x20 } }) else { return nil }
        return bytes
    }

    /// The record of a line `line()` wrote (with its prefix), or nil.
    init?(line: Data.SubSequence) {
        guard line.starts(with: Self.prefix.utf8) else { return nil }
        // Split as an array's bytes: slicing `Data` is several times slower, and a line holds every page's reads.
        let bytes = [UInt8](line.dropFirst(Self.prefix.utf8.count))
        let parts = bytes[...].parts(separatedBy: UInt8(ascii: "\t"))
        guard parts.count == 6 else { return nil }
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        key = text(parts[0])
        withoutCatalog = text(parts[1])
        context = text(parts[2])
        ranking = text(parts[3])
        var count: Int32 = 0
        for entry in parts[4].parts(separatedBy: Self.record, omittingEmpty: true) {
            let fields = entry.parts(separatedBy: Self.field)
            guard fields.count == 2 else { return nil }
            products[text(fields[0])] = text(fields[1])
            count += 1
        }
        guard products.count == count else { return nil }
        for entry in parts[5].parts(separatedBy: Self.record, omittingEmpty: true) {
            let fields = entry.parts(separatedBy: Self.field)
            guard fields.count == 5 else { return nil }
            var read: [Int32] = []
            for number in fields[2].parts(separatedBy: UInt8(ascii: ","), omittingEmpty: true) {
                // In the table, and after the one before: the numbers are sorted.
                guard let value = Self.number(number), (0..<count).contains(value), read.last.map({ $0 < value }) ?? true
                else { return nil }
                read.append(value)
            }
            // A ranking is its digest and its bound, both or neither.
            guard fields[3].isEmpty == fields[4].isEmpty else { return nil }
            var ranking: RankingRead?
            if !fields[3].isEmpty {
                guard let bits = UInt64(text(fields[4])) else { return nil }
                ranking = RankingRead(digest: text(fields[3]), bound: Double(bitPattern: bits))
            }
            pages[text(fields[0])] = Page(digest: text(fields[1]), products: read, ranking: ranking)
        }
    }

    /// The number `digits` spell, as `Int32(_:)` reads their text, without making a text of the digits `line()` writes.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int32? {
        let zero = UInt8(ascii: "0")
        guard (1...9).contains(digits.count), digits.allSatisfy({ (zero...zero + 9).contains($0) }) else {
            return Int32(String(decoding: digits, as: UTF8.self))
        }
        return digits.reduce(0) { $0 * 10 + Int32($1 - zero) }
    }

    /// The pages with their products numbered in `current` instead of this record's table; a page that showed a
    /// product `current` does not have (one removed since) is left out, so it is built.
    func pages(in current: ProductTable) -> [String: Page] {
        let own = table
        guard own.ids != current.ids else { return pages }
        let renumbered = own.ids.map(current.number)
        var result: [String: Page] = [:]
        for (path, page) in pages {
            let numbers = page.products.map { renumbered[Int($0)] }
            guard !numbers.contains(nil) else { continue }
            result[path] = Page(digest: page.digest, products: numbers.map { $0! }.sorted(), ranking: page.ranking)
        }
        return result
    }

    init(
        key: String, withoutCatalog: String, context: String, ranking: String, products: [String: String], pages: [String: Page]
    ) {
        self.key = key
        self.withoutCatalog = withoutCatalog
        self.context = context
        self.ranking = ranking
        self.products = products
        self.pages = pages
    }
}

/// The top-level names of the view model a page template can read: the first part of every name a tag looks up,
/// in the page template and everything it includes, at any depth (a name inside a section is looked up in the
/// section's value first, then outwards up to the page's model, so it may read the model's member of that name),
/// except a name that a section around it always defines (`shadowing`). Nil when that cannot be told: a dynamic
/// partial or parent, a template that cannot be read, or the implicit iterator (`.`) outside every section, which
/// is the whole model.
enum TemplateRoots {
    /// Per page template, the model's top-level sections whose value always has these members: a product page's
    /// `product` has its own `bundles` (`ProductPageModel`), so `{{#bundles}}` inside it never reads the model's.
    static let shadowing: [String: [String: Set<String>]] = ["pages/product": ["product": ["bundles"]]]

    static func names(templates: SourceFiles) -> [String: Set<String>?] {
        var syntax: [String: [TemplateNode]] = [:]
        for path in TemplateChanges.files(of: templates) {
            if let text = templates.files[path].flatMap({ String(validating: $0, as: UTF8.self) }),
               let nodes = TemplateLibrary.syntax(of: text) {
                syntax[TemplateChanges.name(path)] = nodes
            }
        }
        var result: [String: Set<String>?] = [:]
        for page in syntax.keys where page.hasPrefix("pages/") {
            var walk = Walk(syntax: syntax, shadowing: shadowing[page] ?? [:])
            result[page] = walk.template(page, Scope()) ? walk.names : nil
        }
        return result
    }

    /// Where a tag is: inside a section or not, and the names the sections around it always define.
    private struct Scope: Hashable {
        var inSection = false
        var shadowed: Set<String> = []
    }

    private struct Walk {
        let syntax: [String: [TemplateNode]]
        let shadowing: [String: Set<String>]
        var names: Set<String> = []
        /// The templates walked, with their scope.
        var seen: Set<[AnyHashable]> = []

        init(syntax: [String: [TemplateNode]], shadowing: [String: Set<String>]) {
            self.syntax = syntax
            self.shadowing = shadowing
        }

        /// Adds the names `template` reads; false when they cannot be told.
        mutating func template(_ name: String, _ scope: Scope) -> Bool {
            guard seen.insert([name, scope]).inserted else { return true }
            guard let nodes = syntax[name] else { return false }
            return walk(nodes, scope)
        }

        private mutating func read(_ name: String, _ scope: Scope) -> Bool {
            if name == "." { return scope.inSection }
            let first = String(name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            if !scope.shadowed.contains(first) { names.insert(first) }
            return true
        }

        private mutating func walk(_ nodes: [TemplateNode], _ scope: Scope) -> Bool {
            for node in nodes {
                switch node {
                case .text: continue
                case .variable(let name, _, _):
                    guard read(name, scope) else { return false }
                case .section(let name, let inverted, let body, _):
                    guard read(name, scope) else { return false }
                    // An inverted section renders its body in the context around it.
                    var inner = scope
                    if !inverted {
                        // Only a section of the model itself is known by its name.
                        if !scope.inSection, let defined = shadowing[name] { inner.shadowed.formUnion(defined) }
                        inner.inSection = true
                    }
                    guard walk(body, inner) else { return false }
                case .block(_, let body, _):
                    guard walk(body, scope) else { return false }
                case .partial(let name, _):
                    guard let name, template(name, scope) else { return false }
                case .parent(let name, let blocks, _):
                    guard let name, template(name, scope) else { return false }
                    for block in blocks where !walk(block.body, scope) { return false }
                }
            }
            return true
        }
    }
}
