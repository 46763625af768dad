import Foundation

extension SyntheticStore {
    /// The product at `index`: its category, brand, tags, localized texts, stock per region and popularity.
    func makeProduct(_ index: Int) -> ProductSeed {
        var random = SeededGenerator(seed: UInt64(index + 1) &* 0x9E37_79B9)
        let category = Vocabulary.categories[index % Vocabulary.categories.count]
        let sub = category.subs[(index / Vocabulary.categories.count) % category.subs.count]
        let brand = Vocabulary.brands[Int.random(in: 0..<Vocabulary.brands.count, using: &random)]
        let adjective = Vocabulary.adjectives[Int.random(in: 0..<Vocabulary.adjectives.count, using: &random)]
        let tags = Array(Vocabulary.tags.shuffled(using: &random).prefix(Int.random(in: 2...5, using: &random)))
        let model = String(format: "%04d", index)
        let id = "\(adjective.lowercased())-\(sub)-\(model)"
        let title = Vocabulary.languages.map { language in
            (language, "\(adjective) \(category.noun[language] ?? category.noun["en"]!) \(model)")
        }
        let description = Vocabulary.descriptions.keys.sorted().map { language in
            let sentences = Vocabulary.descriptions[language]!
            let first = sentences[index % sentences.count]
            let second = sentences[(index + 1) % sentences.count]
            return (language, "\(first) \(second)")
        }
        var stock: [(String, String)] = []
        for region in regions where Int.random(in: 0..<10, using: &random) < 9 {
            stock.append((region.id, Int.random(in: 0..<10, using: &random) == 0 ? "0" : "\(Int.random(in: 1...200, using: &random))"))
        }
        let complements = (1...2).map { offset in
            let other = (index + offset * 13) % shape.products
            return productID(other)
        }
        let head: [(String, String)] = [
            ("id", JSONText.string(id)),
            ("sku", JSONText.string("NC-\(10_000 + index)")),
            ("title", JSONText.localized(title)),
            ("description", JSONText.localized(description)),
            ("category", JSONText.string("\(category.top)/\(sub)")),
            ("brand", JSONText.string(brand)),
            ("tags", JSONText.strings(tags)),
            ("image", JSONText.object([
                ("src", JSONText.string("products/" + images[index % images.count])),
                ("alt", JSONText.localized([("en", "Illustration of the \(adjective) \(category.noun["en"]!)"),
                                           ("de", "Illustration: \(adjective) \(category.noun["de"]!)")])),
            ])),
        ]
        let tail: [(String, String)] = [
            ("stock", JSONText.object(stock)),
            ("popularity", String(format: "%.2f", Double.random(in: 0...1, using: &random))),
            ("complements", JSONText.strings(complements.filter { $0 != id })),
            ("attributes", JSONText.object([("weight", JSONText.string("\(Int.random(in: 50...3000, using: &random)) g"))])),
        ]
        return ProductSeed(id: id, usd: Double(Int.random(in: 9...600, using: &random)) - 0.01, head: head, tail: tail)
    }

    /// The id `makeProduct` gives the product at `index`, without making the rest of it.
    func productID(_ index: Int) -> String {
        var random = SeededGenerator(seed: UInt64(index + 1) &* 0x9E37_79B9)
        let category = Vocabulary.categories[index % Vocabulary.categories.count]
        let sub = category.subs[(index / Vocabulary.categories.count) % category.subs.count]
        _ = Int.random(in: 0..<Vocabulary.brands.count, using: &random)
        let adjective = Vocabulary.adjectives[Int.random(in: 0..<Vocabulary.adjectives.count, using: &random)]
        return "\(adjective.lowercased())-\(sub)-\(String(format: "%04d", index))"
    }

    /// Prices in every currency the regions use, converted from US dollars and rounded to each currency's digits.
    func prices(_ usd: Double) -> String {
        let codes = Set(regions.map(\.currency)).union(["USD"]).sorted()
        return JSONText.object(codes.map { code in
            let (rate, digits) = Vocabulary.currencies[code] ?? (1, 2)
            let amount = usd * rate
            let text = digits == 0 ? String(Int(amount.rounded())) : String(format: "%.\(digits)f", amount)
            return (code, JSONText.string(text))
        })
    }
}
