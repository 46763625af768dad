import DataFormats
import Foundation
import Intl

/// One Shopify export read into products.
struct ShopifyReader {
    let file: String
    let table: CSVTable
    let base: [Region]
    let regions: [Region]
    let log: DiagnosticLog
    private let columns: ShopifyColumns
    /// Market columns with the region each names.
    private var marketRegions: [(column: ShopifyColumns.MarketColumn, region: Region)] = []

    private(set) var products: [Product] = []
    private(set) var names: [Taxonomy.Kind: [String: Taxonomy.Name]] = [:]

    init(file: String, table: CSVTable, base: [Region], regions: [Region], log: DiagnosticLog) {
        self.file = file
        self.table = table
        self.base = base
        self.regions = regions
        self.log = log
        columns = ShopifyColumns(table)
    }

    private func location(_ row: CSVRow, _ column: ShopifyColumns.Name) -> SourceLocation {
        let position = columns.position(column, row)
        let header = columns.index(column).map { table.header[$0] } ?? column.rawValue
        return SourceLocation(file: file, line: position.line, column: position.column, path: header)
    }

    mutating func read() {
        guard columns.index(.handle) != nil else {
            log.add(SourceLocation(file: file, line: table.headerLine, column: 1).error(
                "no Handle column: this is not a Shopify product export",
                hint: Suggestion.hint(for: table.header.first ?? "", among: ["Handle"])))
            return
        }
        for market in columns.markets {
            let wanted = market.market.lowercased()
            if let region = regions.first(where: { $0.id == wanted || $0.name.entries.values.contains { $0.lowercased() == wanted } }) {
                marketRegions.append((market, region))
            } else {
                let candidates = regions.map(\.id) + regions.flatMap { $0.name.entries.values }
                log.add(SourceLocation(file: file, line: table.headerLine, column: market.index + 1, path: table.header[market.index]).warning(
                    "market '\(market.market)' is no region's id or name: the column is ignored",
                    hint: Suggestion.hint(for: market.market, among: candidates)))
            }
        }
        var groups: [(handle: String, rows: [CSVRow])] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let handle = columns.cell(.handle, row)
            let title = columns.cell(.title, row)
            guard !handle.isEmpty else {
                log.add(location(row, .handle).error("row has no Handle"))
                continue
            }
            if let last = groups.last, last.handle == handle {
                groups[groups.count - 1].rows.append(row)
                continue
            }
            if title.isEmpty, let last = groups.last {
                log.add(location(row, .handle).error(
                    "Handle changes from '\(last.handle)' to '\(handle)' in the middle of a variant group (this row has no Title)",
                    hint: Suggestion.hint(for: handle, among: [last.handle]) ?? "give the row its product's Handle, or a Title if it starts a product"))
                continue
            }
            if let earlier = seen[handle] {
                log.add(location(row, .handle).error(
                    "Handle '\(handle)' already had its rows at line \(earlier); a product's rows must be together"))
                continue
            }
            seen[handle] = row.line
            groups.append((handle, [row]))
        }
        for group in groups {
            if let product = product(group.handle, group.rows) { products.append(product) }
        }
    }

    private mutating func product(_ handle: String, _ rows: [CSVRow]) -> Product? {
        let first = rows[0]
        guard let id = PathSafeID.make(handle) else {
            log.add(location(first, .handle).error("Handle \"\(handle)\" cannot be made a path-safe product id (it needs a letter or digit)"))
            return nil
        }
        let title = columns.cell(.title, first)
        guard !title.isEmpty else {
            log.add(location(first, .title).error("the first row of '\(handle)' has no Title"))
            return nil
        }
        // Unpublished and draft or archived products are not on the storefront.
        let published = columns.cell(.published, first).lowercased()
        let status = columns.cell(.status, first).lowercased()
        if published == "false" || (!status.isEmpty && status != "active") { return nil }

        let vendor = columns.cell(.vendor, first)
        if vendor.isEmpty { log.add(location(first, .vendor).error("'\(handle)' has no Vendor (its brand)")) }
        let categoryText = [columns.cell(.productCategory, first), columns.cell(.type, first)].first { !$0.isEmpty } ?? ""
        let levels = PathSafeID.levels(categoryText)
        let levelIDs = levels.compactMap(PathSafeID.make)
        if levelIDs.isEmpty || levelIDs.count != levels.count {
            log.add(location(first, .type).error("'\(handle)' has no Type or Product Category to be its category"))
        }
        for depth in levelIDs.indices where levelIDs.count == levels.count {
            addName(.categories, levelIDs[...depth].joined(separator: "/"), levels[depth], location(first, .type))
        }
        var tags: [String] = []
        for tag in columns.cell(.tags, first).split(separator: ",") {
            let text = tag.trimmingCharacters(in: .whitespaces)
            guard let tagID = PathSafeID.make(text), !tags.contains(tagID) else { continue }
            tags.append(tagID)
            addName(.tags, tagID, text, location(first, .tags))
        }
        var images: [(position: Int, src: String, alt: String, location: SourceLocation)] = []
        var variantRows: [CSVRow] = []
        for row in rows {
            let source = columns.cell(.imageSource, row)
            if !source.isEmpty {
                guard let url = safeURL(source, location(row, .imageSource)) else { continue }
                let position = Int(columns.cell(.imagePosition, row)) ?? images.count + 1
                images.append((position, url, columns.cell(.imageAlt, row), location(row, .imageSource)))
            }
            // An image-only row carries nothing but the image columns.
            let isVariant = row.line == first.line || !columns.cell(.sku, row).isEmpty || !columns.cell(.price, row).isEmpty
                || !columns.cell(.option1Value, row).isEmpty
            if isVariant { variantRows.append(row) }
        }
        images.sort { $0.position < $1.position }
        guard let image = images.first else {
            log.add(location(first, .imageSource).error("'\(handle)' has no image (Image Src)"))
            return nil
        }
        let options: [ProductOption] = ShopifyColumns.options.compactMap { nameColumn, _ in
            let name = columns.cell(nameColumn, first)
            return name.isEmpty ? nil : ProductOption(key: ProductOption.key(forName: name), name: LocalizedText(name))
        }
        var variants: [ProductVariant] = []
        for (number, row) in variantRows.enumerated() {
            if let variant = variant(row, number: number + 1, handle: handle, id: id, optionCount: options.count) {
                variants.append(variant)
            }
        }
        guard !vendor.isEmpty, !levelIDs.isEmpty, levelIDs.count == levels.count, !variants.isEmpty,
            variants.count == variantRows.count
        else { return nil }
        var product = Product(
            id: id, sku: variants[0].sku, title: LocalizedText(title),
            description: LocalizedText(Self.plainText(columns.cell(.body, first))),
            category: levelIDs.joined(separator: "/"), brand: vendor, tags: tags,
            image: ProductImage(src: image.src, alt: LocalizedText(image.alt.isEmpty ? title : image.alt), location: image.location),
            prices: [:], regionPrices: [:], stock: [:], popularity: 0, complements: [], attributes: [],
            location: SourceLocation(file: file, line: first.line, column: 1, path: "Handle \(handle)"),
            regionReferences: [])
        product.additionalImages = images.dropFirst().map(\.src)
        product.unitPricing = unitPricing(first)
        // "Title: Default Title" is how Shopify writes a product without options.
        let isSimple = variants.count == 1
            && (options.isEmpty || (options.count == 1 && options[0].key == "title"))
        if isSimple {
            let only = variants[0]
            product.regionPrices = only.regionPrices
            product.regionCompareAtPrices = only.regionCompareAtPrices
            product.stock = only.stock
            product.gtin = only.gtin
        } else {
            product.options = options
            product.variants = variants
            product.summarizeVariants()
        }
        return product
    }

    private func variant(_ row: CSVRow, number: Int, handle: String, id: String, optionCount: Int) -> ProductVariant? {
        let sku = columns.cell(.sku, row)
        let values = ShopifyColumns.options.prefix(optionCount).map { LocalizedText(columns.cell($0.1, row)) }
        var variant = ProductVariant(
            id: sku.isEmpty ? "\(id)-\(number)" : sku, sku: sku.isEmpty ? "\(id)-\(number)" : sku, optionValues: values,
            location: SourceLocation(file: file, line: row.line, column: 1, path: "Handle \(handle)"))
        let barcode = columns.cell(.barcode, row)
        variant.gtin = barcode.isEmpty ? nil : barcode
        let imageText = columns.cell(.variantImage, row)
        if !imageText.isEmpty, let url = safeURL(imageText, location(row, .variantImage)) {
            variant.image = ProductImage(src: url, alt: LocalizedText(values.map { $0.entries[""] ?? "" }.joined(separator: " / ")), location: location(row, .variantImage))
        }
        var valid = true
        let quantityText = columns.cell(.inventoryQuantity, row)
        var quantity = 1  // an untracked variant (no quantity) is available
        if !quantityText.isEmpty {
            if let count = Int(quantityText) {
                quantity = max(count, 0)  // Shopify exports oversold stock as a negative count
            } else {
                log.add(location(row, .inventoryQuantity).error("\"\(quantityText)\" is not a whole number"))
                valid = false
            }
        }
        let priceText = columns.cell(.price, row)
        if priceText.isEmpty {
            log.add(location(row, .price).error("variant row of '\(handle)' has no price"))
            valid = false
        }
        for region in base {
            if let price = money(priceText, region.currency, location(row, .price)) { variant.regionPrices[region.id] = price } else { valid = false }
            let compareText = columns.cell(.compareAtPrice, row)
            if !compareText.isEmpty, let compareAt = money(compareText, region.currency, location(row, .compareAtPrice)) {
                variant.regionCompareAtPrices[region.id] = compareAt
            }
            variant.stock[region.id] = quantity
        }
        for (column, region) in marketRegions where column.index < row.cells.count {
            let text = row.cells[column.index].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let at = SourceLocation(file: file, line: row.positions[column.index].line, column: row.positions[column.index].column, path: table.header[column.index])
            guard let money = money(text, region.currency, at) else { continue }
            if column.isCompareAt {
                variant.regionCompareAtPrices[region.id] = money
            } else {
                variant.regionPrices[region.id] = money
                variant.stock[region.id] = quantity
            }
        }
        return valid ? variant : nil
    }

    private func money(_ text: String, _ currency: Currency, _ at: SourceLocation) -> Money? {
        switch Money.parse(MerchantDecoder.trimmedZeros(text, exponent: currency.exponent), currency: currency) {
        case .success(let money) where money.minorUnits >= 0: return money
        case .success: log.add(at.error("\"\(text)\" is negative"))
        case .failure(let problem): log.add(at.error(problem.description))
        }
        return nil
    }

    private func safeURL(_ text: String, _ at: SourceLocation) -> String? {
        guard Field.isSafeURL(text), URLSpelling.problem(text) == nil else {
            log.add(at.error("\"\(text)\" is not a relative, https: or http: URL"))
            return nil
        }
        return text
    }

    private func unitPricing(_ row: CSVRow) -> FeedUnitPricing? {
        let total = columns.cell(.unitTotalMeasure, row), totalUnit = columns.cell(.unitTotalMeasureUnit, row)
        guard !total.isEmpty, !totalUnit.isEmpty else { return nil }
        let base = columns.cell(.unitBaseMeasure, row), baseUnit = columns.cell(.unitBaseMeasureUnit, row)
        return FeedUnitPricing(measure: "\(total) \(totalUnit)", baseMeasure: base.isEmpty || baseUnit.isEmpty ? nil : "\(base) \(baseUnit)")
    }

    private mutating func addName(_ kind: Taxonomy.Kind, _ id: String, _ text: String, _ location: SourceLocation) {
        if names[kind]?[id] == nil { names[kind, default: [:]][id] = Taxonomy.Name(text: LocalizedText(text), location: location) }
    }

    /// `Body (HTML)` as plain text: tags dropped, block ends as spaces, the common entities decoded.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; text.append(" "); continue }
            if !inTag { text.append(character) }
        }
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
