import Foundation

/// A generated store: content files in the format of SPEC "Content", deterministic for a shape and seed.
struct SyntheticStore {
    /// One generated product; kept so a benchmark can change a price and write the catalog again.
    struct ProductSeed {
        var id: String
        var usd: Double
        /// The product's JSON members before and after `prices`, which depends on `usd`.
        var head: [(String, String)]
        var tail: [(String, String)]
    }

    let shape: StoreShape
    let regions: [RegionSeed]
    private(set) var products: [ProductSeed] = []
    let images: [String]

    /// A store of the given shape whose product images cycle through `images` (paths under `assets/`).
    init(shape: StoreShape, images: [String]) {
        self.shape = shape
        self.images = images.isEmpty ? ["logo.svg"] : images
        regions = (0..<shape.regions).map { index in
            var seed = Vocabulary.regions[index % Vocabulary.regions.count]
            let round = index / Vocabulary.regions.count
            if round > 0 {
                // Markets beyond the vocabulary's 25 get their own id and a made-up country code, so no country is
                // listed twice.
                seed.id += "\(round)"
                let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                seed.country = String(letters[(16 + round) % 26]) + String(letters[index % Vocabulary.regions.count])
            }
            // A region's own languages first, then the others in the vocabulary's order.
            seed.languages += Vocabulary.languages.filter { !seed.languages.contains($0) }
            return seed
        }
        products = (0..<shape.products).map { makeProduct($0) }
    }

    /// Every content file by its path under `content/`, except the locale message files (copied from the sample store).
    func files() -> [String: String] {
        [
            "site.json": site(),
            "regions.json": JSONText.array(regions.map(region)),
            "segments.json": JSONText.array((0..<shape.segments).map(segment)),
            "catalog/products.json": catalog(),
            "promotions.json": JSONText.array(promotions()),
            "bundles.json": JSONText.array(bundles()),
            "orders.csv": orders(),
        ]
    }

    /// The catalog file, with each product's current price.
    func catalog() -> String {
        "[\n" + products.map { JSONText.object($0.head + [("prices", prices($0.usd))] + $0.tail) }.joined(separator: ",\n") + "\n]\n"
    }

    /// Raises one product's price by a tenth, as a merchandiser would.
    mutating func changePrice(ofProductAt index: Int) {
        products[index].usd = (products[index].usd * 1.1).rounded()
    }

    /// The product the "one product" build changes: the middle one, which in the named shapes is in no bundle and
    /// pinned by no segment.
    static func typicalProduct(of shape: StoreShape) -> Int { shape.products / 2 + 1 }

    // MARK: Files

    private func site() -> String {
        JSONText.object([
            ("name", JSONText.string("Northcairn Outfitters")), ("baseURL", JSONText.string("https://shop.example.com")),
            ("defaultRegion", JSONText.string(regions[0].id)), ("defaultSegment", JSONText.string("everyone")),
            ("defaultLocale", JSONText.string("en")), ("recommendations", "24"),
            ("segmentCookie", JSONText.string("vary_segment")), ("countryHeader", JSONText.string("X-Country")),
            ("routing", JSONText.strings(["nginx", "netlify", "cloudflare", "cloudfront"])),
            ("productPages", shape.productPages),
        ])
    }

    private func locales(of region: RegionSeed) -> [String] {
        region.languages.prefix(shape.localesPerRegion).map { "\($0)-\(region.country)" }
    }

    private func region(_ region: RegionSeed) -> String {
        let name = region.country == "GB" ? "United Kingdom" : "Market \(region.country)"
        let stores = (1...3).map { number in
            JSONText.object([
                ("name", JSONText.string("Northcairn \(region.country) \(number)")),
                ("city", JSONText.string("City \(number)")),
                ("address", JSONText.string("\(number * 100) Main Street")),
                ("url", JSONText.string("https://shop.example.com/stores/\(region.id)-\(number)")),
            ])
        }
        let events = ["2026-12-12", "2027-01-09"].enumerated().map { index, date in
            JSONText.object([
                ("title", JSONText.localized([("en", "Winter clinic \(index + 1)"), ("de", "Winterkurs \(index + 1)")])),
                ("date", JSONText.string(date)),
                ("url", JSONText.string("https://shop.example.com/events/\(region.id)-\(index + 1)")),
            ])
        }
        return JSONText.object([
            ("id", JSONText.string(region.id)), ("name", JSONText.localized([("en", name)])),
            ("countries", JSONText.strings([region.country])), ("currency", JSONText.string(region.currency)),
            ("locales", JSONText.strings(locales(of: region))),
            ("seasons", JSONText.strings(region.timeZone.hasPrefix("Australia") || region.timeZone.hasPrefix("Pacific")
                ? ["summer", "sun"] : ["winter", "snow"])),
            ("taxNote", JSONText.localized([("en", "Taxes included"), ("de", "inkl. MwSt."), ("fr", "TVA incluse")])),
            ("timeZone", JSONText.string(region.timeZone)),
            ("stores", JSONText.array(stores)), ("events", JSONText.array(events)),
        ])
    }

    private func segment(_ index: Int) -> String {
        guard index > 0 else {
            return JSONText.object([
                ("id", JSONText.string("everyone")), ("name", JSONText.localized([("en", "Everyone"), ("de", "Alle")])),
                ("hero", JSONText.object([
                    ("headline", JSONText.localized([("en", "Gear for every kind of outside"), ("de", "Ausrüstung für jedes Draußen")])),
                    ("subline", JSONText.localized([("en", "Our most-loved kit this season."), ("de", "Unsere beliebteste Ausrüstung.")])),
                ])),
            ])
        }
        var random = SeededGenerator(seed: UInt64(index) &* 7919)
        let categories = Vocabulary.categories
        let top = categories[index % categories.count]
        let sub = top.subs[(index / categories.count) % top.subs.count]
        let other = categories[(index * 3 + 1) % categories.count].top
        let tags = Vocabulary.tags.shuffled(using: &random).prefix(3)
        let brand = Vocabulary.brands[index % Vocabulary.brands.count]
        var members: [(String, String)] = [
            ("id", JSONText.string("segment-\(index)")),
            ("name", JSONText.localized([("en", "\(top.top.capitalized) fans \(index)"), ("de", "\(top.top.capitalized)-Fans \(index)")])),
            ("hero", JSONText.object([
                ("headline", JSONText.localized([("en", "Made for \(sub.replacingOccurrences(of: "-", with: " "))"),
                                                  ("de", "Gemacht für \(sub)")])),
                ("subline", JSONText.localized([("en", "Picks for people who love \(top.top) and \(other)."),
                                                 ("fr", "Une sélection pour les amateurs de \(top.top).")])),
            ])),
            ("affinity", JSONText.object([
                ("categories", JSONText.object([("\(top.top)/\(sub)", "1.0"), (top.top, "0.6"), (other, "0.3")])),
                ("tags", JSONText.object(tags.enumerated().map { ($1, String(format: "%.1f", 0.8 - 0.2 * Double($0))) })),
                ("brands", JSONText.object([(brand, "0.5")])),
            ])),
        ]
        if index % 3 == 0 { members.append(("priceCeiling", JSONText.object([("USD", JSONText.string("400.00")), ("EUR", JSONText.string("380.00"))]))) }
        if index % 4 == 0 { members.append(("pinned", JSONText.strings([products[(index * 37) % products.count].id]))) }
        if index % 5 == 0 { members.append(("exclude", JSONText.object([("tags", JSONText.strings(["kids"]))]))) }
        return JSONText.object(members)
    }

    private func promotions() -> [String] {
        func promotion(_ id: String, _ title: String, _ discount: String, applies: [(String, String)], extra: [(String, String)],
                       starts: String, ends: String, priority: Int, stackable: Bool) -> String {
            JSONText.object([
                ("id", JSONText.string(id)), ("title", JSONText.localized([("en", title), ("de", title + " (DE)"), ("fr", title + " (FR)")])),
                ("message", JSONText.localized([("en", "\(title): great savings for a short time.")])),
                ("discount", discount), ("appliesTo", JSONText.object(applies)),
            ] + extra + [
                ("starts", JSONText.string(starts)), ("ends", JSONText.string(ends)),
                ("priority", "\(priority)"), ("stackable", stackable ? "true" : "false"), ("code", JSONText.string(id.uppercased())),
            ])
        }
        let percent = { (value: Int) in JSONText.object([("type", JSONText.string("percent")), ("value", "\(value)")]) }
        let europe = regions.filter { $0.currency == "EUR" }.map(\.id)
        return [
            promotion("black-friday", "Black Friday Week", percent(25),
                      applies: [("categories", JSONText.strings(["apparel/jackets", "footwear"]))], extra: [],
                      starts: "2026-11-20T00:00:00Z", ends: "2026-12-01T00:00:00Z", priority: 10, stackable: false),
            promotion("snow-days", "Snow Days", percent(15),
                      applies: [("categories", JSONText.strings(["snow"]))],
                      extra: [("regions", JSONText.strings(europe.isEmpty ? [regions[0].id] : europe))],
                      starts: "2026-11-01T00:00:00Z", ends: "2026-12-24T00:00:00Z", priority: 5, stackable: false),
            promotion("members-extra", "Members Extra", percent(5),
                      applies: [("tags", JSONText.strings(["bestseller"]))], extra: [],
                      starts: "2026-11-01T00:00:00Z", ends: "2027-01-01T00:00:00Z", priority: 1, stackable: true),
            promotion("camp-cash", "Camp Cash",
                      JSONText.object([("type", JSONText.string("amount")),
                                       ("value", JSONText.object([("USD", JSONText.string("10.00")), ("EUR", JSONText.string("10.00"))]))]),
                      applies: [("categories", JSONText.strings(["camping"]))], extra: [("locales", JSONText.strings(["en", "de"]))],
                      starts: "2026-11-15T00:00:00Z", ends: "2026-12-15T00:00:00Z", priority: 3, stackable: false),
            promotion("spring-preview", "Spring Preview", percent(10),
                      applies: [("tags", JSONText.strings(["spring"]))], extra: [],
                      starts: "2027-03-01T00:00:00Z", ends: "2027-04-01T00:00:00Z", priority: 2, stackable: false),
        ]
    }

    private func bundles() -> [String] {
        (0..<8).map { index in
            let items = (0..<3).map { item in
                JSONText.object([("product", JSONText.string(products[(index * 97 + item * 31) % products.count].id)),
                                 ("quantity", "\(1 + item % 2)")])
            }
            return JSONText.object([
                ("id", JSONText.string("kit-\(index + 1)")),
                ("title", JSONText.localized([("en", "Starter kit \(index + 1)"), ("de", "Einsteiger-Set \(index + 1)")])),
                ("description", JSONText.localized([("en", "Three pieces that belong together, priced lower than their parts.")])),
                ("items", JSONText.array(items)),
                ("pricing", JSONText.object([("percent", "\(10 + index)")])),
            ])
        }
    }

    private func orders() -> String {
        var random = SeededGenerator(seed: 42)
        var lines = ["order_id,product_id,quantity,region,date"]
        for number in 0..<(products.count * 5) {
            let product = products[Int.random(in: 0..<products.count, using: &random)]
            let region = regions[Int.random(in: 0..<regions.count, using: &random)]
            let day = 1 + number % 28
            lines.append("o-\(number),\(product.id),\(1 + number % 3),\(region.id),2026-10-\(day < 10 ? "0" : "")\(day)T10:00:00Z")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
