import DataFormats
import Foundation
import Intl

/// Reads Shopify product CSV exports (`catalog/shopify/*.csv`): rows grouped by `Handle` into products, whose variant
/// rows become variants and whose image-only rows add pictures.
struct ShopifyExports {
    static let folder = "catalog/shopify"

    var products: [Product] = []
    /// Display names of the categories (`Product Category` or `Type` levels) and tags the exports introduce.
    var names: [Taxonomy.Kind: [String: Taxonomy.Name]] = [:]

    /// The regions the export's plain price columns are for, and those its market columns name.
    struct Markets {
        var base: [Region]
        var all: [Region]
    }

    static func load(_ source: SourceFiles, site: Site?, regions: [Region], log: DiagnosticLog) -> ShopifyExports {
        var result = ShopifyExports()
        let paths = source.paths(under: folder, extension: "csv")
        guard !paths.isEmpty, let site else { return result }
        var base: [Region] = []
        for reference in site.shopifyRegions {
            if let region = regions.first(where: { $0.id == reference.id }) {
                base.append(region)
            } else {
                log.add(reference.location.error(
                    "unknown region '\(reference.id)'", hint: Suggestion.hint(for: reference.id, among: regions.map(\.id))))
            }
        }
        if site.shopifyRegions.isEmpty {
            log.add(site.location.error(
                "\(source.displayPath(paths[0])) is a Shopify export, but site.json names no regions for it",
                hint: "add \"shopify\": {\"regions\": [\"\(site.defaultRegion.id)\"]}"))
            return result
        }
        if let first = base.first, let other = base.first(where: { $0.currency != first.currency }) {
            log.add(site.shopifyRegions[0].location.error(
                "shopify.regions mixes currencies (\(first.id): \(first.currency.code), \(other.id): \(other.currency.code)); a Shopify export's Variant Price has one",
                hint: "list the other regions' prices as Price / <market> columns"))
            return result
        }
        for path in paths {
            let file = source.displayPath(path)
            do {
                let table = try CSV.parse(source.files[path] ?? [])
                var reader = ShopifyReader(file: file, table: table, base: base, regions: regions, log: log)
                reader.read()
                result.products += reader.products
                for (kind, names) in reader.names {
                    for (id, name) in names where result.names[kind]?[id] == nil { result.names[kind, default: [:]][id] = name }
                }
            } catch {
                var diagnostic = Diagnostic(file: file, line: error.position.line, column: error.position.column, message: error.message)
                diagnostic.excerpt = source.files[path].flatMap { SourceExcerpt.excerpt(of: $0, at: error.position) }
                log.add(diagnostic)
            }
        }
        return result
    }
}
