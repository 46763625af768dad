import Foundation
import Intl

/// The simulated store as the files of a `content/` folder.
extension SimulatedStore {
    /// File path under `content/` → its text.
    var files: [String: String] {
        [
            "site.json": site, "regions.json": regionsJSON, "segments.json": segmentsJSON,
            "catalog/products.json": catalogJSON, "locales/en.json": messages, "locales/de.json": messages,
            "locales/fr.json": messages, "orders.csv": ordersCSV,
        ]
    }

    /// Writes the files into `directory`, creating it.
    func write(to directory: URL) throws {
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    private var site: String {
        """
        {"name": "Simulated Outfitters", "baseURL": "https://sim.example.com", "defaultRegion": "de",
         "defaultSegment": "everyone", "defaultLocale": "en", "recommendations": 24}

        """
    }

    private var regionsJSON: String {
        let items = Self.regions.map { id, name, currency, locales, country in
            """
              {"id": "\(id)", "name": "\(name)", "countries": ["\(country)"], "currency": "\(currency)",
               "locales": [\(locales.map { "\"\($0)\"" }.joined(separator: ", "))]}
            """
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// What the merchant knows: each segment's main category and one tag.
    private var segmentsJSON: String {
        var items = [#"  {"id": "everyone", "name": "Everyone", "hero": {"headline": "Gear for every trail", "subline": "Picked for you"}}"#]
        for taste in tastes {
            items.append("""
                  {"id": "\(taste.id)", "name": "\(taste.name)", "hero": {"headline": "For \(taste.name.lowercased())", "subline": "Picked for you"},
                   "affinity": {"categories": {"\(Self.departments[taste.department])": 1.0}, "tags": {"\(Self.tagNames[taste.knownTag])": 0.8}}}
                """)
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    private var catalogJSON: String {
        let topAppeal = products.map(\.appeal).max() ?? 1
        let items = products.map { product -> String in
            let category = "\(Self.departments[product.department])/\(Self.subcategories[product.subcategory])"
            let stock = Self.regions.indices.filter { $0 != product.notSoldIn }.map { "\"\(Self.regions[$0].0)\": 20" }
            // The catalog's popularity field is the merchant's rough guess at appeal, not the truth.
            let guess = min(1, max(0, (product.appeal / topAppeal).squareRoot()))
            return """
                  {"id": "\(product.id)", "sku": "\(product.id.uppercased())", "title": "Product \(product.id.dropFirst())",
                   "description": "A simulated product", "category": "\(category)", "brand": "Brand \(product.brand)",
                   "tags": [\(product.tags.map { "\"\(Self.tagNames[$0])\"" }.joined(separator: ", "))],
                   "image": {"src": "https://sim.example.com/img/\(product.id).jpg", "alt": "Product \(product.id.dropFirst())"},
                   "prices": {"EUR": "\(product.price).00", "USD": "\(product.price + product.price / 10).00"},
                   "stock": {\(stock.joined(separator: ", "))}, "popularity": \(String(format: "%.3f", guess))}
                """
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// Vary's own texts (reasons, prices) are built in; a store's messages are only its templates'.
    private var messages: String { "{\"nav.home\": \"Home\"}\n" }

    var ordersCSV: String {
        var text = "order_id,product_id,quantity,region,date,customer_id,segment\n"
        text.reserveCapacity(lines.count * 72)
        for line in lines {
            let date = Instant.format(parameters.end.addingTimeInterval(-Double(line.secondsBeforeEnd)))
            text += "sim-\(line.order),\(products[line.product].id),\(line.quantity),\(Self.regions[line.region].0),\(date),"
                + "cust-\(line.customer),\(line.segment)\n"
        }
        return text
    }
}
