import DataFormats

/// The columns of a Shopify product export, by the names of both generations of Shopify's CSV (before and after
/// its 2024 template), matched without regard to case.
struct ShopifyColumns {
    /// A column Vary reads.
    enum Name: String, CaseIterable {
        case handle, title, body, vendor, productCategory, type, tags, published, status
        case option1Name, option1Value, option2Name, option2Value, option3Name, option3Value
        case sku, price, compareAtPrice, inventoryQuantity, barcode
        case imageSource, imagePosition, imageAlt, variantImage
        case unitTotalMeasure, unitTotalMeasureUnit, unitBaseMeasure, unitBaseMeasureUnit
    }

    /// Every name a column has had; the first is the older export's, the last the current one's.
    static let aliases: [Name: [String]] = [
        .handle: ["Handle"],
        .title: ["Title"],
        .body: ["Body (HTML)", "Body HTML", "Description"],
        .vendor: ["Vendor"],
        .productCategory: ["Standard Product Type", "Product Category"],
        .type: ["Custom Product Type", "Type"],
        .tags: ["Tags"],
        .published: ["Published", "Published on online store"],
        .status: ["Status"],
        .option1Name: ["Option1 Name"], .option1Value: ["Option1 Value"],
        .option2Name: ["Option2 Name"], .option2Value: ["Option2 Value"],
        .option3Name: ["Option3 Name"], .option3Value: ["Option3 Value"],
        .sku: ["Variant SKU", "SKU"],
        .price: ["Variant Price", "Price"],
        .compareAtPrice: ["Variant Compare At Price", "Compare-at price"],
        .inventoryQuantity: ["Variant Inventory Qty", "Inventory quantity"],
        .barcode: ["Variant Barcode", "Barcode"],
        .imageSource: ["Image Src", "Product image URL"],
        .imagePosition: ["Image Position"],
        .imageAlt: ["Image Alt Text"],
        .variantImage: ["Variant Image", "Variant image URL"],
        .unitTotalMeasure: ["Unit Price Total Measure", "Unit price total measure"],
        .unitTotalMeasureUnit: ["Unit Price Total Measure Unit", "Unit price total measure unit"],
        .unitBaseMeasure: ["Unit Price Base Measure", "Unit price base measure"],
        .unitBaseMeasureUnit: ["Unit Price Base Measure Unit", "Unit price base measure unit"],
    ]

    /// A per-market price column: `Price / <market>` (and `Compare At Price / <market>`, `Compare-at price / <market>`).
    struct MarketColumn {
        var index: Int
        var market: String
        var isCompareAt: Bool
        var position: TextPosition
    }

    private var indices: [Name: Int] = [:]
    private(set) var markets: [MarketColumn] = []

    init(_ table: CSVTable) {
        for (index, header) in table.header.enumerated() {
            let lower = header.trimmingCharacters(in: .whitespaces).lowercased()
            if let name = Self.aliases.first(where: { $0.value.contains { $0.lowercased() == lower } })?.key {
                if indices[name] == nil { indices[name] = index }
                continue
            }
            let parts = lower.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            let original = header.split(separator: "/", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
            let position = TextPosition(line: table.headerLine, column: 0)
            switch parts[0] {
            case "price": markets.append(MarketColumn(index: index, market: original, isCompareAt: false, position: position))
            case "compare at price", "compare-at price":
                markets.append(MarketColumn(index: index, market: original, isCompareAt: true, position: position))
            default: continue
            }
        }
    }

    func index(_ name: Name) -> Int? { indices[name] }

    /// A row's cell in a column, trimmed; empty when the export has no such column.
    func cell(_ name: Name, _ row: CSVRow) -> String {
        guard let index = indices[name], index < row.cells.count else { return "" }
        return row.cells[index].trimmingCharacters(in: .whitespaces)
    }

    /// Where a row's cell in a column starts (the row's start when the export has no such column).
    func position(_ name: Name, _ row: CSVRow) -> TextPosition {
        guard let index = indices[name], index < row.positions.count else { return TextPosition(line: row.line, column: 1) }
        return row.positions[index]
    }

    /// The option columns in order: (name, value) per option 1…3.
    static let options: [(Name, Name)] = [(.option1Name, .option1Value), (.option2Name, .option2Value), (.option3Name, .option3Value)]
}
